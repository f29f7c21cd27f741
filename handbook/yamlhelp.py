"""YAML mistakes in a translator's words: where each one is and how to fix it.

PyYAML reports the first thing its parser could not read, in its own words ("mapping values are
not allowed in this context") and often where the broken construct started rather than where the
mistake is. Translators make a handful of mistakes again and again: a colon or ` #` inside text,
a tab, an indentation that does not line up, a missing `- `, an unclosed quote. This module reads
the text line by line for those (so that every one of them in a file is reported in one run, not
only the first), then explains PyYAML's own error when it is none of them. Pure functions:
`(line, message)` pairs, lines counted in the file.
"""

from __future__ import annotations

import re

import yaml

from handbook.messages import message

Problem = tuple[int, str]

# `key: value` or `- key: value` (any number of dashes), the key plain or quoted.
_FIELD = re.compile(r"""^(?P<indent>[ \t]*)(?P<dashes>(?:-[ \t]+)*)"""
                    r"""(?P<key>"[^"]*"|'[^']*'|[^\s"'#\-?:\[{][^:#]*?|-[^\s:#][^:#]*?)[ \t]*:(?:[ \t]+(?P<value>.*))?$""")
_AFTER_QUOTE = re.compile(r"""(?:^|:|-)\s*("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*[^\s#]""")
_BLOCK_SCALAR = re.compile(r"^[>|][-+0-9]*\s*(?:#.*)?$")


def scan_mistakes(text: str, first_line: int) -> list[Problem]:
    """Tabs in the indentation, and ': ' or ' #' in plain (unquoted) text, on every line.

    Lines inside a block scalar (`>-`, `|`), where both are plain text, are skipped."""
    problems: list[Problem] = []
    block_indent: int | None = None  # the indentation of the field whose `>-` text we are in
    for number, line in enumerate(text.splitlines(), start=first_line):
        stripped = line.strip()
        indent = len(line) - len(line.lstrip(" \t"))
        if block_indent is not None:
            if not stripped or indent > block_indent:
                continue
            block_indent = None
        if not stripped or stripped.startswith("#"):
            continue
        if "\t" in line[:indent]:
            problems.append((number, message("yaml.tab")))
            continue
        match = _FIELD.match(line)
        value = (match.group("value") or "").strip() if match else None
        if match is None:
            continue
        if _BLOCK_SCALAR.match(value):
            block_indent = indent + len(match.group("dashes"))
            continue
        if not value or value[0] in "\"'[{&*!|>":
            continue
        problems += _plain_value_problems(number, value)
    return problems


def _plain_value_problems(number: int, value: str) -> list[Problem]:
    comment = re.search(r"\s#", value)
    text = value[: comment.start()] if comment else value
    if re.search(r":\s", text):
        return [(number, message("yaml.colon"))]
    if text.rstrip().endswith(":"):
        return [(number, message("yaml.colon-end"))]
    if comment:
        return [(number, message("yaml.comment", rest=value[comment.end():]))]
    return []


def explain_error(err: yaml.YAMLError, text: str, first_line: int) -> list[Problem]:
    """Every mistake of `text` that stopped PyYAML with `err`, each at its line, in plain words."""
    problems = scan_mistakes(text, first_line)
    found = _explain_parser_error(err, text, first_line)
    # PyYAML stops at (or just after) a mistake the scan already named: say it once, in our words.
    near = {line for line, _ in problems} | {line + 1 for line, _ in problems}
    if found is not None and (found[0] not in near or not problems):
        problems.append(found)
    return sorted(problems)


def _explain_parser_error(err: yaml.YAMLError, text: str, first_line: int) -> Problem | None:
    problem = getattr(err, "problem", None) or str(err).splitlines()[0]
    context = getattr(err, "context", None) or ""
    at = getattr(err, "problem_mark", None)
    opened = getattr(err, "context_mark", None)
    if at is None:
        return (first_line, message("yaml.other", problem=problem))
    lines = text.splitlines()
    index = min(at.line, max(len(lines) - 1, 0))
    line = lines[index] if lines else ""
    if "tab" in problem or "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
        return (index + first_line, message("yaml.tab"))
    if "quoted scalar" in context and opened is not None:
        start = lines[opened.line] if opened.line < len(lines) else ""
        quote = start[opened.column] if opened.column < len(start) else '"'
        return (opened.line + first_line, message("yaml.quote", quote=quote))
    if "flow sequence" in context and opened is not None:
        return (opened.line + first_line, message("yaml.bracket"))
    if "did not find expected key" in problem and opened is not None:
        for number in (index, _previous_content(lines, index)):
            if number is not None and _AFTER_QUOTE.search(lines[number]):
                return (number + first_line, message("yaml.after-quote"))
    if "expected '-' indicator" in problem and opened is not None:
        start = lines[opened.line] if opened.line < len(lines) else ""
        dash = len(start) - len(start.lstrip(" "))
        indent = len(line) - len(line.lstrip(" "))
        if indent == dash and not line.lstrip().startswith("-"):
            return (index + first_line, message("yaml.dash", key=_list_name(lines, opened.line)))
        return (index + first_line, message("yaml.indent"))
    if "mapping values are not allowed" in problem:
        previous = _previous_content(lines, index)
        indent = len(line) - len(line.lstrip(" "))
        if previous is not None:
            above = lines[previous]
            above_indent = len(above) - len(above.lstrip(" -"))
            field = _FIELD.match(above)
            if field and (field.group("value") or "").strip() and indent > above_indent:
                return (index + first_line, message("yaml.indent-continued"))
        return (index + first_line, message("yaml.indent"))
    if "expected key" in problem or "expected <block end>" in problem:
        return (index + first_line, message("yaml.indent"))
    # Anything else: PyYAML's words, where the broken construct starts, with a general hint.
    mark = opened or at
    return (mark.line + first_line, message("yaml.other", problem=problem))


def _previous_content(lines: list[str], index: int) -> int | None:
    for number in range(index - 1, -1, -1):
        if lines[number].strip() and not lines[number].lstrip().startswith("#"):
            return number
    return None


def _list_name(lines: list[str], dash_line: int) -> str:
    """The field a list belongs to: the nearest line above its first dash that is less indented."""
    start = lines[dash_line] if dash_line < len(lines) else ""
    dash = len(start) - len(start.lstrip(" "))
    for number in range(dash_line - 1, -1, -1):
        above = lines[number]
        if above.strip() and len(above) - len(above.lstrip(" ")) <= dash and not above.lstrip().startswith("-"):
            return above.strip().rstrip(":").strip()
    return "…"


def comment_problems(root: yaml.Node | None, text: str, first_line: int) -> list[Problem]:
    """Plain text followed by ' #' on its line: YAML dropped the rest as a comment (no error)."""
    if root is None:
        return []
    lines = text.splitlines()
    problems: list[Problem] = []
    stack: list[yaml.Node] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            stack += [value for _, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
        elif (isinstance(node, yaml.ScalarNode) and not node.style
              and node.tag == "tag:yaml.org,2002:str" and node.value):
            end = node.end_mark
            rest = lines[end.line][end.column:] if end.line < len(lines) else ""
            comment = re.match(r"\s+#(.*)$", rest)
            if comment:
                problems.append((end.line + first_line, message("yaml.comment", rest=comment.group(1))))
    return sorted(problems)
