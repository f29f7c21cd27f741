"""Cross-links: the first mention of another concept on a page becomes a link to it.

One compiled matcher per language holds every term (titles, canonical terms, synonyms) as a
trie-shaped regex, so each text is scanned once and the cost does not grow with the term count. Thai has no spaces between words, so a Thai match counts
only where PyThaiNLP's word segmentation puts a boundary at both its ends: หุ้นส่วน inside a
longer word is not linked. Headings, code, links, labels and the handbook's own generated blocks
are left alone, and a page never links to itself.

`link_tree()` is pure: it links a page's element tree (the one Python-Markdown builds, so no HTML
is parsed again) and returns the linked concept ids. `CrossLinkExtension` hands it each page's
tree; the caller (a hook) decides the URLs and what to record for backlinks.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from xml.etree.ElementTree import Element

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import HTML_PLACEHOLDER, HTML_PLACEHOLDER_RE

from handbook.loader import Handbook
from handbook.templating import render_fragment

#: Terms too general to link wherever they appear (every page says "network").

#: Elements whose text is never linked.
SKIP_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style",
                       "label", "button", "textarea", "svg", "title", "kbd"})
SKIP_CLASSES = frozenset({"hb-term", "hb-related", "hb-chart", "hb-print-fields", "hb-toolbar",
                          "admonition-title", "hb-compare", "hb-compare-cards", "hb-glossary",
                          "hb-lead__label", "hb-next", "hb-emendations"})

THAI = re.compile("[\u0e00-\u0e7f]")


@dataclass(frozen=True)
class Matcher:
    pattern: re.Pattern[str]
    concept_of: dict[str, str]  # lower-cased term -> concept id


def build_matcher(handbook: Handbook, lang: str) -> Matcher:
    """One regex over every linkable term of `lang`, longest first."""
    concept_of: dict[str, str] = {}
    # Words on every page of this handbook (handbook.yml's unlinked_terms) are never links.
    unlinked = {" ".join(t.split()).lower() for t in handbook.project.structure.unlinked_terms}
    original = handbook.default_language
    for concept in handbook.concepts.values():
        meta = concept.meta(lang)
        terms = [meta.title, *meta.terms.values(), *meta.synonyms]
        # A translation quotes the original's term beside its own: that quote is not a link.
        quoted = {meta.terms[original]} if lang != original and meta.terms.get(lang) else set()
        for term in terms:
            if term in quoted:
                continue
            term = " ".join(term.split())
            key = term.lower()
            if len(term) < 3 or key in unlinked or key in concept_of:
                continue
            if lang == "en" and THAI.search(term):
                continue  # English pages link English words; Thai there is a quoted source term
            concept_of[key] = concept.id
    pattern = re.compile(trie_pattern(concept_of) or r"(?!x)x", re.IGNORECASE)
    return Matcher(pattern, concept_of)


@dataclass(frozen=True)
class LinkContext:
    """What every page of one language's build is linked with: the matcher and each concept's URL."""

    handbook: Handbook
    lang: str
    matcher: Matcher
    urls: dict[str, str]  # concept id -> the URL of its page

    @cached_property
    def by_url(self) -> dict[str, str]:
        return {url: cid for cid, url in self.urls.items()}

    @cached_property
    def key(self) -> str:
        """A digest of everything a page's links depend on besides the page (`hooks/render_memo.py`)."""
        data = [self.lang, self.matcher.pattern.pattern, self.matcher.pattern.flags,
                sorted(self.matcher.concept_of.items()), sorted(self.urls.items())]
        return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()

    def own_id(self, src_uri: str) -> str | None:
        """The concept id of the page at `src_uri`, None for a page that is no concept's."""
        source = self.handbook.pages.get(src_uri)
        return getattr(source.meta, "id", None) if source else None


def link_context(handbook: Handbook, lang: str, *, directory_urls: bool) -> LinkContext:
    urls = {cid: handbook.concept_url(concept, lang, directory_urls=directory_urls)
            for cid, concept in handbook.concepts.items()}
    return LinkContext(handbook, lang, build_matcher(handbook, lang), urls)


