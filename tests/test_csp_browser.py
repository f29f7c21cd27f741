"""The page policy in a browser: what slips into a page after the build does not run, and the
real pages break no rule of their own policy (both languages, the offline copy with search, the
installed app with its service worker).

A violation is seen two ways: the `securitypolicyviolation` event of the page (installed before
any of its scripts), and Chromium's console message, which also reports what iframe-worker's
frame was refused on file://.
"""

from __future__ import annotations

import shutil

import pytest

from tests.browser import (
    NO_SERVICE_WORKER,
    POLICY_LISTENER,
    block_external,
    policy_violations,
    serve,
)
from tests.search_harness import open_search, search


def _is_violation(text: str) -> bool:
    return "Content Security Policy" in text or "Content-Security-Policy" in text


@pytest.fixture
def watched(chromium):
    """A new browser context whose pages report every policy violation."""
    contexts = []

    def make(**options):
        context = chromium.new_context(**{**NO_SERVICE_WORKER, **options})
        context.add_init_script(POLICY_LISTENER)
        console: list[str] = []
        context.on("console", lambda m: console.append(m.text) if _is_violation(m.text) else None)
        contexts.append(context)
        return context, console

    yield make
    for context in contexts:
        context.close()


# ---- what slips in after the build --------------------------------------------------------------


@pytest.fixture(scope="module")
def tampered(site, tmp_path_factory):
    """A copy of the site with a handler and scripts added to a finished page."""
    copy = tmp_path_factory.mktemp("tampered") / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("*.pdf"))
    page = copy / "en" / "elements" / "common-vision" / "index.html"
    text = page.read_text(encoding="utf-8")
    text = text.replace("<h1", '<img src="x" onerror="window.__pwned = 1"><h1', 1)
    text = text.replace("<title>", "<script>window.__pwned2 = 1</script><title>", 1)
    text = text.replace("</body>", '<a id="bad" href="javascript:window.__pwned3 = 1">x</a>'
                                   "<script>window.__pwned4 = 1</script></body>", 1)
    page.write_text(text, encoding="utf-8")
    return copy


def test_a_handler_or_script_added_after_the_build_does_not_run(tampered, watched):
    context, console = watched()
    with serve(tampered) as base:
        page = context.new_page()
        page.goto(base + "en/elements/common-vision/")
        page.wait_for_load_state("load")
        page.dispatch_event("#bad", "click")  # a click wherever the element lies (no scrolling)
        page.wait_for_timeout(300)
        ran = page.evaluate("[window.__pwned, window.__pwned2, window.__pwned3, window.__pwned4]")
        assert ran == [None, None, None, None]
        refused = policy_violations(page)
        assert len([v for v in refused if v.startswith("script-src")]) >= 4, refused
        # The page itself still works: Material's bundle ran (it marks <html> as scripted).
        assert "js" in (page.get_attribute("html", "class") or "").split()


# ---- the real pages break no rule -------------------------------------------------------------

def test_real_pages_report_no_violation_while_used(browser, watched):
    """Searching and a checklist's tick and share link break no rule. (Every page as it loads:
    the desktop pass, tests/test_every_page_browser.py.)"""
    _, base = browser
    context, console = watched()
    external: list[str] = []
    block_external(context, (base,), external)
    page = context.new_page()
    for start, query in (("", "วิสัยทัศน์"), ("en/", "vision")):
        placeholder = open_search(page, base + start)
        paths, _ = search(page, query, placeholder)
        assert paths, query
        assert policy_violations(page) == [], policy_violations(page)
    # A checklist ticked, shared and its result drawn.
    page.goto(base + "en/checklists/health-check/")
    page.locator(".hb-items input[type=checkbox]").first.check()
    page.click('[data-action="share"]')
    assert policy_violations(page) == []
    assert console == []


def test_the_installed_app_reports_no_violation(browser, watched, labels):
    """With the service worker in charge (pages from its cache), offline too."""
    _, base = browser
    context, console = watched(service_workers="allow")
    external: list[str] = []
    block_external(context, (base,), external)
    page = context.new_page()
    page.goto(base + "en/")
    # Saved for offline reading (the footer says so), then every page comes from the worker.
    page.wait_for_function("t => ((document.querySelector('.hb-offline__status') || {}).textContent || '')"
                           ".includes(t)", arg=labels.get("en", "offline.ready", language="English"), timeout=60_000)
    assert policy_violations(page) == []
    context.set_offline(True)
    for url in ("en/elements/common-vision/", "en/checklists/health-check/"):
        page.goto(base + url)
        page.wait_for_load_state("load")
        assert page.evaluate("navigator.serviceWorker.controller !== null"), url
        assert policy_violations(page) == [], (url, policy_violations(page))
    placeholder = open_search(page, base + "en/")
    assert search(page, "vision", placeholder)[0]
    assert policy_violations(page) == []
    assert console == []


def test_the_offline_copy_reports_no_violation_with_search(offline_site, watched):
    context, console = watched()
    page = context.new_page()
    for start, query in (("index.html", "วิสัยทัศน์"), ("en/elements/common-vision/index.html", "vision")):
        placeholder = open_search(page, (offline_site / start).as_uri())
        paths, _ = search(page, query, placeholder)
        assert paths, query
        assert policy_violations(page) == [], policy_violations(page)
    page.goto((offline_site / "checklists" / "health-check" / "index.html").as_uri())
    page.wait_for_load_state("load")
    assert policy_violations(page) == []
    # iframe-worker's frame reports to the console only: nothing was refused there either.
    assert console == []
