"""A small sitemap next to every page, as Material's language links expect.

Material for MkDocs fetches `sitemap.xml` relative to each `<link rel="alternate" hreflang>` of a
page (to map the page to its other languages). With hreflang alternates that point to the same
page in each language, as search engines want, that is a `sitemap.xml` in every page's folder;
without one, every page logs two failed requests. `page_sitemaps()` cuts the site's sitemap
(which lists every page with its alternates) into one small sitemap per page folder.

Each small sitemap holds only what Material reads (the page's address and its alternates), from a
template, so it is written byte for byte the same by every build of the same pages: no date, and
no namespace prefixes borrowed from `xml.etree`'s process-wide registry (which WeasyPrint
rewrites when the book is typeset, giving `ns0:` in one build and none in the next).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import jinja2

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
TEMPLATE = Path(__file__).with_name("templates") / "page-sitemap.xml"


def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return env.from_string(TEMPLATE.read_text(encoding="utf-8"))


def page_sitemaps(sitemap: str, site_url: str) -> dict[str, str]:
    """{folder relative to the site root: sitemap text} for every page and alternate of `sitemap`;
    the site root itself (the full sitemap's place) is left out."""
    root = ET.fromstring(sitemap)
    base = urlsplit(site_url).path
    template = _template()
    out: dict[str, str] = {}
    for url in root.findall("s:url", NS):
        loc = (url.findtext("s:loc", default="", namespaces=NS) or "").strip()
        alternates = [(link.get("hreflang", ""), link.get("href", "")) for link in url.findall("x:link", NS)
                      if link.get("rel") == "alternate"]
        text = template.render(loc=loc, alternates=alternates)
        for href in [loc] + [href for _, href in alternates]:
            path = urlsplit(href).path
            if not path.startswith(base) or not path.endswith("/"):
                continue
            folder = path[len(base):]
            if folder:
                out.setdefault(folder, text)
    return out
