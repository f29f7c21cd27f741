"""Interface words are data (labels/<lang>.yml): same keys in every language, plain text only,
placeholders the generator fills in; a language without words falls back with a warning."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from handbook.findings import Finding
from handbook.labels import load_labels
from tests.conftest import ROOT


def _load(folder: Path, languages=("th", "en")) -> tuple:
    findings: list[Finding] = []
    labels = load_labels(folder, languages, findings, display_root=folder.parent)
    return labels, findings


def test_the_real_labels_have_every_key_in_every_language():
    labels, findings = _load(ROOT / "labels")
    assert findings == []
    assert set(labels.words["en"]) == set(labels.words["th"])


@pytest.fixture
def labels_dir(tmp_path) -> Path:
    folder = tmp_path / "labels"
    shutil.copytree(ROOT / "labels", folder)
    return folder


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_language_without_a_file_falls_back_to_the_original_with_a_warning(labels_dir):
    labels, findings = _load(labels_dir, ("th", "en", "lo"))
    assert labels.get("lo", "toolbar.print") == labels.get("th", "toolbar.print")
    assert labels.lang_of("lo", "toolbar.print") == "th"
    assert [(f.path, f.level) for f in findings] == [("labels/lo.yml", "warning")]


def test_a_missing_key_falls_back_and_is_named(labels_dir):
    _replace(labels_dir / "en.yml", "toolbar.print: Print\n", "")
    labels, findings = _load(labels_dir)
    assert labels.get("en", "toolbar.print") == "พิมพ์"
    assert [str(f) for f in findings] == [
        "labels/en.yml:1: warning: label 'toolbar.print' is missing: the 'th' words are shown"]


@pytest.mark.parametrize(("old", "new", "message"), [
    ("toolbar.print: Print", "toolbar.print: <b>Print</b>", "HTML is not allowed"),
    ("toolbar.print: Print", "toolbar.print: '{count} Print'", "unknown placeholder '{count}'"),
    ("toolbar.print: Print", "toolbar.print: 'Print {'", "a lone '{'"),
    ("toolbar.print: Print", "toolbar.print: '[x](javascript:alert(1))'", "not allowed"),
    ("footer.licence_url: https://creativecommons.org/licenses/by/4.0/",
     "footer.licence_url: javascript:alert(1)", "must be one https:// address"),
])
def test_a_bad_label_is_an_error_naming_file_and_line(labels_dir, old, new, message):
    _replace(labels_dir / "en.yml", old, new)
    line = next(n for n, text in enumerate((labels_dir / "en.yml").read_text(encoding="utf-8").splitlines(), 1)
                if text.startswith(new.split(":")[0] + ":"))
    _, findings = _load(labels_dir)
    errors = [f for f in findings if f.level == "error"]
    assert len(errors) == 1 and errors[0].path == "labels/en.yml" and errors[0].line == line
    assert message in errors[0].message


def test_placeholders_not_filled_stay_for_the_pages_script(labels_dir):
    labels, _ = _load(labels_dir)
    assert "{percent}" in labels.get("en", "offline.saving", unrelated=1)


def test_the_original_without_a_word_the_generator_writes_is_an_error(tmp_path):
    from handbook.findings import HandbookError
    from handbook.project import load_project
    from tests.fixtures import copy_project

    project = copy_project(tmp_path / "project")
    _replace(project / "labels" / "th.yml", "toolbar.print: พิมพ์\n", "")
    _replace(project / "labels" / "th.yml", "checklist.maintenance: ", "checklist.upkeep: ")
    with pytest.raises(HandbookError) as caught:
        load_project(project)
    assert [str(f) for f in caught.value.findings] == [
        "labels/th.yml:1: error: label 'checklist.maintenance' is missing: the handbook shows it "
        "(every language falls back to these words)",
        "labels/th.yml:1: error: label 'toolbar.print' is missing: the handbook shows it "
        "(every language falls back to these words)",
    ]
