"""The book prints a page's own images (what the source checks publish), and nothing else."""

from __future__ import annotations

import struct
import zlib

import pytest

from handbook.findings import HandbookError


def png(width=2, height=2) -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def document(src: str) -> str:
    return f'<html lang="th"><body><p>ภาพ</p><img src="{src}" alt="x"></body></html>'


@pytest.fixture
def docs(tmp_path):
    folder = tmp_path / "docs" / "th" / "elements"
    folder.mkdir(parents=True)
    (folder / "map.png").write_bytes(png())
    (tmp_path / "outside.png").write_bytes(png())
    (folder / "link.png").symlink_to(tmp_path / "outside.png")
    return tmp_path / "docs"


def test_a_pages_own_image_is_printed(docs):
    from handbook.book import render_document

    rendered = render_document(document((docs / "th/elements/map.png").as_uri()), None, docs)
    assert len(rendered.pages) == 1


@pytest.mark.parametrize("name", ["../../../outside.png", "link.png"])
def test_an_image_outside_docs_or_through_a_link_is_refused(docs, name):
    from handbook.book import render_document

    path = docs / "th/elements" / name
    with pytest.raises(HandbookError):
        render_document(document(path.absolute().as_uri()), None, docs)


def test_a_relative_image_of_a_page_points_at_its_file(docs):
    from types import SimpleNamespace

    from handbook.book import bookify

    handbook = SimpleNamespace(docs_dir=docs)
    out = bookify('<p><img alt="x" src="map.png"></p>', handbook=handbook, src_uri="th/elements/x.md",
                  prefix="c", depth=0, page_word="หน้า")
    assert f'src="{(docs / "th/elements/map.png").resolve().as_uri()}"' in out
