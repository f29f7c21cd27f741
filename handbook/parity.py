"""A translation against its original: the same structure (parity), and really translated.

Parity: a translated concept page has the original's kind, order, terms, related concepts, and
the same point and checklist ids in the same order; a lead in one language is a lead in every
one. Errors, naming the field and the original.

Untranslated: a "translation" whose texts are mostly the original's, copied unchanged, or mostly
in the original's script where the language's own words are in another: a warning, and
`make sync-translation` refuses to mark it as translated (`handbook.sync`).
"""

from __future__ import annotations

import unicodedata

from handbook.findings import Finding
from handbook.loader import Handbook, Page
from handbook.schema import ConceptFrontMatter


def parity_findings(handbook: Handbook) -> list[Finding]:
    findings = []
    for concept in handbook.concepts.values():
        original = concept.pages[handbook.default_language]
        for lang in handbook.languages:
            if lang == handbook.default_language or lang not in concept.pages:
                continue
            findings += _compare(original, concept.pages[lang])
    return findings


def _script(char: str) -> str:
    """The script of a letter by its Unicode name: THAI, LATIN, LAO…"""
    return unicodedata.name(char, "?").split(" ")[0]


def dominant_script(text: str) -> tuple[str | None, float]:
    """The script most letters of `text` are in, and its share of the letters."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = _script(char)
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None, 0.0
    script = max(counts, key=counts.get)
    return script, counts[script] / sum(counts.values())


def _texts(page: Page) -> list[str]:
    meta = page.meta
    texts = [meta.title, meta.summary]
    if isinstance(meta, ConceptFrontMatter):
        texts += [p.text for p in meta.points] + [i.text for i in meta.checklist]
    return texts


def untranslated_findings(handbook: Handbook) -> list[Finding]:
    """A warning for a "translation" that is mostly the original: its texts copied unchanged, or
    mostly written in the original's script where the language has words of its own in another
    script (labels/<lang>.yml). Copying the original and syncing its hash must not count as
    translated on the status page without anyone noticing."""
    original_lang = handbook.default_language
    labels = handbook.project.labels
    findings = []
    for page in handbook.pages.values():
        if page.lang == original_lang:
            continue
        original = handbook.pages.get(f"{original_lang}/{page.src_uri.split('/', 1)[1]}")
        if original is None:
            continue
        reason = untranslated_reason(page, original, labels.words.get(page.lang, {}))
        if reason is None:
            continue
        findings.append(Finding(page.display_path, page.line_of("title"),
                                f"not translated yet? {reason} ({original.display_path}); translate "
                                "it, or delete the file so that readers see the original with a notice",
                                "warning"))
    return findings


def untranslated_reason(page: Page, original: Page, own_words: dict[str, str]) -> str | None:
    """Why `page` is still mostly its original (None when it is not): most of its texts copied
    unchanged, or most of its letters in the original's script where the language's own words
    (`own_words`, its labels) are in another script."""
    mine, theirs = _texts(page), _texts(original)
    same = sum(a.strip() == b.strip() for a, b in zip(mine, theirs, strict=False))
    source_script, _ = dominant_script(" ".join(theirs))
    language_script, _ = dominant_script(" ".join(own_words.values())) if own_words else (None, 0.0)
    text = " ".join(mine)
    letters = [c for c in text if c.isalpha()]
    share = (sum(_script(c) == source_script for c in letters) / len(letters)) if letters else 0.0
    if same * 2 >= len(theirs):
        return f"{same} of its {len(theirs)} texts are the original's, unchanged"
    if language_script and language_script != source_script and share > 0.5:
        return f"{round(100 * share)}% of its letters are in the original's script"
    return None


def _compare(original: Page, translated: Page) -> list[Finding]:
    a, b = original.meta, translated.meta
    assert isinstance(a, ConceptFrontMatter) and isinstance(b, ConceptFrontMatter)
    out = []
    # The editors' lead is translated like the points: present in one language, in every one.
    if a.lead and not b.lead:
        out.append(Finding(translated.display_path, translated.line_of("summary"),
                           f"field 'lead': missing; the original has a lead to translate "
                           f"(original: {original.display_path})"))
    elif b.lead and not a.lead:
        out.append(Finding(translated.display_path, translated.line_of("lead"),
                           f"field 'lead': the original has no lead; add it there first "
                           f"(original: {original.display_path})"))

    def differ(field_name: str, mine, theirs, hint: str) -> None:
        if mine != theirs:
            out.append(Finding(translated.display_path, translated.line_of(field_name),
                               f"field '{field_name}': {hint} (original: {original.display_path})"))

    differ("kind", b.kind, a.kind, f"must be '{a.kind}' as in the original")
    differ("order", b.order, a.order, f"must be {a.order} as in the original")
    # A translation may add (or word) the term in its own language; the others are the original's.
    differ("terms", {k: v for k, v in b.terms.items() if k != translated.lang},
           {k: v for k, v in a.terms.items() if k != translated.lang},
           "the terms must be the same in every language (a translation may add its own)")
    differ("related", sorted(b.related), sorted(a.related), f"must list {sorted(a.related)}")
    for field_name in ("points", "checklist"):
        mine = [i.id for i in getattr(b, field_name)]
        theirs = [i.id for i in getattr(a, field_name)]
        if mine != theirs:
            missing = [i for i in theirs if i not in mine]
            extra = [i for i in mine if i not in theirs]
            detail = []
            if missing:
                detail.append(f"missing {missing}")
            if extra:
                detail.append(f"not in the original {extra}")
            if not detail:
                detail.append(f"order differs; the original has {theirs}")
            differ(field_name, mine, theirs, "ids must match the original: " + ", ".join(detail))
    return out
