"""The book's files and facts: where its template, stylesheet and fonts are, what a rendered book
and an edition are, and the link to a book."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from handbook.imprint import Printing
from handbook.labels import Labels

ROOT = Path(__file__).resolve().parents[2]
#: The handbook package: its code, templates and stylesheet (what a book is made with).
PACKAGE = Path(__file__).resolve().parents[1]
#: The book's template and stylesheet (paged media; the site's print CSS is for one page).
TEMPLATE = PACKAGE / "templates" / "book.html"
STYLESHEET = PACKAGE / "static" / "book.css"
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


def render_book_link(book: Book, from_src_uri: str, *, labels: Labels, button: bool = False) -> str:
    """The Markdown link to a book, with its computed number of pages and size."""
    target = posixpath.relpath(book_src_uri(book.lang), posixpath.dirname(from_src_uri))
    text = labels.get(book.lang, "book.link", pages=book.pages, size=book.size_text)
    return f"[{text}]({target})" + ("{ .md-button }" if button else "")
