"""The page `mkdocs serve` shows while the build is broken: the `path:line: error:` lines.

A contributor previewing the handbook watches the browser, not the terminal: when a save breaks
the build, every page of the preview is replaced by this one (which says what to fix), and the
next good build replaces it again. Only the preview writes it, into its own temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import jinja2

TEMPLATE = Path(__file__).parent / "templates" / "serve-error.html"
#: Seconds between the error page's own reloads (livereload reloads it at once when it can).
REFRESH_SECONDS = 3


def render_error_page(lines: list[str]) -> str:
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    template = env.from_string(TEMPLATE.read_text(encoding="utf-8"))
    return template.render(lines=lines, refresh=REFRESH_SECONDS)


def html_pages(site_dir: Path) -> list[str]:
    """The HTML pages of a built site, relative to it (a build empties its folder first: the
    preview notes them before it builds)."""
    return sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*.html")) if site_dir.is_dir() else []


def write_error_pages(site_dir: Path, pages: list[str], page: str) -> int:
    """Put `page` at every one of `pages` (and the home and 404 pages, which a first build that
    failed never wrote); return how many were written."""
    targets = {site_dir / name for name in pages} | {site_dir / "index.html", site_dir / "404.html"}
    for path in targets:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page, encoding="utf-8")
    return len(targets)


def error_lines(error: BaseException, logged: list[str]) -> list[str]:
    """What to show: the warnings and errors logged during the build, then the error itself."""
    lines = [line for message in logged for line in message.splitlines()]
    lines += [line for line in str(error).splitlines() if line not in lines]
    return lines or [type(error).__name__]
