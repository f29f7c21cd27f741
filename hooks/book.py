"""MkDocs adapter: the printed book (`handbook.book`) among the site's files, and the links to it.

Each language's build typesets its book from the content model (or takes it from the user's
cache folder when nothing changed), adds it to the site beside that language's pages (`downloads/`), and writes
the links with the book's real number of pages and size where a page asked for them. So the
link works online and in the offline copy, and its numbers are never written by hand.

`mkdocs serve` reuses the newest book it has (typesetting takes seconds on every save; `make
build` typesets anew). HANDBOOK_BOOK=off leaves the book and its links out: `make bench` measures
the site's build apart from the book's.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from handbook import buildstate
from handbook.book import (
    book_cache_dir,
    book_src_uri,
    current_edition,
    make_book,
    render_book_link,
)
from handbook.events import priority
from handbook.findings import HandbookError
from handbook.render import BOOK_PLACEHOLDER

log = logging.getLogger("mkdocs.hooks.book")


# After mkdocs-static-i18n (-100) has picked the language's files (as hooks/generated_pages.py).
@event_priority(priority("book", "on_files"))
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    build = buildstate.of(config)
    if not build.settings.book:
        return files
    lang = config.theme["language"]
    docs_dir = Path(config.docs_dir)
    cache = book_cache_dir(Path(config.config_file_path).parent)
    try:
        edition = current_edition(docs_dir, build.settings.published_url or config.site_url or "")
        book = make_book(build.content(), lang, edition, cache, reuse_any=build.serve)
    except HandbookError as err:
        raise PluginError(str(err)) from None
    file = File.generated(config, book_src_uri(lang), abs_src_path=str(book.path))
    if lang == build.content().default_language:
        file.dest_uri = file.dest_uri.removeprefix(f"{lang}/")
    files.append(file)
    # mkdocs-static-i18n builds every language in one process: the book of each, by language.
    build.books[lang] = book
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    if BOOK_PLACEHOLDER not in markdown:
        return None
    build = buildstate.of(config)
    if not build.settings.book:
        log.info("HANDBOOK_BOOK=off: no link to the book on %s", page.file.src_uri)
        return markdown.replace(BOOK_PLACEHOLDER, "")
    book = build.books.get(config.theme["language"])
    if book is None:
        raise PluginError(f"{page.file.src_uri}: error: the page links to the book, "
                          "but no book was made for its language")
    home = page.file.src_uri.endswith("/index.md") and page.file.src_uri.count("/") == 1
    return markdown.replace(BOOK_PLACEHOLDER, render_book_link(book, page.file.src_uri, button=home,
                                                                labels=build.content().labels))
