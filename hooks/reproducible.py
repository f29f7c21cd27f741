"""MkDocs adapter: two builds of the same sources write the same bytes.

MkDocs dates every page with the day of the build (`<lastmod>` in `sitemap.xml`, and the gzip
header of `sitemap.xml.gz`), so a build on another day changed files whose content did not, and
every phone that saved the handbook downloaded them again. A page is dated instead with the
content's edition (the last commit that changed `docs/`, as on the book's cover).

(The small sitemaps next to every page are written from a template: `handbook.sitemaps`.)
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.book import current_edition


class _Dates:
    """The edition's date per docs folder, read once per language's build."""

    def __init__(self) -> None:
        self.by_docs: dict[str, str] = {}

    def reset(self) -> None:
        self.by_docs.clear()

    def of(self, docs_dir: str) -> str:
        if docs_dir not in self.by_docs:
            self.by_docs[docs_dir] = current_edition(Path(docs_dir), "").date
        return self.by_docs[docs_dir]


DATES = _Dates()


def on_config(config: MkDocsConfig) -> None:
    DATES.reset()  # every language's build and every `mkdocs serve` rebuild reads it again


def on_pre_page(page: Page, *, config: MkDocsConfig, files) -> Page:
    page.update_date = DATES.of(config.docs_dir)
    return page
