"""Checklists across revisions and where they lead: checks that `handbook.check` runs.

Readers' ticks are saved under a checklist's id and its items' ids. A checklist renamed in
handbook.yml without `formerly` would lose every reader's ticks, so `make check` compares the ids
with git's previous revision (`handbook.history`, as for the translations and for items). A
checklist's `next_steps` must name its own concepts and pages that exist; problems are named at
handbook.yml's line, not on the generated page.
"""

from __future__ import annotations

from handbook.checklists import Checklist
from handbook.findings import Finding
from handbook.history import previous_version
from handbook.loader import Handbook
from handbook.project import STRUCTURE_FILE, structure_line
from handbook.yamlsafe import FrontMatterError, parse_front_matter


def next_step_findings(handbook: Handbook, checklists: list[Checklist],
                       targets: dict[str, set[str]]) -> list[Finding]:
    """handbook.yml's `next_steps`: each names a concept of its checklist and a page that exists
    (in every language, or the original's as the fallback), with handbook.yml's line."""
    findings = []
    root = handbook.project.root
    specs = handbook.project.structure.checklists
    for checklist in checklists:
        index = next(i for i, spec in enumerate(specs) if spec.id == checklist.id)
        concepts = {section.concept.id for section in checklist.sections}
        for concept_id, target in checklist.next_steps.items():
            line = structure_line(root, ("checklists", index, "next_steps", concept_id))
            if concept_id not in concepts:
                findings.append(Finding(STRUCTURE_FILE, line,
                                        f"checklists.{checklist.id}.next_steps: '{concept_id}' is "
                                        "not a concept of this checklist"))
            path = target.partition("#")[0]
            for lang in handbook.languages:
                known = (f"{lang}/{path}" in handbook.pages or f"{lang}/{path}" in targets
                         or f"{handbook.default_language}/{path}" in handbook.pages)
                if not known:
                    findings.append(Finding(STRUCTURE_FILE, line,
                                            f"checklists.{checklist.id}.next_steps.{concept_id}: "
                                            f"no page docs/{lang}/{path}"))
                    break
    return findings


def renamed_checklist_findings(handbook: Handbook) -> list[Finding]:
    """An error for each checklist id of handbook.yml's previous revision that is gone now and
    that no checklist lists in `formerly`: readers' ticks are saved under a checklist's id, and a
    silent rename would lose every reader's ticks. Compared with git, as the translations'
    history is (`handbook.history`: $HANDBOOK_BASE_REV in CI, else HEAD or HEAD~1)."""
    structure_file = handbook.project.root / STRUCTURE_FILE
    previous = previous_version(structure_file)
    if previous is None:
        return []
    revision, text = previous
    try:
        data = parse_front_matter(text, 1)[0]
    except FrontMatterError:
        return []
    old = data.get("checklists") if isinstance(data, dict) else None
    old_ids = [c.get("id") for c in old if isinstance(c, dict)] if isinstance(old, list) else []
    specs = handbook.project.structure.checklists
    known = {spec.id for spec in specs} | {old for spec in specs for old in spec.formerly}
    return [
        Finding(STRUCTURE_FILE, structure_line(handbook.project.root, ("checklists",)),
                f"checklist '{old_id}' (in {revision}) is gone: readers' saved ticks are kept "
                f"under its id; if it was renamed, add 'formerly: [{old_id}]' to the renamed "
                "checklist (its old address is also gone)")
        for old_id in old_ids if isinstance(old_id, str) and old_id not in known
    ]
