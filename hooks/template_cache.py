"""MkDocs adapter: keep Material's compiled Jinja templates between builds.

Compiling Material's templates is a large share of every build, and mkdocs-static-i18n compiles
them again for each language. Jinja's own bytecode cache stores each compiled template under
`.cache/handbook/jinja/`, keyed by the template's source checksum (and Jinja's and Python's
versions), so a changed or upgraded template is compiled afresh.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemBytecodeCache
from mkdocs.config.defaults import MkDocsConfig


def on_env(env: Environment, *, config: MkDocsConfig, files) -> Environment:
    directory = Path(config.config_file_path).parent / ".cache" / "handbook" / "jinja"
    directory.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(directory))
    return env
