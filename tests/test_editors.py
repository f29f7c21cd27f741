"""Editors: checklist items no checklist draws are named; the editors' additions are marked."""

from __future__ import annotations

from handbook.check import collect_findings
from handbook.loader import load_handbook
from handbook.render import expand_markers
from tests.fixtures import replace_in, write_handbook


def test_items_in_no_checklist_are_a_warning_naming_them(tmp_path):
    docs = write_handbook(tmp_path)
    replace_in(tmp_path / "handbook.yml", "{id: health-check, kind: element, result: chart}",
               "{id: health-check, concepts: [alpha], result: chart}")
    found = [str(f) for f in collect_findings(docs) if "in no checklist" in f.message]
    assert found == [
        "docs/th/elements/beta.md:15: warning: checklist items 'ask-beta' are in no checklist: none "
        "of handbook.yml's checklists draws from kind 'element' or names 'beta' (they show only as "
        "questions on the page). Add the concept to a checklist there (CONTRIBUTING, 'Add a "
        "checklist'), or list it under 'questions_only' in handbook.yml"]
    # On purpose: questions on the page only.
    with (tmp_path / "handbook.yml").open("a", encoding="utf-8") as f:
        f.write("questions_only: [beta]\n")
    assert not [f for f in collect_findings(docs) if "in no checklist" in f.message]


def test_the_editors_additions_are_marked_on_the_page(tmp_path):
    docs = write_handbook(tmp_path)
    thai = docs / "th" / "elements" / "alpha.md"
    replace_in(thai, "    text: ข้อที่สอง", "    text: ข้อที่สอง\n    added_by_editors: true")
    replace_in(thai, "lead: บทนำ", "added_by_editors: true\nlead: บทนำ")
    handbook = load_handbook(docs)
    alpha = handbook.concepts["alpha"]
    # The model carries it (the book reads the same model).
    assert alpha.meta("th").added_by_editors and alpha.meta("th").points[1].added_by_editors
    thai_md = expand_markers(handbook, alpha.pages["th"], "th", alpha.pages["th"].body)
    assert '<p class="hb-added-page">ผู้จัดทำคู่มือเพิ่มหน้านี้ทั้งหน้า ไม่มีในเอกสารต้นฉบับ</p>' in thai_md
    assert '2. ข้อที่สอง <span class="hb-added">(ส่วนเพิ่มเติมของคู่มือ)</span>\n    { #second-point .hb-added-point }' in thai_md
    assert "1. ข้อแรกของต้นฉบับ\n    { #first-point }" in thai_md
    # The translation follows the original's marks, in its own words.
    english = expand_markers(handbook, alpha.pages["en"], "en", alpha.pages["en"].body)
    assert '2. The second point. <span class="hb-added">(added by the editors)</span>' in english
    assert "The editors added this whole page" in english
