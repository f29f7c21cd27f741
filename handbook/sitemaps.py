"""A small sitemap next to every page, as Material's language links expect.

Material for MkDocs fetches `sitemap.xml` relative to each `<link rel="alternate" hreflang>` of a
page (to map the page to its other languages). With hreflang alternates that point to the same
page in each language, as search engines want, that is a `sitemap.xml` in every page's folder;
without one, every page logs two failed requests. `page_sitemaps()` cuts the site's sitemap
(which lists every page with its alternates) into one small sitemap per page folder.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
ET.register_namespace("", NS["s"])
ET.register_namespace("xhtml", NS["x"])


def page_sitemaps(sitemap: str, site_url: str) -> dict[str, str]:
    """{folder relative to the site root: sitemap text} for every page and alternate of `sitemap`;
    the site root itself (the full sitemap's place) is left out."""
    root = ET.fromstring(sitemap)
    base = urlsplit(site_url).path
    out: dict[str, str] = {}
    for url in root.findall("s:url", NS):
        loc = url.findtext("s:loc", default="", namespaces=NS)
        hrefs = [loc] + [link.get("href", "") for link in url.findall("x:link", NS)]
        single = ET.Element(f"{{{NS['s']}}}urlset")
        single.append(url)
        text = ET.tostring(single, encoding="unicode", xml_declaration=False)
        for href in hrefs:
            path = urlsplit(href).path
            if not path.startswith(base) or not path.endswith("/"):
                continue
            folder = path[len(base):]
            if folder:
                out.setdefault(folder, '<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n")
    return out
