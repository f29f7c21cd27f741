"""Read and validate every page of the handbook (`docs/<lang>/**.md`) into a `Handbook`.

Nothing here knows about MkDocs. `load_handbook()` reads every page, validates its front matter
against the schema, then checks what only the whole handbook can tell (duplicate ids, unknown
related ids, language mismatches). All problems are collected and raised together as one
`HandbookError`, each naming the file and line.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from handbook.findings import Finding, HandbookError
from handbook.limits import page_limit_findings
from handbook.messages import message as translated
from handbook.project import Project, active_project, load_project, use_project
from handbook.schema import (
    MKDOCS_META_KEYS,
    RESERVED_IDS,
    ConceptFrontMatter,
    GuideFrontMatter,
    OverviewFrontMatter,
)
from handbook.sources import display_path, page_paths
from handbook.yamlsafe import FrontMatterError, line_at, parse_front_matter

# ---------------------------------------------------------------------------------------------
# Data
# ---------------------------------------------------------------------------------------------


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

    def page(self, lang: str) -> Page:
        """The page in `lang`, falling back along its chain (the original last) when not
        translated yet."""
        return self.pages.get(lang) or next(
            (self.pages[code] for code in active_project().chain(lang) if code in self.pages),
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

    def by_kind(self, kind: str | None) -> list[Concept]:
        return [c for c in self.concepts.values() if c.kind == kind]


# ---------------------------------------------------------------------------------------------
# Paths and URLs
# ---------------------------------------------------------------------------------------------


def concept_src_uri(concept_id: str, kind: str, lang: str) -> str:
    """Where a concept's page lives below docs_dir."""
    return f"{lang}/{active_project().section(kind).folder}/{concept_id}.md"


def guide_src_uri(guide_id: str, lang: str) -> str:
    """Where a guide lives below docs_dir."""
    return f"{lang}/{active_project().structure.guides}/{guide_id}.md"


def page_url(src_uri: str, *, directory_urls: bool = True) -> str:
    """The URL (relative to the site root) that the built site serves a source page at.

    The default language sits at the root, other languages under `/<lang>/`. With directory
    URLs a page is `x/`; without them (the offline copy) it is `x.html`, a section `s/index.html`.
    """
    lang, _, rest = src_uri.partition("/")
    stem = rest[: -len(".md")]
    if not directory_urls:
        path = stem + ".html"
    elif stem == "index":
        path = ""
    elif stem.endswith("/index"):
        path = stem[: -len("index")]
    else:
        path = stem + "/"
    return path if lang == active_project().default_language else f"{lang}/{path}"


def concept_url(concept: Concept, lang: str, *, directory_urls: bool = True) -> str:
    return page_url(concept_src_uri(concept.id, concept.kind, lang), directory_urls=directory_urls)


# ---------------------------------------------------------------------------------------------
# Reading one page
# ---------------------------------------------------------------------------------------------


#: MkDocs' own front-matter pattern (`mkdocs.utils.meta.YAML_RE`, MkDocs 1.6), copied so that the
#: content model imports no MkDocs; `tests/test_input_limits.py` holds the copy to the original.
MKDOCS_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, body's first line), or None when there is no front matter.

    The split is MkDocs' own (`MKDOCS_FRONT_MATTER`, on the text as MkDocs reads it: CRLF
    and CR as new lines, body without its leading blank lines), so that `make check`, the
    loader and the build read one and the same front matter and body. A page whose front matter
    another reader could end elsewhere is refused by `ambiguous_front_matter()`.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = MKDOCS_FRONT_MATTER.match(text)
    if match is None:
        return None
    rest = text[match.end() :]
    body = rest.lstrip("\n")
    body_line = text.count("\n", 0, match.end()) + len(rest) - len(body) + 1
    return match.group(1), body, body_line


#: Lines inside front matter that one reader or another takes for its end (`---`, `...`), or for
#: a YAML document's start or end: an indented `    ---` ends a naive reader's front matter, not
#: MkDocs'; a page must not be read two ways.
_DELIMITER_LIKE = re.compile(r"^[ \t]*(?:-{3}|\.{3})(?:[ \t].*)?$")


def ambiguous_front_matter(front: str, first_line: int) -> tuple[int, str] | None:
    """(line, message) when a line of `front` could be read as the end of the front matter."""
    for number, line in enumerate(front.split("\n"), start=first_line):
        if _DELIMITER_LIKE.match(line):
            return number, (f"line '{line.strip()[:20]}' inside the front matter looks like its "
                            "end ('---' or '...'); another reader would end the front matter here: "
                            "remove the line, or quote the text")
    return None


#: A page larger than this is not a handbook page (the largest real one is under 8 KiB).
MAX_PAGE_BYTES = 512 * 1024


