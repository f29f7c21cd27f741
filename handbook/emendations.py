"""The emendations of the source: one data file, validated, and rendered on 'About the source'.

`editorial/emendations.yml` lists every place where the handbook's Thai differs from the source
document (a typing error mended, spacing cleaned, a word added for sense). It is the one source of
truth: the 'About the source' page in both languages is generated from it (`render_emendations`),
and `emendation_findings()` checks it against the pages — the page and point must exist, the
corrected wording must be what the point says now, and the source's wording must be gone — so the
list cannot drift from the text.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Annotated, Literal

from markupsafe import Markup
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from handbook.findings import Finding, HandbookError
from handbook.loader import Handbook, Page
from handbook.mdtext import cell, relative_link
from handbook.schema import MAX_TEXT_CHARS, SLUG_PATTERN, ConceptFrontMatter
from handbook.templating import render_fragment
from handbook.yamlsafe import FrontMatterError, parse_front_matter

#: Where the data file lives, relative to the project (the folder that holds `docs/`).
EMENDATIONS_FILE = "editorial/emendations.yml"

#: Kinds of emendation, each with a label per language in `handbook.labels` (`emendation.<kind>`).
EmendationKind = Literal["typo", "spelling", "spacing", "wording", "conjecture", "term", "markup"]

#: Targets that are not a point: the page's title, its terms, its Markdown body.
WHOLE_PAGE_TARGETS = ("title", "terms", "body")

# Written between fragments of a long passage whose middle is unchanged.
ELLIPSIS = "…"

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT_CHARS)]
#: The most emendations one file lists.
MAX_EMENDATIONS = 1_000


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Note(_Strict):
    th: Text
    en: Text


class Emendation(_Strict):
    page: Annotated[str, StringConstraints(pattern=r"^[a-z0-9-]+(/[a-z0-9-]+)*\.md$", max_length=200)]
    at: Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
    original: Text
    corrected: Text
    kind: EmendationKind
    note: Note | None = None


class EmendationsFile(_Strict):
    emendations: list[Emendation] = Field(min_length=1, max_length=MAX_EMENDATIONS)


def emendations_path(docs_dir: Path) -> Path:
    return Path(docs_dir).parent / EMENDATIONS_FILE


# ---------------------------------------------------------------------------------------------
# Reading and checking
# ---------------------------------------------------------------------------------------------


def read_emendations(path: Path) -> tuple[list[Emendation], dict, list[Finding]]:
    """(emendations, field lines, findings); the findings name the file's lines."""
    where = EMENDATIONS_FILE
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return [], {}, [Finding(where, 1, f"cannot read the emendations: {err}")]
    try:
        data, lines = parse_front_matter(text, first_line=1)
    except FrontMatterError as err:
        return [], {}, [Finding(where, err.line, err.message)]
    try:
        parsed = EmendationsFile.model_validate(data)
    except ValidationError as err:
        findings = []
        for error in err.errors():
            loc = tuple(error["loc"])
            probe, line = loc, 1
            while probe:
                if probe in lines:
                    line = lines[probe]
                    break
                probe = probe[:-1]
            name = ".".join(str(p) for p in loc) or "file"
            message = "required field is missing" if error["type"] == "missing" else error["msg"]
            findings.append(Finding(where, line, f"field '{name}': {message}"))
        return [], lines, findings
    return parsed.emendations, lines, []


def target_text(page: Page, at: str) -> str | None:
    """The text an emendation points at (whitespace as a reader sees it), or None if unknown."""
    meta = page.meta
    if at == "body":
        text = page.body
    elif at == "title":
        text = meta.title
    elif at == "terms" and isinstance(meta, ConceptFrontMatter):
        text = " ".join(meta.terms.values())
    elif isinstance(meta, ConceptFrontMatter):
        point = next((p for p in meta.points if p.id == at), None)
        if point is None:
            return None
        text = point.text
    else:
        return None
    return " ".join(text.split())


def _fragments(text: str) -> list[str]:
    return [" ".join(part.split()) for part in text.split(ELLIPSIS) if part.strip()]


