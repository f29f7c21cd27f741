"""MkDocs adapter: keep Thai word segmentations between builds (see `handbook.thai`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook import thai
from handbook.events import priority


def on_config(config: MkDocsConfig) -> None:
    thai.open_cache(Path(config.config_file_path).parent / ".cache" / "handbook" / "thai-words.json")


@event_priority(priority("thai_cache", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    thai.save_cache()
