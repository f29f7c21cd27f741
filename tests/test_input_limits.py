"""The input side of issue 21: each way a content-only pull request got past `make check`, as a
table test against `collect_findings()` or the pure checker it reaches (no site build), plus one
real build for the front-matter attack.

Every case names the file and line, and fails on the code before these checks existed.
"""

from __future__ import annotations

import re
import subprocess
import time

import pytest

from handbook.check import collect_findings
from handbook.crosslinks import trie_pattern
from handbook.labels import fill_placeholders, placeholder_problem
from handbook.limits import MAX_NESTING, MAX_RUN_CHARS
from handbook.loader import read_page, split_front_matter
from handbook.sanitize import markdown_findings, text_problem
from handbook.sources import decode_css, svg_problems
from handbook.thai import SEGMENT_CHARS, pieces
from tests.conftest import MKDOCS
from tests.fixtures import copy_project, replace_in, write_handbook

PAGE = "th/elements/alpha.md"
EN_PAGE = "en/elements/alpha.md"
LEAD = "lead: บทนำของผู้จัดทำคู่มือ\n"
BODY = "<!-- handbook:points -->\n"


def _errors(docs):
    return [f for f in collect_findings(docs, warnings=False) if f.level == "error"]


def _change(docs, page, old, new):
    replace_in(docs / page, old, new)
    return _errors(docs)


# ---------------------------------------------------------------------------------------------
# One reading of a page
# ---------------------------------------------------------------------------------------------

ATTACK = ('    ---\ntitle: "x \\x3Cimg src=q onerror=alert(1)\\x3E"\ntemplate: main.html\n')


@pytest.mark.parametrize(("old", "new", "line", "expected"), [
    # The issue's attack: an indented '---' ends the naive reader's front matter, not MkDocs'.
    (LEAD, LEAD + ATTACK, 20, "looks like its end"),
    (LEAD, LEAD + "...\n", 20, "ends with '...'"),
    (LEAD, LEAD + "\t---   \n", 20, "looks like its end"),
    # Keys MkDocs or the theme acts on are refused by name.
    (LEAD, LEAD + "template: main.html\n", 20, "MkDocs or the theme would act on this field"),
    (LEAD, LEAD + "hide: [navigation]\n", 20, "MkDocs or the theme would act on this field"),
], ids=["indented-dashes-then-title", "dots", "tab-dashes", "template", "hide"])
def test_a_page_that_two_readers_read_differently_is_refused(tmp_path, old, new, line, expected):
    docs = write_handbook(tmp_path)
    found = _change(docs, PAGE, old, new)
    assert any(f.path == f"docs/{PAGE}" and f.line == line and expected in f.message for f in found), found


def test_the_split_is_mkdocs_own():
    from mkdocs.utils.meta import YAML_RE, get_data

    from handbook.loader import MKDOCS_FRONT_MATTER

    assert (MKDOCS_FRONT_MATTER.pattern, MKDOCS_FRONT_MATTER.flags) == (YAML_RE.pattern, YAML_RE.flags)

    for text in ("---\na: 1\n---\n\nbody\n", "---\r\na: 1\r\n---\r\nbody\r\n", "---\na: 1\n...\nbody",
                 "---\na: 1\n---", "--- \na: 1\n---\t\n\n\nbody\n"):
        ours = split_front_matter(text)
        body, meta = get_data(text.replace("\r\n", "\n"))
        if ours is None:
            assert meta == {}, text
        else:
            assert ours[1] == body, text
    assert split_front_matter("---\na: 1\n---\n\n\nbody\n")[2] == 6  # the body's own line


def test_a_byte_order_mark_and_an_unclosed_front_matter_are_named(tmp_path):
    docs = write_handbook(tmp_path)
    (docs / PAGE).write_bytes(b"\xef\xbb\xbf" + (docs / PAGE).read_bytes())
    (docs / EN_PAGE).write_text("---\ntitle: x\n", encoding="utf-8")
    assert "byte-order mark" in read_page(docs / PAGE, docs)[0].message
    assert "not closed" in read_page(docs / EN_PAGE, docs)[0].message


