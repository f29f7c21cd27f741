"""Results kept between builds (`handbook.memo`): only for the same input and the same code, only
results without problems, only plain JSON that comes back as it was, never in the working tree,
a snapshot of the result when it was made, and a damaged file is no result at all."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from handbook import memo as M
from handbook.model.data import Page
from handbook.model.pages import read_page
from handbook.sanitize import gate_output


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A project folder, and a cache folder beside it (not inside: see the last tests)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "project"
    folder.mkdir()
    return folder


def test_a_result_is_computed_once_and_kept_for_the_next_build(project):
    calls = []

    def double(x):
        calls.append(x)
        return [x, x]

    memo = M.Memo.load(project)
    assert memo.recall(M.key("d", "a"), double, "a", keep=bool) == ["a", "a"]
    assert memo.recall(M.key("d", "a"), double, "a", keep=bool) == ["a", "a"]
    memo.save()
    again = M.Memo.load(project)
    assert again.recall(M.key("d", "a"), double, "a", keep=bool) == ["a", "a"]
    assert calls == ["a"]
    # Another project folder keeps its own.
    assert M.Memo.load(project.parent / "other").kept == {}


def test_only_what_the_build_used_is_kept(project):
    memo = M.Memo.load(project)
    memo.put("old", 1)
    memo.put("new", 2)
    memo.save()
    again = M.Memo.load(project)
    assert again.get("new") == 2
    again.save()
    assert set(M.Memo.load(project).kept) == {"new"}


def test_a_result_with_problems_is_computed_every_time(project):
    calls = []

    def judge(text):
        calls.append(text)
        return ["a problem"]

    memo = M.Memo.load(project)
    for _ in range(2):
        assert memo.recall(M.key("j", "x"), judge, "x", keep=lambda found: not found) == ["a problem"]
    memo.save()
    assert calls == ["x", "x"] and M.Memo.load(project).kept == {}


def test_a_kept_result_is_a_snapshot(project):
    memo = M.Memo.load(project)
    value = memo.recall("k", lambda: {"items": [1]}, keep=bool)
    value["items"].append("changed by the build")
    assert memo.get("k") == {"items": [1]}
    memo.save()
    assert M.Memo.load(project).get("k") == {"items": [1]}


def test_another_code_starts_from_nothing(project, tmp_path, monkeypatch):
    """The code's key is read once a process (`mkdocs serve` runs the modules it imported, whatever
    their files say later); a process of other code has another key (`cache_clear` stands for it)."""
    key = M.code_key()
    assert key == M.code_key()
    copy = tmp_path / "handbook"
    shutil.copytree(M.CODE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(M, "CODE", copy)
    M.code_key.cache_clear()
    assert M.code_key() == key
    (copy / "sanitize.py").write_text((copy / "sanitize.py").read_text() + "\n# changed\n")
    assert M.code_key() == key  # the process runs the code it read
    M.code_key.cache_clear()
    assert M.code_key() != key
    monkeypatch.undo()
    M.code_key.cache_clear()


def test_keys_keep_their_parts_apart():
    assert M.key("ab", "c") != M.key("a", "bc")
    assert M.key("a", b"b") == M.key("a", "b")
    assert M.key("page", "x") != M.key("lint", "x")


@pytest.mark.parametrize("damage", ["", "not JSON", json.dumps(["a", "list"]), json.dumps({"k": 1}),
                                    json.dumps({"k": "[cut sh"})])
def test_a_damaged_file_or_entry_is_no_result(project, damage):
    memo = M.Memo.load(project)
    memo.put("k", 1)
    memo.save()
    memo.path.write_text(damage, encoding="utf-8")
    again = M.Memo.load(project)
    assert again.get("k") is None
    assert again.recall("k", lambda: 2, keep=bool) == 2


@pytest.mark.parametrize("value", [(1, 2), {1: "a number as a key"}, float("nan"), object(),
                                   [__import__("datetime").date(2026, 11, 30)]])
def test_what_json_does_not_give_back_as_it_was_is_not_kept(project, value):
    memo = M.Memo.load(project)
    memo.put("k", value)
    assert memo.get("k") is None and memo.used == {}


def test_no_memo_inside_the_project(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / ".cache"))
    memo = M.Memo.load(tmp_path)
    assert memo.path is None
    memo.put("k", 1)
    memo.save()
    assert not (tmp_path / ".cache").exists() or not list((tmp_path / ".cache").rglob("*.json"))


def test_the_files_of_other_codes_are_pruned(project):
    memo = M.Memo.load(project)
    for number in range(M.KEEP_FILES + 3):
        (memo.path.parent / f"old-{number}.json").write_text("{}")
    memo.put("k", 1)
    memo.save()
    assert len(list(memo.path.parent.glob("*.json"))) == M.KEEP_FILES and memo.path.exists()


ROOT = Path(__file__).resolve().parent.parent
PAGE = (ROOT / "docs" / "en" / "elements" / "common-vision.md").read_text(encoding="utf-8")


def test_a_page_read_with_the_memo_is_the_page_read_anew(project):
    docs = project / "docs"
    path = docs / "en" / "elements" / "common-vision.md"
    path.parent.mkdir(parents=True)
    path.write_text(PAGE, encoding="utf-8")
    memo = M.Memo.load(project)
    fresh = read_page(path, docs)
    first = read_page(path, docs, memo)
    memo.save()
    assert len(memo.used) == 1  # the front matter
    kept = read_page(path, docs, M.Memo.load(project))
    assert isinstance(fresh, Page) and fresh == first == kept
    assert kept.field_lines == fresh.field_lines
    # The kept front matter is parsed YAML only: the schema judges it anew.
    assert "\norder: " in PAGE
    path.write_text(PAGE.replace("\norder: ", "\norder: one", 1), encoding="utf-8")
    found = read_page(path, docs, M.Memo.load(project))
    assert isinstance(found, list) and "order" in str(found[0])
    # YAML that is refused is never kept.
    path.write_text(PAGE.replace("\norder: ", "\nalias: &a x\norder: ", 1), encoding="utf-8")
    memo = M.Memo.load(project)
    assert "anchor" in str(read_page(path, docs, memo))
    memo.save()
    assert len(M.Memo.load(project).kept) == 0


def test_cleaned_html_from_the_memo_is_what_ammonia_gives(project):
    def clean(html):  # as hooks/gate.py keeps it: a list, as JSON gives it back
        return list(gate_output(html))

    memo = M.Memo.load(project)
    html = '<p>Text<a class="headerlink" href="#x">&para;</a></p>'
    first = memo.recall(M.key("clean", html), clean, html, keep=lambda r: not r[1])
    memo.save()
    again = M.Memo.load(project)
    assert again.get(M.key("clean", html)) == first == list(gate_output(html))
    assert first[0] != html  # Ammonia writes the entity as the character: the kept text is its
    unsafe = '<p onclick="x()">Text</p>'
    assert again.recall(M.key("clean", unsafe), clean, unsafe, keep=lambda r: not r[1])[1]
    again.save()
    assert M.key("clean", unsafe) not in M.Memo.load(project).kept
