"""The census of one published HTML page: the whole page, held to the one allowlist.

Head, header, navigation, article, footer and scripts: every element and attribute
(`handbook.outputs.allowlist`), every address (links lead to http(s), mailto or the site;
whatever loads into the page comes from the site; the head names only the published site), every
script (from the site, or inline and hashed in the page's policy, never in the content), the
policy itself (`handbook.outputs.csp`), and no unfilled placeholder in text or attributes.

Pure functions: a page's text in, `Problem`s out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from handbook.outputs import allowlist as allow
from handbook.outputs.csp import (
    iframe_worker_src,
    page_sources,
    parse_policy,
    policy_element,
    render_policy,
)
from handbook.outputs.placeholders import html_placeholders
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
    #: The address of the page a finding in a shared file (a search index) belongs to.
    page: str = ""


def _url(value: str) -> str:
    """An address as a browser reads it (values from `scan_html` have their entities decoded)."""
    return _URL_NOISE.sub("", value or "").lower()


def _scheme(value: str) -> str | None:
    if ":" not in value:  # most values: no scheme at all, and no need to read them closer
        return None
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
    elif tag == "meta" and name == "http-equiv" and value.lower() != "content-security-policy":
        return f"<meta http-equiv=\"{value}\"> is not in the allowlist (only the page policy is)"
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


def policy_problems(scan: PageScan, *, shim_source: str | None, origins: tuple[str, ...] = (),
                    live_reload: bool = False) -> Iterator[Problem]:
    """The page's policy is the template's, with exactly the hashes of the page's inline scripts."""
    element = policy_element(scan)
    if element is None:
        yield Problem("1", "no Content-Security-Policy (<meta http-equiv> in <head>, overrides/main.html)")
        return
    policies = [e for e in scan.elements if e.tag == "meta" and e.get("http-equiv") is not None]
    if len(policies) > 1:
        yield Problem(str(policies[1].line), "a second <meta http-equiv>: a page has one policy, the template's")
    if element.head_index < 0 or element.head_index > 1:
        yield Problem(str(element.line), "the Content-Security-Policy must come first in <head> "
                                         "(after <meta charset>): what comes before it is not covered")
    scripts, styles, problems = page_sources(scan, shim_source=shim_source)
    for line, problem in problems:
        if "in the page's content" not in problem:  # script_problems() names those
            yield Problem(str(line), problem)
    policy = element.get("content") or ""
    expected = render_policy(scripts, styles, origins, live_reload=live_reload)
    if policy != expected:
        directives = parse_policy(policy)
        listed = set(directives.get("script-src", [])) | set(directives.get("style-src", []))
        missing = [source for source in scripts + styles if source not in listed]
        if missing:
            script = next((s for s in scan.scripts if s.executable and not s.in_article), None)
            yield Problem(str(element.line),
                          f"an inline script or style whose hash ({missing[0]}) is not in the page's "
                          "Content-Security-Policy: it was changed or added after the policy was made"
                          + (f" (first inline script on line {script.line})" if script else ""))
        else:
            wanted = parse_policy(expected)
            name = next((name for name in [*wanted, *directives]
                         if wanted.get(name) != directives.get(name)), "")
            yield Problem(str(element.line), f"the Content-Security-Policy is not the handbook's: {name} is "
                          f"'{' '.join(directives.get(name, []))}', the handbook's is '{' '.join(wanted.get(name, []))}'")


def page_problems(text: str, *, hosts: frozenset[str] = frozenset(), origins: tuple[str, ...] = (),
                  live_reload: bool = False,
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
    problems.extend(policy_problems(scan, shim_source=shim_source, origins=origins, live_reload=live_reload))
    problems.extend(Problem(str(line), message, text) for line, message, text in html_placeholders(scan))
    return problems
