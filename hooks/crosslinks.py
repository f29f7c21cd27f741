"""MkDocs adapter: automatic cross-links, then related concepts and backlinks on concept pages.

Pages are linked as their HTML is made (`on_page_content`, every page before any is rendered);
the backlinks are added in `on_page_context`, when every page's links are known. State is kept per
language: mkdocs-static-i18n builds each language in the same process, and `mkdocs serve`
rebuilds without reloading this module.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.crosslinks import build_matcher, link_mentions, linked_urls, render_related
from handbook.labels import label
from handbook.loader import concept_url, load_handbook_cached, relative_url

# lang -> concept id -> {page url: page title}
_MENTIONS: dict[str, dict[str, dict[str, str]]] = {}
_MATCHERS: dict[tuple[int, str], object] = {}


def on_pre_build(*, config: MkDocsConfig) -> None:
    _MENTIONS[config.theme["language"]] = defaultdict(dict)


def _context(config: MkDocsConfig):
    handbook = load_handbook_cached(config.docs_dir)
    lang = config.theme["language"]
    key = (id(handbook), lang)
    if key not in _MATCHERS:
        _MATCHERS.clear()
        _MATCHERS[key] = build_matcher(handbook, lang)
    urls = {
        cid: concept_url(c, lang, directory_urls=config.use_directory_urls)
        for cid, c in handbook.concepts.items()
    }
    return handbook, lang, _MATCHERS[key], urls


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    handbook, lang, matcher, urls = _context(config)
    source = handbook.pages.get(page.file.src_uri)
    own = getattr(source.meta, "id", None) if source else None
    html, _ = link_mentions(
        html, matcher=matcher, own_id=own, url_for=lambda cid: relative_url(page.url, urls[cid])
    )
    # Backlinks count every link to a concept page, written or made above.
    by_url = {url: cid for cid, url in urls.items()}
    base = page.url if page.url.endswith("/") else posixpath.dirname(page.url)
    for href in linked_urls(html):
        target = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
        target = "" if target == "." else target
        for candidate in (target, target + "/"):
            cid = by_url.get(candidate)
            if cid and cid != own:
                _MENTIONS[lang][cid][page.url] = page.title
    return html


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    handbook, lang, _, urls = _context(config)
    source = handbook.pages.get(page.file.src_uri)
    own = getattr(source.meta, "id", None) if source else None
    if own is None or own not in handbook.concepts:
        return context
    related = []
    for cid in source.meta.related:
        meta = handbook.concepts[cid].meta(lang)
        related.append((meta.title, relative_url(page.url, urls[cid]), meta.summary))
    mentions = _MENTIONS.get(lang, {}).get(own, {})
    mentioned_in = [(title, relative_url(page.url, url)) for url, title in sorted(mentions.items())]
    labels = {"related": label(lang, "related"), "mentioned": label(lang, "mentioned")}
    page.content += render_related(related, mentioned_in, labels=labels)
    return context
