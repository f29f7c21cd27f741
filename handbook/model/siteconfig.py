"""mkdocs.yml as data: the languages mkdocs-static-i18n builds (the default one first) and each
language's fallback chain, with findings that name the line."""

from __future__ import annotations

import re
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


def read_languages(config_file: Path, findings: list[Finding]) -> tuple[tuple[str, ...], dict[str, str]]:
    """The languages mkdocs-static-i18n builds, the default first, and their names."""
    display = config_file.name
    try:
        config = config_data(config_file)
    except FileNotFoundError:
        findings.append(Finding(display, 1, "no mkdocs.yml beside docs/: the languages are read from it"))
        return ("en",), {"en": "English"}
    except yaml.YAMLError as err:
        line = err.problem_mark.line + 1 if getattr(err, "problem_mark", None) else 1
        findings.append(Finding(display, line, f"not valid YAML: {getattr(err, 'problem', err)}"))
        return ("en",), {"en": "English"}
    entries = []
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            entries = plugin["i18n"].get("languages") or []
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    if not entries:  # one language: the theme's
        lang = str(theme.get("language") or "en")
        return (lang,), {lang: lang}
    codes: list[str] = []
    names: dict[str, str] = {}
    default = None
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("locale"), str):
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


def read_fallbacks(config_file: Path, languages: tuple[str, ...],
                   findings: list[Finding]) -> dict[str, tuple[str, ...]]:
    """Each language's fallback chain: `extra: {fallback: [th, en]}` in its i18n entry.

    A Lao reader who cannot have Lao reads Thai before English; a Khmer reader, English. Notices,
    interface words and untranslated pages come from the first language of the chain that has
    them (the original closes every chain)."""
    try:
        text = config_file.read_text(encoding="utf-8")
        config = yaml.load(text, Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError):
        return {}  # reported by read_languages
    chains: dict[str, tuple[str, ...]] = {}
    for plugin in config.get("plugins") or []:
        if not (isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict)):
            continue
        for entry in plugin["i18n"].get("languages") or []:
            extra = entry.get("extra") if isinstance(entry, dict) else None
            if not isinstance(extra, dict) or "fallback" not in extra:
                continue
            chain = extra["fallback"]
            chain = [chain] if isinstance(chain, str) else chain
            line = _line_of_fallback(text, str(entry.get("locale")))
            if not isinstance(chain, list) or not all(isinstance(c, str) for c in chain):
                findings.append(Finding(config_file.name, line, f"i18n: language '{entry.get('locale')}': "
                                        "'fallback' is a list of language codes, e.g. [th, en]"))
                continue
            unknown = [c for c in chain if c not in languages]
            if unknown:
                findings.append(Finding(config_file.name, line,
                                        f"i18n: language '{entry.get('locale')}': fallback '{unknown[0]}' "
                                        f"is not a language of this handbook ({', '.join(languages)})"))
                continue
            chains[str(entry.get("locale"))] = tuple(c for c in chain if c != entry.get("locale"))
    return chains


def _line_of_fallback(text: str, code: str) -> int:
    """The line of `fallback` in language `code`'s entry of mkdocs.yml (else of the entry)."""
    lines = text.splitlines()
    start = next((n for n, t in enumerate(lines, 1) if re.search(rf"locale:\s*{re.escape(code)}\b", t)), 1)
    return next((n for n, t in enumerate(lines, 1) if n >= start and "fallback" in t), start)

