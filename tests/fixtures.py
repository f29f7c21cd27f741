"""A tiny, valid handbook written into a temp dir; tests break one thing at a time."""

from __future__ import annotations

import textwrap
from pathlib import Path

GOOD_TH = """\
---
id: {id}
kind: element
order: {order}
title: หัวข้อ {id}
summary: สรุปหนึ่งบรรทัด
terms:
  th: คำไทย {id}
  en: term {id}
points:
  - id: first-point
    text: ข้อแรกของต้นฉบับ
  - id: second-point
    text: ข้อที่สอง
checklist:
  - id: ask-{id}
    text: เครือข่ายของเราทำข้อแรกแล้วหรือไม่
related: [{related}]
lead: บทนำของผู้จัดทำคู่มือ
---

<!-- handbook:points -->

<!-- handbook:questions -->
"""

GOOD_EN = """\
---
id: {id}
kind: element
order: {order}
title: Title {id}
summary: One line.
terms:
  th: คำไทย {id}
  en: term {id}
points:
  - id: first-point
    text: The first point of the source.
  - id: second-point
    text: The second point.
checklist:
  - id: ask-{id}
    text: Does our network do the first thing?
related: [{related}]
lead: The editors' introduction.
---

<!-- handbook:points -->

<!-- handbook:questions -->
"""


def write_handbook(root: Path, ids: tuple[str, ...] = ("alpha", "beta")) -> Path:
    """Write a fixture handbook (two related elements, both languages); return its docs dir."""
    docs = root / "docs"
    for order, concept_id in enumerate(ids, start=1):
        related = ", ".join(i for i in ids if i != concept_id)
        for lang, template in (("th", GOOD_TH), ("en", GOOD_EN)):
            path = docs / lang / "elements" / f"{concept_id}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                template.format(id=concept_id, order=order, related=related), encoding="utf-8"
            )
    return docs


def replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture has no {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def dedent(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")
