"""`make book` and `make build`'s last step: dist/handbook-<lang>.pdf, checked cheaply first.

Before anything is imported or hashed for the book (`handbook.book`, WeasyPrint, the checks), the
names, sizes and modification times of everything the books are made from are compared with
those `dist/` recorded when it last wrote them, with the edition (git: the last change to the
content) and WeasyPrint's version (its files found, not imported). When all match and the
books are still there as written, nothing else runs: a few milliseconds instead of most of a
second. Otherwise `handbook.book` makes them as before (from its cache when the site's build
typeset them already) and the record is written again.

Usage: python -m handbook.books [--docs DOCS] [--out DIST] [--lang th] [--html]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: Where dist/ records what its books were made from.
STAMP_NAME = ".books.json"
#: What a book is made from besides docs/: the project's configuration, words and editorial data
#: (edition, word lists, emendations; as handbook.book.source_key; relative to the project), this package's code, template and stylesheet, and the fonts (as handbook.book
#: finds them).
PROJECT_INPUTS = ("mkdocs.yml", "handbook.yml", "labels", "editorial")
CODE_INPUTS = (Path(__file__).parent, ROOT / "overrides" / "assets" / "fonts" / "sarabun")
BOOK_NAME = "handbook-{lang}.pdf"  # as handbook.book.BOOK_NAME


def _files(base: Path) -> list[Path]:
    if base.is_file():
        return [base]
    return sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def input_stamp(docs_dir: Path, project: Path, langs: list[str] | None) -> dict:
    """What the books depend on, by name, size and time of change only (nothing read)."""
    from importlib.util import find_spec

    from handbook.history import git

    files = []
    for base in (docs_dir, *(project / name for name in PROJECT_INPUTS), *CODE_INPUTS):
        for path in _files(base) if base.exists() else []:
            stat = path.stat()
            files.append([str(path), stat.st_size, stat.st_mtime_ns])
    # WeasyPrint's version is in its __init__.py: found, not imported (nor its metadata read).
    spec = find_spec("weasyprint")
    origin = Path(spec.origin) if spec and spec.origin else None
    renderer = [str(origin), origin.stat().st_size, origin.stat().st_mtime_ns] if origin else None
    # The edition on the cover (handbook.book.current_edition): the last commit to the content,
    # and whether the content has uncommitted changes.
    edition = [git(["log", "-1", "--format=%cs %h", "--", "."], cwd=docs_dir),
               bool(git(["status", "--porcelain", "--", "."], cwd=docs_dir))]
    return {"langs": langs, "python": sys.version, "weasyprint": renderer, "edition": edition,
            "files": files}


def _outputs(out: Path) -> list[list]:
    return [[p.name, p.stat().st_size, p.stat().st_mtime_ns]
            for p in sorted(out.glob(BOOK_NAME.format(lang="*")))]


def is_fresh(out: Path, stamp: dict) -> bool:
    """Whether `out` holds books made from exactly `stamp`, unchanged since."""
    try:
        recorded = json.loads((out / STAMP_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return recorded.get("inputs") == stamp and recorded.get("outputs") == _outputs(out) != []


def write_stamp(out: Path, stamp: dict) -> None:
    text = json.dumps({"inputs": stamp, "outputs": _outputs(out)}, ensure_ascii=False)
    (out / STAMP_NAME).write_text(text, encoding="utf-8")


def _option(argv: list[str], name: str) -> list[str]:
    return [argv[i + 1] for i, arg in enumerate(argv[:-1]) if arg == name] + \
           [arg.split("=", 1)[1] for arg in argv if arg.startswith(name + "=")]


def main(argv: list[str]) -> int:
    # The options are read here without argparse's help: `handbook.book.main` parses them
    # (and answers --help, refuses unknown ones) whenever the books are not up to date.
    docs = Path((_option(argv, "--docs") or [str(ROOT / "docs")])[-1]).resolve()
    out = Path((_option(argv, "--out") or [str(ROOT / "dist")])[-1])
    langs = _option(argv, "--lang") or None
    fresh_possible = "--html" not in argv and not {"-h", "--help"} & set(argv)
    stamp = input_stamp(docs, docs.parent, langs) if fresh_possible else None
    if stamp is not None and is_fresh(out, stamp):
        for name, size, _ in _outputs(out):
            print(f"{out / name}: up to date ({size // 1024} KiB)")
        return 0
    from handbook.book import main as make_books

    status = make_books(argv)
    if status == 0 and stamp is not None:
        # Inputs stated before the books were made: a change while they were made is seen next time.
        write_stamp(out, stamp)
    elif out.is_dir():
        (out / STAMP_NAME).unlink(missing_ok=True)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
