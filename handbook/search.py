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

from handbook.schema import DEFAULT_LANGUAGE

ZWSP = "\u200b"
THAI_RUN = re.compile("[\u0e00-\u0e7f]+")
#: JavaScript regex source (Material compiles it without the `u` flag: no \p{…}, explicit \u200b).
SEPARATOR = r"[\s\u200b\-]+"


@lru_cache(maxsize=65536)
def segment_run(run: str) -> tuple[str, ...]:
    """The words of one Thai run (PyThaiNLP newmm, the dictionary-based maximal matcher)."""
    from pythainlp.tokenize import word_tokenize  # imported lazily: it loads a dictionary

    return tuple(w for w in word_tokenize(run, engine="newmm", keep_whitespace=False) if w.strip())


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
    by_lang: dict[str, list[dict]] = {lang: [] for lang in languages}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        lang = next(
            (lng for lng in languages if lng != DEFAULT_LANGUAGE and location.startswith(f"{lng}/")),
            DEFAULT_LANGUAGE,
        )
        doc = dict(doc)
        if lang != DEFAULT_LANGUAGE:
            doc["location"] = location[len(lang) + 1 :]
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                doc[field] = segment_thai(doc[field])
        by_lang[lang].append(doc)
    return {lang: {"config": config, "docs": docs} for lang, docs in by_lang.items()}
