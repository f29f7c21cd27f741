"""The output census: every published file a browser reads, held to one allowlist.

After the build, each file of the site is read back as a browser would read it and judged against
`handbook.outputs.allowlist`: whole HTML pages (head, header, navigation, footer, not only the
article) for their elements, attributes, addresses, scripts and page policy (`pages`); the search
indexes (their `title` and `text` are shown as HTML), `concepts.json`, the web app manifests, the
service worker's list of files, SVG drawings and sitemaps; and every file, text or book, for an
unfilled `{placeholder}` (`placeholders`). Whatever is outside the allowlist is a finding that
names the published file and line.

Pure functions over text; `census_site()` reads a folder. The caller (hooks/outputs.py) names
the source page a finding came from, where it knows it.
"""

from __future__ import annotations

import hashlib
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from handbook.memo import Memo, recall
from handbook.outputs import allowlist as allow
from handbook.outputs.pages import Problem, element_problems, is_local, on_host, page_problems
from handbook.outputs.placeholders import json_placeholders, pdf_pages_text, text_placeholders
from handbook.outputs.scan import scan_html

# ---------------------------------------------------------------------------------------------
# JSON and the other files a browser reads
# ---------------------------------------------------------------------------------------------


def fragment_problems(text: str, path: str, *, allowed_tags: frozenset[str]) -> Iterator[Problem]:
    """A string shown as HTML (search results): content's elements only, nothing that runs."""
    if "<" not in text and "&" not in text:
        return
    scan = scan_html(text)
    for problem in element_problems(scan, hosts=frozenset(), allowed_tags=allowed_tags):
        yield Problem(path, problem.message, problem.value)
    if scan.scripts:
        yield Problem(path, "a script in a search entry")


def search_index_problems(index: dict) -> Iterator[Problem]:
    docs = index.get("docs") if isinstance(index, dict) else None
    if not isinstance(docs, list):
        yield Problem("$", "not a search index ({config, docs})")
        return
    for number, doc in enumerate(docs):
        path = f"$.docs[{number}]"
        if not isinstance(doc, dict):
            yield Problem(path, "a search entry that is not an object")
            continue
        location = doc.get("location", "")
        if not isinstance(location, str) or not is_local(location):
            yield Problem(f"{path}.location", f"search entry leads to '{location}', not a page of the handbook", str(location))
            continue
        found: list[Problem] = []
        for field, value in doc.items():
            if isinstance(value, str):
                tags = allow.SEARCH_ELEMENTS if field in ("title", "text") else frozenset()
                found.extend(fragment_problems(value, f"{path}.{field}", allowed_tags=tags))
        found.extend(Problem(where, message, text) for where, message, text in json_placeholders(doc, path))
        # The page the entry is of: the caller names its source.
        yield from (Problem(p.where, f"{p.message} (search entry of '{location}')", p.value, page=location)
                    for p in found)
    yield from (Problem(where, message, text) for where, message, text in json_placeholders(index.get("config")))


def _addresses(value, path: str, keys: frozenset[str]) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in keys and isinstance(item, str):
                yield f"{path}.{key}", item
            elif key in keys and isinstance(item, dict):  # {"th": "…", "en": "…"}
                for lang, url in item.items():
                    if isinstance(url, str):
                        yield f"{path}.{key}.{lang}", url
            else:
                yield from _addresses(item, f"{path}.{key}", keys)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _addresses(item, f"{path}[{index}]", keys)


def _strings(value, path: str = "$") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def data_problems(data, *, url_keys: frozenset[str]) -> Iterator[Problem]:
    """JSON of plain text (concepts.json, manifests): no markup, relative addresses, no blanks."""
    for path, url in _addresses(data, "$", url_keys):
        if not is_local(url):
            yield Problem(path, f"'{url}' is not an address on the site", url)
    for path, text in _strings(data):
        if re.search(r"<[A-Za-z/!?]", text):
            yield Problem(path, f"markup in a plain-text value: '{text[:60]}'", text)
    yield from (Problem(where, message, text) for where, message, text in json_placeholders(data))


