"""Shared fixtures: a small fixture handbook factory, and the real site built once per session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MKDOCS = [sys.executable, "-m", "mkdocs"]


def run_mkdocs_build(project: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    # Never with --quiet: it hides warnings from MkDocs' strict-mode counter, so a build with
    # warnings would pass.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(site_dir)],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real handbook, built once per test session with `mkdocs build --strict`."""
    prebuilt = os.environ.get("HANDBOOK_SITE")
    if prebuilt:
        return Path(prebuilt)
    from tests.browser import PUBLISHED_URL

    site_dir = tmp_path_factory.mktemp("built") / "site"
    # As published (the Pages workflow gives the address); browser tests serve it elsewhere.
    result = run_mkdocs_build(ROOT, site_dir, {"HANDBOOK_SITE_URL": PUBLISHED_URL})
    assert result.returncode == 0, result.stderr
    # --strict turns warnings into errors; also fail on any warning line that slipped through.
    assert "WARNING" not in result.stderr, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory) -> Path:
    """The offline copy as a reader gets it: built without directory URLs, zipped, unzipped."""
    import zipfile

    from handbook.offline import make_zip

    work = tmp_path_factory.mktemp("offline")
    # As `make build` builds it (Makefile): file URLs, no site_url.
    from tests.browser import PUBLISHED_URL

    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_DIRECTORY_URLS": "false", "HANDBOOK_SITE_URL": "",
           "HANDBOOK_PUBLISHED_URL": PUBLISHED_URL}
    result = subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(work / "site")],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    make_zip(work / "site", work / "handbook-offline.zip")
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
