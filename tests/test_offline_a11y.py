"""Offline copy from file:// with the network cut; every page's language links.

(The browser pass over every page, axe-core and outside requests: tests/test_every_page_browser.py;
every page at 375 px, nothing wider than the phone: tests/test_phone_offline.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import PUBLISHED_URL, block_external
from tests.search_harness import correction_line, open_search, search


@pytest.fixture(scope="module")
def offline_context(chromium):
    """One context for the module, the network cut (`set_offline`): a file:// page reads files
    only. Every request that is not for a file is recorded (none reaches another host:
    tests/browser.py, CHROMIUM_ARGS). A listener, not a route: tests/browser.py, block_external."""
    context = chromium.new_context()
    context.set_offline(True)
    refused: list[str] = []
    block_external(context, ("file://",), refused)
    yield context, refused
    context.close()


@pytest.fixture
def offline_page(offline_context):
    """A new page of the offline context, and the requests refused since the test began."""
    context, refused = offline_context
    refused.clear()
    page = context.new_page()
    yield page, refused
    page.close()


# ---- offline -----------------------------------------------------------------------------------


def test_offline_zip_opens_and_switches_language(offline_site, offline_page):
    page, refused = offline_page
    page.goto((offline_site / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == "th"
    page.click("article ol a >> text=มีการรับรู้และมุมมองที่เหมือนกัน")
    assert page.url.endswith("/elements/common-perception/index.html")
    # The language menu links straight to the same page in English.
    english = page.locator('a.md-select__link[hreflang="en"]').get_attribute("href")
    page.goto(page.url.rsplit("/", 1)[0] + "/" + english)
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.inner_text("article h1").startswith("Common perception")
    assert refused == []


def test_offline_thai_font_loads(offline_site, offline_page):
    page, refused = offline_page
    page.goto((offline_site / "elements" / "common-vision" / "index.html").as_uri())
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "() => [...document.fonts].filter(f => f.family.replace(/\"/g, '') === 'Sarabun' && f.status === 'loaded').length"
    )
    assert loaded >= 1
    assert page.evaluate("document.fonts.check('16px Sarabun', 'วิสัยทัศน์')")
    assert refused == []


@pytest.mark.parametrize(("start", "query", "expected", "corrected"), [
    ("index.html", "วิสัยทัศน์ร่วมกัน", "elements/common-vision/index.html", ""),
    ("en/index.html", "interdependence", "en/elements/interdependence/index.html", ""),
    # Typos are forgiven from file:// too (the worker runs in iframe-worker's frame there).
    ("index.html", "ปฎิสัมพันธ์", "elements/interaction/index.html", "ปฏิสัมพันธ์"),
    ("en/index.html", "perceptoin", "en/elements/common-perception/index.html", "perception"),
])
def test_offline_search(offline_site, offline_page, start, query, expected, corrected):
    page, refused = offline_page
    placeholder = open_search(page, (offline_site / start).as_uri())
    paths, _ = search(page, query, placeholder)
    assert any(p.endswith(expected) for p in paths[:3]), paths[:3]
    line = correction_line(page)
    assert (corrected in line) if corrected else line == "", line
    assert refused == []


def test_offline_checklist_tick_survives_reload(offline_site, offline_page):
    page, refused = offline_page
    page.goto((offline_site / "checklists" / "health-check" / "index.html").as_uri())
    page.locator(".hb-items input[type=checkbox]").nth(3).check()
    page.reload()
    assert page.locator(".hb-items input[type=checkbox]").nth(3).is_checked()
    assert refused == []


# ---- every page: no outside request, accessibility, hreflang ----------------------------------------


def all_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


def test_lang_and_hreflang_alternates(site):
    from bs4 import BeautifulSoup

    pages = all_pages(site)
    assert len(pages) >= 40
    for rel in pages:
        if rel == "404.html":
            continue
        soup = BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")
        lang = "en" if rel.startswith("en/") else "th"
        assert soup.html["lang"] == lang, rel
        alternates = {link["hreflang"] for link in soup.select('link[rel="alternate"][hreflang]')}
        assert alternates == {"th", "en"}, rel


def test_sitemap_lists_every_page_with_alternates(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for rel in all_pages(site):
        url = rel.removesuffix("index.html")
        assert f"<loc>{PUBLISHED_URL}{url}</loc>" in sitemap, url
    assert sitemap.count('hreflang="th"') == sitemap.count('hreflang="en"') == sitemap.count("<url>")


def test_offline_share_link_points_to_the_published_page(offline_site, offline_page):
    """From a file a file:// link reaches nobody: the share link is the published page's."""
    page, refused = offline_page
    page.goto((offline_site / "checklists" / "maintenance" / "index.html").as_uri())
    page.locator(".hb-items input[type=checkbox]").nth(1).check()
    page.click('[data-action="share"]')
    link = page.input_value(".hb-share-link")
    assert link.startswith(f"{PUBLISHED_URL}checklists/maintenance/#ticks="), link
    assert "ใช้ได้บนเครื่องนี้เท่านั้น" in page.inner_text(".hb-share-status")
    assert refused == []
