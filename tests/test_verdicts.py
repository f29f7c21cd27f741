"""Verdicts kept between builds (`handbook.outputs.verdicts`): only for the same bytes and the same
judge, only plain JSON, never from the working tree, and a damaged file is no verdict at all."""

from __future__ import annotations

import shutil

import pytest

from handbook.outputs import verdicts as V
from handbook.outputs.csp import fill_policy, policy_element, policy_template
from handbook.outputs.pages import page_problems
from handbook.outputs.scan import scan_html
from tests.test_outputs import HOSTS, PAGE

UNFILLED = PAGE.format(policy=policy_template(), content="<p>Text</p>", tail="")


def judged(html: str) -> tuple[str, V.Verdict]:
    """The page filled and judged as hooks/outputs.py does, and the verdict it keeps."""
    scan = scan_html(html)
    offset, written = policy_element(scan).span
    filled, _, problems = fill_policy(html, scan)
    assert problems == [] and page_problems(filled, hosts=HOSTS, scan=scan) == []
    return filled, V.Verdict(offset, written, filled[offset:offset + len(written) + len(filled) - len(html)])


def test_a_verdict_gives_the_page_as_judged():
    filled, verdict = judged(UNFILLED)
    assert verdict.apply(UNFILLED) == filled
    # Not where the verdict says (another page with the same key cannot be, but a damaged entry
    # can): no page at all rather than a wrong one.
    assert verdict.apply(" " + UNFILLED) is None


def test_verdicts_are_kept_for_what_a_build_used(tmp_path):
    _, verdict = judged(UNFILLED)
    kept = V.Verdicts.load(tmp_path, "judge")
    assert kept.get(V.page_key(UNFILLED)) is None
    kept.put(V.page_key(UNFILLED), verdict)
    kept.put("old", verdict)
    kept.save()
    again = V.Verdicts.load(tmp_path, "judge")
    assert again.get(V.page_key(UNFILLED)) == verdict
    again.save()  # only what this build used is kept
    assert set(V.Verdicts.load(tmp_path, "judge").kept) == {V.page_key(UNFILLED)}
    assert V.Verdicts.load(tmp_path, "another judge").kept == {}
    # Other judges' files: the newest few are kept.
    for number in range(V.KEEP_FILES + 3):
        (tmp_path / f"old-{number}.json").write_text("{}", encoding="utf-8")
    again = V.Verdicts.load(tmp_path, "judge")
    again.put("new", verdict)
    again.save()
    assert len(list(tmp_path.glob("*.json"))) == V.KEEP_FILES and (tmp_path / "judge.json").exists()


def test_one_changed_character_is_another_page():
    changed = UNFILLED.replace("<p>Text</p>", "<p>Text!</p>")
    assert V.page_key(changed) != V.page_key(UNFILLED)


@pytest.mark.parametrize("content", [
    "not json", "[]", '{"k": 1}', '{"k": [1, 2, 3, 4]}', '{"k": ["0", "a", "b", null]}',
    '{"k": [0, "a", "b", ["x"]]}', '{"k": [0, "a", "b", [1, 2]]}', "\udcff",
])
def test_a_damaged_file_is_no_verdict(tmp_path, content):
    (tmp_path / "judge.json").write_text(content, encoding="utf-8", errors="surrogateescape")
    assert V.Verdicts.load(tmp_path, "judge").kept == {}


def test_the_judge_is_its_code_its_addresses_and_the_reader(tmp_path, monkeypatch):
    key = V.judge_key(origins=(), hosts=frozenset(), live_reload=False)
    assert key == V.judge_key(origins=(), hosts=frozenset(), live_reload=False)
    assert key != V.judge_key(origins=("https://handbook.invalid",), hosts=frozenset(), live_reload=False)
    assert key != V.judge_key(origins=(), hosts=frozenset({"handbook.invalid"}), live_reload=False)
    assert key != V.judge_key(origins=(), hosts=frozenset(), live_reload=True)
    copy = tmp_path / "handbook"
    shutil.copytree(V.JUDGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(V, "JUDGE", copy)
    assert V.judge_key(origins=(), hosts=frozenset(), live_reload=False) == key
    allowlist = copy / "outputs" / "allowlist.py"
    allowlist.write_text(allowlist.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert V.judge_key(origins=(), hosts=frozenset(), live_reload=False) != key


def test_verdicts_are_never_read_from_the_working_tree(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    assert V.cache_dir(tmp_path / "project").is_relative_to(tmp_path / "user-cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "project" / ".cache"))
    assert V.cache_dir(tmp_path / "project") is None


def test_the_judge_changes_with_the_html_policy_it_reads(tmp_path, monkeypatch):
    """The census reads `handbook/htmlpolicy.py`'s allowlists: a stricter policy judges anew."""
    package = tmp_path / "handbook"
    shutil.copytree(V.JUDGE, package, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(V, "JUDGE", package)
    key = dict(origins=("https://x.example",), hosts=frozenset({"x.example"}), live_reload=False)
    before = V.judge_key(**key)
    policy = package / "htmlpolicy.py"
    policy.write_text(policy.read_text(encoding="utf-8") + "\n# stricter\n", encoding="utf-8")
    assert V.judge_key(**key) != before
