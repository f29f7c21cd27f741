"""MkDocs adapter: notices on untranslated and outdated pages (see `handbook.translation`).

A page shown in the original because it is not translated yet says so, and its text is marked
with the original's language (`lang="th"` on a Lao or English page), for screen readers, fonts
and search engines.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook import buildstate
from handbook.render import relative_link
from handbook.translation import STATUS_SRC, render_notice, render_shown_in, source_hash


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> str | None:
    lang = config.theme["language"]
    handbook = buildstate.handbook(config)
    original_lang = handbook.default_language
    if lang == original_lang:
        return None
    source = handbook.pages.get(page.file.src_uri)
    if source is None:
        return None  # a generated page
    status_link = relative_link(page.file.src_uri, STATUS_SRC.format(lang=lang))
    if source.lang == original_lang:
        # mkdocs-static-i18n fell back to the original; hooks/content.py put the page of the
        # first language of the reader's chain that has one in its place.
        shown = handbook.shown_page(source, lang).lang
        return render_notice(handbook.project, "missing", lang, status_link, shown=shown) + "\n" + render_shown_in(shown, markdown)
    original = handbook.pages.get(f"{original_lang}/{source.src_uri.split('/', 1)[1]}")
    recorded = source.meta.translation.source_hash if source.meta.translation else None
    current = source_hash(original.path.read_text(encoding="utf-8")) if original else None
    if recorded == current:
        return None
    return render_notice(handbook.project, "outdated", lang, status_link) + "\n" + markdown
