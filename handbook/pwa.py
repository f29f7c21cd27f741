"""The installable, offline handbook: web app manifests, and the service worker's precache list.

Works on a built site folder, whatever generator built it: `precache_list()` reads the files of
each language (the default language at the root, the others in `<lang>/`) and the shared assets
they need, with a content hash and size each; `render_precache_list()` writes it as
`offline.json`, which the worker (`handbook/static/sw.js`, published unchanged as `sw.js`) reads.
The list's version is a hash of all hashes: a new build is a new set of caches, not a new worker.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

SW_SOURCE = Path(__file__).with_name("static") / "sw.js"

#: Built files no reader needs offline (source maps, the compressed sitemap, the manifest of
#: concepts for other tools, the printed books: a reader downloads a book when asking for it,
#: not on every phone that opens a page). The sitemaps stay, every language's in every copy:
#: Material asks for them.
SKIPPED_SUFFIXES = (".map", ".gz", ".webmanifest", ".pdf")
SKIPPED_NAMES = ("sw.js", "offline.json", "concepts.json")
#: The published list's name (beside sw.js) and format (the worker reads no other).
LIST_NAME = "offline.json"
LIST_FORMAT = 1
#: Material ships stemmers for 30 languages; the search worker loads only these and its languages'.
LUNR_ALWAYS = ("lunr.stemmer.support.min.js", "lunr.multi.min.js")


@dataclass(frozen=True)
class AppInfo:
    """What a language's web app manifest says about the handbook."""

    lang: str
    name: str
    short_name: str
    description: str
    start_url: str  # relative to the manifest
    theme_color: str
    background_color: str


def web_manifest(info: AppInfo, icons: list[dict]) -> dict:
    """A web app manifest (https://www.w3.org/TR/appmanifest/) for one language."""
    return {
        "name": info.name,
        "short_name": info.short_name,
        "description": info.description,
        "lang": info.lang,
        "dir": "ltr",
        "start_url": info.start_url,
        "scope": info.start_url,
        "display": "standalone",
        "theme_color": info.theme_color,
        "background_color": info.background_color,
        "icons": icons,
    }


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def _url(relative: str) -> str:
    """The URL a reader's browser asks for: directory URLs for pages."""
    if relative == "index.html":
        return "./"
    if relative.endswith("/index.html"):
        return relative[: -len("index.html")]
    return relative


def _needed_asset(relative: str, search_langs: tuple[str, ...]) -> bool:
    if relative.startswith("assets/javascripts/lunr/min/"):
        name = relative.rsplit("/", 1)[1]
        wanted = LUNR_ALWAYS + tuple(f"lunr.{lang}.min.js" for lang in search_langs if lang != "en")
        return name in wanted
    if relative.startswith("assets/javascripts/lunr/") and relative.endswith("tinyseg.js"):
        return "ja" in search_langs  # Japanese segmenter
    return not relative.startswith("assets/stylesheets/palette.")


def precache_list(site_dir: Path, languages: tuple[str, ...], default: str,
                  search_langs: tuple[str, ...]) -> dict:
    """{format, version, languages: {lang: {root, bytes, files: [[url, hash, size], …]}}}: `offline.json`.

    Every language's list holds the shared assets too, so that a language saved alone works
    (the browser's cache stores what it fetched, not the list).
    """
    others = tuple(lang for lang in languages if lang != default)
    shared: list[list] = []
    own: dict[str, list[list]] = {lang: [] for lang in languages}
    for path in sorted(p for p in site_dir.rglob("*") if p.is_file()):
        relative = path.relative_to(site_dir).as_posix()
        if relative.endswith(SKIPPED_SUFFIXES) or relative.rsplit("/", 1)[-1] in SKIPPED_NAMES:
            continue
        data = path.read_bytes()
        entry = [_url(relative), _digest(data), len(data)]
        first = relative.split("/", 1)[0]
        if relative.rsplit("/", 1)[-1] == "sitemap.xml":
            # Material looks up the sitemap next to each hreflang alternate, the other language's
            # too: every language's copy holds them all (small), so that offline nothing fails.
            shared.append(entry)
        elif first == "assets":
            if _needed_asset(relative, search_langs):
                shared.append(entry)
        elif first in others and "/" in relative:
            own[first].append(entry)
        else:
            own[default].append(entry)
    result = {}
    for lang in languages:
        files = own[lang] + shared
        result[lang] = {
            "root": "./" if lang == default else f"{lang}/",
            "bytes": sum(size for _, _, size in files),
            "files": files,
        }
    version = _digest(json.dumps(result, sort_keys=True).encode())
    return {"format": LIST_FORMAT, "version": version, "languages": result}


def render_precache_list(precache: dict) -> str:
    """`offline.json`: the list of files the worker saves."""
    return json.dumps(precache, ensure_ascii=False, separators=(",", ":"))


def service_worker() -> str:
    """`sw.js`: the worker, the same from build to build (its data is `offline.json`)."""
    return SW_SOURCE.read_text(encoding="utf-8")


def write_offline_files(site_dir: Path, precache: dict) -> None:
    """The worker and its list, into a built site."""
    (site_dir / "sw.js").write_text(service_worker(), encoding="utf-8")
    (site_dir / LIST_NAME).write_text(render_precache_list(precache), encoding="utf-8")
