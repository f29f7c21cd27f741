"""The handbook's own settings, declared and validated in one place.

They come from two places a maintainer sets: `extra:` keys of mkdocs.yml and `HANDBOOK_*`
environment variables of the build. Every hook reads them from `Build.settings`
(`handbook.buildstate`), never from `config.extra` or `os.environ` itself; a bad value stops the
build with a `path:line: error:` line that says what to write instead.

| setting            | from                                 | default   |
|--------------------|--------------------------------------|-----------|
| published_url      | extra.published_url                  | ""        |
| theme_color        | extra.app.theme_color                | #00695c   |
| background_color   | extra.app.background_color           | #ffffff   |
| edit_base          | extra.edit_base                      | ""        |
| polyfills          | extra.polyfills                      | []        |
| book               | HANDBOOK_BOOK (on/off)               | on        |
| page_seconds       | HANDBOOK_PAGE_SECONDS (> 0)          | 60        |
| offline_dir        | HANDBOOK_OFFLINE_DIR                 | "" (none) |
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path


class SettingsError(ValueError):
    """Bad settings: one `path:line: error: …` line each (hooks/build.py stops the build with them)."""


DEFAULT_PAGE_SECONDS = 60.0
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Settings:
    published_url: str = ""
    theme_color: str = "#00695c"
    background_color: str = "#ffffff"
    edit_base: str = ""
    polyfills: tuple[str, ...] = ()
    book: bool = True
    page_seconds: float = DEFAULT_PAGE_SECONDS
    offline_dir: str = ""


def _line_of(config_file: str | None, key: str) -> int:
    """The line of mkdocs.yml that sets `key` (its last part), else 1."""
    try:
        lines = Path(config_file or "").read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    name = re.compile(rf"^\s*{re.escape(key.rsplit('.', 1)[-1])}\s*:")
    return next((number for number, line in enumerate(lines, 1) if name.match(line)), 1)


def parse_settings(extra: Mapping, environ: Mapping[str, str], *, config_file: str | None = None) -> Settings:
    """The settings from mkdocs.yml's `extra` and the environment; SettingsError naming every
    bad value (`mkdocs.yml:LINE: error: …`, `HANDBOOK_X: error: …`)."""
    errors: list[str] = []
    where = os.path.relpath(config_file) if config_file else "mkdocs.yml"

    def text(key: str, value: object) -> str:
        if value is None:
            return ""
        if not isinstance(value, str):
            errors.append(f"{where}:{_line_of(config_file, key)}: error: extra.{key}: write text "
                          f"(an address), not {type(value).__name__}")
            return ""
        return value

    published = text("published_url", extra.get("published_url"))
    app = extra.get("app") or {}
    if not isinstance(app, Mapping):
        errors.append(f"{where}:{_line_of(config_file, 'app')}: error: extra.app: write the keys "
                      "theme_color and background_color below it")
        app = {}
    colours = {}
    for key, default in (("theme_color", "#00695c"), ("background_color", "#ffffff")):
        value = app.get(key, default)
        if not isinstance(value, str) or not _COLOUR.fullmatch(value):
            errors.append(f"{where}:{_line_of(config_file, key)}: error: extra.app.{key}: "
                          f"{value!r} is not a colour; write one as \"#rrggbb\" (e.g. \"{default}\")")
            value = default
        colours[key] = value
    polyfills = extra.get("polyfills") or []
    if not isinstance(polyfills, list) or not all(isinstance(p, str) for p in polyfills):
        errors.append(f"{where}:{_line_of(config_file, 'polyfills')}: error: extra.polyfills: write a "
                      "list of script paths below the site's root")
        polyfills = []
    book = environ.get("HANDBOOK_BOOK", "").lower()
    if book not in ("", "on", "off"):
        errors.append(f"HANDBOOK_BOOK={environ['HANDBOOK_BOOK']}: error: write HANDBOOK_BOOK=off "
                      "(no book) or leave it unset")
    seconds_text = environ.get("HANDBOOK_PAGE_SECONDS", "") or str(DEFAULT_PAGE_SECONDS)
    try:
        seconds = float(seconds_text)
        if not seconds > 0:
            raise ValueError
    except ValueError:
        errors.append(f"HANDBOOK_PAGE_SECONDS={seconds_text}: error: write the most seconds one page may "
                      f"take as a number above 0 (default {DEFAULT_PAGE_SECONDS:.0f})")
        seconds = DEFAULT_PAGE_SECONDS
    if errors:
        raise SettingsError("\n".join(errors))
    return Settings(
        published_url=published,
        theme_color=colours["theme_color"],
        background_color=colours["background_color"],
        edit_base=text("edit_base", extra.get("edit_base")),
        polyfills=tuple(str(p) for p in polyfills),
        book=book != "off",
        page_seconds=seconds,
        offline_dir=environ.get("HANDBOOK_OFFLINE_DIR", ""),
    )


def read_settings(config) -> Settings:
    """The settings of a loaded MkDocs config and this process's environment."""
    return parse_settings(config.extra, os.environ, config_file=config.config_file_path)
