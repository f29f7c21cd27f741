"""Thai and English search of the built site: every query through the site's own search worker
(under Node, as the search box asks it: tests/search_node.py), a sample of them typed into the
real search box in headless Chromium, which must show the same.

Targets (issue 14): correctly spelled queries ≥ 97 % in the top 3 and ≥ 90 % first; typed with
typos ≥ 90 % in the top 3, per language; every name of a concept ranks its page first. Rates,
not wall-clock times: speed is measured by `make bench`, never asserted here.
"""

from __future__ import annotations

import json

import pytest

from handbook.loader import load_handbook
from handbook.search import concept_names, name_token, point_words, segment_thai, split_index
from tests.browser import NO_SERVICE_WORKER, block_external
from tests.conftest import ROOT
from tests.search_harness import concept_for_path, correction_line, open_search, search
from tests.search_node import (
    DRAWN_AT_ONCE,
    ask_worker,
    correction_shown,
    correction_template,
    shown_groups,
    shown_paths,
)
from tests.search_queries import ENGLISH, ENGLISH_TYPOS, THAI, THAI_TYPOS

MIN_HIT_RATE = 0.97
MIN_TOP1_RATE = 0.90
MIN_TYPO_HIT_RATE = 0.90
#: The query sets of each language, and the folder its pages start from.
QUERY_SETS = {
    "th": {"correct": THAI, "typo": THAI_TYPOS},
    "en": {"correct": ENGLISH, "typo": ENGLISH_TYPOS},
}
START = {"th": "", "en": "en/"}


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


@pytest.mark.parametrize(
    ("name", "token"),
    [
        ("Common vision", "commonvisionq"),
        ("self-organized network", "selforganizednetworkq"),
        ("mutual interests/benefits", "mutualinterestsbenefitsq"),
        ("การ\u200bมี\u200bวิสัยทัศน์", "การมีวิสัยทัศน์q"),
        ("—", ""),
    ],
)
def test_name_token(name, token):
    assert name_token(name) == token


def test_split_index_indexes_names_on_the_concept_page_only():
    merged = {
        "config": {"lang": ["en", "th"], "separator": "[\\s\\-]+", "fields": {"title": {"boost": 1000}}},
        "docs": [
            {"location": "elements/x/", "title": "วิสัยทัศน์", "text": ""},
            {"location": "elements/x/#part", "title": "ส่วน", "text": ""},
            {"location": "en/elements/x/", "title": "Vision", "text": ""},
        ],
    }
    names = {"th": {"elements/x/": ["การมีวิสัยทัศน์ร่วมกัน", "common vision"]}, "en": {"elements/x/": ["Common vision"]}}
    words = {"en": {"elements/x/": ["shared future"]}}
    indexes = split_index(merged, ("th", "en"), names, words)
    th, section = indexes["th"]["docs"]
    assert th["names"] == "การ\u200bมี\u200bวิสัยทัศน์\u200bร่วมกัน · common vision"
    assert th["exact"] == "การมีวิสัยทัศน์ร่วมกันq commonvisionq"
    assert "names" not in section and "exact" not in section
    en = indexes["en"]["docs"][0]
    assert en["exact"] == "commonvisionq" and en["words"] == "shared future"
    fields = indexes["th"]["config"]["fields"]
    assert fields["exact"]["boost"] > fields["names"]["boost"] > fields["title"]["boost"]


def test_concept_names_cover_terms_synonyms_and_the_other_language():
    handbook = load_handbook(ROOT / "docs")
    th = concept_names(handbook, "th")
    en = concept_names(handbook, "en", directory_urls=False)
    assert {"การมีวิสัยทัศน์ร่วมกัน", "common vision", "วิสัยทัศน์ร่วม", "shared vision"} <= set(th["elements/common-vision/"])
    assert {"Common vision", "การมีวิสัยทัศน์ร่วมกัน", "วิสัยทัศน์ร่วม"} <= set(en["elements/common-vision.html"])
    assert "voluntary link" in point_words(handbook, "en")["basics/network-definition/"]
    # One entry per concept page, nothing for overviews (their title is indexed anyway).
    assert len(th) == len(handbook.concepts)


# ---- the site's worker, as the search box asks it ---------------------------------------------


