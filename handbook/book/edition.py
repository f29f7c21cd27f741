"""The edition: date and revision of the newest change to the content, and the address printed."""

from __future__ import annotations

import time
from pathlib import Path

from handbook.book.data import Edition
from handbook.imprint import load_printing

# ---------------------------------------------------------------------------------------------
# The edition: date and revision of the newest change to the content
# ---------------------------------------------------------------------------------------------


def printed_url(url: str) -> str:
    """The address the book prints: none when none is configured, or when it is a placeholder
    (a host under `.invalid`, reserved by RFC 2606 for addresses that never resolve, such as
    mkdocs.yml's default `https://handbook.invalid/`)."""
    from urllib.parse import urlsplit

    host = (urlsplit(url.strip()).hostname or "").rstrip(".")
    if not host or host == "invalid" or host.endswith(".invalid"):
        return ""
    return url.strip()


def current_edition(docs_dir: Path, url: str) -> Edition:
    """The date (and short commit) of the last commit that changed `docs_dir`; outside a git
    repository, the date of the newest page file."""
    from handbook.history import git

    url = printed_url(url)
    printing = load_printing(Path(docs_dir).parent)

    found = git(["log", "-1", "--format=%cs %h", "--", "."], cwd=docs_dir)
    if found and found.strip():
        date, revision = found.split()
        if git(["status", "--porcelain", "--", "."], cwd=docs_dir):
            revision += "+"  # uncommitted changes to the content
        return Edition(date, revision, url, printing)
    newest = max((p.stat().st_mtime for p in docs_dir.rglob("*.md")), default=0.0)
    return Edition(time.strftime("%Y-%m-%d", time.gmtime(newest)), "", url, printing)


def published_url(config_file: Path) -> str:
    """`extra.published_url` of mkdocs.yml, read without MkDocs (its `!ENV` tags read the
    environment as MkDocs does: the first variable set, else the default; handbook.project reads
    the file). "" when no address is configured: the book then prints none."""
    from handbook.project import config_data

    return str((config_data(config_file).get("extra") or {}).get("published_url") or "")
