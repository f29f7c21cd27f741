"""MkDocs adapter: the navigation comes from the content model, in the language being built."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from handbook.loader import current_handbook
from handbook.navigation import build_nav


# After mkdocs-static-i18n (-100) has picked the language's files; before the nav is built.
@event_priority(-110)
def on_files(files: Files, *, config: MkDocsConfig) -> None:
    handbook = current_handbook(config.docs_dir)
    config.nav = build_nav(handbook, config.theme["language"])