@pytest.fixture(scope="module")
def url_to_id(site) -> dict[str, str]:
    manifest = json.loads((site / "concepts.json").read_text(encoding="utf-8"))
    return {c["url"][lang]: c["id"] for c in manifest["concepts"] for lang in ("th", "en")}


@pytest.fixture(scope="module")
def results(site, url_to_id):
    """Every query of every set, as the search box of a Thai and an English page sends it to the
    site's own worker (under Node, tests/search_node.py), and what the page shows of each answer:
    {lang: {set: [(kind, query, expected, ids, paths, correction line)]}}.
    (test_the_search_box_shows_what_the_worker_answers: Chromium's box shows the same.)"""
    outcome: dict = {}
    for lang, sets in QUERY_SETS.items():
        template = correction_template(site, START[lang])
        typed = [query for queries in sets.values() for _, query, _ in queries]
        answers = iter(ask_worker(site, START[lang], typed))
        for name, queries in sets.items():
            rows = []
            for kind, query, expected in queries:
                answer = next(answers)
                paths = shown_paths(answer, START[lang])
                ids = [concept_for_path(p, "/", url_to_id) for p in paths]
                rows.append((kind, query, expected, ids, paths, correction_shown(answer, template)))
            outcome.setdefault(lang, {})[name] = rows
    return outcome


def _report(rows, top: int = 3) -> str:
    misses = [f"  {q!r} ({k}): want {e}, got {ids[:3]}" for k, q, e, ids, *_ in rows if not set(e) & set(ids[:top])]
    return "\n".join(misses)


def _rate(rows, top: int) -> tuple[int, float]:
    hits = sum(1 for _, _, expected, ids, *_ in rows if set(expected) & set(ids[:top]))
    return hits, hits / len(rows)


@pytest.mark.parametrize(
    ("lang", "queries", "top", "minimum"),
    [
        (lang, name, top, minimum)
        for lang in QUERY_SETS
        for name, top, minimum in (("correct", 3, MIN_HIT_RATE), ("correct", 1, MIN_TOP1_RATE), ("typo", 3, MIN_TYPO_HIT_RATE))
    ],
)
def test_hit_rate(results, lang, queries, top, minimum):
    rows = results[lang][queries]
    hits, rate = _rate(rows, top)
    assert rate >= minimum, f"{lang} {queries} top-{top}: {hits}/{len(rows)} = {rate:.0%}\n{_report(rows, top)}"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_results_stay_in_the_readers_language(results, lang):
    for rows in results[lang].values():
        for _, query, _, _, paths, _ in rows:
            for path in paths[:3]:
                assert path.startswith("/en/") == (lang == "en"), f"{query!r}: {path}"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_correctly_spelled_queries_are_never_corrected(results, lang):
    """Exact before fuzzy: a query whose every word has an exact hit is searched as typed."""
    corrected = [(query, line) for _, query, _, _, _, line in results[lang]["correct"] if line]
    assert corrected == []


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_corrected_query_says_so_in_the_readers_language(results, labels, lang):
    before, _, after = labels.get(lang, "search.corrected").partition("{query}")
    lines = [line for *_, line in results[lang]["typo"] if line]
    # Most typos are corrected; the others already had an exact hit (a stem, an inner word).
    assert len(lines) >= len(results[lang]["typo"]) // 2
    for line in lines:
        assert line.startswith(before) and line.endswith(after) and len(line) > len(before + after), line


def test_query_set_is_large_enough():
    assert len(THAI) >= 50 and len(ENGLISH) >= 25
    assert {k for k, _, _ in THAI} >= {"word", "phrase", "spaced", "mid", "term", "synonym"}
    assert len(THAI_TYPOS) >= 40 and len(ENGLISH_TYPOS) >= 25
    assert {k for k, _, _ in THAI_TYPOS} >= {"tone", "mark", "confusion", "cluster", "soundalike"}
    assert {k for k, _, _ in ENGLISH_TYPOS} >= {"edit", "spelling", "plural"}
    # A typo set is not the correct set again.
    assert not {q for _, q, _ in THAI_TYPOS} & {q for _, q, _ in THAI}
    assert not {q for _, q, _ in ENGLISH_TYPOS} & {q for _, q, _ in ENGLISH}


