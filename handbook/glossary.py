"""The glossary: every concept and key term, sorted for each language, as a generated page.

Thai is sorted in Thai dictionary order (PyThaiNLP's collation, which skips leading vowels such as
เ and ไ the way a Thai dictionary does), not in code-point order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

from handbook.loader import Handbook
from handbook.mdtext import cell, relative_link
from handbook.templating import render_fragment, render_front_matter

GLOSSARY_SRC = "{lang}/glossary.md"


@dataclass(frozen=True)
class Entry:
    term: str  # in the glossary's language
    other: str  # the term in the other language
    meaning: str
    concept_id: str
    see: str | None = None  # for a synonym: the concept's title it points to


def glossary_entries(handbook: Handbook, lang: str) -> list[Entry]:
    """Concepts (term, other-language term, summary) and their synonyms, sorted for `lang`."""
    # The other language shown beside each term: the original's on a translation, else the
    # first translation.
    other_lang = other_language(handbook, lang)
    entries: list[Entry] = []
    seen: set[str] = set()
    for concept in handbook.concepts.values():
        meta = concept.meta(lang)
        term = meta.terms.get(lang) or meta.title
        other = meta.terms.get(other_lang, "")
        entries.append(Entry(term, other, meta.summary, concept.id))
        seen.add(term.lower())
        for synonym in meta.synonyms:
            if synonym.lower() in seen:
                continue
            seen.add(synonym.lower())
            entries.append(Entry(synonym, "", "", concept.id, see=meta.title))
    return sort_terms(entries, lang, key=lambda e: e.term)


# PyThaiNLP's collation key is the word without its tone marks (leading vowels moved after their
# consonant), *followed by* the first tone mark: so a word with a tone mark sorts after every
# longer word it begins (การมีส่วนร่วม after การมีส่วนร่วมของ…), where a dictionary puts the shorter
# word first. The letters decide first here; PyThaiNLP's order only breaks ties (the tones).
_TONES = re.compile("[\u0e47-\u0e4c]")
_THAI = re.compile("[\u0e00-\u0e7f]")
_LEAD_VOWEL = re.compile("([\u0e40-\u0e44])([\u0e01-\u0e2e])")


def _thai_letters(word: str) -> str:
    return _LEAD_VOWEL.sub(r"\2\1", _TONES.sub("", word))


def sort_terms(items, lang: str, *, key):
    """Sort in the language's dictionary order (Thai words by PyThaiNLP's collation)."""
    if any(_THAI.search(key(i)) for i in items):
        from handbook.thai import collate

        order = {term: index for index, term in enumerate(collate([key(i) for i in items]))}
        return sorted(items, key=lambda i: (_thai_letters(key(i)), order[key(i)]))
    return sorted(items, key=lambda i: key(i).casefold())


def other_language(handbook: Handbook, lang: str) -> str:
    """The language of the glossary's second column: the original's on a translation, else the
    first translation."""
    others = [code for code in handbook.languages if code != lang]
    return handbook.default_language if lang != handbook.default_language else (others[0] if others else lang)


def column_names(handbook: Handbook, lang: str) -> dict[str, str]:
    """The values of the glossary's column labels (`{language}`, `{other}`): the columns are named
    for what they show, this language's term and the other language's, in the labels' language."""
    from handbook.translation import language_name

    words_lang = handbook.labels.lang_of(lang, "glossary.term")
    return {"language": language_name(handbook.project, words_lang, lang),
            "other": language_name(handbook.project, words_lang, other_language(handbook, lang))}


def render_glossary(handbook: Handbook, lang: str) -> str:
    src_uri = GLOSSARY_SRC.format(lang=lang)
    names = column_names(handbook, lang)
    labels = handbook.labels
    rows = [
        f"| {labels.get(lang, 'glossary.term', **names)} | {labels.get(lang, 'glossary.other', **names)} "
        f"| {labels.get(lang, 'glossary.meaning')} |",
        "|---|---|---|",
    ]
    for entry in glossary_entries(handbook, lang):
        concept = handbook.concepts[entry.concept_id]
        link = relative_link(src_uri, handbook.concept_src_uri(concept.id, concept.kind, lang))
        if entry.see:
            meaning = f"{labels.get(lang, 'glossary.see')} [{cell(entry.see)}]({link})"
            rows.append(f"| {cell(entry.term)} | | {meaning} |")
        else:
            rows.append(f"| [**{cell(entry.term)}**]({link}) | {cell(entry.other)} | {cell(entry.meaning)} |")
    # Not searched: every entry repeats a concept page's summary.
    front = render_front_matter({"title": labels.get(lang, "glossary.title"), "search": {"exclude": True}})
    body = render_fragment("glossary.md", intro=Markup(labels.get(lang, "glossary.intro")),
                           rows=[Markup(row) for row in rows])
    return f"{front}\n{body}\n"
