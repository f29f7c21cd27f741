"""The session's site, built once for every pytest-xdist worker (`make test` runs `-n 2`).

The controller starts `python -m tests.site_harness DIR` when the session starts
(tests/conftest.py, `pytest_configure`), so the build runs while the workers run the pure tests;
the first test that needs the `site` fixture, in any worker, waits for DIR/result.json and reads
the site from DIR/built/site (the offline copy beside it, as `make build` derives it).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

#: Seconds a worker waits for the shared build (a cold build on a busy 2-core machine takes minutes).
WAIT = 1800


def paths(out: Path) -> tuple[Path, Path, Path]:
    """(site, offline copy, result file) of a shared build in `out`."""
    return out / "built" / "site", out / "built" / "offline-site", out / "result.json"


def build(out: Path) -> int:
    from tests.browser import PUBLISHED_URL
    from tests.conftest import ROOT, run_mkdocs_build

    site, offline, result_file = paths(out)
    started = time.perf_counter()
    result = None
    try:
        result = run_mkdocs_build(ROOT, site, {"HANDBOOK_SITE_URL": PUBLISHED_URL}, offline_dir=offline, books=True)
    finally:
        record = {"returncode": result.returncode if result else -1,
                  "stderr": result.stderr if result else "the build did not finish",
                  "seconds": round(time.perf_counter() - started, 1)}
        partial = result_file.with_suffix(".part")
        partial.write_text(json.dumps(record), encoding="utf-8")
        os.replace(partial, result_file)  # whole or not there
    return 0


def wait_for(out: Path) -> tuple[Path, dict]:
    """The shared build's site and its result ({returncode, stderr}), once it is there."""
    site, _, result_file = paths(out)
    deadline = time.monotonic() + WAIT
    while not result_file.is_file():
        assert time.monotonic() < deadline, f"the session's build did not finish in {WAIT} s ({out})"
        time.sleep(0.5)
    return site, json.loads(result_file.read_text(encoding="utf-8"))


if __name__ == "__main__":
    sys.exit(build(Path(sys.argv[1])))
