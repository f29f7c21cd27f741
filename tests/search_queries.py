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
