"""Interface words the generators write into pages, per language.

Content lives in the pages' front matter; these are only the handbook's own labels. A key missing
from one language is a bug caught by `tests/test_labels.py`.
"""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    "th": {
        "section.definition": "พื้นฐาน",
        "section.element": "องค์ประกอบของเครือข่าย",
        "section.type": "ลักษณะของเครือข่าย",
        "section.practice": "การสร้างและรักษาเครือข่าย",
        "section.checklists": "แบบตรวจสอบ",
        "section.reference": "อ้างอิง",
        "questions.title": "คำถามชวนคิดสำหรับเครือข่ายของคุณ (ส่วนเพิ่มเติมของคู่มือ)",
        "questions.intro": "คำถามเหล่านี้คู่มือเขียนเพิ่มขึ้นเอง ไม่ได้มาจากเอกสารต้นฉบับ "
        "ใช้ชวนสมาชิกคุยกันถึงเครือข่ายของตนเอง",
        "signs.title": "สัญญาณที่บอกว่าเครือข่ายของคุณเป็นแบบนี้ (ส่วนเพิ่มเติมของคู่มือ)",
        "compare.aspect": "ประเด็น",
        "compare.origin": "เริ่มต้นอย่างไร",
        "compare.driver": "อะไรขับเคลื่อน",
        "compare.duration": "อยู่ได้นานแค่ไหน",
        "compare.example": "ตัวอย่าง",
        "compare.note": "ตารางนี้คู่มือสรุปขึ้นจากเนื้อหาของแต่ละลักษณะ "
        "ตัวอย่างของเครือข่ายที่เกิดโดยธรรมชาติและเครือข่ายจัดตั้งเป็นส่วนเพิ่มเติมของคู่มือ",
        "term.line": 'คำภาษาอังกฤษ: <span lang="en">{en}</span>',
        "points.count": "{n} ข้อ",
        "checklists.index.title": "แบบตรวจสอบสำหรับเวทีเครือข่าย",
        "checklists.index.intro": "แบบตรวจสอบทุกชุดสร้างขึ้นจากเนื้อหาของคู่มือ ใช้ติ๊กบนจอคอมพิวเตอร์ "
        "หรือโปรเจกเตอร์ระหว่างประชุม หรือพิมพ์แจกผู้เข้าร่วมก็ได้ "
        "ข้อคำถามเป็นส่วนเพิ่มเติมของคู่มือ ที่มาของแต่ละหมวดอยู่ใต้หมวดนั้น",
        "checklist.health-check": "ตรวจสุขภาพเครือข่าย",
        "checklist.health-check.intro": "ติ๊กข้อที่เครือข่ายของคุณทำได้แล้ว แผนภูมิจะแสดงว่าองค์ประกอบทั้ง 7 ประการมีอยู่มากน้อยเพียงใด",
        "checklist.sustainability": "แบบตรวจสอบความยั่งยืนของเครือข่าย",
        "checklist.sustainability.intro": "ข้อเสนอแนะ 11 ข้อในการพัฒนาเครือข่ายเพื่อความยั่งยืน ติ๊กข้อที่เครือข่ายของคุณทำอยู่แล้ว",
        "checklist.maintenance": "แบบตรวจสอบการรักษาเครือข่าย",
        "checklist.maintenance.intro": "หลักการรักษาความสำเร็จของเครือข่าย 6 ข้อ ติ๊กข้อที่เครือข่ายของคุณทำอยู่แล้ว",
        "checklist.core-team": "แบบประเมินตนเองของทีมแกนนำ",
        "checklist.core-team.intro": "คุณสมบัติ 9 ประการของกลุ่มสมาชิกแกนนำ ให้ทีมแกนนำติ๊กข้อที่ทีมมีอยู่แล้ว",
        "checklist.network-type": "เครือข่ายของเราเป็นแบบไหน",
        "checklist.network-type.intro": "ติ๊กสัญญาณที่ตรงกับเครือข่ายของคุณ แล้วดูว่าเครือข่ายของคุณคล้ายลักษณะใดมากที่สุด",
        "checklist.source": "ที่มา:",
        "checklist.note": "บันทึกของกลุ่ม",
        "print.network": "ชื่อเครือข่าย",
        "print.date": "วันที่",
        "print.participants": "ผู้เข้าร่วม",
        "toolbar.label": "เครื่องมือแบบตรวจสอบ",
        "toolbar.ticked": "ข้อที่ติ๊กแล้ว",
        "toolbar.print": "พิมพ์",
        "toolbar.share": "คัดลอกลิงก์ผลการติ๊ก",
        "toolbar.clear": "ล้างทั้งหมด",
        "toolbar.copied": "คัดลอกลิงก์แล้ว ส่งให้ผู้อื่นเปิดดูผลเดียวกันได้",
        "toolbar.confirm-clear": "ล้างการติ๊กและบันทึกทั้งหมดในแบบตรวจสอบนี้ใช่หรือไม่",
        "result.chart": "องค์ประกอบที่มีอยู่แล้วในเครือข่ายของคุณ",
        "result.type": "สัญญาณของแต่ละลักษณะที่ติ๊กแล้ว",
        "result.type.none": "ยังไม่ได้ติ๊กสัญญาณใด",
        "result.type.lead": "เครือข่ายของคุณคล้าย{type}มากที่สุด ({count}/{size} สัญญาณ)",
    },
    "en": {
        "section.definition": "Basics",
        "section.element": "Elements of a network",
        "section.type": "Types of network",
        "section.practice": "Building and keeping a network",
        "section.checklists": "Checklists",
        "section.reference": "Reference",
        "questions.title": "Questions for your network (added by this handbook)",
        "questions.intro": "These questions are the handbook's own addition, not part of the "
        "source document. Use them to start a conversation about your own network.",
        "signs.title": "Signs that your network is of this type (added by this handbook)",
        "compare.aspect": "Aspect",
        "compare.origin": "How it starts",
        "compare.driver": "What drives it",
        "compare.duration": "How long it lasts",
        "compare.example": "Example",
        "compare.note": "The handbook drew this table up from each type's page; the examples "
        "for natural and organized networks are the handbook's own.",
        "term.line": 'In the Thai original: <span lang="th">{th}</span> ({en})',
        "points.count": "{n} points",
        "checklists.index.title": "Checklists for workshops",
        "checklists.index.intro": "Every checklist is generated from the handbook's pages. Tick them "
        "on a laptop or projector during a meeting, or print them as handouts. The questions are the "
        "handbook's own addition; each section names the page it comes from.",
        "checklist.health-check": "Network health check",
        "checklist.health-check.intro": "Tick what your network already does. The chart shows how much of each of the seven elements is in place.",
        "checklist.sustainability": "Sustainability checklist",
        "checklist.sustainability.intro": "The eleven recommendations for making a network last. Tick the ones your network already follows.",
        "checklist.maintenance": "Maintenance checklist",
        "checklist.maintenance.intro": "The six principles for keeping a network successful. Tick the ones your network already follows.",
        "checklist.core-team": "Core team self-assessment",
        "checklist.core-team.intro": "The nine qualities of a network's core team. Let the core team tick the ones it already has.",
        "checklist.network-type": "Which type is our network?",
        "checklist.network-type.intro": "Tick the signs that fit your network and see which of the three types it resembles most.",
        "checklist.source": "Source:",
        "checklist.note": "Group notes",
        "print.network": "Network",
        "print.date": "Date",
        "print.participants": "Participants",
        "toolbar.label": "Checklist tools",
        "toolbar.ticked": "ticked",
        "toolbar.print": "Print",
        "toolbar.share": "Copy a link to these ticks",
        "toolbar.clear": "Clear all",
        "toolbar.copied": "Link copied: anyone who opens it sees the same ticks.",
        "toolbar.confirm-clear": "Clear every tick and note on this checklist?",
        "result.chart": "Elements already in place in your network",
        "result.type": "Signs ticked for each type",
        "result.type.none": "No signs ticked yet.",
        "result.type.lead": "Your network most resembles: {type} ({count} of {size} signs)",
    },
}


def label(lang: str, key: str, **values: object) -> str:
    text = LABELS[lang][key]
    return text.format(**values) if values else text
