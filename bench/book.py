"""`make bench`, section 8: the printed book, WeasyPrint (the build's renderer) against headless
Chromium (bench/book_chromium.py) on the same HTML of the real handbook.

For each language: typesetting time (median of BENCH_BOOK_RUNS cold renders; Chromium's includes
starting the browser), size and pages. For the Thai book, two measures of Thai quality:
- line breaks inside a word: consecutive lines of extracted text where newmm (PyThaiNLP, the
  handbook's segmentation) sees the break inside a word;
- the text layer: how many of the source's points (tests/source_canon.py) a reader finds verbatim
  by searching or copying from the PDF, and how many SARA AM (ำ) survive extraction.
"""

from __future__ import annotations

import io
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RUNS = int(os.environ.get("BENCH_BOOK_RUNS", "3"))
_THAI = re.compile(r"[\u0e01-\u0e4e]")


def _lines(pdf: bytes, extractor: str = "pypdf") -> list[str]:
    """The PDF's text as an extractor reads it: pypdf, or poppler's pdftotext (what many PDF
    viewers and search tools use; it honours /ActualText, which Chromium writes)."""
    if extractor == "pypdf":
        from pypdf import PdfReader

        return [line for page in PdfReader(io.BytesIO(pdf)).pages for line in page.extract_text().splitlines()]
    import subprocess
    import tempfile

    with tempfile.NamedTemporaryFile(suffix=".pdf") as file:
        file.write(pdf)
        file.flush()
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", file.name, "-"], capture_output=True,
                             text=True, check=True).stdout
    return out.splitlines()


def breaks_inside_words(pdf: bytes) -> tuple[int, int]:
    """(breaks between two Thai lines, of which inside a newmm word), on pypdf's text."""
    from handbook.thai import words

    lines = _lines(pdf)
    total = inside = 0
    for before, after in zip(lines, lines[1:], strict=False):
        before, after = before.rstrip(), after.lstrip()
        if not (before and after and _THAI.match(before[-1]) and _THAI.match(after[0])):
            continue
        tail = re.split(r"\s", before)[-1][-12:]
        head = re.split(r"\s", after)[0][:12]
        total += 1
        edges, at = set(), 0
        for word in words(tail + head):
            at += len(word)
            edges.add(at)
        inside += len(tail) not in edges
    return total, inside


def text_layer(pdf: bytes) -> dict:
    from tests.source_canon import POINTS

    phrases = [re.sub(r"\s+", "", p) for ps in POINTS.values() for p in ps]
    out: dict = {"points": len(phrases)}
    for extractor in ("pypdf", "poppler"):
        text = re.sub(r"\s+", "", "".join(_lines(pdf, extractor)))
        out[f"points_verbatim_{extractor}"] = sum(p in text for p in phrases)
        out[f"sara_am_{extractor}"] = text.count("ำ")
    return out


def measure() -> dict:
    from bench.book_chromium import render_with_chromium
    from handbook.book import book_html, current_edition, published_url, render_pdf
    from handbook.checklists import build_checklists
    from handbook.loader import load_handbook

    handbook = load_handbook(ROOT / "docs")
    edition = current_edition(ROOT / "docs", published_url(ROOT / "mkdocs.yml"))
    checklists = build_checklists(handbook)
    out: dict = {"runs": RUNS}
    for lang in ("th", "en"):
        document = book_html(handbook, checklists, lang, edition)
        sara_am = document.count("ำ")
        for renderer in ("weasyprint", "chromium"):
            times = []
            for _ in range(RUNS):
                started = time.perf_counter()
                if renderer == "weasyprint":
                    pdf, pages = render_pdf(document)
                else:
                    pdf, pages, _seconds = render_with_chromium(document)
                times.append(time.perf_counter() - started)
            row = {"seconds": round(statistics.median(times), 1), "bytes": len(pdf), "pages": pages}
            if lang == "th":
                row["breaks"], row["breaks_inside_words"] = breaks_inside_words(pdf)
                row.update(text_layer(pdf), sara_am_in_source=sara_am)
            out[f"{renderer}_{lang}"] = row
            print(f"  {renderer} {lang}: {row}", flush=True)
    return out


def render_markdown(book: dict) -> list[str]:
    head = ["## 8. The printed book: WeasyPrint against Chromium", ""]
    if not book:
        return head + ["Not measured yet: `BENCH_ONLY=book make bench`.", ""]
    lines = head + [
        "The same HTML of the real handbook (`handbook/book.py`), typeset by each renderer "
        f"(median of {book['runs']} cold renders; Chromium's time includes starting the browser). "
        "Thai line breaks are checked against PyThaiNLP's newmm on the extracted text; the text layer "
        "is what a reader's search or copy finds in the PDF.",
        "",
        "| | time | size | pages | Thai breaks inside a word | source points found verbatim (pypdf / poppler) | ำ in text layer (pypdf / poppler) |",
        "|---|---|---|---|---|---|---|",
    ]
    for renderer in ("weasyprint", "chromium"):
        for lang in ("th", "en"):
            r = book[f"{renderer}_{lang}"]
            thai = (f"{r['breaks_inside_words']} of {r['breaks']} | {r['points_verbatim_pypdf']} / "
                    f"{r['points_verbatim_poppler']} of {r['points']} | {r['sara_am_pypdf']} / "
                    f"{r['sara_am_poppler']} of {r['sara_am_in_source']}") if lang == "th" else "– | – | –"
            lines.append(f"| {renderer} {lang} | {r['seconds']} s | {r['bytes'] / 1e6:.2f} MB | {r['pages']} | {thai} |")
    lines += [
        "",
        "What the numbers leave out: WeasyPrint sets the contents' page numbers, the page references, "
        "the running chapter header and the bookmarks itself; Chromium's PDF has page numbers in the "
        "margin and an outline from the headings, but no `target-counter()`, `string-set` or `leader()` "
        "(its contents have no page numbers and its references say nothing), and `make build` would "
        "need the browser. The decision is in README.md, \"The book\".",
        "",
    ]
    return lines
