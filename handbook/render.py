"""Expand the explicit markers in a page's Markdown into generated Markdown.

A page asks for generated content with an HTML comment, `<!-- handbook:points -->`. Each marker
name has one renderer; an unknown name, or a concept marker on a page that is not a concept,
is an error naming the file and line — never silently empty.

Links are written as relative `.md` links so that MkDocs checks them (`--strict`).
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable

from handbook.findings import Finding, HandbookError
from handbook.labels import label
from handbook.loader import Concept, Handbook, Page, concept_src_uri
from handbook.schema import ConceptFrontMatter, GuideFrontMatter

MARKER_RE = re.compile(r"<!--\s*handbook:([A-Za-z0-9_-]*)\s*-->")


# ---------------------------------------------------------------------------------------------
# Links
# ---------------------------------------------------------------------------------------------


def relative_link(from_src_uri: str, to_src_uri: str) -> str:
    """A Markdown link target from one source page to another (both relative to docs_dir)."""
    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri))


def concept_link(page: Page, concept: Concept, lang: str) -> str:
    return relative_link(page.src_uri, concept_src_uri(concept.id, concept.kind, lang))


# ---------------------------------------------------------------------------------------------
# Front-matter text into Markdown: escaped, so that it can only ever be text (Markdown emphasis
# and links still work; `&`, `<` and `>` are shown as written). The validators refuse HTML in
# front matter already (handbook.sanitize.text_problem); this is the second line.
# ---------------------------------------------------------------------------------------------


def inline(text: str) -> str:
    """Front-matter text for a Markdown line or an HTML element's content."""
    return html.escape(" ".join(text.split()), quote=False)


def cell(text: str) -> str:
    """Front-matter text for a Markdown table cell."""
    return inline(text).replace("|", "\\|")


# ---------------------------------------------------------------------------------------------
# Renderers for concept pages
# ---------------------------------------------------------------------------------------------


def render_header(page: Page, handbook: Handbook | None = None) -> str:
    """What opens every concept page, before its body: the term line, then the editors' lead.

    The lead is the handbook's own text, so it is a block of its own with a visible label, kept
    apart from the source's points (like the question boxes).
    """
    meta = _concept_meta(page)
    # Each language's term in a span that says its language ({th}, {en}… in the label).
    terms = label(page.lang, "term.line", **{
        code: f'<span lang="{html.escape(code)}">{inline(term)}</span>' for code, term in meta.terms.items()
    })
    out = [f'<p class="hb-term">{terms}</p>', ""]
    if _original_meta(page, handbook).added_by_editors:
        out += [f'<p class="hb-added-page">{html.escape(label(page.lang, "added.page"))}</p>', ""]
    if meta.lead:
        out += [
            '<div class="hb-lead" markdown>',
            "",
            f'<p class="hb-lead__label">{html.escape(label(page.lang, "lead.label"))}</p>',
            "",
            inline(meta.lead),
            "",
            "</div>",
            "",
        ]
    return "\n".join(out) + "\n"


def _original_meta(page: Page, handbook: Handbook | None) -> ConceptFrontMatter:
    """The front matter of the original of a concept page (the page itself when it is one)."""
    meta = _concept_meta(page)
    concept = handbook.concepts.get(meta.id) if handbook else None
    return concept.meta(concept.original) if concept else meta


def render_points(handbook: Handbook, page: Page, lang: str) -> str:
    """The source's points as a numbered list; each item carries its id as its anchor.

    attr_list cannot class the `<ol>` from Markdown, so a `md_in_html` wrapper carries the class.
    """
    meta = _concept_meta(page)
    # The editors' additions are the original's to mark (a translation follows it).
    added = {p.id for p in _original_meta(page, handbook).points if p.added_by_editors}
    mark = html.escape(label(page.lang, "added.point"))
    lines = ['<div class="hb-points-list" markdown>', ""]
    for number, point in enumerate(meta.points, start=1):
        if point.id in added:
            lines.append(f'{number}. {inline(point.text)} <span class="hb-added">{mark}</span>')
            lines.append(f"    {{ #{point.id} .hb-added-point }}")
            continue
        lines.append(f"{number}. {inline(point.text)}")
        lines.append(f"    {{ #{point.id} }}")
    lines += ["", "</div>"]
    return "\n".join(lines)


