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
import posixpath
import re
import sys
from pathlib import Path

from handbook.checklists import Checklist, build_checklists, unused_item_findings
from handbook.copies import original_script_findings
from handbook.emendations import emendation_findings
from handbook.findings import Finding, HandbookError
from handbook.glossary import GLOSSARY_SRC
from handbook.history import previous_folder
from handbook.lint import invisible_problem, lint_text
from handbook.loader import (
    Handbook,
    Page,
    describe_field,
    display_path,
    load_handbook,
    read_page,
    split_front_matter,
)
from handbook.project import load_project, use_project
from handbook.render import find_marker_errors
from handbook.reserved import reserved_findings
from handbook.sanitize import markdown_findings, text_problem
from handbook.schema import ConceptFrontMatter
from handbook.sources import page_paths, source_findings
from handbook.ticks import next_step_findings, renamed_checklist_findings
from handbook.translation import (
    STATUS_SRC,
    changed_ids_since,
    changes_since,
    original_of,
    parity_findings,
    set_source_hash,
    source_hash,
    translation_status,
    untranslated_findings,
    untranslated_reason,
)
from handbook.yamlsafe import FrontMatterError, parse_front_matter

LINK = re.compile(r"\]\(([^)\s]+)\)")


def collect_findings(docs_dir: Path, *, warnings: bool = True) -> list[Finding]:
    """Every finding for the handbook below `docs_dir` (never raises for bad content).

    `warnings=False` skips the checks that can only warn (they read git history): the build's
    gate needs only the errors.
    """
    return check_handbook(docs_dir, warnings=warnings)[0]


def check_handbook(docs_dir: Path, *, warnings: bool = True) -> tuple[list[Finding], Handbook | None]:
    """(every finding, the handbook it loaded or None): the build's gate keeps the handbook it
    checked, so that no page is read twice."""
    try:
        project = load_project(Path(docs_dir).resolve().parent)
    except HandbookError as err:
        return err.findings, None  # without its languages and sections, the pages cannot be judged
    findings: list[Finding] = list(project.findings) if warnings else []
    findings += source_findings(docs_dir, project.languages)
    findings += _reserved_path_findings(docs_dir, project.languages)
    findings += reserved_findings(docs_dir, project.languages,
                                  {lang: generated_pages(lang) for lang in project.languages})
    for path in (p for lang in project.languages for p in page_paths(docs_dir, lang)):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue  # reported by the loader with its line
        findings += lint_text(display_path(path, docs_dir), text)

    try:
        handbook = load_handbook(docs_dir, project)
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
        findings += _link_findings(handbook, page, docs_dir, targets)
    findings += lead_findings(handbook)
    findings += next_step_findings(handbook, checklists, targets)
    findings += parity_findings(handbook)
    findings += emendation_findings(handbook)
    if warnings:
        findings += untranslated_findings(handbook)
    if warnings:
        findings += _translation_findings(handbook)
        findings += orphaned_tick_findings(handbook)
        findings += renamed_checklist_findings(handbook)
        findings += original_script_findings(handbook)
        findings += unused_item_findings(handbook)
        findings += dictionary_findings(docs_dir)
    return findings, handbook


def lead_findings(handbook: Handbook) -> list[Finding]:
    """Every concept's original needs a lead: an error, not a warning, because the lead
    opens the page (a page without one looks unfinished beside the others) and the build must
    not publish it so; a translation's missing lead is a parity error (`handbook.translation`)."""
    findings = []
    for concept in handbook.concepts.values():
        page = concept.pages[handbook.default_language]
        if not concept.meta(handbook.default_language).lead:
            findings.append(Finding(page.display_path, page.line_of("summary"),
                                    "field 'lead': required on a concept page: 2–4 sentences, "
                                    "after 'summary', on what the concept looks like in practice "
                                    "and why it matters (the handbook's own text)"))
    return findings


def dictionary_findings(docs_dir: Path) -> list[Finding]:
    """Thai words that neither PyThaiNLP's dictionary nor editorial/words-th.txt knows (warnings).

    Imported here: segmenting loads PyThaiNLP, which only `make check` needs, not the build.
    """
    from handbook.spelling import spelling_findings

    return spelling_findings(docs_dir)


def generated_targets(checklists: list[Checklist]) -> dict[str, set[str]]:
    """Pages the build generates that a source page may link to, with their anchors ('' = any)."""
    targets: dict[str, set[str]] = {}
    languages = dict.fromkeys(lang for checklist in checklists for lang in checklist.languages)
    for lang in languages:
        targets[GLOSSARY_SRC.format(lang=lang)] = {""}
        targets[f"{lang}/checklists/index.md"] = {""}
        for checklist in checklists:
            anchors = {item.anchor for item in checklist.items}
            anchors |= {section.concept.id for section in checklist.sections}
            targets[checklist.src_uri(lang)] = anchors
    return targets


