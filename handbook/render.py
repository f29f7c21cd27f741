"""Expand the explicit markers in a page's Markdown into generated Markdown.

A page asks for generated content with an HTML comment, `<!-- handbook:points -->`. Each marker
name has one renderer; an unknown name, or a concept marker on a page that is not a concept,
is an error naming the file and line — never silently empty.

Links are written as relative `.md` links so that MkDocs checks them (`--strict`).
"""

from __future__ import annotations

import re

from markupsafe import Markup

from handbook.findings import Finding, HandbookError
from handbook.guides import GUIDE_MARKERS
from handbook.loader import Concept, Handbook, Page
from handbook.mdtext import BOOK_PLACEHOLDER, Renderer, cell, inline, relative_link
from handbook.schema import ConceptFrontMatter, GuideFrontMatter
from handbook.templating import render_fragment

MARKER_RE = re.compile(r"<!--\s*handbook:([A-Za-z0-9_-]*)\s*-->")


# ---------------------------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------------------------


def concept_link(handbook: Handbook, page: Page, concept: Concept, lang: str) -> str:
    return relative_link(page.src_uri, handbook.concept_src_uri(concept.id, concept.kind, lang))


# ---------------------------------------------------------------------------------------------
# Renderers for concept pages
# ---------------------------------------------------------------------------------------------


def render_header(page: Page, handbook: Handbook) -> str:
    """What opens every concept page, before its body: the term line, then the editors' lead.

    The lead is the handbook's own text, so it is a block of its own with a visible label, kept
    apart from the source's points (like the question boxes).
    """
    meta = _concept_meta(page)
    labels = handbook.labels
    # Each language's term in a span that says its language ({th}, {en}… in the label).
    terms = labels.get(page.lang, "term.line", **{
        code: render_fragment("term.html", css=None, lang=code, term=Markup(inline(term)))
        for code, term in meta.terms.items()
    })
    added = _original_meta(page, handbook).added_by_editors
    return render_fragment(
        "concept-header.md", terms=Markup(terms),  # the label's words as they are, around the spans
        added_page=labels.get(page.lang, "added.page") if added else None,
        lead=Markup(inline(meta.lead)) if meta.lead else None, lead_label=labels.get(page.lang, "lead.label"),
    )


def _original_meta(page: Page, handbook: Handbook) -> ConceptFrontMatter:
    """The front matter of the original of a concept page (the page itself when it is one)."""
    meta = _concept_meta(page)
    concept = handbook.concepts.get(meta.id)
    return concept.meta(concept.original) if concept else meta


def render_points(handbook: Handbook, page: Page, lang: str) -> str:
    """The source's points as a numbered list; each item carries its id as its anchor.

    attr_list cannot class the `<ol>` from Markdown, so a `md_in_html` wrapper carries the class.
    """
    meta = _concept_meta(page)
    # The editors' additions are the original's to mark (a translation follows it).
    added = {p.id for p in _original_meta(page, handbook).points if p.added_by_editors}
    points = [{"number": number, "id": point.id, "text": Markup(inline(point.text)), "added": point.id in added}
              for number, point in enumerate(meta.points, start=1)]
    return render_fragment("points.md", points=points, mark=handbook.labels.get(page.lang, "added.point"))


def render_questions(handbook: Handbook, page: Page, lang: str) -> str:
    """The concept's checklist items as conversation prompts, marked as the handbook's addition."""
    meta = _concept_meta(page)
    if not meta.checklist:
        return ""
    # A kind may have its own title for the box ("questions.title.<kind>", e.g. signs of a type).
    kind_key = f"questions.title.{meta.kind}"
    key = kind_key if kind_key in handbook.project.labels.keys() else "questions.title"
    content_lang = page.lang
    out = [f'!!! question "{handbook.labels.get(content_lang, key)}"', ""]
    out.append(f"    {handbook.labels.get(content_lang, 'questions.intro')}")
    out.append("")
    for item in meta.checklist:
        out.append(f"    - {inline(item.text)}")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------
# Renderers for overview pages
# ---------------------------------------------------------------------------------------------


def _section_kind(handbook: Handbook, page: Page) -> str | None:
    """The kind of the section an overview page opens (handbook.yml: `overview`)."""
    name = getattr(page.meta, "overview", None)
    return next((s.kind for s in handbook.project.structure.sections if s.overview == name), None)


def render_concept_list(handbook: Handbook, page: Page, lang: str) -> str:
    """The concepts of the section this overview opens, in order: title, term, summary."""
    kind = _section_kind(handbook, page)
    sections = [s for s in handbook.project.structure.sections if s.kind == kind]
    return _concept_list(handbook, page, lang, kind, numbered=bool(sections and sections[0].numbered))


