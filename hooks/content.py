"""MkDocs adapter: validate the whole handbook before any page renders, then expand markers.

Thin on purpose: loading, validation and rendering live in the `handbook` package.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import buildstate
from handbook.findings import HandbookError
from handbook.loader import Handbook
from handbook.render import expand_markers


def load(config: MkDocsConfig) -> Handbook:
    try:
        return buildstate.handbook(config)
    except HandbookError as err:
        raise PluginError(str(err)) from None


def on_files(files: Files, *, config: MkDocsConfig) -> None:
    # Collect before render: every page is read and validated before the first one is rendered
    # (hooks/gate.py has checked everything `make check` checks, markers too), so an error is
    # reported the same whatever the page order.
    load(config)


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str | None:
    handbook = buildstate.handbook(config)
    source = handbook.pages.get(page.file.src_uri)
    if source is None:
        return None
    lang = config.theme["language"]
    if source.lang == handbook.default_language != lang:
        # Not translated: the first language of the reader's chain that has the page (Lao → Thai
        # → English); mkdocs-static-i18n gave us the original's.
        shown = handbook.shown_page(source, lang)
        if shown is not source:
            source, markdown = shown, shown.body
            page.meta["title"] = shown.meta.title
    try:
        return expand_markers(handbook, source, lang, markdown)
    except HandbookError as err:
        raise PluginError(str(err)) from None
