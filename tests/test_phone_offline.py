"""A community worker's phone: offline after one visit, updates that never mix builds, 375 px.

Headless Chromium with phone emulation (375×812, touch), the site served on loopback (a secure
context, so the service worker runs).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.browser import block_external, serve
from tests.search_harness import open_search, search
from tests.updates_harness import PHONE, new_build_in_place, precache

SAVE_TIMEOUT = 60_000  # ms; only a broken worker takes this long


def pages_of(site: Path, lang: str) -> list[str]:
    return [url for url, _, _ in precache(site)["languages"][lang]["files"]
            if (url.endswith("/") or url == "./") and "404" not in url]


@pytest.fixture(scope="module")
def served(site, tmp_path_factory):
    """A copy of the site that a test may replace with a new build, and its address."""
    copy = tmp_path_factory.mktemp("served") / "site"
    shutil.copytree(site, copy)
    with serve(copy) as base:
        yield copy, base


@pytest.fixture
def phone(chromium, served):
    copy, base = served
    context = chromium.new_context(**PHONE)
    external: list[str] = []
    block_external(context, (base,), external)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
    yield context, page, base, errors
    assert external == []
    context.close()


def wait_saved(page, labels, lang: str, text_key: str = "offline.ready", named: str | None = None) -> None:
    names = {"th": {"th": "ไทย", "en": "อังกฤษ"}, "en": {"th": "Thai", "en": "English"}}[lang]
    page.wait_for_function(
        "t => ((document.querySelector('.hb-offline__status') || {}).textContent || '').includes(t)",
        arg=labels.get(lang, text_key, language=names[named or lang]), timeout=SAVE_TIMEOUT)


#: (query, the first result) per language: typo tolerance works offline too.
OFFLINE_QUERIES = {"th": [("วิสัยทัศน์", "elements/common-vision/"), ("ปฎิสัมพันธ์", "elements/interaction/")],
                   "en": [("vision", "en/elements/common-vision/"),
                          ("perceptoin", "en/elements/common-perception/")]}


#: What is wider than a 375 px phone on the page: the page itself, or any box inside the article
#: (tables and code scroll in their own wrapper), or a box that scrolls sideways. At most three.
TOO_WIDE = """async () => {
    await document.fonts.ready
    const out = []
    if (document.documentElement.scrollWidth > screen.width) out.push('page ' + document.documentElement.scrollWidth)
    for (const el of document.querySelectorAll('article *')) {
        const style = getComputedStyle(el)
        if (style.display === 'none' || !el.getClientRects().length) continue
        if (el.getBoundingClientRect().right > screen.width + 1 && !el.closest('.md-typeset__scrollwrap, pre'))
            out.push(el.tagName + '.' + el.className)
        if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
            out.push('scrolls: ' + el.tagName + '.' + el.className)
    }
    return out.slice(0, 3)
}"""


@pytest.mark.parametrize("lang", ["th", "en"])
def test_after_one_visit_every_page_and_search_work_offline(phone, served, labels, lang):
    """One visit saves the reader's language; offline every page of it opens at 375 px with
    nothing wider than the phone and no console error, and search finds each query's page first
    (every page of the site is visited once here, the two languages together, the queries share
    it; these are the pages the service worker saved, the same bytes as the site's)."""
    context, page, base, errors = phone
    copy, _ = served
    home = base if lang == "th" else base + "en/"
    page.goto(home)
    wait_saved(page, labels, lang)
    # The status is announced politely, in the page's language.
    assert page.get_attribute(".hb-offline__status", "role") == "status"
    context.set_offline(True)
    wide = []
    for url in pages_of(copy, lang):
        response = page.goto(base + url.removeprefix("./"))
        assert response is not None and response.ok, url
        assert page.locator("article h1").count() == 1, url
        found = page.evaluate(TOO_WIDE)
        if found:
            wide.append((url, found))
    assert wide == []
    placeholder = open_search(page, home)
    for query, expected in OFFLINE_QUERIES[lang]:
        paths, _ = search(page, query, placeholder)
        assert paths and paths[0].endswith("/" + expected), (query, paths)
    assert errors == [], errors


def test_the_other_language_is_saved_on_request(phone, served, labels):
    context, page, base, errors = phone
    page.goto(base + "glossary/")
    wait_saved(page, labels, "th")
    button = page.locator(".hb-offline__other")
    assert button.is_visible()
    assert "ภาษาอังกฤษ" in button.inner_text() and ("KB" in button.inner_text() or "MB" in button.inner_text())
    button.click()
    wait_saved(page, labels, "th", "offline.other_ready", named="en")
    context.set_offline(True)
    page.goto(base + "en/practice/maintenance/")
    assert page.inner_text("article h1").strip()
    assert page.locator("html").get_attribute("lang") == "en"
    assert errors == [], errors


def test_an_unsaved_page_offline_leads_to_a_saved_home(phone, served, labels):
    context, page, base, errors = phone
    page.goto(base + "en/")
    wait_saved(page, labels, "en")
    context.set_offline(True)
    page.goto(base + "no-such-page/")
    assert page.url in (base, base + "en/")


def test_a_new_build_replaces_the_saved_one_whole(chromium, site, tmp_path, labels):
    """After a rebuild the reader is told, and after a reload every page is of the new build.
    (tests/test_phone_updates.py runs ten updates in a row with navigations during each.)"""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    with serve(copy) as base:
        context = chromium.new_context(**PHONE)
        external: list[str] = []
        block_external(context, (base,), external)
        page = context.new_page()
        page.goto(base)
        wait_saved(page, labels, "th")
        page.goto(base + "elements/")
        wait_saved(page, labels, "th")  # this page has asked for the status, and the worker for the list,
        page.wait_for_timeout(1000)  # before the new build is published
        before = page.inner_text("article h1")
        assert not before.endswith("NEW-BUILD")

        # A new build: two pages change, and so does the worker's list.
        data = new_build_in_place(copy, "NEW-BUILD")

        # The next page the reader opens asks the worker for the status, and the worker looks for
        # a new build then: the new list, its changed files saved, the new build takes over.
        page.goto(base + "elements/")
        page.wait_for_function(
            "t => (document.querySelector('.hb-offline__status') || {}).textContent.startsWith(t)",
            arg=labels.get("th", "offline.updated"), timeout=SAVE_TIMEOUT)
        assert page.locator(".hb-offline__reload").is_visible()
        page.reload()
        assert page.inner_text("article h1").endswith("NEW-BUILD")
        context.set_offline(True)
        page.goto(base)
        assert page.inner_text("article h1").endswith("NEW-BUILD")  # no page of the old build
        assert sorted(page.evaluate("caches.keys()")) == sorted([f"handbook-th-{data['version']}", "handbook-meta"])
        assert external == []
        context.close()


def test_concept_map_labels_are_readable_on_a_phone(phone):
    context, page, base, errors = phone
    for url in ("", "en/", "elements/", "en/elements/"):
        page.goto(base + url)
        narrow = page.locator(".hb-map--narrow")
        assert narrow.is_visible() and not page.locator(".hb-map--wide").is_visible()
        smallest = page.evaluate("""() => Math.min(...[...document.querySelectorAll('.hb-map--narrow text')]
            .map(t => t.getBoundingClientRect().height / (t.querySelectorAll('tspan').length || 1)))""")
        # The height of a rendered line of 12 px text is at least 12 px.
        assert smallest >= 12, (url, smallest)


def test_the_checklist_toolbar_is_compact_and_nothing_covers_it(phone, labels):
    context, page, base, errors = phone
    page.goto(base + "checklists/health-check/")
    toolbar = page.locator(".hb-toolbar")
    assert toolbar.bounding_box()["height"] <= 48
    page.mouse.wheel(0, 1500)
    page.mouse.wheel(0, -300)  # scrolling up is when Material shows its back-to-top button
    page.wait_for_timeout(400)
    assert not page.locator(".md-top").is_visible()
    box = toolbar.bounding_box()
    for x in (box["x"] + 5, box["x"] + box["width"] / 2, box["x"] + box["width"] - 5):
        covering = page.evaluate("([x, y]) => document.elementFromPoint(x, y).closest('.hb-toolbar') !== null",
                                 [x, box["y"] + box["height"] / 2])
        assert covering, x
    # Each button's name is the label it shows (WCAG 2.5.3, label in name).
    for action in ("print", "share", "clear"):
        button = page.locator(".hb-toolbar").get_by_role("button", name=labels.get("th", f"toolbar.{action}.short"), exact=True)
        assert button.is_visible() and button.get_attribute("data-action") == action


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_manifest_and_its_icons_resolve(phone, lang):
    context, page, base, errors = phone
    page.goto(base + ("" if lang == "th" else "en/") + "elements/")
    href = page.eval_on_selector('link[rel="manifest"]', "l => l.href")
    manifest = page.evaluate("url => fetch(url).then(r => r.json())", href)
    assert manifest["lang"] == lang and manifest["display"] == "standalone"
    assert manifest["name"] and manifest["short_name"] and manifest["theme_color"]
    start = page.evaluate("([s, m]) => new URL(s, m).href", [manifest["start_url"], href])
    assert start == base + ("" if lang == "th" else "en/")
    assert manifest["scope"] == manifest["start_url"]
    sizes = {}
    for icon in manifest["icons"]:
        url = page.evaluate("([s, m]) => new URL(s, m).href", [icon["src"], href])
        size = page.evaluate("""url => fetch(url).then(r => r.ok ? r.arrayBuffer() : null).then(b => {
            if (!b) return null; const v = new DataView(b); return [v.getUint32(16), v.getUint32(20)] })""", url)
        assert size is not None, url
        sizes[icon.get("purpose", "any") + icon["sizes"]] = size
    assert sizes == {"any192x192": [192, 192], "any512x512": [512, 512], "maskable512x512": [512, 512]}
