"""Markup fragments the generators write into pages, rendered from Jinja templates.

Python computes the values; the tags live in `handbook/templates/fragments/`. Every fragment is
rendered by one environment, the way the book's template is (`handbook.book`): autoescape on (what
a page or a label says is text, escaped on output) and `StrictUndefined` (a value the code forgot
to pass stops the build instead of printing nothing). A value that is already markup (a fragment
rendered before, a Markdown inline converted by `handbook.render.inline`) is passed as
`markupsafe.Markup` and goes through unchanged.

No MkDocs import: the content model renders its own fragments.
"""

from __future__ import annotations

import functools
import html
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import Markup

FRAGMENTS = Path(__file__).parent / "templates" / "fragments"


def _escape_like_html_module(value: Any) -> Any:
    # Autoescape would write ' and " as &#39; and &#34;; the pages have always been written with
    # `html.escape` (&#x27; and &quot;). Escaping here keeps the published bytes the same; a value
    # that is already markup is left alone, and autoescape then leaves the escaped text alone.
    if value is None or isinstance(value, Markup) or hasattr(value, "__html__"):
        return value
    return Markup(html.escape(str(value)))


@functools.cache
def _environment() -> jinja2.Environment:
    # Made once per process and never changed after: templates only, no build state.
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(FRAGMENTS),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=_escape_like_html_module,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render_fragment(name: str, /, **values: Any) -> str:
    """The fragment `templates/fragments/<name>` filled with `values`.

    A plain `str`, not `Markup`: the hooks add fragments to MkDocs' strings (`page.content +=`),
    and `str + Markup` would escape the page. To put one fragment into another, pass it as
    `Markup(fragment)`."""
    return _environment().get_template(name).render(**values)


def render_front_matter(fields: dict[str, Any]) -> str:
    """The front matter of a generated page (`---` … `---` and a newline), written by the YAML
    library so that any title (quotes, colons, backslashes, any script) reads back as written."""
    text = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, default_flow_style=False,
                          width=float("inf"))
    return f"---\n{text}---\n"
