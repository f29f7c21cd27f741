"""MkDocs adapter: one gate. What `make check` refuses, `make build` and `mkdocs serve` refuse too.

Checks, all from the content model (`handbook.check`, `handbook.sanitize`):
- before anything is built (`on_files`), every error `make check` finds stops the build with the
  same `path:line: error:` lines — content is never half-published;
- each page's front matter and body as MkDocs read them are those `make check` validated (one
  reading of a page);
- every page's rendered HTML (Markdown links included) is cleaned by Ammonia under the same
  policy before anything else sees it; if Ammonia had to remove anything the build stops and
  says what, at the source page and line that wrote it, so nothing is dropped silently and
  nothing unsafe is published;
- no page costs the build more than HANDBOOK_PAGE_SECONDS (`handbook.settings`).

The pure steps among these (a page's front matter parsed, its Thai-text rules, its HTML cleaned)
are kept between builds when they found nothing (`handbook.memo`, loaded here, saved by
`hooks/build.py`): the same input and the same code give the same result, never a skipped check.
"""

from __future__ import annotations

import signal
import threading
import time
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook import buildstate
from handbook.check import check_handbook
from handbook.events import priority
from handbook.findings import HandbookError
from handbook.locate import locate
from handbook.memo import Memo, recall
from handbook.sanitize import gate_output


# First of all hooks: nothing reads a page before its sources passed.
@event_priority(priority("gate", "on_files"))
def on_files(files, *, config: MkDocsConfig) -> None:
    # Once per build (mkdocs-static-i18n runs this for every language): the handbook the check
    # loaded is the one every hook reads, so no page is read twice.
    build = buildstate.of(config)
    if build.errors is None:
        build.memo = Memo.load(build.root)
        findings, handbook = check_handbook(build.docs_dir, warnings=False, site=build.languages,
                                            memo=build.memo)
        build.errors = [f for f in findings if f.level == "error"]
        if handbook is not None and not build.errors:
            build.handbook = handbook
    if build.errors:
        raise PluginError(str(HandbookError(build.errors)))


# One reading of a page: what MkDocs took for the front matter and the body is what `make check`
# validated (the loader uses MkDocs' own split; this holds it to that at the build).
@event_priority(priority("gate", "on_page_markdown"))
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files) -> None:
    build = buildstate.of(config)
    _start_page(build, page.file.src_uri)
    source = build.content().pages.get(page.file.src_uri)
    if source is None:
        return
    unknown = sorted(set(page.meta) - set(type(source.meta).model_fields))
    if unknown or markdown != source.body:
        raise PluginError(f"{source.display_path}:1: error: MkDocs reads this page's front matter "
                          "differently from make check"
                          + (f" (fields {', '.join(unknown)})" if unknown else "")
                          + "; write the front matter between two lines '---' at the start of a line")


# Before the other hooks read the page's HTML (cross-links, the concept map).
@event_priority(priority("gate", "on_page_content"))
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files) -> str:
    build = buildstate.of(config)
    _pause_page(build, page.file.src_uri)  # Markdown has rendered the page
    clean, problems = recall(build.memo, ("clean", html), _gate_output, html, keep=lambda result: not result[1])
    if problems:
        raise PluginError("\n".join(f"{_where(page, config, problem)}: error: {problem}"
                                    for problem in problems))
    return clean


def _gate_output(html: str) -> list:
    clean, problems = gate_output(html)
    return [clean, problems]


def _where(page: Page, config: MkDocsConfig, problem: str) -> str:
    """The source file and line a problem of the rendered page comes from (the value it quotes,
    found in the source), else the page itself."""
    if page.file.generated_by:
        # A generated page (a checklist) shows the concept pages' words: name the one it came from.
        pages = buildstate.handbook(config).pages.values()
        found = locate(problem, ((p.display_path, _read(p.path)) for p in pages))
        return (f"{found[0]}:{found[1]} (generated page {page.file.src_uri})" if found
                else f"generated page {page.file.src_uri}")
    where = f"docs/{page.file.src_uri}"
    found = locate(problem, [(where, _read(Path(config.docs_dir) / page.file.src_uri))])
    return f"{where}:{found[1]}" if found else where


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


# A page costs the build in two spells: MkDocs reads and renders every page's Markdown first
# (on_page_markdown → on_page_content), then fills every page's template (on_page_context →
# on_post_page), with the whole site's work (the book, the navigation) between the two. Each
# spell is timed and limited on its own; their sum is the page's cost.
def _start_page(build: buildstate.Build, src_uri: str) -> None:
    build.page_started[src_uri] = time.perf_counter()
    _start_page_timer(src_uri, build.settings.page_seconds)


def _pause_page(build: buildstate.Build, src_uri: str) -> None:
    _stop_page_timer()
    started = build.page_started.pop(src_uri, None)
    if started is not None:
        build.page_spent[src_uri] = build.page_spent.get(src_uri, 0.0) + time.perf_counter() - started


@event_priority(priority("gate", "on_page_context"))
def on_page_context(context, *, page: Page, config: MkDocsConfig, nav):
    _start_page(buildstate.of(config), page.file.src_uri)
    return context


class PageTimeout(PluginError):
    pass


def _start_page_timer(src_uri: str, seconds: float) -> None:
    """A real limit, not only a measure: an alarm stops a page that hangs (Python's regular
    expressions and Markdown's loops stop on it). Only in the main thread, where signals arrive."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return

    def stop(signum, frame):
        raise PageTimeout(f"docs/{src_uri}: error: the page took more than {seconds:.0f} s to "
                          f"build; a page may take at most {seconds:.0f} s "
                          "(HANDBOOK_PAGE_SECONDS): split it or remove what makes it slow")

    signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)


def _stop_page_timer() -> None:
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        signal.setitimer(signal.ITIMER_REAL, 0)


# Last of all hooks: the page is finished.
@event_priority(priority("gate", "on_post_page"))
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> None:
    build = buildstate.of(config)
    _pause_page(build, page.file.src_uri)
    spent = build.page_spent.pop(page.file.src_uri, 0.0)
    limit = build.settings.page_seconds
    if spent > limit:
        raise PluginError(f"docs/{page.file.src_uri}: error: the page took {spent:.0f} s to build; "
                          f"a page may take at most {limit:.0f} s (HANDBOOK_PAGE_SECONDS): "
                          "split it")


def on_build_error(*, error: Exception) -> None:
    _stop_page_timer()  # a page that failed early never reached on_post_page