@pytest.mark.build
def test_the_front_matter_attack_is_refused_by_the_build(tmp_path):
    """The only real build here: the gate stops the issue's exact page before publishing."""
    project = copy_project(tmp_path / "handbook")
    page = "en/elements/common-vision.md"
    text = (project / "docs" / page).read_text(encoding="utf-8")
    head, _, rest = text.partition("\n---\n")
    (project / "docs" / page).write_text(head + "\n" + ATTACK + "---\n" + rest, encoding="utf-8")
    site = tmp_path / "site"
    result = subprocess.run([*MKDOCS, "build", "--strict", "-d", str(site)], cwd=project,
                            capture_output=True, text=True, timeout=300,
                            env={**__import__("os").environ, "HANDBOOK_BOOK": "off"})
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    assert re.search(rf"docs/{page}:\d+: error: line '---' inside the front matter", output), output
    assert not (site / "index.html").exists()


# ---------------------------------------------------------------------------------------------
# Limits on every input
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("page", "old", "new", "expected"), [
    (EN_PAGE, "title: Title alpha", "title: " + "T" * 201, "at most 200 characters"),
    (PAGE, "  - id: first-point\n    text: ข้อแรกของต้นฉบับ",
     "  - id: first-point\n    text: " + "ข้อ " * 700, "at most 2000 characters"),
    (PAGE, "related: [beta]", "synonyms: [" + ", ".join(f"s{i}" for i in range(31)) + "]\nrelated: [beta]",
     "at most 30 items"),
    (PAGE, "order: 1", "order: 100000", "less than or equal to 10000"),
    (PAGE, BODY, BODY + "๑" * (MAX_RUN_CHARS + 1) + "\n", f"at most {MAX_RUN_CHARS} are allowed"),
    (PAGE, BODY, BODY + ">" * 3000 + " x\n", f"at most {MAX_NESTING} levels"),
    (PAGE, BODY, BODY + "".join("    " * i + "- x\n" for i in range(30)), "levels of lists"),
    (PAGE, BODY, BODY + '<div markdown="1">\n' * 600 + "x\n" + "</div>\n" * 600, "HTML elements nested"),
    (PAGE, BODY, BODY + "- " * 40 + "x\n", "nested 40 deep"),
    # redteam: Python-Markdown is quadratic in a paragraph's '[' (20,000 `[ ` ran for minutes).
    (PAGE, BODY, BODY + "[ " * 250_000 + "\n", "at most 100 are allowed"),
    (PAGE, BODY, BODY + "<a " * 101 + "\n", "at most 100 are allowed"),
    (PAGE, BODY, BODY + "![ \n\n" * 2001, "at most 2000 are allowed"),
], ids=["title-length", "text-length", "synonyms-count", "order", "thai-digits-run", "quotes",
        "lists", "md-in-html", "list-markers", "brackets-in-paragraph", "tags-in-paragraph",
        "brackets-in-page"])
def test_every_input_has_a_limit_named_in_its_error(tmp_path, page, old, new, expected):
    docs = write_handbook(tmp_path)
    started = time.perf_counter()
    found = _change(docs, page, old, new)
    assert time.perf_counter() - started < 20
    assert any(f.path == f"docs/{page}" and f.line > 1 and expected in f.message for f in found), found


def test_long_terms_build_a_pattern_without_recursion():
    pattern = trie_pattern(["x" * 5000, "x" * 3000 + "y", "ab c"])
    assert re.compile(pattern).match("x" * 3000 + "y")


def test_long_runs_are_segmented_in_bounded_pieces():
    text = "๑" * (3 * SEGMENT_CHARS) + " ก ข " + "ค" * 10
    parts = pieces(text)
    assert "".join(parts) == text and max(map(len, parts)) <= SEGMENT_CHARS


# ---------------------------------------------------------------------------------------------
# Labels: bare names only
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["{n.real} items", "{n[0]} items", "{n!r} items", "{n:20000000} items",
                                   "{} items", "{0} items", "{n:{m}} items"])
