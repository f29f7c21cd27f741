"""One reading of a published HTML page: its elements, inline scripts and text, with lines.

Every output check (`csp`, `census`, `placeholders`) works on a `PageScan`, made by the standard
library's HTML tokenizer, the same one `handbook.sanitize` uses to read sources. The text of an
inline script is cut from the page itself (between the end of its start tag and the start of
its end tag), so that its hash is the hash of the exact characters a browser hashes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_NEWLINE = re.compile("\n")
#: Elements whose content is raw text, not markup.
RAW_TEXT = frozenset({"script", "style"})
VOID = frozenset(
    "area base br col embed hr img input link meta param source track wbr".split()
)


@dataclass(slots=True)
class Element:
    tag: str
    attrs: list[tuple[str, str | None]] | tuple[tuple[str, str | None], ...]
    line: int
    #: Inside `<article>`: the part of the page that comes from its source (Markdown).
    in_article: bool
    #: Index among the head's elements (0 is the first element in <head>), or -1 outside it.
    head_index: int = -1
    #: For `<meta http-equiv>` only: the start tag's offset in the page and its exact text.
    span: tuple[int, str] | None = None

    def get(self, name: str) -> str | None:
        for key, value in self.attrs:
            if key == name:
                return value
        return None


@dataclass(slots=True)
class Script:
    attrs: tuple[tuple[str, str | None], ...]
    text: str
    line: int
    in_article: bool
    #: Offsets of `text` in the page (start, end).
    span: tuple[int, int]

    def get(self, name: str) -> str | None:
        return dict(self.attrs).get(name)

    @property
    def executable(self) -> bool:
        """A browser runs it: no `src`, and a JavaScript type (none, or a JavaScript MIME type)."""
        kind = (self.get("type") or "").strip().lower()
        return self.get("src") is None and kind in ("", "text/javascript", "module", "application/javascript")


@dataclass
class PageScan:
    elements: list[Element] = field(default_factory=list)
    scripts: list[Script] = field(default_factory=list)
    #: (line, text) of every text node outside scripts and styles that holds a brace (all that
    #: the checks read text for: placeholders), entities decoded.
    texts: list[tuple[int, str]] = field(default_factory=list)
    #: (line, text) of `<!…>` declarations (`doctype html`).
    declarations: list[tuple[int, str]] = field(default_factory=list)
    #: (line, what) of what a published file should not hold at all: processing instructions,
    #: CDATA sections and other `<![…]>` declarations.
    oddities: list[tuple[int, str]] = field(default_factory=list)


class _Scanner(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.source = source
        self.scan = PageScan()
        self._line_starts: list[int] | None = None  # made when a script needs an offset
        self._article_depth = 0
        self._in_head = False
        self._head_count = 0
        self._script: tuple[tuple, int, int] | None = None  # attrs, line, start offset

    def _offset(self) -> int:
        if self._line_starts is None:
            self._line_starts = [0, *(match.end() for match in _NEWLINE.finditer(self.source))]
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        line = self.lineno
        head_index = -1
        if self._in_head:
            if tag == "body":
                self._in_head = False
            else:
                head_index = self._head_count
                self._head_count += 1
        elif tag == "head":
            self._in_head = True
        elif tag == "article":
            self._article_depth += 1
        element = Element(tag, attrs, line, self._article_depth > 0, head_index)
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            element.span = (self._offset(), self.get_starttag_text() or "")
        self.scan.elements.append(element)
        if tag == "script":
            start = self._offset() + len(self.get_starttag_text() or "")
            self._script = (tuple(attrs), line, start)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "article" and self._article_depth:
            self._article_depth -= 1
        elif tag == "head":
            self._in_head = False
        elif tag == "script" and self._script is not None:
            attrs, line, start = self._script
            end = self._offset()
            self.scan.scripts.append(
                Script(attrs, self.source[start:end], line, self._article_depth > 0, (start, end))
            )
            self._script = None

    def handle_data(self, data):
        if "{" in data and self.cdata_elem is None:
            self.scan.texts.append((self.lineno, data))

    def handle_decl(self, decl):
        self.scan.declarations.append((self.getpos()[0], decl))

    def handle_pi(self, data):
        self.scan.oddities.append((self.getpos()[0], f"processing instruction <?{data[:40]}>"))

    def unknown_decl(self, data):
        self.scan.oddities.append((self.getpos()[0], f"declaration <![{data[:40]}>"))


def scan_html(source: str) -> PageScan:
    """Read a whole published page once."""
    scanner = _Scanner(source)
    scanner.feed(source)
    scanner.close()
    return scanner.scan
