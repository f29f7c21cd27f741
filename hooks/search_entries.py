"""MkDocs adapter: keep each language's search documents as Material's search plugin indexed them.

mkdocs-static-i18n builds every language with the same config and, after the last one, merges
their documents into the search plugin's one index and writes it. Before that (here, in each
language's own `on_post_build`), the plugin holds that language's documents: they go on the
build, and `hooks/search.py` writes each language's index from them.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook import buildstate
from handbook.events import priority


def own_documents(docs: list[dict], lang: str, languages: tuple[str, ...]) -> list[dict]:
    """The documents of `lang` among `docs`: a further language's are under `<lang>/`. (Under
    `mkdocs serve --dirty`, Material carries the previous round's index over, every language's.)"""
    if lang != languages[0]:
        return [doc for doc in docs if doc.get("location", "").startswith(f"{lang}/")]
    others = tuple(f"{other}/" for other in languages[1:])
    return [doc for doc in docs if not doc.get("location", "").startswith(others)]


# After Material's search plugin (0) has written this language's index, before mkdocs-static-i18n
# (-100) merges them.
@event_priority(priority("search_entries", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    plugin = buildstate.search_plugin(config)
    if plugin is None:
        return
    build = buildstate.of(config)
    lang = config.theme["language"]
    build.search_docs[lang] = own_documents(plugin.search_index.entries, lang, build.content().languages)
