"""What makes this handbook this handbook: its languages, structure and interface words, as data.

The generator (this package and `hooks/`) names no language, section or checklist. They are read
from three places beside `docs/`, which editors and translators change without opening Python:

- `mkdocs.yml`: the languages, from mkdocs-static-i18n's list (the default one is the original);
- `handbook.yml`: the sections and their folders, the overview pages, the checklists, the
  concept map's layout and the words never turned into links (validated by `Structure`);
- `labels/<lang>.yml`: the interface words of each language (`handbook.labels`).

`load_project(root)` reads and checks all three and returns a `Project`, or raises
`HandbookError` whose findings name the file and line. A language with no labels file of its
own, or with missing words, falls back to the original's words: a warning, not an error, so that
adding a language to `mkdocs.yml` is enough to publish it.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from handbook.findings import Finding, HandbookError
from handbook.labels import Labels, load_labels
from handbook.model import urls
from handbook.model.siteconfig import (
    CONFIG_FILE,
    SiteLanguages,
    config_data,
    declared_languages,
    fallbacks_of,
    languages_of,
)
from handbook.model.structure import (
    STRUCTURE_FILE,
    ChecklistSpec,
    ConceptMapSpec,
    Result,
    SectionSpec,
    Structure,
    read_structure,
    structure_line,
    structure_path_findings,
)

LABELS_DIR = "labels"

#: Importable from here, where the generators and the checks have always found them.
__all__ = [
    "CONFIG_FILE", "LABELS_DIR", "STRUCTURE_FILE", "ChecklistSpec", "ConceptMapSpec", "Project",
    "Result", "SectionSpec", "SiteLanguages", "Structure", "config_data", "load_project", "project_files",
    "read_structure", "required_labels", "structure_line",
]


# ---------------------------------------------------------------------------------------------
# The project
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Project:
    root: Path
    languages: tuple[str, ...]  # the original (default) first
    names: dict[str, str]  # each language's own name, as the language switcher shows it
    structure: Structure
    labels: Labels
    findings: tuple[Finding, ...] = ()  # warnings found while loading (labels that fall back)
    # lang → the languages its readers read next, in order (mkdocs.yml: the language entry's
    # `extra: {fallback: [th, en]}`); the original closes every chain.
    fallbacks: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def chain(self, lang: str) -> tuple[str, ...]:
        """`lang`, then its fallbacks, then the original: where its readers' words come from."""
        return tuple(dict.fromkeys((lang, *self.fallbacks.get(lang, ()), self.default_language)))

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(s.kind for s in self.structure.sections)

    def section(self, kind: str) -> SectionSpec:
        return next(s for s in self.structure.sections if s.kind == kind)

    @property
    def overview_src(self) -> dict[str, str]:
        return dict(self.structure.overviews)

    @property
    def profile_kinds(self) -> tuple[str, ...]:
        return tuple(s.kind for s in self.structure.sections if s.profile)

    def concept_src_uri(self, concept_id: str, kind: str, lang: str) -> str:
        """Where a concept's page lives below docs_dir."""
        return f"{lang}/{self.section(kind).folder}/{concept_id}.md"

    def guide_src_uri(self, guide_id: str, lang: str) -> str:
        """Where a guide lives below docs_dir."""
        return f"{lang}/{self.structure.guides}/{guide_id}.md"

    def page_url(self, src_uri: str, *, directory_urls: bool = True) -> str:
        """The URL (relative to the site root) the built site serves a source page at."""
        return urls.page_url(src_uri, self.default_language, directory_urls=directory_urls)


def load_project(root: Path | str, site: SiteLanguages | None = None) -> Project:
    """Read the handbook's languages, structure and labels from `root`; raise `HandbookError`.

    `site`: the languages as MkDocs' config holds them (a build: `handbook.buildstate`); without
    it they are read from `root`'s mkdocs.yml."""
    root = Path(root).resolve()
    findings: list[Finding] = []
    site = site if site is not None else declared_languages(root / CONFIG_FILE, findings)
    languages, names = languages_of(site, findings)
    fallbacks = fallbacks_of(site, languages, findings)
    structure = read_structure(root / STRUCTURE_FILE, findings)
    labels = load_labels(root / LABELS_DIR, languages, findings, display_root=root)
    labels = replace(labels, chains={lang: tuple(dict.fromkeys((lang, *fallbacks.get(lang, ()), languages[0])))
                                     for lang in languages})
    if structure is not None and labels.words.get(languages[0]):
        original = labels.words[languages[0]]
        for key in required_labels(structure):
            if key not in original:
                findings.append(Finding(f"{LABELS_DIR}/{languages[0]}.yml", 1,
                                        f"label '{key}' is missing: the handbook shows it (every "
                                        "language falls back to these words)"))
    if structure is not None:
        findings += structure_path_findings(root / STRUCTURE_FILE, structure, languages)
    errors = [f for f in findings if f.level == "error"]
    if errors or structure is None:
        raise HandbookError(errors)
    return Project(root, languages, names, structure, labels,
                   tuple(f for f in findings if f.level != "error"), fallbacks)


def required_labels(structure: Structure) -> list[str]:
    """The labels the original language must have: the generator's and those handbook.yml names."""
    from handbook.labels import GENERATOR_KEYS

    keys = list(GENERATOR_KEYS)
    keys += [f"section.{s.kind}" for s in structure.sections if not s.flat]
    if any(s.profile for s in structure.sections):
        keys += [f"compare.{aspect}" for aspect in ("aspect", "origin", "driver", "duration", "example", "note")]
    for checklist in structure.checklists:
        keys += [f"checklist.{checklist.id}", f"checklist.{checklist.id}.intro"]
        for concept in checklist.next_steps:
            keys += [f"result.next.{concept}", f"result.next.{concept}.link"]
    return keys


def project_files(root: Path) -> list[Path]:
    """The data files a project is read from (for caches that must notice a change)."""
    root = Path(root)
    labels = sorted((root / LABELS_DIR).glob("*.yml")) if (root / LABELS_DIR).is_dir() else []
    return [root / CONFIG_FILE, root / STRUCTURE_FILE, *labels]

