"""Nothing a reader saved is lost: share links, malformed fragments and storage, renamed items.

(The sweep of every built page, no dialog opens and no request leaves the page's origin, is made
by the desktop pass over every page, tests/test_every_page_browser.py.)
"""

from __future__ import annotations

import json
import re

import pytest

from tests.browser import block_external

KEY = "networking-handbook:checklist:{id}:{lang}"


@pytest.fixture(scope="module")
def checklists(site) -> dict[str, dict]:
    data = json.loads((site / "concepts.json").read_text(encoding="utf-8"))
    return {c["id"]: c for c in data["checklists"]}


@pytest.fixture
def tab(browser):
    chromium, base = browser
    # No service worker: a page it saved would be answered from its cache, not by page.route.
    context = chromium.new_context(service_workers="block")
    external: list[str] = []
    block_external(context, (base,), external)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page, base, errors
    context.close()


def ticked(page) -> list[str]:
    return page.eval_on_selector_all(
        ".hb-items input[type=checkbox]", "els => els.filter(e => e.checked).map(e => e.closest('li').id)"
    )


def saved_before(page, key: str, value: str) -> None:
    """`value` in the page's storage under `key` when the next page opens, before its scripts run,
    as an earlier visit left it (once: a reload reads what the page itself saved)."""
    page.add_init_script(f"""if (!sessionStorage.getItem("seeded")) {{
        sessionStorage.setItem("seeded", "1"); localStorage.setItem({json.dumps(key)}, {json.dumps(value)}) }}""")


def stored(page, checklist: str, lang: str):
    return json.loads(page.evaluate(f"localStorage.getItem({KEY.format(id=checklist, lang=lang)!r})") or "null")


def test_a_share_link_does_not_overwrite_the_readers_own_ticks(tab, checklists):
    page, base, errors = tab
    url = base + checklists["maintenance"]["url"]["en"]
    page.goto(url)
    items = page.eval_on_selector_all(".hb-items li", "els => els.map(e => e.id)")
    page.check(f"#hb-{items[0]}")
    page.fill("textarea[data-note]", "our own note")
    assert ticked(page) == [items[0]]

    page.goto(f"{url}#ticks={items[2]},{items[3]}")
    # The shared ticks are shown, the reader's own are untouched, and the choice is offered.
    assert ticked(page) == [items[2], items[3]]
    assert page.is_visible(".hb-shared")
    assert stored(page, "maintenance", "en")["ticks"] == [items[0]]
    # The fragment is gone: a reload shows the reader's own ticks, and is never re-applied.
    assert "#" not in page.url
    page.reload()
    assert ticked(page) == [items[0]] and not page.is_visible(".hb-shared")

    page.goto(f"{url}#ticks={items[2]}")
    page.check(f"#hb-{items[4]}")  # a change while viewing the shared ticks is not saved yet
    assert stored(page, "maintenance", "en")["ticks"] == [items[0]]
    page.click('[data-action="keep-mine"]')
    assert ticked(page) == [items[0]] and not page.is_visible(".hb-shared")
    assert page.input_value("textarea[data-note]") == "our own note"

    page.goto(f"{url}#ticks={items[2]}")
    page.click('[data-action="use-shared"]')
    assert stored(page, "maintenance", "en")["ticks"] == [items[2]]
    assert stored(page, "maintenance", "en")["notes"], "the reader's notes are kept"
    page.reload()
    assert ticked(page) == [items[2]]
    assert errors == []


def test_a_share_link_on_a_fresh_device_is_simply_taken(tab, checklists):
    page, base, errors = tab
    url = base + checklists["core-team"]["url"]["th"]
    page.goto(url)
    first = page.eval_on_selector(".hb-items li", "e => e.id")
    page.goto(f"{url}#ticks={first}")
    assert ticked(page) == [first] and not page.is_visible(".hb-shared")
    assert "#" not in page.url
    page.reload()
    assert ticked(page) == [first]
    assert errors == []


