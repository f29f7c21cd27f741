"""Thai-aware search index: segment Thai at build time and give each language its own index.

Material's search worker splits text only on its `separator` regex, so a Thai run (written without
spaces) becomes one giant token. Like Material's own Chinese path (jieba + U+200B), we cut every
Thai run into words with PyThaiNLP's newmm and join them with U+200B, which we add to the
separator. The worker then cuts typed queries with the index's own vocabulary
(`overrides/assets/javascripts/lunr/wordcut.js`), so index and query agree.

mkdocs-static-i18n merges every language into one index; we split it again so that a Thai reader
searches Thai pages and an English reader English pages.
"""

from __future__ import annotations

import re
from functools import lru_cache

ZWSP = "\u200b"
THAI_RUN = re.compile("[\u0e00-\u0e7f]+")
#: JavaScript regex source (Material compiles it without the `u` flag: no \p{…}, explicit \u200b).
SEPARATOR = r"[\s\u200b\-]+"


@lru_cache(maxsize=65536)
def segment_run(run: str) -> tuple[str, ...]:
    """The words of one Thai run (PyThaiNLP newmm, the dictionary-based maximal matcher)."""
    from handbook.thai import words

    return tuple(w for w in words(run) if w.strip())


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def subwords(token: str) -> tuple[str, ...]:
    """The dictionary words inside a compound token, found by splitting it again and again.

    newmm keeps compounds whole (ความขัดแย้ง, ในอนาคต). Lunr matches only prefixes of index
    tokens, so a reader's ขัดแย้ง or อนาคต would miss them: these inner words are indexed too.
    Each level splits a word into the fewest other dictionary words (two letters or more).
    """
    from handbook.thai import remembered

    def find() -> list[str]:
        found: dict[str, None] = {}
        for piece in _split(token):
            found[piece] = None
            for inner in subwords(piece):
                found[inner] = None
        return list(found)

    return tuple(remembered("subwords", token, find))


def _split(token: str) -> tuple[str, ...]:
    """The fewest dictionary words (not `token` itself) that make up `token`; () if none do."""
    words = _dictionary()
    n = len(token)
    if n < 4 or not THAI_RUN.fullmatch(token):
        return ()
    best: list[tuple[int, int] | None] = [None] * (n + 1)  # (pieces, start of last piece)
    best[0] = (0, 0)
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 2, n + 1):
            if (i, j) != (0, n) and token[i:j] in words:
                candidate = (best[i][0] + 1, i)
                if best[j] is None or candidate[0] < best[j][0]:
                    best[j] = candidate
    if best[n] is None:
        return ()
    pieces = []
    end = n
    while end > 0:
        start = best[end][1]
        pieces.append(token[start:end])
        end = start
    return tuple(reversed(pieces))


def segment_thai(text: str) -> str:
    """Insert U+200B between the Thai words of `text`; idempotent, other text untouched."""
    text = text.replace(ZWSP, "")
    return THAI_RUN.sub(lambda m: ZWSP.join(segment_run(m.group(0))), text)


def split_index(index: dict, languages: tuple[str, ...]) -> dict[str, dict]:
    """One search index per language from mkdocs-static-i18n's merged one.

    Locations of a non-default language are rebased to that language's folder (`en/x/` → `x/`),
    because each language's pages load the index relative to their own base (`<lang>/`).
    """
    config = dict(index.get("config", {}))
    config["separator"] = SEPARATOR
    # A hidden field with the inner words of compounds (never shown in results).
    config["fields"] = {**config.get("fields", {}), "words": {"boost": 0.5}}
    by_lang: dict[str, list[dict]] = {lang: [] for lang in languages}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        lang = next(
            (lng for lng in languages[1:] if location.startswith(f"{lng}/")),
            languages[0],
        )
        doc = dict(doc)
        if lang != languages[0]:
            doc["location"] = location[len(lang) + 1 :]
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                doc[field] = segment_thai(doc[field])
        inner = inner_words(doc.get("title", "") + " " + doc.get("text", ""))
        if inner:
            doc["words"] = " ".join(inner)
        by_lang[lang].append(doc)
    return {lang: {"config": config, "docs": docs} for lang, docs in by_lang.items()}


def inner_words(segmented: str) -> list[str]:
    """The inner words of the compound Thai tokens of a segmented text, once each.

    Words that already stand alone in the text, and two-letter words, are left out: they add
    bytes to every download and nothing to what can be found.
    """
    tokens = set(THAI_RUN.findall(segmented.replace(ZWSP, " ")))
    found: dict[str, None] = {}
    for run in sorted(tokens):  # the same index, byte for byte, from build to build
        for word in subwords(run):
            if len(word) > 2 and word not in tokens:
                found[word] = None
    return list(found)
