"""A small sitemap next to every page, as Material's language links expect.

Material for MkDocs fetches `sitemap.xml` relative to each `<link rel="alternate" hreflang>` of a
page (to map the page to its other languages). With hreflang alternates that point to the same
page in each language, as search engines want, that is a `sitemap.xml` in every page's folder;
without one, every page logs two failed requests. `page_sitemap()` writes the one of a page from
the page's own address and the alternates its `<link rel="alternate">` name (`hooks/pwa.py`), so
the two always agree; the site's sitemap (mkdocs-static-i18n's, every page) is not read back.

Each small sitemap holds only what Material reads (the page's address and its alternates), from a
template, so it is written byte for byte the same by every build of the same pages: no date, and
no namespace prefixes borrowed from `xml.etree`'s process-wide registry.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path

import jinja2

TEMPLATE = Path(__file__).with_name("templates") / "page-sitemap.xml"


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, keep_trailing_newline=True, undefined=jinja2.StrictUndefined)
    return env.from_string(TEMPLATE.read_text(encoding="utf-8"))


def page_sitemap(loc: str, alternates: Iterable[tuple[str, str]]) -> str:
    """The sitemap of one page: its address and its (language, address) alternates."""
    return _template().render(loc=loc, alternates=list(alternates))
