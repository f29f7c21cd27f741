"""The content model's loader on small fixture handbooks: good pages load, bad pages name the spot."""

from __future__ import annotations

import pytest

from handbook.findings import HandbookError
from handbook.loader import load_handbook
from handbook.model.urls import page_url
from tests.fixtures import replace_in, write_handbook


def errors_of(docs) -> list[str]:
    with pytest.raises(HandbookError) as info:
        load_handbook(docs)
    return [str(f) for f in info.value.findings]


def test_good_handbook_loads(tmp_path):
    handbook = load_handbook(write_handbook(tmp_path))
    assert list(handbook.concepts) == ["alpha", "beta"]
    alpha = handbook.concepts["alpha"]
    assert set(alpha.pages) == {"th", "en"}
    assert [p.id for p in alpha.meta("en").points] == ["first-point", "second-point"]
    assert alpha.meta("th").related == ["beta"]


def test_order_field_orders_concepts(tmp_path):
    docs = write_handbook(tmp_path)
    for lang in ("th", "en"):
        replace_in(docs / lang / "elements" / "alpha.md", "order: 1", "order: 9")
    assert list(load_handbook(docs).concepts) == ["beta", "alpha"]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # bad YAML: an unclosed flow list
        ("related: [beta]", "related: [beta", "docs/th/elements/alpha.md:18: error: not valid YAML: the list opened with '['"),
        # missing field
        ("summary: สรุปหนึ่งบรรทัด\n", "", "docs/th/elements/alpha.md:1: error: field 'summary': required field is missing"),
        # unknown related id, with a suggestion
        ("related: [beta]", "related: [betta]", "docs/th/elements/alpha.md:18: error: field 'related': unknown concept 'betta' (did you mean 'beta'?)"),
        # duplicate point id
        ("id: second-point", "id: first-point", "docs/th/elements/alpha.md:13: error: point 2, field 'id': duplicate id 'first-point'"),
        # wrong kind
        ("kind: element", "kind: elephant", "docs/th/elements/alpha.md:3: error: field 'kind': unknown kind 'elephant'"),
        # misspelt field name
        ("related:", "relatd:", "docs/th/elements/alpha.md:18: error: field 'relatd': unknown field (check the spelling)"),
        # id that is not a slug
        ("id: alpha", "id: Alpha Beta", "docs/th/elements/alpha.md:2: error: field 'id': must be lower-case words"),
        # empty point text
        ("text: ข้อที่สอง", "text: ''", "docs/th/elements/alpha.md:14: error: point 2 (id second-point), field 'text': String should have at least 1 character"),
    ],
)
def test_bad_front_matter_names_file_line_and_field(tmp_path, old, new, expected):
    docs = write_handbook(tmp_path)
    replace_in(docs / "th" / "elements" / "alpha.md", old, new)
    errors = errors_of(docs)
    assert any(e.startswith(expected) for e in errors), errors


def test_duplicate_concept_id_names_both_files(tmp_path):
    docs = write_handbook(tmp_path)
    copy = docs / "th" / "types" / "alpha.md"
    copy.parent.mkdir()
    copy.write_text(
        (docs / "th/elements/alpha.md").read_text(encoding="utf-8").replace("kind: element", "kind: type"),
        encoding="utf-8",
    )
    errors = errors_of(docs)
    assert any("docs/th/types/alpha.md:" in e and "alpha" in e for e in errors), errors


def test_invalid_utf8_names_file_and_line(tmp_path):
    docs = write_handbook(tmp_path)
    path = docs / "th" / "elements" / "alpha.md"
    path.write_bytes(path.read_bytes().replace("สรุป".encode(), b"\xff\xfe", 1))
    assert errors_of(docs) == [
        "docs/th/elements/alpha.md:6: error: not valid UTF-8 (byte 78); save the file as UTF-8"
    ]


def test_empty_file(tmp_path):
    docs = write_handbook(tmp_path)
    (docs / "th" / "elements" / "alpha.md").write_text("", encoding="utf-8")
    errors = errors_of(docs)
    assert errors[0].startswith("docs/th/elements/alpha.md:1: error: empty file")


def test_page_must_live_at_its_id(tmp_path):
    docs = write_handbook(tmp_path)
    replace_in(docs / "en" / "elements" / "beta.md", "id: beta", "id: gamma")
    errors = errors_of(docs)
    assert any(e.startswith("docs/en/elements/beta.md:2: error: concept 'gamma'") for e in errors), errors


def test_translation_without_original(tmp_path):
    docs = write_handbook(tmp_path)
    (docs / "th" / "elements" / "beta.md").unlink()
    errors = errors_of(docs)
    assert any("has no original ('th') page" in e for e in errors), errors


def test_all_errors_reported_at_once(tmp_path):
    docs = write_handbook(tmp_path)
    replace_in(docs / "th/elements/alpha.md", "related: [beta]", "related: [nope]")
    replace_in(docs / "en/elements/beta.md", "summary: One line.\n", "")
    errors = errors_of(docs)
    assert len(errors) == 2
    assert errors[0].startswith("docs/en/elements/beta.md")  # sorted by file


@pytest.mark.parametrize(
    ("src_uri", "url"),
    [
        ("th/index.md", ""),
        ("en/index.md", "en/"),
        ("th/elements/index.md", "elements/"),
        ("th/elements/common-vision.md", "elements/common-vision/"),
        ("en/practice/maintenance.md", "en/practice/maintenance/"),
    ],
)
def test_page_url(src_uri, url):
    assert page_url(src_uri, "th") == url


def test_content_model_does_not_import_mkdocs():
    """The content model must outlive the generator: importing all of it loads no MkDocs."""
    import subprocess
    import sys

    code = (
        "import sys, pkgutil, importlib, handbook\n"
        "for m in pkgutil.iter_modules(handbook.__path__):\n"
        "    importlib.import_module('handbook.' + m.name)\n"
        "print(sorted(n for n in sys.modules if n.split('.')[0] in ('mkdocs', 'properdocs', 'material')))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("ลักษณะของเครือข่าย", "ลักษณะของเครือข่าย"),
        ("เปรียบเทียบทั้ง 3 ลักษณะ", "เปรียบเทียบทั้ง-3-ลักษณะ"),
        ("How to use this handbook", "how-to-use-this-handbook"),
        ("Questions (added by this handbook)", "questions-added-by-this-handbook"),
    ],
)
def test_heading_anchors_keep_thai_marks(heading, anchor):
    from handbook.slugs import slugify

    assert slugify(heading, "-") == anchor
