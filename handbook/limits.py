"""Limits on a page's text: what no handbook page needs, and what would cost a build too much.

Every reader of a page does work that grows with some shape of the text: Python-Markdown (and
WeasyPrint, for the book) recurse once per level of nested lists, quotes and HTML blocks, and
PyThaiNLP's newmm segments a run of text without a space in time that grows with the square of
its length. A page arrives by pull request, so each shape has a limit, checked before anything
reads the page further, and each finding names the limit's number and the line.

The numbers are far above what the real pages use (in brackets): a run of 1,000 characters
without a space (150), 10 levels of nesting (1). Field lengths are in `handbook.schema`, the page's
size in `handbook.loader`, front matter's own limits in `handbook.yamlsafe`.

Pure: text in, (line, message) out.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

#: The longest run of characters without white space (Thai writes no space between words, but
#: puts one between phrases; the real pages' longest run is 150 characters).
MAX_RUN_CHARS = 1_000
#: The deepest nesting of lists (4 columns of indentation a level), quotes (`>`) and HTML
#: blocks (`<div markdown="1">`…), each counted on its own.
MAX_NESTING = 10
#: Columns of indentation per nesting level, as Python-Markdown counts them.
INDENT_PER_LEVEL = 4

_RUN = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
# Quote and list markers that open a block inside the previous one on the same line: `> > - x`.
_MARKERS = re.compile(r"[ \t]*(?:(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]*)+")
_MARKER = re.compile(r">|[-*+]|\d{1,9}[.)]")
# Elements that never hold others (no end tag).
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())


def run_findings(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """A finding for each line of `text` with a run of more than MAX_RUN_CHARS non-space characters."""
    findings = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        if len(line) > MAX_RUN_CHARS and (match := _RUN.search(line)):
            findings.append((number, f"{len(match.group(0))} characters without a space; at most "
                                     f"{MAX_RUN_CHARS} are allowed (word segmentation slows down "
                                     "on long runs): add spaces or line breaks"))
    return findings


def nesting_findings(body: str, first_line: int = 1) -> list[tuple[int, str]]:
    """The first line (of each kind) where lists, quotes or HTML nest deeper than MAX_NESTING."""
    findings = []
    for number, line in enumerate(body.split("\n"), start=first_line):
        markers = _MARKERS.match(line)
        depth = len(_MARKER.findall(markers.group(0))) if markers else 0
        if depth > MAX_NESTING:
            findings.append((number, f"quotes ('>') or lists nested {depth} deep on one line; at "
                                     f"most {MAX_NESTING} levels are allowed"))
            break
    for number, line in enumerate(body.split("\n"), start=first_line):
        stripped = line.lstrip(" \t")
        if not stripped:
            continue
        columns = len(line[: len(line) - len(stripped)].expandtabs(INDENT_PER_LEVEL))
        if columns // INDENT_PER_LEVEL > MAX_NESTING:
            findings.append((number, f"indented {columns} columns ({columns // INDENT_PER_LEVEL} "
                                     f"levels of lists or code); at most {MAX_NESTING} levels "
                                     f"({MAX_NESTING * INDENT_PER_LEVEL} columns) are allowed"))
            break
    deepest = _html_depth(body)
    if deepest is not None:
        line, depth = deepest
        findings.append((first_line + line - 1, f"HTML elements nested {depth} deep; at most "
                                                f"{MAX_NESTING} levels are allowed"))
    return findings


class _Depth(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.found: tuple[int, int] | None = None

    def handle_starttag(self, tag, attrs):
        if tag in _VOID or self.found is not None:
            return
        self.open.append(tag)
        if len(self.open) > MAX_NESTING and self.found is None:
            self.found = (self.getpos()[0], len(self.open))

    def handle_endtag(self, tag):
        if self.found is None and tag in self.open:
            while self.open and self.open.pop() != tag:
                pass


def _html_depth(body: str) -> tuple[int, int] | None:
    """(line, depth) where HTML elements first nest deeper than MAX_NESTING, or None."""
    if "<" not in body:
        return None
    parser = _Depth()
    parser.feed(body)
    parser.close()
    return parser.found


def page_limit_findings(text: str, body: str, body_line: int) -> list[tuple[int, str]]:
    """Every limit a page's text (`text`, the whole file) and body exceed, by line."""
    return run_findings(text) + nesting_findings(body, body_line)
