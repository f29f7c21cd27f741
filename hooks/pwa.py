"""MkDocs adapter: the installable handbook (`handbook.pwa`), and what the templates need.

Every language build writes its web app manifest (`manifest.webmanifest` at its root), and gives
the templates the handbook's labels (`hb_label`) and the page's absolute hreflang alternates.
The service worker is written once every language is built (`hooks/service_worker.py`).

Not for the offline zip (`use_directory_urls: false`): a page opened from a file has no service
worker, and no search engine reads it.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook import buildstate
from handbook.events import priority
from handbook.pwa import AppInfo, web_manifest
from handbook.sitemaps import page_sitemap
from handbook.translation import language_name

ICONS = [
    {"src": "assets/images/icon-192.png", "sizes": "192x192", "type": "image/png"},
    {"src": "assets/images/icon-512.png", "sizes": "512x512", "type": "image/png"},
    {"src": "assets/images/icon-maskable-512.png", "sizes": "512x512", "type": "image/png",
     "purpose": "maskable"},
]


def _online(config: MkDocsConfig) -> bool:
    return bool(config.use_directory_urls)


def _root_prefix(config: MkDocsConfig, lang: str) -> str:
    """From a language's root to the site root."""
    return "" if lang == _project(config).default_language else "../"


def _project(config: MkDocsConfig):
    return buildstate.handbook(config).project


def on_env(env, *, config: MkDocsConfig, files):
    lang = config.theme["language"]
    project = _project(config)
    # Labels are plain text (handbook.labels): escaped where templates insert them.
    env.globals["hb_label"] = lambda key, **values: Markup.escape(project.labels.get(lang, key, **values))
    env.globals["hb_label_in"] = lambda other, key: Markup.escape(project.labels.get(other, key))
    env.globals["hb_label_lang"] = lambda key: project.labels.lang_of(lang, key)
    env.globals["hb_languages"] = project.languages
    env.globals["hb_default_language"] = project.default_language
    # Each language's name in this language's words ("อังกฤษ" on a Thai page).
    env.globals["hb_language_names"] = {code: language_name(project, lang, code) for code in project.languages}
    env.globals["hb_online"] = _online(config)
    return env


def _site_root(folder: str) -> str:
    """From a folder (relative to the site's root) up to the site's root."""
    return "../" * len([part for part in folder.split("/") if part]) or "./"


def on_template_context(context, *, template_name: str, config: MkDocsConfig):
    base = context.get("base_url") or "."
    if base.startswith("/"):
        # 404.html is served at any address: MkDocs gives it an absolute base_url, the path of the
        # site's root (site_url's: "/hb/" for a GitHub Pages project site) in every language.
        context["hb_root"] = base if base.endswith("/") else base + "/"
        return context
    root = posixpath.normpath(f"{base.rstrip('/')}/{_root_prefix(config, config.theme['language'])}")
    context["hb_root"] = root if root.endswith("/") else root + "/"
    return context


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    """The way to the site root, and absolute hreflang alternates (search engines ignore
    relative ones) for the page's head; the language switcher keeps its relative links, which
    also work offline."""
    # mkdocs-static-i18n gives pages URLs from the site's root ("en/elements/…/").
    folder = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
    context["hb_root"] = _site_root(folder)
    # The page's address on the published site (also from the offline copy's .html pages).
    published = buildstate.of(config).settings.published_url or config.site_url or ""
    online_path = page.url.removesuffix("index.html")
    if online_path.endswith(".html"):
        online_path = online_path.removesuffix(".html") + "/"
    context["hb_published_url"] = urljoin(published, online_path) if published else ""
    if not _online(config) or not config.site_url:
        context["hb_alternates"], context["hb_root_url"] = [], ""
        return context
    context["hb_root_url"] = config.site_url
    # mkdocs-static-i18n has set each alternate's link to this page's URL in that language
    # (from the site's root); Material's switcher makes them relative, the head gets them whole.
    # (It assigns the attribute, which is what Material's templates read, not the mapping's item.)
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    # Each with its path from this page too: served from another address (a mirror, a preview),
    # assets/javascripts/address.js points them at the page's own origin.
    context["hb_alternates"] = [
        (alt["lang"], urljoin(config.site_url, alt.get("link", "")), context["hb_root"] + alt.get("link", "").lstrip("/"))
        for alt in alternates if alt.get("lang")
    ]
    # Material fetches sitemap.xml next to each of them: the page's own, written once every
    # language is built (hooks/service_worker.py).
    buildstate.of(config).page_sitemaps[folder] = page_sitemap(
        urljoin(config.site_url, page.url), ((lang, url) for lang, url, _ in context["hb_alternates"]))
    return context


def _write_manifest(config: MkDocsConfig) -> None:
    lang = config.theme["language"]
    settings = buildstate.of(config).settings
    info = AppInfo(
        lang=lang,
        name=config.site_name,
        short_name=_project(config).labels.get(lang, "app.short_name"),
        description=config.site_description or "",
        start_url="./",
        theme_color=settings.theme_color,
        background_color=settings.background_color,
    )
    prefix = _root_prefix(config, lang)
    icons = [{**icon, "src": prefix + icon["src"]} for icon in ICONS]
    text = json.dumps(web_manifest(info, icons), ensure_ascii=False, indent=2) + "\n"
    # mkdocs-static-i18n keeps one site_dir and places a language's files in its folder.
    folder = Path(config.site_dir, "" if lang == _project(config).default_language else lang)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.webmanifest").write_text(text, encoding="utf-8")


# Before mkdocs-static-i18n (-100) builds the other languages from the first build's
# on_post_build: each build writes its own language's manifest while its config is its own.
@event_priority(priority("pwa", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    if _online(config):
        _write_manifest(config)
