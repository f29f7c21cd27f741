"""The book as one HTML document per language: page bodies through the site's renderers, the
template's context, the editors' marker."""

from __future__ import annotations

import html
import re

from handbook.book.data import SCREEN_ONLY_MARKERS, TEMPLATE, Edition
from handbook.book.links import (
    APPENDIX_ANCHOR,
    GLOSSARY_ANCHOR,
    GUIDES_ANCHOR,
    bookify,
    checklist_anchor,
    concept_anchor,
    guide_anchor,
    part_anchor,
)
from handbook.book.spreads import NOTE_LINES, estimate_spreads
from handbook.booktext import read_nobreak_words, set_thai_lines
from handbook.checklists import Checklist
from handbook.checklists import intro as checklist_intro
from handbook.glossary import column_names
from handbook.labels import Labels
from handbook.loader import Concept, Handbook, Page
from handbook.render import MARKER_RE, expand_markers
from handbook.sanitize import sanitize
from handbook.templating import render_fragment
from handbook.thai import words as thai_words

# ---------------------------------------------------------------------------------------------
# Page bodies: the same markers and renderers as the site, then Markdown, then the sanitizer
# ---------------------------------------------------------------------------------------------


def body_html(handbook: Handbook, page: Page, lang: str, *, prefix: str, depth: int) -> str:
    """A source page's body as the book prints it (markers for the screen left out)."""
    import markdown  # Python-Markdown: the same extensions mkdocs.yml enables

    source = MARKER_RE.sub(
        lambda m: "" if m.group(1) in SCREEN_ONLY_MARKERS else m.group(0), page.body
    )
    expanded = expand_markers(handbook, page, lang, source)
    converter = markdown.Markdown(extensions=["admonition", "attr_list", "md_in_html", "tables"])
    # Cleaned under the site's policy (hooks/gate.py), before the book adds its own markup.
    clean = sanitize(converter.convert(expanded))
    return bookify(clean, handbook=handbook, src_uri=page.src_uri, prefix=prefix, depth=depth,
                   page_word=handbook.labels.get(lang, "book.page"))


# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------


def book_context(handbook: Handbook, checklists: list[Checklist], lang: str, edition: Edition,
                 spreads: frozenset[str] = frozenset()) -> dict:
    """Everything the template needs, as plain data (page bodies already as safe HTML).
    `spreads`: the checklists set on two facing pages (the others fit one)."""
    original = handbook.default_language
    labels = handbook.labels
    home = handbook.overviews["home"].get(lang) or handbook.overviews["home"][original]
    parts = []
    for section in handbook.project.structure.sections:
        kind = section.kind
        concepts = handbook.by_kind(kind)
        if not concepts:
            continue
        by_lang = handbook.overviews.get(section.overview, {}) if section.overview else {}
        overview = by_lang.get(lang) or by_lang.get(original)
        parts.append(
            {
                "kind": kind,
                "anchor": part_anchor(kind),
                "title": overview.meta.title if overview else labels.get(lang, f"section.{kind}"),
                "intro": body_html(handbook, overview, lang, prefix=part_anchor(kind), depth=1)
                if overview else "",
                "chapters": [_chapter(handbook, concept, lang) for concept in concepts],
            }
        )
    others = [code for code in handbook.languages if code != lang]
    return {
        "imprint": _imprint(handbook, lang, edition),
        "symbols": split_symbols,
        "lang": lang,
        # The language beside each glossary term (as handbook.glossary chooses it).
        "other_lang": original if lang != original else (others[0] if others else lang),
        "title": home.meta.title,
        "subtitle": home.meta.summary,
        "intro": _home_intro(handbook, home, lang),
        "edition": edition,
        "parts": parts,
        "glossary": _glossary(handbook, lang),
        "glossary_columns": column_names(handbook, lang),
        # The handbook's own pages (facilitator's guide, about the source with its emendations).
        "guides": [_guide(handbook, guide_id, lang) for guide_id in handbook.guides],
        "checklists": [_checklist(labels, checklist, lang, spreads) for checklist in checklists],
        "label": lambda key, **values: labels.get(lang, key, **values),
        "anchor": {"glossary": GLOSSARY_ANCHOR, "appendix": APPENDIX_ANCHOR, "guides": GUIDES_ANCHOR},
    }


def _imprint(handbook: Handbook, lang: str, edition: Edition) -> dict:
    """The imprint page's values, in the reader's calendar (handbook/imprint.py)."""
    from handbook.imprint import citation, edition_line, reader_date

    printing = edition.printing
    original = handbook.default_language
    labels = handbook.labels
    citations = []
    for code in handbook.languages:  # how to cite it in each language, the book's own first
        home = handbook.overviews["home"].get(code) or handbook.overviews["home"][original]
        if printing:
            citations.append({"lang": code, "text": citation(labels, code, printing, title=home.meta.title,
                                                              url=edition.url)})
    citations.sort(key=lambda c: c["lang"] != lang)
    return {
        "edition": edition_line(labels, lang, printing) if printing else "",
        "content": labels.get(lang, "book.imprint.content", date=reader_date(labels, lang, edition.date)),
        "citations": citations,
        "corrections": printing.corrections if printing else "",
    }


#: The symbols a label may hold, drawn by the book's stylesheet (Sarabun has no such glyphs).
SYMBOLS = re.compile(r"{(marker|tick)}")


def split_symbols(text: str) -> list[tuple[str, str]]:
    """A label's words cut at {marker} and {tick}: [("text", …), ("marker", ""), …], for the
    template to draw each symbol."""
    out: list[tuple[str, str]] = []
    for index, piece in enumerate(SYMBOLS.split(text)):
        if index % 2:
            out.append((piece, ""))
        elif piece:
            out.append(("text", piece))
    return out


