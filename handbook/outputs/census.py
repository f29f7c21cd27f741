"""The output census: every published file a browser reads, held to one allowlist.

After the build, each file of the site is read back as a browser would read it and judged against
`handbook.outputs.allowlist`: whole HTML pages (head, header, navigation, footer, not only the
article) for their elements, attributes, addresses, scripts and page policy (`csp`); the search
indexes (their `title` and `text` are shown as HTML), `concepts.json`, the web app manifests, the
service worker's list of files, SVG drawings and sitemaps; and every file, text or book, for an
unfilled `{placeholder}` (`placeholders`). Whatever is outside the allowlist is a finding that
names the published file and line.

Pure functions over text; `census_site()` reads a folder. The caller (hooks/outputs.py) names
the source page a finding came from, where it knows it.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from handbook.outputs import allowlist as allow
from handbook.outputs.csp import iframe_worker_src, page_sources, policy_element, render_policy
from handbook.outputs.placeholders import (
    html_placeholders,
    json_placeholders,
    pdf_pages_text,
    text_placeholders,
)
from handbook.outputs.scan import PageScan, scan_html

_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
# Browsers drop ASCII tabs and newlines anywhere in a URL and trim controls and spaces.
_URL_NOISE = re.compile(r"[\x00-\x20\x7f]+")


@dataclass(frozen=True)
class Problem:
    """One finding in a published file: where (a line, a JSON path or a book page) and what.

    `value` is the offending text when there is one: the caller looks for it in the source page.
    """

    where: str
    message: str
    value: str = ""


def _url(value: str) -> str:
    return _URL_NOISE.sub("", html.unescape(value or "")).lower()


def _scheme(value: str) -> str | None:
    match = _SCHEME.match(_url(value))
    return match.group(1) if match else None


def is_local(value: str) -> bool:
    """A path on the site itself: no scheme, no other host (`//host`, `/\\host`)."""
    url = _url(value)
    return not _SCHEME.match(url) and not url.startswith(("//", "/\\", "\\"))


def on_host(value: str, hosts: frozenset[str]) -> bool:
    parts = urlsplit(_url(value))
    return parts.scheme in ("http", "https") and parts.hostname is not None and parts.hostname in hosts


# ---------------------------------------------------------------------------------------------
# HTML pages
# ---------------------------------------------------------------------------------------------


def _attribute_problem(tag: str, name: str, value: str | None, element, hosts: frozenset[str],
                       *, allowed_tags: frozenset[str]) -> str | None:
    if name.startswith("on"):
        return f"inline event handler {name} on <{tag}>: pages run no inline script"
    if value is not None and _scheme(value) == "javascript":
        return f"javascript: address in {name} of <{tag}>"
    allowed = (
        name in allow.PAGE_GLOBAL_ATTRIBUTES
        or name in allow.PAGE_ATTRIBUTES.get(tag, ())
        or name.startswith(("data-", "aria-"))
    )
    if not allowed or tag not in allowed_tags:
        return f"attribute {name} on <{tag}> is not in the allowlist"
    value = value or ""
    if tag == "a" and name == "href":
        scheme = _scheme(value)
        if scheme and scheme not in allow.LINK_SCHEMES_ALLOWED:
            return f"link to '{value}': links go to http(s), mailto or a page of the handbook"
    elif tag == "link" and name == "href":
        rels = set((element.get("rel") or "").lower().split())
        if rels & allow.LOADING_RELS or not rels & allow.NAMING_RELS:
            if not is_local(value):
                return f"<link rel=\"{element.get('rel')}\"> loads '{value}' from another site"
        elif not is_local(value) and not on_host(value, hosts):
            return f"<link rel=\"{element.get('rel')}\"> names '{value}', not an address of the published site"
    elif name in ("src", "cite", "xlink:href") or (name == "href" and tag != "a"):
        if not is_local(value) and not (name == "cite" and _scheme(value) in ("http", "https")):
            return f"{name} '{value}' of <{tag}> loads from another site"
    elif tag == "meta" and name == "content":
        key = (element.get("property") or element.get("name") or "").lower()
        if key in allow.ADDRESS_METAS and not on_host(value, hosts):
            return f"<meta {key}> names '{value}', not an address of the published site"
    return None


def element_problems(scan: PageScan, *, hosts: frozenset[str], allowed_tags: frozenset[str],
                     line_offset: int = 0) -> Iterator[Problem]:
    for element in scan.elements:
        where = str(element.line + line_offset)
        if element.tag not in allowed_tags:
            yield Problem(where, f"<{element.tag}> is not in the allowlist", f"<{element.tag}")
            continue
        for name, value in element.attrs:
            problem = _attribute_problem(element.tag, name, value, element, hosts, allowed_tags=allowed_tags)
            if problem:
                yield Problem(where, problem, name if value is None else value)
    for line, what in scan.oddities:
        yield Problem(str(line + line_offset), f"{what} is not allowed in a published page")


def script_problems(scan: PageScan, *, exists: Callable[[str], bool] | None = None) -> Iterator[Problem]:
    for script in scan.scripts:
        where = str(script.line)
        kind = (script.get("type") or "").strip().lower()
        src = script.get("src")
        if kind not in allow.SCRIPT_TYPES:
            yield Problem(where, f"<script type=\"{kind}\"> is not in the allowlist")
        elif src is not None:
            if not is_local(src):
                yield Problem(where, f"script '{src}' from another site: scripts come only from the site", src)
            elif exists is not None and not exists(src):
                yield Problem(where, f"script '{src}' is not a file of the site", src)
        elif script.in_article:
            yield Problem(where, "an inline script in the page's content: pages run no script of their own")
        elif kind == "application/json":
            try:
                json.loads(script.text)
            except ValueError:
                yield Problem(where, "Material's configuration (<script type=\"application/json\">) is not JSON")


def policy_problems(scan: PageScan, *, shim_source: str | None, origins: tuple[str, ...] = ()) -> Iterator[Problem]:
    """The page's policy is the template's, with exactly the hashes of the page's inline scripts."""
    element = policy_element(scan)
    if element is None:
        yield Problem("1", "no Content-Security-Policy (<meta http-equiv> in <head>, overrides/main.html)")
        return
    if element.head_index < 0 or element.head_index > 1:
        yield Problem(str(element.line), "the Content-Security-Policy must come first in <head> "
                                         "(after <meta charset>): what comes before it is not covered")
    scripts, styles, problems = page_sources(scan, shim_source=shim_source)
    for problem in problems:
        yield Problem(str(element.line), problem)
    policy = element.get("content") or ""
    expected = render_policy(scripts, styles, origins)
    if policy != expected:
        listed = set(policy.split())
        missing = [source for source in scripts + styles if source not in listed]
        if missing:
            script = next((s for s in scan.scripts if s.executable and not s.in_article), None)
            yield Problem(str(element.line),
                          f"an inline script or style whose hash ({missing[0]}) is not in the page's "
                          "Content-Security-Policy: it was changed or added after the policy was made"
                          + (f" (first inline script on line {script.line})" if script else ""))
        else:
            yield Problem(str(element.line), f"the Content-Security-Policy is not the handbook's: '{policy[:120]}'")


