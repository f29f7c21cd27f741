"""The offline copy, derived from the web build's pages instead of built a second time.

A reader unzips the copy and opens `handbook/index.html` from the disk (file://), where a folder
does not open its index.html and nothing fetches JSON or registers a service worker. The web
build's pages already link relatively, so the copy is the same files with:

- links to a folder ("../types/", "..") pointing at its `index.html`;
- the 404 pages' absolute paths (MkDocs writes them from the site's root) made relative;
- what only a published site needs left out: the web app manifest and its icon, the service
  worker's status box (`.hb-offline`, so assets/javascripts/offline.js registers nothing), the
  canonical, hreflang and link-preview tags (absolute addresses), `sw.js` and `offline.json`,
  the sitemaps, the theme's source maps;
- Material's file:// helpers added: the `extra.polyfills` scripts in the head (iframe-worker runs
  the search worker from a file) and `search/search_index.js` beside each `search_index.json`
  (from a file Material loads the index as a script).

`rewrite_page()` and `rewrite_url()` are pure; `derive_offline_copy()` writes the folder
(hooks/offline.py calls it once every language is built). Deriving takes a fraction of a second
where the second `mkdocs build` took as long as the first.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

from handbook.outputs.csp import IFRAME_WORKER_SHIM, source_hash
from handbook.templating import render_fragment

#: Files of the web build the copy leaves out (by name): the service worker, the web app
#: manifests, the sitemaps Material's language links read (from a file, fetch is refused).
ONLINE_ONLY_FILES = frozenset({"sw.js", "offline.json", "manifest.webmanifest", "sitemap.xml", "sitemap.xml.gz"})
#: Suffixes the copy leaves out: compressed sitemaps, and the theme's source maps (developer
#: tools only; 1.2 MB of a 6 MB copy, which a reader downloads as a zip).
ONLINE_ONLY_SUFFIXES = (".gz", ".map")

#: Head tags that name the published site or install the app (main.html writes each on a line).
_ONLINE_TAGS = re.compile(
    r'[ \t]*<(?:link rel="(?:canonical|alternate|manifest|apple-touch-icon)"'
    r'|meta (?:property="og:(?:url|image[^"]*)"|name="twitter:card"))[^>]*>\n?'
)
#: The service worker's status box (overrides/partials/copyright.html): one level, no nested div.
_OFFLINE_BOX = re.compile(r'[ \t]*<div class="hb-offline"[^>]*>.*?</div>\n?', re.DOTALL)
_URL_ATTR = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
_INLINE_SCRIPT = re.compile(r"(<script>)(.*?)(</script>)", re.DOTALL)
_SCOPE = re.compile(r'(__md_scope=new URL\()("[^"]*")(,location\))')
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)


# ---------------------------------------------------------------------------------------------
# Addresses
# ---------------------------------------------------------------------------------------------


def rewrite_url(url: str, *, to_root: str, site_path: str = "/", index: bool = True) -> str:
    """`url` as the copy needs it, from a page `to_root` away from the site's root ("../../").

    Other sites, fragments and data are kept; a path from the site's root (`site_path`, as
    MkDocs writes the 404 pages) becomes relative; a folder gets its `index.html` (`index`)."""
    if not url or url.startswith("#"):
        return url
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return url
    path = parts.path
    if path.startswith("/"):
        if not path.startswith(site_path) and path + "/" != site_path:
            return url
        path = (to_root or "./") + path[len(site_path):].lstrip("/")
    last = path.rsplit("/", 1)[-1]
    if index and path and (path.endswith("/") or last in (".", "..")):
        folder = posixpath.normpath(path)
        path = "index.html" if folder == "." else f"{folder}/index.html"
    suffix = (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")
    return path + suffix


def index_location(location: str) -> str:
    """A search result's location in the copy: "" → "index.html", "a/#b" → "a/index.html#b"."""
    path, hash_, fragment = location.partition("#")
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path + hash_ + fragment


# ---------------------------------------------------------------------------------------------
# Pages
# ---------------------------------------------------------------------------------------------


def _absolute_to_relative(html: str, *, to_root: str, site_path: str) -> str:
    """A 404 page: its base (`__md_scope`, `__config`) from the root made relative. A changed
    inline script keeps its place in a Content-Security-Policy: its hash is replaced too."""
    def scope(match: re.Match) -> str:
        base = rewrite_url(json.loads(match[2]), to_root=to_root, site_path=site_path, index=False)
        return match[1] + json.dumps(base.rstrip("/") or ".") + match[3]

    def script(match: re.Match) -> str:
        new = _SCOPE.sub(scope, match[2])
        if new != match[2]:
            hashes.append((source_hash(match[2]), source_hash(new)))
        return match[1] + new + match[3]

    def config(match: re.Match) -> str:
        data = json.loads(match[2])
        for key in ("base", "search"):
            if isinstance(data.get(key), str):
                value = rewrite_url(data[key], to_root=to_root, site_path=site_path, index=False)
                data[key] = value.rstrip("/") or "." if key == "base" else value
        return match[1] + json.dumps(data) + match[3]

    hashes: list[tuple[str, str]] = []
    html = _INLINE_SCRIPT.sub(script, html)
    html = _CONFIG.sub(config, html)
    for old, new in hashes:
        html = html.replace(old, new)
    return html


