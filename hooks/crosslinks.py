"""MkDocs adapter: automatic cross-links, then related concepts and backlinks on concept pages.

Pages are linked while Python-Markdown renders them (a tree processor, so no HTML is parsed
again); their links are collected in `on_page_content` (every page before any is rendered) and the
backlinks are added in `on_page_context`, when every page's links are known. State is kept per
language: mkdocs-static-i18n builds each language in the same process, and `mkdocs serve`
rebuilds without reloading this module.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from handbook import buildstate
from handbook.crosslinks import (
    CrossLinkExtension,
    link_tree,
    linked_urls,
    render_related,
    thai_boundaries,
)
from handbook.glossary import GLOSSARY_SRC
from handbook.loader import relative_url, resolve_url
from handbook.translation import STATUS_SRC

# Reference pages link to every concept; listing them under "mentioned in" everywhere says nothing.
REFERENCE_PAGES = (GLOSSARY_SRC, STATUS_SRC)


def _linker(config: MkDocsConfig):
    """The tree processor's callback: links the page of `config`'s build being rendered now."""

    def link(root, raw_html) -> None:
        build = getattr(config, buildstate.ATTRIBUTE, None)
        page = build.rendering if build is not None else None
        if page is None:
            return  # a Markdown conversion that is not one of our pages
        context = _context(config)
        consulted = build.thai_consulted

        def boundaries(text: str) -> frozenset[int]:
            found = thai_boundaries(text)
            consulted[text] = sorted(found)  # the rendering depends on it (hooks/render_memo.py)
            return found

        link_tree(root, matcher=context.matcher, own_id=context.own_id(page.file.src_uri),
                  raw_html=raw_html, url_for=lambda cid: relative_url(page.url, context.urls[cid]),
                  boundaries=boundaries)

    return link


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not any(isinstance(ext, CrossLinkExtension) for ext in config.markdown_extensions):
        config.markdown_extensions.append(CrossLinkExtension(_linker(config)))
    return config


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> None:
    build = buildstate.of(config)
    build.rendering = page  # the page Python-Markdown renders next
    build.thai_consulted = {}


def on_pre_build(*, config: MkDocsConfig) -> None:
    lang = config.theme["language"]
    build = buildstate.of(config)
    build.mentions.pop(lang, None)
    build.crosslinks.pop(lang, None)


def _context(config: MkDocsConfig):
    """What every page of this language's build is linked with (`handbook.crosslinks.LinkContext`)."""
    return buildstate.of(config).link_context(config.theme["language"],
                                              directory_urls=config.use_directory_urls)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    build = buildstate.of(config)
    build.rendering = None
    context = _context(config)
    lang, by_url, own = context.lang, context.by_url, context.own_id(page.file.src_uri)
    # Backlinks count every link to a concept page, written or made above.
    if page.file.src_uri in {ref.format(lang=lang) for ref in REFERENCE_PAGES}:
        return html
    for href in linked_urls(html):
        target = resolve_url(page.url, href)
        for candidate in (target, target + "/"):
            cid = by_url.get(candidate)
            if cid and cid != own:
                build.mentions_of(lang)[cid][page.url] = page.title
    return html


def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    links = _context(config)
    handbook, lang, urls = links.handbook, links.lang, links.urls
    own = links.own_id(page.file.src_uri)
    if own is None or own not in handbook.concepts:
        return context
    related = []
    for cid in handbook.pages[page.file.src_uri].meta.related:
        meta = handbook.concepts[cid].meta(lang)
        related.append((meta.title, relative_url(page.url, urls[cid]), meta.summary))
    mentions = buildstate.of(config).mentions.get(lang, {}).get(own, {})
    mentioned_in = [(title, relative_url(page.url, url)) for url, title in sorted(mentions.items())]
    labels = {key: handbook.labels.get(lang, key) for key in ("related", "mentioned")}
    page.content += render_related(related, mentioned_in, labels=labels)
    return context
