"""mkdocs.yml as data: the languages mkdocs-static-i18n builds (the default one first) and each
language's fallback chain, with findings that name the line."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from handbook.findings import Finding

CONFIG_FILE = "mkdocs.yml"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: `!ENV [NAME, default]` reads as its default (or the variable), and
    Python tags (`!!python/name:…`) as nothing — only the languages are wanted from it."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    import os

    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    values = loader.construct_sequence(node)
    for name in values[:-1]:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return values[-1] if len(values) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def config_data(config_file: Path) -> dict:
    """mkdocs.yml as data, read as `_ConfigLoader` reads it (raises OSError, yaml.YAMLError)."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (safe loader)
    return data if isinstance(data, dict) else {}


@dataclass(frozen=True)
class SiteLanguages:
    """What mkdocs.yml declares about languages: mkdocs-static-i18n's entries (as mappings) and
    the theme's language (the one language when there is no i18n list).

    A build takes them from MkDocs' own config (`handbook.buildstate`: the i18n plugin's validated
    config); `make check` and the other commands read them from mkdocs.yml with `config_data`,
    several times faster than MkDocs' `load_config`, which imports every plugin and hook (README). A test
    holds the two readings equal (tests/test_siteconfig.py)."""

    entries: tuple[dict, ...]
    theme_language: str = "en"
    #: mkdocs.yml, read again only for the line of a finding (None: line 1).
    source: Path | None = None


def declared_languages(config_file: Path, findings: list[Finding]) -> SiteLanguages | None:
    """mkdocs.yml's languages as `config_data` reads them (None, with a finding, if unreadable)."""
    display = config_file.name
    try:
        config = config_data(config_file)
    except FileNotFoundError:
        findings.append(Finding(display, 1, "no mkdocs.yml beside docs/: the languages are read from it"))
        return None
    except yaml.YAMLError as err:
        line = err.problem_mark.line + 1 if getattr(err, "problem_mark", None) else 1
        findings.append(Finding(display, line, f"not valid YAML: {getattr(err, 'problem', err)}"))
        return None
    entries: list = []
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            entries = plugin["i18n"].get("languages") or []
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    return SiteLanguages(tuple(entries), str(theme.get("language") or "en"), config_file)


def languages_of(site: SiteLanguages | None, findings: list[Finding],
                 display: str = CONFIG_FILE) -> tuple[tuple[str, ...], dict[str, str]]:
    """The languages mkdocs-static-i18n builds, the default first, and their names."""
    if site is None:
        return ("en",), {"en": "English"}
    if not site.entries:  # one language: the theme's
        return (site.theme_language,), {site.theme_language: site.theme_language}
    codes: list[str] = []
    names: dict[str, str] = {}
    default = None
    for entry in site.entries:
        if not isinstance(entry, Mapping) or not isinstance(entry.get("locale"), str):
            findings.append(Finding(display, 1, "i18n: every language needs a 'locale'"))
            continue
        code = entry["locale"]
        if code == "null" or entry.get("build") is False:
            continue
        codes.append(code)
        names[code] = str(entry.get("name") or code)
        if entry.get("default"):
            default = code
    if not codes:
        findings.append(Finding(display, 1, "i18n: no language is built"))
        return ("en",), {"en": "English"}
    default = default or codes[0]
    return (default, *[c for c in codes if c != default]), names


def fallbacks_of(site: SiteLanguages | None, languages: tuple[str, ...], findings: list[Finding],
                 display: str = CONFIG_FILE) -> dict[str, tuple[str, ...]]:
    """Each language's fallback chain: `extra: {fallback: [th, en]}` in its i18n entry.

    A Lao reader who cannot have Lao reads Thai before English; a Khmer reader, English. Notices,
    interface words and untranslated pages come from the first language of the chain that has
    them (the original closes every chain)."""
    chains: dict[str, tuple[str, ...]] = {}
    for entry in site.entries if site is not None else ():
        extra = entry.get("extra") if isinstance(entry, Mapping) else None
        if not isinstance(extra, Mapping) or "fallback" not in extra:
            continue
        chain = extra["fallback"]
        chain = [chain] if isinstance(chain, str) else chain
        line = _line_of_fallback(site.source, str(entry.get("locale")))
        if not isinstance(chain, list) or not all(isinstance(c, str) for c in chain):
            findings.append(Finding(display, line, f"i18n: language '{entry.get('locale')}': "
                                    "'fallback' is a list of language codes, e.g. [th, en]"))
            continue
        unknown = [c for c in chain if c not in languages]
        if unknown:
            findings.append(Finding(display, line,
                                    f"i18n: language '{entry.get('locale')}': fallback '{unknown[0]}' "
                                    f"is not a language of this handbook ({', '.join(languages)})"))
            continue
        chains[str(entry.get("locale"))] = tuple(c for c in chain if c != entry.get("locale"))
    return chains


def _line_of_fallback(source: Path | None, code: str) -> int:
    """The line of `fallback` in language `code`'s entry of mkdocs.yml (else of the entry)."""
    try:
        lines = source.read_text(encoding="utf-8").splitlines() if source is not None else []
    except (OSError, UnicodeDecodeError):
        lines = []
    start = next((n for n, t in enumerate(lines, 1) if re.search(rf"locale:\s*{re.escape(code)}\b", t)), 1)
    return next((n for n, t in enumerate(lines, 1) if n >= start and "fallback" in t), start)
