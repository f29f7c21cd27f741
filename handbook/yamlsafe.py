"""YAML for content, nothing more: front matter as plain mappings, lists and scalars.

Front matter arrives by pull request. YAML can do far more than a page needs, and some of it is
dangerous to a build: aliases (`*a`) let a few lines expand into billions of nodes (an "alias
bomb"), deep nesting exhausts Python's recursion, tags (`!x`) ask for other types, and a second
`title:` silently replaces the first. So before anything is built from it, the parser's event
stream is read once, iteratively (no recursion), and the first such construct stops the page with
its line. Only then is the node tree composed — now bounded in depth and size — and read for the
data and for each field's line number.
"""

from __future__ import annotations

from typing import Any

import yaml

from handbook.messages import message
from handbook.yamlhelp import comment_problems, explain_error

# libyaml's parser when PyYAML was built with it: ten times faster than the pure-Python one.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

#: Front matter larger than this is not a page's metadata (the real pages are under 6 KiB).
MAX_BYTES = 256 * 1024
#: Mappings and lists nested deeper than this (a page needs 3: points → item → text).
MAX_DEPTH = 8
#: Nodes in one front matter (the largest real page has about 150).
MAX_NODES = 20_000

Lines = dict[tuple[str | int, ...], int]


class FrontMatterError(ValueError):
    """The front matter cannot be used; `line` is its line in the file. `problems` holds every
    mistake found in one reading, `(line, message)`, the first being `line` and `message`."""

    def __init__(self, line: int, message: str,
                 problems: list[tuple[int, str]] | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.message = message
        self.problems = problems or [(line, message)]

    @classmethod
    def of(cls, problems: list[tuple[int, str]]) -> FrontMatterError:
        return cls(problems[0][0], problems[0][1], problems)


def parse_front_matter(front: str, first_line: int) -> tuple[Any, Lines]:
    """The data of `front` and the line of each field (('points', 2, 'id') → line).

    `first_line` is the file line of `front`'s first line. Raises `FrontMatterError` for YAML
    that is invalid or uses more than content needs.
    """
    size = len(front.encode("utf-8"))
    if size > MAX_BYTES:
        raise FrontMatterError(first_line, f"front matter is {size // 1024} KiB; at most "
                                           f"{MAX_BYTES // 1024} KiB is allowed")
    try:
        _check_events(front, first_line)
        loader = _SAFE_LOADER(front)
        try:
            root = loader.get_single_node()
            lines = _field_lines(root, first_line)
            # Text cut at ' #' parses without an error: say so before the words are lost.
            if comments := comment_problems(root, front, first_line):
                raise FrontMatterError.of(comments)
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.YAMLError as err:
        # In a translator's words, at the line of each mistake (handbook/yamlhelp.py).
        raise FrontMatterError.of(explain_error(err, front, first_line)) from None
    except FrontMatterError:
        raise
    except ValueError as err:  # e.g. a number of more than 4,300 digits (Python's own limit)
        raise FrontMatterError(first_line, f"front matter has a value that cannot be read: "
                                           f"{str(err)[:120]}") from None
    return data, lines


def line_at(lines: Lines, loc: tuple) -> int:
    """The line of a field (`('points', 2, 'id')`), or of its closest parent that has one; 1."""
    while loc:
        if loc in lines:
            return lines[loc]
        loc = loc[:-1]
    return 1


def _check_events(front: str, first_line: int) -> None:
    """Refuse aliases, anchors, tags, excessive depth and size, reading events one by one."""
    depth = 0
    # Compared by exact type (the parser makes only these classes): this loop runs once per YAML
    # value of every page, so each event costs a few comparisons and no attribute lookups.
    for count, event in enumerate(yaml.parse(front, Loader=_SAFE_LOADER)):
        kind = type(event)
        if count > MAX_NODES:
            raise FrontMatterError(_line(event, first_line), f"front matter has more than {MAX_NODES} values")
        if kind is _SCALAR or kind is _MAPPING_START or kind is _SEQUENCE_START:
            if event.anchor:
                raise FrontMatterError(_line(event, first_line), f"YAML anchor '&{event.anchor}' is not allowed "
                                       "in front matter; write the value out")
            if event.tag is not None and not _implicit(event):
                raise FrontMatterError(_line(event, first_line), f"YAML tag '{event.tag}' is not allowed in "
                                       "front matter; values are plain text, numbers, lists and mappings")
            if kind is not _SCALAR:
                depth += 1
                if depth > MAX_DEPTH:
                    raise FrontMatterError(_line(event, first_line), f"front matter is nested more than "
                                           f"{MAX_DEPTH} levels deep")
        elif kind is _MAPPING_END or kind is _SEQUENCE_END:
            depth -= 1
        elif kind is yaml.AliasEvent:
            raise FrontMatterError(_line(event, first_line), f"YAML alias '*{event.anchor}' is not allowed in "
                                   "front matter; write the value out")


_SCALAR, _MAPPING_START, _SEQUENCE_START = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
_MAPPING_END, _SEQUENCE_END = yaml.MappingEndEvent, yaml.SequenceEndEvent


def _line(event: yaml.Event, first_line: int) -> int:
    return event.start_mark.line + first_line


def _implicit(event: yaml.Event) -> bool:
    # A scalar or collection carries a tag only when one was written (`!x`, `!!str`); libyaml
    # reports the non-specific tag `!` for a quoted scalar with `implicit` set, which is harmless.
    return event.tag == "!"


def _field_lines(root: yaml.Node | None, first_line: int) -> Lines:
    """Map each front-matter path to its line; refuse duplicate, merged and non-text keys."""
    lines: Lines = {}
    if root is None:
        return lines
    # An explicit stack, not recursion: depth is bounded already, but a walk that cannot recurse
    # cannot overflow either.
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(root, ())]
    while stack:
        node, loc = stack.pop()
        lines.setdefault(loc, node.start_mark.line + first_line)
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                line = key.start_mark.line + first_line
                if not isinstance(key, yaml.ScalarNode):
                    raise FrontMatterError(line, "a front-matter key must be a plain word")
                if key.tag == "tag:yaml.org,2002:merge":
                    raise FrontMatterError(line, "YAML merge keys ('<<') are not allowed in front "
                                                 "matter; write the fields out")
                if key.value in seen and loc and isinstance(loc[-1], int):
                    # In an entry of a list, a repeated key is most often a missing '- '.
                    raise FrontMatterError(line, message(
                        "yaml.dash-duplicate", key=key.value, first=seen[key.value],
                        list=".".join(str(p) for p in loc[:-1] if isinstance(p, str)) or "…"))
                if key.value in seen:
                    raise FrontMatterError(line, f"duplicate key '{key.value}' (first at line "
                                                 f"{seen[key.value]}); a second one would replace "
                                                 "the first")
                seen[key.value] = line
                lines[(*loc, key.value)] = line
                stack.append((value, (*loc, key.value)))
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                stack.append((item, (*loc, index)))
    return lines
