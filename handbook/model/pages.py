"""Reading one page: MkDocs' front-matter split, the page's limits, its schema, findings per line."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from handbook.findings import Finding
from handbook.limits import page_limit_findings
from handbook.memo import Memo, recall
from handbook.messages import message as translated
from handbook.model.data import Page
from handbook.schema import (
    MKDOCS_META_KEYS,
    ConceptFrontMatter,
    GuideFrontMatter,
    OverviewFrontMatter,
)
from handbook.sources import display_path
from handbook.yamlsafe import FrontMatterError, Lines, line_at, parse_front_matter

#: MkDocs' own front-matter pattern (`mkdocs.utils.meta.YAML_RE`, MkDocs 1.6), copied so that the
#: content model imports no MkDocs; `tests/test_input_limits.py` holds the copy to the original.
MKDOCS_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def split_front_matter(text: str) -> tuple[str, str, int] | None:
    """(front matter, body, body's first line), or None when there is no front matter.

    The split is MkDocs' own (`MKDOCS_FRONT_MATTER`, on the text as MkDocs reads it: CRLF
    and CR as new lines, body without its leading blank lines), so that `make check`, the
    loader and the build read one and the same front matter and body. A page whose front matter
    another reader could end elsewhere is refused by `ambiguous_front_matter()`.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    match = MKDOCS_FRONT_MATTER.match(text)
    if match is None:
        return None
    rest = text[match.end() :]
    body = rest.lstrip("\n")
    body_line = text.count("\n", 0, match.end()) + len(rest) - len(body) + 1
    return match.group(1), body, body_line


#: Lines inside front matter that one reader or another takes for its end (`---`, `...`), or for
#: a YAML document's start or end: an indented `    ---` ends a naive reader's front matter, not
#: MkDocs'; a page must not be read two ways.
_DELIMITER_LIKE = re.compile(r"^[ \t]*(?:-{3}|\.{3})(?:[ \t].*)?$")


def ambiguous_front_matter(front: str, first_line: int) -> tuple[int, str] | None:
    """(line, message) when a line of `front` could be read as the end of the front matter."""
    for number, line in enumerate(front.split("\n"), start=first_line):
        if _DELIMITER_LIKE.match(line):
            return number, (f"line '{line.strip()[:20]}' inside the front matter looks like its "
                            "end ('---' or '...'); another reader would end the front matter here: "
                            "remove the line, or quote the text")
    return None


#: A page larger than this is not a handbook page (the largest real one is under 8 KiB).
MAX_PAGE_BYTES = 512 * 1024


