"""MkDocs adapter: keep each language's search documents as Material's search plugin indexed them.

mkdocs-static-i18n builds every language with the same config and, after the last one, merges
their documents into the search plugin's one index and writes it. Before that (here, in each
language's own `on_post_build`), the plugin holds that language's documents: they go on the
build, and `hooks/search.py` writes each language's index from them.

Cutting a page's HTML into documents is, after Markdown, the search plugin's share of a build
that grows with the text (53 ms a build here against vanilla's 9 ms). A page whose HTML, address,
title, table of contents and front matter are those of a page indexed before, by the same
Material, gets the documents kept then from the build's memo (`handbook.rendered.search_key`).
"""

from __future__ import annotations

from importlib.metadata import version

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook import buildstate
from handbook.events import priority
from handbook.memo import key
from handbook.rendered import search_key, toc_tokens


def own_documents(docs: list[dict], lang: str, languages: tuple[str, ...]) -> list[dict]:
    """The documents of `lang` among `docs`: a further language's are under `<lang>/`. (Under
    `mkdocs serve --dirty`, Material carries the previous round's index over, every language's.)"""
    if lang != languages[0]:
        return [doc for doc in docs if doc.get("location", "").startswith(f"{lang}/")]
    others = tuple(f"{other}/" for other in languages[1:])
    return [doc for doc in docs if not doc.get("location", "").startswith(others)]


# Before Material's search plugin (0) indexes the page.
@event_priority(priority("search_entries", "on_page_context"))
def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    plugin = buildstate.search_plugin(config)
    memo = buildstate.of(config).memo
    if plugin is None or memo is None or memo.path is None:
        return context
    index = plugin.search_index  # one for each language's build
    if not getattr(index.add_entry_from_context, "hb_memo", False):
        index.add_entry_from_context = _kept_documents(index, memo)
    return context


def _kept_documents(index, memo):
    """The search index's `add_entry_from_context`, taking a page's documents from `memo`."""
    add = index.add_entry_from_context
    from material.plugins.search import plugin as material_search

    versions = (version("mkdocs-material"), str(material_search.jieba is not None))

    def add_entry(page: Page) -> None:
        meta = {name: page.meta.get(name) for name in ("title", "tags", "search")}
        digest = key(*search_key(content=page.content, url=page.url, title=str(page.title),
                                 toc=toc_tokens(page.toc), meta=meta, versions=versions))
        found = memo.get(digest)
        if isinstance(found, list):
            index.entries.extend(found)
            return
        before = len(index.entries)
        add(page)
        memo.put(digest, index.entries[before:])

    add_entry.hb_memo = True  # type: ignore[attr-defined]
    return add_entry


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
