"""How an output finding is told: the published file and spot, and the source it came from.

`site/en/elements/x/index.html:412: error: inline event handler onerror on <img> (from
docs/en/elements/x.md:17)` — the source's line is the first that holds the offending text, when
the finding has one and the source holds it (a value the build computed has no source line).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import urlsplit

from handbook.outputs.pages import Problem
from handbook.outputs.placeholders import PLACEHOLDER, placeholder_context


def published_hosts(*urls: str | None) -> frozenset[str]:
    """The host names of the published site's addresses (`site_url`, `extra.published_url`)."""
    return frozenset(host for url in urls if url and (host := urlsplit(url).hostname))


def entry_source(sources: dict[str, str], index: str, url: str) -> str | None:
    """The source of the page at `url`, a search entry's location (relative to the folder of the
    language whose index it is, `en/search/search_index.json`); `sources` maps published pages
    to their sources."""
    if not index.endswith(("search_index.json", "search_index.js")):
        return None
    path = (posixpath.dirname(posixpath.dirname(index)) + "/" + url.split("#")[0]).lstrip("/")
    return sources.get(path + "index.html" if path.endswith("/") or not path else path)


def source_line(source: Path, value: str) -> int | None:
    """The first line of `source` that holds `value`, or None."""
    if not value or not source.is_file():
        return None
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), start=1):
        if value in line:
            return number
    return None


def label_line(root: Path, text: str) -> str | None:
    """`labels/<lang>.yml:<line>` of the label a text with an unfilled placeholder was made from."""
    context = placeholder_context(text)
    if not context:
        return None
    for labels in sorted((root / "labels").glob("*.yml")):
        line = source_line(labels, context)
        if line:
            return f"labels/{labels.name}:{line}"
    return None


def describe_problem(path: str, problem: Problem, source: str | None = None, *,
                     site_label: str = "site", root: Path | None = None) -> str:
    """One line: `site/<path>:<where>: error: <message> (from <source>[:<line>])`."""
    where = problem.where if not problem.where.startswith("$") else f"1: {problem.where}"
    text = f"{site_label}/{path}:{where}: error: {problem.message}"
    line = None
    if source:
        line = source_line(root / source, problem.value) if root is not None and source.startswith("docs/") else None
        text += f" (from {source}{f':{line}' if line else ''})"
    if line is None and root is not None and PLACEHOLDER.search(problem.value):
        label = label_line(root, problem.value)
        if label:
            text += f" (the label at {label})"
    return text
