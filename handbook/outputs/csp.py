"""The page policy: a Content-Security-Policy on every published page, computed from the page.

Static hosts (GitHub Pages) send no headers we control, so the policy is a
`<meta http-equiv="Content-Security-Policy">` that the template (`overrides/main.html`) writes
right after `<meta charset>`, before anything that loads or runs. The template writes the policy
with a marker where the page's script hashes go; once the page's HTML is final (`on_post_page`),
`fill_policy()` reads the page and puts the sha256 of each of its inline scripts there:

- scripts only from the site itself (`'self'`) and inline scripts only by hash, so a script or
  an event handler that reaches a page some other way does not run;
- nothing from other hosts (`default-src 'self'`); `object-src 'none'`, `base-uri 'self'`;
- images also as `data:` (Material's icons in its stylesheet), no inline style but the table
  alignments Markdown writes, allowed by hash (`'unsafe-hashes'` on `style-src` only).

A `<meta>` policy cannot say `frame-ancestors`, `report-uri` or `sandbox`; browsers ignore them
there, so the policy does not pretend to.

On `file://` (the offline copy) Material's search runs in iframe-worker's hidden frame, which
inherits the page's policy; the shim writes one inline script into that frame, whose text is
known from the shim and the page's worker address: its hash is in the policy of the pages that
load the shim (`iframe_worker_script()`).

Pure functions: HTML in, HTML and problems out.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterable

from handbook.outputs.scan import PageScan, Script

#: Where the template's policy takes the page's script hashes (not a CSP keyword: a page left
#: unfilled runs no inline script at all, and the census refuses it).
SCRIPT_HASHES = "'hb-script-hashes'"
#: Where it takes the hashes of the page's allowed style attributes.
STYLE_HASHES = "'hb-style-hashes'"

#: What `mkdocs serve` puts in place of the script hashes (see `render_policy`).
LIVE_RELOAD = "'unsafe-inline'"

#: The policy, directive by directive; the markers are filled per page.
DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", f"'self' {SCRIPT_HASHES}"),
    ("style-src", f"'self' {STYLE_HASHES}"),
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("frame-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

#: The only inline style a page may carry: the column alignments Markdown's tables write.
ALLOWED_STYLES: frozenset[str] = frozenset(
    f"text-align: {side};" for side in ("left", "right", "center")
)

#: The vendored iframe-worker (offline search on file://), recognised by its script's address.
IFRAME_WORKER_SHIM = "iframe-worker/shim.js"


def policy_template(origins: tuple[str, ...] = ()) -> str:
    """The policy as the template writes it, markers included. `origins` are the published
    site's own (`https://host`): Material looks up the other language's page in the sitemap at
    the published address, which is the page's own origin once published, and not when the same
    files are served from elsewhere (a preview, a test server)."""
    return "; ".join(
        f"{name} {sources}{''.join(' ' + origin for origin in origins) if name == 'connect-src' else ''}"
        for name, sources in DIRECTIVES
    )


def published_origins(*urls: str | None) -> tuple[str, ...]:
    """`https://host[:port]` of each published address, once each."""
    found = []
    for url in urls:
        match = re.match(r"^(https?://[^/?#\s\"'<>&;]+)", url or "")
        if match and match.group(1).lower() not in found:
            found.append(match.group(1).lower())
    return tuple(found)


def source_hash(text: str) -> str:
    """The CSP source expression for an inline script or style of exactly `text`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def parse_policy(policy: str) -> dict[str, list[str]]:
    """Directive name -> its sources (CSP's own grammar: `;`-separated, space-separated)."""
    directives: dict[str, list[str]] = {}
    for part in policy.split(";"):
        words = part.split()
        if words and words[0].lower() not in directives:
            directives[words[0].lower()] = words[1:]
    return directives


def policy_element(scan: PageScan):
    """The page's `<meta http-equiv="Content-Security-Policy">`, or None."""
    for element in scan.elements:
        if element.tag == "meta" and (element.get("http-equiv") or "").lower() == "content-security-policy":
            return element
    return None


