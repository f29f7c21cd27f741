"""Text and links for the Markdown the generators write: the lowest layer of the renderers.

`handbook.render` (the markers), the checklists, the glossary, the emendations and the
translation status all write Markdown that links to other source pages and carries front-matter
text. What they share lives here, below all of them, so that none of them imports another one's
module for it (`render` → `guides` → `checklists` → `render` was an import circle).

Front-matter text into Markdown is escaped, so that it can only ever be text (Markdown emphasis
and links still work; `&`, `<` and `>` are shown as written). The validators refuse HTML in front
matter already (handbook.sanitize.text_problem); this is the second line.
"""

from __future__ import annotations

import html
import posixpath
from collections.abc import Callable

from handbook.loader import Handbook, Page
from handbook.templating import render_fragment

#: A marker's renderer: the generated Markdown for one page in one language.
Renderer = Callable[[Handbook, Page, str], str]


def relative_link(from_src_uri: str, to_src_uri: str) -> str:
    """A Markdown link target from one source page to another (both relative to docs_dir)."""
    return posixpath.relpath(to_src_uri, posixpath.dirname(from_src_uri))


def inline(text: str) -> str:
    """Front-matter text for a Markdown line or an HTML element's content."""
    return html.escape(" ".join(text.split()), quote=False)


def cell(text: str) -> str:
    """Front-matter text for a Markdown table cell."""
    return inline(text).replace("|", "\\|")


#: Where the link to the printed book goes; `hooks/book.py` writes it once the book is typeset
#: (its pages and size are known only then). Not a marker: `handbook:` would be read as one.
BOOK_PLACEHOLDER = render_fragment("book-placeholder.md")