def render_type_comparison(handbook: Handbook, page: Page, lang: str) -> str:
    """The section's concepts side by side: how each starts, what drives it, how long it lasts."""
    # Every value is Markdown: the labels as they are, front matter escaped by cell()/inline().
    types = handbook.by_kind(_section_kind(handbook, page))
    aspects = ("origin", "driver", "duration", "example")
    labels = handbook.labels
    header = [Markup(labels.get(lang, "compare.aspect"))]
    header += [Markup(f"[{cell(c.meta(lang).title)}]({concept_link(handbook, page, c, lang)})") for c in types]
    rows = []
    for aspect in aspects:
        cells = [Markup(f"**{labels.get(lang, 'compare.' + aspect)}**")]
        for concept in types:
            profile = concept.meta(lang).profile
            cells.append(Markup(cell(getattr(profile, aspect)) if profile else ""))
        rows.append(cells)
    cards = []
    for concept in types:
        profile = concept.meta(lang).profile
        cards.append({
            "title": Markup(inline(concept.meta(lang).title)), "link": concept_link(handbook, page, concept, lang),
            "aspects": [{"label": Markup(labels.get(lang, "compare." + aspect)),
                         "value": Markup(inline(getattr(profile, aspect)) if profile else "")}
                        for aspect in aspects],
        })
    return render_fragment("comparison.md", header=header, rows=rows, cards=cards,
                           note=Markup(labels.get(lang, "compare.note"))) + "\n"


def render_contents(handbook: Handbook, page: Page, lang: str) -> str:
    """The map of the content for the home page: every section with its concepts."""
    out = []
    for section in handbook.project.structure.sections:
        out.append(f"### {handbook.labels.get(lang, 'section.' + section.kind)}\n")
        out.append(_concept_list(handbook, page, lang, section.kind, numbered=section.numbered))
    return "\n".join(out)


def _concept_list(handbook: Handbook, page: Page, lang: str, kind: str | None, *, numbered: bool) -> str:
    lines = []
    original = handbook.default_language
    # On the original's pages each concept shows the first translation's term beside it.
    other = next((code for code in handbook.languages if code != original), None)
    for number, concept in enumerate(handbook.by_kind(kind), start=1):
        meta = concept.meta(lang)
        bullet = f"{number}." if numbered else "-"
        term = ""
        if lang == original and other and meta.terms.get(other):
            term = " " + render_fragment("term.html", css="hb-term", lang=other, term=Markup(inline(meta.terms[other])))
        lines.append(
            f"{bullet} [**{inline(meta.title)}**]({concept_link(handbook, page, concept, lang)}){term} — "
            f"{inline(meta.summary)}"
        )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Dispatch
# ---------------------------------------------------------------------------------------------

#: Where the concept map goes; `hooks/conceptmap.py` replaces it.
CONCEPT_MAP_PLACEHOLDER = render_fragment("concept-map-placeholder.html")


def render_concept_map_placeholder(handbook: Handbook, page: Page, lang: str) -> str:
    """Where the concept map goes; `hooks/conceptmap.py` draws it once the page's URL is known
    (its links are raw SVG, which MkDocs does not rewrite)."""
    return CONCEPT_MAP_PLACEHOLDER


def render_book_placeholder(handbook: Handbook, page: Page, lang: str) -> str:
    """Where the link to the whole handbook as a PDF goes (`hooks/book.py`)."""
    return BOOK_PLACEHOLDER


CONCEPT_MARKERS: dict[str, Renderer] = {
    "points": render_points,
    "questions": render_questions,
}
OVERVIEW_MARKERS: dict[str, Renderer] = {
    "concept-list": render_concept_list,
    "element-list": render_concept_list,  # the name used before concept-list
    "comparison": render_type_comparison,
    "type-comparison": render_type_comparison,
    "contents": render_contents,
    "concept-map": render_concept_map_placeholder,
    "book": render_book_placeholder,
}


def markers_for(page: Page) -> dict[str, Renderer]:
    """The markers a page of this kind may use."""
    if isinstance(page.meta, ConceptFrontMatter):
        return CONCEPT_MARKERS
    if isinstance(page.meta, GuideFrontMatter):
        return GUIDE_MARKERS
    return OVERVIEW_MARKERS


def find_marker_errors(page: Page, markdown: str | None = None) -> list[Finding]:
    """Unknown markers, or markers on the wrong kind of page, as findings."""
    findings = []
    text = page.body if markdown is None else markdown
    allowed = markers_for(page)
    for match in MARKER_RE.finditer(text):
        name = match.group(1)
        if name in allowed:
            continue
        line = page.body_line + text.count("\n", 0, match.start())
        known = ", ".join(sorted(allowed))
        findings.append(
            Finding(page.display_path, line, f"unknown marker 'handbook:{name}' (this page knows: {known})")
        )
    return findings


def expand_markers(handbook: Handbook, page: Page, lang: str, markdown: str) -> str:
    """Replace every marker in `markdown` (the body of `page`) with its generated Markdown."""
    findings = find_marker_errors(page, markdown)
    if findings:
        raise HandbookError(findings)
    allowed = markers_for(page)
    expanded = MARKER_RE.sub(lambda m: allowed[m.group(1)](handbook, page, lang), markdown)
    if isinstance(page.meta, ConceptFrontMatter):
        expanded = render_header(page, handbook) + "\n" + expanded
    return expanded


def _concept_meta(page: Page) -> ConceptFrontMatter:
    assert isinstance(page.meta, ConceptFrontMatter)
    return page.meta
