"""Command line: python -m handbook.book [--docs DOCS] [--out DIST] [--lang th] [--lang en]"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from handbook.book.cache import book_cache_dir, make_book
from handbook.book.data import BOOK_NAME, ROOT
from handbook.book.document import book_html
from handbook.book.edition import current_edition, published_url
from handbook.checklists import build_checklists
from handbook.findings import HandbookError
from handbook.loader import load_handbook

DESCRIPTION = "The whole handbook as a book: one printable A4 PDF per language, from the content model."


# ---------------------------------------------------------------------------------------------
# Command line: python -m handbook.book
# ---------------------------------------------------------------------------------------------


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m handbook.book", description=DESCRIPTION)
    parser.add_argument("--docs", type=Path, default=ROOT / "docs")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--lang", action="append", help="a language of mkdocs.yml (default: all)")
    parser.add_argument("--html", action="store_true", help="also write the HTML the PDF is made from")
    args = parser.parse_args(argv)

    from handbook.check import collect_findings

    docs_dir = args.docs.resolve()
    # What `make check` refuses, the book refuses too (as hooks/gate.py does for the site).
    errors = [f for f in collect_findings(docs_dir, warnings=False) if f.level == "error"]
    try:
        if errors:
            raise HandbookError(errors)
        handbook = load_handbook(docs_dir)
        unknown = [lang for lang in args.lang or [] if lang not in handbook.languages]
        if unknown:
            raise SystemExit(f"mkdocs.yml: error: '{unknown[0]}' is not a language of this handbook "
                             f"({', '.join(handbook.languages)})")
        edition = current_edition(docs_dir, published_url(docs_dir.parent / "mkdocs.yml"))
        args.out.mkdir(parents=True, exist_ok=True)
        for lang in args.lang or handbook.languages:
            started = time.perf_counter()
            book = make_book(handbook, lang, edition, book_cache_dir(docs_dir.parent))
            target = args.out / BOOK_NAME.format(lang=lang)
            target.write_bytes(book.path.read_bytes())
            if args.html:
                document = book_html(handbook, build_checklists(handbook), lang, edition)
                target.with_suffix(".html").write_text(document, encoding="utf-8")
            print(f"{target}: {book.pages} pages, {book.size_text} "
                  f"({time.perf_counter() - started:.1f} s)")
    except HandbookError as err:
        print(err, file=sys.stderr)
        return 1
    return 0
