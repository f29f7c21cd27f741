"""The user's cache folder: what builds keep between them that must never come from the working tree.

Typeset books (published as they are), Jinja's compiled templates (unpickled when read), the
census's verdicts (trusted without reading the page again) and the memo of pure steps
(`handbook.memo`: a cleaned page is published as it was kept) are kept in `$XDG_CACHE_HOME` or
`~/.cache`, `networking-handbook/<name>/`: a folder a pull request cannot write to. None when that
folder lies inside the project (a `XDG_CACHE_HOME` pointing into the clone) or cannot be written;
then nothing is kept, and the build does the work again.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def user_cache_dir(project: Path | str, *names: str) -> Path | None:
    """`networking-handbook/<names…>` in the user's cache folder, made if missing; or None."""
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    directory = base.joinpath("networking-handbook", *names).resolve()
    if directory.is_relative_to(Path(project).resolve()):
        return None
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return directory


def source_digest(package: Path) -> str:
    """A digest of every Python file under `package` (names and bytes): what a kept result
    depends on when that code computed it."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def write_whole(path: Path, data: object, *, keep_files: int) -> None:
    """`data` as JSON in `path`, written whole (a temporary file, then replaced: a reader never
    sees half of it); then only the newest `keep_files` JSON files of the folder are kept (those
    of earlier code and other project folders). A folder that cannot be written keeps nothing."""
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    try:
        temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        temporary.replace(path)
        keep_newest(path.parent, "*.json", keep_files)
    except OSError:
        temporary.unlink(missing_ok=True)


def keep_newest(folder: Path, pattern: str, keep: int, *, companions: tuple[str, ...] = ()) -> None:
    """Only the newest `keep` files of `folder` that match `pattern` stay; a file that goes takes
    its companions with it (the same name with each of `companions` as its suffix)."""
    files = sorted(Path(folder).glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in files[keep:]:
        old.unlink(missing_ok=True)
        for suffix in companions:
            old.with_suffix(suffix).unlink(missing_ok=True)
