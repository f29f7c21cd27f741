"""Thai set like a Thai book: where the printed book's lines may break (handbook/book/).

Pango asks libthai where a Thai line may break, and libthai cuts some words the handbook's own
segmentation (PyThaiNLP's newmm) keeps whole: ขับ|เคลื่อน, ดำเนิน|การ, ภาค|รัฐ. The book's HTML is
therefore set before it is typeset:

- a word that newmm keeps whole but Pango would break inside, a word of the handbook's own
  vocabulary (its glossary's Thai terms, `editorial/nobreak-th.txt`) and the last two words of a
  paragraph (no one-word last line) are wrapped in `<span class="nobr">` (white-space: nowrap),
  with a `<wbr>` on each side where no space is: WeasyPrint does not break at the edge of a
  nowrap span by itself;
- the space before ๆ becomes a no-break space, so that no line begins with ๆ.

Only text between tags is touched (never an attribute); the text a reader copies is unchanged
(no character is added but the no-break space before ๆ, which copies as a space).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from markupsafe import Markup

from handbook.templating import render_fragment

NOBREAK_FILE = "editorial/nobreak-th.txt"
#: A vocabulary word longer than this may be broken (a narrow table cell must still hold it).
LONGEST_KEPT = 18
#: The last words of a paragraph kept on one line when together no longer than this.
LAST_LINE_CHARS = 14
#: Letters on each side of a possible break that are segmented again on their own.
WINDOW = 12

_THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
_TAG = re.compile(r"(<[^>]*>)")
_BLOCK_END = re.compile(r"</(p|li|td|th|dd|h[1-6])>")
_MARK = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")

#: (a Thai run) -> the offsets inside it where the typesetter may break a line
Breaks = Callable[[str], set[int]]
#: (a Thai run) -> its words
Words = Callable[[str], list[str]]


def read_nobreak_words(root: Path) -> list[str]:
    """The editors' list of words never split across lines (one a line, '#' starts a comment)."""
    path = Path(root) / NOBREAK_FILE
    if not path.is_file():
        return []
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word and _THAI_RUN.fullmatch(word) and len(word) <= 40:
            words.append(word)
    return words


@functools.lru_cache(maxsize=65536)
def _local_segments(text: str) -> tuple[str, ...]:
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(text, engine="newmm", keep_whitespace=True))


def _local_words(text: str) -> list[str]:
    """newmm's words of a few letters around a possible break (not kept in the build's cache:
    there are thousands, each asked once)."""
    return list(_local_segments(text))


@functools.lru_cache(maxsize=65536)
def pango_breaks(run: str) -> frozenset[int]:
    """Where Pango (libthai for Thai) may break a line inside `run`: what WeasyPrint does."""
    from weasyprint.text.line_break import get_log_attrs

    attrs = get_log_attrs(run, "th")
    return frozenset(i for i in range(1, len(run)) if attrs[i].is_line_break)


def _spans(run: str, *, words: list[str], breaks: set[int], keep: Iterable[str],
           last: bool, local_words: Words | None = None) -> list[tuple[int, int]]:
    """The [start, end) ranges of `run` to keep on one line, word-aligned and merged."""
    edges, at = [0], 0
    for word in words:
        at += len(word)
        edges.append(at)
    ranges = [(a, b) for a, b in zip(edges, edges[1:], strict=False)
              if any(a < i < b for i in breaks)]  # a word Pango would break inside
    kept = []
    for word in keep:  # the handbook's vocabulary, widened to whole words, whatever Pango says
        for found in re.finditer(re.escape(word), run):
            start = max(e for e in edges if e <= found.start())
            end = min(e for e in edges if e >= found.end())
            kept.append((start, end))
    ranges += kept
    if last and len(edges) > 2 and len(run) - edges[-3] <= LAST_LINE_CHARS:
        ranges.append((edges[-3], len(run)))  # no one-word last line
    if local_words:
        # newmm answers by context: a break between two of its words in the whole run may fall
        # inside a word of the few letters around it (ตอบ|สนองความต้องการ, but ตอบสนอง). Such
        # a place is no place to break either.
        for i in sorted(breaks):
            tail, head = run[max(0, i - WINDOW):i], run[i:i + WINDOW]
            at, start = 0, None
            for word in local_words(tail + head):
                if at < len(tail) < at + len(word):
                    start, end = i - len(tail) + at, i - len(tail) + at + len(word)
                    break
                at += len(word)
            if start is not None:
                ranges.append((max(e for e in edges if e <= start), min(e for e in edges if e >= end)))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return [(a, b) for a, b in merged
            if any(a < i < b for i in breaks) or any(a <= ks < ke <= b for ks, ke in kept)]


def _set_run(run: str, *, words: Words, breaks: Breaks, keep: list[str], last: bool) -> str:
    # Where the typesetter may break depends on what text it looks at (the line so far): the
    # breaks in the whole run, and those in each word on its own.
    run_words = words(run)
    possible, at = set(breaks(run)), 0
    for word in run_words:
        possible |= {at + i for i in breaks(word)}
        at += len(word)
    spans = _spans(run, words=run_words, breaks=possible, keep=keep, last=last,
                   local_words=_local_words)
    if not spans:
        return run
    # The run is the page's HTML already (entities and all): its pieces go through as markup.
    pieces, at = [], 0
    for start, end in spans:
        pieces.append({"text": Markup(run[at:start]), "kept": False})
        pieces.append({"text": Markup(run[start:end]), "kept": True,
                       "break_before": bool(start), "break_after": end < len(run)})
        at = end
    pieces.append({"text": Markup(run[at:]), "kept": False})
    return render_fragment("book-thai-run.html", pieces=pieces)


def set_thai_lines(document: str, *, keep: Iterable[str], words: Words, breaks: Breaks = pango_breaks) -> str:
    """`document` (the book's HTML) with its Thai text kept from breaking where a Thai reader
    would not break it (see the module's docstring)."""
    keep = sorted({word for word in keep if _THAI_RUN.fullmatch(word) and len(word) <= LONGEST_KEPT},
                  key=len, reverse=True)
    head, marker, body = document.partition("<body>")
    if not marker:
        head, body = "", document
    pieces = _TAG.split(body)
    for index in range(0, len(pieces), 2):  # text between tags
        text = pieces[index]
        if not _THAI_RUN.search(text):
            continue
        text = text.replace(" ๆ", "\u00a0ๆ")
        ends_block = index + 1 < len(pieces) and bool(_BLOCK_END.match(pieces[index + 1]))
        runs = list(_THAI_RUN.finditer(text))
        out, at = [], 0
        for number, found in enumerate(runs):
            out.append(text[at:found.start()])
            last = ends_block and number == len(runs) - 1 and not text[found.end():].strip()
            out.append(_set_run(found.group(), words=words, breaks=breaks, keep=keep, last=last))
            at = found.end()
        out.append(text[at:])
        pieces[index] = "".join(out)
    return head + marker + "".join(pieces)


def starts_badly(line: str) -> bool:
    """Whether a line of Thai text begins with ๆ or a combining mark (a Thai book never does)."""
    line = line.lstrip()
    return bool(line) and (line[0] == "ๆ" or bool(_MARK.match(line[0])))
