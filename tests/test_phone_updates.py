"""A saved handbook across builds: updates cost what changed and never hang, the reader's data is
respected, the same sources give the same bytes, and the site names no address it was not given.

Real builds of a copy of the project (without the books: HANDBOOK_BOOK=off), shared by the module:
the project as it is (built twice: the second only to compare) and with one sentence edited.
Headless Chromium at 375 px, the sites served on loopback by a server that counts what it sends.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error as PlaywrightError

from tests.browser import PUBLISHED_URL, block_external, network_settler, serve
from tests.conftest import MKDOCS
from tests.fixtures import copy_project
from tests.updates_harness import (
    PHONE,
    UPDATE,
    changed_bytes,
    new_build_in_place,
    precache,
    publish,
    serve_counting,
    wait_caches,
    wait_saved,
)

EDITED_PAGE = "docs/th/elements/common-vision.md"
SENTENCE = ("และความขัดแย้งเล็ก ๆ ก็ลดลง", "และความขัดแย้งเล็ก ๆ ก็ลดลงมาก")
#: The issue's target: an update downloads at most what changed, the worker and this much more.
SLACK = 64 * 1024
#: ms: every navigation while an update installs is answered within this
ANSWER_WITHIN = 2000


def _build(project: Path, site: Path, **env: str) -> Path:
    environ = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_BOOK": "off", **env}
    environ.pop("HANDBOOK_SITE_URL", None)  # no address: the default
    result = subprocess.run([*MKDOCS, "build", "--strict", "-d", str(site)],
                            cwd=project, env=environ, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, Path]:
    """{"a": the project as it is, "b": with one sentence of one Thai page edited}."""
    work = tmp_path_factory.mktemp("updates")
    project = copy_project(work / "project", symlinks=True)
    out = {"a": _build(project, work / "a")}
    page = project / EDITED_PAGE
    text = page.read_text(encoding="utf-8")
    newest = max(path.stat().st_mtime for path in (project / "docs").rglob("*.md"))
    assert SENTENCE[0] in text
    page.write_text(text.replace(SENTENCE[0], SENTENCE[1], 1), encoding="utf-8")
    out["b"] = _build(project, work / "b")
    page.write_text(text, encoding="utf-8")
    # Put back newer than every other page, as a checkout would leave it, but on the day of the
    # first build's edition: outside git the edition is the newest page's day (handbook.book.edition),
    # and a test run across midnight must not see a new edition.
    os.utime(page, (newest + 1, newest + 1))
    out["project"] = project
    return out


# ---- same sources, same bytes -------------------------------------------------------------------

def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def test_two_builds_of_the_same_sources_are_identical(builds, tmp_path):
    project = builds["project"]
    # The edited page was put back: its file is newer, as a checkout would leave it.
    again = _build(project, tmp_path / "again")
    first, second = _files(builds["a"]), _files(again)
    assert sorted(first) == sorted(second)
    differ = [name for name in first if first[name] != second[name]]
    assert differ == []


def test_a_page_sitemap_is_its_address_and_alternates_from_a_template():
    import xml.etree.ElementTree as ET

    from handbook.sitemaps import page_sitemap

    alternates = [("th", "https://x.example/a/"), ("en", "https://x.example/en/a/?q=<&>")]
    text = page_sitemap("https://x.example/a/", alternates)
    ET.register_namespace("other", "http://www.sitemaps.org/schemas/sitemap/0.9")  # as WeasyPrint may
    assert page_sitemap("https://x.example/a/", alternates) == text
    assert "ns0:" not in text and "other:" not in text and "<lastmod>" not in text
    assert '<xhtml:link rel="alternate" hreflang="en" href="https://x.example/en/a/?q=&lt;&amp;&gt;"/>' in text
    root = ET.fromstring(text)  # well-formed, in the sitemap namespace
    assert root.find("{http://www.sitemaps.org/schemas/sitemap/0.9}url/{http://www.sitemaps.org/schemas/sitemap/0.9}loc").text == "https://x.example/a/"


# ---- no address unless given --------------------------------------------------------------------

def test_a_build_without_an_address_names_none(builds):
    site = builds["a"]
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.suffix not in (".html", ".xml", ".json", ".js", ".webmanifest", ".txt"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        assert "handbook.invalid" not in text, path
        if path.suffix == ".html":
            assert 'rel="alternate"' not in text and 'property="og:url"' not in text, path
            assert 'rel="canonical"' not in text, path


def test_the_book_prints_no_address_when_none_is_configured(monkeypatch):
    from handbook.book import published_url
    from tests.conftest import ROOT

    for name in ("HANDBOOK_PUBLISHED_URL", "HANDBOOK_SITE_URL"):
        monkeypatch.delenv(name, raising=False)
    assert published_url(ROOT / "mkdocs.yml") == ""
    monkeypatch.setenv("HANDBOOK_SITE_URL", "https://example.org/handbook/")
    assert published_url(ROOT / "mkdocs.yml") == "https://example.org/handbook/"


def test_a_site_served_from_another_address_asks_no_other_origin(site, chromium):
    """The session's site names PUBLISHED_URL; served on loopback, no page asks it for anything
    (Material's sitemap lookups for the language links stay on the page's origin)."""
    assert PUBLISHED_URL in (site / "index.html").read_text(encoding="utf-8")
    with serve(site) as base:
        context = chromium.new_context(**PHONE)
        external: list[str] = []
        block_external(context, (base,), external)
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        asked: list[str] = []
        page.on("request", lambda r: asked.append(r.url))
        settle = network_settler(page)
        for path in ("", "elements/common-vision/", "en/", "en/types/", "glossary/"):
            page.goto(base + path)
            settle()
        assert any(url.endswith("/elements/common-vision/sitemap.xml") for url in asked), asked
        # The language link still leads to the same page in the other language.
        page.goto(base + "elements/common-vision/")
        settle()
        page.locator('.md-select__link[hreflang="en"]').first.dispatch_event("click")
        page.wait_for_url(base + "en/elements/common-vision/")
        context.close()
    assert external == [] and errors == []


# ---- a reader's phone across builds -------------------------------------------------------------

@pytest.fixture
def phone(chromium, builds, tmp_path):
    """A phone with the project's first build served (a copy a test may publish over)."""
    served = tmp_path / "served"
    shutil.copytree(builds["a"], served)
    with serve_counting(served) as (base, traffic):
        context = chromium.new_context(**PHONE)
        external: list[str] = []
        block_external(context, (base,), external)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        yield page, base, traffic, served
        context.close()
        assert external == [] and errors == []


