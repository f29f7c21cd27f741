"""MkDocs adapter: keep each language's search documents as Material's search plugin indexed them.

mkdocs-static-i18n builds every language with the same config and, after the last one, merges
their documents into the search plugin's one index and writes it. Before that (here, in each
language's own `on_post_build`), the plugin holds that language's documents alone: they go on the
build, and `hooks/search.py` writes each language's index from them.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook import buildstate
from handbook.events import priority


# After Material's search plugin (0) has written this language's index, before mkdocs-static-i18n
# (-100) merges them.
@event_priority(priority("search_entries", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    plugin = buildstate.search_plugin(config)
    if plugin is not None:
        buildstate.of(config).search_docs[config.theme["language"]] = list(plugin.search_index.entries)