def service_worker_problems(text: str, worker: str) -> Iterator[Problem]:
    """sw.js: exactly the handbook's worker (`handbook.pwa.service_worker()`)."""
    if text != worker:
        yield Problem("1", "sw.js is not the handbook's worker (handbook/static/sw.js)")


def precache_list_problems(data, exists: Callable[[str], bool]) -> Iterator[Problem]:
    """offline.json: the worker's list of files, every one a published file of the site."""
    if not isinstance(data, dict) or not isinstance(data.get("languages"), dict):
        yield Problem("$", "offline.json is not the worker's list of files")
        return
    for lang, info in data["languages"].items():
        files = info.get("files") if isinstance(info, dict) else None
        for index, entry in enumerate(files if isinstance(files, list) else []):
            path = entry[0] if isinstance(entry, list) and entry else None
            if not isinstance(path, str) or not is_local(path) or path.startswith("/") or ".." in path.split("/"):
                yield Problem(f"$.languages.{lang}.files[{index}]", f"'{path}' is not a file of the site", str(path))
            elif not exists(path):
                yield Problem(f"$.languages.{lang}.files[{index}]", f"'{path}' is listed but not published", path)
    yield from (Problem(where, message, text) for where, message, text in json_placeholders(data))


def svg_problems(text: str) -> Iterator[Problem]:
    """A published drawing: shapes and text only, nothing that runs, loads or declares.

    Its attributes are those of the drawings' allowlist (`handbook.sources`, read again here by
    expat): the pages' shorter list of SVG attributes refused drawings `make check` accepts
    (gradient stops, `style`, `xlink:href="#…"`)."""
    from handbook.sources import svg_problems as drawing_problems

    scan = scan_html(text)
    for line, decl in scan.declarations:
        yield Problem(str(line), f"<!{decl[:40]}> in a drawing")
    drawing = drawing_problems(text.encode("utf-8"))
    for problem in element_problems(scan, hosts=frozenset(), allowed_tags=allow.SVG_ELEMENTS):
        if not (problem.message.startswith("attribute ") and problem.message.endswith("is not in the allowlist")
                and not drawing):
            yield problem
    yield from (Problem(str(line), message) for line, message in drawing)
    if scan.scripts:
        yield Problem("1", "a script in a drawing")


def sitemap_problems(text: str, hosts: frozenset[str]) -> Iterator[Problem]:
    try:
        root = ET.fromstring(text)
    except ET.ParseError as err:
        yield Problem(str(err.position[0]), f"not XML: {err}")
        return
    for element in root.iter():
        for value in [element.text or ""] * element.tag.endswith("}loc") + [element.get("href") or ""]:
            if value.strip() and not (on_host(value.strip(), hosts) or is_local(value.strip())):
                yield Problem("1", f"'{value.strip()}' is not an address of the published site", value.strip())


# ---------------------------------------------------------------------------------------------
# The whole site
# ---------------------------------------------------------------------------------------------


@dataclass
class SiteCensus:
    """What the census needs to know beyond the files: the published site's host names, the
    handbook's service worker, and pages already judged while they were written (by content)."""

    hosts: frozenset[str] = frozenset()
    origins: tuple[str, ...] = ()
    live_reload: bool = False  # `mkdocs serve` (see `csp.render_policy`)
    #: `handbook.pwa.service_worker()`: what sw.js must be.
    worker: str | None = None
    #: Results kept between builds (`handbook.memo`), or None.
    memo: Memo | None = None
    judged: dict[str, str] | None = None  # relative path -> sha256 of the text judged clean
    #: A PDF's text, page by page (the hook keeps it by the PDF's hash: reading takes seconds).
    pdf_text: Callable[[Path], list[str]] = pdf_pages_text


def _language_root(relative: str) -> str:
    """`en/search/search_index.json` -> `search/search_index.json`."""
    parts = relative.split("/")
    return "/".join(parts[1:]) if len(parts) > 2 and parts[1] == "search" else relative