def test_a_placeholder_is_a_bare_name(value):
    assert "bare name" in placeholder_problem(value)


def test_the_formatter_knows_only_bare_names():
    assert fill_placeholders("{n} of {total} {{x}} {percent}", {"n": 1, "total": 2}) == "1 of 2 {x} {percent}"
    assert fill_placeholders("{n.real}", {"n": 1}) == "{n.real}"
    assert placeholder_problem("{n} of {total} {{braces}}") is None


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_format_spec_in_any_language_is_refused_with_its_line(tmp_path, lang):
    docs = write_handbook(tmp_path)
    path = tmp_path / "labels" / f"{lang}.yml"
    text = path.read_text(encoding="utf-8")
    key = next(line.split(":")[0] for line in text.splitlines() if "{n}" in line and not line.startswith("#"))
    replace_in(path, f"{key}:", f"{key}: '{{n:20000000}}'\nx-{key}:")
    found = _errors(docs)
    assert any(f.path == f"labels/{lang}.yml" and f.line > 1 and "{n:20000000}" in f.message for f in found), found


# ---------------------------------------------------------------------------------------------
# Text made of '<'
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["<<<<", "a < b", "&lt;&lt;", "x\\u003C"])
def test_any_less_than_in_front_matter_text_is_refused(value):
    assert text_problem(value.encode().decode("unicode_escape") if "\\u" in value else value)


def test_greater_than_alone_is_plain_text():
    assert text_problem("1 + 1 > 2") is None


def test_search_names_are_escaped():
    from handbook.search import split_index

    index = {"docs": [{"location": "x/", "title": "t", "text": ""}]}
    out = split_index(index, ("en",), names={"en": {"x/": ["1 > 0", "a&b"]}})
    names = next(doc["names"] for doc in out["en"]["docs"] if doc["location"] == "x/")
    assert ">" not in names and "&gt;" in names and "&amp;" in names


# ---------------------------------------------------------------------------------------------
# SVG
# ---------------------------------------------------------------------------------------------

SVG = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">{}</svg>'


@pytest.mark.parametrize(("data", "expected"), [
    (b'<?xml-stylesheet href="https://e.invalid/x.css"?>' + SVG.format("").encode(), "processing instruction"),
    (SVG.format('<rect style="fill:u\\72l(https://e.invalid/x)"/>').encode(), "loads or runs"),
    (SVG.format('<rect fill="u\\rl(https://e.invalid/x)"/>').encode(), "loads or runs"),
    (SVG.format('<rect style="fill:u/**/rl(https://e.invalid/x)"/>').encode(), "loads or runs"),
    (SVG.format('<rect style="@\\69mport \'x\'"/>').encode(), "loads or runs"),
    (('<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE svg [<!ENTITY a "b">]>'
      + SVG.format("")).encode("utf-16"), "DOCTYPE"),
    (SVG.format('<rect data-x="1"/>').encode(), "attribute 'data-x'"),
    (SVG.format("<image href='#a'/>").encode(), "element"),
    (SVG.format("<style>rect{}</style>").encode(), "element"),
    (SVG.format('<use xlink:href="https://e.invalid/#x"/>').encode(), "only links inside the file"),
    (b"<svg", "not a valid SVG"),
], ids=["xml-stylesheet", "hex-escape", "char-escape", "comment", "import-escape", "utf16-doctype",
        "unknown-attribute", "image", "style", "external-use", "broken"])
def test_svg_beyond_a_plain_drawing_is_refused(data, expected):
    problems = svg_problems(data)
    assert any(expected in message for _, message in problems), problems


def test_a_plain_svg_passes_and_css_escapes_decode():
    plain = SVG.format('<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient>'
                       '</defs><rect fill="url(#g)" width="1" height="1"/><use href="#g"/>'
                       '<text x="1" y="1" font-size="3">ก</text>')
    assert svg_problems(plain.encode()) == []
    assert svg_problems(plain.encode("utf-16")) == []
    assert decode_css("u\\72l(") == "url(" and decode_css("u\\rl(") == "url("