def render_questions(handbook: Handbook, page: Page, lang: str) -> str:
    """The concept's checklist items as conversation prompts, marked as the handbook's addition."""
    meta = _concept_meta(page)
    if not meta.checklist:
        return ""
    # A kind may have its own title for the box ("questions.title.<kind>", e.g. signs of a type).
    kind_key = f"questions.title.{meta.kind}"
    key = kind_key if kind_key in handbook.project.labels.keys() else "questions.title"
    content_lang = page.lang
    out = [f'!!! question "{label(content_lang, key)}"', ""]
    out.append(f"    {label(content_lang, 'questions.intro')}")
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
    types = handbook.by_kind(_section_kind(handbook, page))
    header = [label(lang, "compare.aspect")]
    header += [f"[{cell(c.meta(lang).title)}]({concept_link(page, c, lang)})" for c in types]
    rows = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for aspect in ("origin", "driver", "duration", "example"):
        cells = [f"**{label(lang, 'compare.' + aspect)}**"]
        for concept in types:
            profile = concept.meta(lang).profile
            cells.append(cell(getattr(profile, aspect)) if profile else "")
        rows.append("| " + " | ".join(cells) + " |")
    table = "\n".join(rows)
    # The same comparison one type at a time, shown instead of the table on narrow screens.
    cards = ['<div class="hb-compare-cards" markdown>', ""]
    for concept in types:
        profile = concept.meta(lang).profile
        cards.append(f"**[{inline(concept.meta(lang).title)}]({concept_link(page, concept, lang)})**")
        cards.append("")
        for aspect in ("origin", "driver", "duration", "example"):
            value = inline(getattr(profile, aspect)) if profile else ""
            cards.append(f"- **{label(lang, 'compare.' + aspect)}:** {value}")
        cards.append("")
    cards.append("</div>")
    note = label(lang, "compare.note")
    return (
        f'<div class="hb-compare" markdown>\n\n{table}\n\n</div>\n\n'
        + "\n".join(cards)
        + f"\n\n<small>{note}</small>\n"
    )


def render_contents(handbook: Handbook, page: Page, lang: str) -> str:
    """The map of the content for the home page: every section with its concepts."""
    out = []
    for section in handbook.project.structure.sections:
        out.append(f"### {label(lang, 'section.' + section.kind)}\n")
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
            term = f' <span class="hb-term" lang="{html.escape(other)}">({inline(meta.terms[other])})</span>'
        lines.append(
            f"{bullet} [**{inline(meta.title)}**]({concept_link(page, concept, lang)}){term} — "
            f"{inline(meta.summary)}"
        )
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Dispatch
# ---------------------------------------------------------------------------------------------

#: Where the concept map goes; `hooks/conceptmap.py` replaces it.
# Written as Ammonia serializes it (hooks/gate.py cleans every page before this is replaced).
CONCEPT_MAP_PLACEHOLDER = '<div class="hb-concept-map" data-concept-map=""></div>'


def render_concept_map_placeholder(handbook: Handbook, page: Page, lang: str) -> str:
    """Where the concept map goes; `hooks/conceptmap.py` draws it once the page's URL is known
    (its links are raw SVG, which MkDocs does not rewrite)."""
    return CONCEPT_MAP_PLACEHOLDER


#: Where the link to the printed book goes; `hooks/book.py` writes it once the book is typeset
#: (its pages and size are known only then). Not a marker: `handbook:` would be read as one.
BOOK_PLACEHOLDER = "<!-- handbook-book-link -->"


def render_book_placeholder(handbook: Handbook, page: Page, lang: str) -> str:
    """Where the link to the whole handbook as a PDF goes (`hooks/book.py`)."""
    return BOOK_PLACEHOLDER


Renderer = Callable[[Handbook, Page, str], str]

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
        # Imported here: the guides' renderers build checklists, which import this module.
        from handbook.guides import GUIDE_MARKERS

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
