"""URL arithmetic of the built site: where a source page is served, and links between pages.

Pure functions of strings: no handbook, no MkDocs. The project (`Project.page_url`) supplies
the original language, which sits at the site's root.
"""

from __future__ import annotations

import posixpath


def page_url(src_uri: str, default_language: str, *, directory_urls: bool = True) -> str:
    """The URL (relative to the site root) that the built site serves a source page at.

    The default language sits at the root, other languages under `/<lang>/`. With directory
    URLs a page is `x/`; without them (the offline copy) it is `x.html`, a section `s/index.html`.
    """
    lang, _, rest = src_uri.partition("/")
    stem = rest[: -len(".md")]
    if not directory_urls:
        path = stem + ".html"
    elif stem == "index":
        path = ""
    elif stem.endswith("/index"):
        path = stem[: -len("index")]
    else:
        path = stem + "/"
    return path if lang == default_language else f"{lang}/{path}"


def _url_folder(url: str) -> str:
    """The folder a site-root-relative page URL's links are relative to."""
    return url if url.endswith("/") else posixpath.dirname(url)


def relative_url(from_url: str, to_url: str) -> str:
    """A link from one site-root-relative URL to another (directory or .html URLs)."""
    rel = posixpath.relpath(to_url or ".", _url_folder(from_url) or ".")
    if to_url.endswith("/") and not rel.endswith("/"):
        rel += "/"
    return rel


def resolve_url(from_url: str, href: str) -> str:
    """The site-root-relative URL a relative link on page `from_url` points to ('' for the root)."""
    target = posixpath.normpath(posixpath.join(_url_folder(from_url), href.split("#")[0]))
    return "" if target == "." else target
