"""The safety rules as pure functions: YAML for content, the HTML allowlist, the files of docs/."""

from __future__ import annotations

import os
import subprocess
import time

import pytest

from handbook import sanitize, thai
from handbook.sources import source_findings
from handbook.yamlsafe import MAX_DEPTH, FrontMatterError, parse_front_matter

# ---------------------------------------------------------------------------------------------
# YAML
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "line", "message"),
    [
        ("a: &x 1\nb: *x\n", 2, "anchor '&x'"),
        ("a: [*x]\n", 2, "alias '*x'"),
        ("a: !!python/object:os.system x\n", 2, "YAML tag"),
        ("a: !custom x\n", 2, "YAML tag"),
        ("title: a\nsummary: b\ntitle: c\n", 4, "duplicate key 'title' (first at line 2)"),
        ("points:\n  - id: a\n    id: b\n", 4, "duplicate key 'id'"),
        ("<<: {a: 1}\n", 2, "merge keys"),
        ("? [a, b]\n: c\n", 2, "plain word"),
        ("x: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n", 2, "nested more than"),
        ("x: " + "[" * 5000 + "]" * 5000 + "\n", 2, "nested more than"),
        ("a: 'unclosed\n", 2, "not valid YAML"),
        ("a: b\n" * 10 + "x" * (300 * 1024), 2, "KiB"),
    ],
)
def test_front_matter_beyond_content_is_refused_with_its_line(front, line, message):
    with pytest.raises(FrontMatterError) as caught:
        parse_front_matter(front, first_line=2)
    assert caught.value.line == line
    assert message in caught.value.message


def test_an_alias_bomb_is_refused_at_once():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    started = time.perf_counter()
    with pytest.raises(FrontMatterError):
        parse_front_matter("\n".join(lines) + "\n", first_line=2)
    # Not a speed target: a bomb that were expanded would take minutes, not this.
    assert time.perf_counter() - started < 5


def test_plain_content_parses_with_field_lines():
    data, lines = parse_front_matter('id: x\npoints:\n  - id: a\n    text: "ข้อ"\n', first_line=2)
    assert data == {"id": "x", "points": [{"id": "a", "text": "ข้อ"}]}
    assert lines[("points", 0, "text")] == 5 and lines[("points",)] == 3


# ---------------------------------------------------------------------------------------------
# HTML and links
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "line", "message"),
    [
        ("ok\n<script>alert(1)</script>", 2, "<script> is not allowed"),
        ('<img src="x"\n     onerror="alert(1)">', 1, "event handler 'onerror'"),
        ('<a href="jav&#x61;script:alert(1)">x</a>', 1, "javascript:alert(1)"),
        ('<a href="&#106;avascript:alert(1)">x</a>', 1, "is not allowed"),
        ('<a href=" java\tscript:alert(1)">x</a>', 1, "is not allowed"),
        ('<a href="data:text/html,x">x</a>', 1, "is not allowed"),
        ('<a href="vbscript:x">x</a>', 1, "is not allowed"),
        ('<base href="http://elsewhere.invalid/">', 1, "<base>"),
        ('<meta http-equiv="refresh" content="0">', 1, "<meta>"),
        ('<link rel="stylesheet" href="x.css">', 1, "<link>"),
        ("<p style=\"color:red\">x</p>", 1, "style"),
        ('<p id="__drawer">x</p>', 1, "reserved for the theme"),
        ('<p data-md-component="x">x</p>', 1, "data-md-component"),
        ('<input type="text">', 1, "<input> is not allowed"),
        ("<!DOCTYPE html>", 1, "not allowed"),
        ("[x](javascript:alert(1))", 1, "is not allowed"),
        ("[x]( JavaScript:alert(1) )", 1, "is not allowed"),
        ("![x](https://elsewhere.invalid/x.png)", 1, "loads from another site"),
        ("![x](//elsewhere.invalid/x.png)", 1, "loads from another site"),
        ('<img src="https://elsewhere.invalid/x.png">', 1, "loads from another site"),
        ("text\n\n[ref]: javascript:alert(1)", 3, "is not allowed"),
        ("<javascript:alert(1)>", 1, "is not allowed"),
    ],
)
def test_refused_html_is_named_with_its_line(markdown, line, message):
    found = sanitize.markdown_findings(markdown)
    assert found, markdown
    assert found[0][0] == line
    assert any(message in m for _, _, m in found), found


@pytest.mark.parametrize(
    "markdown",
    [
        "**bold** and [a page](../elements/common-vision.md#same-picture)",
        "[site](https://example.org/) [mail](mailto:a@example.org) ![map](map.svg)",
        '<div class="hb-editors-note" markdown="1">text</div> <span lang="en">term</span>',
        '<abbr title="Non-governmental organisation">NGO</abbr> <a href="#x">x</a>',
        "`<script>` is shown as code, and so is\n\n```\n<iframe>\n```\n",
        "<https://example.org/> and <!-- handbook:points -->",
        "A < B and B > C & D",
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
    ],
)
def test_allowed_markdown_passes(markdown):
    assert sanitize.markdown_findings(markdown) == []


