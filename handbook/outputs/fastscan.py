"""The same reading of a published page as `scan.scan_html`, made by a browser's parser in C.

`scan_html` tokenizes with the standard library's `HTMLParser`, in Python: about 3.3 ms of a 37 KB
page, most of what the page policy and the census cost a page. Lexbor (`selectolax`), an HTML5
parser in C that builds the tree a browser builds, parses the same page in about 0.3 ms, but it
knows no source positions (the census names lines) and, being a tree, it drops or moves what a
browser drops or moves. With the checks below and the scan built in Python, a page costs about
2.4 ms here.

So the tree is trusted only where, checked on the page itself, it says what the tokenizer would
say, and the page is otherwise read by `scan_html` as before (`read_html`):

- the start tags found in the text (`<name`, in order) are exactly the tree's elements, in order,
  with the same attribute names (none repeated): nothing was dropped, merged, moved, made up
  (`<tbody>`), or hidden from one reader and not the other (a template's content, `<title>` or
  `<textarea>` text, `<noscript>`), and each element's line is the line of its tag;
- no comment, CDATA section, processing instruction or other declaration than the leading
  `<!doctype html>` (where the two readers' rules differ), no text holding a `{` (its line is the
  tokenizer's to give), a single `<head>`, `</head>`, `<article>` and `</article>` (the regions
  `Element.head_index` and `in_article` are counted from);
- every script's and style's text holds no `</`, ends at `</script>` as both readers end it, and
  is the page's own characters between its start and end tag.

Anything else is not an error here: that page is simply read by the tokenizer. The browser's
attribute values are the ones kept (entities decoded as a browser decodes them).
"""

from __future__ import annotations

import re
from bisect import bisect_right

from handbook.outputs.scan import RAW_TEXT, Element, PageScan, Script, scan_html

try:  # Build dependency (requirements/build.txt); without it every page is read by scan_html.
    from selectolax.lexbor import LexborHTMLParser
except ImportError:  # pragma: no cover
    LexborHTMLParser = None

#: `<name`: where a start tag opens for a browser (an ASCII letter after `<`).
_OPENING = re.compile(r"<([a-zA-Z][^\t\n\f\r />]*)")
#: A whole start tag as both readers take it: name, attributes (quoted or not), optional `/`.
_SPACE = r"[\t\n\f\r ]"
_START_TAG = re.compile(
    rf"<([a-zA-Z][^\t\n\f\r />]*)((?:{_SPACE}+[^\t\n\f\r />=\"'<][^\t\n\f\r />=\"'<]*"
    rf"(?:{_SPACE}*={_SPACE}*(?:\"[^\"]*\"|'[^']*'|[^\t\n\f\r >\"'=<`]+))?)*){_SPACE}*(/?)>"
)
_ATTRIBUTE = re.compile(
    rf"{_SPACE}+([^\t\n\f\r />=\"'<][^\t\n\f\r />=\"'<]*)({_SPACE}*={_SPACE}*(?:\"[^\"]*\"|'[^']*'|[^\t\n\f\r >\"'=<`]+))?"
)
_DOCTYPE = re.compile(r"[\t\n\f\r ]*(<!(doctype html)>)", re.IGNORECASE)
#: A brace written as a character reference (the tokenizer decodes them).
_BRACE_REFERENCE = re.compile(r"&(?:#0*123|#x0*7b|lbrace|lcub)", re.IGNORECASE)
#: What the two readers take differently: white space to Python's `re` (the tokenizer's patterns)
#: that is none to HTML (\v, NBSP, …), what a browser replaces before it reads (CR, NUL), and
#: what UTF-8 cannot carry (a lone surrogate).
_ODD_CHARACTER = re.compile("[\x00\r\x0b\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ud800-\udfff]")
#: Elements whose content a browser keeps out of the tree (a template's) or drops (a frameset's
#: text), where the tokenizer reads it.
_FALLBACK_TAGS = frozenset({"template", "frameset"})
#: Where the head and the article begin and end, for `head_index` and `in_article`.
_REGION = re.compile(r"<(/?)(head|body|article)(?=[\t\n\f\r />])", re.IGNORECASE)


def read_html(source: str) -> PageScan:
    """The page's `PageScan`: by Lexbor where it reads as `scan_html` would, else by it."""
    return fast_scan(source) or scan_html(source)


