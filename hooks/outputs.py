"""MkDocs adapter: the page policy on every page, and the output census once the site is built.

- The template (`overrides/main.html`) writes `<meta http-equiv="Content-Security-Policy">` with
  markers; once a page's HTML is final (`on_post_page`, last of all; `on_post_template` for
  404.html) `handbook.outputs.csp` puts the hashes of its inline scripts in it.
- After every language is built (mkdocs-static-i18n builds them all from the first build's
  `on_post_build`), `handbook.outputs.census` reads every published file back and holds it to one
  allowlist; anything outside it, and any unfilled `{placeholder}`, stops the build, naming the
  published file and, where known, the source page and line it came from.
"""

from __future__ import annotations

import hashlib
import logging
import posixpath
import time
from pathlib import Path

from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook import buildstate
from handbook.events import priority
from handbook.outputs.census import SiteCensus, census_site
from handbook.outputs.csp import (
    fill_policy,
    iframe_worker_src,
    policy_element,
    policy_template,
    published_origins,
)
from handbook.outputs.pages import page_problems
from handbook.outputs.placeholders import cached_pdf_pages_text, pdf_text_cache_dir
from handbook.outputs.report import describe_problem, entry_source, published_hosts
from handbook.outputs.scan import scan_html
from handbook.outputs.verdicts import Verdict, Verdicts, cache_dir, judge_key, page_key
from handbook.pwa import service_worker

log = logging.getLogger("mkdocs.hooks.outputs")


def _hosts(config: MkDocsConfig) -> frozenset[str]:
    return published_hosts(config.site_url, buildstate.of(config).settings.published_url)


def _origins(config: MkDocsConfig) -> tuple[str, ...]:
    return published_origins(config.site_url, buildstate.of(config).settings.published_url)


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


_building_languages = buildstate.building_languages


def _build(config: MkDocsConfig) -> buildstate.PageOutputs:
    return buildstate.of(config).outputs


def on_env(env, *, config: MkDocsConfig, files):
    # A constant without markup characters (`handbook.outputs.csp`): written as it is.
    env.globals["hb_csp_policy"] = Markup(policy_template(_origins(config)))
    return env


def _shim(config: MkDocsConfig, build: buildstate.PageOutputs, folder: str, src: str) -> str | None:
    target = posixpath.normpath(posixpath.join(folder, src)) if not src.startswith("/") else src.lstrip("/")
    if target not in build.shims:
        path = Path(config.site_dir, target)
        build.shims[target] = path.read_text(encoding="utf-8") if path.is_file() else None
    return build.shims[target]


def _verdicts(config: MkDocsConfig, build: buildstate.PageOutputs) -> Verdicts:
    if build.verdicts is None:
        judge = judge_key(origins=_origins(config), hosts=_hosts(config), live_reload=buildstate.of(config).serve)
        # One file per project folder too: two clones or branches do not evict each other's.
        place = hashlib.sha256(str(_root(config).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:12]
        build.verdicts = Verdicts.load(cache_dir(_root(config)), f"{judge}-{place}")
    return build.verdicts


def _reuse(verdict: Verdict | None, output: str, folder: str, config: MkDocsConfig,
           build: buildstate.PageOutputs) -> str | None:
    """The page filled as when these same bytes were judged clean, if its shim is unchanged."""
    if verdict is None:
        return None
    if verdict.shim is not None:
        src, digest = verdict.shim
        shim = _shim(config, build, folder, src)
        if shim is None or hashlib.sha256(shim.encode("utf-8")).hexdigest() != digest:
            return None
    return verdict.apply(output)


def _apply(output: str, dest: str, where: str, config: MkDocsConfig) -> str:
    build = _build(config)
    started = time.perf_counter()
    folder = posixpath.dirname(dest)
    verdicts, key = _verdicts(config, build), page_key(output)
    html = _reuse(verdicts.get(key), output, folder, config, build)
    if html is None:
        html = _judge(output, dest, where, folder, config, build, verdicts, key)
    build.judged[dest] = hashlib.sha256(html.encode("utf-8")).hexdigest()
    build.seconds += time.perf_counter() - started
    build.pages += 1
    return html


def _judge(output: str, dest: str, where: str, folder: str, config: MkDocsConfig,
           build: buildstate.PageOutputs, verdicts: Verdicts, key: str) -> str:
    scan = scan_html(output)
    src = iframe_worker_src(scan)
    shim = _shim(config, build, folder, src) if src else None
    element = policy_element(scan)
    html, _, problems = fill_policy(output, scan, shim_source=shim, origins=_origins(config),
                                    live_reload=buildstate.of(config).serve)
    # The census of the page as published, now that it is read (on_post_build checks that the
    # file was not changed since, and reads it again if it was). It names whatever kept the
    # policy from being made, too.
    found = page_problems(html, scan=scan, hosts=_hosts(config), origins=_origins(config),
                          live_reload=buildstate.of(config).serve, read_asset=lambda url: _shim(config, build, folder, url))
    if found:
        raise PluginError("\n".join(describe_problem(dest, p, where, root=_root(config)) for p in found))
    if problems:
        raise PluginError("\n".join(f"site/{dest}:1: error: {problem} (from {where})" for problem in problems))
    offset, written = element.span  # a page without its policy has problems
    filled = html[offset:offset + len(written) + len(html) - len(output)]
    digest = hashlib.sha256(shim.encode("utf-8")).hexdigest() if src and shim is not None else None
    verdicts.put(key, Verdict(offset, written, filled, (src, digest) if digest else None))
    return html


# Last of all page hooks (mkdocs-static-i18n's is -100): the policy is made from the final HTML.
@event_priority(priority("outputs", "on_post_page"))
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    dest = page.file.dest_uri
    source = f"docs/{page.file.src_uri}" if not page.file.generated_by else f"generated page {page.file.src_uri}"
    _build(config).sources[dest] = source
    return _apply(output, dest, source, config)


# Before hooks/notfound.py keeps the original's 404 page and writes the other languages' own.
@event_priority(priority("outputs", "on_post_template"))
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not template_name.endswith(".html"):
        return output
    lang = config.theme["language"]
    dest = template_name if not _building_languages(config) else f"{lang}/{template_name}"
    return _apply(output, dest, f"template {template_name}", config)


# After everything that writes files (search indexes -200, service worker -250, caches -300).
@event_priority(priority("outputs", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    if _building_languages(config):
        return
    build = _build(config)
    if build.verdicts is not None:
        build.verdicts.save()
    started = time.perf_counter()
    text_cache = pdf_text_cache_dir(_root(config))
    census = SiteCensus(hosts=_hosts(config), origins=_origins(config), judged=build.judged,
                        memo=buildstate.of(config).memo,
                        live_reload=buildstate.of(config).serve,
                        worker=service_worker(),
                        pdf_text=lambda path: cached_pdf_pages_text(path, text_cache))
    found = census_site(Path(config.site_dir), census)
    seconds = time.perf_counter() - started
    log.debug("outputs: policy and census of %d pages in %.2f s (%.1f ms a page); the rest of the site in %.2f s",
              build.pages, build.seconds, 1000 * build.seconds / max(build.pages, 1), seconds)
    if found:
        lines = [describe_problem(path, problem, build.sources.get(path) or entry_source(build.sources, path, problem.page),
                                  root=_root(config))
                 for path, problems in found.items() for problem in problems]
        raise PluginError("the published site holds what the output census refuses "
                          "(SECURITY.md, 'What the build publishes'):\n" + "\n".join(lines))
