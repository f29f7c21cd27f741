"""The read model: a page, a concept (its pages per language) and the whole handbook.

A `Handbook` carries its `Project` (languages, structure, fallback chains) and through it its
interface words (`Handbook.labels`): whatever needs the words or the structure gets them from
the handbook at hand, never from a module-level "project in use".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from handbook.schema import ConceptFrontMatter, GuideFrontMatter, OverviewFrontMatter
from handbook.yamlsafe import line_at

if TYPE_CHECKING:
    from handbook.labels import Labels
    from handbook.project import Project


@dataclass(frozen=True)
class Page:
    """One source file: its place, language, validated front matter and Markdown body."""

    path: Path
    display_path: str  # as messages show it, e.g. docs/en/elements/common-vision.md
    src_uri: str  # relative to docs_dir, e.g. en/elements/common-vision.md
    lang: str
    meta: ConceptFrontMatter | GuideFrontMatter | OverviewFrontMatter
    body: str
    body_line: int  # line number of the body's first line in the file
    field_lines: dict[tuple[str | int, ...], int] = field(repr=False, compare=False)

    def line_of(self, *loc: str | int) -> int:
        """The line of a front-matter field (or of its closest existing parent)."""
        return line_at(self.field_lines, loc)


@dataclass
class Concept:
    id: str
    kind: str
    order: int
    pages: dict[str, Page]
    original: str  # the original (default) language, whose page every concept has
    project: Project = field(repr=False, compare=False)  # whose languages fall back to whose

    def page(self, lang: str) -> Page:
        """The page in `lang`, falling back along its chain (the original last) when not
        translated yet."""
        return self.pages.get(lang) or next(
            (self.pages[code] for code in self.project.chain(lang) if code in self.pages),
            self.pages[self.original])

    def meta(self, lang: str) -> ConceptFrontMatter:
        meta = self.page(lang).meta
        assert isinstance(meta, ConceptFrontMatter)
        return meta


@dataclass
class Handbook:
    docs_dir: Path
    concepts: dict[str, Concept]  # in reading order: kind, then `order`
    overviews: dict[str, dict[str, Page]]
    pages: dict[str, Page]  # by src_uri
    project: Project
    # guide id -> lang -> page, in `order`; the handbook's own pages (not concepts of the source)
    guides: dict[str, dict[str, Page]] = field(default_factory=dict)

    def guide_page(self, guide_id: str, lang: str) -> Page:
        """A guide in `lang`, falling back to the original when not translated yet."""
        pages = self.guides[guide_id]
        return next((pages[code] for code in self.project.chain(lang) if code in pages),
                    pages[self.default_language])

    def shown_page(self, page: Page, lang: str) -> Page:
        """What `lang`'s readers see where the original `page` is not translated: the page of the
        first language of `lang`'s chain that has one (the original itself at the end)."""
        rest = page.src_uri.split("/", 1)[1]
        return next((self.pages[f"{code}/{rest}"] for code in self.project.chain(lang)
                     if f"{code}/{rest}" in self.pages), page)

    @property
    def languages(self) -> tuple[str, ...]:
        return self.project.languages

    @property
    def default_language(self) -> str:
        return self.project.default_language

    @property
    def labels(self) -> Labels:
        """The handbook's interface words, every language's (`labels/<lang>.yml`)."""
        return self.project.labels

    def concept_src_uri(self, concept_id: str, kind: str, lang: str) -> str:
        return self.project.concept_src_uri(concept_id, kind, lang)

    def guide_src_uri(self, guide_id: str, lang: str) -> str:
        return self.project.guide_src_uri(guide_id, lang)

    def page_url(self, src_uri: str, *, directory_urls: bool = True) -> str:
        return self.project.page_url(src_uri, directory_urls=directory_urls)

    def concept_url(self, concept: Concept, lang: str, *, directory_urls: bool = True) -> str:
        return self.page_url(self.concept_src_uri(concept.id, concept.kind, lang), directory_urls=directory_urls)

    def by_kind(self, kind: str | None) -> list[Concept]:
        return [c for c in self.concepts.values() if c.kind == kind]