def emendation_findings(handbook: Handbook) -> list[Finding]:
    """Every problem of the emendations file; nothing when the project has none."""
    path = emendations_path(handbook.docs_dir)
    if not path.is_file():
        return []
    emendations, lines, findings = read_emendations(path)
    for index, emendation in enumerate(emendations):

        def at(field_name: str, index: int = index) -> int:
            return lines.get(("emendations", index, field_name), lines.get(("emendations", index), 1))

        page = handbook.pages.get(f"{handbook.default_language}/{emendation.page}")
        if page is None:
            findings.append(Finding(EMENDATIONS_FILE, at("page"),
                                    f"no Thai page docs/{handbook.default_language}/{emendation.page}"))
            continue
        text = target_text(page, emendation.at)
        if text is None:
            findings.append(Finding(EMENDATIONS_FILE, at("at"),
                                    f"'{emendation.at}' is neither a point of {page.display_path} "
                                    f"nor one of {', '.join(WHOLE_PAGE_TARGETS)}"))
            continue
        for fragment in _fragments(emendation.corrected):
            if fragment not in text:
                findings.append(Finding(EMENDATIONS_FILE, at("corrected"),
                                        f"'{fragment}' is not what {page.display_path}#"
                                        f"{emendation.at} says now: update the emendation"))
        if emendation.original != emendation.corrected:
            gone = _fragments(emendation.original)
            # (Only a one-piece wording that is not part of the correction: "ปัญห" is in "ปัญหา".)
            if len(gone) == 1 and gone[0] in text and gone[0] not in emendation.corrected:
                findings.append(Finding(EMENDATIONS_FILE, at("original"),
                                        f"the source's wording '{gone[0]}' is still in "
                                        f"{page.display_path}#{emendation.at}"))
    return findings


def load_emendations(handbook: Handbook) -> list[Emendation]:
    """The emendations, or `HandbookError` when the file is missing or wrong."""
    path = emendations_path(handbook.docs_dir)
    if not path.is_file():
        raise HandbookError([Finding(EMENDATIONS_FILE, 1, "missing: the 'emendations' marker "
                                     "renders this file")])
    findings = emendation_findings(handbook)
    if findings:
        raise HandbookError(findings)
    return read_emendations(path)[0]


# ---------------------------------------------------------------------------------------------
# Rendering (a Markdown table on the guide page; relative .md links, checked by MkDocs)
# ---------------------------------------------------------------------------------------------


def render_emendations(handbook: Handbook, page: Page, lang: str) -> str:
    """Every emendation: where (linked to its point), the source's wording beside the handbook's."""
    emendations = load_emendations(handbook)
    content_lang = page.lang
    original = handbook.default_language
    labels = handbook.labels
    # The labels and cells are Markdown (cells escaped by `cell`), written into the table as they are.
    head = [Markup(labels.get(content_lang, f"emendations.{key}")) for key in ("where", "original", "corrected", "why")]
    rows = []
    for emendation in emendations:
        source = handbook.pages[f"{original}/{emendation.page}"]
        shown = handbook.pages.get(f"{content_lang}/{emendation.page}") or source
        target = f"{shown.lang}/{emendation.page}"
        link = relative_link(page.src_uri, target)
        if emendation.at in WHOLE_PAGE_TARGETS:
            where = labels.get(content_lang, f"emendations.at.{emendation.at}", title=cell(shown.meta.title))
        else:
            meta = shown.meta
            assert isinstance(meta, ConceptFrontMatter)
            number = next(i for i, p in enumerate(meta.points, start=1) if p.id == emendation.at)
            where = labels.get(content_lang, "emendations.at.point", title=cell(meta.title), n=number)
            link += f"#{emendation.at}"
        why = labels.get(content_lang, f"emendation.{emendation.kind}")
        if emendation.note:
            note = getattr(emendation.note, content_lang, None) or getattr(emendation.note, original)
            why += ": " + cell(note)
        rows.append({"where": Markup(where), "link": link, "why": Markup(why),
                     "original": Markup(cell(emendation.original)),
                     "corrected": Markup(cell(emendation.corrected))})
    count = Markup(labels.get(content_lang, "emendations.count", n=len(emendations)))
    return render_fragment("emendations.md", count=count, head=head, rows=rows, original=original) + "\n"


def emendation_pages(emendations: list[Emendation], original: str) -> list[str]:
    """The pages of the `original` language the emendations touch, in order (for tests and reports)."""
    return list(dict.fromkeys(posixpath.join(original, e.page) for e in emendations))
