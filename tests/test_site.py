"""The built site (once per session): every point of the source, in both languages, and the manifest."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from handbook.loader import load_handbook
from tests.conftest import ROOT
from tests.source_canon import ELEMENT_TERMS_EN, ELEMENTS, EXPECTED_COUNTS, POINTS, TYPES, TYPOS

LANGS = ("th", "en")
ALL_IDS = list(POINTS)


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def page(site: Path, url: str) -> BeautifulSoup:
    path = site / url / "index.html"
    assert path.is_file(), f"{url} was not built"
    return _soup(path)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def manifest(site) -> dict:
    return json.loads((site / "concepts.json").read_text(encoding="utf-8"))


def url_of(manifest: dict, concept_id: str, lang: str) -> str:
    return next(c["url"][lang] for c in manifest["concepts"] if c["id"] == concept_id)


# ---- coverage of the source --------------------------------------------------------------------


def test_canon_counts_match_the_issue():
    for concept_id, count in EXPECTED_COUNTS.items():
        assert len(POINTS[concept_id]) == count
    assert len(ELEMENTS) == 7 and len(TYPES) == 3


def test_every_concept_has_a_source_page_in_each_language():
    handbook = load_handbook(ROOT / "docs")
    assert set(handbook.concepts) == set(POINTS)
    for concept in handbook.concepts.values():
        assert set(concept.pages) == set(LANGS), f"{concept.id} lacks a page"


@pytest.mark.parametrize("concept_id", ALL_IDS)
def test_every_point_is_on_the_built_thai_page(site, manifest, concept_id):
    items = page(site, url_of(manifest, concept_id, "th")).select(".hb-points-list ol > li")
    expected = POINTS[concept_id]
    assert len(items) == len(expected), [i.get_text() for i in items]
    for number, (item, phrase) in enumerate(zip(items, expected, strict=True), start=1):
        assert squeeze(phrase) in squeeze(item.get_text()), f"point {number}: {phrase!r}"


@pytest.mark.parametrize("concept_id", ALL_IDS)
def test_english_page_has_the_same_points(site, manifest, concept_id):
    th = page(site, url_of(manifest, concept_id, "th")).select(".hb-points-list ol > li")
    en = page(site, url_of(manifest, concept_id, "en")).select(".hb-points-list ol > li")
    assert [li.get("id") for li in en] == [li.get("id") for li in th]
    assert all(li.get("id") for li in en)
    html = page(site, url_of(manifest, concept_id, "en"))
    assert html.html["lang"] == "en"
    text = " ".join(li.get_text() for li in en)
    assert not re.search("[\u0e00-\u0e7f]", text), "untranslated Thai in English points"


def test_elements_overview_lists_the_seven_in_source_order(site):
    for url in ("elements/", ""):
        text = squeeze(page(site, url).select_one("article").get_text())
        positions = [text.find(squeeze(title)) for title in ELEMENTS.values()]
        assert -1 not in positions, url
        assert positions == sorted(positions), url


def test_types_overview_compares_the_three(site):
    for lang_prefix in ("", "en/"):
        table = page(site, f"{lang_prefix}types/").select_one(".hb-compare table")
        assert table is not None
        assert len(table.select("thead th")) == 4  # aspect + three types
        assert len(table.select("tbody tr")) == 4  # origin, driver, duration, example
    text = squeeze(page(site, "types/").select_one(".hb-compare").get_text())
    assert all(squeeze(name) in text for name in TYPES.values())


@pytest.mark.parametrize("concept_id", list(ELEMENTS))
def test_element_pages_use_the_sources_english_terms(site, manifest, concept_id):
    for lang in LANGS:
        text = page(site, url_of(manifest, concept_id, lang)).select_one("article").get_text()
        assert ELEMENT_TERMS_EN[concept_id].lower() in text.lower()


def test_horizontal_relationship_term_kept(site, manifest):
    for lang in LANGS:
        text = page(site, url_of(manifest, "participation", lang)).get_text()
        assert "horizontal relationship" in text


@pytest.mark.parametrize(("typo", "fix"), list(TYPOS.items()))
def test_source_typing_errors_are_corrected(site, typo, fix):
    for html in sorted(site.rglob("*.html")):
        text = html.read_text(encoding="utf-8")
        if "guides/about-the-source" in html.as_posix():
            # The list of emendations quotes the source's wording beside the correction, on purpose.
            soup = BeautifulSoup(text, "html.parser")
            for table in soup.select(".hb-emendations"):
                table.decompose()
            text = str(soup)
        match = re.search(typo, text)
        assert match is None, f"{html.relative_to(site)} still has {typo!r} (should be {fix!r})"


def test_points_have_readable_anchors(site, manifest):
    for concept_id in ALL_IDS:
        for item in page(site, url_of(manifest, concept_id, "th")).select(".hb-points-list ol > li"):
            assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", item["id"]), item["id"]


def test_handbook_additions_are_marked_in_both_languages(site, manifest):
    for concept_id in ALL_IDS:
        for lang, word in (("th", "ส่วนเพิ่มเติมของคู่มือ"), ("en", "added by the editors")):
            html = page(site, url_of(manifest, concept_id, lang))
            for box in html.select(".admonition.question"):
                assert word in box.select_one(".admonition-title").get_text()


# ---- manifest ----------------------------------------------------------------------------------


def test_manifest_lists_every_concept_with_urls_that_exist(site, manifest):
    assert [c["id"] for c in manifest["concepts"]] == list(load_handbook(ROOT / "docs").concepts)
    for concept in manifest["concepts"]:
        for lang in LANGS:
            url = concept["url"][lang]
            assert url.startswith("en/") == (lang == "en")
            h1 = page(site, url).select_one("article h1")
            assert h1.get_text(strip=True).rstrip("¶") == concept["title"][lang]
    assert manifest["checklists"] == [] or all("items" in c for c in manifest["checklists"])


# ---- licences and external requests --------------------------------------------------------------


def test_footer_states_licences(site):
    for url in ("", "en/"):
        footer = page(site, url).select_one("footer").get_text()
        assert "CC BY 4.0" in footer and "MIT" in footer


def test_pages_reference_no_external_assets(site):
    for html in sorted(site.rglob("*.html")):
        soup = _soup(html)
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src")):
            for element in soup.find_all(tag):
                if tag == "link" and element.get("rel") not in (["stylesheet"], ["preload"], ["icon"]):
                    continue
                value = element.get(attr) or ""
                assert not re.match(r"(https?:)?//", value), f"{html.relative_to(site)}: {value}"


# ---- cross-links and backlinks -------------------------------------------------------------------


def test_backlinks_are_symmetric_with_the_links_made(site, manifest):
    """Every concept page's "mentioned in" lists exactly the pages whose content links to it."""
    import posixpath

    by_url = {c["url"][lang]: c["id"] for c in manifest["concepts"] for lang in LANGS}
    links: dict[tuple[str, str], set[str]] = {}
    for html in sorted(site.rglob("index.html")):
        url = html.relative_to(site).as_posix().removesuffix("index.html")
        lang = "en" if url.startswith("en/") else "th"
        if url.removeprefix("en/") in ("glossary/", "translation-status/"):
            continue  # reference pages link to every concept and are not listed as mentions
        article = _soup(html).select_one("article")
        if article is None:
            continue
        for a in article.select("a[href]"):
            if a.find_parent(class_="hb-related") or a.find_parent("nav") or a.get("class") == ["headerlink"]:
                continue
            target = posixpath.normpath(posixpath.join(url, a["href"].split("#")[0])) + "/"
            cid = by_url.get(target.removeprefix("./"))
            if cid and by_url.get(url) != cid:
                links.setdefault((cid, lang), set()).add(url)
    assert links, "no cross-links at all"
    for concept in manifest["concepts"]:
        for lang in LANGS:
            url = concept["url"][lang]
            html = page(site, url)
            listed = set()
            heading = html.select_one("#mentioned-in")
            if heading:
                for a in heading.find_next("ul").select("a"):
                    listed.add(posixpath.normpath(posixpath.join(url, a["href"])) + "/")
            expected = {u if u else "./" for u in links.get((concept["id"], lang), set())}
            listed = {u.removeprefix("./") or "./" for u in listed}
            expected = {u.removeprefix("./") or "./" for u in expected}
            assert listed == expected, concept["id"]


