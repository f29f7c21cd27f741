"""The per-page checks' shortcuts find exactly what the full readings find.

The gate reads every page before a build (`handbook.check`); its clean-page shortcuts (one search
of the whole text before line-by-line rules, no HTML tokenizer for a text without '<', event
types compared exactly) must never drop a finding. Each is held to the reading it shortens,
on the real pages and on hostile text.
"""

from __future__ import annotations

import random

import pytest
import yaml

from handbook import lint, sanitize, yamlsafe
from handbook.findings import Finding
from tests.conftest import ROOT


def lint_reference(path: str, text: str):
    """`lint_text` as it was: every rule on every line."""
    for number, line in enumerate(text.split("\n"), start=1):
        for pattern, message in lint.THAI_RULES:
            for match in pattern.finditer(line):
                yield Finding(path, number, message, "error", column=match.start() + 1)
        for char, name in lint.INVISIBLE.items():
            column = line.find(char)
            while column != -1:
                yield Finding(path, number, f"invisible {name} (U+{ord(char):04X}): delete it",
                              "error", column=column + 1)
                column = line.find(char, column + 1)
    yield from lint.hard_wrap_findings(path, text)


PIECES = ["[", "](", "javascript:", "}", "ก", "่", "้", "ั", "ิ", "ุ", "ํา", "ำ", " ", "\n", "\t", "a", "\u200b", "\u202e", "\x00",
          "\u2028", "\x85", "<", "&", "{", "```\n", "ไทย", "text "]


def hostile_texts(count: int = 400):
    rng = random.Random(22)
    for _ in range(count):
        yield "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))


def real_texts():
    return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "docs").rglob("*.md"))]


def test_lint_finds_what_every_line_finds():
    for text in [*real_texts(), *hostile_texts()]:
        assert list(lint.lint_text("p.md", text)) == list(lint_reference("p.md", text)), repr(text)


@pytest.mark.parametrize("text", ["plain text", "a & b", "x > y", "", "{: .note }", "&lt;b&gt;"])
def test_no_tokenizer_without_a_tag_opening(text):
    parser = sanitize._Tokens()
    parser.feed(text)
    parser.close()
    assert sanitize._tokens(text) == parser.found == []


MARKDOWN = ["plain", "[a](javascript:x)", "![i](data:x)", "<b>x</b>", "{: onclick=x }", "x{y}", "[r]: javascript:x",
            "<javascript:x>", "`[a](javascript:x)`", "```\n<script>\n```\n", "a & b", "ไทย [ลิงก์](../x/)"]


def test_markdown_checks_skip_only_text_without_markup():
    texts = [*MARKDOWN, *real_texts(), *hostile_texts()]
    for text in texts:
        assert sanitize.markdown_findings(text) == sanitize._markdown_findings(text, tags=sanitize.SOURCE_TAGS), repr(text)
    assert sanitize.markdown_findings("[a](javascript:x)")  # the shortcut lets a finding through


def check_events_reference(front: str, first_line: int) -> None:
    """`_check_events` as it was: isinstance and getattr on every event."""
    depth = 0
    for count, event in enumerate(yaml.parse(front, Loader=yamlsafe._SAFE_LOADER)):
        line = event.start_mark.line + first_line
        if count > yamlsafe.MAX_NODES:
            raise yamlsafe.FrontMatterError(line, f"front matter has more than {yamlsafe.MAX_NODES} values")
        if isinstance(event, yaml.AliasEvent):
            raise yamlsafe.FrontMatterError(line, f"YAML alias '*{event.anchor}' is not allowed in front "
                                                  "matter; write the value out")
        if getattr(event, "anchor", None):
            raise yamlsafe.FrontMatterError(line, f"YAML anchor '&{event.anchor}' is not allowed in front "
                                                  "matter; write the value out")
        if getattr(event, "tag", None) is not None and not yamlsafe._implicit(event):
            raise yamlsafe.FrontMatterError(line, f"YAML tag '{event.tag}' is not allowed in front matter; "
                                                  "values are plain text, numbers, lists and mappings")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > yamlsafe.MAX_DEPTH:
                raise yamlsafe.FrontMatterError(line, f"front matter is nested more than {yamlsafe.MAX_DEPTH} "
                                                      "levels deep")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def _outcome(check, front):
    try:
        check(front, 2)
    except yamlsafe.FrontMatterError as err:
        return err.line, err.message
    except yaml.YAMLError as err:
        return type(err).__name__
    return None


FRONTS = [
    "title: x\n", "a: &x 1\nb: *x\n", "a: !!python/object x\n", "a: !x 1\n", "a: '1'\nb: \"2\"\n",
    "a: " + "[" * 12 + "]" * 12 + "\n", "a:\n" + "".join(f"{'  ' * i}- b:\n" for i in range(1, 12)),
    "- " * 10 + "x\n", "[" + ",".join(["1"] * 20_005) + "]\n", "a: [1, 2, {b: c}]\n", "a: !!str 3\n",
    "? [a]\n: b\n", "a: 1\na: 2\n", "*x\n", "&a [1]\n", "a: [\n",
]


@pytest.mark.parametrize("front", FRONTS)
def test_event_checks_refuse_what_they_refused(front):
    assert _outcome(yamlsafe._check_events, front) == _outcome(check_events_reference, front)


def test_event_checks_pass_the_real_front_matter():
    from handbook.loader import split_front_matter

    for text in real_texts():
        split = split_front_matter(text)
        if split:
            assert _outcome(yamlsafe._check_events, split[0]) == _outcome(check_events_reference, split[0]) is None
