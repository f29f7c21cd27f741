"""A generator, not a one-off: the handbook's languages, structure and words are data.

- A second handbook (tests/garden: another topic, other sections, three languages, its own
  checklist) is built by the same code with no Python change.
- A language added to the real handbook's mkdocs.yml is published whole, falling back to the
  original with a notice and `lang` marks; `make check` passes with warnings.
- Mistakes in handbook.yml are one line naming the file and line.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.translation_diff import changed_ids
from tests.conftest import ROOT, run_mkdocs_build
from tests.fixtures import copy_project, replace_in, run_check

GARDEN = Path(__file__).with_name("garden")
LANGUAGES_BLOCK = re.compile(r"^      languages:\n(?:        .*\n|          .*\n)+", re.MULTILINE)


def check(project: Path) -> subprocess.CompletedProcess:
    return run_check("--docs", str(project / "docs"), cwd=project)


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# ---------------------------------------------------------------------------------------------
# A second handbook
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def garden(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    """The garden handbook with the real generator (hooks, overrides) and the real mkdocs.yml,
    its languages replaced: English (the original), Spanish, French."""
    project = tmp_path_factory.mktemp("garden") / "project"
    shutil.copytree(GARDEN, project)
    for name in ("hooks", "overrides"):
        shutil.copytree(ROOT / name, project / name)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config = config.replace("site_name: คู่มือการสร้างเครือข่าย", "site_name: Community Gardens", 1)
    config = config.replace("  language: th\n", "  language: en\n", 1)
    config = LANGUAGES_BLOCK.sub(
        "      languages:\n"
        "        - {locale: en, name: English, default: true, build: true}\n"
        "        - {locale: es, name: Español, build: true}\n"
        "        - {locale: fr, name: Français, build: true}\n"
        # A fourth language whose readers read Spanish before English.
        "        - {locale: an, name: Aragonés, build: true, extra: {fallback: [es]}}\n", config, count=1)
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = project / "site"
    return project, site, run_mkdocs_build(project, site)


def test_a_second_handbook_builds_with_the_same_code(garden):
    project, site, result = garden
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    home = soup(site / "index.html")
    assert home.html["lang"] == "en"
    nav = home.select_one(".md-nav--primary").get_text(" ")
    assert "Tools" in nav and "Checklists" in nav and "Elements" not in nav
    checklist = soup(site / "checklists" / "garden-check" / "index.html")
    # Each page's navigation holds its own section's pages (navigation.prune), the others by name.
    assert "Garden check" in checklist.select_one(".md-nav--primary").get_text(" ")
    assert len(checklist.select("input[type=checkbox][data-item]")) == 4
    assert "4 items about 2 tools" in checklist.get_text(" ")  # counts are computed
    assert home.select_one("svg.hb-map--wide") is not None


def test_the_second_handbooks_languages_fall_back_page_by_page(garden):
    project, site, result = garden
    assert result.returncode == 0, result.stderr[-3000:]
    # Spanish: one page translated, the rest in English with a notice and lang="en".
    translated = soup(site / "es" / "tools" / "compost" / "index.html")
    assert translated.html["lang"] == "es"
    assert "Compostaje" in translated.select_one("article h1").get_text()
    assert not translated.select(".admonition.warning")
    fallback = soup(site / "es" / "tools" / "watering" / "index.html")
    assert "how the watering works" in fallback.select_one("article div[lang=en]:not(.admonition)").get_text()
    assert fallback.select_one(".admonition.warning")
    # Spanish words where labels/es.yml has them, English ones elsewhere.
    es_check = soup(site / "es" / "checklists" / "garden-check" / "index.html")
    assert "Revisión del huerto" in es_check.select_one("h1").get_text()
    # French: nothing translated, no labels: every page published, status at 0 %.
    assert (site / "fr" / "tools" / "compost" / "index.html").is_file()
    assert soup(site / "fr" / "index.html").html["lang"] == "fr"
    status_page = soup(site / "translation-status" / "index.html")
    status = status_page.get_text(" ")
    # "Start translating" opens GitHub's new-file page with the original in it.
    start = next(a["href"] for a in status_page.select("a[href*='/new/main/docs/fr/tools']")
                 if "filename=watering.md" in a["href"])
    from urllib.parse import parse_qs, urlsplit

    assert parse_qs(urlsplit(start).query)["value"] == [
        (project / "docs/en/tools/watering.md").read_text(encoding="utf-8")]
    assert "0 of 5 pages translated (0%)" in status
    assert "1 of 5 pages translated (20%)" in status


def test_a_language_with_a_fallback_chain_reads_its_fallbacks_words(garden):
    project, site, result = garden
    assert result.returncode == 0, result.stderr[-3000:]
    # Aragonese → Spanish → English: a page Spanish has is shown in Spanish, marked so, with the
    # notice in Spanish words (Aragonese has none) naming Spanish as what is shown.
    compost = soup(site / "an" / "tools" / "compost" / "index.html")
    assert compost.html["lang"] == "an"
    # Material has no Aragonese words either: its Spanish ones (without a chain: its English ones).
    assert compost.select_one("input.md-search__input")["placeholder"] == "Búsqueda"
    assert "Compostaje" in compost.select_one("article h1").get_text()
    notice = compost.select_one(".admonition.warning")
    assert notice["lang"] == "es"
    assert notice.select_one(".admonition-title").get_text(strip=True) == "Aún sin traducir"
    assert "se muestra en español" in notice.get_text(" ")
    assert compost.select_one("article div[lang=es]:not(.admonition)") is not None
    # A page Spanish lacks comes from English (the original), marked lang="en", notice in Spanish.
    watering = soup(site / "an" / "tools" / "watering" / "index.html")
    assert watering.select_one(".admonition.warning")["lang"] == "es"
    assert "how the watering works" in watering.select_one("article div[lang=en]:not(.admonition)").get_text()
    # Interface words from Spanish too: the checklist's name.
    check = soup(site / "an" / "checklists" / "garden-check" / "index.html")
    assert "Revisión del huerto" in check.select_one("h1").get_text()
    # The glossary's columns are named for what they show (this language's term, the original's).
    glossary = soup(site / "es" / "glossary" / "index.html")
    assert [th.get_text(strip=True) for th in glossary.select("table th")][:2] == ["Spanish", "English"]


def test_make_check_passes_on_the_second_handbook_with_warnings(garden):
    project, _, _ = garden
    result = check(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "labels/fr.yml:1: warning: no interface words for 'fr' yet" in result.stdout
    assert re.search(r"labels/es\.yml:1: warning: label '[\w.-]+' is missing", result.stdout)


# ---------------------------------------------------------------------------------------------
# A new language for the real handbook: one entry in mkdocs.yml
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def with_lao(tmp_path_factory) -> tuple[Path, Path, subprocess.CompletedProcess]:
    project = copy_project(tmp_path_factory.mktemp("lao") / "project")
    for name in ("hooks", "overrides"):
        shutil.rmtree(project / name)
        shutil.copytree(ROOT / name, project / name)
    replace_in(project / "mkdocs.yml", "          site_description: A bilingual Thai/English handbook on building community networks\n",
               "          site_description: A bilingual Thai/English handbook on building community networks\n"
               "        - locale: lo\n          name: ລາວ\n          build: true\n")
    # One page in Lao: a word in the middle of a run must be found by search.
    english = (project / "docs/en/elements/interaction.md").read_text(encoding="utf-8")
    lao = re.sub(r"(?m)^title: .*$", f"title: {LAO_TITLE}", english, count=1)
    lao = re.sub(r"(?m)^summary: >-\n(  .*\n)+", f"summary: {LAO_RUN}\n", lao, count=1)
    lao += f"\n{LAO_RUN}\n"
    lao = re.sub(r"(?m)^translation:\n  source_hash: .*\n", "", lao)  # a draft: not synced
    (project / "docs/lo/elements").mkdir(parents=True)
    (project / "docs/lo/elements/interaction.md").write_text(lao, encoding="utf-8")
    site = project / "site"
    return project, site, run_mkdocs_build(project, site)


LAO_TITLE = "ການພົວພັນ"
#: "Building a community network: members have a common vision", one run without spaces.
LAO_RUN = "ການສ້າງເຄືອຂ່າຍຊຸມຊົນສະມາຊິກມີວິໄສທັດຮ່ວມກັນ"
LAO_MIDDLE_WORD = "ຊຸມຊົນ"  # "community", in the middle of the run
LAO_WORDS = ("ການສ້າງ", "ເຄືອຂ່າຍ", "ຊຸມຊົນ", "ສະມາຊິກ", "ວິໄສທັດ", "ຮ່ວມກັນ")


def test_lao_is_indexed_word_by_word(with_lao):
    project, site, result = with_lao
    assert result.returncode == 0, result.stderr[-3000:]
    index = json.loads((site / "lo" / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"] if doc["location"].startswith("elements/interaction/"))
    assert "\u200b" + LAO_MIDDLE_WORD + "\u200b" in text, text[:500]


@pytest.mark.browser
def test_lao_search_finds_a_word_inside_a_run(with_lao, chromium):
    from tests.browser import NO_SERVICE_WORKER, serve
    from tests.search_harness import open_search, search

    project, site, result = with_lao
    assert result.returncode == 0, result.stderr[-3000:]
    with serve(site) as base:
        page = chromium.new_page(**NO_SERVICE_WORKER)
        placeholder = open_search(page, base + "lo/elements/interaction/")
        paths, _ = search(page, LAO_MIDDLE_WORD, placeholder)
        # Every word of the run, found on its page (the browser's ICU cuts some finer).
        found = {word: search(page, word, placeholder)[0][:1] for word in LAO_WORDS}
        # The query is cut by the browser's Intl.Segmenter, the index by PyICU: one algorithm.
        cut = page.evaluate("""run => [...new Intl.Segmenter(undefined, {granularity: "word"})
                               .segment(run)].map(s => s.segment)""", LAO_RUN)
        page.close()
    from handbook.wordbreak import break_run

    assert paths and paths[0] == "/lo/elements/interaction/", paths
    assert found == {word: ["/lo/elements/interaction/"] for word in LAO_WORDS}
    # ICU versions differ a little (Chromium's may cut a compound PyICU keeps whole), but the
    # word searched for is a word on both sides.
    assert LAO_MIDDLE_WORD in cut and LAO_MIDDLE_WORD in break_run(LAO_RUN), (cut, break_run(LAO_RUN))


def test_a_new_language_is_one_entry_in_mkdocs_yml(with_lao):
    project, site, result = with_lao
    assert result.returncode == 0, result.stderr[-3000:]
    page = soup(site / "lo" / "elements" / "common-vision" / "index.html")
    assert page.html["lang"] == "lo"  # Material has no Lao words: English ones, the page's lang
    notice = page.select_one(".admonition.warning")
    assert notice is not None and notice["lang"] == "th"  # no Lao labels yet: the Thai notice
    assert page.select_one("article div[lang=th]:not(.admonition) .hb-points-list")  # the Thai text, marked
    checklist = soup(site / "lo" / "checklists" / "health-check" / "index.html")
    # The Thai items, marked so; the one Lao page's (the fixture's) in the page's own language.
    langs = [label.get("lang") for label in checklist.select(".hb-items label")]
    assert set(langs) == {"th", None} and langs.count("th") > langs.count(None)
    status = soup(site / "translation-status" / "index.html").get_text(" ")
    assert re.search(r"ລາວ: แปลแล้ว 0 จาก \d+ หน้า \(0%\)", status)
    assert (site / "lo" / "search" / "search_index.json").is_file()


def test_make_check_passes_with_warnings_for_the_new_language(with_lao):
    project, _, _ = with_lao
    result = check(project)
    assert result.returncode == 0, result.stdout
    assert "labels/lo.yml:1: warning:" in result.stdout
    assert "docs/lo/elements/common-vision.md:1: warning: missing translation" in result.stdout


# ---------------------------------------------------------------------------------------------
# handbook.yml and translators' messages
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("    kind: element\n    result: chart", "    kind: elemnt\n    result: chart",
     "handbook.yml:{line}: error: checklist 'health-check': unknown kind 'elemnt'"),
    ("  - kind: practice\n    folder: practice", "  - kind: practice\n    folder: practice\n    colour: red",
     "error: sections.3.colour: unknown field"),
    ("    result: chart", "    result: pie", "error: checklists.0.result:"),
])
def test_a_mistake_in_handbook_yml_is_one_line(tmp_path, old, new, expected):
    project = copy_project(tmp_path / "project")
    replace_in(project / "handbook.yml", old, new)
    lines = (project / "handbook.yml").read_text(encoding="utf-8").splitlines()
    expected = expected.format(line=next(n for n, line in enumerate(lines, 1) if new.split("\n")[0] in line))
    result = check(project)
    assert result.returncode != 0
    assert "Traceback" not in result.stdout + result.stderr
    assert expected in result.stdout if expected.startswith("handbook.yml:") else expected in result.stdout, result.stdout


def test_a_tab_in_front_matter_is_reported_on_its_line(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "en" / "elements" / "common-vision.md"
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(n for n, line in enumerate(lines, 1) if line.startswith("  - id: "))
    lines[number - 1] = "\t" + lines[number - 1].lstrip()
    page.write_text("".join(lines), encoding="utf-8")
    result = check(project)
    assert f"docs/en/elements/common-vision.md:{number}: error:" in result.stdout, result.stdout


def test_a_copied_original_is_not_a_translation(tmp_path):
    project = copy_project(tmp_path / "project")
    thai = (project / "docs" / "th" / "elements" / "common-vision.md").read_text(encoding="utf-8")
    (project / "docs" / "en" / "elements" / "common-vision.md").write_text(thai, encoding="utf-8")
    result = check(project)
    assert re.search(r"docs/en/elements/common-vision\.md:\d+: warning: not translated yet\?", result.stdout), result.stdout


def test_an_outdated_warning_names_the_points_and_items_that_changed():
    old = "---\ntitle: A\nsummary: S\npoints:\n  - id: one\n    text: x\n  - id: two\n    text: y\nchecklist:\n  - id: ask\n    text: q\n---\n"
    new = old.replace("text: y", "text: y2").replace("  - id: ask\n    text: q\n", "  - id: ask2\n    text: q\n")
    assert changed_ids(old, new) == ["point 2 (id two) changed", "item 1 (id ask2) added", "item id ask removed"]
