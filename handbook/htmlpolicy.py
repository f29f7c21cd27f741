"""The HTML policy of the handbook: the one allowlist of tags, attributes and link targets, and
the judges that say, in a contributor's words, why something falls outside it.

`handbook.sanitize` applies it to a page's source (with line numbers) and to its output (through
Ammonia); `handbook.outputs.allowlist` and the labels' checks read the same policy. Pure data
and pure functions.
"""

from __future__ import annotations

import html
import re

# ---------------------------------------------------------------------------------------------
# The policy
# ---------------------------------------------------------------------------------------------

#: Tags a page's Markdown body may contain (Markdown itself produces a subset of these).
SOURCE_TAGS: frozenset[str] = frozenset(
    "a abbr b blockquote br caption code dd del details div dl dt em figcaption figure "
    "h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s section small span strong sub "
    "summary sup table tbody td tfoot th thead tr u ul".split()
)
#: Tags only the handbook's generators write (the checklists' form controls).
GENERATED_TAGS: frozenset[str] = SOURCE_TAGS | {"button", "input", "label", "textarea"}

#: Attributes allowed on every tag, plus any `data-…` and `aria-…` (see `judge_attribute`).
GLOBAL_ATTRIBUTES: frozenset[str] = frozenset({"class", "dir", "hidden", "id", "lang", "role", "title"})
TAG_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href", "hreflang"}),
    "img": frozenset({"alt", "decoding", "height", "loading", "src", "width"}),
    "ol": frozenset({"reversed", "start", "type"}),
    "li": frozenset({"value"}),
    "td": frozenset({"colspan", "rowspan", "style"}),
    "th": frozenset({"colspan", "rowspan", "scope", "style"}),
    "details": frozenset({"open"}),
    "blockquote": frozenset({"cite"}),
    "q": frozenset({"cite"}),
    "button": frozenset({"type"}),
    "input": frozenset({"type"}),
    "label": frozenset({"for"}),
    "textarea": frozenset({"cols", "rows"}),
}
#: `markdown="1"` asks md_in_html to read a block's content as Markdown; Markdown removes it.
SOURCE_ONLY_ATTRIBUTES: frozenset[str] = frozenset({"markdown"})

#: Where a link may lead. Images and other embedded resources must stay on the site (relative).
LINK_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto"})
URL_ATTRIBUTES: frozenset[str] = frozenset({"href", "src", "cite"})
EMBED_ATTRIBUTES: frozenset[str] = frozenset({"src"})

# The only inline style Markdown writes itself: aligned table columns.
_ALIGN_STYLE = re.compile(r"^\s*text-align:\s*(left|right|center)\s*;?\s*$")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Browsers drop ASCII tabs and newlines anywhere in a URL and trim controls and spaces.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")

# What a contributor is told instead of the tag's generic "not allowed".
_TAG_ADVICE: dict[str, str] = {
    "script": "pages run no script of their own",
    "style": "styles belong in overrides/assets/stylesheets/",
    "iframe": "link to the page instead",
    "object": "link to the file instead",
    "embed": "link to the file instead",
    "form": "the handbook collects no data",
    "base": "it would send every link and asset to another site",
    "meta": "a page's metadata is its front matter",
    "link": "stylesheets and fonts are the theme's",
    "svg": "put the drawing in an .svg file next to the page and use an image",
}


def judge_url(value: str, *, embedded: bool) -> str | None:
    """Why `value` may not be a link (`embedded=False`) or an image source, or None."""
    url = _URL_NOISE.sub("", html.unescape(value)).lower()
    if embedded:
        # A path from the host's root (`/other-project/x.png`) is another site on a shared host
        # (GitHub Pages' project sites), and the computer's own files in the offline copy.
        if _SCHEME.match(url) or url.startswith(("/", "\\")):
            return f"'{value}' loads from another site; images must be files of the handbook " \
                   "(a relative path)"
        return None
    match = _SCHEME.match(url)
    if match and match.group(1) not in LINK_SCHEMES:
        return f"link '{value}' is not allowed; links go to http(s), mailto or a page of the handbook"
    return None


def judge_attribute(tag: str, name: str, value: str | None, *, source: bool = False) -> str | None:
    """Why attribute `name="value"` may not stand on `<tag>`, or None when it may."""
    name = name.lower()
    allowed = (
        name in GLOBAL_ATTRIBUTES
        or name in TAG_ATTRIBUTES.get(tag, ())
        or (source and name in SOURCE_ONLY_ATTRIBUTES)
        or ((name.startswith("data-") and not name.startswith("data-md-")) or name.startswith("aria-"))
    )
    if not allowed:
        if name.startswith("on"):
            return f"event handler '{name}' on <{tag}> is not allowed; pages run no script"
        return f"attribute '{name}' on <{tag}> is not allowed"
    value = value or ""
    if name in URL_ATTRIBUTES:
        return judge_url(value, embedded=name in EMBED_ATTRIBUTES)
    if source and name == "class" and (reserved := reserved_class(value)):
        return reserved
    if name == "id" and value.startswith("__"):
        return f"id '{value}' is reserved for the theme (ids may not start with '__')"
    if name == "style" and not _ALIGN_STYLE.match(value):
        return f"style '{value}' on <{tag}> is not allowed; styles belong in the stylesheets"
    if tag == "input" and name == "type" and value.lower() != "checkbox":
        return f"<input type='{value}'> is not allowed"
    return None


#: Class names the site's own scripts and stylesheets look up (`hb-offline`: the service worker
#: registers from the first element with it) or the theme's: a page may not borrow them.
RESERVED_CLASS_PREFIXES: tuple[str, ...] = ("hb-", "md-")
#: The site's classes a page may use: the editors' own note (`{ .hb-editors-note }`).
CONTENT_CLASSES: frozenset[str] = frozenset({"hb-editors-note"})


def reserved_class(value: str) -> str | None:
    for name in value.split():
        if name.lower().startswith(RESERVED_CLASS_PREFIXES) and name not in CONTENT_CLASSES:
            return (f"class '{name}' is reserved for the site's own scripts and theme (classes may "
                    f"not start with {' or '.join(repr(p) for p in RESERVED_CLASS_PREFIXES)}, "
                    f"except {', '.join(sorted(CONTENT_CLASSES))})")
    return None


def judge_tag(tag: str, *, tags: frozenset[str]) -> str | None:
    if tag in tags:
        return None
    advice = _TAG_ADVICE.get(tag)
    return f"<{tag}> is not allowed" + (f": {advice}" if advice else "")
