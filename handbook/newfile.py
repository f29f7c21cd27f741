"""The "start translating" link: GitHub's new-file page, prefilled with the original.

CONTRIBUTING says to start a translation from a copy of the original. GitHub's new-file page
takes the file's name and its first content in the address (`?filename=…&value=…`); a Thai page,
percent-encoded, is nine characters per letter, and GitHub refuses addresses much longer than
8 KB. So a page that fits is prefilled whole; a longer one gets one line saying where its
original is (the raw file) to copy from.
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

#: GitHub answers "414 URI Too Long" past about 8 KB; stay under it.
MAX_URL_LENGTH = 8000


def raw_url(edit_base: str, path: str, branch: str = "main") -> str:
    """The raw file of `path` in the repository at `edit_base` (a github.com address)."""
    base = edit_base.rstrip("/")
    if base.startswith("https://github.com/"):
        return f"https://raw.githubusercontent.com/{base.removeprefix('https://github.com/')}/{branch}/{path}"
    return f"{base}/raw/{branch}/{path}"


def new_file_url(edit_base: str, target: str, original: str, original_text: str, *,
                 branch: str = "main", max_length: int = MAX_URL_LENGTH) -> str:
    """GitHub's new-file page for `target` (`docs/lo/elements/x.md`), prefilled with
    `original_text` (the file at `original`) when the address stays under `max_length`, else
    with one line saying where to copy the original from."""
    folder, _, name = target.rpartition("/")
    page = f"{edit_base.rstrip('/')}/new/{branch}/{quote(folder)}"
    url = f"{page}?{urlencode({'filename': name, 'value': original_text}, quote_via=quote)}"
    if len(url) <= max_length:
        return url
    instructions = (f"<!-- Copy the original from {raw_url(edit_base, original, branch)} over this "
                    "line, then translate it (CONTRIBUTING.md, 'Translate'). -->\n")
    return f"{page}?{urlencode({'filename': name, 'value': instructions}, quote_via=quote)}"
