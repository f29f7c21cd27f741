"""The code passes ruff (configured in pyproject.toml); the text lint warns on hard-wrapped Thai."""

from __future__ import annotations

import subprocess
import sys

import pytest

from handbook.lint import hard_wrap_findings, lint_text
from tests.conftest import ROOT


def test_ruff_check_passes():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "handbook", "hooks", "tests", "bench"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# ---- hard-wrapped Thai (handbook.lint.hard_wrap_findings) --------------------------------------

@pytest.mark.parametrize(("text", "lines"), [
    # A paragraph of the body wrapped inside a phrase: Markdown shows the break as a space.
    ("กลุ่มจะติ๊กข้อใดก็ต่อเมื่อ\nทุกคนในกลุ่มเห็นตรงกัน\n", [1]),
    # Front matter: YAML folds the break into a space just the same.
    ("---\nlead: >-\n  ความหมายนี้ให้ตรงกัน\n  ตั้งแต่ต้น\n---\n", [3]),
    # Even where a space is meant (ค่อย ๆ), a break cannot be told from one where none is.
    ("ก็มักจะค่อย\n  ๆ ถอยห่างออกไป\n", [1]),
    ("> สไลด์ชื่อเรื่อง\n> และสไลด์เนื้อหา\n", [1]),                      # a blockquote
    ("    ทั้งหน้านี้\n    ผู้จัดทำเขียนเอง\n", [1]),                      # an admonition's body
    ("ก่อน\nกลาง\nหลัง\n", [1, 2]),
    ("บรรทัดเดียวไม่ตัด\n", []),
    ("ย่อหน้าแรก\n\nย่อหน้าที่สอง\n", []),                              # a blank line
    ("- ข้อแรก\n- ข้อที่สอง\n", []),                                    # list items
    ("synonyms:\n  - ปฏิสัมพันธ์\n  - การแลกเปลี่ยนสองทาง\n", []),        # a YAML list
    ("หลักการทั้ง 6\nข้อนี้\n", []),                                     # after a digit
    ("เครือข่าย\n(network) คือ\n", []),                                 # before Latin text
    ("Thai term การสร้างเครือข่าย\nin English prose\n", []),
    ("```\nโค้ด\nตัวอย่าง\n```\n", []),                                 # a code block
])
def test_a_line_break_between_thai_letters_warns(text, lines):
    findings = list(hard_wrap_findings("docs/th/x.md", text))
    assert [f.line for f in findings] == lines
    assert all(f.level == "warning" for f in findings)


def test_the_hard_wrap_warning_points_at_the_break_and_says_how_to_fix_it():
    (finding,) = [f for f in lint_text("docs/th/x.md", "ก็ต่อเมื่อ\nทุกคน\n") if f.level == "warning"]
    assert str(finding) == (
        "docs/th/x.md:1:10: warning: line break between Thai letters ('…ก็ต่อเมื่อ' / 'ทุกคน…') "
        "shows as a space inside the text: join line 2 to this one (with one space only where "
        "the Thai has one); never wrap Thai prose")
