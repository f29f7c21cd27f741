"""The one allowlist of the output census: what a published file may hold.

Content's HTML is held to `handbook.sanitize`'s allowlist (its tags and attributes are part of
this one); the rest is what the theme's templates (Material's and `overrides/`) write around it:
the header, navigation, search, footer, Material's icons and the concept map's SVG. Anything
else in a published page fails the build (`handbook.outputs.census`).
"""

from __future__ import annotations

from handbook.htmlpolicy import GENERATED_TAGS, GLOBAL_ATTRIBUTES, LINK_SCHEMES, TAG_ATTRIBUTES
from handbook.sources import SVG_ELEMENTS as SOURCE_SVG_ELEMENTS

# ---------------------------------------------------------------------------------------------
# Elements and attributes
# ---------------------------------------------------------------------------------------------

#: Drawings inline in pages (Material's icons, the concept map) and published as files (the
#: site's icons, content's images: `handbook.sources` judges those at the source). html.parser
#: lowercases names.
SVG_ELEMENTS: frozenset[str] = frozenset(
    "svg g path rect circle ellipse line polyline polygon text tspan title desc".split()
) | frozenset(name.lower() for name in SOURCE_SVG_ELEMENTS)
#: Paint and text attributes a drawing's elements may carry.
SVG_PRESENTATION: frozenset[str] = frozenset(
    "fill fill-opacity fill-rule stroke stroke-width stroke-linecap stroke-linejoin stroke-dasharray "
    "stroke-opacity opacity transform font-family font-size font-weight font-style text-anchor "
    "dominant-baseline clip-rule".split()
)

#: The page around the content: Material's base template and partials, and ours.
THEME_ELEMENTS: frozenset[str] = frozenset(
    "html head body meta link title script article aside header footer main nav form section".split()
)

#: Every element a published page may hold.
PAGE_ELEMENTS: frozenset[str] = GENERATED_TAGS | THEME_ELEMENTS | SVG_ELEMENTS

#: Elements of text that Material's search shows as HTML (the index's `title` and `text`).
SEARCH_ELEMENTS: frozenset[str] = GENERATED_TAGS

#: Attributes on any element (with every `data-…` and `aria-…`).
PAGE_GLOBAL_ATTRIBUTES: frozenset[str] = GLOBAL_ATTRIBUTES | {"tabindex"}

_THEME_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"target", "rel", "download"}),
    "button": frozenset({"type"}),
    "form": frozenset({"name"}),
    "input": frozenset({"type", "name", "autocomplete", "placeholder", "autocapitalize", "autocorrect",
                        "spellcheck", "required", "checked"}),
    "label": frozenset({"for"}),
    "link": frozenset({"rel", "href", "as", "type", "crossorigin", "hreflang", "sizes"}),
    "meta": frozenset({"charset", "name", "content", "property", "http-equiv"}),
    "script": frozenset({"id", "type", "src", "defer"}),
    "svg": frozenset({"xmlns", "viewbox", "width", "height", "focusable"}),
    "path": frozenset({"d", "fill", "stroke", "stroke-width"}),
    "line": frozenset({"x1", "y1", "x2", "y2"}),
    "rect": frozenset({"x", "y", "width", "height", "rx", "ry"}),
    "circle": frozenset({"cx", "cy", "r"}),
    "ellipse": frozenset({"cx", "cy", "rx", "ry"}),
    "polyline": frozenset({"points"}),
    "polygon": frozenset({"points"}),
    "text": frozenset({"x", "y", "dx", "dy", "text-anchor"}),
    "tspan": frozenset({"x", "y", "dx", "dy", "text-anchor"}),
    "textarea": frozenset({"rows", "cols"}),
    "use": frozenset({"href", "xlink:href", "x", "y", "width", "height"}),
}

#: Element -> the attributes it may carry beyond the global ones.
PAGE_ATTRIBUTES: dict[str, frozenset[str]] = {
    tag: TAG_ATTRIBUTES.get(tag, frozenset()) | _THEME_ATTRIBUTES.get(tag, frozenset())
    | (SVG_PRESENTATION if tag in SVG_ELEMENTS else frozenset())
    for tag in PAGE_ELEMENTS
}

# ---------------------------------------------------------------------------------------------
# Addresses
# ---------------------------------------------------------------------------------------------

#: Where a link (`<a href>`) may lead: a page of the handbook (relative), or these schemes.
LINK_SCHEMES_ALLOWED: frozenset[str] = LINK_SCHEMES
#: `<link rel>` values that load something into the page: only from the site itself.
LOADING_RELS: frozenset[str] = frozenset({"stylesheet", "icon", "preload", "manifest", "apple-touch-icon"})
#: `<link rel>` values that only name an address: relative, or the published site.
NAMING_RELS: frozenset[str] = frozenset({"canonical", "alternate", "prev", "next"})
#: `<meta>` whose content is an address: only the published site.
ADDRESS_METAS: frozenset[str] = frozenset({"og:url", "og:image", "handbook:published-url"})
#: Types of `<script>`: JavaScript (no type), and Material's configuration (JSON, never run).
SCRIPT_TYPES: frozenset[str] = frozenset({"", "application/json"})
#: The one `<!…>` declaration a page has.
DOCTYPE = "doctype html"

# ---------------------------------------------------------------------------------------------
# Files
# ---------------------------------------------------------------------------------------------

#: What the site may publish, by suffix (a browser reads each kind as the census checks it).
FILE_SUFFIXES: frozenset[str] = frozenset(
    ".html .json .js .css .svg .xml .webmanifest .png .jpg .jpeg .gif .webp .woff2 .pdf .map .gz .txt".split()
)
#: Files without a suffix: licences that must travel with vendored code.
FILE_NAMES: frozenset[str] = frozenset({"LICENSE"})
#: Scripts and stylesheets come from the theme (Material, `overrides/`); the build writes only
#: these scripts itself.
SCRIPT_FOLDER = "assets/javascripts/"
STYLE_FOLDER = "assets/stylesheets/"
GENERATED_SCRIPTS: frozenset[str] = frozenset({"sw.js", "search/search_index.js"})
