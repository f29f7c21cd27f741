"""MkDocs adapter: draw the concept map (`handbook.conceptmap`) where a page asked for it."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from handbook import buildstate
from handbook.conceptmap import render_concept_maps
from handbook.loader import relative_url
from handbook.render import CONCEPT_MAP_PLACEHOLDER as PLACEHOLDER


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str | None:
    handbook = buildstate.handbook(config)
    if PLACEHOLDER not in html:
        # A page that asked for the map must get it: a placeholder changed on the way (by the
        # sanitizer, say) would otherwise drop the map silently.
        source = handbook.pages.get(page.file.src_uri)
        if source is not None and "handbook:concept-map" in source.body:
            raise PluginError(f"docs/{page.file.src_uri}: error: the concept map's placeholder "
                              "was not found in the rendered page")
        return None
    lang = config.theme["language"]

    def url_for(concept_id: str) -> str:
        target = handbook.concept_url(handbook.concepts[concept_id], lang, directory_urls=config.use_directory_urls)
        return relative_url(page.url, target)

    return html.replace(PLACEHOLDER, render_concept_maps(handbook, lang, url_for))
