"""Search at scale (issue 24): the index is fetched only when the reader goes to search, and
English compounds are found however they are written. Speed itself is bench/run.py's (§5)."""

from __future__ import annotations

import json
import re

import pytest

from handbook.search import joined_compounds
from tests.browser import NO_SERVICE_WORKER
from tests.search_harness import INPUT, open_search, search


@pytest.mark.parametrize(("text", "expected"), [
    ("organized (top-down) networks", ["topdown"]),
    ("a two-way exchange, not one-way; Two-Way", ["twoway", "oneway"]),
    ('<a href="../mutual-benefits/">Mutual benefits</a>', []),  # a link's address is no text
    ("e-mail, sub-district, top-down-ish", ["subdistrict"]),
    ("ความร่วมมือ-ของ", []),
])
def test_hyphenated_compounds_are_indexed_joined_too(text, expected):
    assert joined_compounds(text) == expected


def _index_requests(page) -> list[str]:
    found: list[str] = []
    page.on("request", lambda r: found.append(r.url) if "search_index" in r.url else None)
    return found


@pytest.mark.parametrize("path", ["", "en/elements/common-vision/"])
def test_the_index_is_not_fetched_before_the_reader_goes_to_search(browser, path):
    chromium, base = browser
    page = chromium.new_page(**NO_SERVICE_WORKER)
    requested = _index_requests(page)
    page.goto(base + path, wait_until="networkidle")
    page.mouse.wheel(0, 600)  # reading and scrolling fetch nothing more
    page.wait_for_timeout(1000)
    assert requested == []
    # Going to search fetches it, once, and search works.
    placeholder = open_search_here(page)
    folder = "en/" if path.startswith("en/") else ""
    assert requested == [f"{base}{folder}search/search_index.json"]
    paths, _ = search(page, "common vision" if path else "วิสัยทัศน์ร่วมกัน", placeholder)
    assert paths and paths[0].endswith("elements/common-vision/")
    assert len(requested) == 1
    page.close()


def open_search_here(page) -> str:
    """open_search without a new visit: focus the box of the page already open."""
    page.click(INPUT)
    page.wait_for_function(
        """() => { const m = document.querySelector(".md-search-result__meta"); return m &&
                   m.textContent.trim() && !/^(Initializing|กำลัง)/.test(m.textContent.trim()) }""",
        timeout=15000)
    return page.inner_text(".md-search-result__meta").strip()


def test_the_phones_search_button_fetches_the_index(browser):
    chromium, base = browser
    context = chromium.new_context(viewport={"width": 375, "height": 800}, **NO_SERVICE_WORKER)
    page = context.new_page()
    requested = _index_requests(page)
    page.goto(base + "en/", wait_until="networkidle")
    assert requested == []
    page.click('label.md-header__button[for="__search"]')
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').textContent.trim()"
                           " && !/^Initializing/.test(document.querySelector('.md-search-result__meta').textContent.trim())",
                           timeout=15000)
    assert len(requested) == 1
    context.close()


def test_a_page_opened_from_a_result_highlights_at_once(browser):
    """?h= (a result's link): the page needs the index's configuration to mark the words."""
    chromium, base = browser
    page = chromium.new_page(**NO_SERVICE_WORKER)
    page.goto(base + "en/elements/common-vision/?h=vision")
    page.wait_for_selector("article mark[data-md-highlight]", timeout=10000)
    page.close()


COMPOUNDS = [
    # (query, page that must be among the first three) — written on the page hyphenated, joined, spaced
    ("top-down", "en/types/organized-network/"),
    ("top down", "en/types/organized-network/"),
    ("topdown", "en/types/organized-network/"),
    ("stakeholder", "en/elements/participation/"),
    ("stake holder", "en/elements/participation/"),
    ("stake-holder", "en/elements/participation/"),
    # The health check's own page (the guides rank below concept and checklist pages).
    ("healthcheck", "en/checklists/health-check/"),
]


def test_english_compounds_are_found_joined_hyphenated_or_spaced(browser):
    chromium, base = browser
    page = chromium.new_page(**NO_SERVICE_WORKER)
    placeholder = open_search(page, base + "en/")
    misses = []
    for query, expected in COMPOUNDS:
        paths, _ = search(page, query, placeholder)
        if not any(p.endswith(expected) for p in paths[:3]):
            misses.append(f"{query!r}: want {expected}, got {paths[:3]}")
    page.close()
    assert misses == []


def test_the_index_holds_joined_compounds(site):
    index = json.loads((site / "en" / "search" / "search_index.json").read_text(encoding="utf-8"))
    page = next(d for d in index["docs"] if d["location"] == "types/organized-network/")
    assert "topdown" in page.get("compounds", "").split()


# Search starts on the home page: what the browser redoes on every frame while the reader searches
# (results arriving, the query's echo) must not grow with the handbook. Timings are bench §5's;
# these check the published pages for what made them grow (a trace of the 50× home page).

#: The home page's blocks that grow with every concept: drawn only while on screen (the lists only
#: while search is open; before, they are drawn, so that their heights are true for every reader
#: and for axe).
GROWING_BLOCKS = ".hb-concept-map, .hb-concept-map ~ ul, .hb-concept-map ~ ol"


@pytest.mark.parametrize("path", ["", "en/"])
def test_the_home_pages_map_and_lists_are_drawn_only_on_screen(browser, path):
    chromium, base = browser
    page = chromium.new_page(**NO_SERVICE_WORKER)
    page.goto(base + path)

    def visibility():
        return page.eval_on_selector_all(
            GROWING_BLOCKS, "els => els.map(e => [e.tagName, getComputedStyle(e).contentVisibility])")

    closed = visibility()
    page.evaluate("document.getElementById('__search').checked = true")  # Material's search toggle
    searching = visibility()
    page.close()
    # The map and a list per section of the handbook (handbook.yml).
    assert closed[0] == ["DIV", "auto"] and len(closed) >= 4, closed
    assert all(value == "visible" for _, value in closed[1:]), closed
    assert all(value == "auto" for _, value in searching), searching


def test_no_stylesheet_rule_asks_the_whole_page_again_on_every_change(site):
    # `body:has(…)` made the browser check the whole page after every change to it (each search
    # result, each line of the offline status): at 50× a tenth of the main thread's work per query.
    css = (site / "assets" / "stylesheets" / "handbook.css").read_text(encoding="utf-8")
    rules = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    assert ":has(" not in rules


def test_checklist_pages_have_no_back_to_top_button_and_other_pages_keep_it(site):
    # What `body:has(.hb-checklist) .md-top` used to hide (it would sit over the sticky toolbar)
    # is left out of the page instead (overrides/partials/top.html).
    for lang in ("", "en/"):
        checklist = (site / lang / "checklists" / "health-check" / "index.html").read_text(encoding="utf-8")
        concept = (site / lang / "elements" / "common-vision" / "index.html").read_text(encoding="utf-8")
        assert 'class="hb-checklist' in checklist and 'class="md-top' not in checklist
        assert 'class="md-top md-icon" data-md-component="top"' in concept
