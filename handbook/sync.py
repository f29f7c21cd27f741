"""`make sync-translation PAGE=…`: record in a translated page the hash of its original.

A refusal is a `SyncRefused` carrying the one line to show (`path:line: error: …` or
`path: …`); the command line (`handbook.check --sync`) prints it and exits 1.
"""

from __future__ import annotations

from pathlib import Path

from handbook.loader import read_page
from handbook.parity import untranslated_reason
from handbook.project import load_project
from handbook.translation import original_of, set_source_hash, source_hash


class SyncRefused(Exception):
    """The page was not synced; `str()` is the message for the person who asked."""


def sync(page: Path, docs_dir: Path, *, force: bool = False) -> str:
    """Record the Thai original's hash in translated `page`; return a one-line report.

    A page that is still mostly the original is refused (syncing would mark a copy as
    translated) unless `force`: names and numbers that really are the same in both languages."""
    if not page.is_file():
        raise SyncRefused(f"{page}: no such file")
    try:
        project = load_project(docs_dir.resolve().parent)
        if page.resolve().relative_to(docs_dir.resolve()).parts[0] == project.default_language:
            raise SyncRefused(f"{page}: this is an original page; sync a translation")
    except ValueError:
        raise SyncRefused(f"{page}: not inside {docs_dir}") from None
    original = original_of(page, docs_dir, default_language=project.default_language)
    if not original.is_file():
        raise SyncRefused(f"{page}: its original {original} does not exist")
    result = read_page(page, docs_dir)
    if isinstance(result, list):
        raise SyncRefused(str(result[0]))
    if not force:
        source = read_page(original, docs_dir)
        reason = None if isinstance(source, list) else untranslated_reason(
            result, source, project.labels.words.get(result.lang, {}))
        if reason:
            raise SyncRefused(f"{result.display_path}:{result.line_of('title')}: error: not synced: "
                              f"this page is still mostly the original ({reason}). Translate it "
                              f"first; if the texts really are the same in both languages (names, "
                              f"numbers), run make sync-translation PAGE={page} FORCE=1")
    new_hash = source_hash(original.read_text(encoding="utf-8"))
    text = page.read_text(encoding="utf-8")
    updated = set_source_hash(text, new_hash)
    if updated != text:
        page.write_text(updated, encoding="utf-8", newline="")
    return f"{page}: translation.source_hash = {new_hash} ({original})"
