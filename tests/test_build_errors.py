"""A real `mkdocs build` of a copy of the handbook with one page broken: one clear line, no traceback."""

from __future__ import annotations

import pytest

from tests.conftest import run_mkdocs_build
from tests.fixtures import copy_project, replace_in

CASES = [
    (
        "th/elements/common-vision.md",
        "kind: element",
        "kind: elemnt",
        "docs/th/elements/common-vision.md:3: error: field 'kind':",
    ),
    (
        "en/elements/common-vision.md",
        "<!-- handbook:questions -->",
        "<!-- handbook:questoins -->",
        "docs/en/elements/common-vision.md",
    ),
    (
        # a link written as a site URL, not as the Markdown file: strict mode stops on it
        "th/elements/common-vision.md",
        "<!-- handbook:questions -->",
        "ดู[การมีส่วนร่วม](../participation/)\n\n<!-- handbook:questions -->",
        "'th/elements/common-vision.md' contains an unrecognized relative link '../participation/'",
    ),
    (
        "th/elements/common-vision.md",
        "<!-- handbook:questions -->",
        "ดู[การมีส่วนร่วม](participation.md#no-such-point)\n\n<!-- handbook:questions -->",
        # caught by the gate (hooks/gate.py) with make check's message, before MkDocs' own check
        "docs/th/elements/common-vision.md:38:19: error: broken link 'participation.md#no-such-point'",
    ),
]


def _copy_project(tmp_path):
    return copy_project(tmp_path / "handbook")


@pytest.mark.parametrize(("page", "old", "new", "expected"), CASES)
def test_broken_page_stops_the_build_with_one_line(tmp_path, page, old, new, expected):
    project = _copy_project(tmp_path)
    replace_in(project / "docs" / page, old, new)

    result = run_mkdocs_build(project, tmp_path / "site")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if expected in line]
    assert errors, result.stderr


def test_missing_and_outdated_translations_build_with_notices(tmp_path):
    from bs4 import BeautifulSoup

    project = _copy_project(tmp_path)
    (project / "docs/en/practice/maintenance.md").unlink()
    replace_in(project / "docs/th/elements/common-vision.md", "สมาชิกมองเห็น", "สมาชิกทุกคนมองเห็น")
    site = tmp_path / "site"
    result = run_mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr

    missing = BeautifulSoup((site / "en/practice/maintenance/index.html").read_text(encoding="utf-8"), "html.parser")
    assert missing.html["lang"] == "en"
    notice = missing.select_one(".admonition.warning")
    assert notice and "not been translated into English yet" in notice.get_text()
    assert "การรักษาเครือข่าย" in missing.select_one("article h1").get_text()  # the Thai text

    outdated = BeautifulSoup((site / "en/elements/common-vision/index.html").read_text(encoding="utf-8"), "html.parser")
    assert "The Thai original has changed" in outdated.select_one(".admonition.info").get_text()

    status = BeautifulSoup((site / "en/translation-status/index.html").read_text(encoding="utf-8"), "html.parser")
    text = status.get_text(" ")
    assert "18 of 20 pages translated (90%)" in text
    rows = {tr.select("td")[0].get_text(): tr.select("td")[1].get_text() for tr in status.select("tbody tr")}
    assert rows["Common vision"].startswith("outdated") and rows["การรักษาเครือข่าย"] == "not translated yet"
    # Translated pages carry no notice.
    fine = (site / "en/elements/interaction/index.html").read_text(encoding="utf-8")
    assert "admonition warning" not in fine and "admonition info" not in fine
