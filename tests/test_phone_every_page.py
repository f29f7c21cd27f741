"""Every page of the site at 375 px on a phone: nothing scrolls sideways, no console error.

A module of its own (split from tests/test_phone_offline.py, whose `served` copy and `phone` it
uses) so that, under `--dist loadfile`, this whole-site pass and the offline tests run on
different workers.
"""

from __future__ import annotations

from tests import test_phone_offline
from tests.browser import network_settler
from tests.test_phone_offline import all_pages

# The module's fixtures, shared with tests/test_phone_offline.py (a copy of the site of this
# module's own, as there).
served = test_phone_offline.served
phone = test_phone_offline.phone


def test_no_page_is_wider_than_a_phone_and_none_logs_an_error(phone, served):
    """375 px: nothing scrolls sideways, the page or any box inside the article; no console error
    (Material's sitemap requests included) on any page."""
    context, page, base, errors = phone
    copy, _ = served
    wide = []
    settle = network_settler(page)
    for url in all_pages(copy):
        page.goto(base + url)
        settle()
        found = page.evaluate("""() => {
            const out = []
            if (document.documentElement.scrollWidth > window.innerWidth) out.push('page ' + document.documentElement.scrollWidth)
            for (const el of document.querySelectorAll('article *')) {
                const style = getComputedStyle(el)
                if (style.display === 'none' || !el.getClientRects().length) continue
                if (el.getBoundingClientRect().right > window.innerWidth + 1 && !el.closest('.md-typeset__scrollwrap, pre'))
                    out.push(el.tagName + '.' + el.className)
                if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
                    out.push('scrolls: ' + el.tagName + '.' + el.className)
            }
            return out.slice(0, 3)
        }""")
        if found:
            wide.append((url, found))
    assert wide == []
    assert errors == [], errors[:5]
