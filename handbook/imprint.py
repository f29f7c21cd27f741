"""The printed book's imprint: its edition (`editorial/book.yml`) and dates in the reader's calendar.

The edition's number, month and the address for corrections are data an editor changes for a new
printing; the words around them are `book.imprint.*` and `book.date.*` labels, so a Thai reader
reads "พิมพ์ครั้งที่ 1 พฤศจิกายน 2569" (Buddhist era) and an English one "First edition, November
2026" from the same data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from handbook.findings import Finding, HandbookError
from handbook.labels import Labels

EDITION_FILE = "editorial/book.yml"
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
_ADDRESS = re.compile(r"^(https://\S+|mailto:\S+@\S+|[^\s@]+@[^\s@]+\.[^\s@]+)$")
_FIELDS = ("edition", "date", "corrections")


@dataclass(frozen=True)
class Printing:
    """What `editorial/book.yml` says of this printing."""

    number: int  # the edition: 1 for the first
    month: str  # YYYY-MM, when it is printed
    corrections: str  # where readers send corrections


def _line_of(text: str, key: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(f"{key}:"):
            return number
    return 1


def load_printing(root: Path) -> Printing | None:
    """Read `editorial/book.yml` under `root` (None when a handbook has none: its book prints no
    edition); a bad value raises `HandbookError` naming its line."""
    import yaml

    path = Path(root) / EDITION_FILE
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except OSError as err:
        raise HandbookError([Finding(EDITION_FILE, 1, f"cannot read the book's edition: {err.strerror}")]) from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        raise HandbookError([Finding(EDITION_FILE, mark.line + 1 if mark else 1,
                                     f"not valid YAML: {getattr(err, 'problem', err)}")]) from None
    if not isinstance(data, dict):
        raise HandbookError([Finding(EDITION_FILE, 1, "expected the keys " + ", ".join(_FIELDS))])
    findings = []
    for key in sorted(set(data) - set(_FIELDS)):
        findings.append(Finding(EDITION_FILE, _line_of(text, str(key)),
                                f"unknown key '{key}' (the keys are {', '.join(_FIELDS)})"))
    number, month, corrections = data.get("edition"), str(data.get("date") or ""), data.get("corrections")
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 99:
        findings.append(Finding(EDITION_FILE, _line_of(text, "edition"),
                                "edition must be a whole number from 1 (the first printing)"))
    if not _MONTH.match(month):
        findings.append(Finding(EDITION_FILE, _line_of(text, "date"),
                                f"date must be the month of printing as \"YYYY-MM\", not '{month}'"))
    if not (isinstance(corrections, str) and len(corrections) <= 200 and _ADDRESS.match(corrections)):
        findings.append(Finding(EDITION_FILE, _line_of(text, "corrections"),
                                "corrections must be an https:// address or an e-mail address"))
    if findings:
        raise HandbookError(findings)
    return Printing(number, month, corrections.removeprefix("mailto:"))


# ---------------------------------------------------------------------------------------------
# Dates as the reader's calendar writes them
# ---------------------------------------------------------------------------------------------


def _month_name(labels: Labels, lang: str, month: int) -> str:
    names = [name.strip() for name in labels.get(lang, "book.date.months").split(",")]
    return names[month - 1] if len(names) == 12 else str(month)


def reader_year(labels: Labels, lang: str, year: int) -> int:
    """A Common Era year in the reader's calendar: `book.date.year_offset` years added (543 in
    Thai: the Buddhist era, พ.ศ.)."""
    offset = labels.get(lang, "book.date.year_offset")
    return year + (int(offset) if re.fullmatch(r"-?\d{1,4}", offset) else 0)


def reader_date(labels: Labels, lang: str, iso: str) -> str:
    """"2026-11" or "2026-11-26" as `lang` writes it: month name and year in the reader's
    calendar (2569 in Thai), with the day when there is one."""
    year, month, *day = (int(part) for part in iso.split("-"))
    values = {"month": _month_name(labels, lang, month), "year": reader_year(labels, lang, year)}
    if day:
        return labels.get(lang, "book.date.day", day=day[0], **values)
    return labels.get(lang, "book.date.month", **values)


def _ordinal(labels: Labels, lang: str, number: int) -> str:
    ordinals = [word.strip() for word in labels.get(lang, "book.imprint.ordinals").split(",")]
    return ordinals[number - 1] if number <= len(ordinals) else str(number)


def edition_line(labels: Labels, lang: str, printing: Printing) -> str:
    """"พิมพ์ครั้งที่ 1 พฤศจิกายน 2569" / "First edition, November 2026"."""
    return labels.get(lang, "book.imprint.edition", ordinal=_ordinal(labels, lang, printing.number),
                      date=reader_date(labels, lang, printing.month))


def citation(labels: Labels, lang: str, printing: Printing, *, title: str, url: str) -> str:
    """How to cite the handbook in `lang` (its title in that language)."""
    text = labels.get(lang, "book.imprint.cite", author=labels.get(lang, "book.author"), title=title,
                      year=reader_year(labels, lang, int(printing.month[:4])),
                      ordinal=_ordinal(labels, lang, printing.number))
    return f"{text} {labels.get(lang, 'book.imprint.cite.url', url=url)}" if url else text
