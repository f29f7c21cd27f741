"""The front-matter schema of a concept page: the one place that says what a page must hold.

Every concept of the handbook is one Markdown page per language whose YAML front matter is
validated against `ConceptFrontMatter`. Overview pages (home, elements, types) use the smaller
`OverviewFrontMatter`. Allowed values are the constants below; nothing else in the package
re-states them.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

# ---------------------------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------------------------

#: Languages of the handbook, default (the original) first.
LANGUAGES: tuple[str, ...] = ("th", "en")
DEFAULT_LANGUAGE = "th"

#: Concept kinds, in the order the handbook presents them.
KINDS: tuple[str, ...] = ("definition", "element", "type", "practice")

#: The folder (and URL section) of each kind below `docs/<lang>/`.
SECTION_BY_KIND: dict[str, str] = {
    "definition": "basics",
    "element": "elements",
    "type": "types",
    "practice": "practice",
}

#: Overview pages that are not concepts; their front matter names one of these.
OVERVIEWS: tuple[str, ...] = ("home", "elements", "types")
#: Where each overview lives below `docs/<lang>/`.
OVERVIEW_SRC: dict[str, str] = {
    "home": "index.md",
    "elements": "elements/index.md",
    "types": "types/index.md",
}
#: Guide pages (the handbook's own: how to run a session, about the source) live here below
#: `docs/<lang>/`, one file per guide id; they hold no points of the source.
GUIDE_SECTION = "guides"

#: Ids a concept may not take: its page would replace a section's overview (`index.md`).
RESERVED_IDS: frozenset[str] = frozenset({"index"})

#: Lower-case ASCII words joined by single hyphens: `common-vision`, `regular-activities`.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Kind = Literal["definition", "element", "type", "practice"]


class _Strict(BaseModel):
    # Unknown fields are errors: a misspelt `relatd:` must not be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Terms(_Strict):
    """The concept's canonical name in both languages (the same on every language's page)."""

    th: Text
    en: Text


class Point(_Strict):
    """One point of the source (a recommendation, principle, quality…), with a stable id."""

    id: Slug
    text: Text


class ChecklistItem(_Strict):
    """One tickable item; phrased as a question or a sign a group can check about itself.

    Readers' ticks are saved under the item's id: when an id is renamed, list the old ids in
    `formerly` so that saved ticks follow the item.
    """

    id: Slug
    text: Text
    formerly: list[Slug] = []


class TypeProfile(_Strict):
    """The side-by-side comparison of the three network types (type pages only)."""

    origin: Text
    driver: Text
    duration: Text
    example: Text


class Translation(_Strict):
    """On a translated page: which revision of the original it translates."""

    source_hash: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{12}$")]


class ConceptFrontMatter(_Strict):
    id: Slug
    kind: Kind
    order: int = Field(ge=1)
    title: Text
    summary: Text
    # The handbook's own introduction (2–4 sentences: the concept in practice, why it matters),
    # shown first on the page and marked as added by the editors. Optional here so that a draft
    # still loads; `handbook.check` requires it on every concept page (an error naming the page).
    lead: Text | None = None
    terms: Terms
    synonyms: list[Text] = []
    points: list[Point] = Field(min_length=1)
    checklist: list[ChecklistItem] = []
    related: list[Slug] = []
    profile: TypeProfile | None = None
    translation: Translation | None = None

    @model_validator(mode="after")
    def _check_kind_specific(self) -> ConceptFrontMatter:
        if self.kind == "type" and self.profile is None:
            raise ValueError("a 'type' page needs a 'profile' (origin, driver, duration, example)")
        if self.kind != "type" and self.profile is not None:
            raise ValueError("only 'type' pages have a 'profile'")
        return self


class GuideFrontMatter(_Strict):
    """A guide: the handbook's own page (not a concept of the source), e.g. the facilitator's guide."""

    id: Slug
    kind: Literal["guide"]
    order: int = Field(ge=1)
    title: Text
    summary: Text
    translation: Translation | None = None


class OverviewFrontMatter(_Strict):
    overview: Literal["home", "elements", "types"]
    title: Text
    summary: Text
    translation: Translation | None = None
