"""Thai words no dictionary knows: a warning for each, so that a typing error such as ประสกับ
(for ประสบกับ) is caught before review.

Each Thai run of every page (front matter and body, both languages) is segmented with PyThaiNLP's
newmm over its word list plus the project's accepted words (`editorial/words-th.txt`: proper names,
terms of the field, one per line, `#` for comments). newmm cuts text it does not know into the
smallest pieces it can, so a misspelt word shows up as a piece that is in neither list. These are
warnings, not errors: a correct word may be missing from both lists, and the answer then is to add
it to the project's list, not to stop the build.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from handbook.findings import Finding
from handbook.sources import display_path, page_paths
from handbook.thai import pieces as thai_pieces

#: The project's accepted Thai words, relative to the project (the folder that holds `docs/`).
WORDS_FILE = "editorial/words-th.txt"

THAI_RUN = re.compile("[\u0e01-\u0e4e]+")
# Abbreviations (ม.ป.ท., พ.ศ.): letters and full stops, not words to look up.
ABBREVIATION = re.compile("(?:[\u0e01-\u0e2e]{1,3}\\.){2,}|[\u0e01-\u0e2e]{1,3}\\.(?=[\\s\\d),]|$)")
# Pieces that are not words: repetition and abbreviation marks, Thai digits.
NOT_A_WORD = re.compile("^[\u0e2f\u0e46\u0e50-\u0e59]+$")


def read_word_list(path: Path) -> frozenset[str]:
    """The words of a word list file (one a line; blank lines and `#` comments ignored)."""
    if not path.is_file():
        return frozenset()
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.add(word)
    return frozenset(words)


@lru_cache(maxsize=4)
def _segmenter(accepted: frozenset[str]):
    """(known words, tokenizer): PyThaiNLP's dictionary with the project's words added."""
    from pythainlp.corpus import thai_words
    from pythainlp.tokenize import word_tokenize
    from pythainlp.util import Trie

    known = frozenset(thai_words()) | accepted
    trie = Trie(known)

    def tokenize(text: str) -> list[str]:
        return word_tokenize(text, custom_dict=trie, engine="newmm", keep_whitespace=False)

    return known, tokenize


def unknown_words(text: str, accepted: frozenset[str] = frozenset()) -> list[tuple[int, str, str]]:
    """(column, piece, the piece with its neighbours) for every piece of `text` no dictionary
    knows; the neighbours show the word as written (ประสกับ, not just ส)."""
    known, tokenize = _segmenter(accepted)
    text = ABBREVIATION.sub(lambda m: " " * len(m.group()), text)
    found = []
    for run in THAI_RUN.finditer(text):
        offset = run.start()
        # In pieces of bounded length: newmm's time grows with the square of a run's length, and
        # this reads every page, those the loader refuses for too long a run too.
        pieces = [word for part in thai_pieces(run.group()) for word in tokenize(part)]
        for index, piece in enumerate(pieces):
            start = text.find(piece, offset)
            offset = start + len(piece)
            if piece in known or NOT_A_WORD.match(piece):
                continue
            found.append((start + 1, piece, "".join(pieces[max(index - 1, 0) : index + 2])))
    return found


def spelling_findings(docs_dir: Path) -> list[Finding]:
    """A warning for each unknown Thai word of every page below `docs_dir`."""
    docs_dir = Path(docs_dir)
    accepted = read_word_list(docs_dir.parent / WORDS_FILE)
    findings = []
    # Thai words wherever they are written (a Thai term quoted on an English page too).
    languages = sorted(p.name for p in docs_dir.iterdir() if p.is_dir() and not p.is_symlink())
    for lang in languages:
        for path in page_paths(docs_dir, lang):
            try:
                text = path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                continue  # the loader reports it
            where = display_path(path, docs_dir)
            for number, line in enumerate(text.splitlines(), start=1):
                for column, piece, run in unknown_words(line, accepted):
                    findings.append(Finding(
                        where, number,
                        f"'{piece}' (in '{run}') is not in PyThaiNLP's dictionary: check the "
                        f"spelling, or add the word to {WORDS_FILE} if it is right",
                        "warning", column=column))
    return findings
