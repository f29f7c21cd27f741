"""Checklists generated from a fixture handbook: items, order, ids, links back, both languages."""

from __future__ import annotations

import pytest

from handbook.checklists import ChecklistSpec, build_checklists, manifest_entries, render_checklist
from handbook.findings import HandbookError
from handbook.loader import load_handbook
from tests.fixtures import replace_in, write_handbook

SPECS = (
    ChecklistSpec(id="health-check", kind="element", result="chart"),
    ChecklistSpec(id="core-team", concepts=("alpha",)),
)


def test_items_follow_concepts_and_front_matter_order(tmp_path):
    checklists = build_checklists(load_handbook(write_handbook(tmp_path, ("alpha", "beta"))), SPECS)
    health = checklists[0]
    assert [s.concept.id for s in health.sections] == ["alpha", "beta"]
    assert [i.id for i in checklists[1].items] == ["core-team.ask-alpha"]
    assert health.items[0].text == {
        "th": "เครือข่ายของเราทำข้อแรกแล้วหรือไม่",
        "en": "Does our network do the first thing?",
    }


def test_duplicate_item_ids_within_a_checklist_name_the_file(tmp_path):
    # Give beta alpha's item id: fine on its own page, a clash inside the health check.
    docs = write_handbook(tmp_path, ("alpha", "beta"))
    replace_in(docs / "th/elements/beta.md", "id: ask-beta", "id: ask-alpha")
    with pytest.raises(HandbookError) as info:
        build_checklists(load_handbook(docs), SPECS)
    assert str(info.value.first).startswith(
        "docs/th/elements/beta.md:16: error: checklist item id 'ask-alpha' is used twice"
    )


def test_new_item_appears_on_next_build(tmp_path):
    docs = write_handbook(tmp_path, ("alpha",))
    before = build_checklists(load_handbook(docs), SPECS)[0]
    for lang, text in (("th", "ข้อใหม่หรือไม่"), ("en", "A new one?")):
        path = docs / lang / "elements" / "alpha.md"
        replace_in(path, "related:", f"  - id: new-item\n    text: {text}\nrelated:")
    after = build_checklists(load_handbook(docs), SPECS)[0]
    assert len(after.items) == len(before.items) + 1
    assert after.items[-1].id == "health-check.new-item"


def test_unknown_concept_in_a_spec_is_an_error(tmp_path):
    handbook = load_handbook(write_handbook(tmp_path, ("alpha",)))
    with pytest.raises(HandbookError, match="unknown concept 'nope'"):
        build_checklists(handbook, (ChecklistSpec(id="x", concepts=("nope",)),))


@pytest.mark.parametrize("lang", ["th", "en"])
def test_render_has_labelled_boxes_links_back_and_same_ids(tmp_path, lang):
    checklist = build_checklists(load_handbook(write_handbook(tmp_path, ("alpha",))), SPECS)[0]
    page = render_checklist(checklist, lang)
    assert '<input type="checkbox" id="hb-ask-alpha" data-item="health-check.ask-alpha">' in page
    assert '<label for="hb-ask-alpha">' in page
    assert "(../elements/alpha.md)" in page  # links back to the element, relative .md (checked)
    assert 'data-section="alpha"' in page and 'class="hb-chart"' in page


def test_manifest_entries_count_items(tmp_path):
    checklists = build_checklists(load_handbook(write_handbook(tmp_path, ("alpha",))), SPECS)
    entries = manifest_entries(checklists)
    assert entries[0]["id"] == "health-check" and entries[0]["items"] == 1
    assert entries[0]["url"] == {"th": "checklists/health-check/", "en": "en/checklists/health-check/"}
