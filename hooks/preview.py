"""MkDocs adapter for `make serve`: the preview follows every edit and shows a broken build.

- MkDocs watches `docs/` and `mkdocs.yml` only; the handbook is also made of its interface words
  (`labels/`), theme overrides, `handbook.yml`, `editorial/` and the book's template and styles.
- No service worker in the preview: it would keep serving the pages it saved (`sw.js` is removed
  after each build, so the browser never installs it).
- When a rebuild fails, MkDocs keeps the old pages and the browser waits forever. Under `serve`
  only, a failed build writes an error page (`handbook.errorpage`) in place of every page, with
  the `path:line: error:` lines, and counts as done, so livereload reloads the browser onto it;
  the next good build brings the pages back.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority

from handbook import buildstate
from handbook.errorpage import error_lines, html_pages, render_error_page, write_error_pages
from handbook.events import priority

#: Besides docs/ and mkdocs.yml, what a save in should show in the preview (when it exists).
WATCHED = ("labels", "overrides", "handbook.yml", "editorial", "handbook/templates", "handbook/static")

log = logging.getLogger("mkdocs.hooks.preview")


def on_startup(*, command: str, dirty: bool) -> None:
    if command == "serve":
        import mkdocs.commands.serve as serve

        # `serve`'s builder calls this module's `build` for the first build and every rebuild;
        # the wrapper marks each build's config as served (`handbook.buildstate.Build.serve`).
        if not getattr(serve.build, "handbook_error_page", False):
            serve.build = _build_or_error_page(serve.build)


# After hooks/service_worker.py (-250) has written sw.js.
@event_priority(priority("preview", "on_post_build"))
def on_post_build(*, config: MkDocsConfig) -> None:
    if buildstate.of(config).serve:
        for name in ("sw.js", "offline.json"):
            (Path(config.site_dir) / name).unlink(missing_ok=True)


def on_serve(server, *, config: MkDocsConfig, builder):
    root = Path(config.config_file_path).parent
    for name in WATCHED:
        if (root / name).exists():
            server.watch(str(root / name))
    return server


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _build_or_error_page(build):
    @functools.wraps(build)
    def build_or_error_page(config, *args, **kwargs):
        setattr(config, buildstate.SERVING, True)
        pages = html_pages(Path(config.site_dir))
        collect = _Collect()
        logger = logging.getLogger(buildstate.engine_logger_name(config))
        logger.addHandler(collect)
        try:
            return build(config, *args, **kwargs)
        except (Exception, SystemExit) as err:
            lines = error_lines(err, collect.messages)
            count = write_error_pages(Path(config.site_dir), pages, render_error_page(lines))
            # MkDocs has logged the error itself; the terminal only learns where it is shown.
            log.info("The preview shows the build error on its %d pages until it is fixed", count)
            return None
        finally:
            logger.removeHandler(collect)

    build_or_error_page.handbook_error_page = True
    return build_or_error_page
