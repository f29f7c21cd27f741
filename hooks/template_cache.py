"""MkDocs adapter: keep Material's compiled Jinja templates between builds — outside the project —
and list the theme's files without walking its hidden folders.

Compiling Material's templates is a large share of every build (about 0.7 s of 2.4 s for a whole
`mkdocs build` here), and mkdocs-static-i18n compiles them again for each language. Jinja's
bytecode cache stores each compiled template; but it unpickles what it reads, so it must never
read a file a pull request could have put in the working tree. It lives in the user's cache
folder (`$XDG_CACHE_HOME` or `~/.cache`, `networking-handbook/jinja/<key>/`), keyed by the
installed versions of Python, Jinja, MkDocs and Material; Jinja also keys each file by its
template's checksum. A cache folder inside the project, or one that cannot be written, is not
used; a corrupt file is ignored and compiled afresh.

MkDocs lists every file of the theme (`Files.add_files_from_theme`, once for each language) to
find its static files, and drops hidden ones (the patterns `.*` and `*/.*`). 14,000 of Material's
14,500 files are in its hidden `.icons` folder; the theme's loader here does not walk hidden
folders, so the list MkDocs filters is the same but for files it drops (tests/test_hooks_config.py).
Measured (a build of both languages, in one process, CPU): 0.87–0.98 s listing every file,
0.76–0.78 s without the hidden folders.
"""

from __future__ import annotations

import hashlib
import os
import sys
from importlib.metadata import version
from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache, FileSystemLoader
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


class ThemeLoader(FileSystemLoader):
    """Jinja's file system loader whose list of templates leaves out hidden folders (and what is in
    them); every other answer is FileSystemLoader's."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for folder, folders, filenames in os.walk(searchpath, followlinks=self.followlinks):
                folders[:] = [name for name in folders if not name.startswith(".")]
                for filename in filenames:
                    name = os.path.join(folder, filename)[len(searchpath):].strip(os.path.sep)
                    found.add(name.replace(os.path.sep, "/").removeprefix("./"))
        return sorted(found)


def on_config(config: MkDocsConfig) -> None:
    """The theme's environment (made by MkDocs for each language) gets the ThemeLoader."""
    theme = config.theme
    if getattr(theme.get_env, "hb_theme_loader", False):
        return
    make_env = theme.get_env

    def get_env() -> Environment:
        env = make_env()
        loader = env.loader
        if type(loader) is FileSystemLoader:  # MkDocs' own; another one is left as it is
            env.loader = ThemeLoader(loader.searchpath, encoding=loader.encoding, followlinks=loader.followlinks)
        return env

    get_env.hb_theme_loader = True  # type: ignore[attr-defined]
    theme.get_env = get_env  # type: ignore[method-assign]


def on_env(env: Environment, *, config: MkDocsConfig, files) -> Environment:
    directory = cache_dir(Path(config.config_file_path).parent)
    if directory is not None:
        env.bytecode_cache = _TolerantCache(str(directory))
    return env
