"""MkDocs adapter: the navigation comes from the content model, in the language being built."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from handbook import buildstate
from handbook.events import priority
from handbook.navigation import build_nav


# After mkdocs-static-i18n (-100) has picked the language's files; before the nav is built.
@event_priority(priority("navigation", "on_files"))
def on_files(files: Files, *, config: MkDocsConfig) -> None:
    handbook = buildstate.handbook(config)
    config.nav = build_nav(handbook, config.theme["language"])
