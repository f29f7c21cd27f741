"""The front-matter schema of a concept page: the one place that says what a page must hold.

Every concept of the handbook is one Markdown page per language whose YAML front matter is
validated against `ConceptFrontMatter`. Overview pages use the smaller `OverviewFrontMatter`.
What belongs to one handbook (its languages, kinds, overviews) is data: `handbook.yml` and
`mkdocs.yml`, read by `handbook.project`; the loader checks pages against it.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# ---------------------------------------------------------------------------------------------
# Constants
# ---------------------------------------------------------------------------------------------

#: Ids a concept may not take: its page would replace a section's overview (`index.md`).
RESERVED_IDS: frozenset[str] = frozenset({"index"})

#: Page-meta keys that MkDocs, Material or a plugin acts on (another template, hidden navigation or
#: search, a status badge...). A page holds only the schema's fields (`extra="forbid"`); these get
#: their own message, because setting one would change how the build treats the page.
MKDOCS_META_KEYS: frozenset[str] = frozenset(
    "template hide search status icon tags description subtitle social comments robots "
    "nav_title redirect".split()
)

#: Lower-case ASCII words joined by single hyphens: `common-vision`, `regular-activities`.
SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)

#: Lengths: an id (the real ones: 39 characters at most), a name — title, term, synonym — (68) and
#: any other text (410); list lengths (14 checklist items, 11 points, 6 synonyms). Each error
#: names the number.
MAX_SLUG_CHARS = 80
MAX_NAME_CHARS = 200
MAX_TEXT_CHARS = 2_000
MAX_ITEMS = 100
MAX_NAMES = 30
#: The largest `order` (a position in a list).
MAX_ORDER = 10_000

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=MAX_SLUG_CHARS)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TEXT_CHARS)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME_CHARS)]
#: A language code as mkdocs-static-i18n takes it: `th`, `en`, `pt-BR`.
LangCode = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")]


class _Strict(BaseModel):
    # Unknown fields are errors: a misspelt `relatd:` must not be silently ignored.
    model_config = ConfigDict(extra="forbid", frozen=True)


class Point(_Strict):
    """One point of the source (a recommendation, principle, quality…), with a stable id."""

    id: Slug
    text: Text
    # Not in the source document: the editors added it (shown as theirs on the site and in the
    # book). Set on the original; translations follow it.
    added_by_editors: bool = False


class ChecklistItem(_Strict):
    """One tickable item; phrased as a question or a sign a group can check about itself.

    Readers' ticks are saved under the item's id: when an id is renamed, list the old ids in
    `formerly` so that saved ticks follow the item.
    """

    id: Slug
    text: Text
    formerly: list[Slug] = Field(default=[], max_length=MAX_NAMES)


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
    kind: Slug  # one of handbook.yml's sections
    order: int = Field(ge=1, le=MAX_ORDER)
    title: Name
    summary: Text
    # The handbook's own introduction (2–4 sentences: the concept in practice, why it matters),
    # shown first on the page and marked as added by the editors. Optional here so that a draft
    # still loads; `handbook.check` requires it on every concept page (an error naming the page).
    lead: Text | None = None
    # The concept's canonical name by language (the same on every language's page); the
    # original language's is required (checked by the loader, which knows the languages).
    terms: dict[LangCode, Name] = Field(min_length=1, max_length=MAX_NAMES)
    synonyms: list[Name] = Field(default=[], max_length=MAX_NAMES)
    points: list[Point] = Field(min_length=1, max_length=MAX_ITEMS)
    checklist: list[ChecklistItem] = Field(default=[], max_length=MAX_ITEMS)
    related: list[Slug] = Field(default=[], max_length=MAX_NAMES)
    profile: TypeProfile | None = None
    translation: Translation | None = None
    # The whole page is the editors' addition, not a concept of the source document.
    added_by_editors: bool = False


class GuideFrontMatter(_Strict):
    """A guide: the handbook's own page (not a concept of the source), e.g. the facilitator's guide.
    Guides live in handbook.yml's `guides` folder; `guide` is not a section's kind."""

    id: Slug
    kind: Literal["guide"]
    order: int = Field(ge=1, le=MAX_ORDER)
    title: Name
    summary: Text
    translation: Translation | None = None


class OverviewFrontMatter(_Strict):
    overview: Slug  # one of handbook.yml's overviews
    title: Name
    summary: Text
    translation: Translation | None = None
