"""Thai word segmentation (PyThaiNLP's newmm), remembered between builds.

Loading newmm's dictionary costs about half a second per process, more than the rest of a small
build. The words of each text are the same from one build to the next, so they are kept in a JSON
file (`.cache/handbook/thai-words.json`, keyed by PyThaiNLP's version); a build whose texts are all
known never loads the dictionary.
"""

from __future__ import annotations

import json
from pathlib import Path

_MEMO: dict[str, list[str]] = {}
_STATE: dict[str, object] = {"path": None, "dirty": False}


def _version() -> str:
    from importlib.metadata import version

    return f"pythainlp-{version('pythainlp')}-newmm"


def open_cache(path: Path) -> None:
    """Use `path` to remember segmentations (read it now if it exists and matches)."""
    _STATE["path"] = path
    if _MEMO:
        return
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if isinstance(data, dict) and data.get("version") == _version():
        _MEMO.update(data.get("words", {}))


def save_cache() -> None:
    """Write what was learnt in this build (only if anything was)."""
    path = _STATE["path"]
    if not path or not _STATE["dirty"]:
        return
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"version": _version(), "words": _MEMO}, ensure_ascii=False), encoding="utf-8")
    tmp.replace(path)
    _STATE["dirty"] = False


def words(text: str) -> list[str]:
    """The words of `text` in order, white space kept as its own pieces (newmm)."""
    known = _MEMO.get(text)
    if known is not None:
        return known
    from pythainlp.tokenize import word_tokenize  # the expensive part: only when needed

    result = word_tokenize(text, engine="newmm", keep_whitespace=True)
    _MEMO[text] = result
    _STATE["dirty"] = True
    return result
