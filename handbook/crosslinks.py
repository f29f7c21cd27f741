"""Cross-links: the first mention of another concept on a page becomes a link to it.

One compiled matcher per language holds every term (titles, canonical terms, synonyms) as a
trie-shaped regex, so each text is scanned once and the cost does not grow with the term count. Thai has no spaces between words, so a Thai match counts
only where PyThaiNLP's word segmentation puts a boundary at both its ends: หุ้นส่วน inside a
longer word is not linked. Headings, code, links, labels and the handbook's own generated blocks
are left alone, and a page never links to itself.

`link_mentions()` is pure: HTML in, HTML and the linked concept ids out. The caller (a hook)
decides the URLs and what to record for backlinks.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from bs4 import BeautifulSoup, NavigableString, Tag

from handbook.loader import Handbook

#: Terms too general to link wherever they appear (every page says "network").
UNLINKED_TERMS = frozenset({"เครือข่าย", "network", "networks", "networking", "การสร้างเครือข่าย"})

#: Elements whose text is never linked.
SKIP_TAGS = frozenset({"a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre", "script", "style",
                       "label", "button", "textarea", "svg", "title", "kbd"})
SKIP_CLASSES = frozenset({"hb-term", "hb-related", "hb-chart", "hb-print-fields", "hb-toolbar",
                          "admonition-title", "hb-compare", "hb-compare-cards", "hb-glossary"})

THAI = re.compile("[\u0e00-\u0e7f]")


@dataclass(frozen=True)
class Matcher:
    pattern: re.Pattern[str]
    concept_of: dict[str, str]  # lower-cased term -> concept id


def build_matcher(handbook: Handbook, lang: str) -> Matcher:
    """One regex over every linkable term of `lang`, longest first."""
    concept_of: dict[str, str] = {}
    for concept in handbook.concepts.values():
        meta = concept.meta(lang)
        terms = [meta.title, meta.terms.th, meta.terms.en, *meta.synonyms]
        for term in terms:
            term = " ".join(term.split())
            key = term.lower()
            if len(term) < 3 or key in UNLINKED_TERMS or key in concept_of:
                continue
            if lang == "en" and THAI.search(term):
                continue  # English pages link English words; Thai there is a quoted source term
            concept_of[key] = concept.id
    pattern = re.compile(trie_pattern(concept_of) or r"(?!x)x", re.IGNORECASE)
    return Matcher(pattern, concept_of)


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

    def build(node: dict) -> str:
        branches = []
        for char in sorted(k for k in node if k):
            piece = r"\s+" if char == " " else re.escape(char)
            branches.append(piece + build(node[char]))
        if "" in node:
            branches.append("")  # a term may end here; tried last, so longer terms win
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return build(root) if root else ""


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


def _is_whole_word(text: str, start: int, end: int) -> bool:
    if not THAI.search(text[start:end]):
        # Latin: no letter or digit may touch either end ("partner" is not in "partners").
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        return not (before.isalnum() and before.isascii()) and not (after.isalnum() and after.isascii())
    # A Thai neighbour on either side must be separated by a segmentation boundary.
    boundaries = thai_boundaries(text)
    return start in boundaries and end in boundaries


def _skipped(node: NavigableString) -> bool:
    for parent in node.parents:
        if not isinstance(parent, Tag):
            continue
        if parent.name in SKIP_TAGS:
            return True
        if SKIP_CLASSES.intersection(parent.get("class") or ()):
            return True
    return False


def link_mentions(
    html: str, *, matcher: Matcher, own_id: str | None, url_for: Callable[[str], str]
) -> tuple[str, list[str]]:
    """Link the first mention of each other concept in `html`; return (html, linked ids)."""
    if not matcher.pattern.search(html):
        return html, []  # nothing to link: spare the HTML parse
    soup = BeautifulSoup(html, "html.parser")
    linked: list[str] = []
    done = {own_id} if own_id else set()
    for node in list(soup.find_all(string=True)):
        if not node.strip() or _skipped(node):
            continue
        text = str(node)
        pieces: list[object] = []
        cursor = 0
        for match in matcher.pattern.finditer(text):
            concept_id = matcher.concept_of.get(" ".join(match.group(0).split()).lower())
            if concept_id is None or concept_id in done:
                continue
            if not _is_whole_word(text, match.start(), match.end()):
                continue
            done.add(concept_id)
            linked.append(concept_id)
            pieces.append(text[cursor : match.start()])
            anchor = soup.new_tag("a", href=url_for(concept_id), attrs={"class": "hb-xref"})
            anchor.string = match.group(0)
            pieces.append(anchor)
            cursor = match.end()
        if pieces:
            pieces.append(text[cursor:])
            for piece in pieces:
                node.insert_before(piece if isinstance(piece, Tag) else NavigableString(piece))
            node.extract()
    return (str(soup) if linked else html), linked


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
    import html as html_lib

    esc = html_lib.escape
    out = ['<section class="hb-related">']
    if related:
        out.append(f'<h2 id="related">{esc(labels["related"])}</h2><ul>')
        for title, url, summary in related:
            out.append(f'<li><a href="{esc(url)}">{esc(title)}</a> — {esc(summary)}</li>')
        out.append("</ul>")
    if mentioned_in:
        out.append(f'<h2 id="mentioned-in">{esc(labels["mentioned"])}</h2><ul>')
        for title, url in mentioned_in:
            out.append(f'<li><a href="{esc(url)}">{esc(title)}</a></li>')
        out.append("</ul>")
    out.append("</section>")
    return "".join(out)
