"""Copies that pass for translations, and translations typed into the original.

Two mistakes a new translator makes without noticing: a `labels/<lang>.yml` copied from the
original's and only partly translated (its untranslated words look like labels that are there),
and text of another language typed into an original page (`docs/th/…`), which turns every
translation "outdated" and, once synced, locks the mistake in. Pure functions returning findings.
"""

from __future__ import annotations

import re
import unicodedata

from handbook.findings import Finding

#: Labels that are not words (addresses, a locale code) are the same in every language.
_NOT_WORDS = ("_url",)
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def letter_runs(text: str) -> list[str]:
    """Runs of letters and their combining marks (Thai, Lao and Khmer vowels are marks)."""
    runs, run = [], []
    for char in text:
        if unicodedata.category(char)[0] in "LM":
            run.append(char)
        elif run:
            runs.append("".join(run))
            run = []
    if run:
        runs.append("".join(run))
    return runs
#: Scripts any page may quote: Latin (names, English terms, addresses) and the unnamed ones.
NEUTRAL_SCRIPTS = frozenset({"LATIN", "?"})


def script_of(char: str) -> str:
    """The script of a letter by its Unicode name: THAI, LATIN, LAO, KHMER, MYANMAR…"""
    return unicodedata.name(char, "?").split(" ")[0]


def copied_labels(original: dict[str, str], words: dict[str, str]) -> list[str]:
    """The keys of `words` still equal to the original's, where the original's are words."""
    return [key for key, text in words.items()
            if original.get(key) == text and not key.endswith(_NOT_WORDS)
            and _LETTER_RUN.search(re.sub(r"{\w*}", "", text))]


def copied_labels_finding(display: str, default: str, original: dict[str, str],
                          words: dict[str, str], lines: dict) -> Finding | None:
    """One warning counting the labels still the original's ("120 of 142 interface words…")."""
    copied = copied_labels(original, words)
    if not copied:
        return None
    first = copied[0]
    return Finding(display, lines.get((first,), 1),
                   f"{len(copied)} of {len(original)} interface words are still the original's "
                   f"(labels/{default}.yml), first '{first}': translate them, or delete the ones "
                   f"you cannot translate yet so that the fallback language's words show",
                   "warning")


def foreign_script_findings(display: str, text: str, script: str, exempt: set[int],
                            first_line: int = 1) -> list[Finding]:
    """A warning for each line of an original page with letters of a script other than the
    original's `script` (and Latin): e.g. Lao typed into a Thai page. `exempt`: lines that hold
    another language on purpose (a `terms:` entry of another language)."""
    findings = []
    for number, line in enumerate(text.splitlines(), start=first_line):
        if number in exempt:
            continue
        foreign = [run for run in letter_runs(line)
                   if (name := _run_script(run)) not in NEUTRAL_SCRIPTS and name != script]
        if foreign:
            name = _run_script(foreign[0])
            findings.append(Finding(display, number,
                                    f"{name.title()} text in the original ({script.title()}): "
                                    f"'{foreign[0][:30]}'; a translation belongs in its own "
                                    "language's folder (docs/<language>/…), not in the original",
                                    "warning"))
    return findings


def _run_script(run: str) -> str:
    counts: dict[str, int] = {}
    for char in [c for c in run if unicodedata.category(c)[0] == "L"] or run:
        name = script_of(char)
        counts[name] = counts.get(name, 0) + 1
    return max(counts, key=counts.get)


def original_script_findings(handbook) -> list[Finding]:
    """`foreign_script_findings` over every original page of a handbook, in the script most of
    the originals' letters are in."""
    originals = [p for p in handbook.pages.values() if p.lang == handbook.default_language]
    counts: dict[str, int] = {}
    texts = {}
    for page in originals:
        texts[page.src_uri] = page.path.read_text(encoding="utf-8")
        for run in letter_runs(texts[page.src_uri]):
            name = _run_script(run)
            if name not in NEUTRAL_SCRIPTS:
                counts[name] = counts.get(name, 0) + len(run)
    if not counts:
        return []
    script = max(counts, key=counts.get)
    findings = []
    for page in originals:
        terms = getattr(page.meta, "terms", None) or {}
        exempt = {page.line_of("terms", lang) for lang in terms if lang != handbook.default_language}
        findings += foreign_script_findings(page.display_path, texts[page.src_uri], script, exempt)
    return findings