def _names(site: Path, lang: str = "th") -> list[str]:
    return [f"handbook-{lang}-{precache(site)['version']}", "handbook-meta"]


def test_after_a_one_sentence_edit_an_update_downloads_what_changed(phone, builds):
    page, base, traffic, served = phone
    page.goto(base)
    wait_saved(page)
    wait_caches(page, _names(builds["a"]))
    changed, files = changed_bytes(builds["a"], builds["b"], "th")
    assert 0 < files < 10, files  # the page, the indexes, the pages that list it
    mark = traffic.mark()
    publish(builds["b"], served)
    page.evaluate(UPDATE)
    wait_caches(page, _names(builds["b"]))
    sent = traffic.since(mark)
    total = sum(size for _, _, size in sent)
    listed = (builds["b"] / "offline.json").stat().st_size
    assert (builds["a"] / "sw.js").read_bytes() == (builds["b"] / "sw.js").read_bytes()  # no new worker
    assert total <= changed + listed + SLACK, (total, changed, listed, sent)
    # The new copy is whole: offline, every saved file is the new build's, byte for byte.
    page.context.set_offline(True)
    page.goto(base + "elements/common-vision/")
    for url, _, _ in precache(builds["b"])["languages"]["th"]["files"]:
        if url.endswith(("/", ".html", ".json", ".xml")):
            body = page.evaluate("url => fetch(url).then(r => r.text())", base + url.removeprefix("./"))
            local = builds["b"] / (url.removeprefix("./") + ("index.html" if url.endswith("/") else ""))
            assert body == local.read_text(encoding="utf-8"), url


def _new_build(served: Path, n: int) -> str:
    """A new build in place: two pages changed, and the worker's list; its version."""
    return new_build_in_place(served, f"BUILD-{n}", later=n)["version"]


def _wait_install_started(page, version: str) -> None:
    deadline = time.monotonic() + 30
    while f"handbook-th-{version}" not in page.evaluate("caches.keys()"):
        assert time.monotonic() < deadline, "the worker did not start saving the new build"
        page.wait_for_timeout(50)


