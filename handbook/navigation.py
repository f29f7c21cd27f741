"""The site's navigation, derived from the content model and handbook.yml's sections.

Returned as MkDocs' plain `nav` data (titles and paths relative to the language folder), so a new
concept page appears in the navigation without editing `mkdocs.yml`.
"""

from __future__ import annotations

from handbook.loader import Handbook


def build_nav(handbook: Handbook, lang: str) -> list:
    project = handbook.project
    nav: list = [project.overview_src.get("home", "index.md")]
    for section in project.structure.sections:
        paths = [f"{section.folder}/{c.id}.md" for c in handbook.by_kind(section.kind)]
        if section.flat:
            nav.extend(paths)
            continue
        if section.overview:
            paths.insert(0, project.overview_src[section.overview])
        nav.append({handbook.labels.get(lang, f"section.{section.kind}"): paths})
    checklists = project.structure.checklists
    if checklists:
        paths = ["checklists/index.md"] + [f"checklists/{s.id}.md" for s in checklists]
        nav.append({handbook.labels.get(lang, "section.checklists"): paths})
    if handbook.guides:
        guides = [f"{project.structure.guides}/{guide_id}.md" for guide_id in handbook.guides]
        nav.append({handbook.labels.get(lang, "section.guide"): guides})
    nav.append("glossary.md")
    nav.append("translation-status.md")
    return nav
