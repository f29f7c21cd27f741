"""MkDocs adapter: automatic cross-links, then related concepts and backlinks on concept pages.

Pages are linked while Python-Markdown renders them (a tree processor, so no HTML is parsed
again); their links are collected in `on_page_content` (every page before any is rendered) and the
backlinks are added in `on_page_context`, when every page's links are known. State is kept per
language: mkdocs-static-i18n builds each language in the same process, and `mkdocs serve`
rebuilds without reloading this module.
"""

from __future__ import annotations

from collections import defaultdict

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook.crosslinks import (
    CrossLinkExtension,
    build_matcher,
    link_tree,
    linked_urls,
    render_related,
)
from handbook.glossary import GLOSSARY_SRC
from handbook.loader import current_handbook, relative_url, resolve_url
from handbook.translation import STATUS_SRC

# Reference pages link to every concept; listing them under "mentioned in" everywhere says nothing.
REFERENCE_PAGES = (GLOSSARY_SRC, STATUS_SRC)

# lang -> concept id -> {page url: page title}
_MENTIONS: dict[str, dict[str, dict[str, str]]] = {}
# lang -> what every page of one build shares (computed once per build, not once per page)
_CONTEXT: dict[str, tuple] = {}


# The page Python-Markdown is rendering now (set just before MkDocs renders it).
_RENDERING: dict[str, object] = {}


def _link(root, raw_html) -> None:
    page, config = _RENDERING.get("page"), _RENDERING.get("config")
    if page is None:
        return  # a Markdown conversion that is not one of our pages
    handbook, _, matcher, urls, _ = _context(config)
    _, own = _source(handbook, page)
    link_tree(root, matcher=matcher, own_id=own, raw_html=raw_html,
              url_for=lambda cid: relative_url(page.url, urls[cid]))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not any(isinstance(ext, CrossLinkExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(CrossLinkExtension(_link))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> None:
    _RENDERING.update(page=page, config=config)


def on_pre_build(*, config: MkDocsConfig) -> None:
    lang = config.theme["language"]
    _MENTIONS[lang] = defaultdict(dict)
    _CONTEXT.pop(lang, None)


def _source(handbook, page: Page):
    """(the page's source in the handbook, its concept id), either None for a generated page."""
    source = handbook.pages.get(page.file.src_uri)
    return source, getattr(source.meta, "id", None) if source else None


def _context(config: MkDocsConfig):
    """(handbook, lang, matcher, concept id -> url, url -> concept id) for this build."""
    lang = config.theme["language"]
    if lang not in _CONTEXT:
        handbook = current_handbook(config.docs_dir)
        urls = {
            cid: handbook.concept_url(c, lang, directory_urls=config.use_directory_urls)
            for cid, c in handbook.concepts.items()
        }
        by_url = {url: cid for cid, url in urls.items()}
        _CONTEXT[lang] = (handbook, lang, build_matcher(handbook, lang), urls, by_url)
    return _CONTEXT[lang]


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    _RENDERING.clear()
    handbook, lang, _, _, by_url = _context(config)
    _, own = _source(handbook, page)
    # Backlinks count every link to a concept page, written or made above.
    if page.file.src_uri in {ref.format(lang=lang) for ref in REFERENCE_PAGES}:
        return html
    for href in linked_urls(html):
        target = resolve_url(page.url, href)
        for candidate in (target, target + "/"):
            cid = by_url.get(candidate)
            if cid and cid != own:
                _MENTIONS[lang][cid][page.url] = page.title
    return html


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    handbook, lang, _, urls, _ = _context(config)
    source, own = _source(handbook, page)
    if own is None or own not in handbook.concepts:
        return context
    related = []
    for cid in source.meta.related:
        meta = handbook.concepts[cid].meta(lang)
        related.append((meta.title, relative_url(page.url, urls[cid]), meta.summary))
    mentions = _MENTIONS.get(lang, {}).get(own, {})
    mentioned_in = [(title, relative_url(page.url, url)) for url, title in sorted(mentions.items())]
    labels = {key: handbook.labels.get(lang, key) for key in ("related", "mentioned")}
    page.content += render_related(related, mentioned_in, labels=labels)
    return context
