"""What git remembers of a page: earlier versions, for checks that compare with the past.

Every function answers None when there is no git, no repository or no such version: history
helps a contributor, it never stops one.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

#: The revision to compare with, when set (CI sets it to the pull request's base).
BASE_ENV = "HANDBOOK_BASE_REV"


def git(args: list[str], *, cwd: Path) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return result.stdout if result.returncode == 0 else None


def repo_path(path: Path) -> tuple[Path, str] | None:
    """(the repository's top folder, `path` relative to it), or None outside a repository."""
    top = git(["rev-parse", "--show-toplevel"], cwd=path.parent)
    if not top:
        return None
    root = Path(top.strip()).resolve()
    try:
        return root, path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None


def previous_version(path: Path) -> tuple[str, str] | None:
    """(revision, text) of `path` before the change under review, or None.

    The revision is $HANDBOOK_BASE_REV when set; otherwise HEAD when the file has uncommitted
    changes (a contributor at work), else the commit before HEAD (a pull request's last commit).
    """
    found = repo_path(path)
    if found is None:
        return None
    root, relative = found
    revision = os.environ.get(BASE_ENV)
    if not revision:
        changed = git(["status", "--porcelain", "--", relative], cwd=root)
        revision = "HEAD" if changed else "HEAD~1"
    text = git(["show", f"{revision}:{relative}"], cwd=root)
    return (revision, text) if text is not None else None


def previous_folder(folder: Path, suffix: str = ".md") -> tuple[str, dict[str, str]] | None:
    """(revision, {path relative to the repository: text}) of the `suffix` files below `folder`
    before the change under review (the revision chosen as `previous_version` does), or None.

    For checks that must see a file that was moved or deleted, which `previous_version` of its
    new path cannot."""
    top = git(["rev-parse", "--show-toplevel"], cwd=folder)
    if not top:
        return None
    root = Path(top.strip()).resolve()
    try:
        relative = folder.resolve().relative_to(root).as_posix()
    except ValueError:
        return None
    revision = os.environ.get(BASE_ENV)
    if not revision:
        changed = git(["status", "--porcelain", "--", relative], cwd=root)
        revision = "HEAD" if changed else "HEAD~1"
    listed = git(["ls-tree", "-r", "--name-only", revision, "--", relative], cwd=root)
    if listed is None:
        return None
    texts = {}
    for name in listed.splitlines():
        if name.endswith(suffix) and (text := git(["show", f"{revision}:{name}"], cwd=root)) is not None:
            texts[name] = text
    return revision, texts
