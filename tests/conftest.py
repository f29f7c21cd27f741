"""Shared fixtures: a small fixture handbook factory, and the real site built once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_mkdocs_build(project: Path, site_dir: Path, *, offline_dir: Path | None = None) -> subprocess.CompletedProcess:
    # Never with --quiet: it hides warnings from MkDocs' strict-mode counter, so a build with
    # warnings would pass. `offline_dir`: the offline copy is derived there too (hooks/offline.py).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if offline_dir is not None:
        env["HANDBOOK_OFFLINE_DIR"] = str(offline_dir)
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built once per test session with `mkdocs build --strict` (which also
    derives the offline copy beside it, as `make build` does: see `offline_site`)."""
    prebuilt = os.environ.get("HANDBOOK_SITE")
    if prebuilt:
        return Path(prebuilt)
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = run_mkdocs_build(ROOT, site_dir, offline_dir=site_dir.parent / "offline-site")
    assert result.returncode == 0, result.stderr
    # --strict turns warnings into errors; also fail on any warning line that slipped through.
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def offline_site(site, tmp_path_factory) -> Path:
    """The offline copy as a reader gets it: derived from the web build's pages by the same build
    (hooks/offline.py, HANDBOOK_OFFLINE_DIR, as `make build` does), zipped, unzipped."""
    import zipfile

    from handbook.offline import make_zip

    work = tmp_path_factory.mktemp("offline")
    derived = site.parent / "offline-site"
    if not derived.is_dir():  # HANDBOOK_SITE: a site built elsewhere; build one with its copy
        result = run_mkdocs_build(ROOT, work / "site", offline_dir=work / "offline-site")
        assert result.returncode == 0, result.stderr
        assert "WARNING" not in result.stderr, result.stderr
        derived = work / "offline-site"
    make_zip(derived, work / "handbook-offline.zip")
    with zipfile.ZipFile(work / "handbook-offline.zip") as archive:
        archive.extractall(work / "unzipped")
    return work / "unzipped" / "handbook"


@pytest.fixture(scope="module")
def chromium():
    """Debian's chromium, headless, for one test module (Playwright's sync API: one at a time)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def browser(site, chromium):
    """(chromium, base URL) with the real site served on loopback."""
    from tests.browser import serve

    with serve(site) as base:
        yield chromium, base