def _home_intro(handbook: Handbook, home: Page, lang: str) -> str:
    """The home page's opening paragraphs (what the handbook is); the rest is about the site."""
    opening = home.body.split("\n## ", 1)[0]
    import markdown

    return sanitize(markdown.Markdown().convert(MARKER_RE.sub("", opening)))


#: The line of a concept's terms in the other language, which opens its body (handbook/render.py).
_TERM_LINE = re.compile(r'\A\s*(<p class="hb-term">.*?</p>)', re.S)


def _chapter(handbook: Handbook, concept: Concept, lang: str) -> dict:
    page = concept.page(lang)
    meta = concept.meta(lang)
    body = body_html(handbook, page, lang, prefix=concept_anchor(concept.id), depth=1)
    # The terms line joins the chapter's head (title, summary), which is kept whole and with
    # what follows: WeasyPrint keeps one such link, not a chain of them.
    term = _TERM_LINE.match(body)
    return {
        "id": concept.id,
        "anchor": concept_anchor(concept.id),
        "title": meta.title,
        "summary": meta.summary,
        "term": term.group(1) if term else "",
        "body": body[term.end():] if term else body,
        "lang": page.lang,  # the Thai original when not translated yet
    }


def _guide(handbook: Handbook, guide_id: str, lang: str) -> dict:
    page = handbook.guide_page(guide_id, lang)
    return {
        "anchor": guide_anchor(guide_id),
        "title": page.meta.title,
        "body": body_html(handbook, page, lang, prefix=guide_anchor(guide_id), depth=1),
        "lang": page.lang,
    }


def _glossary(handbook: Handbook, lang: str) -> list[dict]:
    from handbook.glossary import glossary_entries

    return [
        {
            "term": entry.term,
            "other": entry.other,
            "meaning": entry.meaning,
            "see": entry.see,
            "anchor": concept_anchor(entry.concept_id),
        }
        for entry in glossary_entries(handbook, lang)
    ]


def _paper_intro(labels: Labels, checklist: Checklist, lang: str) -> str:
    """The checklist's introduction for paper (`book.checklist.<id>.intro`: a pen, no chart, no
    screen), its counts filled as on the site; the site's words where the book has none."""
    key = f"book.checklist.{checklist.id}.intro"
    if key not in labels.keys():
        return checklist_intro(checklist, lang)
    points = sum(len(section.concept.meta(lang).points) for section in checklist.sections)
    return labels.get(lang, key, count=len(checklist.items), concepts=len(checklist.sections), points=points)


def _checklist(labels: Labels, checklist: Checklist, lang: str, spreads: frozenset[str]) -> dict:
    return {
        "id": checklist.id,
        "anchor": checklist_anchor(checklist.id),
        "title": labels.get(lang, f"checklist.{checklist.id}"),
        "intro": _paper_intro(labels, checklist, lang),
        "result": checklist.result,
        "item_count": len(checklist.items),
        "note_lines": NOTE_LINES,
        "spread": checklist.id in spreads,
        "numbered": len(checklist.sections) > 1,
        "sections": [
            {
                "title": section.concept.meta(lang).title,
                "source": concept_anchor(section.concept.id),
                "entries": [{"id": item.id, "text": item.text[lang]} for item in section.items],
            }
            for section in checklist.sections
        ],
    }


def book_html(handbook: Handbook, checklists: list[Checklist], lang: str, edition: Edition,
              spreads: frozenset[str] | None = None) -> str:
    """The whole handbook in `lang` as one HTML document, styled by `static/book.css`.
    `spreads`: the checklists that take two facing pages (by default as `estimate_spreads` says)."""
    import jinja2
    from markupsafe import Markup

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATE.parent),
        autoescape=True,  # front matter is text: escaped on output
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_html"] = Markup  # only for bodies that went through the sanitizer
    if spreads is None:
        spreads = estimate_spreads(checklists, lang)
    document = env.get_template(TEMPLATE.name).render(**book_context(handbook, checklists, lang, edition, spreads))
    mark = env.get_template("book-mark.html").render(name=handbook.labels.get(lang, "book.marker.name")).strip()
    document = mark_editors_once(document, lang, mark, labels=handbook.labels)
    return set_thai_lines(document, keep=_vocabulary(handbook), words=thai_words)


def mark_editors_once(document: str, lang: str, mark: str, *, labels: Labels) -> str:
    """The site labels each addition "(ส่วนเพิ่มเติมของคู่มือ)" and repeats a disclaimer in every
    question box; the book explains one marker on its contents page instead: the label becomes
    the marker, the disclaimer goes."""
    import markupsafe

    label_words = labels.get(lang, "book.marker.replaces")
    for text in {html.escape(label_words), str(markupsafe.escape(label_words))}:
        document = document.replace(f" {text}", f" {mark}")  # "บทนำ (…)" -> "บทนำ ◆"
        bare = text.strip("()")  # a box whose whole title is the label
        document = document.replace(render_fragment("admonition-title.html", title=markupsafe.Markup(bare)),
                                    render_fragment("admonition-title.html", title=markupsafe.Markup(mark)))
    for code in {lang, labels.default}:  # an untranslated page's disclaimer too
        disclaimer = labels.get(code, "questions.intro")
        for text in {html.escape(disclaimer), str(markupsafe.escape(disclaimer)), disclaimer}:
            document = document.replace(render_fragment("paragraph.html", text=markupsafe.Markup(text)), "")
    return document


def _vocabulary(handbook: Handbook) -> list[str]:
    """The Thai words the book never splits: the glossary's Thai terms and the editors' list."""
    from handbook.glossary import glossary_entries

    terms = [entry.term for entry in glossary_entries(handbook, "th")] if "th" in handbook.languages else []
    return terms + read_nobreak_words(handbook.docs_dir.parent)
