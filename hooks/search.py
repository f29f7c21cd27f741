"""MkDocs adapter: per-language, Thai-segmented search indexes (see `handbook.search`)."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook import buildstate
from handbook.events import priority
from handbook.search import concept_names, point_words, split_index


# After mkdocs-static-i18n (-100), which writes the merged index of all languages last.
@event_priority(priority("search", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested per-language build; the merged index is not final yet
    merged_path = Path(config.site_dir, "search", "search_index.json")
    if not merged_path.is_file():
        return
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    handbook = buildstate.handbook(config)
    languages = handbook.languages
    urls = config.use_directory_urls
    names = {lang: concept_names(handbook, lang, directory_urls=urls) for lang in languages}
    words = {lang: point_words(handbook, lang, directory_urls=urls) for lang in languages}
    guides = (f"{handbook.project.structure.guides}/",)
    for lang, index in split_index(merged, languages, names, words, lowered=guides).items():
        folder = Path(config.site_dir, "" if lang == handbook.default_language else lang, "search")
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, encoding="utf-8")
        if not config.use_directory_urls:
            # The offline copy: from file:// Material loads the index as a script, not JSON.
            (folder / "search_index.js").write_text(f"var __index = {text}", encoding="utf-8")
