"""`make build` does each thing once (issue 24): one `mkdocs build` whose pages also make the
offline copy (handbook/offline_copy.py), and a book step that imports nothing when dist/ is up
to date (handbook/books.py). Timings are bench/run.py's; here, what can fail without a clock."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from handbook.books import input_stamp, is_fresh, write_stamp
from handbook.offline_copy import index_location, rewrite_page, rewrite_url
from tests.conftest import ROOT

# ---- the offline copy: addresses ------------------------------------------------------------

URLS = [
    # (url on the web page, from how deep, the copy's url)
    ("../common-perception/", "../../", "../common-perception/index.html"),
    ("../common-perception/#a-b", "../../", "../common-perception/index.html#a-b"),
    ("./", "../../", "index.html"),
    ("..", "../", "../index.html"),
    ("../..", "../../", "../../index.html"),
    (".", "./", "index.html"),
    ("en/", "./", "en/index.html"),
    ("#same-page", "../", "#same-page"),
    ("../../assets/stylesheets/handbook.css", "../../", "../../assets/stylesheets/handbook.css"),
    ("../downloads/handbook-th.pdf", "../", "../downloads/handbook-th.pdf"),
    ("https://handbook.invalid/en/", "../", "https://handbook.invalid/en/"),
    ("mailto:someone@example.org", "../", "mailto:someone@example.org"),
    ("", "../", ""),
    # The 404 pages: from the site's root.
    ("/assets/images/icon-192.png", "./", "./assets/images/icon-192.png"),
    ("/en/", "./", "en/index.html"),
    ("/.", "./", "index.html"),
    ("/", "../", "../index.html"),
]


@pytest.mark.parametrize(("url", "to_root", "expected"), URLS)
def test_the_copy_links_each_folder_to_its_index_html(url, to_root, expected):
    assert rewrite_url(url, to_root=to_root) == expected


def test_a_site_below_a_path_keeps_other_absolute_paths():
    assert rewrite_url("/handbook/types/", to_root="../", site_path="/handbook/") == "../types/index.html"
    assert rewrite_url("/elsewhere/", to_root="../", site_path="/handbook/") == "/elsewhere/"


@pytest.mark.parametrize(("location", "expected"), [
    ("", "index.html"), ("#top", "index.html#top"), ("types/", "types/index.html"),
    ("en/types/#x", "en/types/index.html#x"),
])
def test_search_results_point_at_files(location, expected):
    assert index_location(location) == expected


PAGE_404 = """<html><head>
  <meta http-equiv="Content-Security-Policy" content="script-src 'self' {old}">
  <link rel="canonical" href="https://handbook.invalid/x/">
  <link rel="manifest" href="/manifest.webmanifest">
  <link rel="stylesheet" href="/assets/stylesheets/main.css">
<script>__md_scope=new URL("/",location)</script>
</head><body><a href="/en/">en</a>
<div class="hb-offline" data-root="/" hidden><p>x</p><button>y</button></div>
<script id="__config" type="application/json">{{"base": "/", "search": "/assets/w.js"}}</script>
</body></html>"""


def test_a_404_page_in_the_copy_is_relative_and_keeps_its_policy():
    from handbook.outputs.csp import source_hash

    old = source_hash('__md_scope=new URL("/",location)')
    out = rewrite_page(PAGE_404.format(old=old), rel_path="en/404.html", polyfills=["shim.js"])
    assert 'href="../assets/stylesheets/main.css"' in out and 'href="../en/index.html"' in out
    assert '__md_scope=new URL("..",location)' in out
    assert source_hash('__md_scope=new URL("..",location)') in out and old not in out
    assert '"base": ".."' in out and '"search": "../assets/w.js"' in out
    assert 'src="../shim.js"' in out.split("</head>")[0]
    for gone in ("canonical", "manifest", "hb-offline"):
        assert gone not in out


# ---- the offline copy: as published ---------------------------------------------------------


def test_make_build_builds_the_site_once():
    """The offline copy comes from the site's build (HANDBOOK_OFFLINE_DIR), not from a second one."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"(?m)^build:.*\n((?:\t.*\n)+)", makefile)[1]
    assert recipe.count("mkdocs build") == 1, recipe
    assert "HANDBOOK_OFFLINE_DIR=$(OFFLINE_SITE)" in recipe
    assert "HANDBOOK_DIRECTORY_URLS" not in recipe


