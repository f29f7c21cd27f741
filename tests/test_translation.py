"""Translators' tools on fixture handbooks: lint rules, parity, outdated/sync, status, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from handbook.check import collect_findings
from handbook.lint import lint_text
from handbook.loader import load_handbook
from handbook.translation import set_source_hash, source_hash, translation_status
from tests.fixtures import replace_in, run_check, write_handbook


def check(docs, *args) -> subprocess.CompletedProcess:
    return run_check("--docs", str(docs), *args)


def test_the_command_line_entry_point_gives_what_main_gives(tmp_path):
    """`python -m handbook.check` (what `make check` runs) prints and exits as its `main` does,
    which the other tests here call in-process."""
    docs = write_handbook(tmp_path, ("alpha",))
    replace_in(docs / "th/elements/alpha.md", "kind: element", "kind: [")
    for args in ((), ("--json",)):
        command = subprocess.run([sys.executable, "-m", "handbook.check", "--docs", str(docs), *args],
                                 capture_output=True, text=True)
        in_process = check(docs, *args)
        assert command.returncode == in_process.returncode == 1, command.stderr
        assert command.stdout == in_process.stdout and "alpha.md" in command.stdout


def sync_all(docs) -> None:
    for page in sorted((docs / "en").rglob("*.md")):
        assert check(docs, "--sync", str(page)).returncode == 0


# ---- lint --------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("line", "column", "message"),
    [
        ("การทํางาน", 5, "decomposed sara am"),                 # ํ + า
        ("ที่นี่\u200bครับ", 7, "ZERO WIDTH SPACE"),
        ("ก\u0e48\u0e34น", 2, "tone mark before a vowel mark"),   # ่ before ิ
        ("ก\u0e49\u0e49าว", 2, "typed twice"),                    # ้ ้
        ("กิ\u0e48\u0e49น", 3, "two tone marks"),                 # ่ ้
        ("สวัสดี \u0e48ครับ", 8, "after a space"),
    ],
)
def test_each_lint_rule_fires_with_file_line_column(line, column, message):
    text = "บรรทัดแรกถูกต้อง\n" + line + "\n"
    findings = list(lint_text("docs/th/x.md", text))
    assert findings, line
    first = findings[0]
    assert (first.path, first.line, first.column) == ("docs/th/x.md", 2, column), str(first)
    assert message in first.message


@pytest.mark.parametrize("good", [
    "การทำงานร่วมกันอย่างสม่ำเสมอ", "ความไว้เนื้อเชื่อใจ", "ผู้สูงอายุ ๆ", "กี่ครั้ง", "ปี่ กั้น ที่",
    'A <a href="x">link</a> and <span class="x">text</span>.',
])
def test_lint_is_silent_on_good_text(good):
    assert list(lint_text("docs/th/x.md", good)) == []


def test_lint_is_silent_on_the_real_handbook():
    from tests.conftest import ROOT

    for path in sorted((ROOT / "docs").rglob("*.md")):
        assert list(lint_text(str(path), path.read_text(encoding="utf-8"))) == [], path


# ---- parity ------------------------------------------------------------------------------------

def test_parity_names_missing_and_extra_ids(tmp_path):
    docs = write_handbook(tmp_path, ("alpha",))
    sync_all(docs)
    replace_in(docs / "en/elements/alpha.md", "id: second-point", "id: second-pt")
    messages = [str(f) for f in collect_findings(docs)]
    assert any(m.startswith("docs/en/elements/alpha.md:10: error: field 'points': ids must match")
               and "missing ['second-point']" in m and "not in the original ['second-pt']" in m
               for m in messages), messages


# ---- outdated and sync -------------------------------------------------------------------------

def test_outdated_flips_when_thai_changes_and_clears_after_sync(tmp_path):
    docs = write_handbook(tmp_path, ("alpha",))
    assert {s.status for s in translation_status(load_handbook(docs), "en")} == {"outdated"}  # no hash
    sync_all(docs)
    assert {s.status for s in translation_status(load_handbook(docs), "en")} == {"translated"}

    replace_in(docs / "th/elements/alpha.md", "ข้อแรกของต้นฉบับ", "ข้อแรกของต้นฉบับที่แก้แล้ว")
    assert [s.status for s in translation_status(load_handbook(docs), "en")] == ["outdated"]
    result = check(docs)
    assert result.returncode == 0 and "warning: outdated" in result.stdout
    assert check(docs, "--strict").returncode == 1

    sync_all(docs)
    assert [s.status for s in translation_status(load_handbook(docs), "en")] == ["translated"]


def test_outdated_warning_shows_what_changed_in_thai(tmp_path):
    docs = write_handbook(tmp_path, ("alpha",))
    sync_all(docs)
    git = ["git", "-C", str(tmp_path), "-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run([*git[:3], "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-qm", "first"], check=True)
    replace_in(docs / "th/elements/alpha.md", "ข้อที่สอง", "ข้อที่สองฉบับปรับปรุง")
    out = check(docs).stdout
    assert "-    text: ข้อที่สอง" in out and "+    text: ข้อที่สองฉบับปรับปรุง" in out


def test_sync_edits_only_the_hash_field(tmp_path):
    docs = write_handbook(tmp_path, ("alpha",))
    page = docs / "en/elements/alpha.md"
    before = page.read_text(encoding="utf-8")
    sync_all(docs)
    first = page.read_text(encoding="utf-8")
    added = [line for line in first.splitlines() if line not in before.splitlines()]
    expected = source_hash((docs / "th/elements/alpha.md").read_text(encoding="utf-8"))
    assert added == ["translation:", f'  source_hash: "{expected}"']
    # A second sync after a Thai change rewrites only that one line.
    replace_in(docs / "th/elements/alpha.md", "ข้อที่สอง", "ข้อที่ 2")
    sync_all(docs)
    second = page.read_text(encoding="utf-8")
    changed = [(a, b) for a, b in zip(first.splitlines(), second.splitlines(), strict=True) if a != b]
    assert len(changed) == 1 and changed[0][0].startswith("  source_hash:")
    assert len(first.splitlines()) == len(second.splitlines())


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_set_source_hash_keeps_line_endings(newline):
    text = newline.join(["---", "id: a", "translation:", "  source_hash: 000000000000  # keep", "---", "body", ""])
    assert set_source_hash(text, "123456789012") == text.replace("000000000000", '"123456789012"')


def test_sync_refuses_thai_pages_and_missing_files_without_traceback(tmp_path):
    docs = write_handbook(tmp_path, ("alpha",))
    for target in (docs / "th/elements/alpha.md", docs / "en/elements/nope.md"):
        result = check(docs, "--sync", str(target))
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert str(target) in result.stderr


# ---- missing pages, status, the CLI's output ------------------------------------------------------

def test_missing_translation_is_a_warning_and_status_counts(tmp_path):
    docs = write_handbook(tmp_path, ("alpha", "beta"))
    sync_all(docs)
    (docs / "en/elements/beta.md").unlink()
    statuses = translation_status(load_handbook(docs), "en")
    assert [(s.src_uri, s.status) for s in statuses] == [
        ("th/elements/alpha.md", "translated"), ("th/elements/beta.md", "missing")]
    result = check(docs, "--json")
    report = json.loads(result.stdout)
    assert result.returncode == 0 and report["errors"] == 0 and report["warnings"] == 1
    assert report["findings"][0]["message"].startswith("missing translation of docs/th/elements/beta.md")


@pytest.mark.parametrize(
    ("page", "old", "new"),
    [
        ("th/elements/alpha.md", "kind: element", "kind: ["),  # broken YAML
        ("th/elements/alpha.md", "---\nid", "id"),  # no front matter
        ("en/elements/alpha.md", "text: The first point of the source.", "text: '<script>x</script>'"),
        ("th/elements/alpha.md", "<!-- handbook:points -->", "[x](nowhere.md)"),
    ],
)
def test_every_failure_is_one_line_per_finding_without_traceback(tmp_path, page, old, new):
    docs = write_handbook(tmp_path, ("alpha", "beta"))
    replace_in(docs / page, old, new)
    result = check(docs)
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    error_lines = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert error_lines and all(line.startswith("docs/") for line in error_lines)
    assert result.stdout.splitlines()[-1].endswith("file(s)")
