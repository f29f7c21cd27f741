"""Text lint for contributed pages: Thai spelling mechanics, invisible characters, hard-wrapped Thai.

Unsafe HTML is judged by `handbook.sanitize` on the parsed page, not here line by line.

Each rule is a generator of findings with file:line:column and the fix. Pure: text in, findings
out; `handbook.check` prints them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from handbook.findings import Finding

# Thai marks written above or below a consonant (they never start a word or follow a space).
UPPER_VOWELS = "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e47"  # ั ิ ี ึ ื ็
LOWER_VOWELS = "\u0e38\u0e39\u0e3a"  # ุ ู ฺ
TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
OTHER_MARKS = "\u0e4c\u0e4d\u0e4e"  # ์ ํ ๎
COMBINING = UPPER_VOWELS + LOWER_VOWELS + TONE_MARKS + OTHER_MARKS
ZERO_WIDTH = {"\u200b": "ZERO WIDTH SPACE", "\u200c": "ZERO WIDTH NON-JOINER",
              "\u200d": "ZERO WIDTH JOINER", "\u2060": "WORD JOINER", "\ufeff": "ZERO WIDTH NO-BREAK SPACE"}

#: Bidirectional controls reorder what a reader sees (a right-to-left override can make a title
#: or a link read as something else); Thai and English never need them. Line and paragraph
#: separators end a line for YAML but not for the front-matter split.
BIDI_CONTROLS = {
    **{chr(c): "BIDI CONTROL" for c in range(0x202A, 0x202F)},
    **{chr(c): "BIDI ISOLATE" for c in range(0x2066, 0x206A)},
    "\u200e": "LEFT-TO-RIGHT MARK", "\u200f": "RIGHT-TO-LEFT MARK", "\u061c": "ARABIC LETTER MARK",
    "\u2028": "LINE SEPARATOR", "\u2029": "PARAGRAPH SEPARATOR", "\x85": "NEXT LINE",
}
#: Control characters (but tab, line feed and carriage return): invisible, and published as they
#: are into titles, navigation and the search index (a NUL in a title reached every page).
CONTROLS = {chr(c): "CONTROL CHARACTER" for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20),
                                                   *range(0x7F, 0x85), *range(0x86, 0xA0)]}
INVISIBLE = {**ZERO_WIDTH, **BIDI_CONTROLS, **CONTROLS}
_INVISIBLE = re.compile("[" + "".join(INVISIBLE) + "]")


def invisible_problem(text: str) -> str | None:
    """Why `text` may not be published because of an invisible character, or None."""
    match = _INVISIBLE.search(text)
    if match:
        char = match.group(0)
        return f"invisible {INVISIBLE[char]} (U+{ord(char):04X}): delete it"
    return None


THAI_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile("\u0e4d\u0e32"), "decomposed sara am (ํ + า): write ำ (U+0E33) instead"),
    (re.compile(f"[{TONE_MARKS}][{UPPER_VOWELS}{LOWER_VOWELS}]"),
     "tone mark before a vowel mark: type the vowel first, then the tone mark"),
    (re.compile(f"([{COMBINING}])\\1"), "the same mark is typed twice: delete one"),
    (re.compile(f"[{TONE_MARKS}][{TONE_MARKS}]"), "two tone marks on one consonant: keep one"),
    (re.compile(f"[{UPPER_VOWELS}][{UPPER_VOWELS}]"), "two upper vowels on one consonant: keep one"),
    (re.compile(f"(?:^|(?<=[\\s]))[{COMBINING}]"), "a Thai mark after a space or at the start: "
     "remove the space before it (the mark belongs to the consonant before)"),
]

# A Thai letter, vowel or mark, or ๆ (not a Thai digit): what a hard wrap must not fall between.
THAI_LETTER = re.compile("[\u0e01-\u0e4e]")
# What opens a line without being its text: indentation (front matter, lists, admonitions) and
# blockquote markers.
LINE_OPENING = re.compile(r"^[ \t>]*")
FENCE = re.compile(r"^\s*(```|~~~)")


def hard_wrap_findings(path: str, text: str) -> Iterator[Finding]:
    """A warning for each line break between two Thai letters (hard-wrapped Thai).

    Markdown and YAML's folded and plain scalars both turn a line break into a space, and in
    Thai a space separates phrases and sentences: a break inside a phrase shows as a gap in the
    middle of it ("ก็ต่อเมื่อ ทุกคน"), and one where a space is meant cannot be told from one where
    none is. So Thai is never wrapped: a break may follow a space only before a line that starts
    with something else (a list marker, a key, a Latin word, a digit). Code blocks are skipped.
    """
    lines = text.split("\n")
    in_code = False
    for number, (line, following) in enumerate(zip(lines, lines[1:], strict=False), start=1):
        if FENCE.match(line):
            in_code = not in_code
            continue
        if in_code:
            continue
        end = line.rstrip()
        start = LINE_OPENING.sub("", following, count=1)
        if end and start and THAI_LETTER.match(end[-1]) and THAI_LETTER.match(start[0]):
            before = end[-12:].split()[-1].lstrip(COMBINING)
            after = start[:12].split()[0]
            yield Finding(
                path, number,
                f"line break between Thai letters ('…{before}' / '{after}…') shows as a space "
                f"inside the text: join line {number + 1} to this one (with one space only where "
                f"the Thai has one); never wrap Thai prose",
                "warning", column=len(end))


def lint_text(path: str, text: str) -> Iterator[Finding]:
    """Every Thai-text finding of one file: the errors in reading order, then the warnings."""
    # Line by line only for the rules the whole text breaks (a rule's pattern never spans a line
    # break, and where one matches at a line's start, '\n' before it is white space): a clean
    # page, nearly every page, costs one search per rule instead of one per rule and line.
    rules = [(pattern, message) for pattern, message in THAI_RULES if pattern.search(text)]
    invisible = _INVISIBLE.search(text) is not None
    for number, line in enumerate(text.split("\n") if rules or invisible else (), start=1):
        for pattern, message in rules:
            for match in pattern.finditer(line):
                yield Finding(path, number, message, "error", column=match.start() + 1)
        for char, name in INVISIBLE.items() if invisible else ():
            column = line.find(char)
            while column != -1:
                yield Finding(path, number, f"invisible {name} (U+{ord(char):04X}): delete it",
                              "error", column=column + 1)
                column = line.find(char, column + 1)
    yield from hard_wrap_findings(path, text)