def read_page(path: Path, docs_dir: Path, memo: Memo | None = None) -> Page | list[Finding]:
    """Read and validate one page; return it, or the findings that stop it.

    With a `memo` (`handbook.memo`), front matter parsed by an earlier build (the same text, the
    same code) is not parsed again; the rest of the page is checked anew."""
    display = display_path(path, docs_dir)
    src_uri = path.relative_to(docs_dir).as_posix()
    lang = src_uri.split("/", 1)[0]

    raw = path.read_bytes()
    if len(raw) > MAX_PAGE_BYTES:
        return [Finding(display, 1, f"page is {len(raw) // 1024} KiB; at most "
                                    f"{MAX_PAGE_BYTES // 1024} KiB is allowed (split the page)")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return [Finding(display, line, f"not valid UTF-8 (byte {err.start}); save the file as UTF-8")]
    if not text.strip():
        return [Finding(display, 1, "empty file; a page needs YAML front matter between '---' lines")]

    if text.startswith("\ufeff"):
        return [Finding(display, 1, "the file starts with a byte-order mark (BOM); save it as "
                                    "UTF-8 without BOM")]
    split = split_front_matter(text)
    if split is None:
        if text.startswith("---"):
            return [Finding(display, 1, "front matter is not closed: end it with a line '---' "
                                        "(at the start of the line, followed by the body)")]
        return [Finding(display, 1, "no front matter; a page starts with '---', YAML, '---'")]
    front, body, body_line = split
    if ambiguous := ambiguous_front_matter(front, 2):
        return [Finding(display, *ambiguous)]
    closing = front.count("\n") + 2
    if text.replace("\r\n", "\n").replace("\r", "\n").split("\n")[closing - 1].startswith("..."):
        return [Finding(display, closing, "front matter ends with '...'; end it with '---' (other "
                                          "readers do not take '...' for its end)")]

    try:
        # Parsed on our own split of the file, so that YAML errors and field lines are counted
        # from the file's first line.
        data, lines = _parse(front, memo)
    except FrontMatterError as err:
        return [Finding(display, line, text) for line, text in err.problems]
    if not isinstance(data, dict) or not data:
        return [Finding(display, 1, "front matter must be a YAML mapping of fields")]
    if limits := page_limit_findings(text, body, body_line):
        return [Finding(display, line, message) for line, message in limits]

    model: type[ConceptFrontMatter | GuideFrontMatter | OverviewFrontMatter]
    if "overview" in data:
        model = OverviewFrontMatter
    elif data.get("kind") == "guide":
        model = GuideFrontMatter
    else:
        model = ConceptFrontMatter
    try:
        meta = model.model_validate(data)
    except ValidationError as err:
        return [_finding_from_error(display, lines, e, data) for e in err.errors()]

    return Page(
        path=path,
        display_path=display,
        src_uri=src_uri,
        lang=lang,
        meta=meta,
        body=body,
        body_line=body_line,
        field_lines=lines,
    )


def _parse(front: str, memo: Memo | None) -> tuple[object, Lines]:
    """`parse_front_matter(front, first_line=2)`, or its result kept by an earlier build."""
    data, lines = recall(memo, ("front matter", front), _parse_plain, front, keep=bool)
    return data, {tuple(loc): line for loc, line in lines}


def _parse_plain(front: str) -> list:
    data, lines = parse_front_matter(front, first_line=2)
    return [data, [[list(loc), line] for loc, line in lines.items()]]


#: How a message names an entry of a list field: "point 2 (id regular-activities)".
ITEM_WORDS = {"points": "point", "checklist": "checklist item", "related": "related concept",
              "synonyms": "synonym"}


def describe_field(loc: tuple, data: object = None) -> str:
    """A field as a contributor counts it: list entries from 1, with their id where they have one
    ("point 2 (id regular-activities), field 'text'"), other fields by name ("field 'terms.en'")."""
    if len(loc) >= 2 and loc[0] in ITEM_WORDS and isinstance(loc[1], int):
        entries = data.get(loc[0]) if isinstance(data, dict) else None
        entry = entries[loc[1]] if isinstance(entries, list) and loc[1] < len(entries) else None
        ident = entry.get("id") if isinstance(entry, dict) else None
        head = f"{ITEM_WORDS[loc[0]]} {loc[1] + 1}" + (f" (id {ident})" if isinstance(ident, str) else "")
        rest = ".".join(str(p) for p in loc[2:])
        return f"{head}, field '{rest}'" if rest else head
    return f"field '{'.'.join(str(p) for p in loc) or 'front matter'}'"


def _finding_from_error(display: str, lines: dict, error: dict, data: object = None) -> Finding:
    loc = tuple(error["loc"])
    # Pydantic appends the union/literal tag to some locations; keep only real field names.
    loc = tuple(p for p in loc if isinstance(p, int) or not str(p).startswith("function-"))
    line = line_at(lines, loc)
    message = error["msg"]
    if error["type"] == "missing":
        message = translated("schema.missing")
    elif error["type"] == "extra_forbidden" and len(loc) == 1 and loc[0] in MKDOCS_META_KEYS:
        message = ("MkDocs or the theme would act on this field (another template, hidden "
                   "navigation or search...); pages may not set it: remove it")
    elif error["type"] == "extra_forbidden":
        message = translated("schema.unknown")
    elif error["type"] == "string_pattern_mismatch":
        message = translated("schema.slug")
    message = message.removeprefix("Value error, ")
    return Finding(display, line, f"{describe_field(loc, data)}: {message}")

