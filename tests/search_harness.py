"""Drive Material's real search box in headless Chromium and read the ranked result pages."""

from __future__ import annotations

import time
from urllib.parse import urlparse

INPUT = "input.md-search__input"
META = ".md-search-result__meta"
RESULT_LINKS = "li.md-search-result__item > a.md-search-result__link"
CORRECTION = ".hb-search-correction"


def open_search(page, url: str) -> str:
    """Open a page, focus the search box, wait for the worker; return the placeholder text."""
    page.goto(url)
    if (page.viewport_size or {"width": 1280})["width"] < 960:
        # A phone or tablet: Material opens search from an icon in the header.
        page.click('label.md-header__button[for="__search"]')
        page.wait_for_timeout(300)  # the search overlay slides in
    page.click(INPUT)
    page.wait_for_function(
        """sel => { const m = document.querySelector(sel); return m && m.textContent.trim() &&
                    !/^(Initializing|กำลัง)/.test(m.textContent.trim()) }""",
        arg=META,
        # The index is fetched and built once the box is first used (overrides/main.html): at
        # 50× the content that is megabytes on a loaded machine.
        timeout=60000,
    )
    return page.inner_text(META).strip()


def search(page, query: str, placeholder: str) -> tuple[list[str], float]:
    """Type `query`; return the result links' paths (ranked) and the seconds until they showed."""
    page.fill(INPUT, "")
    page.keyboard.press("End")
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel).textContent.trim() === text",
        arg=[META, placeholder],
        timeout=5000,
    )
    # Material reacts to keyup. Playwright types characters that are not on a US keyboard (Thai)
    # as text input without key events, so the text is filled and a key is then released.
    page.fill(INPUT, query)
    start = time.perf_counter()
    page.keyboard.press("End")
    page.wait_for_function(
        "([sel, text]) => document.querySelector(sel).textContent.trim() !== text",
        arg=[META, placeholder],
        timeout=5000,
    )
    elapsed = time.perf_counter() - start
    hrefs = page.eval_on_selector_all(RESULT_LINKS, "els => els.map(e => e.href)")
    return [urlparse(h).path for h in hrefs], elapsed


def correction_line(page) -> str:
    """The "showing results for …" line under the result count ('' when hidden)."""
    return page.eval_on_selector(CORRECTION, "e => e.hidden ? '' : e.textContent.trim()")


def concept_for_path(path: str, base_path: str, url_to_id: dict[str, str]) -> str | None:
    relative = path[len(base_path):] if path.startswith(base_path) else path.lstrip("/")
    return url_to_id.get(relative)
