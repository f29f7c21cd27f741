"""A page's Markdown rendering, and its search documents, kept between builds: what they depend
on, and what is kept of them.

Converting the pages' Markdown to HTML is most of what a build of this handbook costs beyond
vanilla Material's: the handbook's pages carry about five times the text of their sources (leads,
points, questions, related concepts, the generated checklists and glossary). Rendering is a pure
function of
- the page's Markdown as the hooks hand it over, and where the page is (its source, its file, its URL);
- every file of the build (MkDocs resolves each link against them, and warns for the rest);
- the Markdown extensions and their settings, the link-validation settings, `use_directory_urls`;
- the cross-links' terms and concept URLs of the page's language (`LinkContext.key`), and where
  the Thai texts they looked at have word boundaries (PyThaiNLP's answers, which a build reads
  from `.cache/handbook/` in the working tree: kept with the rendering and compared on each use);
- the levels of MkDocs' and Python-Markdown's loggers (a `--quiet` build sees no warning);
- the code: the `handbook` package (the memo's own key), the hooks, Python-Markdown, MkDocs,
  PyThaiNLP's version, and each module an extension or a setting names (its version and file).

`hooks/render_memo.py` keeps each result in the build's memo (`handbook.memo`) under a digest of
all of these, and only a rendering that logged nothing (no link MkDocs could not resolve, no
notice), so every message is today's. What is kept is what MkDocs' own rendering leaves on the
page: the HTML, the table of contents, the title found in the text, the anchors the page holds
and the anchors it links to.

Material's search plugin then cuts each page's HTML into documents (one per section), the other
cost that grows with the text: a pure function of the page's HTML, URL, title, table of contents
and front matter, and of Material's code. `hooks/search_entries.py` keeps a page's documents the
same way (`search_key`).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from handbook.memo import key


def describe(value: Any) -> Any:
    """`value` as plain JSON data that is the same in every process: functions and classes by
    their importable names, other objects by their class and attributes (never an address)."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, dict):
        return {str(k): describe(v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [describe(v) for v in value]
        return sorted(items, key=repr) if isinstance(value, (set, frozenset)) else items
    if isinstance(value, functools.partial):  # a function with some arguments given (a slugify)
        return {"partial": describe(value.func), "args": describe(value.args),
                "keywords": describe(value.keywords)}
    if callable(value) and hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '?')}.{value.__qualname__}"
    kind = type(value)
    return {"class": f"{kind.__module__}.{kind.__qualname__}",
            "state": describe({k: v for k, v in vars(value).items() if not callable(v)})
            if hasattr(value, "__dict__") else repr(value)}


def callables_in(value: Any) -> Iterator[Any]:
    """Every function or class in `value` (settings: mappings and lists of them, to any depth)."""
    if isinstance(value, dict):
        for item in value.values():
            yield from callables_in(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from callables_in(item)
    elif isinstance(value, functools.partial):
        yield from callables_in([value.func, value.args, value.keywords])
    elif callable(value) and hasattr(value, "__module__"):
        yield value


#: Markdown extensions whose rendering reads nothing but the page's Markdown and their settings
#: (Python-Markdown's own, less codehilite, which asks Pygments); the handbook's cross-links are
#: in the key by their terms and the Thai answers they read. With any other extension in
#: mkdocs.yml (one may read files, as pymdownx.snippets does), pages are rendered every build.
PURE_EXTENSIONS = frozenset(f"markdown.extensions.{name}" for name in (
    "abbr", "admonition", "attr_list", "def_list", "extra", "fenced_code", "footnotes", "legacy_attrs",
    "legacy_em", "md_in_html", "meta", "nl2br", "sane_lists", "smarty", "tables", "toc", "wikilinks"))


def extension_module(extension: Any) -> str:
    """The module of an extension as mkdocs.yml names it (`toc`, `markdown.extensions.toc`,
    `package.module:Class`) or of an extension object (its class's)."""
    if not isinstance(extension, str):
        return type(extension).__module__
    module = extension.split(":", 1)[0]
    return module if "." in module else f"markdown.extensions.{module}"


@functools.cache
def module_fingerprint(name: str, project: Path) -> str:
    """What identifies the code of module `name` as this process runs it (read once: a module is
    imported once, and `mkdocs serve` keeps it while its file changes): its package's version
    where it has one and a digest of its file; for a module of the `project` folder, a digest of
    every Python file of the project (what it may import), but those in hidden folders (`.venv`,
    `.git`) and in `site`, `build` and `dist`."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.origin or not Path(spec.origin).is_file():
        return f"{name}: not found"
    origin = Path(spec.origin)
    version = getattr(sys.modules.get(name.split(".")[0]), "__version__", None)
    digest = hashlib.sha256(origin.read_bytes())
    if origin.resolve().is_relative_to(project.resolve()):
        for path in sorted(project.rglob("*.py")):
            parts = path.relative_to(project).parts
            if not any(part.startswith(".") or part in ("site", "build", "dist") for part in parts[:-1]):
                digest.update(path.relative_to(project).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{name} {version} {digest.hexdigest()}"


def files_digest(rows: Iterable[tuple[str, ...]]) -> str:
    """A digest of a build's files, one row each (source, destination, URL, inclusion)."""
    return key(json.dumps(sorted(rows), ensure_ascii=False))


def render_key(*, markdown: str, place: tuple[str, ...], files: str, settings: Any, links: str,
               versions: tuple[str, ...]) -> tuple[str, ...]:
    """The memo's parts for one page's rendering (`handbook.memo.recall`'s `parts`)."""
    described = json.dumps(describe(settings), ensure_ascii=False, sort_keys=True)
    return ("page-html", markdown, *place, files, described, links, *versions)


def toc_tokens(toc) -> list[dict]:
    """A table of contents (MkDocs' `AnchorLink`s: level, id, title, children) as the `toc`
    extension's tokens it is made from (MkDocs' `get_toc` makes it again from them)."""
    return [{"level": item.level, "id": item.id, "name": item.title, "children": toc_tokens(item.children)}
            for item in toc]


def search_key(*, content: str, url: str, title: str, toc: list[dict], meta: dict, versions: tuple[str, ...]
               ) -> tuple[str, ...]:
    """The memo's parts for one page's search documents (`handbook.memo.recall`'s `parts`)."""
    described = json.dumps(describe([toc, meta]), ensure_ascii=False, sort_keys=True)
    return ("search-documents", content, url, title, described, *versions)


def kept(content: str, toc: list[dict], title: str | None, anchors: Iterable[str],
         links: dict[str, dict[str, str]] | None, thai: dict[str, list[int]]) -> dict:
    """What is kept of a rendering (plain JSON; `links` by the source of the page linked to;
    `thai`, the word boundaries of each Thai text the cross-links looked at)."""
    return {"content": content, "toc": toc, "title": title, "anchors": sorted(anchors), "links": links,
            "thai": thai}