def test_every_name_of_a_concept_ranks_its_page_first(site, url_to_id):
    """Titles, terms and synonyms (the glossary's entries), in both languages."""
    handbook = load_handbook(ROOT / "docs")
    misses = []
    for lang in QUERY_SETS:
        asked = [(concept.id, name) for concept in handbook.concepts.values()
                 for name in dict.fromkeys([concept.meta(lang).title, *concept.meta(lang).terms.values(),
                                            *concept.meta(lang).synonyms])]
        for (concept_id, name), answer in zip(asked, ask_worker(site, START[lang], [n for _, n in asked]), strict=True):
            paths = shown_paths(answer, START[lang])
            first = concept_for_path(paths[0], "/", url_to_id) if paths else None
            if first != concept_id:
                misses.append(f"{lang} {name!r}: want {concept_id}, got {paths[:3]}")
    assert misses == []


# ---- in the browser: the real search box -------------------------------------------------------

def _first_of_each_kind(queries) -> list[str]:
    first: dict[str, str] = {}
    for kind, query, _ in queries:
        first.setdefault(kind, query)
    return list(first.values())


#: Typed into Chromium's search box: the first query of each kind of each set (every kind of
#: word, phrase and typo).
BOX_SAMPLE = {lang: [query for queries in sets.values() for query in _first_of_each_kind(queries)]
              for lang, sets in QUERY_SETS.items()}

SHOWN_GROUPS = """sel => [...document.querySelectorAll(sel)].slice(0, %d).map(li =>
    [...li.children].filter(a => a.matches('a.md-search-result__link')).map(a => new URL(a.href).pathname))"""


@pytest.fixture(scope="module")
def box(browser):
    """The sample typed into the search box of a Thai and an English page in Chromium:
    {lang: [(query, the links of each item drawn at once, correction line, number of items)]},
    and the requests to other hosts."""
    chromium, base = browser
    context = chromium.new_context(**NO_SERVICE_WORKER)
    external: list[str] = []
    block_external(context, (base,), external)
    page = context.new_page()
    shown: dict = {}
    for lang, queries in BOX_SAMPLE.items():
        placeholder = open_search(page, base + START[lang])
        for query in queries:
            search(page, query, placeholder)
            groups = page.eval_on_selector_all("li.md-search-result__item", "els => els.length")
            drawn = page.evaluate(SHOWN_GROUPS % DRAWN_AT_ONCE, "li.md-search-result__item")
            shown.setdefault(lang, []).append((query, drawn, correction_line(page), groups))
    context.close()
    return shown, external


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_search_box_shows_what_the_worker_answers(site, box, lang):
    """The box in Chromium lists the links, and says the corrected query, that tests/search_node.py
    reads from the worker's answers, query for query: the rates above are the box's."""
    shown, _ = box
    queries = [query for query, *_ in shown[lang]]
    template = correction_template(site, START[lang])
    expected = [(query, shown_groups(answer, START[lang]), correction_shown(answer, template))
                for query, answer in zip(queries, ask_worker(site, START[lang], queries), strict=True)]
    assert [(query, drawn, line) for query, drawn, line, _ in shown[lang]] == expected
    # The sample has answers of more than one item, and corrected queries.
    assert any(groups > 1 for *_, groups in shown[lang]) and any(line for _, _, line, _ in shown[lang])


def test_search_makes_no_external_request(box):
    assert box[1] == []


def test_thai_match_is_highlighted_on_the_opened_page(browser):
    """Clicking a result opens the page with ?h=…; Material marks the Thai words there."""
    chromium, base = browser
    page = chromium.new_page(**NO_SERVICE_WORKER)
    placeholder = open_search(page, base)
    search(page, "วิสัยทัศน์ร่วมกัน", placeholder)
    page.click("li.md-search-result__item > a.md-search-result__link")
    page.wait_for_selector("article mark[data-md-highlight]", timeout=5000)
    marks = page.eval_on_selector_all("article mark[data-md-highlight]", "els => els.map(e => e.textContent)")
    page.close()
    assert "วิสัยทัศน์" in marks and "ร่วมกัน" in marks, marks
