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

The package's layers: `data` (files, `Book`, `Edition`), `links` (anchors and references),
`document` (the HTML), `spreads` (checklists on one page or two), `typeset` (WeasyPrint),
`cache` (the user's cache folder), `edition` (from git), `cli`.
"""

from __future__ import annotations

from handbook.book.cache import KEEP_BOOKS, book_cache_dir, make_book, source_key
from handbook.book.cli import main
from handbook.book.data import (
    BOOK_NAME,
    DOWNLOADS,
    FONTS_DIR,
    ROOT,
    SCREEN_ONLY_MARKERS,
    STYLESHEET,
    TEMPLATE,
    THAI_FONTS,
    Book,
    Edition,
    book_src_uri,
    render_book_link,
)
from handbook.book.document import (
    _vocabulary,
    body_html,
    book_context,
    book_html,
    mark_editors_once,
    split_symbols,
)
from handbook.book.edition import current_edition, printed_url, published_url
from handbook.book.links import (
    APPENDIX_ANCHOR,
    GLOSSARY_ANCHOR,
    GUIDES_ANCHOR,
    anchor_of_src,
    bookify,
    checklist_anchor,
    concept_anchor,
    guide_anchor,
    part_anchor,
)
from handbook.book.spreads import NOTE_LINES, estimate_spreads, measured_spreads
from handbook.book.typeset import page_sources, render_document, render_pdf, typeset, write_pdf

__all__ = [
    "APPENDIX_ANCHOR", "BOOK_NAME", "DOWNLOADS", "FONTS_DIR", "GLOSSARY_ANCHOR", "GUIDES_ANCHOR",
    "KEEP_BOOKS", "NOTE_LINES", "ROOT", "SCREEN_ONLY_MARKERS", "STYLESHEET", "TEMPLATE", "THAI_FONTS",
    "Book", "Edition", "_vocabulary", "anchor_of_src", "body_html", "book_cache_dir", "book_context",
    "book_html", "book_src_uri", "bookify", "checklist_anchor", "concept_anchor", "current_edition",
    "estimate_spreads", "guide_anchor", "main", "make_book", "mark_editors_once", "measured_spreads",
    "page_sources", "part_anchor", "printed_url", "published_url", "render_book_link",
    "render_document", "render_pdf", "source_key", "split_symbols", "typeset", "write_pdf",
]
