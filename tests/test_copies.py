"""Copies caught: labels still the original's, a sync of a page that is still the original,
and another language typed into an original page."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from handbook.check import collect_findings
from handbook.copies import copied_labels
from handbook.project import load_project
from handbook.sync import SyncRefused, sync
from tests.fixtures import ROOT, replace_in, write_handbook


def test_a_labels_file_copied_from_the_original_is_counted(tmp_path):
    write_handbook(tmp_path)
    thai = yaml.safe_load((tmp_path / "labels/th.yml").read_text(encoding="utf-8"))
    english = yaml.safe_load((tmp_path / "labels/en.yml").read_text(encoding="utf-8"))
    # A translator copied th.yml and translated the first 20 words.
    copy = {key: english[key] if index < 20 else text for index, (key, text) in enumerate(thai.items())}
    (tmp_path / "labels/en.yml").write_text(yaml.safe_dump(copy, allow_unicode=True, width=1000),
                                            encoding="utf-8")
    project = load_project(tmp_path)
    still = len(copied_labels(thai, copy))
    assert 100 < still <= len(thai) - 20  # words, not addresses or bare {placeholders}
    [warning] = [f for f in project.findings if "interface words are still" in f.message]
    assert warning.level == "warning" and warning.path == "labels/en.yml"
    assert warning.message.startswith(f"{still} of {len(thai)} interface words are still the original's")
    # The copied words are shown for what they are: the original's, in its language.
    key = next(k for k in thai if k not in list(thai)[:20] and not k.endswith("_url"))
    assert project.labels.lang_of("en", key) == "th"
    assert project.labels.lang_of("en", list(thai)[0]) == "en"


def test_the_real_labels_are_not_copies():
    assert not [f for f in load_project(ROOT).findings if "still the original" in f.message]


def test_sync_refuses_a_page_that_is_still_the_original_unless_forced(tmp_path):
    docs = write_handbook(tmp_path)
    page = docs / "en" / "elements" / "alpha.md"
    page.write_text((docs / "th/elements/alpha.md").read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(SyncRefused) as refused:
        sync(page, docs)
    assert str(refused.value) == (
        "docs/en/elements/alpha.md:5: error: not synced: this page is still mostly the original "
        "(5 of its 5 texts are the original's, unchanged). Translate it first; if the texts really "
        f"are the same in both languages (names, numbers), run make sync-translation PAGE={page} "
        "FORCE=1")
    assert "source_hash" not in page.read_text(encoding="utf-8")
    assert "translation.source_hash" in sync(page, docs, force=True)
    assert "source_hash" in page.read_text(encoding="utf-8")
    # A real translation syncs without --force.
    assert "translation.source_hash" in sync(docs / "en/elements/beta.md", docs)


def test_make_passes_force():
    dry = subprocess.run(["make", "-n", "-C", str(ROOT), "sync-translation", "PAGE=docs/en/x.md",
                          "FORCE=1"], capture_output=True, text=True, check=True).stdout
    assert '--sync "docs/en/x.md" --force' in dry


def test_another_script_in_the_original_is_a_warning_naming_the_line(tmp_path):
    docs = write_handbook(tmp_path)
    page = docs / "th" / "elements" / "alpha.md"
    replace_in(page, "    text: ข้อที่สอง", "    text: ข้อที่สอง ເຄືອຂ່າຍ")
    # A term in another language is there on purpose.
    replace_in(page, "  en: term alpha", "  en: term alpha\n  km: បណ្តាញ")
    found = [f for f in collect_findings(docs) if "text in the original" in f.message]
    assert [(f.path, f.line, f.level, f.message) for f in found] == [
        ("docs/th/elements/alpha.md", 15, "warning",
         "Lao text in the original (Thai): 'ເຄືອຂ່າຍ'; a translation belongs in its own "
         "language's folder (docs/<language>/…), not in the original")]