# ---------------------------------------------------------------------------------------------
# Ticks
# ---------------------------------------------------------------------------------------------

def test_formerly_may_not_name_an_item_that_still_exists(tmp_path):
    docs = write_handbook(tmp_path)
    found = _change(docs, PAGE, "  - id: ask-alpha\n", "  - id: ask-alpha\n    formerly: [ask-beta]\n")
    assert any(f.path == f"docs/{PAGE}" and f.line > 1 and "still exists" in f.message for f in found), found


def test_a_checklist_formerly_may_not_name_a_checklist_that_exists(tmp_path):
    docs = write_handbook(tmp_path)
    structure = tmp_path / "handbook.yml"
    replace_in(structure, "  - {id: health-check, kind: element, result: chart}\n",
               "  - {id: health-check, kind: element, result: chart}\n"
               "  - {id: other, kind: element, formerly: [health-check]}\n")
    found = _errors(docs)
    assert any(f.path == "handbook.yml" and f.line == 8 and "still exists" in f.message for f in found), found


def test_a_checklist_renamed_without_formerly_is_an_error(tmp_path):
    docs = write_handbook(tmp_path)

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "x", "--allow-empty")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "first")
    structure = tmp_path / "handbook.yml"
    replace_in(structure, "{id: health-check,", "{id: health,")
    for name in ("checklist.health-check", "checklist.health-check.intro"):
        for lang in ("th", "en"):
            labels = tmp_path / "labels" / f"{lang}.yml"
            replace_in(labels, f"{name}:", f"{name.replace('health-check', 'health')}:")
    found = [f for f in collect_findings(docs) if f.level == "error"]
    assert any(f.path == "handbook.yml" and "'health-check'" in f.message and "formerly" in f.message
               for f in found), found
    replace_in(structure, "{id: health,", "{id: health, formerly: [health-check],")
    assert not [f for f in collect_findings(docs) if f.level == "error"]


def test_an_item_renamed_on_a_moved_page_is_not_silent(tmp_path):
    """redteam: a concept renamed (its file moved) with a checklist item renamed too: git has no
    previous version of the new path, and `make check` said nothing while readers' ticks went."""
    docs = write_handbook(tmp_path)

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "first")
    for lang in ("th", "en"):
        git("mv", f"docs/{lang}/elements/alpha.md", f"docs/{lang}/elements/gamma.md")
    for path in [*docs.rglob("*.md"), tmp_path / "handbook.yml"]:
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("alpha", "gamma"), encoding="utf-8")
    found = collect_findings(docs)
    assert not [f for f in found if f.level == "error"], found
    assert any("'ask-alpha'" in f.message and "is gone" in f.message for f in found), found


# ---------------------------------------------------------------------------------------------
# Reserved paths, case clashes, invisible characters, the site's classes
# ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("relative", "content", "expected"), [
    ("th/assets/images/icon-192.png", b"\x89PNG", "the site's own"),
    ("en/assets/images/og-image.png", b"\x89PNG", "the site's own"),
    ("th/sw.js", b"x", "the site's own"),
    ("th/offline.json", b'{"format": 1}', "the site's own"),
    ("th/search/index.md", b"---\noverview: home\ntitle: x\nsummary: y\n---\n", "the site's own"),
    ("th/downloads/x.png", b"\x89PNG", "the site's own"),
    ("th/en/index.md", b"---\noverview: home\ntitle: x\nsummary: y\n---\n", "language code 'en'"),
    ("th/glossary/index.md", b"---\noverview: home\ntitle: x\nsummary: y\n---\n", "same address"),
    ("th/elements/alpha/index.md", b"---\noverview: home\ntitle: x\nsummary: y\n---\n", "same address"),
    ("th/elements/Pic.png", b"\x89PNG", None),
], ids=["icon", "og-image", "sw", "offline-list", "search", "downloads", "language-folder", "glossary-folder",
        "page-folder", "case"])
