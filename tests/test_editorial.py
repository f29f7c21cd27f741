"""Issue 15's additions: the editors' leads, the guide pages, the emendations, the next step after
the network-type result, and the dictionary check of Thai words."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.check import collect_findings
from handbook.emendations import emendation_findings, read_emendations
from handbook.loader import load_handbook
from handbook.manifest import build_manifest
from handbook.navigation import build_nav
from handbook.parity import parity_findings
from handbook.project import load_project
from handbook.spelling import spelling_findings, unknown_words
from tests.conftest import ROOT
from tests.fixtures import replace_in, write_handbook

DOCS = ROOT / "docs"
CONCEPTS = list(load_handbook(DOCS).concepts)
LEAD_LABEL = {"th": "บทนำ (ส่วนเพิ่มเติมของคู่มือ)", "en": "Introduction (added by the editors)"}


def _soup(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.is_file(), f"{url} was not built"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def manifest(site) -> dict:
    return json.loads((site / "concepts.json").read_text(encoding="utf-8"))


def _url(manifest: dict, key: str, item_id: str, lang: str) -> str:
    return next(c["url"][lang] for c in manifest[key] if c["id"] == item_id)


# ---- leads -----------------------------------------------------------------------------------


def test_fifteen_concepts_each_with_a_lead_in_both_languages():
    handbook = load_handbook(DOCS)
    assert len(handbook.concepts) == 15
    for concept in handbook.concepts.values():
        for lang in ("th", "en"):
            assert lang in concept.pages, concept.id
            assert concept.meta(lang).lead, (concept.id, lang)


@pytest.mark.build
@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("concept_id", CONCEPTS)
def test_lead_opens_the_article_marked_as_the_editors(site, manifest, concept_id, lang):
    article = _soup(site, _url(manifest, "concepts", concept_id, lang)).select_one("article")
    blocks = [child for child in article.find_all(recursive=False) if child.name]
    names = [(b.name, (b.get("class") or [None])[0]) for b in blocks[:3]]
    assert names == [("h1", None), ("p", "hb-term"), ("div", "hb-lead")], names
    lead = blocks[2]
    assert lead.select_one(".hb-lead__label").get_text(strip=True) == LEAD_LABEL[lang]
    # Cross-links may wrap words of the lead: compare the text, spaces aside.
    expected = re.sub(r"\s+", "", load_handbook(DOCS).concepts[concept_id].meta(lang).lead)
    text = "".join(p.get_text() for p in lead.find_all("p")[1:])
    assert re.sub(r"\s+", "", text) == expected


def test_missing_thai_lead_is_an_error_naming_file_and_line(tmp_path):
    docs = write_handbook(tmp_path)
    replace_in(docs / "th/elements/alpha.md", "lead: บทนำของผู้จัดทำคู่มือ\n", "")
    errors = [str(f) for f in collect_findings(docs, warnings=False) if f.level == "error"]
    assert any(e.startswith("docs/th/elements/alpha.md:6: error: field 'lead': required") for e in errors), errors


def test_lead_missing_in_one_language_is_a_parity_error(tmp_path):
    docs = write_handbook(tmp_path)
    replace_in(docs / "en/elements/beta.md", "lead: The editors' introduction.\n", "")
    findings = [str(f) for f in parity_findings(load_handbook(docs))]
    assert findings == [
        "docs/en/elements/beta.md:6: error: field 'lead': missing; the original has a lead to "
        "translate (original: docs/th/elements/beta.md)"
    ]


def test_lead_is_plain_text(tmp_path):
    docs = write_handbook(tmp_path)
    replace_in(docs / "en/elements/alpha.md", "lead: The editors' introduction.",
               'lead: "Hello <script>x</script>"')
    errors = [str(f) for f in collect_findings(docs, warnings=False)]
    assert any("docs/en/elements/alpha.md:19: error: field 'lead'" in e for e in errors), errors


# ---- guides ------------------------------------------------------------------------------------


def test_guides_are_loaded_in_order_and_have_a_section_in_the_navigation():
    handbook = load_handbook(DOCS)
    assert list(handbook.guides) == ["facilitator-guide", "about-the-source"]
    for lang in ("th", "en"):
        sections = [item for item in build_nav(handbook, lang) if isinstance(item, dict)]
        guides = [paths for section in sections for paths in section.values()
                  if "guides/facilitator-guide.md" in paths]
        assert guides == [["guides/facilitator-guide.md", "guides/about-the-source.md"]]


def test_concepts_json_lists_the_guides():
    manifest = build_manifest(load_handbook(DOCS))
    assert manifest["guides"] == [
        {"id": "facilitator-guide",
         "title": {"th": "คู่มือวิทยากรกระบวนการ: จัดเวทีเครือข่ายด้วยแบบตรวจสอบ",
                   "en": "Facilitator's guide: a network workshop with the checklists"},
         "url": {"th": "guides/facilitator-guide/", "en": "en/guides/facilitator-guide/"}},
        {"id": "about-the-source",
         "title": {"th": "ที่มาของเนื้อหา", "en": "About the source"},
         "url": {"th": "guides/about-the-source/", "en": "en/guides/about-the-source/"}},
    ]


@pytest.mark.build
def test_built_concepts_json_has_the_guides(manifest):
    assert [g["id"] for g in manifest["guides"]] == ["facilitator-guide", "about-the-source"]


@pytest.mark.build
@pytest.mark.parametrize("lang", ["th", "en"])
def test_facilitator_guide_links_to_every_checklist_of_its_language(site, manifest, lang):
    url = _url(manifest, "guides", "facilitator-guide", lang)
    soup = _soup(site, url)
    hrefs = {a["href"] for a in soup.select("article a[href]")}
    for checklist in manifest["checklists"]:
        target = checklist["url"][lang]
        assert any(href.rstrip("/").endswith(target.rstrip("/").split("/", 1 if lang == "en" else 0)[-1])
                   for href in hrefs), target
    assert len(manifest["checklists"]) == len(load_project(ROOT).structure.checklists)
    # The element table links to the sustainability and maintenance points that answer it.
    anchors = {href.split("#")[1] for href in hrefs if "#" in href and "practice/" in href}
    assert {"regular-forums", "understand-shared-goal", "new-leaders", "incentives"} <= anchors


def test_a_new_checklist_appears_in_the_guide(tmp_path):
    from handbook.guides import render_checklist_links

    docs = write_handbook(tmp_path)
    # A new checklist is data: one entry in handbook.yml and its words in the labels.
    structure = (tmp_path / "handbook.yml").read_text(encoding="utf-8")
    (tmp_path / "handbook.yml").write_text(structure.replace(
        "  - {id: health-check, kind: element, result: chart}\n",
        "  - {id: health-check, kind: element, result: chart}\n  - {id: brand-new, kind: element}\n"),
        encoding="utf-8")
    for lang, words in (("th", "ใหม่"), ("en", "Brand new")):
        path = tmp_path / "labels" / f"{lang}.yml"
        path.write_text(path.read_text(encoding="utf-8") + f"checklist.brand-new: {words}\n"
                        f"checklist.brand-new.intro: {words}.\n", encoding="utf-8")
    handbook = load_handbook(docs)
    page = handbook.pages["en/elements/alpha.md"]
    assert "[**Brand new**](../checklists/brand-new.md)" in render_checklist_links(handbook, page, "en")


# ---- emendations -------------------------------------------------------------------------------


def test_every_emendation_matches_its_page():
    assert emendation_findings(load_handbook(DOCS)) == []


@pytest.mark.build
@pytest.mark.parametrize("lang", ["th", "en"])
def test_about_the_source_lists_every_emendation(site, manifest, lang):
    emendations = read_emendations(ROOT / "editorial/emendations.yml")[0]
    assert len(emendations) >= 38
    soup = _soup(site, _url(manifest, "guides", "about-the-source", lang))
    rows = soup.select(".hb-emendations tbody tr")
    assert len(rows) == len(emendations)
    for row, emendation in zip(rows, emendations, strict=True):
        cells = row.find_all("td")
        assert " ".join(cells[1].get_text().split()) == " ".join(emendation.original.split())
        assert " ".join(cells[2].get_text().split()) == " ".join(emendation.corrected.split())
        href = cells[0].find("a")["href"]
        page_part = emendation.page.removesuffix(".md").removesuffix("index")
        assert page_part.rstrip("/") in href
        if emendation.at not in ("title", "terms", "body"):
            assert href.endswith("#" + emendation.at)


def test_an_emendation_that_no_longer_matches_is_an_error(tmp_path):
    docs = write_handbook(tmp_path)
    (tmp_path / "editorial").mkdir()
    (tmp_path / "editorial/emendations.yml").write_text(
        "emendations:\n"
        "  - page: elements/alpha.md\n"
        "    at: first-point\n"
        "    original: ข้อแรกของต้นฉบบ\n"
        "    corrected: ข้อแรกของฉบับแก้\n"
        "    kind: typo\n"
        "  - page: elements/alpha.md\n"
        "    at: no-such-point\n"
        "    original: ก\n"
        "    corrected: ข\n"
        "    kind: wording\n",
        encoding="utf-8",
    )
    findings = [str(f) for f in emendation_findings(load_handbook(docs))]
    assert findings == [
        "editorial/emendations.yml:5: error: 'ข้อแรกของฉบับแก้' is not what "
        "docs/th/elements/alpha.md#first-point says now: update the emendation",
        "editorial/emendations.yml:8: error: 'no-such-point' is neither a point of "
        "docs/th/elements/alpha.md nor one of title, terms, body",
    ]


# ---- next step after the network-type result ---------------------------------------------------


@pytest.mark.build
@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_type_result_has_a_next_step_and_organized_points_to_evolutionary(site, manifest, lang):
    soup = _soup(site, _url(manifest, "checklists", "network-type", lang))
    steps = {li["data-section"]: li for li in soup.select(".hb-next li[data-section]")}
    assert set(steps) == {"natural-network", "organized-network", "evolutionary-network"}
    for li in steps.values():
        assert li.find_all("a")[-1]["href"]
    assert re.search(r"types/evolutionary-network/$", steps["organized-network"].find_all("a")[-1]["href"])


# ---- dictionary check of Thai words ------------------------------------------------------------


def test_a_typo_like_prasakap_is_flagged_with_file_line_and_column(tmp_path):
    docs = write_handbook(tmp_path)
    replace_in(docs / "th/elements/alpha.md", "text: ข้อที่สอง", "text: หรือประสกับปัญหาเดียวกัน")
    findings = [str(f) for f in spelling_findings(docs)]
    assert len(findings) == 1, findings
    assert findings[0].startswith("docs/th/elements/alpha.md:14:18: ")
    assert ": warning: 'ส' (in 'ประสกับ') is not in PyThaiNLP's dictionary" in findings[0]


def test_accepted_words_are_not_flagged(tmp_path):
    docs = write_handbook(tmp_path)
    replace_in(docs / "th/elements/alpha.md", "text: ข้อที่สอง", "text: ข้อที่สองของกขคง")
    assert spelling_findings(docs)
    (tmp_path / "editorial").mkdir()
    (tmp_path / "editorial/words-th.txt").write_text("# accepted\nกขคง\n", encoding="utf-8")
    assert spelling_findings(docs) == []


@pytest.mark.parametrize("text", ["ม.ป.ท., ม.ป.ป.", "ค่อย ๆ", "พ.ศ. 2567", "๒๕๖๗"])
def test_abbreviations_and_marks_are_not_words_to_look_up(text):
    assert unknown_words(text) == []


def test_the_real_pages_have_no_unknown_thai_words():
    assert [str(f) for f in spelling_findings(DOCS)] == []
