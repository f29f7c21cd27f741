"""Read and validate every page of the handbook (`docs/<lang>/**.md`) into a `Handbook`.

Nothing here knows about MkDocs. `load_handbook()` reads every page, validates its front matter
against the schema, then checks what only the whole handbook can tell (duplicate ids, unknown
related ids, language mismatches). All problems are collected and raised together as one
`HandbookError`, each naming the file and line.
"""

from __future__ import annotations

from pathlib import Path

from handbook.findings import Finding, HandbookError
from handbook.model.assemble import assemble
from handbook.model.data import Concept, Handbook, Page
from handbook.model.pages import (
    ITEM_WORDS,
    MAX_PAGE_BYTES,
    MKDOCS_FRONT_MATTER,
    ambiguous_front_matter,
    describe_field,
    read_page,
    split_front_matter,
)
from handbook.model.urls import relative_url, resolve_url
from handbook.project import Project, load_project, project_files
from handbook.sources import display_path, page_paths

#: Importable from here, where the hooks and the checks have always found them.
__all__ = [
    "ITEM_WORDS", "MAX_PAGE_BYTES", "MKDOCS_FRONT_MATTER", "Concept", "Handbook", "Page",
    "ambiguous_front_matter", "current_handbook", "describe_field", "display_path", "load_handbook",
    "load_handbook_cached", "read_page", "relative_url", "resolve_url", "split_front_matter",
]

# ---------------------------------------------------------------------------------------------
# Reading the whole handbook
# ---------------------------------------------------------------------------------------------


def load_handbook(docs_dir: Path | str, project: Project | None = None) -> Handbook:
    """Read, validate and cross-check every page below `docs_dir`; raise `HandbookError`.

    `project` (languages, structure, labels) is read from the folder above `docs_dir` unless
    given; the handbook carries it (`Handbook.project`, `Handbook.labels`)."""
    docs_dir = Path(docs_dir).resolve()
    project = project or load_project(docs_dir.parent)
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

    concepts, overviews, guides, more = assemble(list(pages.values()), unreadable, project)
    findings.extend(more)
    if any(f.level == "error" for f in findings):
        raise HandbookError([f for f in findings if f.level == "error"])
    return Handbook(docs_dir=docs_dir, concepts=concepts, overviews=overviews, pages=pages,
                    project=project, guides=guides)


# ---------------------------------------------------------------------------------------------
# Cache: hooks of several concerns ask for the handbook once per build and per language;
# `mkdocs serve` rebuilds in the same process. Re-read only when a source file changed.
# ---------------------------------------------------------------------------------------------

_CACHE: dict[Path, tuple[tuple, Handbook]] = {}


def _fingerprint(docs_dir: Path) -> tuple:
    stats = []
    for path in project_files(docs_dir.parent):
        if path.is_file():
            stat = path.stat()
            stats.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    for lang in sorted(p.name for p in docs_dir.iterdir() if p.is_dir()) if docs_dir.is_dir() else []:
        for path in page_paths(docs_dir, lang):
            stat = path.stat()
            stats.append((path.as_posix(), stat.st_mtime_ns, stat.st_size))
    return tuple(stats)


def load_handbook_cached(docs_dir: Path | str, project: Project | None = None) -> Handbook:
    """`load_handbook()`, re-read only when a page or data file was added, removed or changed
    (`project`, when the caller has read it already, is not read again)."""
    docs_dir = Path(docs_dir).resolve()
    fingerprint = _fingerprint(docs_dir)
    cached = _CACHE.get(docs_dir)
    if cached and cached[0] == fingerprint:
        return cached[1]
    handbook = load_handbook(docs_dir, project)
    _CACHE[docs_dir] = (fingerprint, handbook)
    return handbook


def current_handbook(docs_dir: Path | str) -> Handbook:
    """The handbook as last loaded, without re-checking the files.

    For per-page events: a build validates the sources once (`load_handbook_cached` in
    `on_files`); checking every file again for every page would make a build quadratic.
    """
    cached = _CACHE.get(Path(docs_dir).resolve())
    return cached[1] if cached else load_handbook_cached(docs_dir)