def orphaned_tick_findings(handbook: Handbook) -> list[Finding]:
    """A warning for each checklist item id of the previous revision that is gone now.

    Readers' ticks are saved under item ids: an id that disappears orphans them (they are kept on
    the reader's device, but no box shows them). A renamed item lists its old ids in `formerly`.
    The previous revision's pages are all read, so a page that was moved (or removed) is
    compared too.
    """
    lang = handbook.default_language
    current = set()
    for concept in handbook.concepts.values():
        for item in concept.meta(lang).checklist:
            current |= {item.id, *item.formerly}
    previous = previous_folder(handbook.docs_dir / lang)
    if previous is None:
        return []
    revision, texts = previous
    findings = []
    for relative, text in texts.items():
        try:
            split = split_front_matter(text)
            data = parse_front_matter(split[0], 2)[0] if split else None
        except FrontMatterError:
            continue
        if not isinstance(data, dict):
            continue
        items = data.get("checklist")
        old_ids = [i.get("id") for i in items if isinstance(i, dict)] if isinstance(items, list) else []
        concept = handbook.concepts.get(data.get("id")) if isinstance(data.get("id"), str) else None
        page = concept.pages.get(lang) if concept is not None else None
        where = (page.display_path, page.line_of("checklist")) if page is not None else (relative, 1)
        for old_id in old_ids:
            if isinstance(old_id, str) and old_id not in current:
                findings.append(Finding(
                    *where,
                    f"checklist item '{old_id}' (of {relative} in {revision}) is gone: readers' "
                    f"saved ticks for it no longer show; if it was renamed, add "
                    f"'formerly: [{old_id}]' to the renamed item", "warning"))
    return findings


def html_findings(page: Page) -> list[Finding]:
    """Refused HTML and links in the body, and any HTML in the front matter's text."""
    findings = [
        Finding(page.display_path, page.body_line + line - 1, message, column=column)
        for line, column, message in markdown_findings(page.body)
    ]
    # The output census refuses `{name}` anywhere in a page (an unfilled placeholder): say so here.
    findings += [
        Finding(page.display_path, page.body_line + number, problem)
        for number, line in enumerate(page.body.split("\n"))
        if (problem := _placeholder_problem(line))
    ]
    stack: list[tuple[tuple[str | int, ...], object]] = [((), page.meta.model_dump())]
    while stack:
        loc, value = stack.pop()
        if isinstance(value, dict):
            stack += [((*loc, key), item) for key, item in value.items()]
        elif isinstance(value, list):
            stack += [((*loc, index), item) for index, item in enumerate(value)]
        # Decoded values too: YAML's escapes ("\u202E", "\0") write what the raw text does not show.
        elif isinstance(value, str) and (problem := text_problem(value) or invisible_problem(value)
                                         or _placeholder_problem(value)):
            findings.append(Finding(page.display_path, page.line_of(*loc),
                                    f"{describe_field(loc, page.meta.model_dump())}: {problem}"))
    return findings


def _placeholder_problem(text: str) -> str | None:
    from handbook.outputs.placeholders import find_placeholders

    if found := find_placeholders(text):
        return (f"'{found[0]}' reads as a placeholder the build left unfilled (the build refuses it "
                "in any output); write it without braces")
    return None


def generated_pages(lang: str) -> dict[str, str]:
    """Source paths the build generates in `lang` (a folder ends with '/'), and what makes them."""
    return {
        GLOSSARY_SRC.format(lang=lang): "the glossary (handbook/glossary.py)",
        STATUS_SRC.format(lang=lang): "the translation status (handbook/translation.py)",
        f"{lang}/checklists/": "the checklists (handbook/checklists.py)",
    }


def _reserved_path_findings(docs_dir: Path, languages: tuple[str, ...]) -> list[Finding]:
    findings = []
    for lang in languages:
        for path in page_paths(docs_dir, lang):
            src_uri = path.relative_to(docs_dir).as_posix()
            for reserved, maker in generated_pages(lang).items():
                if src_uri == reserved or (reserved.endswith("/") and src_uri.startswith(reserved)):
                    findings.append(Finding(display_path(path, docs_dir), 1,
                                            f"docs/{reserved} is generated by the build from "
                                            f"{maker}; this page would be replaced: rename it"))
    return findings


