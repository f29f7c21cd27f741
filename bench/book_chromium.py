"""The book typeset by headless Chromium (Playwright's page.pdf), for the renderer comparison in
bench/RESULTS.md only: the same HTML and stylesheet as WeasyPrint gets (handbook/book.py).

Chromium prints @page margin boxes (page numbers) and makes an outline from the headings
(`outline=True`), but has no `string-set` (running chapter header), `target-counter()` (page
references, the contents' page numbers) or `leader()`: those would need a second pass.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from handbook.book import STYLESHEET  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def render_with_chromium(document: str) -> tuple[bytes, int, float]:
    """(PDF, pages, seconds) for a document made by `handbook.book.book_html()`."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfReader

    css = STYLESHEET.read_text(encoding="utf-8").replace(
        "../../overrides/", (ROOT / "overrides").as_uri() + "/"
    )
    with tempfile.TemporaryDirectory() as tmp:
        page_file = Path(tmp) / "book.html"
        page_file.write_text(document.replace("</head>", f"<style>{css}</style></head>"), encoding="utf-8")
        started = time.perf_counter()
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=shutil.which("chromium"), args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(page_file.as_uri())
            page.evaluate("document.fonts.ready")
            pdf = page.pdf(format="A4", prefer_css_page_size=True, print_background=True,
                           outline=True, tagged=True)
            browser.close()
        seconds = time.perf_counter() - started
    import io

    return pdf, len(PdfReader(io.BytesIO(pdf)).pages), seconds


if __name__ == "__main__":
    source, target = Path(sys.argv[1]), Path(sys.argv[2])
    pdf, pages, seconds = render_with_chromium(source.read_text(encoding="utf-8"))
    target.write_bytes(pdf)
    print(f"{target}: {pages} pages, {len(pdf)} bytes, {seconds:.1f} s")
