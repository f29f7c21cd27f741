"""handbook.yml: the sections and their folders, the overview pages, the checklists, the concept
map's layout and the words never turned into links — its schema (`Structure`) and its reader."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from handbook.findings import Finding
from handbook.schema import Slug, Text
from handbook.yamlsafe import FrontMatterError, line_at, parse_front_matter

STRUCTURE_FILE = "handbook.yml"

Result = Literal["none", "chart", "type"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class SectionSpec(_Strict):
    """One kind of concept page and where its pages live (`docs/<lang>/<folder>/<id>.md`)."""

    kind: Slug
    folder: Slug
    overview: Slug | None = None  # the overview page that opens the section, if any
    flat: bool = False  # its pages sit at the top of the navigation, not in a section
    numbered: bool = False  # listed with numbers (the source numbers them)
    profile: bool = False  # its pages carry a `profile`, compared side by side


class ChecklistSpec(_Strict):
    """A workshop checklist: the concepts it draws its items from, and the result it shows."""

    id: Slug
    kind: Slug | None = None  # every concept of a kind, in order…
    concepts: tuple[Slug, ...] = ()  # …or concepts by id
    result: Result = "none"
    # Earlier ids of this checklist: readers' ticks are saved under the checklist's id, and are
    # read from these when none are saved under the new one (a rename keeps them).
    formerly: tuple[Slug, ...] = ()
    # For a result: concept id → the page (below docs/<lang>/) to go to next; its words are the
    # labels "result.next.<concept>" and "result.next.<concept>.link".
    next_steps: dict[Slug, Annotated[str, StringConstraints(max_length=200)]] = {}

    @model_validator(mode="after")
    def _one_source(self) -> ChecklistSpec:
        if (self.kind is None) == (not self.concepts):
            raise ValueError("give either 'kind' or 'concepts', not both or neither")
        return self


class ConceptMapSpec(_Strict):
    """The concept map: the kind drawn in the middle, around it, above and below."""

    center: Slug
    ring: Slug
    top: Slug | None = None
    bottom: Slug | None = None


class Structure(_Strict):
    sections: tuple[SectionSpec, ...] = Field(min_length=1)
    overviews: dict[Slug, str] = {}
    checklists: tuple[ChecklistSpec, ...] = ()
    concept_map: ConceptMapSpec | None = None
    unlinked_terms: tuple[Text, ...] = ()
    guides: Slug = "guides"  # the folder of the handbook's own pages (kind: guide)
    # Concepts whose checklist items are questions on their page only, in no checklist (on
    # purpose: `make check` warns about the items of any other concept that no checklist draws).
    questions_only: tuple[Slug, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Structure:
        kinds = [s.kind for s in self.sections]
        if "guide" in kinds:
            raise ValueError("'guide' is the kind of the handbook's own pages (see 'guides'), not a section")
        if self.guides in [s.folder for s in self.sections]:
            raise ValueError(f"guides: folder '{self.guides}' is a section's folder")
        for name, values in (("kind", kinds), ("folder", [s.folder for s in self.sections]),
                             ("checklist id", [c.id for c in self.checklists])):
            twice = sorted({v for v in values if values.count(v) > 1})
            if twice:
                raise ValueError(f"{name} '{twice[0]}' is listed twice")
        for section in self.sections:
            if section.overview and section.overview not in self.overviews:
                raise ValueError(f"section '{section.kind}': overview '{section.overview}' is not "
                                 "listed under 'overviews'")
        ids = {c.id for c in self.checklists}
        for checklist in self.checklists:
            still = [old for old in checklist.formerly if old in ids]
            if still:
                raise ValueError(f"checklist '{checklist.id}': formerly names '{still[0]}', a "
                                 "checklist that still exists (the two would share saved ticks)")
            if checklist.kind and checklist.kind not in kinds:
                raise ValueError(f"checklist '{checklist.id}': unknown kind '{checklist.kind}' "
                                 f"(sections: {', '.join(kinds)})")
        if self.concept_map:
            for role in ("center", "ring", "top", "bottom"):
                kind = getattr(self.concept_map, role)
                if kind and kind not in kinds:
                    raise ValueError(f"concept_map.{role}: unknown kind '{kind}'")
        for name, path in self.overviews.items():
            if not path.endswith(".md") or path.startswith("/") or ".." in path.split("/"):
                raise ValueError(f"overview '{name}': '{path}' must be a .md path inside the "
                                 "language folder")
        return self



def _line_naming(text: str, message: str) -> int:
    """The first line whose value is the last quoted word of `message` ('elemnt'), else 1."""
    for word in reversed(re.findall(r"'([^']+)'", message)):
        for number, line in enumerate(text.splitlines(), start=1):
            if re.search(r"[:\[,\s]\s*" + re.escape(word) + r"\s*(?:[,\]#]|$)", line):
                return number
    return 1


def structure_path_findings(path: Path, structure: Structure, languages: tuple[str, ...]) -> list[Finding]:
    """Section, guide and overview folders that begin with a language code or a reserved name."""
    from handbook.reserved import structure_problems

    folders = {f"section '{s.kind}'": s.folder for s in structure.sections}
    folders["guides"] = structure.guides
    folders.update({f"overview '{name}'": src for name, src in structure.overviews.items()})
    text = path.read_text(encoding="utf-8")
    def line_of(value: str) -> int:
        match = re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", text)
        return text.count("\n", 0, match.start()) + 1 if match else 1

    return [Finding(STRUCTURE_FILE, line_of(value), message)
            for value, message in structure_problems(folders, languages)]


def structure_line(root: Path, loc: tuple[str | int, ...]) -> int:
    """The line of a field of handbook.yml (('checklists', 4, 'next_steps', 'x') → its line)."""
    try:
        _, lines = parse_front_matter((Path(root) / STRUCTURE_FILE).read_text(encoding="utf-8"), 1)
    except (OSError, UnicodeDecodeError, FrontMatterError):
        return 1
    return line_at(lines, loc)


def read_structure(path: Path, findings: list[Finding]) -> Structure | None:
    display = path.name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        findings.append(Finding(display, 1, "no handbook.yml beside docs/: it lists the handbook's "
                                            "sections and checklists (see README, 'Start a new handbook')"))
        return None
    try:
        data, lines = parse_front_matter(text, first_line=1)
    except FrontMatterError as err:
        findings += [Finding(display, line, text) for line, text in err.problems]
        return None
    try:
        return Structure.model_validate(data or {})
    except ValidationError as err:
        for error in err.errors():
            loc = tuple(error["loc"])
            line = line_at(lines, loc)
            where = ".".join(str(p) for p in loc)
            message = error["msg"].removeprefix("Value error, ")
            if not loc:  # a check of the whole file: the line of the value it names
                line = _line_naming(text, message)
            if error["type"] == "extra_forbidden":
                message = "unknown field (check the spelling)"
            elif error["type"] == "missing":
                message = "required field is missing"
            findings.append(Finding(display, line, f"{where + ': ' if where else ''}{message}"))
        return None

