"""The search query set: what a reader types, and the concept pages that should come back.

A query is a hit when one of its expected concept ids is among the first three results. Kinds:
word (a single word), phrase (words typed without spaces), spaced (a phrase with spaces),
mid (a word that sits inside a longer Thai run on the page), term (an English term on a Thai
page), synonym (another wording of a concept), stem (an English inflection).
"""

from __future__ import annotations

THAI: list[tuple[str, str, tuple[str, ...]]] = [
    # single words
    ("word", "วิสัยทัศน์", ("common-vision",)),
    ("word", "พึ่งพา", ("interdependence",)),
    ("word", "ทรัพยากร", ("interdependence", "maintenance")),
    ("word", "หุ้นส่วน", ("participation", "interdependence")),
    ("word", "ปฏิสัมพันธ์", ("interaction",)),
    ("word", "แรงจูงใจ", ("mutual-benefits", "maintenance")),
    ("word", "ผลประโยชน์", ("mutual-benefits",)),
    ("word", "ชมรม", ("natural-network",)),
    ("word", "ภาครัฐ", ("organized-network",)),
    ("word", "พันธสัญญา", ("evolutionary-network",)),
    ("word", "ผู้สูงอายุ", ("evolutionary-network",)),
    ("word", "วุฒิภาวะ", ("core-members",)),
    ("word", "โปร่งใส", ("core-members",)),
    ("word", "เว็บไซต์", ("sustainability",)),
    ("word", "สัมพันธภาพ", ("maintenance",)),
    ("word", "จุดอ่อน", ("complementarity",)),
    ("word", "ทวีคูณ", ("complementarity",)),
    ("word", "เท่าเทียม", ("network-definition", "participation")),
    ("word", "สมัครใจ", ("network-definition", "networking")),
    ("word", "เอกภาพ", ("common-vision", "core-members")),
    ("word", "ขัดแย้ง", ("common-vision",)),
    ("word", "ภูมิลำเนา", ("natural-network",)),
    ("word", "ทางเดียว", ("networking",)),
    ("word", "เวที", ("sustainability",)),
    ("word", "ศักยภาพ", ("sustainability",)),
    # phrases typed without spaces
    ("phrase", "วิสัยทัศน์ร่วมกัน", ("common-vision",)),
    ("phrase", "การรับรู้ร่วมกัน", ("common-perception",)),
    ("phrase", "ผลประโยชน์ร่วมกัน", ("mutual-benefits",)),
    ("phrase", "ความสัมพันธ์ในแนวราบ", ("participation",)),
    ("phrase", "เครือข่ายจัดตั้ง", ("organized-network",)),
    ("phrase", "เครือข่ายวิวัฒนาการ", ("evolutionary-network",)),
    ("phrase", "เครือข่ายที่เกิดโดยธรรมชาติ", ("natural-network",)),
    ("phrase", "การรักษาเครือข่าย", ("maintenance",)),
    ("phrase", "คุณสมบัติของกลุ่มสมาชิกแกนนำ", ("core-members",)),
    ("phrase", "ผู้นำรุ่นใหม่", ("maintenance",)),
    ("phrase", "กลไกสร้างระบบจูงใจ", ("maintenance",)),
    ("phrase", "คนรุ่นเก่ากับคนรุ่นใหม่", ("sustainability",)),
    # phrases with spaces
    ("spaced", "ร่วมรับรู้ ร่วมคิด ร่วมตัดสินใจ", ("participation",)),
    ("spaced", "ผลประโยชน์ ตัวเงิน", ("mutual-benefits",)),
    ("spaced", "จุดแข็ง จุดอ่อน", ("complementarity",)),
    ("spaced", "ความเป็นอิสระ ความเท่าเทียม", ("network-definition",)),
    ("spaced", "เผยแพร่ ข่าวสาร", ("networking",)),
    # a word in the middle of a long Thai run
    ("mid", "อนาคต", ("common-vision",)),
    ("mid", "เหนียวแน่น", ("interdependence",)),
    ("mid", "จางหาย", ("organized-network",)),
    ("mid", "หัวใจ", ("common-perception",)),
    ("mid", "เนื้อเชื่อใจ", ("core-members",)),
    ("mid", "กำลังคน", ("interdependence",)),
    # English terms on Thai pages
    ("term", "common vision", ("common-vision",)),
    ("term", "interdependence", ("interdependence",)),
    ("term", "horizontal relationship", ("participation",)),
    ("term", "complementary", ("complementarity",)),
    ("term", "interaction", ("interaction",)),
    # other wordings
    ("synonym", "เกื้อหนุน", ("interdependence",)),
    ("synonym", "เครือญาติ", ("natural-network",)),
    ("synonym", "แกนนำ", ("core-members",)),
]

