"""What HTML a page may carry: one allowlist, judged on the source and enforced on the output.

Pages arrive by pull request, and whatever HTML they hold is published to every reader. The
policy below names the tags and attributes the handbook needs and the link targets it allows;
everything else is refused — never silently stripped — so that the contributor learns what to
change:

- `source_findings()` reads a page's Markdown body (and `text_findings()` a front-matter value)
  with the standard library's HTML tokenizer, which decodes entities (`jav&#x61;script:`) and
  follows a tag over several lines, and names the line of each refused tag, attribute or link.
- `output_problems()` is the last gate on the HTML a page renders to (Markdown links included):
  Ammonia (through nh3) sanitizes it with the same policy, and whatever it had to remove is a
  problem to report. Ammonia decides; the tokenizer only explains what it removed.

The policy itself (the allowlist and the judges' messages) is `handbook.htmlpolicy`. Pure
functions: text in, findings or messages out.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from html.parser import HTMLParser

import nh3

from handbook.htmlpolicy import (
    GENERATED_TAGS,
    GLOBAL_ATTRIBUTES,
    LINK_SCHEMES,
    SOURCE_TAGS,
    TAG_ATTRIBUTES,
    judge_attribute,
    judge_tag,
    judge_url,
    reserved_class,
)

# attr_list's `{: .name #id key=value }` after a block or an inline element.
_ATTR_LIST = re.compile(r"\{:?[ \t]*([^{}\n]*)\}")
# Its `key=value` pairs and `#id`s: attr_list writes them onto the element as they are.
_ATTR_LIST_PAIR = re.compile(r"""(?:^|[ \t])([^\s=#.{}"']+)[ \t]*=[ \t]*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")
_ATTR_LIST_ID = re.compile(r"(?:^|[ \t])#([^\s{}]+)")
_ATTR_LIST_CLASS = re.compile(r"(?:^|[ \t])\.([^\s{}]+)|\bclass\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|(\S+))")


# ---------------------------------------------------------------------------------------------
# Source: a Markdown body or a front-matter value, with line numbers
# ---------------------------------------------------------------------------------------------


class _Tokens(HTMLParser):
    """Start tags (with decoded attributes), declarations and processing instructions."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, list[tuple[str, str | None]] | None]] = []

    def handle_starttag(self, tag, attrs):
        self.found.append((*self.getpos(), tag, attrs))

    handle_startendtag = handle_starttag

    def handle_decl(self, decl):
        self.found.append((*self.getpos(), "!" + decl.split()[0].lower() if decl.split() else "!", None))

    def handle_pi(self, data):
        self.found.append((*self.getpos(), "?", None))

    def unknown_decl(self, data):
        self.found.append((*self.getpos(), "![", None))


def _tokens(text: str) -> list[tuple[int, int, str, list | None]]:
    if "<" not in text:
        return []  # every token recorded (a tag, a declaration, an instruction) opens with '<'
    parser = _Tokens()
    parser.feed(text)
    parser.close()
    return parser.found


def html_findings(text: str, *, tags: frozenset[str] = SOURCE_TAGS) -> Iterator[tuple[int, int, str]]:
    """(line, column, message) for each refused tag or attribute in `text` (1-based lines)."""
    for line, offset, tag, attrs in _tokens(text):
        if attrs is None:
            yield line, offset + 1, f"'<{tag}…>' is not allowed in pages"
            continue
        problem = judge_tag(tag, tags=tags)
        if problem:
            yield line, offset + 1, problem
            continue
        for name, value in attrs:
            problem = judge_attribute(tag, name, value, source=True)
            if problem:
                yield line, offset + 1, problem


# Markdown's own links and images: inline `[t](url)` / `![a](url)`, references `[id]: url`,
# autolinks `<scheme:…>`. Code (fenced blocks and spans) is blanked first: it is shown, not run.
_FENCE = re.compile(r"^(```|~~~).*?^\1[^\S\n]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1", re.DOTALL)
# A bracket inside a bracket ends at the next '[' or ']': each start scans only to the next
# bracket, never to the end of the text (which made `[ ` repeated a 150-second check).
_INLINE_LINK = re.compile(r"(!?)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]*)")
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\[\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]*)>")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


#: What every construct `markdown_findings` judges opens with: a link '[', a tag or autolink '<', an
#: attribute list '{'. A text without any (most front-matter values) has nothing to judge.
_MARKUP_OPENING = re.compile(r"[\[<{]")


def markdown_findings(text: str, *, tags: frozenset[str] = SOURCE_TAGS) -> list[tuple[int, int, str]]:
    """(line, column, message) for the HTML and the Markdown links of a Markdown text."""
    if not _MARKUP_OPENING.search(text):
        return []
    return _markdown_findings(text, tags=tags)


def _markdown_findings(text: str, *, tags: frozenset[str]) -> list[tuple[int, int, str]]:
    text = _CODE_SPAN.sub(_blank, _FENCE.sub(_blank, text))
    found: list[tuple[int, int, str]] = []

    def at(index: int) -> tuple[int, int]:
        line_start = text.rfind("\n", 0, index) + 1
        return text.count("\n", 0, index) + 1, index - line_start + 1

    for match in _INLINE_LINK.finditer(text):
        problem = judge_url(match.group(2), embedded=bool(match.group(1)))
        if problem:
            found.append((*at(match.start(2)), problem))
    for match in _REFERENCE.finditer(text):
        problem = judge_url(match.group(1), embedded=False)
        if problem:
            found.append((*at(match.start(1)), problem))
    for match in _AUTOLINK.finditer(text):
        problem = judge_url(match.group(1), embedded=False)
        if problem:
            found.append((*at(match.start(1)), problem))
    for match in _ATTR_LIST.finditer(text):
        for names in _ATTR_LIST_CLASS.findall(match.group(1)):
            problem = reserved_class(" ".join(filter(None, names)))
            if problem:
                found.append((*at(match.start()), problem))
        # `{: onclick=… }`, `{: href=javascript:… }`, `{: #__config }`: judged as the output gate
        # judges them, on the tag that allows the attribute (the gate knows the real tag).
        pairs = [(name, "".join(values)) for name, *values in _ATTR_LIST_PAIR.findall(match.group(1))]
        pairs += [("id", value) for value in _ATTR_LIST_ID.findall(match.group(1))]
        for name, value in pairs:
            if name.lower() == "class":
                continue
            tag = next((t for t, names in TAG_ATTRIBUTES.items() if name.lower() in names and t in tags), None)
            problem = judge_attribute(tag or "span", name, value, source=True)
            if problem:
                if tag is None:
                    problem = problem.replace(" on <span>", " (in an attribute list '{: … }')")
                found.append((*at(match.start()), problem))
    found += html_findings(_AUTOLINK.sub(_blank, text), tags=tags)
    return sorted(found)


def text_problem(value: str) -> str | None:
    """Why a front-matter text may not be published, or None. Front matter is plain text with
    Markdown emphasis and links: no HTML at all, even entity-encoded (`&lt;img…&gt;`)."""
    decoded = html.unescape(value)
    # A '<' that opens a tag, comment or declaration, as an HTML tokenizer reads it.
    match = re.search(r"<[A-Za-z/!?]", decoded)
    if match:
        snippet = decoded[match.start() : match.start() + 12]
        return f"HTML is not allowed in front-matter text (found '{snippet}…'); write plain text"
    # Any other '<' too: no text needs one, and a field made of them (`<<<<`) costs every
    # reader's browser a regular expression's worst case in the search index.
    if "<" in decoded:
        return "'<' is not allowed in front-matter text (it starts HTML); write 'less than' or '‹'"
    for _, _, problem in markdown_findings(decoded):
        return problem
    return None


# ---------------------------------------------------------------------------------------------
# Output: the last gate, enforced by Ammonia
# ---------------------------------------------------------------------------------------------


def _attribute_filter(tag: str, name: str, value: str) -> str | None:
    return None if judge_attribute(tag, name, value) else value


def _nh3_attributes(tags: frozenset[str]) -> dict[str, set[str]]:
    attributes = {"*": set(GLOBAL_ATTRIBUTES)}
    for tag, names in TAG_ATTRIBUTES.items():
        if tag in tags:
            attributes[tag] = set(names)
    return attributes


def sanitize(html_text: str, *, tags: frozenset[str] = GENERATED_TAGS) -> str:
    """`html_text` as Ammonia cleans it under the handbook's policy."""
    return nh3.clean(
        html_text,
        tags=set(tags),
        # Removed with their content, unless allowed above.
        clean_content_tags={"script", "style"} - set(tags),
        attributes=_nh3_attributes(tags),
        generic_attribute_prefixes={"data-", "aria-"},
        attribute_filter=_attribute_filter,
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,
        strip_comments=False,
    )


# A quick census of start tags and their attribute names, to tell whether Ammonia removed
# anything; only when it did is the page read again with the tokenizer, to explain what.
_TAG = re.compile(r"<([A-Za-z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_ATTR_NAME = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?""")


def _census(html_text: str) -> Counter:
    return Counter(
        (match.group(1).lower(), frozenset(n.lower() for n in _ATTR_NAME.findall(match.group(2))))
        for match in _TAG.finditer(html_text)
    )


def _start_tags(html_text: str) -> Counter:
    return Counter(
        (tag, tuple(sorted((name, value or "") for name, value in attrs)))
        for _, _, tag, attrs in _tokens(html_text)
        if attrs is not None
    )


def gate_output(html_text: str, *, tags: frozenset[str] = GENERATED_TAGS) -> tuple[str, list[str]]:
    """(the page's HTML as Ammonia cleans it, what Ammonia had to remove, explained).

    The cleaned HTML is what gets published, so the page is safe even if a problem went
    unexplained; a non-empty list stops the build so that nothing is removed silently.
    """
    clean = sanitize(html_text, tags=tags)
    if not _census(html_text) - _census(clean) and "<!" not in html_text.replace("<!--", ""):
        return clean, []
    before = _start_tags(html_text)
    after = _start_tags(clean)
    problems = []
    for (tag, attrs), count in before.items():
        if after[(tag, attrs)] >= count:
            continue
        problem = judge_tag(tag, tags=tags) or next(
            (p for name, value in attrs if (p := judge_attribute(tag, name, value))), None
        )
        problems.append(problem or f"<{tag}> with {dict(attrs)} was changed by the sanitizer")
    for _, _, tag, attrs in _tokens(html_text):
        if attrs is None:
            problems.append(f"'<{tag}…>' is not allowed in pages")
    return clean, problems
