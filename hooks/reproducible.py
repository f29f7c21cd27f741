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

from handbook import buildstate
from handbook.book import current_edition


def on_pre_page(page: Page, *, config: MkDocsConfig, files) -> Page:
    build = buildstate.of(config)
    if build.edition_date is None:  # read once per build, for every language
        build.edition_date = current_edition(Path(config.docs_dir), "").date
    page.update_date = build.edition_date
    return page