def rewrite_page(html: str, *, rel_path: str, polyfills: list[str], site_path: str = "/",
                 shim_source: str | None = None, origins: tuple[str, ...] = ()) -> str:
    """The copy's version of the web build's page at `rel_path` ("elements/x/index.html").

    With `shim_source` (the iframe-worker polyfill's text), the page's policy is made again for
    the copy (handbook.outputs.csp): its inline scripts changed, and search from file:// runs the
    worker in a frame whose one inline script the policy must allow by its hash."""
    depth = rel_path.count("/")
    to_root = "../" * depth
    html = _ONLINE_TAGS.sub("", html)
    html = _OFFLINE_BOX.sub("", html)
    if posixpath.basename(rel_path) == "404.html":
        html = _absolute_to_relative(html, to_root=to_root or "./", site_path=site_path)
    html = _URL_ATTR.sub(
        lambda m: m[1] + rewrite_url(m[2], to_root=to_root or "./", site_path=site_path) + m[3], html)
    scripts = render_fragment("offline-scripts.html", sources=[to_root + src for src in polyfills])
    head_end = html.find("</head>")
    html = html[:head_end] + scripts + html[head_end:] if scripts and head_end >= 0 else html
    if shim_source is not None and "Content-Security-Policy" in html:
        from handbook.outputs.csp import refill_policy

        html, problems = refill_policy(html, shim_source=shim_source, origins=origins)
        if problems:
            raise OfflineCopyError(f"{rel_path}: " + "; ".join(problems))
    return html


class OfflineCopyError(ValueError):
    """A page of the offline copy whose policy cannot be made (named by its path)."""


def rewrite_index(text: str) -> str:
    """A language's search index with the copy's locations."""
    index = json.loads(text)
    for doc in index.get("docs", []):
        doc["location"] = index_location(doc["location"])
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def _rewrite_urls_in_json(value):
    """concepts.json: every `url` (a path, or one per language) points at a file."""
    if isinstance(value, list):
        return [_rewrite_urls_in_json(item) for item in value]
    if not isinstance(value, dict):
        return value
    out = {}
    for key, item in value.items():
        if key == "url" and isinstance(item, str):
            out[key] = index_location(item)
        elif key == "url" and isinstance(item, dict):
            out[key] = {k: index_location(v) if isinstance(v, str) else v for k, v in item.items()}
        else:
            out[key] = _rewrite_urls_in_json(item)
    return out


# ---------------------------------------------------------------------------------------------
# The folder
# ---------------------------------------------------------------------------------------------


def derive_offline_copy(site: Path, target: Path, *, polyfills: list[str], site_path: str = "/",
                        origins: tuple[str, ...] = ()) -> int:
    """Write the offline copy of the built `site` into `target` (replaced); return its files."""
    if target.exists():
        shutil.rmtree(target)
    # The search polyfill's text, for the pages' policy (the same file in every language).
    shim_files = [site / src for src in polyfills if src.endswith(IFRAME_WORKER_SHIM)]
    shim = shim_files[0].read_text(encoding="utf-8") if shim_files and shim_files[0].is_file() else None
    count = 0
    for path in sorted(site.rglob("*")):
        if not path.is_file() or path.name in ONLINE_ONLY_FILES or path.suffix in ONLINE_ONLY_SUFFIXES:
            continue
        rel = path.relative_to(site).as_posix()
        out = target / rel
        out.parent.mkdir(parents=True, exist_ok=True)
        count += 1
        if path.suffix == ".html":
            text = path.read_text(encoding="utf-8")
            out.write_text(rewrite_page(text, rel_path=rel, polyfills=polyfills, site_path=site_path,
                                        shim_source=shim, origins=origins), encoding="utf-8")
        elif path.name == "search_index.json":
            text = rewrite_index(path.read_text(encoding="utf-8"))
            out.write_text(text, encoding="utf-8")
            out.with_suffix(".js").write_text(f"var __index = {text}", encoding="utf-8")
            count += 1
        elif path.name == "concepts.json":
            data = _rewrite_urls_in_json(json.loads(path.read_text(encoding="utf-8")))
            out.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        else:
            shutil.copyfile(path, out)
    return count