@pytest.mark.parametrize("fragment", ["#ticks=%E0%A4%A", "#ticks=%", "#ticks=a,,b,%ZZ", "#ticks="])
def test_a_malformed_fragment_is_ignored_and_the_checklist_works(tab, checklists, fragment):
    page, base, errors = tab
    url = base + checklists["sustainability"]["url"]["th"]
    page.goto(url + fragment)
    assert errors == []
    page.locator(".hb-items input[type=checkbox]").nth(1).check()
    assert page.inner_text(".hb-progress__count").startswith("1/")
    page.reload()
    assert page.locator(".hb-items input[type=checkbox]").nth(1).is_checked()


@pytest.mark.parametrize(
    "value",
    ['{"ticks": 5}', '"text"', "[1, 2]", '{"ticks": [null, 3], "notes": [1]}', "{not json", "null"],
)
def test_malformed_storage_is_ignored_and_the_checklist_works(tab, checklists, value):
    page, base, errors = tab
    url = base + checklists["maintenance"]["url"]["th"]
    saved_before(page, KEY.format(id="maintenance", lang="th"), value)
    page.goto(url)
    assert errors == []
    page.locator(".hb-items input[type=checkbox]").nth(0).check()
    page.reload()
    assert page.locator(".hb-items input[type=checkbox]").nth(0).is_checked()
    assert errors == []


def test_ticks_and_notes_of_items_the_page_no_longer_has_are_kept(tab, checklists):
    page, base, errors = tab
    url = base + checklists["maintenance"]["url"]["en"]
    page.goto(url)
    items = page.eval_on_selector_all(".hb-items li", "els => els.map(e => e.id)")
    saved = {"ticks": ["an-item-renamed-later", items[1]], "notes": {"gone-section": "keep me"}}
    page.evaluate(f"localStorage.setItem({KEY.format(id='maintenance', lang='en')!r}, {json.dumps(json.dumps(saved))})")
    page.reload()
    assert ticked(page) == [items[1]]
    page.check(f"#hb-{items[0]}")
    after = stored(page, "maintenance", "en")
    assert "an-item-renamed-later" in after["ticks"] and items[0] in after["ticks"]
    assert after["notes"]["gone-section"] == "keep me"
    assert errors == []


def test_a_renamed_item_takes_its_former_ids_ticks(tab, checklists):
    """`formerly` on an item: the box answers to its old id (set here on the built page)."""
    page, base, errors = tab
    url = base + checklists["maintenance"]["url"]["en"]
    page.goto(url)
    items = page.eval_on_selector_all(".hb-items li", "els => els.map(e => e.id)")
    page.evaluate(f"localStorage.setItem({KEY.format(id='maintenance', lang='en')!r}, "
                  "JSON.stringify({ticks: ['old-name'], notes: {}}))")

    def renamed(route):
        response = route.fetch()
        old = f'data-item="maintenance.{items[2]}"'
        route.fulfill(response=response, body=response.text().replace(old, old + ' data-formerly="old-name"'))

    page.route(re.compile(r".*/checklists/maintenance/(index\.html)?$"), renamed)
    page.reload()
    assert ticked(page) == [items[2]]
    assert errors == []


def test_a_renamed_checklist_reads_the_ticks_saved_under_its_former_id(tab, checklists):
    """handbook.yml's `formerly` on a checklist (data-formerly on the page, as a rename writes it):
    ticks saved under the old id show, and are saved under the new one from then on."""
    page, base, errors = tab
    url = base + checklists["maintenance"]["url"]["en"]

    def renamed(route):
        body = route.fetch().text().replace('data-checklist="maintenance"',
                                            'data-checklist="maintenance" data-formerly="upkeep"', 1)
        route.fulfill(body=body, content_type="text/html; charset=utf-8")

    page.route(url, renamed)
    page.goto(url)
    items = page.eval_on_selector_all(".hb-items li", "els => els.map(e => e.id)")
    saved = json.dumps({"ticks": [items[1]], "notes": {}})
    page.evaluate(f"localStorage.setItem({KEY.format(id='upkeep', lang='en')!r}, {json.dumps(saved)})")
    page.reload()
    assert ticked(page) == [items[1]]
    page.check(f"#hb-{items[0]}")
    assert sorted(stored(page, "maintenance", "en")["ticks"]) == sorted([items[0], items[1]])
    assert errors == []
