"""A real `mkdocs build` of a copy of the handbook with one page broken: one clear line, no traceback."""

from __future__ import annotations

import shutil

import pytest

from tests.conftest import ROOT, run_mkdocs_build
from tests.fixtures import replace_in

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
]


@pytest.mark.parametrize(("page", "old", "new", "expected"), CASES)
def test_broken_page_stops_the_build_with_one_line(tmp_path, page, old, new, expected):
    project = tmp_path / "handbook"
    for name in ("docs", "overrides", "hooks"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    replace_in(project / "docs" / page, old, new)

    result = run_mkdocs_build(project, tmp_path / "site")

    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if expected in line]
    assert errors, result.stderr
