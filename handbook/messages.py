"""The messages a translator meets most, in English with a Thai line after it.

The words are data (`handbook/messages/<lang>.yml`, one file per language, the same keys): a
contributor who reads Thai better than English reads the line under the English one. Only the
messages of mistakes translators make are here (YAML, the front matter's schema); the rest of
`make check` speaks English.
"""

from __future__ import annotations

import string
from functools import cache
from pathlib import Path

import yaml

MESSAGES_DIR = Path(__file__).with_name("messages")
#: The language every message is written in first, then the others' lines, in this order.
MESSAGE_LANGUAGES: tuple[str, ...] = ("en", "th")
#: How a translated line follows the English one in `make check`'s output.
TRANSLATION_INDENT = "\n    "


@cache
def _words(lang: str) -> dict[str, str]:
    # Shipped with the code (not content of a pull request): a plain safe load is enough.
    path = MESSAGES_DIR / f"{lang}.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


class _Kept(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def message(key: str, /, **values: object) -> str:
    """The message `key` in English, then one line per other language ("\\n    " + its words)."""
    lines = []
    for lang in MESSAGE_LANGUAGES:
        words = _words(lang).get(key)
        if words is None:
            if lang == MESSAGE_LANGUAGES[0]:
                raise KeyError(f"no message '{key}' in {MESSAGES_DIR / (lang + '.yml')}")
            continue
        lines.append(string.Formatter().vformat(words, (), _Kept({k: str(v) for k, v in values.items()})))
    return TRANSLATION_INDENT.join(lines)


def english(text: str) -> str:
    """A message's English line (the first)."""
    return text.split(TRANSLATION_INDENT, 1)[0]