def test_reserved_and_clashing_paths_are_refused(tmp_path, relative, content, expected):
    docs = write_handbook(tmp_path)
    if expected is None:  # a case clash
        (docs / "th/elements/pic.png").write_bytes(content)
        expected = "same name apart from case"
    (docs / relative).parent.mkdir(parents=True, exist_ok=True)
    (docs / relative).write_bytes(content)
    found = _errors(docs)
    name = relative.rsplit("/", 1)[-1]
    assert any(expected in f.message and (name in f.path or name in f.message) for f in found), found


def test_a_section_folder_beginning_with_a_language_code_is_refused(tmp_path):
    docs = write_handbook(tmp_path)
    replace_in(tmp_path / "handbook.yml", "folder: practice", "folder: en-practice")
    found = _errors(docs)
    assert any(f.path == "handbook.yml" and f.line == 5 and "language code 'en'" in f.message
               for f in found), found


@pytest.mark.parametrize("char", ["\u202e", "\u2066", "\u200f", "\u2028"])
def test_bidi_controls_are_refused_like_zero_width_characters(tmp_path, char):
    docs = write_handbook(tmp_path)
    found = _change(docs, EN_PAGE, "title: Title alpha", f"title: Title {char}alpha")
    assert any(f.path == f"docs/{EN_PAGE}" and f.line == 5 and "invisible" in f.message for f in found), found


@pytest.mark.parametrize("markdown", ['<div class="hb-offline" data-root="https://e.invalid/">x</div>',
                                      "# T {: .hb-offline }", "x\n{: class='md-typeset' }"])
def test_the_site_classes_are_not_for_pages(markdown):
    assert any("reserved for the site" in message for _, _, message in markdown_findings(markdown))


def test_the_editors_note_class_stays_allowed():
    assert markdown_findings("**Note**\n{ .hb-editors-note }") == []


# ---------------------------------------------------------------------------------------------
# Messages that name the right place
# ---------------------------------------------------------------------------------------------

def test_a_next_step_problem_names_handbook_yml_line(tmp_path):
    docs = write_handbook(tmp_path)
    replace_in(tmp_path / "handbook.yml", "  - {id: health-check, kind: element, result: chart}\n",
               "  - id: health-check\n    kind: element\n    result: chart\n    next_steps:\n"
               "      alpha: nowhere.md\n")
    for lang in ("th", "en"):
        labels = tmp_path / "labels" / f"{lang}.yml"
        labels.write_text(labels.read_text(encoding="utf-8")
                          + "result.next.alpha: x\nresult.next.alpha.link: y\n", encoding="utf-8")
    found = _errors(docs)
    assert any(f.path == "handbook.yml" and f.line == 12 and "nowhere.md" in f.message for f in found), found


def test_the_output_gate_names_the_source_line_of_a_value():
    from handbook.locate import locate

    source = "---\ntitle: x\n---\n\ntext\n\n![a](https://e.invalid/p.png)\n"
    message = "'https://e.invalid/p.png' loads from another site"
    assert locate(message, [("docs/th/x.md", source)]) == ("docs/th/x.md", 7)
    book = "URL not allowed: file:///tmp/handbook/templates/pic.png"
    assert locate(book, [("docs/th/y.md", "a\n![p](pic.png)\n")]) == ("docs/th/y.md", 2)


def test_emendations_yml_problems_carry_a_line(tmp_path):
    from handbook.emendations import read_emendations

    path = tmp_path / "emendations.yml"
    path.write_text("emendations:\n  - page: x.md\n    at: title\n    original: a\n    corrected: "
                    + "b" * 3000 + "\n    kind: typo\n", encoding="utf-8")
    _, _, found = read_emendations(path)
    assert found and found[0].line == 5 and "2000" in found[0].message


def test_the_book_names_the_page_and_line_of_a_refused_image():
    from handbook.book import render_pdf
    from handbook.findings import HandbookError

    with pytest.raises(HandbookError) as caught:
        render_pdf('<html lang="th"><body><p>x</p><img src="pic.png"></body></html>',
                   [("docs/th/elements/x.md", "---\ntitle: x\n---\n\n![a map](pic.png)\n")])
    assert (caught.value.first.path, caught.value.first.line) == ("docs/th/elements/x.md", 5), caught.value
