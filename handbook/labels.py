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
    },
}


def label(lang: str, key: str, **values: object) -> str:
    text = LABELS[lang][key]
    return text.format(**values) if values else text
