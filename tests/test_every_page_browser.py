"""Every page of the site visited once at desktop width: no request to another host or that
fails, and axe-core's serious and critical violations.

A module of its own (split from tests/test_offline_a11y.py) so that, under `--dist loadfile`, this
pass, the longest in the suite, runs on one worker while the other runs the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser import block_external, network_settler, serve
from tests.test_offline_a11y import all_pages

AXE = (Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def every_page(site, chromium) -> dict[str, list[str]]:
    """One visit of every page (desktop), recording what the tests below assert on: requests to
    another host, requests that failed or were answered >= 400, and axe-core's serious and critical
    violations, run once the page is idle."""
    with serve(site) as base:
        # axe-core is the test's own inline script: the page policy (CSP) would refuse it. With
        # the policy bypassed, a request it would have stopped reaches the recorder below instead.
        context = chromium.new_context(bypass_csp=True)
        outside: list[str] = []
        # The site names its published address (absolute hreflang links); served here, no page
        # asks it for anything (assets/javascripts/address.js): every other host is recorded.
        block_external(context, (base,), outside)
        failed: list[str] = []
        context.on("requestfailed", lambda r: failed.append(r.url))
        page = context.new_page()
        settle = network_settler(page)
        page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
        problems: list[str] = []
        for rel in all_pages(site):
            page.goto(base + rel)
            settle()
            page.add_script_tag(content=AXE)
            violations = page.evaluate(
                "async () => (await axe.run()).violations"
                ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                ".map(v => v.id + ' ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
            )
            problems += [f"{rel}: {v}" for v in violations]
        context.close()
    return {"outside": outside, "failed": failed, "axe": problems}


def test_no_page_requests_another_host(every_page):
    assert every_page["outside"] == []
    # Material probes `<alternate page>/sitemap.xml` for every hreflang link: each is there, and
    # every other request succeeds too.
    assert every_page["failed"] == []


def test_axe_finds_no_serious_violations(every_page):
    assert every_page["axe"] == []
