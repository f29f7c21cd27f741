"""MkDocs adapter: once every language is built, write the small sitemaps Material's language
links look for next to every page (`handbook.sitemaps`, from each page's alternates recorded by
`hooks/pwa.py`), then `sw.js` and its list of files,
`offline.json` (`handbook.pwa`), which holds them, at the site root.

Not for the offline zip (`use_directory_urls: false`): pages opened from files have no service
worker.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook import buildstate
from handbook.events import priority
from handbook.pwa import precache_list, write_offline_files


# After mkdocs-static-i18n (-100), whose on_post_build builds the other languages, and after the
# per-language search indexes (hooks/search.py, -200), which the worker saves too.
@event_priority(priority("service_worker", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if (i18n is not None and getattr(i18n, "building", False)) or not config.use_directory_urls:
        return
    site = Path(config.site_dir)
    # The site root's sitemap.xml is the site's own (every page, mkdocs-static-i18n's).
    for folder, text in buildstate.of(config).page_sitemaps.items():
        target = site / folder / "sitemap.xml"
        if folder and target.parent.is_dir():
            target.write_text(text, encoding="utf-8")
    # The search worker loads a stemmer for each language it searches: the handbook's languages
    # (mkdocs-static-i18n sets the search plugin's per language) and any configured.
    search = config.plugins.get("search")
    configured = tuple(search.config.lang or ()) if search is not None else ()
    project = buildstate.handbook(config).project
    search_langs = tuple(dict.fromkeys((*project.languages, *configured)))
    precache = precache_list(site, project.languages, project.default_language, search_langs)
    write_offline_files(site, precache)