def fast_scan(source: str) -> PageScan | None:
    """The page's `PageScan` read by Lexbor, or None where only `scan_html` may read it."""
    doctype = _DOCTYPE.match(source)
    if LexborHTMLParser is None or doctype is None:
        return None
    # One declaration (the doctype), no comment, CDATA or processing instruction; no character a
    # browser replaces before it tokenizes (CR, NUL) or that UTF-8 cannot carry (a lone surrogate).
    if source.count("<!") != 1 or "<?" in source or _ODD_CHARACTER.search(source) or _BRACE_REFERENCE.search(source):
        return None
    matches = list(_START_TAG.finditer(source))
    if len(matches) != len(_OPENING.findall(source)):
        return None  # a `<name` that is no whole start tag for one of the readers
    nodes = list(LexborHTMLParser(source).root.traverse(include_text=False))
    names = [match.group(1).lower() for match in matches]
    if [(node.tag or "").lower() for node in nodes] != names or not _FALLBACK_TAGS.isdisjoint(names):
        return None  # the tree has other elements, or in another order

    marks: dict[str, list[int]] = {}
    for found in _REGION.finditer(source):
        marks.setdefault(found.group(1) + found.group(2).lower(), []).append(found.start())
    if any(len(marks.get(mark, ())) != 1 for mark in ("head", "/head", "article", "/article")):
        return None
    head_start, article_start, article_end = marks["head"][0], marks["article"][0], marks["/article"][0]
    head_end = min(marks["/head"][0], *marks.get("body", ()))
    if article_start < head_end:
        return None  # the tokenizer counts no article in the head
    offsets = [match.start() for match in matches]
    ends = [match.end() for match in matches]
    if any(_inside(offsets, ends, mark) for found in marks.values() for mark in found):
        return None  # an end tag's text inside an attribute value

    scan = PageScan(declarations=[(source.count("\n", 0, doctype.start(1)) + 1, doctype.group(2))])
    elements = scan.elements
    braces = 0  # in start tags and in scripts' and styles' text
    line, last = 1, 0
    head_count = 0
    raw: list[tuple[int, Element, object]] = []
    findall, count = _ATTRIBUTE.findall, source.count
    for node, match, tag in zip(nodes, matches, names, strict=True):
        offset, end = match.span()
        written = match.group(2)
        if written:
            pairs = findall(written)
            values = [(attr.lower(), value) for attr, value in node.attributes.items()]
            # The same names, none repeated (the browser keeps the first), none without a value
            # where one was written (and the reverse: the tokenizer gives None for no value).
            if [(name.lower(), not equals) for name, equals in pairs] != [(attr, value is None) for attr, value in values]:
                return None
            braces += written.count("{")
        else:
            values = []
        line += count("\n", last, offset)
        last = offset
        head_index = -1
        if head_start < offset < head_end:
            head_index = head_count
            head_count += 1
        element = Element(tag, values, line, article_start <= offset < article_end, head_index)
        elements.append(element)
        if tag == "meta":
            if any(attr == "http-equiv" for attr, _ in values):
                element.span = (offset, match.group(0))
        elif tag in RAW_TEXT:
            if match.group(3):
                return None  # `<script/>`: the tokenizer ends it there, a browser does not
            raw.append((end, element, node))
    for text_start, element, node in raw:
        text = node.text(deep=True) if node.child is not None else ""
        text_end = text_start + len(text)
        if "</" in text or source[text_start:text_end] != text:
            return None
        if not re.compile(rf"</{element.tag}{_SPACE}*>", re.IGNORECASE).match(source, text_end):
            return None
        braces += text.count("{")
        if element.tag == "script":
            scan.scripts.append(Script(tuple(element.attrs), text, element.line, element.in_article,
                                       (text_start, text_end)))
    # No text with a brace (`texts`, whose lines are the tokenizer's to give): every brace is in
    # a start tag (an attribute value, read from the tree) or in a script's or style's text.
    if source.count("{") != braces:
        return None
    return scan


def _inside(starts: list[int], ends: list[int], offset: int) -> bool:
    """`offset` lies strictly within one of the spans `starts[i]`..`ends[i]` (sorted, apart)."""
    index = bisect_right(starts, offset) - 1
    return index >= 0 and starts[index] < offset < ends[index]
