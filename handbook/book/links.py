"""Links inside the book: each page's ids prefixed by its chapter, links between pages turned into
references to the book's own anchors (printed with their page number)."""

from __future__ import annotations

import html
import posixpath
import re

from handbook.loader import Handbook

# ---------------------------------------------------------------------------------------------
# Anchors: every id of the book is prefixed by the chapter it belongs to, so that the points
# of two concepts (both may have a `terms` point) never share an id.
# ---------------------------------------------------------------------------------------------


def concept_anchor(concept_id: str) -> str:
    return f"c-{concept_id}"


def part_anchor(kind: str) -> str:
    return f"part-{kind}"


def checklist_anchor(checklist_id: str) -> str:
    return f"checklist-{checklist_id}"


def guide_anchor(guide_id: str) -> str:
    return f"g-{guide_id}"


GUIDES_ANCHOR = "guides"
GLOSSARY_ANCHOR = "glossary"
APPENDIX_ANCHOR = "appendix"


def anchor_of_src(handbook: Handbook, src_uri: str) -> str | None:
    """The book's anchor for a source page (`th/elements/common-vision.md`), or None when the
    page is not in the book."""
    lang, _, rest = src_uri.partition("/")
    sections = handbook.project.structure.sections
    for overview, path in handbook.project.overview_src.items():
        if rest == path:
            kind = next((s.kind for s in sections if s.overview == overview), None)
            return part_anchor(kind) if kind else "cover"
    if rest == "glossary.md":
        return GLOSSARY_ANCHOR
    guides = handbook.project.structure.guides
    if rest.startswith(f"{guides}/") and rest.count("/") == 1:
        guide_id = rest.removeprefix(f"{guides}/").removesuffix(".md")
        return guide_anchor(guide_id) if guide_id in handbook.guides else None
    if rest.startswith("checklists/"):
        name = rest.removeprefix("checklists/").removesuffix(".md")
        return APPENDIX_ANCHOR if name == "index" else checklist_anchor(name)
    concept_id = posixpath.basename(rest).removesuffix(".md")
    concept = handbook.concepts.get(concept_id)
    if concept and handbook.concept_src_uri(concept.id, concept.kind, lang) == src_uri:
        return concept_anchor(concept.id)
    return None


_HREF = re.compile(r'href="([^"]*)"')
_ID = re.compile(r'\bid="([^"]*)"')
_SRC = re.compile(r'\bsrc="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-5])\b")


def bookify(html_text: str, *, handbook: Handbook, src_uri: str, prefix: str, depth: int,
            page_word: str) -> str:
    """A page's HTML made part of the book: ids prefixed, links between pages turned into
    references to the book's own anchors (printed with their page), headings moved `depth`
    levels down under the chapter's title. Links to pages not in the book lose their link."""

    def local(match: re.Match) -> str:
        href = html.unescape(match.group(1))
        if re.match(r"^[a-z][a-z0-9+.\-]*:", href):
            return match.group(0)  # mailto:, https: …: printed as they are
        path, _, fragment = href.partition("#")
        if not path:
            target = prefix
        else:
            target_src = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), path))
            target = anchor_of_src(handbook, target_src)
            if target is None:
                return 'data-gone=""'
        anchor = f"{target}--{fragment}" if fragment else target
        return f'href="#{html.escape(anchor)}" data-ref="{html.escape(page_word)}"'

    def image(match: re.Match) -> str:
        # A page's own image (the source checks allowed it): the book reads it from docs/.
        src = html.unescape(match.group(1))
        if re.match(r"^[a-z][a-z0-9+.\-]*:", src) or src.startswith("/"):
            return match.group(0)  # refused by the fetcher, named at the page's line
        target = (handbook.docs_dir / posixpath.normpath(
            posixpath.join(posixpath.dirname(src_uri), src))).resolve()
        return f'src="{html.escape(target.as_uri())}"'

    out = _ID.sub(lambda m: f'id="{prefix}--{m.group(1)}"', html_text)
    out = _HREF.sub(local, out)
    out = _SRC.sub(image, out)
    out = re.sub(r'<a data-gone="">(.*?)</a>', r"\1", out, flags=re.S)
    if depth:
        out = _HEADING.sub(lambda m: f"<{m.group(1)}h{min(int(m.group(2)) + depth, 6)}", out)
    return out
