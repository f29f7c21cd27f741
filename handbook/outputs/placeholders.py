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

#: `{name}`, also with an attribute, index, conversion or format spec (`{n.real}`, `{n:>3}`). A
#: name begins with a letter and runs to a space, brace or format sign (Thai names carry marks,
#: which are not `\w`).
PLACEHOLDER = re.compile(r"\{[^\W\d][^\s{}.\[\]!:\"',;]*(?:[.\[!:][^{}\s]*)?\}")

#: Attribute -> the placeholders a script fills in it at reading time (overrides/partials,
#: assets/javascripts/offline.js, checklists.js, the search line in main.html).
RUNTIME_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "data-template": frozenset({"{query}", "{type}", "{count}", "{size}"}),
    "data-saving": frozenset({"{percent}"}),
    "data-other": frozenset({"{language}", "{size}"}),
    "data-other-ready": frozenset({"{language}"}),
    # The footer's offers to save and remove the saved copy (offline.js), with its size.
    "data-save": frozenset({"{size}"}),
    "data-remove": frozenset({"{size}"}),
    "data-removed": frozenset({"{size}"}),
}


#: Where two scripts fill the same attribute, the element's class says which: the search line
#: fills only "{query}", the type checklist's verdict only its three.
RUNTIME_BY_CLASS: dict[tuple[str, str], frozenset[str]] = {
    ("data-template", "hb-search-correction"): frozenset({"{query}"}),
    ("data-template", "hb-verdict"): frozenset({"{type}", "{count}", "{size}"}),
}


def runtime_placeholders(element, name: str) -> frozenset[str]:
    """The placeholders a script fills in attribute `name` of `element` (a scanned element)."""
    for cls in (element.get("class") or "").split():
        if (name, cls) in RUNTIME_BY_CLASS:
            return RUNTIME_BY_CLASS[(name, cls)]
    return RUNTIME_PLACEHOLDERS.get(name, frozenset())


def find_placeholders(text: str, *, allowed: frozenset[str] = frozenset()) -> list[str]:
    """The unfilled placeholders in `text` (in order), leaving out `allowed` ones."""
    return [found for found in PLACEHOLDER.findall(text) if found not in allowed]


def _message(found: list[str], what: str) -> str:
    names = ", ".join(dict.fromkeys(found))
    return f"unfilled placeholder {names} in {what}; a label or template was used without its value"


def html_placeholders(scan: PageScan) -> Iterator[tuple[int, str, str]]:
    """(line, message, the text) for each text node or attribute value of a page with a placeholder."""
    for line, text in scan.texts:
        found = find_placeholders(text)
        if found:
            yield line, _message(found, f"the text '{text.strip()[:60]}'"), text
    for element in scan.elements:
        for name, value in element.attrs:
            if value and "{" in value:
                allowed = runtime_placeholders(element, name)
                found = find_placeholders(value, allowed=allowed)
                # The script fills each name once (`String.replace`): a second is shown as it is.
                found += sorted(p for p in allowed if value.count(p) > 1)
                if found:
                    yield element.line, _message(found, f"attribute {name} of <{element.tag}>"), value


def json_placeholders(value, path: str = "$") -> Iterator[tuple[str, str, str]]:
    """(JSON path, message, the text) for each string value (or key) of `value` with a placeholder."""
    if isinstance(value, str):
        found = find_placeholders(value)
        if found:
            yield path, _message(found, f"the value at {path}"), value
    elif isinstance(value, dict):
        for key, item in value.items():
            if find_placeholders(str(key)):
                yield path, _message(find_placeholders(str(key)), f"the key '{key}' at {path}"), str(key)
            yield from json_placeholders(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from json_placeholders(item, f"{path}[{index}]")


def text_placeholders(pages: list[str]) -> Iterator[tuple[int, str, str]]:
    """(page number from 1, message, the line) for a book's text, page by page."""
    for number, text in enumerate(pages, start=1):
        found = find_placeholders(text)
        if found:
            line = next(line for line in text.splitlines() if PLACEHOLDER.search(line)).strip()
            yield number, _message(found, f"'{line[:60]}'"), line


def placeholder_context(text: str) -> str:
    """The placeholder with the word on each side (`The {points} recommendations`): what to look
    for in the labels a text was made from."""
    match = re.search(r"(?:\S+\s)?" + PLACEHOLDER.pattern + r"(?:\s\S+)?", text)
    return match.group(0) if match else ""


def pdf_pages_text(path) -> list[str]:
    """The text layer of a PDF, page by page (pypdf, as the book's tests read it)."""
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


def pdf_text_cache_dir(project):
    """Where the books' text is kept by the PDF's hash: the user's cache folder, `pdf-text/` (None:
    nothing kept). The build's census and the book's tests read the same place."""
    from handbook.usercache import user_cache_dir

    return user_cache_dir(project, "pdf-text")


def cached_pdf_pages_text(path, cache_dir) -> list[str]:
    """`pdf_pages_text`, kept by the PDF's SHA-256 in `cache_dir` (the user's cache folder, never
    the working tree): reading a book's text takes pypdf about 6 s, and a book is typeset anew
    only when something it depends on changed. Plain JSON; a file of the wrong shape is ignored."""
    import hashlib
    import json
    from pathlib import Path

    if cache_dir is None:
        return pdf_pages_text(path)
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    kept = Path(cache_dir) / f"{digest}.json"
    try:
        pages = json.loads(kept.read_text(encoding="utf-8"))
        if isinstance(pages, list) and all(isinstance(page, str) for page in pages):
            return pages
    except (OSError, ValueError):
        pass
    pages = pdf_pages_text(path)
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        kept.write_text(json.dumps(pages, ensure_ascii=False), encoding="utf-8")
        keep_newest_texts(kept.parent)
    except OSError:
        pass
    return pages


#: Texts kept in the cache: a book's text is read again only when the book is typeset again, and
#: typeset books are kept six per language (handbook/book/cache.py).
KEEP_TEXTS = 24


def keep_newest_texts(cache_dir) -> None:
    """Only the newest KEEP_TEXTS books' texts stay in `cache_dir`."""
    from handbook.usercache import keep_newest

    keep_newest(cache_dir, "*.json", KEEP_TEXTS)
