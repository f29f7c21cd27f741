"""MkDocs adapter: per-language, Thai-segmented search indexes (see `handbook.search`)."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook import buildstate
from handbook.events import priority
from handbook.search import concept_names, language_index, point_words

#: What Material's search index keeps of the plugin's options (`SearchIndex.generate_search_index`).
SEARCH_OPTIONS = ("lang", "separator", "pipeline", "fields")


# After mkdocs-static-i18n (-100), which writes the merged index of all languages last: each
# language's own index replaces it, made from the documents of that language's build.
@event_priority(priority("search", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    if buildstate.building_languages(config):
        return  # a nested per-language build; its documents are kept (hooks/search_entries.py)
    plugin = buildstate.search_plugin(config)
    build = buildstate.of(config)
    if plugin is None or not build.search_docs:
        return
    options = {key: plugin.search_index.config[key] for key in SEARCH_OPTIONS}
    handbook = build.content()
    urls = config.use_directory_urls
    guides = (f"{handbook.project.structure.guides}/",)
    for lang in handbook.languages:
        index = language_index(
            options, build.search_docs.get(lang, []), lang,
            default_language=handbook.default_language,
            names=concept_names(handbook, lang, directory_urls=urls),
            extra_words=point_words(handbook, lang, directory_urls=urls),
            lowered=guides,
        )
        folder = Path(config.site_dir, "" if lang == handbook.default_language else lang, "search")
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if not config.use_directory_urls:
            # The offline copy: from file:// Material loads the index as a script, not JSON.
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
