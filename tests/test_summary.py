"""CI's job summary: make check's findings and each touched language's status, before → after."""

from __future__ import annotations

import subprocess
from collections import Counter

import pytest

from handbook.findings import Finding
from handbook.summary import main, render_summary, touched_languages
from tests.fixtures import write_handbook


@pytest.mark.parametrize(("changed", "expected"), [
    (["docs/lo/elements/x.md"], ["lo"]),
    (["labels/km.yml", "README.md"], ["km"]),
    (["docs/th/elements/x.md"], ["en", "lo", "km"]),  # the original moves every translation
    (["hooks/x.py", "labels/th.yml"], []),
])
def test_touched_languages(changed, expected):
    assert touched_languages(changed, ("th", "en", "lo", "km")) == expected


def test_render_summary_lists_findings_and_moves():
    findings = [Finding("docs/lo/a.md", 3, "bad", "error"), Finding("labels/lo.yml", 1, "left", "warning")]
    before = {"lo": Counter(translated=1, missing=4)}
    after = {"lo": Counter(translated=3, missing=2)}
    assert render_summary(findings, before, after, ["lo"]) == (
        "## make check\n\n**1 error(s), 1 warning(s)**\n\n```\ndocs/lo/a.md:3: error: bad\n"
        "labels/lo.yml:1: warning: left\n```\n\n## Translation status\n\n"
        "| language | translated | outdated | missing |\n|---|---|---|---|\n"
        "| `lo` | 1 → **3** | 0 | 4 → **2** |\n")


def test_a_pull_request_that_translates_a_page(tmp_path, capsys):
    docs = write_handbook(tmp_path)
    page = docs / "en" / "elements" / "beta.md"
    text = page.read_text(encoding="utf-8")
    page.unlink()

    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base")
    page.write_text(text, encoding="utf-8")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "translate beta")
    assert main(["--base", "HEAD~1", "--root", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    # The fixture's translations record no source hash: outdated, not translated.
    assert "| `en` | 0 | 1 → **2** | 1 → **0** |" in out, out