def file_problems(site: Path, relative: str, census: SiteCensus, *, shims: dict[str, str | None],
                  files: frozenset[str]) -> list[Problem]:
    """Everything wrong with one published file (`relative` to the site folder, with `/`)."""
    path = site / relative
    name = posixpath.basename(relative)
    suffix = posixpath.splitext(name)[1].lower()
    if suffix not in allow.FILE_SUFFIXES and name not in allow.FILE_NAMES:
        return [Problem("1", f"a file of type '{suffix or name}' is not something the site publishes")]
    binary = suffix in {".png", ".jpg", ".jpeg", ".gif", ".webp", ".woff2", ".gz", ".pdf"}
    if suffix == ".pdf":
        return [Problem(f"page {page}", message, line)
                for page, message, line in text_placeholders(census.pdf_text(path))]
    if binary or suffix == ".map":
        return []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return [Problem("1", "not UTF-8 text")]
    folder = posixpath.dirname(relative)

    def exists(url: str) -> bool:
        target = posixpath.normpath(posixpath.join(folder, url.split("?")[0].split("#")[0]))
        if url.startswith("/"):
            target = url.lstrip("/").split("?")[0]
        return target in files

    if suffix == ".html":
        if census.judged is not None and census.judged.get(relative) == _digest(text):
            return []

        def read_asset(url: str) -> str | None:
            target = posixpath.normpath(posixpath.join(folder, url))
            if target not in shims:
                shims[target] = (site / target).read_text(encoding="utf-8") if target in files else None
            return shims[target]

        return page_problems(text, hosts=census.hosts, origins=census.origins, live_reload=census.live_reload,
                             exists=exists,
                             read_asset=read_asset)
    if suffix == ".svg":
        return list(svg_problems(text))
    if suffix == ".xml":
        return list(sitemap_problems(text, census.hosts))
    root_relative = _language_root(relative)
    if suffix == ".js":
        if relative == "sw.js":
            return [] if census.worker is None else list(service_worker_problems(text, census.worker))
        if root_relative == "search/search_index.js":
            if not text.startswith("var __index = "):
                return [Problem("1", "the offline search index is not 'var __index = {…}'")]
            return _search_index(text.removeprefix("var __index = "), census)
        if relative.startswith(allow.SCRIPT_FOLDER) or relative in allow.GENERATED_SCRIPTS:
            return []
        return [Problem("1", "a script outside the theme's assets/javascripts/")]
    if suffix == ".css":
        return [] if relative.startswith(allow.STYLE_FOLDER) else [
            Problem("1", "a stylesheet outside the theme's assets/stylesheets/")]
    if suffix == ".json" and root_relative == "search/search_index.json":
        return _search_index(text, census)
    if relative == "offline.json":
        return _json(text, lambda data: precache_list_problems(data, lambda p: _page_file(p) in files))
    if suffix in (".json", ".webmanifest"):
        keys = frozenset({"url", "src", "start_url", "scope"})
        return _json(text, lambda data: data_problems(data, url_keys=keys))
    return []  # .txt, LICENSE: licences, read by people


def _json(text: str, judge) -> list[Problem]:
    try:
        data = json.loads(text)
    except ValueError as err:
        return [Problem("1", f"not JSON: {err}")]
    return list(judge(data))


def _search_index(text: str, census: SiteCensus) -> list[Problem]:
    """A search index's problems; an index judged clean before (the same text, the same code:
    `handbook.memo`) is not read again. The largest file of the site, and read only here."""
    return recall(census.memo, ("search index", text), _json, text, search_index_problems,
                  keep=lambda found: not found)


def _page_file(path: str) -> str:
    """A URL of the service worker's list as a file: `elements/` -> `elements/index.html`."""
    return posixpath.normpath(path + "index.html") if path.endswith("/") else path


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def published_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file())


def census_site(site: Path, census: SiteCensus) -> dict[str, list[Problem]]:
    """Published file (relative, with `/`) -> its problems, for every file of `site` that has any."""
    files = published_files(site)
    known = frozenset(files)
    shims: dict[str, str | None] = {}
    found: dict[str, list[Problem]] = {}
    for relative in files:
        problems = file_problems(site, relative, census, shims=shims, files=known)
        if problems:
            found[relative] = problems
    return found
