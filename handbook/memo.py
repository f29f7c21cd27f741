"""Results of pure functions kept between builds: the same input, the same code, the same result.

Some steps of every build are pure functions of text and of the code that runs them, and cost
more than reading their result back:
- parsing a page's front matter under the YAML limits (`handbook.yamlsafe.parse_front_matter`);
- the Thai-text rules of a page (`handbook.lint.lint_text`);
- cleaning a page's HTML (`handbook.sanitize.gate_output`);
- the census of a search index (`handbook.outputs.census`), the largest file of the site.

A build keeps each result it computed, by the SHA-256 of its input, in the user's cache folder
(`$XDG_CACHE_HOME` or `~/.cache`, `networking-handbook/memo/`), never in the working tree a pull
request could write to. Only plain JSON is kept and read (a result that does not come back from
JSON exactly as it was is not kept). One file per code: its name is a digest of the `handbook`
package's Python files, Python's version and the libraries these steps call (PyYAML, pydantic,
Ammonia), so any change to them starts from nothing. Only results without problems are kept: a
page with a mistake is read anew, and its messages are always today's. A file or an entry that
cannot be read is no result; each build keeps what it used, written once at its end.

Like the census's verdicts (`handbook.outputs.verdicts`), this saves work, never a check: what
is kept was computed by the same code from the same bytes.
"""

from __future__ import annotations

import functools
import hashlib
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from handbook.usercache import source_digest, user_cache_dir, write_whole

#: The code whose results are kept: every module of the `handbook` package.
CODE = Path(__file__).resolve().parent
#: Memo files kept (codes and project folders), the newest.
KEEP_FILES = 6

T = TypeVar("T")


@functools.lru_cache(maxsize=1)
def code_key() -> str:
    """What every kept result depends on besides its input: the code that computed it, as this
    process runs it (read once: `mkdocs serve` keeps the modules it imported while their files
    change, so a later reading would name code that is not the code running)."""
    import nh3
    import pydantic
    import yaml

    digest = hashlib.sha256(source_digest(CODE).encode())
    digest.update(repr((sys.version, yaml.__version__, pydantic.VERSION, nh3.__version__)).encode())
    return digest.hexdigest()[:20]


def key(*parts: str | bytes) -> str:
    """The key of an input made of `parts` (each part delimited, so no two inputs share one)."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "little") + data)
    return digest.hexdigest()


def recall(memo: Memo | None, parts: tuple[str | bytes, ...], compute: Callable[..., T], *args: Any,
           keep: Callable[[T], bool]) -> T:
    """`compute(*args)`; with a `memo`, the result kept for the input `parts` (the step's name and
    what it reads), else computed and kept if `keep(result)`. Without one, nothing is hashed."""
    if memo is None:
        return compute(*args)
    return memo.recall(key(*parts), compute, *args, keep=keep)


@dataclass
class Memo:
    """The kept results of one code: loaded once per build, written once at its end.

    Each result is kept as the JSON it was written to when it was computed (a snapshot: what the
    build does with the object afterwards is not kept), and read back from it when asked for."""

    path: Path | None
    kept: dict[str, str] = field(default_factory=dict)
    used: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls, project: Path | str | None) -> Memo:
        """The memo of the current code for `project`, or an empty one that keeps nothing
        (`project` None, or no cache folder outside it)."""
        directory = user_cache_dir(project, "memo") if project is not None else None
        if directory is None:
            return cls(None)
        folder = hashlib.sha256(str(Path(project).resolve()).encode()).hexdigest()[:12]
        path = directory / f"{code_key()}-{folder}.json"
        try:
            kept = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(kept, dict) or not all(type(v) is str for v in kept.values()):
                kept = {}
        except (OSError, ValueError):  # missing, cut short, or written by something else
            kept = {}
        return cls(path, kept)

    def get(self, key: str) -> Any | None:
        """The result kept for `key`, or None."""
        text = self.used.get(key) or self.kept.get(key)
        if text is None:
            return None
        try:
            value = json.loads(text)
        except ValueError:  # a damaged entry is no result
            return None
        self.used[key] = text
        return value

    def put(self, key: str, value: Any) -> None:
        """Keep `value` if JSON gives it back as it is (a tuple, a date, a number as a mapping's
        key would come back as something else: such a result is computed again next time)."""
        try:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False)
        except (TypeError, ValueError):
            return
        if json.loads(text) == value:
            self.used[key] = text

    def recall(self, key: str, compute: Callable[..., T], *args: Any, keep: Callable[[T], bool]) -> T:
        """The kept result for `key`, else `compute(*args)` (kept if `keep(result)`)."""
        value = self.get(key)
        if value is None:
            value = compute(*args)
            if keep(value):
                self.put(key, value)
        return value

    def save(self) -> None:
        """Keep what this build used (an input that changed, its old result goes)."""
        if self.path is not None and self.used.keys() != self.kept.keys():
            write_whole(self.path, self.used, keep_files=KEEP_FILES)
