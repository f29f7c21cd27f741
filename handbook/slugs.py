"""Heading anchors that keep Thai readable.

Python-Markdown's and pymdownx's slugifiers keep only `\\w`, which drops Thai vowel and tone marks
(combining characters): ลักษณะ would become ลกษณะ. This one keeps the whole Thai block.
"""

from __future__ import annotations

import re
import unicodedata

_INVALID = re.compile(r"[^\w\u0e00-\u0e7f\- ]")
_SEPARATORS = re.compile(r"[\s\-]+")


def slugify(value: str, separator: str = "-") -> str:
    value = unicodedata.normalize("NFC", value).strip().lower()
    value = _INVALID.sub("", value)
    return _SEPARATORS.sub(separator, value).strip(separator)
