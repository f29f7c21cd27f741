"""Pages already judged clean, kept between builds: the same bytes, the same judge, the same verdict.

The page policy and the census of a page (`hooks/outputs.py`) are a pure function of the page as
MkDocs wrote it, the shim it loads, the published addresses, and the code that judges
(the `handbook` package, whose allowlists it reads, and Python). A page whose bytes are those of a page judged clean by
that same code, under the same addresses, is given the same filled policy without being read
again: rebuilding an unchanged page (every page but the edited one under `mkdocs serve`, all of
them in a second `mkdocs build`) costs a hash. Only clean verdicts are kept; a page with any
problem is judged anew, so its messages are always today's.

Kept as JSON in the user's cache folder (`$XDG_CACHE_HOME` or `~/.cache`,
`networking-handbook/outputs/`), never in the working tree a pull request could write to, one
file per judge (its key) and project folder; a file of the wrong shape is ignored. Each build
keeps what it used.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

from handbook.usercache import source_digest, user_cache_dir, write_whole

#: Files of verdicts kept (judges and project folders), the newest.
KEEP_FILES = 12
#: The code that judges a page: `handbook/outputs/` and what it reads (the HTML policy, the SVG
#: allowlist, the worker), so every module of the `handbook` package: any change judges anew.
JUDGE = Path(__file__).resolve().parent.parent


def judge_key(*, origins: tuple[str, ...], hosts: frozenset[str], live_reload: bool) -> str:
    """What the verdict on a page depends on besides its bytes and its shim."""
    digest = hashlib.sha256(source_digest(JUDGE).encode())
    digest.update(repr((sys.version, origins, sorted(hosts), live_reload)).encode())
    return digest.hexdigest()[:20]


def cache_dir(project: Path) -> Path | None:
    """The user's cache folder for verdicts, or None (inside the project, or not writable)."""
    return user_cache_dir(project, "outputs")


def page_key(html: str) -> str:
    return hashlib.sha256(html.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True)
class Verdict:
    """A page judged clean: where its policy's tag is, as written and as filled, and the shim
    (address and SHA-256 of its text) the page loads, if any."""

    offset: int
    written: str
    filled: str
    shim: tuple[str, str] | None = None

    def apply(self, html: str) -> str | None:
        """The page with its policy filled, or None if the tag is not where the verdict says."""
        end = self.offset + len(self.written)
        if html[self.offset:end] != self.written:
            return None
        return html[:self.offset] + self.filled + html[end:]


@dataclass
class Verdicts:
    """The verdicts of one judge: loaded once per build, written once at its end."""

    path: Path | None
    kept: dict[str, Verdict] = field(default_factory=dict)
    used: dict[str, Verdict] = field(default_factory=dict)

    @classmethod
    def load(cls, directory: Path | None, judge: str) -> Verdicts:
        if directory is None:
            return cls(None)
        path = directory / f"{judge}.json"
        kept: dict[str, Verdict] = {}
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            for key, (offset, written, filled, shim) in data.items():
                if (isinstance(offset, int) and isinstance(written, str) and isinstance(filled, str)
                        and (shim is None or isinstance(shim, list) and len(shim) == 2
                             and all(isinstance(part, str) for part in shim))):
                    kept[key] = Verdict(offset, written, filled, tuple(shim) if shim else None)
        except (OSError, ValueError, TypeError, AttributeError):
            kept = {}
        return cls(path, kept)

    def get(self, key: str) -> Verdict | None:
        verdict = self.kept.get(key) or self.used.get(key)
        if verdict is not None:
            self.used[key] = verdict
        return verdict

    def put(self, key: str, verdict: Verdict) -> None:
        self.used[key] = verdict

    def save(self) -> None:
        """Keep what this build used (a page changed, its old verdict goes)."""
        if self.path is None or self.used.keys() == self.kept.keys():
            return
        data = {key: [v.offset, v.written, v.filled, list(v.shim) if v.shim else None]
                for key, v in self.used.items()}
        write_whole(self.path, data, keep_files=KEEP_FILES)
