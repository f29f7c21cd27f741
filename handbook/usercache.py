"""The user's cache folder: what builds keep between them that must never come from the working tree.

Typeset books (published as they are), Jinja's compiled templates (unpickled when read), the
census's verdicts (trusted without reading the page again) and the memo of pure steps
(`handbook.memo`: a cleaned page is published as it was kept) are kept in `$XDG_CACHE_HOME` or
`~/.cache`, `networking-handbook/<name>/`: a folder a pull request cannot write to. None when that
folder lies inside the project (a `XDG_CACHE_HOME` pointing into the clone) or cannot be written;
then nothing is kept, and the build does the work again.
"""

from __future__ import annotations

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
