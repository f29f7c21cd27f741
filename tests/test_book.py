"""The whole handbook as a printable book (issue 17): one A4 PDF per language.

Pure helpers on their own (no rendering); the books themselves as the session's site build made
them (hooks/book.py puts them in `downloads/` beside each language's pages).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

from handbook.book import Book, anchor_of_src, book_html, bookify, current_edition, render_book_link
from handbook.checklists import build_checklists
from handbook.loader import load_handbook
from tests.conftest import ROOT
from tests.source_canon import POINTS

A4 = (595.28, 841.89)  # points
BOOKS = {"th": "downloads/handbook-th.pdf", "en": "en/downloads/handbook-en.pdf"}


@pytest.fixture(scope="module")
def handbook():
    return load_handbook(ROOT / "docs")


# ---------------------------------------------------------------------------------------------
# Pure: the document the PDF is made from
# ---------------------------------------------------------------------------------------------

LINKS = [
    # (page the link is on, href, what the book writes)
    ("th/elements/common-vision.md", "participation.md", 'href="#c-participation" data-ref="p."'),
    ("th/elements/common-vision.md", "participation.md#horizontal-relationship",
     'href="#c-participation--horizontal-relationship" data-ref="p."'),
    ("th/elements/index.md", "../types/natural-network.md", 'href="#c-natural-network" data-ref="p."'),
    ("th/index.md", "checklists/health-check.md", 'href="#checklist-health-check" data-ref="p."'),
    ("th/index.md", "glossary.md", 'href="#glossary" data-ref="p."'),
    ("th/elements/common-vision.md", "#same-picture", 'href="#c-common-vision--same-picture" data-ref="p."'),
    ("th/elements/common-vision.md", "https://example.org/", 'href="https://example.org/"'),
]


@pytest.mark.parametrize(("src_uri", "href", "expected"), LINKS)
def test_links_between_pages_become_references_to_the_books_pages(handbook, src_uri, href, expected):
    out = bookify(f'<a href="{href}">x</a>', handbook=handbook, src_uri=src_uri,
                  prefix="c-common-vision", depth=0, page_word="p.")
    assert out == f"<a {expected}>x</a>"


def test_a_link_to_a_page_not_in_the_book_keeps_its_text_only(handbook):
    out = bookify('<p>see <a href="../translation-status.md">status</a></p>', handbook=handbook,
                  src_uri="en/elements/index.md", prefix="part-element", depth=0, page_word="p.")
    assert out == "<p>see status</p>"


def test_ids_are_prefixed_and_headings_go_under_the_chapter(handbook):
    out = bookify('<h2 id="x">T</h2><li id="same-picture">', handbook=handbook,
                  src_uri="th/elements/common-vision.md", prefix="c-common-vision", depth=1, page_word="p.")
    assert out == '<h3 id="c-common-vision--x">T</h3><li id="c-common-vision--same-picture">'


def test_every_source_page_of_a_concept_has_its_chapter(handbook):
    for concept in handbook.concepts.values():
        for page in concept.pages.values():
            assert anchor_of_src(handbook, page.src_uri) == f"c-{concept.id}"


@pytest.fixture(scope="module")
def documents(handbook):
    edition = current_edition(ROOT / "docs", "https://handbook.invalid/")
    checklists = build_checklists(handbook)
    return {lang: book_html(handbook, checklists, lang, edition) for lang in ("th", "en")}


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_reference_in_the_book_has_its_target(documents, lang):
    document = documents[lang]
    ids = set(re.findall(r'\bid="([^"]+)"', document))
    targets = set(re.findall(r'href="#([^"]+)"', document))
    assert targets and targets <= ids, sorted(targets - ids)
    assert len(ids) == len(re.findall(r'\bid="', document)), "duplicate ids"


@pytest.mark.parametrize("lang", ["th", "en"])
def test_what_the_editors_added_is_marked_apart(handbook, documents, lang, labels):
    """The summaries, questions, the comparison and the checklists are the handbook's own
    text: each sits in the book's 'added' look, and the contents page explains that look."""
    document = documents[lang]
    legend = labels.get(lang, "book.marker.legend").split("{marker}")[-1]
    text = re.sub(r"<[^>]+>", "", document).replace("&#39;", "'")  # tags: the book's Thai setting
    assert legend in text and 'class="ed-mark"' in document
    # One marker, explained once, instead of the site's label on every box and a disclaimer in
    # every question box.
    assert labels.get(lang, "book.marker.replaces") not in text
    assert labels.get(lang, "questions.intro") not in text
    assert document.count('class="ed-mark"') >= 2 * len(handbook.concepts)
    assert document.count('class="added summary"') == len(handbook.concepts)
    questions = sum(1 for c in handbook.concepts.values() if c.meta(lang).checklist)
    assert document.count('class="admonition question"') == questions
    assert '<div class="hb-compare">' in document


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_placeholder_is_left_in_the_document(documents, lang):
    """The checklists' introductions count their points and concepts as the site does."""
    assert not re.findall(r"{\w*}", documents[lang])


