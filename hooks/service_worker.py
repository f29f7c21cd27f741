"""MkDocs adapter: once every language is built, write `sw.js` (`handbook.pwa`) at the site root,
and the `sitemap.xml` that Material's language links look for next to each language's root.

Not for the offline zip (`use_directory_urls: false`): pages opened from files have no service
worker.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook.pwa import precache_list, render_service_worker
from handbook.schema import DEFAULT_LANGUAGE, LANGUAGES


# After mkdocs-static-i18n (-100), whose on_post_build builds the other languages, and after the
# per-language search indexes (hooks/search.py, -200), which the worker saves too.
@event_priority(-250)
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if (i18n is not None and getattr(i18n, "building", False)) or not config.use_directory_urls:
        return
    site = Path(config.site_dir)
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and (site / "sitemap.xml").is_file() and (site / lang).is_dir():
            # Material fetches sitemap.xml next to each hreflang alternate; without it, every
            # page logs a 404.
            shutil.copyfile(site / "sitemap.xml", site / lang / "sitemap.xml")
    search = config.plugins.get("search")
    search_langs = tuple(search.config.lang or ()) if search is not None else ()
    precache = precache_list(site, LANGUAGES, DEFAULT_LANGUAGE, search_langs)
    (site / "sw.js").write_text(render_service_worker(precache), encoding="utf-8")
