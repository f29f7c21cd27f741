"""Drive `mkdocs serve` on a project copy: start it, save a file, time until the page shows it.

Shared by tests/test_preview.py and `BENCH_ONLY=serve make bench` (bench/run.py).
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.conftest import MKDOCS
from tests.fixtures import ROOT

#: The first build of the real handbook on a busy 2-core machine takes minutes.
START_TIMEOUT = 900


@contextlib.contextmanager
def serving(project: Path, port: int) -> Iterator[str]:
    """`mkdocs serve` in `project` (without the PDF books); yields its base URL once it serves."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_BOOK": "off",
           "PYTHONPATH": f"{ROOT}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    log = (project / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [*MKDOCS, "serve", "--livereload", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        seconds_until(base, lambda text: True, timeout=START_TIMEOUT, process=process)
        yield base
    finally:
        os.killpg(process.pid, signal.SIGTERM)  # mkdocs and nothing else: its own session
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except urllib.error.HTTPError as err:  # the preview's 404 page is a page too
        return err.read().decode("utf-8")


def seconds_until(url: str, shown: Callable[[str], bool], *, timeout: float = 600,
                  process: subprocess.Popen | None = None) -> float:
    """Seconds until `url` serves a text for which `shown` is true (AssertionError on timeout)."""
    start = time.perf_counter()
    last = ""
    while time.perf_counter() - start < timeout:
        if process is not None and process.poll() is not None:
            raise AssertionError(f"mkdocs serve exited with {process.returncode}")
        try:
            last = fetch(url)
            if shown(last):
                return time.perf_counter() - start
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} did not change within {timeout} s; last served:\n{last[:2000]}")


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