@pytest.mark.parametrize(("url", "printed"), [
    ("https://handbook.invalid/", ""),
    ("https://x.invalid/th/", ""),
    ("", ""),
    ("  ", ""),
    ("https://example.org/handbook/", "https://example.org/handbook/"),
])
def test_the_book_prints_no_placeholder_address(url, printed):
    from handbook.book import printed_url

    assert printed_url(url) == printed


@pytest.mark.parametrize(("lang", "iso", "expected"), [
    ("th", "2026-11", "พฤศจิกายน 2569"),  # the Buddhist era
    ("th", "2026-01-05", "5 มกราคม 2569"),
    ("en", "2026-11", "November 2026"),
    ("en", "2026-11-26", "26 November 2026"),
])
def test_dates_are_written_in_the_readers_calendar(handbook, lang, iso, expected, labels):
    from handbook.imprint import reader_date

    assert reader_date(labels, lang, iso) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("th", "พิมพ์ครั้งที่ 1 พฤศจิกายน 2569"),
    ("en", "First edition, November 2026"),
])
def test_the_edition_line(handbook, lang, expected, labels):
    from handbook.imprint import Printing, edition_line

    assert edition_line(labels, lang, Printing(1, "2026-11", "x@example.org")) == expected


@pytest.mark.parametrize(("text", "line", "message"), [
    ('edition: 0\ndate: "2026-11"\ncorrections: a@b.org\n', 1, "whole number"),
    ('edition: 1\ndate: "11/2026"\ncorrections: a@b.org\n', 2, "YYYY-MM"),
    ('edition: 1\ndate: "2026-11"\ncorrections: http://x\n', 3, "https://"),
    ('edition: 1\ndate: "2026-11"\ncorrections: a@b.org\nprice: 3\n', 4, "unknown key 'price'"),
    ("edition: [\n", 2, "not valid YAML"),
])
def test_a_bad_edition_file_names_its_line(tmp_path, text, line, message):
    from handbook.findings import HandbookError
    from handbook.imprint import EDITION_FILE, load_printing

    (tmp_path / "editorial").mkdir()
    (tmp_path / EDITION_FILE).write_text(text, encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        load_printing(tmp_path)
    finding = caught.value.findings[0]
    assert (finding.path, finding.line) == (EDITION_FILE, line) and message in finding.message


LEXICON = ["ขับเคลื่อน", "เพื่อ", "งาน", "ทำ", "ได้", "คน", "หนึ่ง", "ที่", "ไป", "ก", "ภาค", "รัฐ", "และ"]


def _longest_match(run: str, lexicon: list[str]) -> list[str]:
    out = []
    while run:
        word = next((w for w in sorted(lexicon, key=len, reverse=True) if run.startswith(w)), run[0])
        out.append(word)
        run = run[len(word):]
    return out


def _fake_breaks(run: str) -> set[int]:
    """A line breaker that cuts ขับ|เคลื่อน and ภาค|รัฐ, as libthai does."""
    edges, at = set(), 0
    breaker = [w for w in LEXICON if w != "ขับเคลื่อน"] + ["ขับ", "เคลื่อน"]
    for word in _longest_match(run, breaker)[:-1]:
        at += len(word)
        edges.add(at)
    return edges


@pytest.mark.parametrize(("html", "expected"), [
    # a word the line breaker would cut is kept whole, with a break allowed at its edges
    ("<body><p>เพื่อขับเคลื่อนงาน ไป</p>",
     '<body><p>เพื่อ<wbr><span class="nobr">ขับเคลื่อน</span><wbr>งาน ไป</p>'),
    # the space before ๆ does not break
    ("<body><p>คน ๆ หนึ่ง ที่</p>", "<body><p>คน\u00a0ๆ หนึ่ง ที่</p>"),
    # attributes and the head are never touched
    ('<title>ขับเคลื่อน</title><body><a title="ขับเคลื่อน">x</a>',
     '<title>ขับเคลื่อน</title><body><a title="ขับเคลื่อน">x</a>'),
    # the last two words of a paragraph stay together
    ("<body><p>งาน ทำงานได้</p>", '<body><p>งาน <span class="nobr">ทำงานได้</span></p>'),
])
def test_thai_is_set_without_breaking_words(html, expected):
    from handbook.booktext import set_thai_lines

    def words(run: str) -> list[str]:
        return _longest_match(run, LEXICON)

    set_html = set_thai_lines(html, keep=[], words=words, breaks=_fake_breaks)
    assert set_html == expected


def test_a_word_of_the_vocabulary_is_kept_whole_with_its_neighbours_free():
    from handbook.booktext import set_thai_lines

    out = set_thai_lines("<body><td>ภาครัฐและ ที่ ไป</td>", keep=["ภาครัฐ"],
                         words=lambda run: _longest_match(run, LEXICON), breaks=_fake_breaks)
    assert '<span class="nobr">ภาครัฐ</span>' in out


def test_the_renderer_reads_nothing_but_the_stylesheet_and_fonts():
    from handbook.book import render_pdf
    from handbook.findings import HandbookError

    with pytest.raises(HandbookError, match="may not load file:///etc/passwd"):
        render_pdf('<html lang="th"><body><img src="file:///etc/passwd"></body></html>')
    pdf, pages = render_pdf('<html lang="th"><body><p>ทดสอบ</p></body></html>')
    assert pdf.startswith(b"%PDF") and pages == 1


def _gid(texts: dict[int, str], text: str) -> int:
    return next(gid for gid, value in texts.items() if value == text)


def test_thai_glyphs_are_read_by_their_names():
    from handbook.book import THAI_FONTS
    from handbook.pdftext import glyph_texts

    texts = glyph_texts(THAI_FONTS["Sarabun-Thai"])
    assert "\u0e4d\u0e48" in texts.values()  # NIKHAHIT joined with MAI EK
    assert sum(1 for value in texts.values() if value == "\u0e48") >= 2  # ่ and its variants


@pytest.mark.parametrize(("text", "am"), [
    ("ท\u0e4d\u0e32", True),  # ทำ as HarfBuzz draws it
    ("ม\u0e4d\u0e48\u0e32", True),  # ม่ำ: NIKHAHIT joined with the tone, then SARA AA
    ("ม\u0e4d\u0e49\u0e32", True),
    ("ม\u0e32", False),  # a plain SARA AA
    ("\u0e4d ม\u0e32", False),  # something else between: not a SARA AM
])
def test_sara_aa_closing_a_sara_am_gets_its_own_code(text, am):
    from handbook.book import THAI_FONTS
    from handbook.pdftext import ThaiFont, _fix_string, glyph_texts

    texts = glyph_texts(THAI_FONTS["Sarabun-Thai"])
    by_text = {value: gid for gid, value in reversed(list(texts.items()))}
    glyphs, rest = [], text
    while rest:  # the longest glyph name first (NIKHAHIT + tone is one glyph)
        piece = rest[:2] if rest[:2] in by_text else rest[:1]
        glyphs.append(by_text.get(piece, _gid(texts, "\u0e01") if piece == " " else by_text[piece]))
        rest = rest[len(piece):]
    font = ThaiFont(texts, _gid(texts, "\u0e32"), max(texts) + 1)
    data = b"".join(g.to_bytes(2, "big") for g in glyphs)
    fixed, pending = _fix_string(data, font, False)
    assert (fixed[-2:] == font.am_code.to_bytes(2, "big")) is am
    assert fixed[:-2] == data[:-2] and not pending


# ---------------------------------------------------------------------------------------------
# The books as the site build made them
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def books(site) -> dict[str, Path]:
    paths = {lang: site / path for lang, path in BOOKS.items()}
    for path in paths.values():
        assert path.is_file(), path
    return paths


@functools.cache  # read-only: one parse per book for the module
def _reader(path: Path):
    from pypdf import PdfReader

    return PdfReader(path)


@functools.cache
def _text(path: Path) -> tuple[str, ...]:
    """Each page's text as pypdf extracts it from the PDF's text layer (poppler's `-layout`
    mode puts a tone mark raised by GPOS on a line of its own). The build read it the same way
    for its census of published files (hooks/outputs.py: `pdf_pages_text`) and kept it by the
    PDF's SHA-256 in the session's cache folder: read from there (pypdf takes seconds a book),
    extracted again only when it is not."""
    from handbook.outputs.placeholders import cached_pdf_pages_text, pdf_text_cache_dir

    return tuple(cached_pdf_pages_text(path, pdf_text_cache_dir(ROOT)))


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_book_is_a4_with_a_title_a_language_and_embedded_fonts(books, handbook, lang):
    reader = _reader(books[lang])
    assert len(reader.pages) > 15
    for page in reader.pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4
    home = handbook.overviews["home"][lang].meta
    assert reader.metadata.title == home.title
    assert reader.trailer["/Root"]["/Lang"] == lang
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[str(font["/BaseFont"])] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    # Only the vendored Sarabun: a fallback font would mean a glyph Sarabun lacks.
    assert all("Sarabun" in name for name in fonts), fonts


def _outline_titles(outline) -> list[str]:
    titles = []
    for entry in outline:
        titles += _outline_titles(entry) if isinstance(entry, list) else [entry.title]
    return titles


@pytest.mark.parametrize("lang", ["th", "en"])
def test_contents_and_outline_list_every_concept_and_checklist(books, handbook, lang, labels):
    reader = _reader(books[lang])
    outline = _outline_titles(reader.outline)
    pages = _text(books[lang])
    first = next(n for n, text in enumerate(pages) if labels.get(lang, "book.contents") in text[:200])
    contents = _squeeze("".join(pages[first:first + 2]))  # it may run over to its verso
    titles = [c.meta(lang).title for c in handbook.concepts.values()]
    titles += [labels.get(lang, f"checklist.{c.id}") for c in build_checklists(handbook)]
    titles += [labels.get(lang, "glossary.title"), labels.get(lang, "book.appendix")]
    for title in titles:
        assert title in outline, title
        # with its page number after the leader dots
        assert re.search(re.escape(_squeeze(title)) + r"\.*\d+", contents), title


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_guides_are_in_the_book_with_the_emendations(books, handbook, lang, labels):
    outline = _outline_titles(_reader(books[lang]).outline)
    assert handbook.guides
    for guide_id in handbook.guides:
        assert handbook.guide_page(guide_id, lang).meta.title in outline, guide_id
    text = _squeeze("".join(_text(books[lang])))
    assert _squeeze(labels.get(lang, "emendations.original")) in text  # the emendations' table


def test_every_point_of_the_source_is_in_the_thai_book(books, handbook, labels):
    pages = _text(books["th"])
    # Running headers and page numbers cut a point that runs over a page break: leave them out.
    headers = {_squeeze(c.meta("th").title) for c in handbook.concepts.values()}
    headers |= {_squeeze(labels.get("th", f"section.{k}")) for k in ("definition", "element", "type", "practice")}
    headers |= {a + b for a in headers for b in headers}
    body = []
    for text in pages:
        for line in text.splitlines():
            squeezed = _squeeze(line)
            if squeezed.isdigit() or squeezed in headers:
                continue
            body.append(squeezed)
    text = "".join(body)
    missing = [(cid, phrase) for cid, phrases in POINTS.items() for phrase in phrases
               if _squeeze(phrase) not in text]
    assert not missing
    # And every checklist item, in the appendix ready to photocopy.
    for checklist in build_checklists(handbook):
        for item in checklist.items:
            assert _squeeze(item.text["th"]) in text, item.id


@pytest.mark.parametrize("lang", ["th", "en"])
def test_no_placeholder_or_placeholder_address_is_printed(books, lang):
    text = "".join(_text(books[lang]))
    assert not re.findall(r"{\w*}", text)
    assert ".invalid" not in text


@pytest.mark.parametrize(("lang", "words"), [
    ("th", ["พิมพ์ครั้งที่ 1", "2569", "การอ้างอิงคู่มือนี้", "CC BY 4.0", "แจ้งข้อผิดพลาด", "คำนำ",
            "วิธีใช้คู่มือเล่มนี้"]),
    ("en", ["First edition", "2026", "How to cite this handbook", "CC BY 4.0", "Corrections",
            "Preface", "How to use this book"]),
])
def test_the_front_matter_has_an_imprint_preface_and_contents_on_a_recto(books, lang, words, labels):
    pages = _text(books[lang])
    front = " ".join(pages[1:3])
    for word in words:
        assert word in front, word
    assert "2569" in pages[1] if lang == "th" else "2026" in pages[1]
    # Cover (1), imprint on its back (2), preface (3), and the contents on a right-hand page.
    contents = next(n for n, text in enumerate(pages, 1) if labels.get(lang, "book.contents") in text.splitlines()[0:3])
    assert contents % 2 == 1 and contents > 3


def _poppler_pages(path: Path) -> list[str]:
    """Each page's text as poppler's pdftotext reads it (what many viewers and tools use)."""
    import shutil
    import subprocess

    if not shutil.which("pdftotext"):
        pytest.skip("poppler's pdftotext is not installed")
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")[:-1]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_each_checklist_begins_a_page_and_fits_one_page_or_a_marked_spread(books, lang, labels):
    pages = _poppler_pages(books[lang])
    titles = {c.id: labels.get(lang, f"checklist.{c.id}") for c in build_checklists(load_handbook(ROOT / "docs"))}
    spread = _squeeze(labels.get(lang, "book.spread"))
    marked = _text(books[lang])  # pypdf keeps Thai tone marks in place (see pdftext.py)
    appendix = next(n for n, text in enumerate(pages) if labels.get(lang, "book.appendix") in text.splitlines()[:2])
    starts = {}
    for checklist_id, title in titles.items():
        # Its title as the page's heading: in the first lines, under the running head.
        found = [n for n, text in enumerate(pages) if n > appendix and title in text.splitlines()[:4]
                 and _squeeze(labels.get(lang, "print.network")) in _squeeze(text)]
        assert found, checklist_id
        starts[checklist_id] = found[0]
        assert not any(other in pages[found[0]] for other in titles.values() if other != title
                       and title not in other), checklist_id
    assert min(starts.values()) > appendix  # the appendix's introduction on a page of its own
    order = sorted(starts.values()) + [len(pages)]
    for checklist_id, start in starts.items():
        following = order[order.index(start) + 1]
        used = [n for n in range(start, following) if pages[n].strip()]
        if spread in _squeeze(marked[start]):
            assert len(used) == 2 and start % 2 == 1, checklist_id  # pages[1] is page 2: a verso
        else:
            assert len(used) == 1, checklist_id


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_checklist_reads_in_the_order_it_is_printed(books, handbook, lang, labels):
    """Copied, searched or read aloud, each section of a checklist comes as it is printed: its
    heading, its questions, its source line. (A positioned box would be painted, and written into
    the PDF, after the rest of its page: the questions after the notes.)"""
    text = _squeeze("".join(_text(books[lang])))
    source = _squeeze(labels.get(lang, "checklist.source"))
    out_of_order = []
    for checklist in build_checklists(handbook):
        for section in checklist.sections:
            title = _squeeze(section.concept.meta(lang).title)
            printed = title + "".join(_squeeze(item.text[lang]) for item in section.items) + source + title
            if printed not in text:
                out_of_order.append(f"{checklist.id}: {section.concept.id}")
    assert out_of_order == []


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_checklist_has_a_score_and_the_type_checklist_a_result_line(documents, lang, labels):
    document = documents[lang]
    for checklist in build_checklists(load_handbook(ROOT / "docs")):
        part = document[document.index(f'id="checklist-{checklist.id}"'):]
        part = part[:part.index(f'id="checklist-{checklist.id}--end"')]
        assert part.count('class="tally"') == len(checklist.sections), checklist.id
        assert part.count('class="box"') == len(checklist.items)
        assert part.count('class="rule"') == 3 * len(checklist.sections)
        words = re.sub(r"<[^>]+>", "", part)  # tags: the book's Thai setting
        if checklist.result == "type":
            assert labels.get(lang, "book.result.type") in words
        elif len(checklist.sections) > 1:
            assert 'class="total"' in part
        assert "ติ๊ก" not in words  # paper: a pen marks ✓, nothing is clicked


def test_no_thai_line_begins_with_mai_yamok_or_a_mark_and_no_compound_is_split(books, handbook):
    from handbook.book import _vocabulary
    from handbook.booktext import LONGEST_KEPT, starts_badly

    lines = [line for text in _text(books["th"]) for line in text.splitlines()]
    assert not [line for line in lines if starts_badly(line)]
    kept = [word for word in _vocabulary(handbook) if len(word) <= LONGEST_KEPT]
    assert "ขับเคลื่อน" in kept and "ดำเนินการ" in kept
    split = []
    for before, after in zip(lines, lines[1:], strict=False):
        joined, at = before.rstrip() + after.lstrip(), len(before.rstrip())
        split += [word for word in kept for found in re.finditer(re.escape(word), joined)
                  if found.start() < at < found.end()]
    assert not split


@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_page_reference_is_never_split(books, lang, labels):
    word = labels.get(lang, "book.page")
    lines = [line.rstrip() for text in _text(books[lang]) for line in text.splitlines()]
    assert not [line for line in lines if line.endswith(f"({word}") or line.endswith(f"({word}\u00a0")]


def test_sara_am_and_its_tone_marks_survive_text_extraction(books):
    """HarfBuzz draws ำ as two glyphs; WeasyPrint's text layer read them as า (handbook/pdftext.py
    repairs it): a reader who searches or copies gets the words the page shows."""
    text = "".join(_text(books["th"]))
    assert "คำภาษาอังกฤษ" in text
    assert "สม่ำเสมอ" in text  # a tone mark that Sarabun draws joined with NIKHAHIT
    assert "\u0e4d" not in text and "ํา" not in text


@pytest.mark.parametrize("lang", ["th", "en"])
def test_references_carry_page_numbers(books, lang, labels):
    text = "".join(_text(books[lang]))
    word = labels.get(lang, "book.page")
    refs = re.findall(rf"\({re.escape(word)}[ \u00a0](\d+)\)", text)
    assert len(refs) > 20
    assert all(0 < int(n) <= len(_reader(books[lang]).pages) for n in refs)


@pytest.mark.parametrize(("lang", "pages"), [
    ("th", ["index.html", "checklists/index.html"]),
    ("en", ["en/index.html", "en/checklists/index.html"]),
])
def test_home_and_checklists_link_the_book_with_its_real_pages_and_size(site, offline_site, books, lang, pages, labels):
    pdf = books[lang]
    book = Book(lang, pdf, len(_reader(pdf).pages), pdf.stat().st_size)
    for page in pages:
        src_uri = page.replace(".html", ".md") if lang == "th" else page.removeprefix("en/").replace(".html", ".md")
        expected = render_book_link(book, src_uri, labels=labels)
        text = expected[1:expected.index("]")]
        html = (site / page).read_text(encoding="utf-8")
        links = re.findall(r'<a[^>]*href="([^"]*\.pdf)"[^>]*>([^<]*)</a>', html)
        assert links and links[0][1] == text, (page, links)
        assert (site / page).parent.joinpath(links[0][0]).resolve() == pdf.resolve()
        # The offline copy (file URLs) carries the same book where its link points.
        offline = (offline_site / page).read_text(encoding="utf-8")
        href = re.findall(r'<a[^>]*href="([^"]*\.pdf)"', offline)[0]
        assert (offline_site / page).parent.joinpath(href).resolve().read_bytes() == pdf.read_bytes()
