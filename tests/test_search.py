"""Thai and English search through the real search box (headless Chromium, built site)."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import sync_playwright

from handbook.search import segment_thai, split_index
from tests.browser import block_external, launch, serve
from tests.search_harness import concept_for_path, open_search, search
from tests.search_queries import ENGLISH, THAI

MIN_HIT_RATE = 0.95


# ---- pure helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("การมีวิสัยทัศน์ร่วมกัน", "การ\u200bมี\u200bวิสัยทัศน์\u200bร่วมกัน"),
        ("common vision (การมีวิสัยทัศน์ร่วมกัน)", "common vision (การ\u200bมี\u200bวิสัยทัศน์\u200bร่วมกัน)"),
        ("no Thai here", "no Thai here"),
        ("การ\u200bมี", "การ\u200bมี"),  # idempotent
    ],
)
def test_segment_thai(text, expected):
    assert segment_thai(text) == expected
    assert segment_thai(segment_thai(text)) == expected


def test_split_index_by_language():
    merged = {
        "config": {"lang": ["en", "th"], "separator": "[\\s\\-]+"},
        "docs": [
            {"location": "elements/x/", "title": "ชื่อเรื่อง", "text": "ข้อความไทย"},
            {"location": "en/elements/x/", "title": "Title", "text": "English text"},
        ],
    }
    indexes = split_index(merged, ("th", "en"))
    assert [d["location"] for d in indexes["th"]["docs"]] == ["elements/x/"]
    assert [d["location"] for d in indexes["en"]["docs"]] == ["elements/x/"]
    assert indexes["th"]["docs"][0]["text"] == "ข้อความ\u200bไทย"
    assert "\\u200b" in indexes["en"]["config"]["separator"]


# ---- in the browser ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def results(site):
    """Every query of the set, typed into the search box of a Thai and an English page."""
    manifest = json.loads((site / "concepts.json").read_text(encoding="utf-8"))
    url_to_id = {c["url"][lang]: c["id"] for c in manifest["concepts"] for lang in ("th", "en")}
    outcome = {}
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context()
        external: list[str] = []
        block_external(context, (base,), external)
        page = context.new_page()
        for lang, queries, start in (("th", THAI, ""), ("en", ENGLISH, "en/")):
            placeholder = open_search(page, base + start)
            rows = []
            for kind, query, expected in queries:
                paths, _ = search(page, query, placeholder)
                ids = [concept_for_path(p, "/", url_to_id) for p in paths]
                rows.append((kind, query, expected, ids, paths))
            outcome[lang] = rows
        browser.close()
    outcome["external"] = external
    return outcome


def _report(rows) -> str:
    misses = [f"  {q!r} ({k}): want {e}, got {ids[:3]}" for k, q, e, ids, _ in rows if not set(e) & set(ids[:3])]
    return "\n".join(misses)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_top3_hit_rate(results, lang):
    rows = results[lang]
    hits = sum(1 for _, _, expected, ids, _ in rows if set(expected) & set(ids[:3]))
    rate = hits / len(rows)
    assert rate >= MIN_HIT_RATE, f"{lang}: {hits}/{len(rows)} = {rate:.0%}\n{_report(rows)}"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_results_stay_in_the_readers_language(results, lang):
    for _, query, _, _, paths in results[lang]:
        for path in paths[:3]:
            assert path.startswith("/en/") == (lang == "en"), f"{query!r}: {path}"


def test_query_set_is_large_enough():
    assert len(THAI) >= 50 and len(ENGLISH) >= 25
    assert {k for k, _, _ in THAI} >= {"word", "phrase", "spaced", "mid", "term", "synonym"}


def test_search_makes_no_external_request(results):
    assert results["external"] == []


def test_thai_match_is_highlighted_on_the_opened_page(site):
    """Clicking a result opens the page with ?h=…; Material marks the Thai words there."""
    with serve(site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page()
        placeholder = open_search(page, base)
        search(page, "วิสัยทัศน์ร่วมกัน", placeholder)
        page.click("li.md-search-result__item > a.md-search-result__link")
        page.wait_for_selector("article mark[data-md-highlight]", timeout=5000)
        marks = page.eval_on_selector_all("article mark[data-md-highlight]", "els => els.map(e => e.textContent)")
        browser.close()
    assert "วิสัยทัศน์" in marks and "ร่วมกัน" in marks, marks
