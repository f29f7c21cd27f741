"""YAML mistakes translators make, each reported at its line with the fix in plain words.

Every row breaks the fixture handbook's Thai page (tests/fixtures.py) the way a translator
would and asserts the exact findings: line and English message; each has a Thai line after it.
"""

from __future__ import annotations

import pytest
import yaml

from handbook.findings import HandbookError
from handbook.lint import lint_text
from handbook.loader import load_handbook
from handbook.messages import MESSAGES_DIR, TRANSLATION_INDENT, english, message
from tests.fixtures import replace_in, write_handbook

PAGE = "docs/th/elements/alpha.md"

COLON = ("not valid YAML: the text contains ': ' (a colon and a space), which YAML reads as the "
         "start of a new field. Wrap the text in quotes (\"…\"), or write `>-` and the text on the "
         "next lines, indented")
TAB = "not valid YAML: a tab in the indentation. Indent with spaces only (two per level)"
INDENT = ("not valid YAML: this line is indented differently from the lines around it. Fields of "
          "one entry line up under each other with the same number of spaces")
CONTINUED = ("not valid YAML: this line is indented under a field that already has its text. Line "
             "it up with the fields above; if it continues that text, wrap the text in quotes "
             "(\"…\") or write `>-` after the field and the text on the next lines")

MISTAKES = [
    ("colon in a summary", "summary: สรุปหนึ่งบรรทัด", "summary: เป้าหมาย: เครือข่าย",
     [(6, COLON)]),
    ("colon in a point", "text: ข้อที่สอง", "text: ข้อที่สอง: ตัวอย่าง", [(14, COLON)]),
    ("colon ending the text", "text: ข้อที่สอง", "text: ดังนี้:",
     [(14, "not valid YAML: the text ends with ':', which YAML reads as the start of a new field. "
           "Wrap the text in quotes (\"…\"), or write `>-` and the text on the next lines, indented")]),
    ("hash inside text", "summary: สรุปหนึ่งบรรทัด", "summary: ข้อ #1 ของเครือข่าย",
     [(6, "the text stops at ' #': YAML reads '#1 ของเครือข่าย' as a comment and drops it. Wrap the "
          "text in quotes (\"…\"), or write `>-` and the text on the next lines, indented")]),
    ("indented one space too far", "    text: ข้อที่สอง", "     text: ข้อที่สอง", [(14, CONTINUED)]),
    ("indented one space too little", "    text: ข้อที่สอง", "   text: ข้อที่สอง", [(14, INDENT)]),
    ("a tab", "    text: ข้อที่สอง", "\ttext: ข้อที่สอง", [(14, TAB)]),
    ("a missing dash (repeated key)", "  - id: second-point", "    id: second-point",
     [(13, "duplicate key 'id' (first at line 11): if this line starts a new entry of the list "
           "'points', begin it with '- ' (a dash and a space), lined up with the dashes above")]),
    ("a missing dash", "  - id: second-point\n    text: ข้อที่สอง", "  id: second-point\n  text: ข้อที่สอง",
     [(13, "not valid YAML: a new entry of the list 'points' starts with '- ' (a dash and a space), "
           "the dash lined up with the dashes above")]),
    ("an unclosed quote", "title: หัวข้อ alpha", 'title: "หัวข้อ alpha',
     [(5, 'not valid YAML: the quote " opened on this line is never closed. End the text with the '
          "same quote mark, on the same line")]),
    ("text after the closing quote", "title: หัวข้อ alpha", 'title: "หัวข้อ" alpha',
     [(5, "not valid YAML: there is text after the closing quote. Put the whole text inside the "
          "quotes, or remove the quotes")]),
    ("an unclosed list", "related: [beta]", "related: [beta",
     [(18, "not valid YAML: the list opened with '[' on this line is not closed with ']' on the "
           "same line")]),
    # Every mistake of a file in one run, not only the first.
    ("three mistakes", "summary: สรุปหนึ่งบรรทัด", "summary: เป้าหมาย: เครือข่าย",
     [(6, COLON), (14, TAB), (17, COLON)]),
]