def _link_findings(
    handbook: Handbook, page, docs_dir: Path, generated: dict[str, set[str]] | None = None
) -> list[Finding]:
    """Relative .md links (body and front matter) must reach a page (and its anchor)."""
    findings = []
    text = page.path.read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        for match in LINK.finditer(line):
            target = match.group(1)
            if re.match(r"[a-z]+:|/|#", target):
                continue
            path, _, anchor = target.partition("#")
            if not path.endswith(".md"):
                continue
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.src_uri), path))
            fallback = handbook.default_language + "/" + resolved.split("/", 1)[-1]
            found = handbook.pages.get(resolved) or handbook.pages.get(fallback)
            column = match.start(1) + 1
            if found is None and generated and resolved in generated:
                if anchor and "" not in generated[resolved] and anchor not in generated[resolved]:
                    findings.append(Finding(page.display_path, number,
                                            f"broken link '{target}': no item '{anchor}' on that "
                                            "generated page", column=column))
                continue
            if found is None and not (docs_dir / resolved).is_file():
                findings.append(Finding(page.display_path, number,
                                        f"broken link '{target}': no page docs/{resolved}", column=column))
            elif found is not None and anchor and isinstance(found.meta, ConceptFrontMatter):
                anchors = {p.id for p in found.meta.points} | {"related", "mentioned-in"}
                if anchor not in anchors:
                    findings.append(Finding(page.display_path, number,
                                            f"broken link '{target}': no point '{anchor}' on that page",
                                            column=column))
    return findings


def _translation_findings(handbook: Handbook) -> list[Finding]:
    findings = []
    for lang in handbook.languages:
        if lang == handbook.default_language:
            continue
        for status in translation_status(handbook, lang):
            rest = status.src_uri.split("/", 1)[1]
            original = handbook.pages[status.src_uri]
            target = f"docs/{lang}/{rest}"
            if status.status == "missing":
                findings.append(Finding(target, 1, f"missing translation of {original.display_path}",
                                        "warning"))
            elif status.status == "outdated":
                page = handbook.pages[f"{lang}/{rest}"]
                if status.recorded is None:
                    message = (f"no translation.source_hash: after checking it against "
                               f"{original.display_path}, run make sync-translation PAGE={target}")
                else:
                    changed = changes_since(original.path, status.recorded)
                    ids = changed_ids_since(original.path, status.recorded)
                    message = (f"outdated: {original.display_path} changed since this translation "
                               f"(run make sync-translation PAGE={target} once updated)")
                    if ids:
                        message += "; changed: " + ", ".join(ids)
                    if changed:
                        message += "\n    " + "\n    ".join(changed)
                findings.append(Finding(page.display_path, page.line_of("translation"), message, "warning"))
    return findings


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


def sync(page: Path, docs_dir: Path, *, force: bool = False) -> str:
    """Record the Thai original's hash in translated `page`; return a one-line report.

    A page that is still mostly the original is refused (syncing would mark a copy as
    translated) unless `force`: names and numbers that really are the same in both languages."""
    if not page.is_file():
        raise SystemExit(f"{page}: no such file")
    try:
        project = load_project(docs_dir.resolve().parent)
        use_project(project)
        if page.resolve().relative_to(docs_dir.resolve()).parts[0] == project.default_language:
            raise SystemExit(f"{page}: this is an original page; sync a translation")
    except ValueError:
        raise SystemExit(f"{page}: not inside {docs_dir}") from None
    original = original_of(page, docs_dir)
    if not original.is_file():
        raise SystemExit(f"{page}: its original {original} does not exist")
    result = read_page(page, docs_dir)
    if isinstance(result, list):
        raise SystemExit(str(result[0]))
    if not force:
        source = read_page(original, docs_dir)
        reason = None if isinstance(source, list) else untranslated_reason(
            result, source, project.labels.words.get(result.lang, {}))
        if reason:
            raise SystemExit(f"{result.display_path}:{result.line_of('title')}: error: not synced: "
                             f"this page is still mostly the original ({reason}). Translate it "
                             f"first; if the texts really are the same in both languages (names, "
                             f"numbers), run make sync-translation PAGE={page} FORCE=1")
    new_hash = source_hash(original.read_text(encoding="utf-8"))
    text = page.read_text(encoding="utf-8")
    updated = set_source_hash(text, new_hash)
    if updated != text:
        page.write_text(updated, encoding="utf-8", newline="")
    return f"{page}: translation.source_hash = {new_hash} ({original})"


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
        except SystemExit as err:
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
