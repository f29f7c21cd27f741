"""Thai-aware search index: segment Thai at build time and give each language its own index.

Material's search worker splits text only on its `separator` regex, so a Thai run (written without
spaces) becomes one giant token. Like Material's own Chinese path (jieba + U+200B), we cut every
Thai run into words with PyThaiNLP's newmm and join them with U+200B, which we add to the
separator. The worker then cuts typed queries with the index's own vocabulary
(`overrides/assets/javascripts/lunr/handbook-words.js`), so index and query agree.

mkdocs-static-i18n merges every language into one index; we give each language its own instead,
from the search plugin's documents of that language's build, so that a Thai reader searches Thai
pages and an English reader English pages.

Every name the handbook gives a concept — its title, its terms in both languages, its synonyms
(the glossary's entries, whose page is not indexed) — goes into a hidden `names` field of the
concept's own page, boosted above titles: a concept's page ranks first for its own names, above
overviews, checklists and the home page that mention them too.

Typos are forgiven in the worker, not here (`overrides/assets/javascripts/lunr/handbook-words.js`): it
matches query words against the index's own vocabulary, so the index needs no extra keys.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

from handbook.wordbreak import segment_spaceless

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


@lru_cache(maxsize=1)
def _longest_word() -> int:
    return max(map(len, _dictionary()), default=0)


def _split(token: str) -> tuple[str, ...]:
    """The fewest dictionary words (not `token` itself) that make up `token`; () if none do."""
    words = _dictionary()
    n = len(token)
    if n < 4 or not THAI_RUN.fullmatch(token):
        return ()
    best: list[tuple[int, int] | None] = [None] * (n + 1)  # (pieces, start of last piece)
    best[0] = (0, 0)
    longest = _longest_word()  # no piece is longer: the search stays linear in the token's length
    for i in range(n):
        if best[i] is None:
            continue
        for j in range(i + 2, min(n, i + longest) + 1):
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


#: Boost of the hidden `names` field: above titles (1000 in Material's default), below tags.
NAMES_BOOST = 5000.0
#: Boost of the hidden `exact` field: a query that is one of the concept's names, whole.
EXACT_BOOST = 20000.0
#: What a whole name keeps: letters and digits (the worker normalizes queries the same way).
NOT_NAME_CHARACTER = re.compile("[^0-9a-z\u0e00-\u0e7f]+")
EXACT_SUFFIX = "q"


def name_token(name: str) -> str:
    """A name as one token (`Common vision` → `commonvision`), for the `exact` field.

    Lunr matches words, not phrases: every concept's names share words (เครือข่าย is in most of
    them), so a page can only rank first for its own whole name if that name is a token of its
    own. The worker adds the whole typed query, normalized the same way, as one more clause.
    The token ends in `q`, a letter no rule of the English stemmer strips or follows, so that
    `networking` does not become `network` (another concept's whole name) on both sides.
    """
    token = NOT_NAME_CHARACTER.sub("", name.replace(ZWSP, "").lower())
    return token + EXACT_SUFFIX if token else ""


def concept_names(handbook, lang: str, *, directory_urls: bool = True) -> dict[str, list[str]]:
    """{location of a concept's page in `lang`'s index: every name of the concept}.

    Names: the page's title, the concept's terms and synonyms, then the title and synonyms of
    its page in every other language (a Thai reader may type the English term, an English
    reader the Thai one). Locations are relative to the language's folder, as in its index
    (`elements/common-vision/`).
    """
    found: dict[str, list[str]] = {}
    for concept in handbook.concepts.values():
        meta = concept.meta(lang)
        url = handbook.concept_url(concept, lang, directory_urls=directory_urls)
        if lang != handbook.default_language:
            url = url.removeprefix(f"{lang}/")
        names = [meta.title, *meta.terms.values(), *meta.synonyms]
        for other in sorted(set(concept.pages) - {lang}):
            names += [concept.meta(other).title, *concept.meta(other).synonyms]
        found[url] = list(dict.fromkeys(name for name in names if name))
    return found


def point_words(handbook, lang: str, *, directory_urls: bool = True) -> dict[str, list[str]]:
    """{location of a concept's page: the words of its points' ids} (`voluntary-link` →
    `voluntary link`): the editors' own short names for the points, often the word a reader
    types where the text says it in other words. Indexed with the inner words (low boost)."""
    found: dict[str, list[str]] = {}
    for concept in handbook.concepts.values():
        url = handbook.concept_url(concept, lang, directory_urls=directory_urls)
        if lang != handbook.default_language:
            url = url.removeprefix(f"{lang}/")
        found[url] = [point.id.replace("-", " ") for point in concept.meta(lang).points]
    return found


#: A guide's weight beside a concept page's (1): guides talk about every concept, and a section
#: title of theirs (boost 1000) must not outrank a concept page that says the words in its text
#: (the query "new leaders" went to the guide's "When leaders or officials…" before the
#: maintenance page; at 0.05 it still did, measured in the search box).
GUIDE_BOOST = 0.001


def split_index(
    index: dict,
    languages: tuple[str, ...],
    names: dict[str, dict[str, list[str]]] | None = None,
    extra_words: dict[str, dict[str, list[str]]] | None = None,
    lowered: tuple[str, ...] = (),
) -> dict[str, dict]:
    """One search index per language from a merged one (every language's documents, a
    non-default language's under `<lang>/`), as mkdocs-static-i18n merges them; see
    `language_index`, which the build uses with each language's own documents."""
    by_lang: dict[str, list[dict]] = {lang: [] for lang in languages}
    for doc in index.get("docs", []):
        location = doc.get("location", "")
        lang = next(
            (lng for lng in languages[1:] if location.startswith(f"{lng}/")),
            languages[0],
        )
        by_lang[lang].append(doc)
    names = names or {}
    extra_words = extra_words or {}
    return {
        lang: language_index(
            index.get("config", {}), docs, lang, default_language=languages[0],
            names=names.get(lang), extra_words=extra_words.get(lang), lowered=lowered,
        )
        for lang, docs in by_lang.items()
    }


def language_index(
    search_config: dict,
    docs: list[dict],
    lang: str,
    *,
    default_language: str,
    names: dict[str, list[str]] | None = None,
    extra_words: dict[str, list[str]] | None = None,
    lowered: tuple[str, ...] = (),
) -> dict:
    """One language's search index from the search plugin's `config` and that language's
    documents (Material's entries; a non-default language's locations start with `<lang>/`).

    Locations of a non-default language are rebased to that language's folder (`en/x/` → `x/`),
    because each language's pages load the index relative to their own base (`<lang>/`).
    `names` ({location: names}, see `concept_names`) fill the hidden `names` field of
    those pages (the page itself, not its sections); `extra_words` (same shape, see
    `point_words`) join their hidden `words` field. Pages whose location starts with one of
    `lowered` (the guides' folder) rank below the concept pages that use the same words
    (`boost`, which Material's worker gives lunr per document): a question about a concept is
    answered by its page, not by the workshop guide that mentions it.
    """
    names = names or {}
    extra_words = extra_words or {}
    config = dict(search_config)
    config["separator"] = SEPARATOR
    # Hidden fields (never shown in results): the inner words of compounds, and the concept's
    # names on its own page, word by word and whole. `hidden` (lunr ignores it) tells the worker
    # (lunr/wordcut.js) to drop them from a document once it is indexed: neither highlighted nor
    # sent to the page with every result.
    config["fields"] = {
        **config.get("fields", {}),
        "words": {"boost": 0.5, "hidden": True},
        "compounds": {"boost": 1.0, "hidden": True},
        "names": {"boost": NAMES_BOOST, "hidden": True},
        "exact": {"boost": EXACT_BOOST, "hidden": True},
    }
    prefix = "" if lang == default_language else f"{lang}/"
    out: list[dict] = []
    for doc in docs:
        doc = dict(doc)
        if prefix and doc["location"].startswith(prefix):
            doc["location"] = doc["location"][len(prefix) :]
        own = names.get(doc["location"])
        if own:
            # Escaped as Material escapes its own fields: the search script reads them as HTML.
            doc["names"] = html.escape(" · ".join(own), quote=False)
            doc["exact"] = " ".join(dict.fromkeys(filter(None, map(name_token, own))))
        for field in ("title", "text", "names"):
            if isinstance(doc.get(field), str):
                doc[field] = segment_spaceless(segment_thai(doc[field]))
        inner = inner_words(" ".join(doc.get(field, "") for field in ("title", "text", "names")))
        inner += extra_words.get(doc["location"], [])
        # A field of their own: the other fields' lengths, and so every other query's ranking,
        # stay as they were.
        compounds = joined_compounds(" ".join(doc.get(field, "") for field in ("title", "text")))
        if compounds:
            doc["compounds"] = " ".join(compounds)
        if inner:
            doc["words"] = " ".join(inner)
        if lowered and doc["location"].startswith(lowered):
            doc["boost"] = GUIDE_BOOST
        out.append(doc)
    return {"config": config, "docs": out}


#: An English compound written with a hyphen ("one-way", "top-down"); not inside a tag.
HYPHENATED = re.compile(r"(?<![\w-])([A-Za-z]{2,})-([A-Za-z]{2,})(?![\w-])")
_TAG = re.compile(r"<[^>]*>")


def joined_compounds(text: str) -> list[str]:
    """The hyphenated English compounds of a page's text written joined (`one-way` → `oneway`),
    once each: the separator splits `one-way` into its words, which `one way` and `one-way` find;
    a reader who types `oneway` finds the joined word. (The search worker does the other way
    round: a joined query word the index lacks is tried as two of its words.)"""
    found = dict.fromkeys(a.lower() + b.lower() for a, b in HYPHENATED.findall(_TAG.sub(" ", text)))
    return list(found)


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
