"""Content from a hostile (or careless) pull request, in a copy of the project.

Every case must be refused with a line that names the file. Each case goes through
`collect_findings()`, the very function the build's gate (hooks/gate.py) and `make check` call, in
this process (a fraction of a second); a few cases go through a real `mkdocs build` and the real
`make build` to show the gate stops the build with the same line, a non-zero exit, no traceback
and no hang (each build runs under a timeout that only a hang would reach).
"""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.conftest import MKDOCS, ROOT
from tests.fixtures import copy_project, replace_in

PAGE = "th/elements/common-vision.md"
EN_PAGE = "en/elements/common-vision.md"
BODY_MARK = "<!-- handbook:questions -->"
HANG_GUARD = 120  # seconds; a refused build takes a few


def _alias_bomb() -> str:
    lines = ["bomb:", "  a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        lines.append(f"  a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _in_body(html: str):
    return (PAGE, BODY_MARK, html + "\n\n" + BODY_MARK)


def _front(old: str, new: str, page: str = PAGE):
    return (page, old, new)


# (id, (page, old, new) or a callable(project), text the error line must contain)
TEXT_CASES = [
    ("escaped-tag-in-title", _front("title: Common vision", 'title: "Common vision \\x3Cimg src=x onerror=alert(1)\\x3E"', EN_PAGE), "field 'title'"),
    ("unicode-escaped-script-in-synonym", _front("synonyms:\n", 'synonyms:\n  - "\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E"\n'), "synonym 1:"),
    ("escaped-script-in-checklist-item", _front("    text: เรามีเป้าหมายร่วมที่ตกลงกันไว้ และสมาชิกทุกคนรู้หรือไม่", '    text: "\\u003Cscript\\u003Ealert(1)\\u003C/script\\u003E"'), "checklist item 2 (id shared-goal), field 'text'"),
    ("entity-tag-in-summary", _front("summary: สมาชิกมองเห็นจุดหมายในอนาคตเป็นภาพเดียวกัน และมุ่งไปในทิศทางเดียวกัน", "summary: 'สรุป &lt;img src=x onerror=alert(1)&gt;'"), "field 'summary'"),
    ("folded-tag-over-two-lines", _front("summary: ", 'summary: >-\n  <img src="x"\n  onerror="alert(1)">\n  '), "field 'summary'"),
    ("tag-over-two-lines-in-body", _in_body('<img src="x"\nonerror="alert(1)">'), "event handler 'onerror'"),
    ("entity-encoded-scheme", _in_body('<a href="jav&#x61;script:alert(1)">x</a>'), "javascript:alert(1)"),
    ("tab-in-scheme", _in_body('<a href="java&#9;script:alert(1)">x</a>'), "is not allowed"),
    ("markdown-javascript-link", _in_body("[x](javascript:alert(1))"), "is not allowed"),
    ("markdown-javascript-link-in-point", _front("    text: สมาชิกมองเห็นจุดมุ่งหมาย", "    text: ดู [x](javascript:alert(1)) สมาชิกมองเห็นจุดมุ่งหมาย"), "is not allowed"),
    ("reference-javascript-link", _in_body("[x][a]\n\n[a]: javascript:alert(1)"), "is not allowed"),
    ("image-from-elsewhere", _in_body("![x](https://elsewhere.invalid/x.png)"), "loads from another site"),
    ("base", _in_body('<base href="http://elsewhere.invalid/">'), "<base> is not allowed"),
    ("meta-refresh", _in_body('<meta http-equiv="refresh" content="0;url=http://elsewhere.invalid/">'), "<meta> is not allowed"),
    ("script", _in_body("<script>alert(1)</script>"), "<script> is not allowed"),
    ("style", _in_body("<style>body{background:url(http://elsewhere.invalid/)}</style>"), "<style> is not allowed"),
    ("iframe", _in_body('<iframe src="http://elsewhere.invalid/"></iframe>'), "<iframe> is not allowed"),
    ("object", _in_body('<object data="x.swf"></object>'), "<object> is not allowed"),
    ("embed", _in_body('<embed src="x.swf">'), "<embed> is not allowed"),
    ("form", _in_body('<form action="http://elsewhere.invalid/"><input name="q"></form>'), "<form> is not allowed"),
    ("inline-svg-script", _in_body("<svg><script>alert(1)</script></svg>"), "<svg> is not allowed"),
    ("style-attribute", _in_body('<p style="background:url(http://elsewhere.invalid/)">x</p>'), "style"),
    ("theme-id", _in_body('<div id="__config">{}</div>'), "reserved for the theme"),
    ("theme-component", _in_body('<div data-md-component="search">x</div>'), "data-md-component"),
    ("alias-bomb", _front("kind: element\n", "kind: element\n" + _alias_bomb()), "YAML anchor"),
    ("deep-nesting", _front("kind: element\n", "kind: element\nx: " + "[" * 5000 + "]" * 5000 + "\n"), "nested"),
    ("duplicate-title", _front("order: ", "title: ชื่ออื่น\norder: "), "duplicate key 'title'"),
    ("duplicate-points", _front("checklist:\n", "points:\n  - id: only\n    text: ข้อเดียว\nchecklist:\n"), "duplicate key 'points'"),
    ("yaml-tag", _front("kind: element", "kind: !!python/name:os.system element"), "YAML tag"),
    ("merge-key", _front("kind: element\n", "kind: element\n<<: {title: x}\n"), "merge keys"),
]


def _write(project, relative, text):
    path = project / "docs" / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _concept_at_index(project):
    text = (project / "docs" / PAGE).read_text(encoding="utf-8").replace("id: common-vision", "id: index")
    _write(project, "th/elements/index.md", text)


def _glossary_page(project):
    _write(project, "th/glossary.md", "---\noverview: home\ntitle: x\nsummary: y\n---\n")


def _checklist_page(project):
    _write(project, "th/checklists/health-check.md", "---\noverview: home\ntitle: x\nsummary: y\n---\n")


def _html_file(project):
    _write(project, "th/anything.html", "<script>alert(1)</script>")


def _svg_script(project):
    _write(project, "th/elements/map.svg",
           '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')


def _svg_handler(project):
    _write(project, "th/elements/map.svg",
           '<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>')


def _symlink_file(project):
    os.symlink("/etc/passwd", project / "docs/th/elements/passwd.png")


def _symlink_folder(project):
    os.symlink("/etc", project / "docs/th/etc")


def _js_file(project):
    _write(project, "th/x.js", "alert(1)")


def _huge_page(project):
    replace_in(project / "docs" / PAGE, BODY_MARK, "ก" * 600_000 + "\n\n" + BODY_MARK)


FILE_CASES = [
    ("concept-id-index", _concept_at_index, "docs/th/elements/index.md", "reserved"),
    ("source-at-glossary", _glossary_page, "docs/th/glossary.md", "generated"),
    ("source-at-checklist", _checklist_page, "docs/th/checklists/health-check.md", "generated"),
    ("html-file", _html_file, "docs/th/anything.html", "not published"),
    ("js-file", _js_file, "docs/th/x.js", "not published"),
    ("svg-script", _svg_script, "docs/th/elements/map.svg", "<{http://www.w3.org/2000/svg}script>"),
    ("svg-handler", _svg_handler, "docs/th/elements/map.svg", "onload"),
    ("symlink-file", _symlink_file, "docs/th/elements/passwd.png", "symbolic links"),
    ("symlink-folder", _symlink_folder, "docs/th/etc", "symbolic links"),
    ("huge-page", _huge_page, "docs/th/elements/common-vision.md", "KiB"),
]


def project_in(tmp_path):
    return copy_project(tmp_path / "handbook", symlinks=True)


def build(project, site):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([*MKDOCS, "build", "--strict", "-d", str(site)], cwd=project, env=env,
                          capture_output=True, text=True, timeout=HANG_GUARD)


def assert_refused(result, path, expected, site):
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "Traceback" not in output, output
    lines = [line for line in output.splitlines() if path in line and expected in line]
    assert lines, output
    # Refused before anything was published.
    assert not (site / "index.html").exists()


def gate_report(project) -> str:
    """What the build's gate says of `project` before anything is built (hooks/gate.py)."""
    from handbook.check import collect_findings, format_report

    errors = [f for f in collect_findings(project / "docs", warnings=False) if f.level == "error"]
    return format_report(errors)


def assert_reported(report, path, expected):
    assert "Traceback" not in report, report
    assert [line for line in report.splitlines() if path in line and expected in line], report


@pytest.mark.parametrize(("change", "expected"), [c[1:] for c in TEXT_CASES], ids=[c[0] for c in TEXT_CASES])
def test_hostile_text_is_refused(tmp_path, change, expected):
    project = project_in(tmp_path)
    page, old, new = change
    replace_in(project / "docs" / page, old, new)
    assert_reported(gate_report(project), f"docs/{page}:", expected)


@pytest.mark.parametrize(("make", "path", "expected"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES])
def test_hostile_files_are_refused(tmp_path, make, path, expected):
    project = project_in(tmp_path)
    make(project)
    assert_reported(gate_report(project), path, expected)


#: A few cases through a real build: the gate stops it with the same line before anything is written.
BUILT_CASES = ["escaped-tag-in-title", "tag-over-two-lines-in-body", "alias-bomb"]
BUILT_FILE_CASES = ["svg-script", "symlink-folder"]


@pytest.mark.parametrize("case", BUILT_CASES + BUILT_FILE_CASES)
def test_the_build_refuses_what_the_gate_reports(tmp_path, case):
    project = project_in(tmp_path)
    texts = {c[0]: c[1:] for c in TEXT_CASES}
    if case in texts:
        (page, old, new), expected = texts[case]
        replace_in(project / "docs" / page, old, new)
        path = f"docs/{page}:"
    else:
        make, path, expected = {c[0]: c[1:] for c in FILE_CASES}[case]
        make(project)
    site = tmp_path / "site"
    assert_refused(build(project, site), path, expected, site)


def test_make_build_refuses_what_make_check_refuses(tmp_path):
    """The real `make build` (the deploy's command) and `make check` on the same bad page."""
    project = project_in(tmp_path)
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "requirements", project / "requirements")
    shutil.copytree(ROOT / "handbook", project / "handbook")
    replace_in(project / "docs" / PAGE, BODY_MARK, '<a href="jav&#x61;script:alert(1)">x</a>\n\n' + BODY_MARK)
    venv = ROOT / ".venv"
    # `-o` keeps make from reinstalling into the project's own virtualenv.
    make = ["make", "--no-print-directory", f"VENV={venv}", "-o", f"{venv}/.installed-build"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    results = {
        target: subprocess.run([*make, target], cwd=project, env=env, capture_output=True,
                               text=True, timeout=HANG_GUARD)
        for target in ("check", "build")
    }
    expected = "docs/th/elements/common-vision.md:"
    for target, result in results.items():
        output = result.stdout + result.stderr
        assert result.returncode != 0, (target, output)
        assert "Traceback" not in output, (target, output)
        assert any(expected in line and "javascript:alert(1)" in line for line in output.splitlines()), (target, output)
    assert not (project / "site" / "index.html").exists()
    assert not (project / "dist").exists()
