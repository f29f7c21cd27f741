"""The checks of `make check` on the loaded handbook, one function per rule, each returning
findings (`path:line: level: message`); `handbook.check` runs them all.

Errors: HTML outside the allowlist and placeholders in a page, broken internal links, a concept
without its lead. Warnings (they read git history or a dictionary): outdated and missing
translations, checklist items gone since the previous revision, unknown Thai words.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from handbook.findings import Finding
from handbook.history import previous_folder
from handbook.lint import invisible_problem
from handbook.loader import Handbook, Page, describe_field, split_front_matter
from handbook.sanitize import markdown_findings, text_problem
from handbook.schema import ConceptFrontMatter
from handbook.translation import translation_status
from handbook.translation_diff import changed_ids_since, changes_since
from handbook.yamlsafe import FrontMatterError, parse_front_matter

LINK = re.compile(r"\]\(([^)\s]+)\)")


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


def link_findings(
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


def translation_findings(handbook: Handbook) -> list[Finding]:
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