@pytest.mark.parametrize(
    ("value", "refused"),
    [
        ("ข้อความธรรมดา **ตัวหนา**", False),
        ("A < B & C", True),  # any "<": a text made of them slows the search script
        ("A > B & C", False),
        ("\x3Cimg src=x onerror=alert(1)\x3E", True),
        ("&lt;script&gt;alert(1)&lt;/script&gt;", True),
        ("&#60;img src=x&#62;", True),
        ("<!-- hidden -->", True),
        ("see [x](javascript:alert(1))", True),
    ],
)
def test_front_matter_text_is_plain_text(value, refused):
    assert (sanitize.text_problem(value) is not None) is refused


def test_the_output_gate_publishes_ammonia_output_and_explains_what_it_removed():
    dirty = ('<p>ok <a href="javascript:x">a</a><img src="http://e.invalid/x.png" alt="">'
             '<script>alert(1)</script></p><p onclick="x">b</p>')
    clean, problems = sanitize.gate_output(dirty)
    assert "script" not in clean and "javascript" not in clean and "onclick" not in clean
    assert "e.invalid" not in clean
    assert len(problems) == 4, problems
    good = ('<h2 id="x">T<a class="headerlink" href="#x" title="Permanent link">¶</a></h2>'
            '<ul class="hb-items" data-search-exclude><li id="a"><input type="checkbox" id="hb-a" '
            'data-item="c.a"> <label for="hb-a">ข้อ</label></li></ul><textarea rows="2" data-note="s">'
            '</textarea><button type="button" class="md-button" data-action="print">พิมพ์</button>')
    clean, problems = sanitize.gate_output(good)
    assert problems == []
    assert sanitize._census(clean) == sanitize._census(good)


# ---------------------------------------------------------------------------------------------
# Files of docs/
# ---------------------------------------------------------------------------------------------


def _messages(docs):
    return {f.path.split("docs/", 1)[-1]: f.message for f in source_findings(docs, ("th", "en"))}


def test_only_pages_and_safe_images_are_published(tmp_path):
    docs = tmp_path / "docs"
    (docs / "th" / "elements").mkdir(parents=True)
    (docs / "th" / "index.md").write_text("---\n---\n", encoding="utf-8")
    (docs / "th" / "ok.png").write_bytes(b"\x89PNG")
    (docs / "th" / "ok.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs>'
        '<rect fill="url(#g)" width="1" height="1"/><use href="#g"/></svg>', encoding="utf-8")
    (docs / "th" / "page.html").write_text("<script></script>", encoding="utf-8")
    (docs / "th" / "a b.md").write_text("x", encoding="utf-8")
    (docs / "stray.md").write_text("x", encoding="utf-8")
    (docs / "th" / "bad.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject/></svg>', encoding="utf-8")
    (docs / "th" / "ext.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<image xlink:href="http://e.invalid/x.png"/></svg>', encoding="utf-8")
    (docs / "th" / "dtd.svg").write_text('<!DOCTYPE svg [<!ENTITY a "b">]><svg/>', encoding="utf-8")
    (docs / "th" / ".DS_Store").write_bytes(b"ignored")
    os.symlink("/etc/passwd", docs / "th" / "elements" / "link.md")
    os.mkfifo(docs / "th" / "pipe.png")
    found = _messages(docs)
    assert set(found) == {"th/page.html", "th/a b.md", "stray.md", "th/bad.svg", "th/ext.svg",
                          "th/dtd.svg", "th/elements/link.md", "th/pipe.png"}, found
    assert "symbolic links" in found["th/elements/link.md"]
    assert "not a regular file" in found["th/pipe.png"]


# ---------------------------------------------------------------------------------------------
# Caches
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "question", "answer", "kept"),
    [
        ("words", "การมีส่วนร่วม", ["การ", "มีส่วนร่วม"], True),
        ("words", "การมีส่วนร่วม", ["<script>", "alert(1)"], False),
        ("words", "การมีส่วนร่วม", "การมีส่วนร่วม", False),
        ("subwords", "ความขัดแย้ง", ["ความ", "ขัดแย้ง"], True),
        ("subwords", "ความขัดแย้ง", ["อื่น"], False),
        ("orders", "ก\nข", ["ข", "ก"], True),
        ("orders", "ก\nข", ["ก", "ค"], False),
        ("words", "x", [1, 2], False),
    ],
)
def test_a_poisoned_thai_cache_answer_is_ignored(kind, question, answer, kept):
    assert thai._plausible(kind, question, answer) is kept


def test_no_cache_in_the_working_tree_is_unpickled_or_executed(tmp_path, monkeypatch):
    """Only plain JSON is read from the working tree; compiled templates live elsewhere."""
    import importlib.util

    from tests.conftest import ROOT

    for folder in ("hooks", "handbook"):
        for path in (ROOT / folder).glob("*.py"):
            text = path.read_text(encoding="utf-8")
            for unsafe in ("import pickle", "import marshal", "import shelve"):
                assert unsafe not in text, (path, unsafe)
    spec = importlib.util.spec_from_file_location("template_cache", ROOT / "hooks/template_cache.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    outside = module.cache_dir(ROOT)
    assert outside is not None and outside.is_relative_to(tmp_path / "user-cache")
    # A cache folder that would sit in the project (HOME or XDG_CACHE_HOME pointed there) is unused.
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "project" / ".cache"))
    assert module.cache_dir(tmp_path / "project") is None


def test_git_is_quiet_outside_a_repository(tmp_path):
    from handbook.history import previous_version

    page = tmp_path / "p.md"
    page.write_text("x", encoding="utf-8")
    assert subprocess.run(["git", "-C", str(tmp_path), "status"], capture_output=True).returncode != 0
    assert previous_version(page) is None