def page_problems(text: str, *, hosts: frozenset[str] = frozenset(), origins: tuple[str, ...] = (),
                  read_asset: Callable[[str], str | None] | None = None,
                  exists: Callable[[str], bool] | None = None, scan: PageScan | None = None) -> list[Problem]:
    """Everything wrong with a published HTML page. `read_asset(src)` gives the text of a script
    the page loads (the iframe-worker shim, whose frame script the policy must allow)."""
    scan = scan or scan_html(text)
    shim_source = None
    shim_src = iframe_worker_src(scan)
    if shim_src is not None and read_asset is not None:
        shim_source = read_asset(shim_src)
    problems: list[Problem] = []
    doctypes = [decl for _, decl in scan.declarations]
    if [d.lower() for d in doctypes] != [allow.DOCTYPE]:
        problems.append(Problem("1", f"declarations {doctypes}: a page has one, <!doctype html>"))
    problems.extend(element_problems(scan, hosts=hosts, allowed_tags=allow.PAGE_ELEMENTS))
    problems.extend(script_problems(scan, exists=exists))
    problems.extend(policy_problems(scan, shim_source=shim_source, origins=origins))
    problems.extend(Problem(str(line), message, text) for line, message, text in html_placeholders(scan))
    return problems


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
        for field, value in doc.items():
            if not isinstance(value, str):
                continue
            tags = allow.SEARCH_ELEMENTS if field in ("title", "text") else frozenset()
            yield from fragment_problems(value, f"{path}.{field}", allowed_tags=tags)
    yield from (Problem(where, message, text) for where, message, text in json_placeholders(index))


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


