"""The whole handbook as a book: one printable A4 PDF per language, from the content model.

`book_html()` writes one HTML document per language (cover, contents, every concept with its
points and questions, the types compared, the glossary, every checklist as an appendix);
`render_pdf()` typesets it with WeasyPrint (CSS paged media: running headers, page references
with `target-counter()`, bookmarks). Why WeasyPrint and not Chromium: README.md, "The book".

`make_book()` keeps the rendered PDF in the user's cache folder (`book_cache_dir()`, never in the
working tree, where a pull request could place a PDF under a predictable key) under a key made of everything
that shapes it (the pages, this package's code, the template, the stylesheet, the fonts,
WeasyPrint's version, the edition), so that the two MkDocs builds of `make build`, the tests and
`python -m handbook.book` typeset each book once, and a warm build does not even write its HTML.

Usage: python -m handbook.book [--docs DOCS] [--out DIST] [--lang th] [--lang en]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import posixpath
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from handbook.booktext import read_nobreak_words, set_thai_lines
from handbook.checklists import Checklist, build_checklists
from handbook.checklists import intro as checklist_intro
from handbook.findings import Finding, HandbookError
from handbook.glossary import column_names
from handbook.imprint import Printing, load_printing
from handbook.labels import active_labels, label
from handbook.loader import Concept, Handbook, Page, concept_src_uri, load_handbook
from handbook.locate import locate
from handbook.render import MARKER_RE, expand_markers
from handbook.sanitize import sanitize
from handbook.templating import render_fragment
from handbook.thai import words as thai_words

ROOT = Path(__file__).resolve().parents[1]
#: The book's template and stylesheet (paged media; the site's print CSS is for one page).
TEMPLATE = Path(__file__).parent / "templates" / "book.html"
STYLESHEET = Path(__file__).parent / "static" / "book.css"
#: The vendored Sarabun (OFL): the only files the renderer may read besides the stylesheet.
FONTS_DIR = ROOT / "overrides" / "assets" / "fonts" / "sarabun"

#: The Thai fonts as WeasyPrint names them in the PDF, and their files (handbook/pdftext.py reads
#: the glyph names there to repair the text layer).
THAI_FONTS = {
    "Sarabun-Thai": FONTS_DIR / "sarabun-thai-400-normal.woff2",
    "Sarabun-Thai-Oblique": FONTS_DIR / "sarabun-thai-400-normal.woff2",
    "Sarabun-Thai-Bold": FONTS_DIR / "sarabun-thai-700-normal.woff2",
}

#: Where the site and `dist/` put a language's book (relative to the language's root).
BOOK_NAME = "handbook-{lang}.pdf"
DOWNLOADS = "downloads"

#: The overview page that opens a part of the book, by kind (the others open with a title).

#: Markers whose output is for the screen only; the book has its own contents.
SCREEN_ONLY_MARKERS = frozenset({"concept-map", "contents", "book"})


# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edition:
    """What the cover says about this printing."""

    date: str  # ISO date of the newest change to the content
    revision: str  # short commit of that change, or "" outside a git repository
    url: str  # where the handbook is published ("" when no real address is configured)
    printing: Printing | None = None  # the edition's number, month and corrections address


@dataclass(frozen=True)
class Book:
    """A rendered book: its file and what the links to it say."""

    lang: str
    path: Path
    pages: int
    size: int  # bytes

    @property
    def size_text(self) -> str:
        """As a reader on a phone plan counts it (decimal units)."""
        if self.size >= 1_000_000:
            return f"{self.size / 1_000_000:.1f} MB"
        return f"{max(1, round(self.size / 1000))} KB"


def book_src_uri(lang: str) -> str:
    """Where a language's book sits among the site's files (beside that language's pages)."""
    return f"{lang}/{DOWNLOADS}/{BOOK_NAME.format(lang=lang)}"


def render_book_link(book: Book, from_src_uri: str, *, button: bool = False) -> str:
    """The Markdown link to a book, with its computed number of pages and size."""
    target = posixpath.relpath(book_src_uri(book.lang), posixpath.dirname(from_src_uri))
    text = label(book.lang, "book.link", pages=book.pages, size=book.size_text)
    return f"[{text}]({target})" + ("{ .md-button }" if button else "")


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
    if concept and concept_src_uri(concept.id, concept.kind, lang) == src_uri:
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
                   page_word=label(lang, "book.page"))


