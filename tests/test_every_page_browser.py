"""Every page of the site visited once at desktop width: no request to another host or that
fails, nothing its page policy refuses, no console error, no dialog, and axe-core's serious and
critical violations.

A module of its own (split from tests/test_offline_a11y.py) so that, under `--dist loadfile`, this
pass, the longest in the suite, runs on one worker while the other runs the rest. (It also makes
the sweep tests/test_saved_ticks_browser.py made of every page for dialogs and requests to
another origin: one visit of each page for both.)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import POLICY_LISTENER, block_external, network_settler, policy_violations, serve

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


def every_html_page(site: Path) -> list[str]:
    """Every page of the site: each folder's index.html and the 404 pages."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


@pytest.fixture(scope="module")
def every_page(site, chromium) -> dict[str, list[str]]:
    """One visit of every page (desktop), recording what the tests below assert on: requests to
    another host, requests that failed or were answered >= 400, dialogs opened, and axe-core's
    serious and critical violations, run once the page is idle."""
    pages = every_html_page(site)
    with serve(site) as base:
        # The page policy (CSP) in force, as a reader has it: what it refuses is recorded as a
        # violation (the page's `securitypolicyviolation` events, Chromium's console), and a
        # request it refused never reaches the recorder of requests. axe-core is evaluated by
        # the browser's DevTools protocol, which the policy does not govern.
        context = chromium.new_context()
        context.add_init_script(POLICY_LISTENER)
        outside: list[str] = []
        # The site names its published address (absolute hreflang links); served here, no page
        # asks it for anything (assets/javascripts/address.js): every other host is recorded.
        block_external(context, (base,), outside)
        failed: list[str] = []
        context.on("requestfailed", lambda r: failed.append(r.url))
        page = context.new_page()
        settle = network_settler(page)
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        errors: list[str] = []
        page.on("console", lambda m: errors.append(f"{page.url}: {m.text}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"{page.url}: {e}"))
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(f"{page.url}: {dialog.message}"), dialog.dismiss()))
        problems: list[str] = []
        refused: list[str] = []
        for rel in pages:
            page.goto(base + rel)
            # Evaluated, not added as a <script> element: the page's DOM stays as published
            # (axe would otherwise walk its own half-megabyte text too), and Chromium compiles
            # it faster: 0.17 s of CPU a page less, measured over 40 pages.
            page.evaluate(AXE)
            # Only the violations' nodes are gathered (the tests read nothing else): about a
            # quarter less time a page; the violations found are the same.
            violations = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                ".map(v => v.id + ' ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
            )
            problems += [f"{rel}: {v}" for v in violations]
            # Then the page's last requests have ended (axe ran meanwhile: the quiet the settler
            # waits for has mostly passed), and what the page policy refused is read.
            settle()
            refused += [f"{rel}: {v}" for v in policy_violations(page)]
        context.close()
    return {"pages": pages, "outside": outside, "failed": failed, "dialogs": dialogs, "axe": problems,
            "errors": errors, "refused": refused}


def test_no_page_requests_another_host(every_page):
    assert every_page["outside"] == []
    # Material probes `<alternate page>/sitemap.xml` for every hreflang link: each is there, and
    # every other request succeeds too.
    assert every_page["failed"] == []


def test_no_page_breaks_its_own_policy(every_page):
    """Every page (both languages, the 404 pages, the generated ones) runs within its page policy
    (the policy's other tests: tests/test_csp_browser.py)."""
    assert every_page["refused"] == []


def test_no_page_logs_an_error(every_page):
    """No console error and no uncaught exception on any page (at 375 px, offline, the pages the
    service worker saved: tests/test_phone_offline.py)."""
    assert every_page["errors"] == [], every_page["errors"][:5]


def test_axe_finds_no_serious_violations(every_page):
    assert every_page["axe"] == []


def test_no_page_opens_a_dialog_or_requests_another_origin(every_page):
    """(From tests/test_saved_ticks_browser.py: nothing a page runs asks the reader anything.)"""
    assert len(every_page["pages"]) > 50
    assert every_page["dialogs"] == []
    assert every_page["outside"] == []