def _only_build(page, version: str) -> bool:
    """Whether every saved copy is of `version` (the old build's caches deleted)."""
    names = page.evaluate("caches.keys()")
    return all(n == "handbook-meta" or n.endswith("-" + version) for n in names)


def test_ten_updates_in_a_row_with_navigations_never_hang(phone):
    """While each update is saved and takes over, every navigation, Thai or English, is answered
    within 2 s (the first English page saves English too, during an update)."""
    page, base, traffic, served = phone
    page.goto(base)
    wait_saved(page)
    paths = ["elements/", "basics/network-definition/", "", "en/glossary/", "types/", "en/elements/"]
    slow: list[tuple[int, str, float]] = []
    pending: set[str] = set()
    page.on("request", lambda r: pending.add(r.url))
    page.on("requestfinished", lambda r: pending.discard(r.url))
    page.on("requestfailed", lambda r: pending.discard(r.url))
    for n in range(10):
        version = _new_build(served, n)
        page.evaluate(UPDATE)
        # Navigate from the moment the worker starts saving the new build (its cache exists)
        # until the new build has taken over.
        _wait_install_started(page, version)
        navigations = 0
        deadline = time.monotonic() + 90
        while True:
            path = paths[navigations % len(paths)]
            started = time.monotonic()
            try:
                page.goto(base + path, wait_until="commit", timeout=ANSWER_WITHIN * 5)
            except PlaywrightError as error:
                slow.append((n, path, float("inf")))
                raise AssertionError(f"update {n}: {path} got no answer: {error}") from None
            took = time.monotonic() - started
            if took * 1000 > ANSWER_WITHIN:
                slow.append((n, path, round(took, 2)))
            try:
                page.wait_for_load_state("domcontentloaded", timeout=ANSWER_WITHIN * 10)
            except PlaywrightError:
                raise AssertionError(f"update {n}: {path} answered but never loaded; waiting for: "
                                     f"{sorted(pending)}") from None
            navigations += 1
            if navigations >= 3 and _only_build(page, version):
                break
            if navigations >= 6:
                page.wait_for_timeout(1500)  # a reader reading: the new worker takes over then
            assert time.monotonic() < deadline, f"update {n} did not take over"
        page.goto(base + "elements/")
        assert page.inner_text("article h1").endswith(f"BUILD-{n}")
    assert slow == []


def _with_save_data(page) -> None:
    page.add_init_script("""Object.defineProperty(Navigator.prototype, 'connection',
        { configurable: true, get: () => ({ saveData: true, effectiveType: '4g' }) })""")


def test_with_save_data_nothing_is_saved_until_the_reader_asks(phone):
    page, base, traffic, served = phone
    _with_save_data(page)
    page.goto(base + "elements/")
    offer = page.locator(".hb-offline__save")
    offer.wait_for(state="visible", timeout=30_000)
    assert "MB" in offer.inner_text() or "KB" in offer.inner_text()
    assert page.locator(".hb-offline__status").inner_text().startswith(
        page.get_attribute(".hb-offline", "data-save-data"))
    page.wait_for_timeout(1500)
    page.goto(base + "glossary/")
    page.wait_for_timeout(1500)
    assert page.evaluate("caches.keys()") == []
    page.locator(".hb-offline__save").click()
    wait_saved(page)
    assert page.evaluate("caches.keys()") != []


def test_removing_the_saved_copy_frees_its_space_and_it_stays_removed(phone):
    page, base, traffic, served = phone
    page.goto(base)
    wait_saved(page)
    remove = page.locator(".hb-offline__remove")
    remove.wait_for(state="visible")
    assert "MB" in remove.inner_text()
    remove.click()
    wait_caches(page, [])
    status = page.locator(".hb-offline__status")
    page.wait_for_function("t => document.querySelector('.hb-offline__status').textContent.startsWith(t)",
                           arg=page.get_attribute(".hb-offline", "data-removed").split("{size}")[0])
    assert "MB" in status.inner_text()  # what it freed, from the list of the saved files
    # (navigator.storage.estimate() lags: Chromium frees a deleted cache's space later.)
    # The reader's choice holds on the next pages: offered, not saved.
    page.goto(base + "types/")
    page.locator(".hb-offline__save").wait_for(state="visible", timeout=30_000)
    page.wait_for_timeout(1000)
    assert page.evaluate("caches.keys()") == []
