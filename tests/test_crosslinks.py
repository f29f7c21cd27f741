"""Cross-links, backlinks, glossary and concept map on fixture handbooks (no site build)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
import pytest

from handbook.conceptmap import render_concept_map
from handbook.crosslinks import CrossLinkExtension, build_matcher, link_tree, render_related
from handbook.glossary import glossary_entries, sort_terms
from handbook.loader import load_handbook, relative_url
from tests.fixtures import replace_in, write_handbook


@pytest.fixture
def handbook(tmp_path):
    docs = write_handbook(tmp_path, ("alpha", "beta"))
    for lang in ("th", "en"):
        replace_in(docs / lang / "elements" / "alpha.md", "title: ", "synonyms: [หุ้นส่วน, partnership]\ntitle: ")
    return load_handbook(docs)


def link(html, handbook, lang="th", own=None):
    """Link an (XHTML) fragment's tree; return (HTML, linked ids)."""
    root = ET.fromstring(f"<div>{html}</div>")
    matcher = build_matcher(handbook, lang)
    linked = link_tree(root, matcher=matcher, own_id=own, url_for=lambda cid: f"/{cid}/")
    return ET.tostring(root, encoding="unicode"), linked


def render(text, handbook, lang="th", own=None):
    """Markdown through Python-Markdown with the cross-link extension, as MkDocs renders a page."""
    matcher = build_matcher(handbook, lang)
    linked = []

    def link_page(root, raw_html):
        linked.extend(link_tree(root, matcher=matcher, own_id=own, raw_html=raw_html,
                                url_for=lambda cid: f"/{cid}/"))

    html = markdown.markdown(text, extensions=["md_in_html", "attr_list", CrossLinkExtension(link_page)])
    return html, linked


@pytest.mark.parametrize(
    ("html", "linked"),
    [
        # a whole Thai word inside running text
        ("<p>สมาชิกเป็นหุ้นส่วนของเครือข่าย</p>", ["alpha"]),
        # part of a longer word (ห้างหุ้นส่วนจำกัด is one word): not linked
        ("<p>เขาตั้งห้างหุ้นส่วนจำกัดขึ้นมา</p>", []),
        # headings, existing links and code are left alone
        ("<h2>หุ้นส่วน</h2><p><a href='x'>หุ้นส่วน</a> <code>หุ้นส่วน</code></p>", []),
        # English: whole words only, case-insensitive
        ("<p>A Partnership grows.</p>", ["alpha"]),
        ("<p>partnerships</p>", []),
    ],
)
def test_mentions(handbook, html, linked):
    lang = "en" if html.isascii() else "th"
    assert link(html, handbook, lang)[1] == linked


def test_first_mention_only_and_not_on_own_page(handbook):
    html = "<p>หุ้นส่วน</p><p>หุ้นส่วน อีกครั้ง</p>"
    out, linked = link(html, handbook)
    assert out.count('class="hb-xref"') == 1 and linked == ["alpha"]
    assert link(html, handbook, own="alpha")[1] == []


def test_markdown_pages_are_linked_in_document_order(handbook):
    html, linked = render("พูดถึง *คำไทย beta* ก่อน แล้วจึงเป็นหุ้นส่วน\n\n- หุ้นส่วน อีกครั้ง", handbook)
    assert linked == ["beta", "alpha"]
    assert '<em><a class="hb-xref" href="/beta/">คำไทย beta</a></em>' in html
    assert html.count('class="hb-xref"') == 2


@pytest.mark.parametrize(
    "text",
    [
        # raw inline HTML written in Markdown stays out of Python-Markdown's tree: its tags are
        # followed through the stash
        '<span class="hb-term">(หุ้นส่วน)</span>',
        '<span class="hb-term"><span>x</span> หุ้นส่วน</span>',
        '<label for="x">เป็นหุ้นส่วน</label>',
        '<div class="hb-related" markdown>\n\nหุ้นส่วน\n\n</div>',
        "## หุ้นส่วน",
        "`หุ้นส่วน` และ [หุ้นส่วน](x)",
    ],
)
def test_markdown_skips_terms_labels_headings_and_code(handbook, text):
    html, linked = render(text, handbook)
    assert linked == [] and "hb-xref" not in html