def test_the_offline_copy_is_every_page_of_the_site_and_nothing_online(site, offline_site):
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    assert pages == sorted(p.relative_to(offline_site).as_posix() for p in offline_site.rglob("*.html"))
    assert not [p for p in offline_site.rglob("*")
                if p.name in ("sw.js", "offline.json", "manifest.webmanifest", "sitemap.xml") or p.suffix == ".map"]
    for lang in ("", "en/"):
        assert (offline_site / lang / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = ")
        index = json.loads((offline_site / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert all((offline_site / lang / doc["location"].split("#")[0]).is_file() for doc in index["docs"])
    for page in pages:
        text = (offline_site / page).read_text(encoding="utf-8")
        assert "hb-offline" not in text and 'rel="manifest"' not in text, page
        # Every link to a page of the copy names a file that is there.
        for href in re.findall(r'\shref="([^"#:]+)(?:#[^"]*)?"', text):
            target = (offline_site / page).parent / href
            assert target.is_file(), f"{page}: {href}"


# ---- the book step --------------------------------------------------------------------------

CHECK_IMPORTS = """
import json, sys
from handbook.books import main
status = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("weasyprint", "markdown", "pythainlp", "jinja2",
               "yaml", "mkdocs") or m in ("handbook.book", "handbook.loader", "handbook.check"))
print(json.dumps([status, heavy]))
"""


def test_a_book_step_with_nothing_changed_imports_nothing_for_the_book(site, tmp_path):
    from tests.browser import PUBLISHED_URL

    # The address the session's site (and so its books) was built with: the books print it.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HANDBOOK_SITE_URL": PUBLISHED_URL}
    # The first makes dist/ (from the cache the site's build filled), the second finds it fresh.
    first = subprocess.run([sys.executable, "-c", CHECK_IMPORTS, "--out", str(tmp_path)],
                           cwd=ROOT, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    second = subprocess.run([sys.executable, "-c", CHECK_IMPORTS, "--out", str(tmp_path)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert "up to date" in second.stdout
    assert json.loads(second.stdout.splitlines()[-1]) == [0, []]


def test_a_changed_page_or_book_makes_the_step_run_again(tmp_path):
    project = tmp_path / "project"
    (project / "docs" / "th").mkdir(parents=True)
    page = project / "docs" / "th" / "index.md"
    page.write_text("# หน้าแรก\n", encoding="utf-8")
    out = tmp_path / "dist"
    out.mkdir()
    (out / "handbook-th.pdf").write_bytes(b"%PDF-1.7 book")
    stamp = input_stamp(project / "docs", project, None)
    write_stamp(out, stamp)
    assert is_fresh(out, input_stamp(project / "docs", project, None))
    page.write_text("# หน้าแรกใหม่\n", encoding="utf-8")
    assert not is_fresh(out, input_stamp(project / "docs", project, None))
    write_stamp(out, input_stamp(project / "docs", project, None))
    (out / "handbook-th.pdf").write_bytes(b"%PDF-1.7 another book")
    assert not is_fresh(out, input_stamp(project / "docs", project, None))
    assert not is_fresh(out, input_stamp(project / "docs", project, ["en"]))


def test_a_changed_edition_or_word_list_makes_the_step_run_again(tmp_path):
    # editorial/ (book.yml: the edition on the imprint; nobreak-th.txt) is what the book is made
    # from too, as handbook.book.source_key counts it.
    project = tmp_path / "project"
    (project / "docs" / "th").mkdir(parents=True)
    (project / "docs" / "th" / "index.md").write_text("# หน้าแรก\n", encoding="utf-8")
    (project / "editorial").mkdir()
    edition = project / "editorial" / "book.yml"
    edition.write_text("edition: 1\n", encoding="utf-8")
    out = tmp_path / "dist"
    out.mkdir()
    (out / "handbook-th.pdf").write_bytes(b"%PDF-1.7 book")
    write_stamp(out, input_stamp(project / "docs", project, None))
    assert is_fresh(out, input_stamp(project / "docs", project, None))
    edition.write_text("edition: 2\n", encoding="utf-8")
    assert not is_fresh(out, input_stamp(project / "docs", project, None))