def service_worker_problems(text: str, worker_source: str, exists: Callable[[str], bool]) -> Iterator[Problem]:
    """sw.js: the list of files (JSON) and then exactly the handbook's worker."""
    head, _, rest = text.partition("\n")
    if not head.startswith("self.HANDBOOK = ") or rest != worker_source:
        yield Problem("1", "sw.js is not the handbook's worker (handbook/static/sw.js) after its list of files")
        return
    try:
        data = json.loads(head.removeprefix("self.HANDBOOK = "))
    except ValueError:
        yield Problem("1", "the service worker's list of files is not JSON")
        return
    for lang, info in (data.get("languages") or {}).items():
        for index, entry in enumerate(info.get("files") or []):
            path = entry[0] if isinstance(entry, list) and entry else None
            if not isinstance(path, str) or not is_local(path) or path.startswith("/") or ".." in path.split("/"):
                yield Problem(f"$.languages.{lang}.files[{index}]", f"'{path}' is not a file of the site", str(path))
            elif not exists(path):
                yield Problem(f"$.languages.{lang}.files[{index}]", f"'{path}' is listed but not published", path)
    yield from (Problem(where, message, text) for where, message, text in json_placeholders(data))


def svg_problems(text: str) -> Iterator[Problem]:
    """A published drawing: shapes and text only, nothing that runs, loads or declares."""
    scan = scan_html(text)
    for line, decl in scan.declarations:
        yield Problem(str(line), f"<!{decl[:40]}> in a drawing")
    yield from element_problems(scan, hosts=frozenset(), allowed_tags=allow.SVG_ELEMENTS)
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
    worker_source: str | None = None
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

        return page_problems(text, hosts=census.hosts, origins=census.origins, exists=exists,
                             read_asset=read_asset)
    if suffix == ".svg":
        return list(svg_problems(text))
    if suffix == ".xml":
        return list(sitemap_problems(text, census.hosts))
    root_relative = _language_root(relative)
    if suffix == ".js":
        if relative == "sw.js":
            if census.worker_source is None:
                return []
            return list(service_worker_problems(text, census.worker_source, lambda p: _page_file(p) in files))
        if root_relative == "search/search_index.js":
            if not text.startswith("var __index = "):
                return [Problem("1", "the offline search index is not 'var __index = {…}'")]
            return _json(text.removeprefix("var __index = "), search_index_problems)
        if relative.startswith(allow.SCRIPT_FOLDER) or relative in allow.GENERATED_SCRIPTS:
            return []
        return [Problem("1", "a script outside the theme's assets/javascripts/")]
    if suffix == ".css":
        return [] if relative.startswith(allow.STYLE_FOLDER) else [
            Problem("1", "a stylesheet outside the theme's assets/stylesheets/")]
    if suffix == ".json" and root_relative == "search/search_index.json":
        return _json(text, search_index_problems)
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


def _page_file(path: str) -> str:
    """A URL of the service worker's list as a file: `elements/` -> `elements/index.html`."""
    return posixpath.normpath(path + "index.html") if path.endswith("/") else path


def _digest(text: str) -> str:
    import hashlib

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
