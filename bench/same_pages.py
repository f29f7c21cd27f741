"""Section 1's like-for-like row: vanilla given the very pages our build renders.

Vanilla on the same `docs/` converts each source page's Markdown body (the front matter is only
metadata to MkDocs): 40 pages. Our build makes 56 pages from the same sources (the checklists,
the glossary and the translation status are generated), and each has about five times the text
(the structured fields become the page: lead, points, questions, related concepts). Here vanilla
builds the Markdown our hooks hand to MkDocs (the last `on_page_markdown` writes it out), so both
sides convert the same text into the same pages; what is left of the difference is the cost of
the handbook's own work (the gate, the page policy and census, the cross-links and concept map,
the Thai search index, the installable app's files).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

#: A hook for the bench's copy alone: each page's Markdown as the handbook's hooks leave it.
DUMP_HOOK = '''\
import os
from pathlib import Path

from mkdocs.plugins import event_priority


@event_priority(-10000)
def on_page_markdown(markdown, *, page, config, files):
    target = Path(os.environ["HANDBOOK_BENCH_DUMP"], page.file.src_uri)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(markdown, encoding="utf-8")
'''


def same_pages_docs(project: Path, work: Path, site: Path, build: Callable[..., float]) -> tuple[Path, float]:
    """(a `docs/` of the pages our build of `project` renders, as Markdown after our hooks; the
    seconds of that build). It is a whole build of ours into `site`, so the bench takes it as the
    first build that fills the caches; writing out the pages adds a few milliseconds to it."""
    dump = work / f"same-pages-docs-{project.name}"
    shutil.rmtree(dump, ignore_errors=True)
    (project / "bench_dump.py").write_text(DUMP_HOOK, encoding="utf-8")
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    if "\nhooks:\n" not in config:
        raise SystemExit("bench: mkdocs.yml has no `hooks:` list to add the page dump to")
    (project / "dump.yml").write_text(config.replace("\nhooks:\n", "\nhooks:\n  - bench_dump.py\n", 1),
                                      encoding="utf-8")
    seconds = build(project, "dump.yml", site, {"HANDBOOK_BENCH_DUMP": str(dump)})
    return dump, seconds
