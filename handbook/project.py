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

import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    model_validator,
)

from handbook.findings import Finding, HandbookError
from handbook.labels import Labels, load_labels
from handbook.schema import Slug, Text
from handbook.yamlsafe import FrontMatterError, line_at, parse_front_matter

STRUCTURE_FILE = "handbook.yml"
CONFIG_FILE = "mkdocs.yml"
LABELS_DIR = "labels"

Result = Literal["none", "chart", "type"]


# ---------------------------------------------------------------------------------------------
# handbook.yml
# ---------------------------------------------------------------------------------------------


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
        from handbook.urls import page_url

        return page_url(src_uri, self.default_language, directory_urls=directory_urls)


def load_project(root: Path | str) -> Project:
    """Read the handbook's languages, structure and labels from `root`; raise `HandbookError`."""
    root = Path(root).resolve()
    findings: list[Finding] = []
    languages, names = read_languages(root / CONFIG_FILE, findings)
    fallbacks = read_fallbacks(root / CONFIG_FILE, languages, findings)
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
        findings += _structure_path_findings(root / STRUCTURE_FILE, structure, languages)
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


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: `!ENV [NAME, default]` reads as its default (or the variable), and
    Python tags (`!!python/name:…`) as nothing — only the languages are wanted from it."""


def _env(loader: yaml.SafeLoader, node: yaml.Node):
    import os

    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    values = loader.construct_sequence(node)
    for name in values[:-1]:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return values[-1] if len(values) > 1 else None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def config_data(config_file: Path) -> dict:
    """mkdocs.yml as data, read as `_ConfigLoader` reads it (raises OSError, yaml.YAMLError)."""
    data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)  # noqa: S506 (safe loader)
    return data if isinstance(data, dict) else {}


def read_languages(config_file: Path, findings: list[Finding]) -> tuple[tuple[str, ...], dict[str, str]]:
    """The languages mkdocs-static-i18n builds, the default first, and their names."""
    display = config_file.name
    try:
        config = config_data(config_file)
    except FileNotFoundError:
        findings.append(Finding(display, 1, "no mkdocs.yml beside docs/: the languages are read from it"))
        return ("en",), {"en": "English"}
    except yaml.YAMLError as err:
        line = err.problem_mark.line + 1 if getattr(err, "problem_mark", None) else 1
        findings.append(Finding(display, line, f"not valid YAML: {getattr(err, 'problem', err)}"))
        return ("en",), {"en": "English"}
    entries = []
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict):
            entries = plugin["i18n"].get("languages") or []
    theme = config.get("theme") if isinstance(config.get("theme"), dict) else {}
    if not entries:  # one language: the theme's
        lang = str(theme.get("language") or "en")
        return (lang,), {lang: lang}
    codes: list[str] = []
    names: dict[str, str] = {}
    default = None
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("locale"), str):
            findings.append(Finding(display, 1, "i18n: every language needs a 'locale'"))
            continue
        code = entry["locale"]
        if code == "null" or entry.get("build") is False:
            continue
        codes.append(code)
        names[code] = str(entry.get("name") or code)
        if entry.get("default"):
            default = code
    if not codes:
        findings.append(Finding(display, 1, "i18n: no language is built"))
        return ("en",), {"en": "English"}
    default = default or codes[0]
    return (default, *[c for c in codes if c != default]), names


def read_fallbacks(config_file: Path, languages: tuple[str, ...],
                   findings: list[Finding]) -> dict[str, tuple[str, ...]]:
    """Each language's fallback chain: `extra: {fallback: [th, en]}` in its i18n entry.

    A Lao reader who cannot have Lao reads Thai before English; a Khmer reader, English. Notices,
    interface words and untranslated pages come from the first language of the chain that has
    them (the original closes every chain)."""
    try:
        text = config_file.read_text(encoding="utf-8")
        config = yaml.load(text, Loader=_ConfigLoader) or {}
    except (OSError, yaml.YAMLError):
        return {}  # reported by read_languages
    chains: dict[str, tuple[str, ...]] = {}
    for plugin in config.get("plugins") or []:
        if not (isinstance(plugin, dict) and isinstance(plugin.get("i18n"), dict)):
            continue
        for entry in plugin["i18n"].get("languages") or []:
            extra = entry.get("extra") if isinstance(entry, dict) else None
            if not isinstance(extra, dict) or "fallback" not in extra:
                continue
            chain = extra["fallback"]
            chain = [chain] if isinstance(chain, str) else chain
            line = _line_of_fallback(text, str(entry.get("locale")))
            if not isinstance(chain, list) or not all(isinstance(c, str) for c in chain):
                findings.append(Finding(config_file.name, line, f"i18n: language '{entry.get('locale')}': "
                                        "'fallback' is a list of language codes, e.g. [th, en]"))
                continue
            unknown = [c for c in chain if c not in languages]
            if unknown:
                findings.append(Finding(config_file.name, line,
                                        f"i18n: language '{entry.get('locale')}': fallback '{unknown[0]}' "
                                        f"is not a language of this handbook ({', '.join(languages)})"))
                continue
            chains[str(entry.get("locale"))] = tuple(c for c in chain if c != entry.get("locale"))
    return chains


def _line_of_fallback(text: str, code: str) -> int:
    """The line of `fallback` in language `code`'s entry of mkdocs.yml (else of the entry)."""
    import re

    lines = text.splitlines()
    start = next((n for n, t in enumerate(lines, 1) if re.search(rf"locale:\s*{re.escape(code)}\b", t)), 1)
    return next((n for n, t in enumerate(lines, 1) if n >= start and "fallback" in t), start)


def _line_naming(text: str, message: str) -> int:
    """The first line whose value is the last quoted word of `message` ('elemnt'), else 1."""
    import re

    for word in reversed(re.findall(r"'([^']+)'", message)):
        for number, line in enumerate(text.splitlines(), start=1):
            if re.search(r"[:\[,\s]\s*" + re.escape(word) + r"\s*(?:[,\]#]|$)", line):
                return number
    return 1


def _structure_path_findings(path: Path, structure: Structure, languages: tuple[str, ...]) -> list[Finding]:
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


def project_files(root: Path) -> list[Path]:
    """The data files a project is read from (for caches that must notice a change)."""
    root = Path(root)
    labels = sorted((root / LABELS_DIR).glob("*.yml")) if (root / LABELS_DIR).is_dir() else []
    return [root / CONFIG_FILE, root / STRUCTURE_FILE, *labels]
