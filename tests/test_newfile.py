""""Start translating": GitHub's new-file page prefilled with the original, within GitHub's limit."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from handbook.newfile import MAX_URL_LENGTH, new_file_url, raw_url

BASE = "https://github.com/networking-handbook/handbook"


def test_a_short_original_is_prefilled_whole():
    text = "---\nid: x\ntitle: หัวข้อ & (วงเล็บ)\n---\n\nเนื้อหา\n"
    url = new_file_url(BASE, "docs/lo/elements/x.md", "docs/th/elements/x.md", text)
    parts = urlsplit(url)
    assert parts.path == "/networking-handbook/handbook/new/main/docs/lo/elements"
    assert parse_qs(parts.query) == {"filename": ["x.md"], "value": [text]}
    assert "(" not in url and " " not in url  # safe inside a Markdown link


def test_a_long_original_gets_one_line_naming_its_raw_file():
    text = "ก" * 2000  # 18,000 characters once percent-encoded
    url = new_file_url(BASE, "docs/lo/elements/x.md", "docs/th/elements/x.md", text)
    assert len(url) <= MAX_URL_LENGTH
    [value] = parse_qs(urlsplit(url).query)["value"]
    assert value == ("<!-- Copy the original from https://raw.githubusercontent.com/networking-handbook/"
                     "handbook/main/docs/th/elements/x.md over this line, then translate it "
                     "(CONTRIBUTING.md, 'Translate'). -->\n")


def test_raw_url_of_another_host():
    assert raw_url("https://git.example.org/a/b/", "docs/th/x.md") == "https://git.example.org/a/b/raw/main/docs/th/x.md"