def findings_of(docs) -> list[tuple[int, str, str]]:
    with pytest.raises(HandbookError) as info:
        load_handbook(docs)
    return [(f.line, f.path, f.message) for f in info.value.findings]


@pytest.mark.parametrize(("name", "old", "new", "expected"), MISTAKES, ids=[m[0] for m in MISTAKES])
def test_each_yaml_mistake_is_named_at_its_line_with_the_fix(tmp_path, name, old, new, expected):
    docs = write_handbook(tmp_path)
    page = docs / "th" / "elements" / "alpha.md"
    replace_in(page, old, new)
    if name == "three mistakes":
        replace_in(page, "    text: ข้อที่สอง", "\ttext: ข้อที่สอง")
        replace_in(page, "text: เครือข่ายของเราทำข้อแรกแล้วหรือไม่", "text: คำถาม: ทำแล้วหรือไม่")
    found = findings_of(docs)
    assert [(line, english(text)) for line, path, text in found if path == PAGE] == expected
    # Each has its Thai line after the English one.
    assert all(TRANSLATION_INDENT in text for _, path, text in found if path == PAGE)


def test_every_schema_error_of_a_page_in_one_run(tmp_path):
    docs = write_handbook(tmp_path)
    page = docs / "th" / "elements" / "alpha.md"
    replace_in(page, "summary: สรุปหนึ่งบรรทัด\n", "")
    replace_in(page, "related:", "relatd:")
    replace_in(page, "id: second-point", "id: Second Point")
    found = [(line, english(text)) for line, path, text in findings_of(docs) if path == PAGE]
    assert found == [
        (1, "field 'summary': required field is missing"),
        (12, "point 2 (id Second Point), field 'id': must be lower-case words joined by hyphens, "
             "e.g. 'common-vision'"),
        (17, "field 'relatd': unknown field (check the spelling)"),
    ]


def test_a_labels_file_names_its_yaml_mistakes_too(tmp_path):
    docs = write_handbook(tmp_path)
    labels = tmp_path / "labels" / "en.yml"
    text = labels.read_text(encoding="utf-8")
    labels.write_text("related: See also: these\n" + text, encoding="utf-8")
    found = [(line, english(text)) for line, path, text in findings_of(docs) if path == "labels/en.yml"]
    assert found == [(1, COLON)]


def test_text_in_quotes_or_after_a_block_marker_is_fine(tmp_path):
    docs = write_handbook(tmp_path)
    page = docs / "th" / "elements" / "alpha.md"
    replace_in(page, "summary: สรุปหนึ่งบรรทัด", 'summary: "เป้าหมาย: ข้อ #1"')
    replace_in(page, "text: ข้อที่สอง", "text: >-\n      ข้อที่สอง: ตัวอย่าง #2")
    assert load_handbook(docs).concepts["alpha"].meta("th").summary == "เป้าหมาย: ข้อ #1"


def test_every_message_has_its_thai_line_with_the_same_placeholders():
    english_words = yaml.safe_load((MESSAGES_DIR / "en.yml").read_text(encoding="utf-8"))
    thai_words = yaml.safe_load((MESSAGES_DIR / "th.yml").read_text(encoding="utf-8"))
    assert set(english_words) == set(thai_words)
    for key in english_words:
        rendered = message(key, key="points", first=3, list="points", quote='"', rest="1",
                           problem="x")
        assert rendered.count(TRANSLATION_INDENT) == 1, key
        assert "{" not in rendered, (key, rendered)
    # The Thai is held to the pages' rules (no decomposed sara am, no doubled marks…).
    assert list(lint_text("handbook/messages/th.yml", (MESSAGES_DIR / "th.yml").read_text(encoding="utf-8"))) == []