def test_auto_links_skip_headings_and_own_page(site, manifest):
    count = 0
    for concept in manifest["concepts"]:
        for lang in LANGS:
            html = page(site, concept["url"][lang])
            for a in html.select("a.hb-xref"):
                count += 1
                assert a.find_parent(["h1", "h2", "h3", "h4"]) is None
                assert not a["href"].startswith("./"), "a page links to itself"
    assert count >= 5


@pytest.mark.parametrize("path", ["index.html", "elements/index.html", "en/index.html", "en/elements/index.html"])
def test_the_concept_map_is_drawn_for_wide_and_narrow_screens(site, path):
    html = (site / path).read_text(encoding="utf-8")
    assert "data-concept-map" not in html, "the placeholder was left in the page"
    for layout in ("wide", "narrow"):
        assert f'class="hb-map hb-map--{layout}"' in html
    # Every concept is a link in both drawings.
    assert html.count("<a href=") >= 2 * 15


# ---- the head: hreflang, previews, the installable handbook ---------------------------------------

from tests.browser import PUBLISHED_URL as SITE_URL  # noqa: E402 (the address the session's site is built with)

SITEMAP_NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def _all_pages(site):
    return [p for p in sorted(site.rglob("*.html")) if p.name != "404.html"]


def test_hreflang_alternates_are_absolute_and_point_at_the_same_page(site):
    for html in _all_pages(site):
        soup = _soup(html)
        alternates = {link["hreflang"]: link["href"] for link in soup.select('link[rel="alternate"][hreflang]')}
        assert set(alternates) == {"th", "en"}, html
        assert all(href.startswith(SITE_URL) for href in alternates.values()), alternates
        own = soup.html["lang"]
        assert alternates[own] == soup.select_one('link[rel="canonical"]')["href"], html
        # Material asks for a sitemap next to each alternate; it is there, and the one next to
        # this page names this page and the same alternates as its head (hooks/pwa.py).
        for href in alternates.values():
            assert (site / href[len(SITE_URL):] / "sitemap.xml").is_file(), href
        canonical = alternates[own]
        if canonical != SITE_URL:  # the site root's sitemap.xml is the whole site's
            own_map = ET.parse(site / canonical[len(SITE_URL):] / "sitemap.xml").getroot()
            assert own_map.findtext("s:url/s:loc", namespaces=SITEMAP_NS) == canonical, html
            assert {link.get("hreflang"): link.get("href")
                    for link in own_map.findall("s:url/x:link", SITEMAP_NS)} == alternates, html