ENGLISH: list[tuple[str, str, tuple[str, ...]]] = [
    ("word", "vision", ("common-vision",)),
    ("word", "perception", ("common-perception",)),
    ("word", "benefits", ("mutual-benefits",)),
    ("word", "participation", ("participation",)),
    ("word", "horizontal", ("participation",)),
    ("word", "interdependence", ("interdependence",)),
    ("word", "interaction", ("interaction",)),
    ("word", "evolutionary", ("evolutionary-network",)),
    ("word", "sustainability", ("sustainability",)),
    ("word", "website", ("sustainability",)),
    ("word", "incentives", ("maintenance",)),
    ("word", "transparent", ("core-members",)),
    ("word", "government", ("organized-network",)),
    ("word", "kinship", ("natural-network",)),
    ("phrase", "common perception", ("common-perception",)),
    ("phrase", "complementary relationship", ("complementarity",)),
    ("phrase", "natural network", ("natural-network",)),
    ("phrase", "organized network", ("organized-network",)),
    ("phrase", "core team", ("core-members",)),
    ("phrase", "new leaders", ("maintenance",)),
    ("phrase", "strengths weaknesses", ("complementarity",)),
    ("stem", "visions", ("common-vision",)),
    ("stem", "participating", ("participation",)),
    ("stem", "maintaining", ("maintenance",)),
    ("term", "วิสัยทัศน์", ("common-vision",)),
]

# ---- typos -------------------------------------------------------------------------------------
#
# What readers really type (issue 14): Thai on a phone keyboard without or with the wrong tone
# mark, common confusions and sound-alike spellings; English slips. Each query is a deliberate
# misspelling of a Royal Institute (or dictionary) spelling of a word the page uses; the correct
# word is in the comment. Kinds: tone (missing or wrong tone mark), mark (another diacritic or
# vowel mark missing: ์ ็ ิ ู), confusion (ฎ/ฏ, ไ/ใ, ศ/ษ/ส, final ด/ต/จ/ติ…), cluster (ร or ล
# missing from a cluster), soundalike (another spelling of the same sound); English: edit (one
# or two letters wrong, missing, extra or swapped), spelling (British/American), plural.