# ---------------------------------------------------------------------------------------------
# The document
# ---------------------------------------------------------------------------------------------


def book_context(handbook: Handbook, checklists: list[Checklist], lang: str, edition: Edition,
                 spreads: frozenset[str] = frozenset()) -> dict:
    """Everything the template needs, as plain data (page bodies already as safe HTML).
    `spreads`: the checklists set on two facing pages (the others fit one)."""
    original = handbook.default_language
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
                "title": overview.meta.title if overview else label(lang, f"section.{kind}"),
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
        "checklists": [_checklist(checklist, lang, spreads) for checklist in checklists],
        "label": lambda key, **values: label(lang, key, **values),
        "anchor": {"glossary": GLOSSARY_ANCHOR, "appendix": APPENDIX_ANCHOR, "guides": GUIDES_ANCHOR},
    }


def _imprint(handbook: Handbook, lang: str, edition: Edition) -> dict:
    """The imprint page's values, in the reader's calendar (handbook/imprint.py)."""
    from handbook.imprint import citation, edition_line, reader_date

    printing = edition.printing
    original = handbook.default_language
    citations = []
    for code in handbook.languages:  # how to cite it in each language, the book's own first
        home = handbook.overviews["home"].get(code) or handbook.overviews["home"][original]
        if printing:
            citations.append({"lang": code, "text": citation(code, printing, title=home.meta.title,
                                                              url=edition.url)})
    citations.sort(key=lambda c: c["lang"] != lang)
    return {
        "edition": edition_line(lang, printing) if printing else "",
        "content": label(lang, "book.imprint.content", date=reader_date(lang, edition.date)),
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


#: Ruled lines under each section of a checklist for the group's notes.
NOTE_LINES = 3


def _paper_intro(checklist: Checklist, lang: str) -> str:
    """The checklist's introduction for paper (`book.checklist.<id>.intro`: a pen, no chart, no
    screen), its counts filled as on the site; the site's words where the book has none."""
    key = f"book.checklist.{checklist.id}.intro"
    if key not in active_labels().keys():
        return checklist_intro(checklist, lang)
    points = sum(len(section.concept.meta(lang).points) for section in checklist.sections)
    return label(lang, key, count=len(checklist.items), concepts=len(checklist.sections), points=points)


def _checklist(checklist: Checklist, lang: str, spreads: frozenset[str]) -> dict:
    return {
        "id": checklist.id,
        "anchor": checklist_anchor(checklist.id),
        "title": label(lang, f"checklist.{checklist.id}"),
        "intro": _paper_intro(checklist, lang),
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
    mark = env.get_template("book-mark.html").render(name=label(lang, "book.marker.name")).strip()
    document = mark_editors_once(document, lang, mark)
    return set_thai_lines(document, keep=_vocabulary(handbook), words=thai_words)


def mark_editors_once(document: str, lang: str, mark: str) -> str:
    """The site labels each addition "(ส่วนเพิ่มเติมของคู่มือ)" and repeats a disclaimer in every
    question box; the book explains one marker on its contents page instead: the label becomes
    the marker, the disclaimer goes."""
    import markupsafe

    label_words = label(lang, "book.marker.replaces")
    for text in {html.escape(label_words), str(markupsafe.escape(label_words))}:
        document = document.replace(f" {text}", f" {mark}")  # "บทนำ (…)" -> "บทนำ ◆"
        bare = text.strip("()")  # a box whose whole title is the label
        document = document.replace(render_fragment("admonition-title.html", title=markupsafe.Markup(bare)),
                                    render_fragment("admonition-title.html", title=markupsafe.Markup(mark)))
    for code in {lang, active_labels().default}:  # an untranslated page's disclaimer too
        disclaimer = label(code, "questions.intro")
        for text in {html.escape(disclaimer), str(markupsafe.escape(disclaimer)), disclaimer}:
            document = document.replace(render_fragment("paragraph.html", text=markupsafe.Markup(text)), "")
    return document


def _vocabulary(handbook: Handbook) -> list[str]:
    """The Thai words the book never splits: the glossary's Thai terms and the editors' list."""
    from handbook.glossary import glossary_entries

    terms = [entry.term for entry in glossary_entries(handbook, "th")] if "th" in handbook.languages else []
    return terms + read_nobreak_words(handbook.docs_dir.parent)


# ---------------------------------------------------------------------------------------------
# Typesetting
# ---------------------------------------------------------------------------------------------


def _local_fetcher(images: Path | None = None):
    """A WeasyPrint fetcher for the book's stylesheet, the vendored fonts and the pages' own
    images (files of an image type below `images`, the docs folder, that are no symbolic links:
    what the source checks publish) only: nothing is fetched from a network, a page cannot make
    the renderer read another file, and a refused or missing file stops the rendering
    (`fail_on_errors`) instead of printing a fallback font."""
    from urllib.parse import unquote, urlparse

    from weasyprint.urls import URLFetcher

    from handbook.sources import IMAGE_SUFFIXES

    allowed_files = {STYLESHEET.resolve()}
    fonts = FONTS_DIR.resolve()
    docs = images.resolve() if images is not None else None

    def page_image(path: Path, raw: Path) -> bool:
        return (docs is not None and docs in path.parents and path.suffix.lower() in IMAGE_SUFFIXES
                and not raw.is_symlink() and path.is_file())

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            raw = Path(unquote(parsed.path)) if parsed.scheme == "file" else None
            path = raw.resolve() if raw is not None else None
            if path is None or not (path in allowed_files or fonts in path.parents
                                    or page_image(path, raw)):
                raise ValueError(f"the book may not load {url}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols={"file"}, fail_on_errors=True)


def page_sources(handbook: Handbook) -> list[tuple[str, str]]:
    """(display path, text) of every page, for `locate()`."""
    sources = []
    for page in handbook.pages.values():
        try:
            sources.append((page.display_path, page.path.read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError):
            continue
    return sources


def render_pdf(document: str, sources: list[tuple[str, str]] | None = None) -> tuple[bytes, int]:
    """(the PDF, its number of pages) for a document made by `book_html()`."""
    return write_pdf(render_document(document, sources))


def write_pdf(rendered) -> tuple[bytes, int]:
    """(the PDF, its number of pages) of a document WeasyPrint has laid out."""
    from handbook.pdftext import fix_thai_text_layer

    pdf = rendered.write_pdf(pdf_variant=None, uncompressed_pdf=False)
    # WeasyPrint's text layer loses SARA AM (ำ) and the tone marks drawn with it: see pdftext.py.
    return fix_thai_text_layer(pdf, THAI_FONTS), len(rendered.pages)


def render_document(document: str, sources: list[tuple[str, str]] | None = None,
                    images: Path | None = None):
    """WeasyPrint's laid-out pages for a document made by `book_html()`.

    `sources` ((display path, text) of each page): a refused resource is named where a page
    wrote it, not in the book's template."""
    import logging

    import weasyprint
    from weasyprint.text.fonts import FontConfiguration
    from weasyprint.urls import FatalURLFetchingError

    # A resource the fetcher refuses is logged by WeasyPrint, not raised: make it fatal.
    refused: list[str] = []

    class _Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.levelno >= logging.WARNING:
                refused.append(record.getMessage())

    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        fetcher = _local_fetcher(images)
        # @font-face rules are only read through a font configuration given to both.
        fonts = FontConfiguration()
        stylesheet = weasyprint.CSS(filename=str(STYLESHEET), url_fetcher=fetcher, font_config=fonts)
        rendered = weasyprint.HTML(
            string=document, base_url=STYLESHEET.parent.as_uri() + "/", url_fetcher=fetcher
        ).render(stylesheets=[stylesheet], font_config=fonts)
    except FatalURLFetchingError as err:
        # An image in a page, say: the book only embeds its stylesheet and fonts.
        message = f"{err}: {err.__cause__}"
        where = locate(message, sources or []) or (str(TEMPLATE.relative_to(ROOT)), 1)
        raise HandbookError([Finding(*where, message)]) from None
    finally:
        logger.removeHandler(handler)
    if refused:
        raise HandbookError([Finding(*(locate(message, sources or [])
                                       or (str(STYLESHEET.relative_to(ROOT)), 1)), message)
                             for message in refused])
    return rendered


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


def typeset(handbook: Handbook, lang: str, edition: Edition) -> tuple[bytes, int]:
    """The book in `lang` as a PDF: laid out once, and again if a checklist estimated to fit one
    page took two (or the reverse), so that every long checklist is a marked spread."""
    checklists = build_checklists(handbook)
    spreads = estimate_spreads(checklists, lang)
    sources = page_sources(handbook)
    images = Path(handbook.docs_dir)
    rendered = render_document(book_html(handbook, checklists, lang, edition, spreads), sources, images)
    measured = measured_spreads(rendered, checklists)
    if measured != spreads:
        rendered = render_document(book_html(handbook, checklists, lang, edition, measured), sources,
                                   images)
    return write_pdf(rendered)


def source_key(docs_dir: Path, lang: str, edition: Edition) -> str:
    """What the book depends on, read without making it: every page, the content model's code,
    the template, the stylesheet, the fonts, the renderer's version, the edition. A warm build
    reads some 200 KB and reuses the PDF; only a change typesets it again."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{lang}|{edition}|weasyprint-{version('weasyprint')}".encode())
    package = Path(__file__).parent
    inputs = [(docs_dir, p) for p in sorted(Path(docs_dir).rglob("*.md"))]
    # The whole package: its code (subpackages too), the book's template and stylesheet, the
    # fragments the markers render with (templates/fragments/), its messages.
    inputs += [(package, p) for p in sorted(package.rglob("*"))
               if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    inputs += [(FONTS_DIR, p) for p in sorted(FONTS_DIR.glob("*.woff2"))]
    # The book's words and structure: labels, handbook.yml, editorial/ (word list, emendations).
    project = Path(docs_dir).parent
    inputs += [(project, p) for p in (*sorted(project.glob("labels/*.yml")), project / "handbook.yml",
                                      *sorted(project.glob("editorial/*"))) if p.is_file()]
    for base, path in inputs:  # relative names: two clones of the same content share a book
        digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def book_cache_dir(project: Path) -> Path | None:
    """Where typeset books are kept: the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache`,
    `networking-handbook/book/`), or None when that is inside the project or cannot be written
    (then every build typesets: a PDF is published as it is, so it is never read from the working
    tree)."""
    import os

    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    directory = (base / "networking-handbook" / "book").resolve()
    if directory.is_relative_to(Path(project).resolve()):
        return None
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return directory


#: Books kept per language in the cache (several clones or branches may share it).
KEEP_BOOKS = 6


def make_book(handbook: Handbook, lang: str, edition: Edition, cache_dir: Path | None, *,
              reuse_any: bool = False) -> Book:
    """The book in `lang`, typeset now or taken from `cache_dir` when nothing it depends on
    changed. `reuse_any` takes the newest book of the language even if out of date (live
    preview: typesetting takes seconds on every save)."""
    key = source_key(handbook.docs_dir, lang, edition)
    if cache_dir is None:
        import tempfile

        cache_dir = Path(tempfile.mkdtemp(prefix="handbook-book-"))
    path = cache_dir / f"handbook-{lang}-{key}.pdf"
    if not path.is_file() and reuse_any:
        path = max(cache_dir.glob(f"handbook-{lang}-*.pdf"), key=lambda p: p.stat().st_mtime,
                   default=path)
    facts = path.with_suffix(".json")
    if path.is_file() and facts.is_file():
        pages = json.loads(facts.read_text(encoding="utf-8"))["pages"]
        return Book(lang, path, pages, path.stat().st_size)
    path = cache_dir / f"handbook-{lang}-{key}.pdf"
    pdf, pages = typeset(handbook, lang, edition)
    cache_dir.mkdir(parents=True, exist_ok=True)
    import os

    # Written under a name of its own, then renamed: two builds may share the cache.
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pdf)
    facts_tmp = path.with_suffix(f".{os.getpid()}.json.tmp")
    facts_tmp.write_text(json.dumps({"pages": pages}), encoding="utf-8")
    facts_tmp.replace(path.with_suffix(".json"))
    tmp.replace(path)
    older = sorted(cache_dir.glob(f"handbook-{lang}-*.pdf"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in older[KEEP_BOOKS:]:
        old.unlink(missing_ok=True)
        old.with_suffix(".json").unlink(missing_ok=True)
    return Book(lang, path, pages, len(pdf))


# ---------------------------------------------------------------------------------------------
# The edition: date and revision of the newest change to the content
# ---------------------------------------------------------------------------------------------


def printed_url(url: str) -> str:
    """The address the book prints: none when none is configured, or when it is a placeholder
    (a host under `.invalid`, reserved by RFC 2606 for addresses that never resolve, such as
    mkdocs.yml's default `https://handbook.invalid/`)."""
    from urllib.parse import urlsplit

    host = (urlsplit(url.strip()).hostname or "").rstrip(".")
    if not host or host == "invalid" or host.endswith(".invalid"):
        return ""
    return url.strip()


def current_edition(docs_dir: Path, url: str) -> Edition:
    """The date (and short commit) of the last commit that changed `docs_dir`; outside a git
    repository, the date of the newest page file."""
    from handbook.history import git

    url = printed_url(url)
    printing = load_printing(Path(docs_dir).parent)

    found = git(["log", "-1", "--format=%cs %h", "--", "."], cwd=docs_dir)
    if found and found.strip():
        date, revision = found.split()
        if git(["status", "--porcelain", "--", "."], cwd=docs_dir):
            revision += "+"  # uncommitted changes to the content
        return Edition(date, revision, url, printing)
    newest = max((p.stat().st_mtime for p in docs_dir.rglob("*.md")), default=0.0)
    return Edition(time.strftime("%Y-%m-%d", time.gmtime(newest)), "", url, printing)


def published_url(config_file: Path) -> str:
    """`extra.published_url` of mkdocs.yml, read without MkDocs (its `!ENV` tags read the
    environment as MkDocs does: the first variable set, else the default; handbook.project reads
    the file). "" when no address is configured: the book then prints none."""
    from handbook.project import config_data

    return str((config_data(config_file).get("extra") or {}).get("published_url") or "")


# ---------------------------------------------------------------------------------------------
# Command line: python -m handbook.book
# ---------------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook.book", description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--lang", action="append", help="a language of mkdocs.yml (default: all)")
    parser.add_argument("--html", action="store_true", help="also write the HTML the PDF is made from")
    args = parser.parse_args(argv)

    from handbook.check import collect_findings

    docs_dir = args.docs.resolve()
    # What `make check` refuses, the book refuses too (as hooks/gate.py does for the site).
    errors = [f for f in collect_findings(docs_dir, warnings=False) if f.level == "error"]
    try:
        if errors:
            raise HandbookError(errors)
        handbook = load_handbook(docs_dir)
        unknown = [lang for lang in args.lang or [] if lang not in handbook.languages]
        if unknown:
            raise SystemExit(f"mkdocs.yml: error: '{unknown[0]}' is not a language of this handbook "
                             f"({', '.join(handbook.languages)})")
        edition = current_edition(docs_dir, published_url(docs_dir.parent / "mkdocs.yml"))
        args.out.mkdir(parents=True, exist_ok=True)
        for lang in args.lang or handbook.languages:
            started = time.perf_counter()
            book = make_book(handbook, lang, edition, book_cache_dir(docs_dir.parent))
            target = args.out / BOOK_NAME.format(lang=lang)
            target.write_bytes(book.path.read_bytes())
            if args.html:
                document = book_html(handbook, build_checklists(handbook), lang, edition)
                target.with_suffix(".html").write_text(document, encoding="utf-8")
            print(f"{target}: {book.pages} pages, {book.size_text} "
                  f"({time.perf_counter() - started:.1f} s)")
    except HandbookError as err:
        print(err, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
