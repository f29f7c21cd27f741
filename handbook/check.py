"""`make check`: validate every source page without building the site.

    python -m handbook.check [--strict] [--json] [--docs DOCS]

Errors: files that may not be published (symlinks, .html, script in .svg), pages at generated
paths, schema, YAML beyond plain content, duplicate and unknown ids, unknown markers, broken
internal links, Thai text lint, HTML outside the allowlist, translation parity. Warnings: missing and outdated translations (errors with
--strict). One line per finding, `path:line[:column]: level: message`, grouped by file, then a
summary. Exit status 1 when there are errors (or warnings with --strict), else 0.

    python -m handbook.check --sync PAGE

records in a translated page the hash of its Thai original (`make sync-translation PAGE=...`).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from handbook.checklists import build_checklists, unused_item_findings
from handbook.copies import original_script_findings
from handbook.emendations import emendation_findings
from handbook.findings import Finding, HandbookError
from handbook.generated import generated_pages, generated_targets, reserved_path_findings
from handbook.lint import lint_text
from handbook.loader import Handbook, display_path, load_handbook
from handbook.memo import Memo, recall
from handbook.pagechecks import (
    dictionary_findings,
    html_findings,
    lead_findings,
    link_findings,
    orphaned_tick_findings,
    translation_findings,
)
from handbook.parity import parity_findings, untranslated_findings
from handbook.project import SiteLanguages, load_project
from handbook.render import find_marker_errors
from handbook.reserved import reserved_findings
from handbook.sources import page_paths, source_findings
from handbook.sync import SyncRefused, sync
from handbook.ticks import next_step_findings, renamed_checklist_findings


def collect_findings(docs_dir: Path, *, warnings: bool = True) -> list[Finding]:
    """Every finding for the handbook below `docs_dir` (never raises for bad content).

    `warnings=False` skips the checks that can only warn (they read git history): the build's
    gate needs only the errors.
    """
    return check_handbook(docs_dir, warnings=warnings)[0]


def check_handbook(docs_dir: Path, *, warnings: bool = True, site: SiteLanguages | None = None,
                   memo: Memo | None = None) -> tuple[list[Finding], Handbook | None]:
    """(every finding, the handbook it loaded or None): the build's gate keeps the handbook it
    checked, so that no page is read twice. `site`: the languages from MkDocs' config (a build).
    `memo`: what earlier builds found of the same bytes (`handbook.memo`)."""
    try:
        project = load_project(Path(docs_dir).resolve().parent, site)
    except HandbookError as err:
        return err.findings, None  # without its languages and sections, the pages cannot be judged
    findings: list[Finding] = list(project.findings) if warnings else []
    findings += source_findings(docs_dir, project.languages)
    findings += reserved_path_findings(docs_dir, project.languages)
    findings += reserved_findings(docs_dir, project.languages,
                                  {lang: generated_pages(lang) for lang in project.languages})
    for path in (p for lang in project.languages for p in page_paths(docs_dir, lang)):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # reported by the loader with its line
        display = display_path(path, docs_dir)
        findings += recall(memo, ("lint", display, text), _lint, display, text, keep=lambda found: not found)

    try:
        handbook = load_handbook(docs_dir, project, memo)
    except HandbookError as err:
        return findings + err.findings, None
    # Item ids must be unique within each checklist; a checklist must draw from real concepts.
    try:
        checklists = build_checklists(handbook)
    except HandbookError as err:
        findings += err.findings
        checklists = []
    targets = generated_targets(checklists)
    for page in handbook.pages.values():
        findings += find_marker_errors(page)
        findings += html_findings(page)
        findings += link_findings(handbook, page, docs_dir, targets)
    findings += lead_findings(handbook)
    findings += next_step_findings(handbook, checklists, targets)
    findings += parity_findings(handbook)
    findings += emendation_findings(handbook)
    if warnings:
        findings += untranslated_findings(handbook)
    if warnings:
        findings += translation_findings(handbook)
        findings += orphaned_tick_findings(handbook)
        findings += renamed_checklist_findings(handbook)
        findings += original_script_findings(handbook)
        findings += unused_item_findings(handbook)
        findings += dictionary_findings(docs_dir)
    return findings, handbook


def _lint(display: str, text: str) -> list[Finding]:
    return list(lint_text(display, text))


# ---------------------------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------------------------


def format_report(findings: list[Finding]) -> str:
    # One line per finding, no blank lines between files: a blank line reads as a break in the
    # output, and every line names its file already.
    lines = [str(f) for f in sorted(findings, key=lambda f: (f.path, f.line, f.column or 0))]
    errors = sum(f.level == "error" for f in findings)
    warnings = len(findings) - errors
    files = len({f.path for f in findings})
    lines.append(f"{errors} error(s), {warnings} warning(s) in {files} file(s)" if findings
                 else "no problems found")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    parser.add_argument("--strict", action="store_true", help="warnings are errors too")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--sync", metavar="PAGE", help="mark a translated page as up to date")
    parser.add_argument("--force", action="store_true",
                        help="with --sync: also a page whose texts are still the original's")
    args = parser.parse_args(argv)
    docs_dir = Path(args.docs)
    if not docs_dir.is_dir():
        print(f"{docs_dir}: no such folder", file=sys.stderr)
        return 2
    if args.sync:
        try:
            print(sync(Path(args.sync), docs_dir, force=args.force))
        except SyncRefused as err:
            print(err, file=sys.stderr)
            return 1
        return 0

    findings = collect_findings(docs_dir)
    failing = [f for f in findings if f.level == "error" or args.strict]
    if args.json:
        print(json.dumps({
            "findings": [
                {"path": f.path, "line": f.line, "column": f.column, "level": f.level, "message": f.message}
                for f in sorted(findings, key=lambda f: (f.path, f.line, f.column or 0))
            ],
            "errors": sum(f.level == "error" for f in findings),
            "warnings": sum(f.level == "warning" for f in findings),
        }, ensure_ascii=False, indent=2))
    else:
        print(format_report(findings))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