THAI_TYPOS: list[tuple[str, str, tuple[str, ...]]] = [
    ("tone", "พึงพา", ("interdependence",)),  # พึ่งพา
    ("tone", "หุนส่วน", ("participation", "interdependence")),  # หุ้นส่วน
    ("tone", "เทาเทียม", ("network-definition", "participation")),  # เท่าเทียม
    ("tone", "โปรงใส", ("core-members",)),  # โปร่งใส
    ("tone", "ขัดแยง", ("common-vision",)),  # ขัดแย้ง
    ("tone", "เหนียวแนน", ("interdependence",)),  # เหนียวแน่น
    ("tone", "ผูสูงอายุ", ("evolutionary-network",)),  # ผู้สูงอายุ
    ("tone", "ผู้นำรุนใหม", ("maintenance",)),  # ผู้นำรุ่นใหม่
    ("tone", "เกือหนุน", ("interdependence",)),  # เกื้อหนุน
    ("tone", "จุดออน", ("complementarity",)),  # จุดอ่อน
    ("tone", "พึ้งพา", ("interdependence",)),  # พึ่งพา, wrong tone
    ("tone", "แลกเปลี้ยน", ("interaction",)),  # แลกเปลี่ยน, wrong tone
    ("tone", "เกี้ยวพันพึ่งพา", ("interdependence",)),  # เกี่ยวพัน, wrong tone
    ("tone", "ไวเนื้อเชือใจ", ("core-members",)),  # ไว้เนื้อเชื่อใจ
    ("mark", "ปฏิสัมพันธ", ("interaction",)),  # ปฏิสัมพันธ์
    ("mark", "เว็บไซต", ("sustainability",)),  # เว็บไซต์
    ("mark", "เวบไซต์", ("sustainability",)),  # เว็บไซต์
    ("mark", "ผลประโยชนร่วมกัน", ("mutual-benefits",)),  # ผลประโยชน์ร่วมกัน
    ("mark", "วุฒภาวะ", ("core-members",)),  # วุฒิภาวะ
    ("mark", "แรงจุงใจ", ("mutual-benefits", "maintenance")),  # แรงจูงใจ
    ("confusion", "ปฎิสัมพันธ์", ("interaction",)),  # ปฏิสัมพันธ์ (ฎ for ฏ)
    ("confusion", "โปร่งไส", ("core-members",)),  # โปร่งใส
    ("confusion", "หัวไจ", ("common-perception",)),  # หัวใจ
    ("confusion", "สมัครไจ", ("network-definition", "networking")),  # สมัครใจ
    ("confusion", "ความสนไจร่วมกัน", ("mutual-benefits",)),  # ความสนใจร่วมกัน
    ("confusion", "ร่วมตัดสินไจ", ("participation",)),  # ร่วมตัดสินใจ
    ("confusion", "ผู้นำรุ่นไหม่", ("maintenance",)),  # ผู้นำรุ่นใหม่
    ("confusion", "คุณสมบัด", ("core-members",)),  # คุณสมบัติ
    ("confusion", "เครือข่ายที่เกิดโดยธรรมชาด", ("natural-network",)),  # ธรรมชาติ
    ("confusion", "เครือญาด", ("natural-network",)),  # เครือญาติ
    ("confusion", "ศักยภาพพิเศส", ("sustainability",)),  # พิเศษ
    ("cluster", "ทัพยากร", ("interdependence", "maintenance")),  # ทรัพยากร
    ("cluster", "เคือญาติ", ("natural-network",)),  # เครือญาติ
    ("cluster", "โป่งใส", ("core-members",)),  # โปร่งใส
    ("cluster", "ผลปะโยชน์", ("mutual-benefits",)),  # ผลประโยชน์
    ("cluster", "แลกเปี่ยน", ("interaction",)),  # แลกเปลี่ยน
    ("cluster", "พังทวีคูณ", ("complementarity",)),  # พลังทวีคูณ
    ("cluster", "เคือข่ายจัดตั้ง", ("organized-network",)),  # เครือข่ายจัดตั้ง
    ("soundalike", "ชมลม", ("natural-network",)),  # ชมรม
    ("soundalike", "ภาคลัด", ("organized-network",)),  # ภาครัฐ
    ("soundalike", "วิวัฒนากาน", ("evolutionary-network",)),  # วิวัฒนาการ
    ("soundalike", "ทวีคูน", ("complementarity",)),  # ทวีคูณ
    ("soundalike", "สำพันธภาพ", ("maintenance",)),  # สัมพันธภาพ
    ("soundalike", "พูมิลำเนา", ("natural-network",)),  # ภูมิลำเนา
    ("soundalike", "สักยภาพ", ("sustainability",)),  # ศักยภาพ
    ("soundalike", "พันธะสัญญา", ("evolutionary-network",)),  # พันธสัญญา
    ("soundalike", "วุติภาวะ", ("core-members",)),  # วุฒิภาวะ
    ("soundalike", "ซัพยากร", ("interdependence", "maintenance")),  # ทรัพยากร
]

ENGLISH_TYPOS: list[tuple[str, str, tuple[str, ...]]] = [
    ("edit", "perceptoin", ("common-perception",)),
    ("edit", "benifits", ("mutual-benefits",)),
    ("edit", "horizontel", ("participation",)),
    ("edit", "interdependance", ("interdependence",)),
    ("edit", "interacton", ("interaction",)),
    ("edit", "evolutionery", ("evolutionary-network",)),
    ("edit", "webiste", ("sustainability",)),
    ("edit", "incentivs", ("maintenance",)),
    ("edit", "transparant", ("core-members",)),
    ("edit", "goverment", ("organized-network",)),
    ("edit", "kinshp", ("natural-network",)),
    ("edit", "complementery relationship", ("complementarity",)),
    ("edit", "natual network", ("natural-network",)),
    ("edit", "maintainance", ("maintenance",)),
    ("edit", "sustainible network", ("sustainability",)),
    ("edit", "stakeholdr", ("participation",)),
    ("edit", "complementarty", ("complementarity",)),
    ("edit", "interdependant", ("interdependence",)),
    ("edit", "strenghts weeknesses", ("complementarity",)),
    ("edit", "mutal benefits", ("mutual-benefits",)),
    ("edit", "conflcit", ("common-vision",)),
    ("edit", "govenment policy", ("organized-network",)),
    ("edit", "trasnparent", ("core-members",)),
    ("spelling", "organised network", ("organized-network",)),
    ("spelling", "organisational culture", ("sustainability",)),
    ("spelling", "government programs", ("organized-network",)),
    ("plural", "perceptions", ("common-perception",)),
    ("plural", "interactions", ("interaction",)),
    ("plural", "incentive", ("maintenance",)),
    ("plural", "kinships", ("natural-network",)),
]
