"""MkDocs adapter: notices on untranslated and outdated pages (see `handbook.translation`)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.loader import current_handbook
from handbook.render import relative_link
from handbook.schema import DEFAULT_LANGUAGE
from handbook.translation import NOTICES, STATUS_SRC, source_hash


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str | None:
    lang = config.theme["language"]
    if lang == DEFAULT_LANGUAGE:
        return None
    handbook = current_handbook(config.docs_dir)
    source = handbook.pages.get(page.file.src_uri)
    if source is None:
        return None  # a generated page
    status_link = relative_link(page.file.src_uri, STATUS_SRC.format(lang=lang))
    if source.lang == DEFAULT_LANGUAGE:
        kind = "missing"  # mkdocs-static-i18n fell back to the Thai original
    else:
        original = handbook.pages.get(f"{DEFAULT_LANGUAGE}/{source.src_uri.split('/', 1)[1]}")
        recorded = source.meta.translation.source_hash if source.meta.translation else None
        current = source_hash(original.path.read_text(encoding="utf-8")) if original else None
        if recorded == current:
            return None
        kind = "outdated"
    return NOTICES[kind].format(status=status_link) + "\n" + markdown
