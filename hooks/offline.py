"""MkDocs adapter: the offline copy (`handbook.offline_copy`), derived from this build's pages.

When HANDBOOK_OFFLINE_DIR names a folder (`make build` gives it build/offline-site), the copy is
written there once every language is built, from the site just written: no second
`mkdocs build`. `python -m handbook.offline` then zips it.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from handbook import buildstate
from handbook.events import priority
from handbook.offline_copy import OfflineCopyError, derive_offline_copy
from handbook.outputs.csp import published_origins

log = logging.getLogger("mkdocs.hooks.offline")

OFFLINE_DIR_ENV = "HANDBOOK_OFFLINE_DIR"


# Last: after mkdocs-static-i18n (-100) built the other languages, the search indexes (-200),
# the sitemaps and the service worker (-250), which the copy leaves out.
@event_priority(priority("offline", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    settings = buildstate.of(config).settings
    target = settings.offline_dir
    i18n = config.plugins.get("i18n")
    if not target or (i18n is not None and getattr(i18n, "building", False)):
        return
    if not config.use_directory_urls:
        raise PluginError(f"{OFFLINE_DIR_ENV} derives the offline copy from the web build: "
                          "build with use_directory_urls (unset HANDBOOK_DIRECTORY_URLS)")
    site, out = Path(config.site_dir).resolve(), Path(target).resolve()
    if out == site or site.is_relative_to(out) or out.is_relative_to(site):
        raise PluginError(f"{OFFLINE_DIR_ENV}={target}: the offline copy needs a folder of its own, "
                          f"apart from the site ({config.site_dir})")
    started = time.perf_counter()
    polyfills = list(settings.polyfills)
    site_path = urlsplit(config.site_url or "/").path or "/"
    origins = published_origins(config.site_url, settings.published_url)
    try:
        count = derive_offline_copy(site, out, polyfills=polyfills, site_path=site_path, origins=origins)
    except OfflineCopyError as err:
        raise PluginError(f"the offline copy: {target}/{err}") from None
    log.info("Offline copy: %d files in %s (%.2f s)", count, target, time.perf_counter() - started)
