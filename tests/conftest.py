"""Shared fixtures: a small fixture handbook factory, and the real site built once per session."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Under ProperDocs (the MkDocs 1.x fork that keeps hooks and plugins; `make test-properdocs`) there
# is no `mkdocs` package: its command reads the same mkdocs.yml, and importing its `replacement`
# module makes `import mkdocs...` (in the hooks and the tests) load ProperDocs' modules.
if importlib.util.find_spec("mkdocs") is None and importlib.util.find_spec("properdocs"):
    import properdocs.replacement  # noqa: F401

    ENGINE = "properdocs"
else:
    ENGINE = "mkdocs"
MKDOCS = [sys.executable, "-m", ENGINE]
#: What the engine itself says on every build that is not about the handbook. Under ProperDocs,
#: mkdocs-static-i18n cannot list the `mkdocs` distribution's lunr languages when it is imported and
#: takes its own list, which has Thai and English.
ENGINE_NOISE = {"properdocs": ("WARNING -  mkdocs_static_i18n: Unable to detect lunr languages from mkdocs distribution",)}


def build_warnings(stderr: str) -> list[str]:
    """The warning lines of a build's output, less the engine's own noise."""
    noise = ENGINE_NOISE.get(ENGINE, ())
    return [line for line in stderr.splitlines() if "WARNING" in line and line.strip() not in noise]


def run_mkdocs_build(project: Path, site_dir: Path, extra_env: dict | None = None, *,
                     offline_dir: Path | None = None) -> subprocess.CompletedProcess:
    # Never with --quiet: it hides warnings from MkDocs' strict-mode counter, so a build with
    # warnings would pass. `offline_dir`: the offline copy is derived there too (hooks/offline.py).
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(extra_env or {})}
    if offline_dir is not None:
        env["HANDBOOK_OFFLINE_DIR"] = str(offline_dir)
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", "mkdocs.yml", "-d", str(site_dir)],
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
    from tests.browser import PUBLISHED_URL

    site_dir = tmp_path_factory.mktemp("built") / "site"
    # As published (the Pages workflow gives the address); browser tests serve it elsewhere.
    # make build's offline copy is derived from the same build's pages.
    result = run_mkdocs_build(ROOT, site_dir, {"HANDBOOK_SITE_URL": PUBLISHED_URL},
                              offline_dir=site_dir.parent / "offline-site")
    assert result.returncode == 0, result.stderr
    # --strict turns warnings into errors; also fail on any warning line that slipped through.
    assert not build_warnings(result.stderr), result.stderr
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
        from tests.browser import PUBLISHED_URL

        result = run_mkdocs_build(ROOT, work / "site", {"HANDBOOK_SITE_URL": PUBLISHED_URL},
                                  offline_dir=work / "offline-site")
        assert result.returncode == 0, result.stderr
        assert not build_warnings(result.stderr), result.stderr
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


# ---- Markers and an isolated cache -------------------------------------------------------------

@pytest.fixture(scope="session")
def labels():
    """The repository's interface words (labels/<lang>.yml), read as the build reads them."""
    from handbook.project import load_project

    return load_project(ROOT).labels


#: Fixtures that mean a test needs the built site, or headless Chromium.
BUILD_FIXTURES = {"site", "offline_site"}
BROWSER_FIXTURES = {"chromium", "browser"}
#: Test modules that run real builds of copied projects themselves (subprocesses).
BUILDING_MODULES = {"test_build_errors", "test_generator", "test_hostile", "test_translation",
                    "test_workflow", "test_caches"}


def pytest_collection_modifyitems(config, items):
    """`build` and `browser` marks from what a test uses, so `make test-fast` can leave them out."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        module = item.module.__name__.rsplit(".", 1)[-1] if getattr(item, "module", None) else ""
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & (BUILD_FIXTURES | BROWSER_FIXTURES) or module in BUILDING_MODULES:
            item.add_marker(pytest.mark.build)


def pytest_configure(config):
    """Every build the tests run keeps its caches in a folder of the test session's own.

    A cache test then sees what this session wrote, never what an earlier build left in the
    user's `~/.cache`. Typeset books are keyed by everything they depend on, so the user's
    are copied in (a hit is right by construction) and the suite does not typeset them again.
    """
    if os.environ.get("HANDBOOK_TEST_CACHE"):
        return
    import shutil
    import tempfile

    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    isolated = Path(tempfile.mkdtemp(prefix="handbook-test-cache-"))
    for keyed in ("book", "pdf-text"):
        kept = user / "networking-handbook" / keyed
        if kept.is_dir():
            shutil.copytree(kept, isolated / "networking-handbook" / keyed, dirs_exist_ok=True)
    os.environ["HANDBOOK_TEST_CACHE"] = str(isolated)
    os.environ["XDG_CACHE_HOME"] = str(isolated)


def pytest_unconfigure(config):
    isolated = os.environ.get("HANDBOOK_TEST_CACHE", "")
    if isolated and Path(isolated).name.startswith("handbook-test-cache-"):
        import shutil

        shutil.rmtree(isolated, ignore_errors=True)
