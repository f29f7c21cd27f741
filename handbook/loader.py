"""Read and validate every page of the handbook (`docs/<lang>/**.md`) into a `Handbook`.

Nothing here knows about MkDocs. `load_handbook()` reads every page, validates its front matter
against the schema, then checks what only the whole handbook can tell (duplicate ids, unknown
related ids, language mismatches). All problems are collected and raised together as one
`HandbookError`, each naming the file and line.
"""

from __future__ import annotations

from pathlib import Path

from handbook.findings import Finding, HandbookError
from handbook.memo import Memo
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
from handbook.project import Project, load_project
from handbook.sources import display_path, page_paths

#: Importable from here, where the hooks and the checks have always found them.
__all__ = [
    "ITEM_WORDS", "MAX_PAGE_BYTES", "MKDOCS_FRONT_MATTER", "Concept", "Handbook", "Page",
    "ambiguous_front_matter", "describe_field", "display_path", "load_handbook", "read_page",
    "relative_url", "resolve_url", "split_front_matter",
]

# ---------------------------------------------------------------------------------------------
# Reading the whole handbook
# ---------------------------------------------------------------------------------------------


def load_handbook(docs_dir: Path | str, project: Project | None = None,
                  memo: Memo | None = None) -> Handbook:
    """Read, validate and cross-check every page below `docs_dir`; raise `HandbookError`.

    `project` (languages, structure, labels) is read from the folder above `docs_dir` unless
    given; the handbook carries it (`Handbook.project`, `Handbook.labels`). `memo`: pages read
    by earlier builds (`handbook.memo`)."""
    docs_dir = Path(docs_dir).resolve()
    project = project or load_project(docs_dir.parent)
    findings: list[Finding] = []
    pages: dict[str, Page] = {}
    unreadable: set[str] = set()
    for lang in project.languages:
        for path in page_paths(docs_dir, lang):
            result = read_page(path, docs_dir, memo)
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
