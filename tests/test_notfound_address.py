"""The 404 pages of a site published below a path (a GitHub Pages project site: https://owner.github.io/repo/).

MkDocs gives 404.html an absolute base_url, the path of the site's root, in every language; the
handbook's links from it (the home page, the web app manifest, the icon) start there. Before, the
English 404 page went one folder up from it and linked `/en/` and `/assets/…` outside the site.
"""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from tests.conftest import ROOT


@pytest.mark.parametrize(("base_url", "expected"), [("/hb/", "/hb/"), ("/", "/"), ("/a/b", "/a/b/")])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_404_page_starts_its_links_at_the_sites_path(base_url, expected, lang):
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    config.theme["language"] = lang
    pwa = config.hooks["hooks/pwa.py"]
    context = pwa.on_template_context({"base_url": base_url}, template_name="404.html", config=config)
    assert context["hb_root"] == expected


def test_a_relative_base_still_goes_up_from_a_language_folder():
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    pwa = config.hooks["hooks/pwa.py"]
    config.theme["language"] = "en"
    assert pwa.on_template_context({"base_url": "."}, template_name="sitemap.xml", config=config)["hb_root"] == "../"
    config.theme["language"] = "th"
    assert pwa.on_template_context({"base_url": "."}, template_name="sitemap.xml", config=config)["hb_root"] == "./"
