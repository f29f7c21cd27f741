"""Checklists for the photocopier: which take two facing pages (estimated, then measured)."""

from __future__ import annotations

from handbook.book.links import checklist_anchor
from handbook.checklists import Checklist

#: Ruled lines under each section of a checklist for the group's notes.
NOTE_LINES = 3


# ---------------------------------------------------------------------------------------------
# Checklists for the photocopier: one page each, or two facing pages marked as such
# ---------------------------------------------------------------------------------------------

#: What fits on a checklist's page (A4 less its margins, in mm) and what its parts take, roughly
#: (11 pt Sarabun); the rendered book says which checklists really took two pages.
PAGE_HEIGHT_MM = 297 - 36 - 8
_HEAD_MM, _SECTION_MM, _LINE_MM, _NOTE_MM = 42, 20, 7.2, 8
_CHARS_PER_LINE = {"th": 105, "en": 95}


def estimate_spreads(checklists: list[Checklist], lang: str) -> frozenset[str]:
    """The checklists that will not fit one page, by an estimate of their height."""
    per_line = _CHARS_PER_LINE.get(lang, 95)
    spreads = set()
    for checklist in checklists:
        height = _HEAD_MM + (10 if checklist.result != "none" or len(checklist.sections) > 1 else 0)
        for section in checklist.sections:
            lines = sum(-(-len(item.text[lang]) // per_line) for item in section.items)
            height += _SECTION_MM + lines * _LINE_MM + NOTE_LINES * _NOTE_MM
        if height > PAGE_HEIGHT_MM:
            spreads.add(checklist.id)
    return frozenset(spreads)


def measured_spreads(rendered, checklists: list[Checklist]) -> frozenset[str]:
    """The checklists that took more than one page in a laid-out book (from the page each one's
    start and end anchors fell on)."""
    page_of = {}
    for number, page in enumerate(rendered.pages):
        for anchor in page.anchors:
            page_of.setdefault(anchor, number)
    return frozenset(
        checklist.id for checklist in checklists
        if page_of.get(f"{checklist_anchor(checklist.id)}--end", 0) > page_of.get(checklist_anchor(checklist.id), 0)
    )
