"""MkDocs adapter: a page rendered before, from the same Markdown, the same files and the same
code, is not rendered again (`handbook.rendered` says what a rendering depends on).

After every other hook has changed the page's Markdown, the page's `render` is this module's:
it takes the build's memo (`handbook.memo`, in the user's cache folder, never the working tree)
for a rendering kept under the digest of everything MkDocs' own `Page.render` reads, and else
calls `Page.render` and keeps what it left on the page, if it logged nothing. Without a memo
(no cache folder outside the project) MkDocs renders as it always does and nothing is hashed.
Measured in bench section 1 (`make bench`): the Markdown of the handbook's 56 pages is most of
what one build costs beyond vanilla's.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

import markdown
import mkdocs
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from handbook import buildstate
from handbook.crosslinks import CrossLinkExtension, thai_boundaries
from handbook.events import priority
from handbook.memo import key
from handbook.rendered import (
    PURE_EXTENSIONS,
    callables_in,
    extension_module,
    files_digest,
    kept,
    module_fingerprint,
    render_key,
    toc_tokens,
)
from handbook.thai import cache_version as thai_version
from handbook.usercache import source_digest


@event_priority(priority("render_memo", "on_page_markdown"))
def on_page_markdown(text: str, *, page: Page, config: MkDocsConfig, files) -> None:
    build = buildstate.of(config)
    if build.memo is None or build.memo.path is None or not _pure(config):
        return
    lang = config.theme["language"]
    if build.files_digest.get(lang, (None,))[0] is not files:
        rows = ((f.src_uri, f.dest_uri, f.url, f.inclusion.name) for f in files)
        build.files_digest[lang] = (files, files_digest(rows))
    if build.render_code is None:
        build.render_code = _render_code(config)
    links = build.link_context(lang, directory_urls=config.use_directory_urls)
    parts = render_key(
        markdown=text,
        place=(page.file.src_uri, page.file.dest_uri, page.file.url, str(links.own_id(page.file.src_uri))),
        files=build.files_digest[lang][1],
        settings=[config.markdown_extensions, config.mdx_configs, config.use_directory_urls,
                  {name: int(level) for name, level in config.validation.links.items()},
                  # What a rendering may log, and whether MkDocs keeps the links to anchors.
                  [logging.getLogger(name).getEffectiveLevel() for name in LOGGERS]],
        links=links.key,
        versions=(build.render_code,),
    )
    page.render = partial(_render, page, build.memo, key(*parts))  # type: ignore[method-assign]


def _pure(config: MkDocsConfig) -> bool:
    """Whether every Markdown extension renders from the page and its settings alone."""
    modules = (extension_module(ext) for ext in config.markdown_extensions
               if not isinstance(ext, CrossLinkExtension))
    return all(module in PURE_EXTENSIONS for module in modules)


def _render_code(config: MkDocsConfig) -> str:
    """A digest of the code that renders besides the `handbook` package (the memo's own key): the
    hooks (the cross-links' callback), Python-Markdown, MkDocs, PyThaiNLP's version, and every
    module a Markdown extension or a setting names (`slugify`). Material takes no part in it."""
    modules = {extension_module(ext) for ext in config.markdown_extensions}
    modules |= {function.__module__ for function in callables_in(config.mdx_configs)}
    project = Path(config.config_file_path).parent
    return key(source_digest(Path(__file__).parent), thai_version(), markdown.__version__,
               mkdocs.__version__, *(module_fingerprint(name, project) for name in sorted(modules)))


def _render(page: Page, memo, digest: str, config: MkDocsConfig, files) -> None:
    found = memo.get(digest)
    # Kept, and the Thai texts its cross-links looked at still have their words where they had.
    if isinstance(found, dict) and isinstance(found.get("thai"), dict) and all(
            sorted(thai_boundaries(text)) == kept_boundaries for text, kept_boundaries in found["thai"].items()):
        page.content = found["content"]
        page.toc = get_toc(found["toc"])
        page._title_from_render = found["title"]
        page.present_anchor_ids = set(found["anchors"])
        if found["links"] is not None:
            page.links_to_anchors = {files.get_file_from_path(src): anchors
                                     for src, anchors in found["links"].items()}
        return
    with _Logged() as logged:
        Page.render(page, config, files)
    if not logged.records:
        links = getattr(page, "links_to_anchors", None)
        memo.put(digest, kept(page.content, toc_tokens(page.toc), page._title_from_render,
                              page.present_anchor_ids,
                              {f.src_uri: dict(a) for f, a in links.items()} if links is not None else None,
                              dict(buildstate.of(config).thai_consulted)))


#: Where a rendering's messages go: the engine's loggers, which do not propagate ("mkdocs", or
#: "properdocs" under ProperDocs, whose `mkdocs` modules are its own), and the others'.
LOGGERS = tuple(dict.fromkeys((buildstate.engine_logger_name(MkDocsConfig), "mkdocs", "MARKDOWN", "")))


class _Logged(logging.Handler):
    """Whatever is logged while a page renders, at any level its logger lets through."""

    def __init__(self) -> None:
        super().__init__(logging.NOTSET)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self):
        for name in LOGGERS:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc) -> None:
        for name in LOGGERS:
            logging.getLogger(name).removeHandler(self)
