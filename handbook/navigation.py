"""The site's navigation, derived from the content model (kind, then `order`).

Returned as MkDocs' plain `nav` data (titles and paths relative to the language folder), so a new
concept page appears in the navigation without editing `mkdocs.yml`.
"""

from __future__ import annotations

from handbook.checklists import CHECKLIST_SPECS
from handbook.labels import label
from handbook.loader import Handbook
from handbook.schema import GUIDE_SECTION, KINDS, SECTION_BY_KIND

#: Overview pages that open a section (`navigation.indexes`).
SECTION_INDEX: dict[str, str] = {"element": "elements/index.md", "type": "types/index.md"}


def build_nav(handbook: Handbook, lang: str) -> list:
    nav: list = ["index.md"]
    for kind in KINDS:
        concepts = handbook.by_kind(kind)
        paths = [f"{SECTION_BY_KIND[kind]}/{c.id}.md" for c in concepts]
        if kind == "definition":
            nav.extend(paths)
            continue
        if kind in SECTION_INDEX:
            paths.insert(0, SECTION_INDEX[kind])
        nav.append({label(lang, f"section.{kind}"): paths})
    checklists = ["checklists/index.md"] + [f"checklists/{s.id}.md" for s in CHECKLIST_SPECS]
    nav.append({label(lang, "section.checklists"): checklists})
    if handbook.guides:
        guides = [f"{GUIDE_SECTION}/{guide_id}.md" for guide_id in handbook.guides]
        nav.append({label(lang, "section.guide"): guides})
    nav.append("glossary.md")
    nav.append("translation-status.md")
    return nav
