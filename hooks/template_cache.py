"""MkDocs adapter: keep Material's compiled Jinja templates between builds — outside the project.

Compiling Material's templates is a large share of every build (about 0.7 s of 2.4 s for a whole
`mkdocs build` here), and mkdocs-static-i18n compiles them again for each language. Jinja's
bytecode cache stores each compiled template; but it unpickles what it reads, so it must never
read a file a pull request could have put in the working tree. It lives in the user's cache
folder (`$XDG_CACHE_HOME` or `~/.cache`, `networking-handbook/jinja/<key>/`), keyed by the
installed versions of Python, Jinja, MkDocs and Material; Jinja also keys each file by its
template's checksum. A cache folder inside the project, or one that cannot be written, is not
used; a corrupt file is ignored and compiled afresh.
"""

from __future__ import annotations

import hashlib
import sys
from importlib.metadata import version
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig

from handbook.usercache import user_cache_dir


class _TolerantCache(FileSystemBytecodeCache):
    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a truncated or foreign file: compile the template again
            bucket.reset()


def cache_dir(project: Path) -> Path | None:
    """Where compiled templates are kept for these installed versions, or None (no cache)."""
    # MkDocs' own version attribute: under ProperDocs (the MkDocs 1.x fork) `mkdocs` is an alias
    # of `properdocs` and there is no "mkdocs" distribution to ask.
    import mkdocs

    installed = (sys.version, mkdocs.__version__, *(version(p) for p in ("jinja2", "mkdocs-material")))
    key = hashlib.sha256(repr(installed).encode()).hexdigest()[:16]
    return user_cache_dir(project, "jinja", key)  # never compiled code from the working tree


def on_env(env: Environment, *, config: MkDocsConfig, files) -> Environment:
    directory = cache_dir(Path(config.config_file_path).parent)
    if directory is not None:
        env.bytecode_cache = _TolerantCache(str(directory))
    return env
