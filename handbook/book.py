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

from handbook.checklists import Checklist, build_checklists
from handbook.findings import Finding, HandbookError
from handbook.labels import label
from handbook.loader import Concept, Handbook, Page, concept_src_uri, load_handbook
from handbook.render import MARKER_RE, expand_markers
from handbook.sanitize import sanitize

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
    url: str  # where the handbook is published


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

    out = _ID.sub(lambda m: f'id="{prefix}--{m.group(1)}"', html_text)
    out = _HREF.sub(local, out)
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


def book_context(handbook: Handbook, checklists: list[Checklist], lang: str, edition: Edition) -> dict:
    """Everything the template needs, as plain data (page bodies already as safe HTML)."""
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
        "lang": lang,
        # The language beside each glossary term (as handbook.glossary chooses it).
        "other_lang": original if lang != original else (others[0] if others else lang),
        "title": home.meta.title,
        "subtitle": home.meta.summary,
        "intro": _home_intro(handbook, home, lang),
        "edition": edition,
        "parts": parts,
        "glossary": _glossary(handbook, lang),
        "checklists": [_checklist(checklist, lang) for checklist in checklists],
        "label": lambda key, **values: label(lang, key, **values),
        "anchor": {"glossary": GLOSSARY_ANCHOR, "appendix": APPENDIX_ANCHOR},
    }


def _home_intro(handbook: Handbook, home: Page, lang: str) -> str:
    """The home page's opening paragraphs (what the handbook is); the rest is about the site."""
    opening = home.body.split("\n## ", 1)[0]
    import markdown

    return sanitize(markdown.Markdown().convert(MARKER_RE.sub("", opening)))


def _chapter(handbook: Handbook, concept: Concept, lang: str) -> dict:
    page = concept.page(lang)
    meta = concept.meta(lang)
    return {
        "id": concept.id,
        "anchor": concept_anchor(concept.id),
        "title": meta.title,
        "summary": meta.summary,
        "body": body_html(handbook, page, lang, prefix=concept_anchor(concept.id), depth=1),
        "lang": page.lang,  # the Thai original when not translated yet
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


def _checklist(checklist: Checklist, lang: str) -> dict:
    return {
        "id": checklist.id,
        "anchor": checklist_anchor(checklist.id),
        "title": label(lang, f"checklist.{checklist.id}"),
        "intro": label(lang, f"checklist.{checklist.id}.intro"),
        "result": checklist.result,
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


def book_html(handbook: Handbook, checklists: list[Checklist], lang: str, edition: Edition) -> str:
    """The whole handbook in `lang` as one HTML document, styled by `static/book.css`."""
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
    return env.get_template(TEMPLATE.name).render(**book_context(handbook, checklists, lang, edition))


# ---------------------------------------------------------------------------------------------
# Typesetting
# ---------------------------------------------------------------------------------------------


def _local_fetcher():
    """A WeasyPrint fetcher for the book's stylesheet and the vendored fonts only: nothing is
    fetched from a network, a page cannot make the renderer read another file, and a refused or
    missing file stops the rendering (`fail_on_errors`) instead of printing a fallback font."""
    from urllib.parse import unquote, urlparse

    from weasyprint.urls import URLFetcher

    allowed_files = {STYLESHEET.resolve()}
    fonts = FONTS_DIR.resolve()

    class LocalFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            parsed = urlparse(url)
            path = Path(unquote(parsed.path)).resolve() if parsed.scheme == "file" else None
            if path is None or not (path in allowed_files or fonts in path.parents):
                raise ValueError(f"the book may not load {url}")
            return super().fetch(url, headers)

    return LocalFetcher(allowed_protocols={"file"}, fail_on_errors=True)


def render_pdf(document: str) -> tuple[bytes, int]:
    """(the PDF, its number of pages) for a document made by `book_html()`."""
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
        fetcher = _local_fetcher()
        # @font-face rules are only read through a font configuration given to both.
        fonts = FontConfiguration()
        stylesheet = weasyprint.CSS(filename=str(STYLESHEET), url_fetcher=fetcher, font_config=fonts)
        rendered = weasyprint.HTML(
            string=document, base_url=STYLESHEET.parent.as_uri() + "/", url_fetcher=fetcher
        ).render(stylesheets=[stylesheet], font_config=fonts)
        pdf = rendered.write_pdf(pdf_variant=None, uncompressed_pdf=False)
    except FatalURLFetchingError as err:
        # An image in a page, say: the book only embeds its stylesheet and fonts.
        raise HandbookError([Finding(str(TEMPLATE.relative_to(ROOT)), 1, f"{err}: {err.__cause__}")]) from None
    finally:
        logger.removeHandler(handler)
    if refused:
        raise HandbookError([Finding(str(STYLESHEET.relative_to(ROOT)), 1, message) for message in refused])
    from handbook.pdftext import fix_thai_text_layer

    # WeasyPrint's text layer loses SARA AM (ำ) and the tone marks drawn with it: see pdftext.py.
    return fix_thai_text_layer(pdf, THAI_FONTS), len(rendered.pages)


def source_key(docs_dir: Path, lang: str, edition: Edition) -> str:
    """What the book depends on, read without making it: every page, the content model's code,
    the template, the stylesheet, the fonts, the renderer's version, the edition. A warm build
    reads some 200 KB and reuses the PDF; only a change typesets it again."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{lang}|{edition}|weasyprint-{version('weasyprint')}".encode())
    package = Path(__file__).parent
    inputs = [(docs_dir, p) for p in sorted(Path(docs_dir).rglob("*.md"))]
    inputs += [(package, p) for p in (*sorted(package.glob("*.py")), TEMPLATE, STYLESHEET)]
    inputs += [(FONTS_DIR, p) for p in sorted(FONTS_DIR.glob("*.woff2"))]
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
    pdf, pages = render_pdf(book_html(handbook, build_checklists(handbook), lang, edition))
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


def current_edition(docs_dir: Path, url: str) -> Edition:
    """The date (and short commit) of the last commit that changed `docs_dir`; outside a git
    repository, the date of the newest page file."""
    from handbook.history import git

    found = git(["log", "-1", "--format=%cs %h", "--", "."], cwd=docs_dir)
    if found and found.strip():
        date, revision = found.split()
        if git(["status", "--porcelain", "--", "."], cwd=docs_dir):
            revision += "+"  # uncommitted changes to the content
        return Edition(date, revision, url)
    newest = max((p.stat().st_mtime for p in docs_dir.rglob("*.md")), default=0.0)
    return Edition(time.strftime("%Y-%m-%d", time.gmtime(newest)), "", url)


def published_url(config_file: Path) -> str:
    """`extra.published_url` of mkdocs.yml, read without MkDocs (its `!ENV` tags read the
    environment as MkDocs does: the first variable set, else the default; other tags are not
    needed here). "" when no address is configured: the book then prints none."""
    import os

    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node):
        value = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else []
        for name in value[:-1]:
            if name in os.environ:
                return os.environ[name]
        return value[-1] if value else None

    _Loader.add_constructor("!ENV", env)
    _Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 (safe loader)
    return str((data.get("extra") or {}).get("published_url") or "")


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
