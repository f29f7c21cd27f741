"""Typeset books kept in the user's cache folder, under a key of everything that shapes them."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from handbook.book.data import FONTS_DIR, PACKAGE, Book, Edition
from handbook.book.typeset import typeset
from handbook.loader import Handbook
from handbook.usercache import keep_newest, user_cache_dir


def source_key(docs_dir: Path, lang: str, edition: Edition) -> str:
    """What the book depends on, read without making it: every page, the content model's code,
    the template, the stylesheet, the fonts, the renderer's version, the edition. A warm build
    reads some 200 KB and reuses the PDF; only a change typesets it again."""
    from importlib.metadata import version

    digest = hashlib.sha256(f"{lang}|{edition}|weasyprint-{version('weasyprint')}".encode())
    package = PACKAGE
    inputs = [(docs_dir, p) for p in sorted(Path(docs_dir).rglob("*.md"))]
    # The whole package: its code (subpackages too), the book's template and stylesheet, the
    # fragments the markers render with (templates/fragments/), its messages.
    inputs += [(package, p) for p in sorted(package.rglob("*"))
               if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"]
    inputs += [(FONTS_DIR, p) for p in sorted(FONTS_DIR.glob("*.woff2"))]
    # The book's words and structure: labels, handbook.yml, editorial/ (word list, emendations).
    project = Path(docs_dir).parent
    inputs += [(project, p) for p in (*sorted(project.glob("labels/*.yml")), project / "handbook.yml",
                                      *sorted(project.glob("editorial/*"))) if p.is_file()]
    for base, path in inputs:  # relative names: two clones of the same content share a book
        digest.update(path.relative_to(base).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def book_cache_dir(project: Path) -> Path | None:
    """Where typeset books are kept: the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache`,
    `networking-handbook/book/`), or None when that is inside the project or cannot be written
    (then every build typesets: a PDF is published as it is, so it is never read from the working
    tree)."""
    return user_cache_dir(project, "book")


#: Books kept per language in the cache (several clones or branches may share it).
KEEP_BOOKS = 6


def make_book(handbook: Handbook, lang: str, edition: Edition, cache_dir: Path | None, *,
              reuse_any: bool = False) -> Book:
    """The book in `lang`, typeset now or taken from `cache_dir` when nothing it depends on
    changed. `reuse_any` takes the newest book of the language even if out of date (live
    preview: typesetting takes seconds on every save)."""
    key = source_key(handbook.docs_dir, lang, edition)
    if cache_dir is None:
        import tempfile

        cache_dir = Path(tempfile.mkdtemp(prefix="handbook-book-"))
    path = cache_dir / f"handbook-{lang}-{key}.pdf"
    if not path.is_file() and reuse_any:
        path = max(cache_dir.glob(f"handbook-{lang}-*.pdf"), key=lambda p: p.stat().st_mtime,
                   default=path)
    facts = path.with_suffix(".json")
    if path.is_file() and facts.is_file():
        pages = json.loads(facts.read_text(encoding="utf-8"))["pages"]
        return Book(lang, path, pages, path.stat().st_size)
    path = cache_dir / f"handbook-{lang}-{key}.pdf"
    pdf, pages = typeset(handbook, lang, edition)
    cache_dir.mkdir(parents=True, exist_ok=True)
    import os

    # Written under a name of its own, then renamed: two builds may share the cache.
    tmp = path.with_suffix(f".{os.getpid()}.tmp")
    tmp.write_bytes(pdf)
    facts_tmp = path.with_suffix(f".{os.getpid()}.json.tmp")
    facts_tmp.write_text(json.dumps({"pages": pages}), encoding="utf-8")
    facts_tmp.replace(path.with_suffix(".json"))
    tmp.replace(path)
    keep_newest_books(cache_dir, lang)
    return Book(lang, path, pages, len(pdf))


def keep_newest_books(cache_dir: Path, lang: str) -> None:
    """Only the newest KEEP_BOOKS books of `lang` stay in `cache_dir` (with their facts)."""
    keep_newest(cache_dir, f"handbook-{lang}-*.pdf", KEEP_BOOKS, companions=(".json",))
