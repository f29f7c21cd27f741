"""MkDocs adapter: write `site/concepts.json` once the languages are built."""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook import buildstate
from handbook.checklists import build_checklists, manifest_entries
from handbook.events import priority
from handbook.manifest import build_manifest


# After mkdocs-static-i18n (-100), whose on_post_build builds the other languages.
@event_priority(priority("manifest", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    handbook = buildstate.handbook(config)
    urls = config.use_directory_urls
    checklists = manifest_entries(build_checklists(handbook), directory_urls=urls)
    manifest = build_manifest(handbook, checklists, directory_urls=urls)
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    Path(config.site_dir, "concepts.json").write_text(text, encoding="utf-8")
