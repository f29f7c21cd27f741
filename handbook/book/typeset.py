"""Typesetting with WeasyPrint: a fetcher that reads only the book's own files, the laid-out
pages, the PDF with its Thai text layer repaired."""

from __future__ import annotations

from pathlib import Path

from handbook.book.data import FONTS_DIR, ROOT, STYLESHEET, TEMPLATE, THAI_FONTS, Edition
from handbook.book.document import book_html
from handbook.book.spreads import estimate_spreads, measured_spreads
from handbook.checklists import build_checklists
from handbook.findings import Finding, HandbookError
from handbook.loader import Handbook
from handbook.locate import locate

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