def trie_pattern(terms) -> str:
    """One regex for many terms, shaped as a trie so that matching cost does not grow with the
    number of terms (a flat alternation tries every term at every position). Longer terms win;
    a space in a term matches any run of white space."""
    root: dict = {}
    for term in terms:
        node = root
        for char in term.lower():
            node = node.setdefault(char, {})
        node[""] = {}

    if not root:
        return ""
    # Built bottom-up with an explicit stack, not by recursion: a term of any length (titles and
    # synonyms are capped in `handbook.schema`, but not every caller's terms are) costs no
    # Python stack.
    built: dict[int, str] = {}
    stack: list[tuple[dict, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        chars = sorted(k for k in node if k)
        if not children_done:
            stack.append((node, True))
            stack += [(node[char], False) for char in chars]
            continue
        branches = [(r"\s+" if char == " " else re.escape(char)) + built.pop(id(node[char]))
                    for char in chars]
        if "" in node:
            branches.append("")  # a term may end here; tried last, so longer terms win
        built[id(node)] = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return built[id(root)]


@lru_cache(maxsize=4096)
def thai_boundaries(text: str) -> frozenset[int]:
    """Offsets in `text` where PyThaiNLP's newmm puts a word boundary."""
    from handbook.thai import words

    offsets = {0}
    position = 0
    for word in words(text):
        position += len(word)
        offsets.add(position)
    return frozenset(offsets)


def _is_whole_word(text: str, start: int, end: int,
                   boundaries: Callable[[str], frozenset[int]] = thai_boundaries) -> bool:
    if not THAI.search(text[start:end]):
        # Latin: no letter or digit may touch either end ("partner" is not in "partners").
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        return not (before.isalnum() and before.isascii()) and not (after.isalnum() and after.isascii())
    # A Thai neighbour on either side must be separated by a segmentation boundary.
    found = boundaries(text)
    return start in found and end in found


def _skips(tag: str, classes: str | None) -> bool:
    """Whether text inside this element (tag name, class attribute) is never linked."""
    return tag in SKIP_TAGS or (bool(classes) and not SKIP_CLASSES.isdisjoint(classes.split()))


def _skipped(element: Element) -> bool:
    return _skips(element.tag, element.get("class"))


_OPEN_TAG = re.compile(r"<([a-zA-Z][\w-]*)([^>]*?)(/?)>")
_CLOSE_TAG = re.compile(r"</([a-zA-Z][\w-]*)\s*>")
_CLASS_ATTR = re.compile(r"""\bclass\s*=\s*(["'])(.*?)\1""", re.DOTALL)
VOID_TAGS = frozenset({"br", "img", "hr", "input", "wbr", "meta", "link", "source", "col"})


def _follow_raw_tag(raw: str, open_skips: list[str]) -> None:
    """Track raw inline HTML (`<span class="hb-term">` … `</span>` written in Markdown, which
    Python-Markdown keeps out of the tree): `open_skips` is the stack of open tags whose text is
    not linked. Inside one, every tag is tracked, so nesting stays right."""
    if close := _CLOSE_TAG.fullmatch(raw.strip()):
        if open_skips and open_skips[-1] == close.group(1).lower():
            open_skips.pop()
        return
    opened = _OPEN_TAG.fullmatch(raw.strip())
    if not opened or opened.group(3) or opened.group(1).lower() in VOID_TAGS:
        return
    name = opened.group(1).lower()
    classes = _CLASS_ATTR.search(opened.group(2))
    if open_skips or _skips(name, classes and classes.group(2)):
        open_skips.append(name)


class _Linker:
    """One page's linking state: what is linked already, and which raw tags are open."""

    def __init__(self, matcher: Matcher, own_id: str | None, url_for, raw_html, boundaries):
        self.matcher, self.url_for, self.raw_html = matcher, url_for, raw_html
        self.boundaries = boundaries
        self.done = {own_id} if own_id else set()
        self.linked: list[str] = []
        self.open_skips: list[str] = []

    def split(self, text: str) -> list[str] | None:
        """`text` cut around new mentions: [text, id, match, text, id, match, text], or None."""
        pieces: list[str] = []
        kept = ""  # text since the last link, raw-HTML placeholders included
        for index, segment in enumerate(HTML_PLACEHOLDER_RE.split(text)):
            if index % 2:  # a placeholder's stash number
                raw = self.raw_html(int(segment)) if self.raw_html else None
                if isinstance(raw, str):
                    _follow_raw_tag(raw, self.open_skips)
                kept += HTML_PLACEHOLDER % segment
                continue
            cursor = 0
            for match in (() if self.open_skips else self.matcher.pattern.finditer(segment)):
                concept_id = self.matcher.concept_of.get(" ".join(match.group(0).split()).lower())
                if concept_id is None or concept_id in self.done:
                    continue
                if not _is_whole_word(segment, match.start(), match.end(), self.boundaries):
                    continue
                self.done.add(concept_id)
                self.linked.append(concept_id)
                pieces += [kept + segment[cursor : match.start()], concept_id, match.group(0)]
                kept, cursor = "", match.end()
            kept += segment[cursor:]
        if not pieces:
            return None
        pieces.append(kept)
        return pieces

    def anchors(self, pieces: list[str]) -> list[Element]:
        made = []
        for index in range(1, len(pieces), 3):
            anchor = Element("a", {"class": "hb-xref", "href": self.url_for(pieces[index])})
            anchor.text = pieces[index + 1]
            anchor.tail = pieces[index + 2]
            made.append(anchor)
        return made

    def walk(self, element: Element) -> None:
        if element.text and (pieces := self.split(element.text)):
            element.text = pieces[0]
            element[0:0] = self.anchors(pieces)
        for child in list(element):
            if not _skipped(child):
                self.walk(child)
            if child.tail and (pieces := self.split(child.tail)):
                child.tail = pieces[0]
                at = list(element).index(child) + 1
                element[at:at] = self.anchors(pieces)


def link_tree(
    root: Element,
    *,
    matcher: Matcher,
    own_id: str | None,
    url_for: Callable[[str], str],
    raw_html: Callable[[int], object] | None = None,
    boundaries: Callable[[str], frozenset[int]] = thai_boundaries,
) -> list[str]:
    """Link the first mention of each other concept in the tree `root` (changed in place, in
    document order); return the linked ids.

    The tree is the one Python-Markdown builds (`xml.etree` elements), so no HTML is parsed;
    `raw_html(n)` returns the raw HTML that placeholder n stands for (Python-Markdown's stash);
    `boundaries(text)`, where a Thai text's words begin and end (PyThaiNLP's, by default)."""
    linker = _Linker(matcher, own_id, url_for, raw_html, boundaries)
    if not _skipped(root):
        linker.walk(root)
    return linker.linked


class CrossLinkExtension(Extension):
    """Python-Markdown extension: hands each page's tree to `link(root, raw_html)` when every other
    tree processor is done (priority -1: after `inline`, `toc`, `unescape` and MkDocs' own link
    checker `relpath`, all 0 or above, which would take our ready-made URLs for broken links to
    Markdown files). The caller knows the page."""

    def __init__(self, link: Callable[[Element, Callable[[int], object]], None]):
        super().__init__()
        self.link = link

    def extendMarkdown(self, md) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_CrossLinkTreeprocessor(md, self.link), "handbook-crosslinks", -1)


class _CrossLinkTreeprocessor(Treeprocessor):
    def __init__(self, md, link):
        super().__init__(md)
        self.link = link

    def run(self, root: Element) -> None:
        stash = self.md.htmlStash.rawHtmlBlocks
        self.link(root, lambda n: stash[n] if n < len(stash) else None)


_HREF = re.compile(r"""<a\s[^>]*?href=(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)


def linked_urls(html: str) -> list[str]:
    """Every link target of `html`, in order (for backlinks: written links count as mentions).

    A regex suffices here: the HTML is Python-Markdown's own output, attributes quoted."""
    from html import unescape

    return [unescape(match.group(2)) for match in _HREF.finditer(html)]


def render_related(
    related: list[tuple[str, str, str]], mentioned_in: list[tuple[str, str]], *, labels: dict[str, str]
) -> str:
    """The end of a concept page: related concepts (title, url, summary) and backlinks."""
    return render_fragment(
        "related.html", labels=labels,
        related=[{"title": title, "url": url, "summary": summary} for title, url, summary in related],
        mentioned_in=[{"title": title, "url": url} for title, url in mentioned_in],
    )
