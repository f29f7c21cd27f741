"""Thai word segmentation (PyThaiNLP's newmm) and dictionary order, remembered between builds.

Loading newmm's dictionary costs about half a second per process, more than the rest of a small
build, and even importing PyThaiNLP costs a noticeable part of one. What PyThaiNLP says of a text
(its words, the inner words of a compound, the dictionary order of the glossary's terms) is the
same from one build to the next, so it is kept in a JSON file (`.cache/handbook/thai-words.json`,
keyed by PyThaiNLP's version); a build whose texts and terms are all known never imports
PyThaiNLP.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

#: kind of answer -> question -> answer; "orders" keeps only the newest glossary's order
_KINDS = ("words", "subwords", "orders")
_MEMO: dict[str, dict[str, list[str]]] = {kind: {} for kind in _KINDS}
_STATE: dict[str, object] = {"path": None, "dirty": False}


def cache_version() -> str:
    from importlib.metadata import version

    return f"pythainlp-{version('pythainlp')}-newmm"


def open_cache(path: Path) -> None:
    """Use `path` to remember answers (read it now if it exists and matches; answers already in
    memory are kept: they do not depend on the project)."""
    _STATE["path"] = path
    if _STATE.get("read") == path:
        return  # `mkdocs serve` rebuilding: what the file holds is in memory already
    _STATE["read"] = path
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict) and data.get("version") == cache_version():
        for kind in _KINDS:
            if isinstance(data.get(kind), dict):
                _MEMO[kind].update(
                    (question, answer) for question, answer in data[kind].items()
                    if _plausible(kind, question, answer)
                )


def _plausible(kind: str, question: object, answer: object) -> bool:
    """Whether a remembered answer could be PyThaiNLP's: the file sits in the working tree, where
    a pull request could put anything, so an answer that would change the text is ignored."""
    if not (isinstance(question, str) and isinstance(answer, list)
            and all(isinstance(word, str) for word in answer)):
        return False
    if kind == "words":
        return "".join(answer) == question
    if kind == "subwords":
        return all(word and word in question for word in answer)
    return sorted(answer) == sorted(question.split("\n"))


def save_cache() -> None:
    """Write what was learnt in this build (only if anything was)."""
    path = _STATE["path"]
    if not path or not _STATE["dirty"]:
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": cache_version(), **_MEMO}, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    _STATE["dirty"] = False


def remembered(kind: str, question: str, answer: Callable[[], list[str]]) -> list[str]:
    """The remembered answer to `question`, or `answer()` (then remembered)."""
    known = _MEMO[kind].get(question)
    if known is None:
        known = list(answer())
        _MEMO[kind][question] = known
        _STATE["dirty"] = True
    return known


#: newmm's time grows with the square of a run's length (32,000 Thai digits take 16 s): a longer
#: text is cut into pieces of at most this many characters, at white space where it has some.
SEGMENT_CHARS = 1_000
_PIECE = re.compile(rf"\s+|\S{{1,{SEGMENT_CHARS}}}")


def pieces(text: str) -> list[str]:
    """`text` cut for segmentation in bounded time: white space on its own, runs of at most
    SEGMENT_CHARS characters (the pages' runs are shorter: `handbook.limits`), joined back into
    pieces of at most SEGMENT_CHARS characters."""
    joined: list[str] = []
    for match in _PIECE.finditer(text):
        part = match.group(0)
        if joined and len(joined[-1]) + len(part) <= SEGMENT_CHARS:
            joined[-1] += part
        else:
            joined.append(part)
    return joined


def words(text: str) -> list[str]:
    """The words of `text` in order, white space kept as its own pieces (newmm)."""

    def segment() -> list[str]:
        from pythainlp.tokenize import word_tokenize  # the expensive part: only when needed

        if len(text) <= SEGMENT_CHARS:
            return word_tokenize(text, engine="newmm", keep_whitespace=True)
        return [word for piece in pieces(text)
                for word in word_tokenize(piece, engine="newmm", keep_whitespace=True)]

    return remembered("words", text, segment)


def collate(terms: list[str]) -> list[str]:
    """`terms` in Thai dictionary order (PyThaiNLP's `collate`: leading vowels such as เ and ไ
    are skipped, as a Thai dictionary does)."""
    question = "\n".join(sorted(terms))
    if question not in _MEMO["orders"]:
        _MEMO["orders"].clear()  # one glossary: keep only the newest order

    def order() -> list[str]:
        from pythainlp.util import collate as pythainlp_collate

        return pythainlp_collate(terms)

    return list(remembered("orders", question, order))
