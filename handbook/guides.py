"""Guide pages: the handbook's own pages (the facilitator's guide, about the source).

A guide is a Markdown page with `kind: guide` below `docs/<lang>/guides/`; what it lists that the
handbook already knows is generated through markers, so that it never goes stale by hand:
`<!-- handbook:checklists -->` lists every checklist of the language (a new checklist appears on
its own), `<!-- handbook:emendations -->` every emendation of the source (`handbook.emendations`).
"""

from __future__ import annotations

from handbook.checklists import build_checklists, render_checklist_list
from handbook.emendations import render_emendations
from handbook.loader import Handbook, Page
from handbook.mdtext import Renderer


def render_checklist_links(handbook: Handbook, page: Page, lang: str) -> str:
    """A link to every checklist of `lang`, with its number of items and what it is for."""
    return render_checklist_list(build_checklists(handbook), page.src_uri, lang, labels=handbook.labels)


GUIDE_MARKERS: dict[str, Renderer] = {
    "checklists": render_checklist_links,
    "emendations": render_emendations,
}
