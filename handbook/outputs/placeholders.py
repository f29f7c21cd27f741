"""No unfilled `{name}` in any output: what readers see, never the generator's blanks.

Labels (`labels/<lang>.yml`) and templates carry `{placeholders}` that the build fills; one left
unfilled would be printed to every reader ("The {points} recommendations…"). Judged where
readers meet it: the text and attribute values of HTML, the string values of JSON (search
indexes, `concepts.json`, manifests, the service worker's list), and the books' text layer.
Scripts' own code legitimately holds braces, so scripts and styles are not text here.

A few attributes hold a label on purpose that a script fills in the reader's browser (the
search's "Showing results for “{query}”", the offline status); `RUNTIME_PLACEHOLDERS` lists
them with the names their script fills, and only those.

Pure functions: text in, findings `(where, message)` out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handbook.outputs.scan import PageScan

#: `{name}`, also with an attribute, index, conversion or format spec (`{n.real}`, `{n:>3}`).
PLACEHOLDER = re.compile(r"\{[^\W\d]\w*(?:[.\[!:][^{}\s]*)?\}")

#: Attribute -> the placeholders a script fills in it at reading time (overrides/partials,
#: assets/javascripts/offline.js, checklists.js, the search line in main.html).
RUNTIME_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "data-template": frozenset({"{query}", "{type}", "{count}", "{size}"}),
    "data-saving": frozenset({"{percent}"}),
    "data-other": frozenset({"{language}", "{size}"}),
    "data-other-ready": frozenset({"{language}"}),
}


def find_placeholders(text: str, *, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The unfilled placeholders in `text` (in order), leaving out `allowed` ones."""
    return [found for found in PLACEHOLDER.findall(text) if found not in allowed]


def _message(found: list[str], what: str) -> str:
    names = ", ".join(dict.fromkeys(found))
    return f"unfilled placeholder {names} in {what}; a label or template was used without its value"


def html_placeholders(scan: PageScan) -> Iterator[tuple[int, str]]:
    """(line, message) for each text node or attribute value of a page with a placeholder."""
    for line, text in scan.texts:
        found = find_placeholders(text)
        if found:
            yield line, _message(found, f"the text '{text.strip()[:60]}'")
    for element in scan.elements:
        for name, value in element.attrs:
            if value and "{" in value:
                found = find_placeholders(value, allowed=RUNTIME_PLACEHOLDERS.get(name, frozenset()))
                if found:
                    yield element.line, _message(found, f"attribute {name} of <{element.tag}>")


def json_placeholders(value, path: str = "$") -> Iterator[tuple[str, str]]:
    """(JSON path, message) for each string value (or key) of `value` with a placeholder."""
    if isinstance(value, str):
        found = find_placeholders(value)
        if found:
            yield path, _message(found, f"the value at {path}")
    elif isinstance(value, dict):
        for key, item in value.items():
            if find_placeholders(str(key)):
                yield path, _message(find_placeholders(str(key)), f"the key '{key}' at {path}")
            yield from json_placeholders(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from json_placeholders(item, f"{path}[{index}]")


def text_placeholders(pages: list[str]) -> Iterator[tuple[int, str]]:
    """(page number from 1, message) for a book's text, page by page."""
    for number, text in enumerate(pages, start=1):
        found = find_placeholders(text)
        if found:
            line = next(line for line in text.splitlines() if PLACEHOLDER.search(line))
            yield number, _message(found, f"'{line.strip()[:60]}'")


def pdf_pages_text(path) -> list[str]:
    """The text layer of a PDF, page by page (pypdf, as the book's tests read it)."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]
