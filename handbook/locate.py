"""Where in the sources a problem found in the output comes from: the file and line to name.

The output gate reads a page's rendered HTML, and the book's typesetter a whole book; what they
refuse (an image, a link) was written in a source page. A message should name that page and the
line, not the generated document: the value the problem quotes is looked up in the sources.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

_QUOTED = re.compile(r"'([^']{2,})'")


def quoted_values(message: str) -> list[str]:
    """The values `message` quotes ('x.png'), longest first, with a URL's file name after them."""
    values = sorted(set(_QUOTED.findall(message)), key=len, reverse=True)
    for url in re.findall(r"(?:file|https?)://[^\s'\"]+", message):
        name = posixpath.basename(unquote(urlsplit(url).path))
        if name:
            values.append(name)
    return values


def line_of(text: str, needles: Iterable[str]) -> int | None:
    """The first line of `text` holding one of `needles` (tried in order), or None."""
    for needle in needles:
        index = text.find(needle)
        if index != -1:
            return text.count("\n", 0, index) + 1
    return None


def locate(message: str, sources: Iterable[tuple[str, str]]) -> tuple[str, int] | None:
    """(display path, line) of the first source (display path, text) that holds a value the
    message quotes, or None."""
    needles = quoted_values(message)
    if not needles:
        return None
    for display, text in sources:
        line = line_of(text, needles)
        if line is not None:
            return display, line
    return None
