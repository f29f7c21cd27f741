"""The search hooks with a real `MkDocsConfig`, no build: each language's index is made from the
documents Material's search plugin held in that language's own build (hooks/search_entries.py),
not from the merged index mkdocs-static-i18n writes last (hooks/search.py)."""

from __future__ import annotations

import json

from mkdocs.config import load_config

from handbook.search import GUIDE_BOOST, SEPARATOR
from tests.conftest import ROOT


def _built(config, lang: str, docs: list[dict]) -> None:
    """What one language's build leaves: the plugin's documents, then our -90 handler."""
    config.theme["language"] = lang
    search = config.plugins["material/search"]
    search.search_index.entries = docs
    config.hooks["hooks/search_entries.py"].on_post_build(config=config)


def test_each_language_index_is_its_own_builds_documents(tmp_path):
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    search = config.plugins["material/search"]
    search.on_config(config)
    # No concept page and Latin text only: Thai (a concept's names are Thai too) would load
    # PyThaiNLP's dictionary (seconds); tests/test_search.py cuts Thai and fills names.
    th = [{"location": "guides/start/", "title": "Vision (th)", "text": "<p>top-down</p>"}]
    en = [{"location": "en/guides/start/", "title": "Common vision", "text": "<p>one-way</p>"},
          {"location": "en/guides/start/#why", "title": "Why", "text": "<p>because</p>"}]
    _built(config, "th", th)
    _built(config, "en", en)
    first = en[0]
    # mkdocs-static-i18n then merges them into the plugin's list and writes it: neither is read.
    stray = {"location": "en/stray/", "title": "Stray", "text": "<p>only in the merged index</p>"}
    search.search_index.entries[:] = [*th, *en, stray]
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text('{"docs": []}', encoding="utf-8")

    config.hooks["hooks/search.py"].on_post_build(config=config)

    indexes = {lang: json.loads((tmp_path / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
               for lang, folder in (("th", ""), ("en", "en"))}
    assert [d["location"] for d in indexes["th"]["docs"]] == ["guides/start/"]
    assert [d["location"] for d in indexes["en"]["docs"]] == ["guides/start/", "guides/start/#why"]
    assert indexes["en"]["docs"][0]["boost"] == GUIDE_BOOST  # a guide ranks below the concept pages
    assert indexes["en"]["docs"][0]["compounds"] == "oneway"
    assert indexes["th"]["docs"][0]["compounds"] == "topdown"
    for index in indexes.values():
        assert index["config"]["separator"] == SEPARATOR
        assert index["config"]["lang"] == search.search_index.config["lang"]
        assert {"words", "compounds", "names", "exact"} <= set(index["config"]["fields"])
    # The plugin's own documents are left as they were (each index works on copies).
    assert first == {"location": "en/guides/start/", "title": "Common vision", "text": "<p>one-way</p>"}


def test_a_nested_language_build_writes_no_index(tmp_path):
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    config.plugins["material/search"].on_config(config)
    config.plugins["i18n"].building = True
    _built(config, "en", [{"location": "en/x/", "title": "X", "text": ""}])
    config.hooks["hooks/search.py"].on_post_build(config=config)
    assert not list(tmp_path.rglob("search_index.json"))


def test_an_untranslated_pages_sections_stay_in_the_readers_index(tmp_path):
    """mkdocs-static-i18n drops from its merged index a section of `en/x/` whose title and text
    equal the original's (a page shown in the original: only its notice differs). The reader's
    own index keeps every section of every page of the reader's language."""
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    config.plugins["material/search"].on_config(config)
    section = {"title": "Why", "text": "<p>because</p>"}
    _built(config, "th", [{"location": "guides/x/", "title": "X", "text": ""},
                          {"location": "guides/x/#why", **section}])
    _built(config, "en", [{"location": "en/guides/x/", "title": "X", "text": "<p>Not translated yet.</p>"},
                          {"location": "en/guides/x/#why", **section}])
    config.hooks["hooks/search.py"].on_post_build(config=config)
    en = json.loads((tmp_path / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert [d["location"] for d in en["docs"]] == ["guides/x/", "guides/x/#why"]


def test_documents_of_another_language_stay_out(tmp_path):
    """Under `mkdocs serve --dirty` Material carries the last round's merged documents into the
    next build: each index still holds its own language's documents only."""
    config = load_config(config_file=str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path))
    config.plugins["material/search"].on_config(config)
    th, en = {"location": "guides/x/", "title": "X", "text": ""}, {"location": "en/guides/x/", "title": "X", "text": ""}
    _built(config, "th", [th, en])
    _built(config, "en", [th, en])
    config.hooks["hooks/search.py"].on_post_build(config=config)
    for folder in ("", "en"):
        index = json.loads((tmp_path / folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert [d["location"] for d in index["docs"]] == ["guides/x/"], folder