def test_markdown_text_after_a_skipped_raw_tag_is_linked(handbook):
    html, linked = render('<span class="hb-term">(x)</span> <br> เป็นหุ้นส่วน', handbook)
    assert linked == ["alpha"] and '<a class="hb-xref" href="/alpha/">หุ้นส่วน</a>' in html


def test_thai_title_of_other_concept_is_linked(handbook):
    out, linked = link("<p>คำไทย beta</p>", handbook)
    assert linked == ["beta"] and '<a class="hb-xref" href="/beta/">คำไทย beta</a>' in out


def test_backlinks_render_related_and_mentions():
    html = render_related([("Beta", "../beta/", "One line.")], [("Home", "../../")],
                          labels={"related": "Related", "mentioned": "Mentioned in"})
    assert '<a href="../beta/">Beta</a> — One line.' in html
    assert '<h2 id="mentioned-in">Mentioned in</h2><ul><li><a href="../../">Home</a>' in html


def test_glossary_is_in_thai_dictionary_order():
    # Thai dictionary order ignores leading vowels (เ, ไ) and is not code-point order.
    terms = ["เครือข่าย", "การรับรู้", "ไว้ใจ", "ขยาย", "กลุ่ม", "เกื้อหนุน"]
    expected = ["กลุ่ม", "การรับรู้", "เกื้อหนุน", "ขยาย", "เครือข่าย", "ไว้ใจ"]
    assert sort_terms(terms, "th", key=str) == expected
    assert sorted(terms) != sort_terms(terms, "th", key=str)


def test_a_thai_word_sorts_before_the_longer_words_it_begins():
    # PyThaiNLP alone puts การมีส่วนร่วม (which has tone marks) after การมีส่วนร่วมของ…
    terms = ["การมีส่วนร่วมของสมาชิกทุกคนในเครือข่าย", "เครือข่ายวิวัฒนาการ", "การมีส่วนร่วม", "เครือข่าย"]
    assert sort_terms(terms, "th", key=str) == [
        "การมีส่วนร่วม", "การมีส่วนร่วมของสมาชิกทุกคนในเครือข่าย", "เครือข่าย", "เครือข่ายวิวัฒนาการ"
    ]


def test_glossary_lists_every_concept_and_synonym(handbook):
    entries = glossary_entries(handbook, "en")
    assert {e.concept_id for e in entries if e.see is None} == {"alpha", "beta"}
    assert any(e.term == "partnership" and e.see == "Title alpha" for e in entries)


def test_concept_map_is_well_formed_and_complete(tmp_path):
    from tests.conftest import ROOT

    real = load_handbook(ROOT / "docs")
    for lang in ("th", "en"):
        svg = render_concept_map(real, lang, url_for=lambda cid: f"{cid}/")
        root = ET.fromstring(svg)
        ns = "{http://www.w3.org/2000/svg}"
        assert root.find(f"{ns}title") is not None and root.find(f"{ns}desc") is not None
        hrefs = {a.get("href") for a in root.iter(f"{ns}a")}
        assert hrefs == {f"{cid}/" for cid in real.concepts}
        for a in root.iter(f"{ns}a"):
            assert a.find(f"{ns}title").text  # every shape is named for screen readers


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("elements/a/", "elements/b/", "../b/"),
        ("", "elements/b/", "elements/b/"),
        ("en/elements/a/", "en/", "../../"),
        ("elements/a.html", "types/b.html", "../types/b.html"),
        ("index.html", "elements/b.html", "elements/b.html"),
    ],
)
def test_relative_url(source, target, expected):
    assert relative_url(source, target) == expected


def test_linked_urls_reads_every_link_target():
    from handbook.crosslinks import linked_urls

    html = '<p><a href="../a/">A</a> <a class="x" href=\'b.html#p\'>B</a> <a name="n">N</a> <a href="c/?x=1&amp;y=2">C</a></p>'
    assert linked_urls(html) == ["../a/", "b.html#p", "c/?x=1&y=2"]


@pytest.mark.parametrize(
    ("page_url", "href", "expected"),
    [
        ("elements/a/", "../b/#p", "elements/b"),
        ("elements/a/", "../../", ""),
        ("elements/a.html", "../types/b.html", "types/b.html"),
        ("", "elements/", "elements"),
    ],
)
def test_resolve_url(page_url, href, expected):
    from handbook.loader import resolve_url

    assert resolve_url(page_url, href) == expected
