"""What changed in an original since its translation was made: the revision whose hash the
translation records, found in git history, and a short diff and the changed ids against it
(`make check`'s "outdated" warning says what to look at).
"""

from __future__ import annotations

import difflib
from pathlib import Path

from handbook.history import git, repo_path
from handbook.translation import source_hash


def _recorded_version(original: Path, recorded: str) -> str | None:
    """The text of the original at the revision whose hash is `recorded`, from git history."""
    found = repo_path(original)
    if found is None:
        return None
    root, relative = found
    commits = (git(["log", "--format=%H", "--", relative], cwd=root) or "").split()
    for commit in commits:
        old = git(["show", f"{commit}:{relative}"], cwd=root)
        if old is not None and source_hash(old) == recorded:
            return old
    return None


def changes_since(original: Path, recorded: str, *, max_lines: int = 12) -> list[str]:
    """A short diff of the original since the revision `recorded`; [] if it cannot be found."""
    old = _recorded_version(original, recorded)
    if old is None:
        return []
    new = original.read_text(encoding="utf-8")
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    lines = [line for line in diff if not line.startswith(("---", "+++", "@@"))]
    return lines[:max_lines] + ([f"… {len(lines) - max_lines} more lines"] if len(lines) > max_lines else [])


def changed_ids(old_text: str, new_text: str) -> list[str]:
    """What a translator must look at: the fields, points and items whose original text changed,
    was added or removed ("point 2 (id regular-activities) changed")."""
    from handbook.loader import split_front_matter
    from handbook.yamlsafe import FrontMatterError, parse_front_matter

    def fields(text: str) -> dict | None:
        split = split_front_matter(text)
        if split is None:
            return None
        try:
            data, _ = parse_front_matter(split[0], first_line=2)
        except FrontMatterError:
            return None
        return data if isinstance(data, dict) else None

    old, new = fields(old_text), fields(new_text)
    if old is None or new is None:
        return []
    out = []
    for name in ("title", "summary", "lead", "synonyms"):
        if old.get(name) != new.get(name):
            out.append(name)
    for name, word in (("points", "point"), ("checklist", "item")):
        before = {i.get("id"): i.get("text") for i in old.get(name) or [] if isinstance(i, dict)}
        for number, item in enumerate(new.get(name) or [], start=1):
            if not isinstance(item, dict):
                continue
            if item.get("id") not in before:
                out.append(f"{word} {number} (id {item.get('id')}) added")
            elif before[item.get("id")] != item.get("text"):
                out.append(f"{word} {number} (id {item.get('id')}) changed")
        now = {i.get("id") for i in new.get(name) or [] if isinstance(i, dict)}
        out += [f"{word} id {old_id} removed" for old_id in before if old_id not in now]
    return out


def changed_ids_since(original: Path, recorded: str) -> list[str]:
    old = _recorded_version(original, recorded)
    return changed_ids(old, original.read_text(encoding="utf-8")) if old is not None else []