def read_page(path: Path, docs_dir: Path) -> Page | list[Finding]:
    """Read and validate one page; return it, or the findings that stop it."""
    display = display_path(path, docs_dir)
    src_uri = path.relative_to(docs_dir).as_posix()
    lang = src_uri.split("/", 1)[0]

    raw = path.read_bytes()
    if len(raw) > MAX_PAGE_BYTES:
        return [Finding(display, 1, f"page is {len(raw) // 1024} KiB; at most "
                                    f"{MAX_PAGE_BYTES // 1024} KiB is allowed (split the page)")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [Finding(display, line, f"not valid UTF-8 (byte {err.start}); save the file as UTF-8")]
    if not text.strip():
        return [Finding(display, 1, "empty file; a page needs YAML front matter between '---' lines")]

    if text.startswith("\ufeff"):
        return [Finding(display, 1, "the file starts with a byte-order mark (BOM); save it as "
                                    "UTF-8 without BOM")]
    split = split_front_matter(text)
    if split is None:
        if text.startswith("---"):
            return [Finding(display, 1, "front matter is not closed: end it with a line '---' "
                                        "(at the start of the line, followed by the body)")]
        return [Finding(display, 1, "no front matter; a page starts with '---', YAML, '---'")]
    front, body, body_line = split
    if ambiguous := ambiguous_front_matter(front, 2):
        return [Finding(display, *ambiguous)]
    closing = front.count("\n") + 2
    if text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[closing - 1].startswith("..."):
        return [Finding(display, closing, "front matter ends with '...'; end it with '---' (other "
                                          "readers do not take '...' for its end)")]

    try:
        # Parsed on our own split of the file, so that YAML errors and field lines are counted
        # from the file's first line.
        data, lines = parse_front_matter(front, first_line=2)
    except FrontMatterError as err:
        return [Finding(display, line, text) for line, text in err.problems]
    if not isinstance(data, dict) or not data:
        return [Finding(display, 1, "front matter must be a YAML mapping of fields")]
    if limits := page_limit_findings(text, body, body_line):
        return [Finding(display, line, message) for line, message in limits]

    model: type[ConceptFrontMatter | GuideFrontMatter | OverviewFrontMatter]
    if "overview" in data:
        model = OverviewFrontMatter
    elif data.get("kind") == "guide":
        model = GuideFrontMatter
    else:
        model = ConceptFrontMatter
    try:
        meta = model.model_validate(data)
    except ValidationError as err:
        return [_finding_from_error(display, lines, e, data) for e in err.errors()]

    return Page(
        path=path,
        display_path=display,
        src_uri=src_uri,
        lang=lang,
        meta=meta,
        body=body,
        body_line=body_line,
        field_lines=lines,
    )


#: How a message names an entry of a list field: "point 2 (id regular-activities)".
ITEM_WORDS = {"points": "point", "checklist": "checklist item", "related": "related concept",
              "synonyms": "synonym"}


def describe_field(loc: tuple, data: object = None) -> str:
    """A field as a contributor counts it: list entries from 1, with their id where they have one
    ("point 2 (id regular-activities), field 'text'"), other fields by name ("field 'terms.en'")."""
    if len(loc) >= 2 and loc[0] in ITEM_WORDS and isinstance(loc[1], int):
        entries = data.get(loc[0]) if isinstance(data, dict) else None
        entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
        ident = entry.get("id") if isinstance(entry, dict) else None
        head = f"{ITEM_WORDS[loc[0]]} {loc[1] + 1}" + (f" (id {ident})" if isinstance(ident, str) else "")
        rest = ".".join(str(p) for p in loc[2:])
        return f"{head}, field '{rest}'" if rest else head
    return f"field '{'.'.join(str(p) for p in loc) or 'front matter'}'"


def _finding_from_error(display: str, lines: dict, error: dict, data: object = None) -> Finding:
    loc = tuple(error["loc"])
    # Pydantic appends the union/literal tag to some locations; keep only real field names.
    loc = tuple(p for p in loc if isinstance(p, int) or not str(p).startswith("function-"))
    line = line_at(lines, loc)
    message = error["msg"]
    if error["type"] == "missing":
        message = translated("schema.missing")
    elif error["type"] == "extra_forbidden" and len(loc) == 1 and loc[0] in MKDOCS_META_KEYS:
        message = ("MkDocs or the theme would act on this field (another template, hidden "
                   "navigation or search...); pages may not set it: remove it")
    elif error["type"] == "extra_forbidden":
        message = translated("schema.unknown")
    elif error["type"] == "string_pattern_mismatch":
        message = translated("schema.slug")
    message = message.removeprefix("Value error, ")
    return Finding(display, line, f"{describe_field(loc, data)}: {message}")


# ---------------------------------------------------------------------------------------------
# Reading the whole handbook
# ---------------------------------------------------------------------------------------------


def load_handbook(docs_dir: Path | str, project: Project | None = None) -> Handbook:
    """Read, validate and cross-check every page below `docs_dir`; raise `HandbookError`.

    `project` (languages, structure, labels) is read from the folder above `docs_dir` unless
    given; it becomes the project in use (`handbook.project.active_project()`)."""
    docs_dir = Path(docs_dir).resolve()
    project = project or load_project(docs_dir.parent)
    use_project(project)
    findings: list[Finding] = []
    pages: dict[str, Page] = {}
    unreadable: set[str] = set()
    for lang in project.languages:
        for path in page_paths(docs_dir, lang):
            result = read_page(path, docs_dir)
            if isinstance(result, Page):
                pages[result.src_uri] = result
            else:
                findings.extend(result)
                unreadable.add(path.relative_to(docs_dir).as_posix())

    concepts, overviews, more = _assemble(pages.values(), unreadable, project)
    findings.extend(more)
    guides, more = _assemble_guides(pages.values(), project)
    findings.extend(more)
    if any(f.level == "error" for f in findings):
        raise HandbookError([f for f in findings if f.level == "error"])
    return Handbook(docs_dir=docs_dir, concepts=concepts, overviews=overviews, pages=pages,
                    project=project, guides=guides)


def _assemble_guides(pages, project: Project) -> tuple[dict[str, dict[str, Page]], list[Finding]]:
    """Guides by id and language, in the original's `order`; each must live at its id."""
    findings: list[Finding] = []
    default = project.default_language
    by_id: dict[str, dict[str, Page]] = {}
    for page in pages:
        meta = page.meta
        if not isinstance(meta, GuideFrontMatter):
            continue
        expected = guide_src_uri(meta.id, page.lang)
        if page.src_uri != expected:
            findings.append(Finding(page.display_path, page.line_of("id"),
                                    f"guide '{meta.id}' must live at docs/{expected} "
                                    "(the id is its file name)"))
            continue
        by_id.setdefault(meta.id, {})[page.lang] = page
    guides: dict[str, dict[str, Page]] = {}
    for guide_id, by_lang in by_id.items():
        if default not in by_lang:
            page = next(iter(by_lang.values()))
            findings.append(Finding(page.display_path, page.line_of("id"),
                                    f"guide '{guide_id}' has no original ('{default}') page at "
                                    f"docs/{guide_src_uri(guide_id, default)}"))
            continue
        guides[guide_id] = by_lang
    ordered = dict(sorted(guides.items(), key=lambda kv: (kv[1][default].meta.order, kv[0])))
    return ordered, findings


def _assemble(
    pages, unreadable: set[str], project: Project
) -> tuple[dict[str, Concept], dict[str, dict[str, Page]], list[Finding]]:
    # A page that could not be read is reported once; what depends on it (its translation,
    # links to its id) is not reported again as a second, misleading error.
    unreadable_ids = {uri.rsplit("/", 1)[-1].removesuffix(".md") for uri in unreadable}
    findings: list[Finding] = []
    by_id: dict[str, dict[str, Page]] = {}
    overviews: dict[str, dict[str, Page]] = {}

    for page in pages:
        meta = page.meta
        if isinstance(meta, GuideFrontMatter):
            continue  # `_assemble_guides`
        if isinstance(meta, OverviewFrontMatter):
            if meta.overview not in project.overview_src:
                findings.append(
                    Finding(page.display_path, page.line_of("overview"),
                            f"field 'overview': unknown overview '{meta.overview}' (handbook.yml "
                            f"lists: {', '.join(project.overview_src)})")
                )
                continue
            expected = f"{page.lang}/{project.overview_src[meta.overview]}"
            same = overviews.setdefault(meta.overview, {})
            if page.src_uri != expected:
                findings.append(
                    Finding(page.display_path, page.line_of("overview"),
                            f"the '{meta.overview}' overview lives at docs/{expected}"
                            + (f" (this page would replace {same[page.lang].display_path})"
                               if page.lang in same else ""))
                )
                continue
            same[page.lang] = page
            continue
        kind_problems = _check_kind(page, meta, project)
        findings.extend(kind_problems)
        if any(f.level == "error" for f in kind_problems):
            unreadable_ids.add(meta.id)  # its translations and links are not reported again
            continue
        if meta.id in RESERVED_IDS:
            findings.append(
                Finding(page.display_path, page.line_of("id"),
                        f"field 'id': '{meta.id}' is reserved: the page would replace the "
                        f"section overview docs/{concept_src_uri(meta.id, meta.kind, page.lang)}")
            )
            continue
        expected = concept_src_uri(meta.id, meta.kind, page.lang)
        if page.src_uri != expected:
            findings.append(
                Finding(page.display_path, page.line_of("id"),
                        f"concept '{meta.id}' of kind '{meta.kind}' must live at "
                        f"docs/{expected} (the id is its file name)")
            )
            continue
        same = by_id.setdefault(meta.id, {})
        if page.lang in same:
            findings.append(
                Finding(page.display_path, page.line_of("id"),
                        f"field 'id': duplicate concept id '{meta.id}' "
                        f"(also {same[page.lang].display_path})")
            )
            continue
        same[page.lang] = page
        findings.extend(_check_unique_ids(page, meta))

    concepts: dict[str, Concept] = {}
    default = project.default_language
    for concept_id, by_lang in by_id.items():
        if default not in by_lang:
            page = next(iter(by_lang.values()))
            if concept_id in unreadable_ids:
                continue
            findings.append(
                Finding(page.display_path, page.line_of("id"),
                        f"concept '{concept_id}' has no original ('{default}') page at "
                        f"docs/{concept_src_uri(concept_id, page.meta.kind, default)}")
            )
            continue
        original = by_lang[default].meta
        concepts[concept_id] = Concept(concept_id, original.kind, original.order, by_lang, default)

    # Related ids must name real concepts (on every language's page).
    for concept in concepts.values():
        for page in concept.pages.values():
            for index, related in enumerate(page.meta.related):
                if related not in concepts:
                    if related in unreadable_ids:
                        continue
                    findings.append(
                        Finding(page.display_path, page.line_of("related", index),
                                f"field 'related': unknown concept '{related}'"
                                f"{_suggest(related, concepts)}")
                    )
                elif related == concept.id:
                    findings.append(
                        Finding(page.display_path, page.line_of("related", index),
                                "field 'related': a concept cannot be related to itself")
                    )

    ordered = dict(
        sorted(concepts.items(), key=lambda kv: (project.kinds.index(kv[1].kind), kv[1].order, kv[0]))
    )
    return ordered, overviews, findings


def _check_kind(page: Page, meta: ConceptFrontMatter, project: Project) -> list[Finding]:
    """What handbook.yml says of the page's kind: that it exists, and whether it has a profile."""
    if meta.kind not in project.kinds:
        return [Finding(page.display_path, page.line_of("kind"),
                        f"field 'kind': unknown kind '{meta.kind}' (handbook.yml's sections: "
                        f"{', '.join(project.kinds)}){_suggest(meta.kind, project.kinds)}")]
    findings = []
    if meta.kind in project.profile_kinds and meta.profile is None:
        findings.append(Finding(page.display_path, page.line_of("kind"),
                                f"a '{meta.kind}' page needs a 'profile' (origin, driver, duration, example)"))
    if meta.kind not in project.profile_kinds and meta.profile is not None:
        findings.append(Finding(page.display_path, page.line_of("profile"),
                                f"field 'profile': only pages of kind "
                                f"{', '.join(repr(k) for k in project.profile_kinds) or '(none)'} have a 'profile'"))
    if project.default_language not in meta.terms:
        findings.append(Finding(page.display_path, page.line_of("terms"),
                                f"field 'terms': the original language's term "
                                f"('{project.default_language}') is required"))
    unknown = [lang for lang in meta.terms if lang not in project.languages]
    if unknown:
        findings.append(Finding(page.display_path, page.line_of("terms", unknown[0]),
                                f"field 'terms': '{unknown[0]}' is not a language of this handbook "
                                f"({', '.join(project.languages)})", "warning"))
    return findings


def _check_unique_ids(page: Page, meta: ConceptFrontMatter) -> list[Finding]:
    findings = []
    for field_name in ("points", "checklist"):
        seen: set[str] = set()
        for index, item in enumerate(getattr(meta, field_name)):
            if item.id in seen:
                findings.append(
                    Finding(page.display_path, page.line_of(field_name, index, "id"),
                            f"{ITEM_WORDS[field_name]} {index + 1}, field 'id': duplicate id '{item.id}'")
                )
            seen.add(item.id)
    return findings


def _suggest(word: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def _url_folder(url: str) -> str:
    """The folder a site-root-relative page URL's links are relative to."""
    return url if url.endswith("/") else posixpath.dirname(url)


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one site-root-relative URL to another (directory or .html URLs)."""
    rel = posixpath.relpath(to_url or ".", _url_folder(from_url) or ".")
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def resolve_url(from_url: str, href: str) -> str:
    """The site-root-relative URL a relative link on page `from_url` points to ('' for the root)."""
    target = posixpath.normpath(posixpath.join(_url_folder(from_url), href.split("#")[0]))
    return "" if target == "." else target