# ---------------------------------------------------------------------------------------------
# iframe-worker: the script its frame runs
# ---------------------------------------------------------------------------------------------

_FRAME_SCRIPT = re.compile(r"`<html><body><script>(.*?)<\\/script>")
_SUBSTITUTION = re.compile(r"\$\{(\w+)\}")


def _function_source(source: str, name: str) -> str | None:
    """The text `Function.prototype.toString` gives for `function name(…){…}` in `source`."""
    start = source.find(f"function {name}(")
    if start < 0:
        return None
    depth, index, quote = 0, source.index("{", start), ""
    while index < len(source):
        char = source[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = ""
        elif char in "\"'`":
            quote = char
        elif char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return source[start:index + 1]
        index += 1
    return None


def iframe_worker_script(shim_source: str, worker_url: str) -> str | None:
    """The inline script iframe-worker writes into its frame for `worker_url`, or None when the
    shim does not have the shape this reads (a new version: read it again, see the module doc)."""
    match = _FRAME_SCRIPT.search(shim_source)
    if not match:
        return None
    failed = False

    def substitute(found: re.Match) -> str:
        nonlocal failed
        name = found.group(1)
        if f"function {name}(" in shim_source:
            text = _function_source(shim_source, name)
            if text is None:
                failed = True
            return text or ""
        return worker_url  # the constructor's argument: the worker's address as the page gave it

    text = _SUBSTITUTION.sub(substitute, match.group(1))
    return None if failed or "\\" in text else text


def page_worker_url(scan: PageScan) -> str | None:
    """The search worker's address in Material's `#__config` (what it passes to `Worker`)."""
    for script in scan.scripts:
        if script.get("id") == "__config":
            try:
                return json.loads(script.text).get("search")
            except ValueError:
                return None
    return None


def iframe_worker_src(scan: PageScan) -> str | None:
    """The address the page loads the iframe-worker shim from, if it does."""
    return next((s.get("src") for s in scan.scripts if (s.get("src") or "").endswith(IFRAME_WORKER_SHIM)), None)


# ---------------------------------------------------------------------------------------------
# The policy of one page
# ---------------------------------------------------------------------------------------------


def inline_scripts(scan: PageScan) -> list[Script]:
    return [script for script in scan.scripts if script.executable]


def style_values(scan: PageScan) -> list[tuple[int, str]]:
    return [(e.line, value) for e in scan.elements for name, value in e.attrs if name == "style"]


def page_sources(scan: PageScan, *, shim_source: str | None = None
                 ) -> tuple[list[str], list[str], list[tuple[int, str]]]:
    """(script hashes, style hashes, problems as (line, message)) for the page read in `scan`.

    Only the template's scripts are hashed: a script inside the article (the page's own content,
    which `handbook.sanitize` already refuses) is a problem, never an allowed script.
    """
    problems: list[tuple[int, str]] = []
    scripts: list[str] = []
    for script in inline_scripts(scan):
        if script.in_article:
            problems.append((script.line, "an inline script in the page's content: pages run no script of their own"))
            continue
        scripts.append(source_hash(script.text))
    if iframe_worker_src(scan) is not None:
        worker = page_worker_url(scan)
        frame = iframe_worker_script(shim_source or "", worker) if worker and shim_source else None
        if frame is None:
            line = next(s.line for s in scan.scripts if (s.get("src") or "").endswith(IFRAME_WORKER_SHIM))
            problems.append((line, "the page loads iframe-worker, but the script it writes into its frame "
                                   "could not be read from the shim (a new version? see handbook/outputs/csp.py)"))
        else:
            scripts.append(source_hash(frame))
    styles: list[str] = []
    for line, value in style_values(scan):
        if value.strip() not in ALLOWED_STYLES:
            problems.append((line, f"inline style '{value}' is not allowed; styles belong in "
                                   "the stylesheets (only Markdown's table alignment is)"))
        else:
            styles.append(source_hash(value))
    return list(dict.fromkeys(scripts)), list(dict.fromkeys(styles)), problems


def render_policy(scripts: Iterable[str], styles: Iterable[str], origins: tuple[str, ...] = (),
                  *, live_reload: bool = False) -> str:
    """The template's policy with a page's hashes in place of the markers.

    `live_reload`: for `mkdocs serve` only, whose server adds an inline script to every page it
    sends (a new one each time, so it has no hash): inline scripts are allowed there, and the
    hashes left out (a browser ignores `'unsafe-inline'` beside a hash). Never in a build.
    """
    styles = list(styles)
    return (policy_template(origins)
            .replace(SCRIPT_HASHES, LIVE_RELOAD if live_reload else " ".join(scripts))
            .replace(STYLE_HASHES, " ".join(["'unsafe-hashes'", *styles]) if styles else "")
            .replace(" ;", ";"))


def fill_policy(html: str, scan: PageScan, *, shim_source: str | None = None,
                origins: tuple[str, ...] = (), live_reload: bool = False) -> tuple[str, str, list[str]]:
    """Put the page's hashes into its policy: (new HTML, the policy, problems).

    `scan` is `scan_html(html)`, and reads the new HTML afterwards. Problems: no policy element where it belongs, a policy not made by
    the template, an inline script in the content, an inline style other than an alignment.
    """
    element = policy_element(scan)
    if element is None or element.span is None:
        return html, "", ["no <meta http-equiv=\"Content-Security-Policy\"> (overrides/main.html writes it)"]
    offset, tag_text = element.span
    problems: list[str] = []
    if element.head_index < 0 or element.head_index > 1:
        problems.append("the Content-Security-Policy must come first in <head> (after <meta charset>)")
    template = policy_template(origins)
    if (element.get("content") or "") != template:
        problems.append("the page's Content-Security-Policy is not the template's")
        return html, "", problems
    scripts, styles, found = page_sources(scan, shim_source=shim_source)
    problems.extend(f"line {line}: {message}" for line, message in found)
    policy = render_policy(scripts, styles, origins, live_reload=live_reload)
    new_tag = tag_text.replace(f'content="{_attribute(template)}"', f'content="{_attribute(policy)}"', 1)
    if new_tag == tag_text:
        problems.append("the Content-Security-Policy element could not be filled (write it as "
                        "content=\"{{ hb_csp_policy }}\")")
    # The scan now reads the filled page (lines are unchanged: a policy is one line), so that the
    # census of the page needs no second reading.
    element.attrs = tuple((name, policy if name == "content" else value) for name, value in element.attrs)
    return html[:offset] + new_tag + html[offset + len(tag_text):], policy, problems


def refill_policy(html: str, *, shim_source: str | None = None, origins: tuple[str, ...] = ()
                  ) -> tuple[str, list[str]]:
    """The policy of a page made again from its HTML, for a page rewritten after the build (an
    offline copy derived from the web build): (new HTML, problems)."""
    from handbook.outputs.scan import scan_html

    scan = scan_html(html)
    element = policy_element(scan)
    if element is None or element.span is None:
        return html, ["no <meta http-equiv=\"Content-Security-Policy\"> (overrides/main.html writes it)"]
    offset, tag_text = element.span
    current = element.get("content") or ""
    template = policy_template(origins)
    reset_tag = tag_text.replace(f'content="{_attribute(current)}"', f'content="{_attribute(template)}"', 1)
    reset = html[:offset] + reset_tag + html[offset + len(tag_text):]
    # The one reading serves the reset page too: only the policy's tag changed (one line, the
    # same place); what follows moved, but filling reads only the policy's place and the scripts'
    # text. A policy that could not be reset is left as read, and refused as not the template's.
    if reset_tag != tag_text:
        element.span = (offset, reset_tag)
        element.attrs = tuple((name, template if name == "content" else value) for name, value in element.attrs)
    filled, _, problems = fill_policy(reset, scan, shim_source=shim_source, origins=origins)
    return filled, problems


def _attribute(text: str) -> str:
    """`text` as written in a double-quoted attribute: a policy holds no `"`, `&`, `<` or `>`
    (single quotes, letters, digits, `+/=-:;` and spaces), so it is written as it is."""
    if any(char in text for char in '"&<>'):
        raise ValueError(f"a policy with markup characters: {text!r}")
    return text