def test_every_page_has_a_link_preview_and_its_languages_manifest(site):
    for html in _all_pages(site):
        soup = _soup(html)
        lang = soup.html["lang"]
        meta = {m.get("property") or m.get("name"): m.get("content") for m in soup.select("meta")}
        assert meta["og:title"] and meta["og:description"] and meta["description"], html
        assert meta["og:locale"] == {"th": "th_TH", "en": "en_GB"}[lang]
        assert meta["og:image"] == SITE_URL + "assets/images/og-image.png"
        manifest = soup.select_one('link[rel="manifest"]')["href"]
        assert manifest.endswith(("" if lang == "th" else "en/") + "manifest.webmanifest"), html
        resolved = (html.parent / manifest).resolve()
        assert resolved == (site / ("" if lang == "th" else "en") / "manifest.webmanifest").resolve()


@pytest.mark.parametrize(("path", "lang", "home", "words"), [
    ("404.html", "th", "/", ["ไม่พบหน้านี้", "Page not found"]),
    ("en/404.html", "en", "/en/", ["Page not found"]),
])
def test_a_404_page_per_language_with_a_way_home(site, path, lang, home, words):
    soup = _soup(site / path)
    assert soup.html["lang"] == lang
    text = soup.select_one("article").get_text(" ")
    assert all(word in text for word in words)
    assert home in [a["href"] for a in soup.select("article a")]
    # Styled from wherever it is served: absolute paths from the site's root.
    assert soup.select_one('link[rel="stylesheet"]')["href"].startswith("/assets/")


def test_the_offline_copys_404_page_uses_relative_paths(offline_site):
    soup = _soup(offline_site / "404.html")
    assert soup.select_one('link[rel="stylesheet"]')["href"].startswith("./assets/")
    assert not soup.select('link[rel="manifest"]'), "no installable app from files"


@pytest.mark.parametrize(("url", "words"), [("", ["ข้อความของผู้จัดทำคู่มือ", "สร้างด้วย"]), ("en/", ["Editors' text", "Made with"])])
def test_the_footer_speaks_the_pages_language(site, url, words):
    footer = page(site, url).select_one(".md-copyright").get_text(" ")
    assert all(word in footer for word in words)
    if url == "":
        assert "Made with" not in footer


def _scripts(soup: BeautifulSoup) -> list[str]:
    return [tag["src"].rsplit("/", 1)[-1] for tag in soup.select("script[src]")]


@pytest.mark.parametrize("url", ["", "en/", "en/types/natural-network/", "elements/common-vision/"])
def test_a_page_without_a_checklist_loads_only_what_it_needs(site, url):
    """Fewer requests before the first paint on a slow network: no checklist script, and the
    file:// search polyfill only in the offline copy."""
    scripts = _scripts(page(site, url))
    assert "checklists.js" not in scripts
    assert "shim.js" not in scripts
    assert "offline.js" in scripts
    assert len(page(site, url).select('link[rel="stylesheet"]')) == 2  # Material's and ours
    # Material's bundle runs once the page is drawn (deferred), not before.
    bundle = page(site, url).select_one('script[src*="bundle."]')
    assert bundle is not None and bundle.has_attr("defer")


@pytest.mark.parametrize("url", ["checklists/health-check/", "en/checklists/network-type/"])
def test_a_checklist_page_loads_its_script(site, url):
    assert "checklists.js" in _scripts(page(site, url))


def test_the_offline_copy_keeps_the_file_search_polyfill(offline_site):
    assert "shim.js" in _scripts(_soup(offline_site / "index.html"))


# ---- what the build keeps for the next one -------------------------------------------------------

# (From tests/test_caches.py, whose other tests need no site: there it held a worker waiting for
# the session's build.)
def test_the_build_keeps_compiled_templates(site):
    # The session's build went through hooks/template_cache.py: Material's templates (and our
    # overrides) are compiled once and kept for the next build and language.
    # They are kept in the user's cache folder, never in the working tree (see SECURITY.md).
    import importlib.util

    spec = importlib.util.spec_from_file_location("template_cache", ROOT / "hooks/template_cache.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    compiled = list(module.cache_dir(ROOT).glob("__jinja2_*.cache"))
    assert len(compiled) >= 20
    assert not (ROOT / ".cache" / "handbook" / "jinja").exists()
