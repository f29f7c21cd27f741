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


#: Set by the xdist controller for its workers: the folder of the session's shared build.
SHARED_BUILD = "HANDBOOK_TEST_SHARED_BUILD"


def run_mkdocs_build(project: Path, site_dir: Path, extra_env: dict | None = None, *,
                     offline_dir: Path | None = None, books: bool = False) -> subprocess.CompletedProcess:
    # Never with --quiet: it hides warnings from MkDocs' strict-mode counter, so a build with
    # warnings would pass. `offline_dir`: the offline copy is derived there too (hooks/offline.py).
    # `books`: typeset the PDF books too; only the session's site does (tests/test_book.py reads
    # them): a copy with a page changed would typeset both books anew, minutes on a busy machine.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **({} if books else {"HANDBOOK_BOOK": "off"}),
           **(extra_env or {})}
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
    derives the offline copy beside it, as `make build` does: see `offline_site`).

    `HANDBOOK_SITE`: a site built elsewhere (CI: the one `make build` wrote). Under pytest-xdist
    (`make test`) the controller builds it once for every worker (tests/site_harness.py)."""
    prebuilt = os.environ.get("HANDBOOK_SITE")
    if prebuilt:
        return Path(prebuilt).resolve()
    shared = os.environ.get(SHARED_BUILD)
    if shared:
        from tests.site_harness import wait_for

        site_dir, result = wait_for(Path(shared))
        assert result["returncode"] == 0, result["stderr"]
        assert not build_warnings(result["stderr"]), result["stderr"]
        return site_dir
    from tests.browser import PUBLISHED_URL

    site_dir = tmp_path_factory.mktemp("built") / "site"
    # As published (the Pages workflow gives the address); browser tests serve it elsewhere.
    # make build's offline copy is derived from the same build's pages.
    result = run_mkdocs_build(ROOT, site_dir, {"HANDBOOK_SITE_URL": PUBLISHED_URL},
                              offline_dir=site_dir.parent / "offline-site", books=True)
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
    # HANDBOOK_OFFLINE_SITE: the copy `make build` derived from HANDBOOK_SITE's pages.
    derived = Path(os.environ.get("HANDBOOK_OFFLINE_SITE") or site.parent / "offline-site").resolve()
    if not derived.is_dir():  # HANDBOOK_SITE: a site built elsewhere; build one with its copy
        from tests.browser import PUBLISHED_URL

        result = run_mkdocs_build(ROOT, work / "site", {"HANDBOOK_SITE_URL": PUBLISHED_URL},
                                  offline_dir=work / "offline-site", books=True)
        assert result.returncode == 0, result.stderr
        assert not build_warnings(result.stderr), result.stderr
        derived = work / "offline-site"
    make_zip(derived, work / "handbook-offline.zip")
    with zipfile.ZipFile(work / "handbook-offline.zip") as archive:
        archive.extractall(work / "unzipped")
    return work / "unzipped" / "handbook"


@pytest.fixture(scope="session")
def chromium_process():
    """Debian's chromium, headless, started once per test process (each xdist worker) by the
    first test that needs it (Playwright's sync API allows one at a time in a process)."""
    from playwright.sync_api import sync_playwright

    from tests.browser import launch

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def chromium(chromium_process):
    """The process's chromium for one test module; the contexts (and pages) the module left open
    are closed when it ends, as if the module had had a browser of its own: cookies, storage and
    service workers are a context's, never another module's."""
    yield chromium_process
    for context in chromium_process.contexts:
        context.close()


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


#: Fixtures that mean a test needs the built site (or builds of its own: `builds`,
#: tests/test_phone_updates.py; `garden`, `with_lao`, tests/test_generator.py), or headless Chromium.
BUILD_FIXTURES = {"site", "offline_site", "builds", "garden", "with_lao"}
BROWSER_FIXTURES = {"chromium_process", "chromium", "browser"}
#: Test modules that run real builds of copied projects themselves (subprocesses).
BUILDING_MODULES = {"test_build_errors", "test_generator", "test_hostile", "test_translation",
                    "test_workflow", "test_caches"}


#: Under pytest-xdist (`make test`) the modules go in this order: those that build projects of
#: their own, then the pure rules (while the session's site is being built, so that no worker
#: waits for it), then the modules that read the site, the longest first (measured: each holds
#: a worker for minutes on a busy machine), so that the last ones are short.
OWN_BUILDS_FIRST = BUILDING_MODULES | {"test_phone_updates", "test_preview"}
LONGEST_SITE_MODULES = ("test_every_page_browser", "test_phone_offline", "test_saved_ticks_browser",
                        "test_checklists_browser", "test_search",
                        "test_offline_a11y", "test_csp_browser", "test_book")


def _module_name(item) -> str:
    return item.module.__name__.rsplit(".", 1)[-1] if getattr(item, "module", None) else ""


def _xdist_order(items) -> None:
    needs_site = {_module_name(item) for item in items
                  if set(getattr(item, "fixturenames", ())) & (BUILD_FIXTURES | BROWSER_FIXTURES)}

    def rank(item) -> tuple[int, int]:
        module = _module_name(item)
        if module in OWN_BUILDS_FIRST:
            return (0, 0)
        if module not in needs_site:
            return (1, 0)
        if module in LONGEST_SITE_MODULES:
            return (2, LONGEST_SITE_MODULES.index(module))
        return (3, 0)

    items.sort(key=rank)  # stable: the order within a module stays


def pytest_collection_modifyitems(config, items):
    """`build` and `browser` marks from what a test uses, so `make test-fast` can leave them out."""
    if hasattr(config, "workerinput"):
        _xdist_order(items)
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        module = item.module.__name__.rsplit(".", 1)[-1] if getattr(item, "module", None) else ""
        if names & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if names & (BUILD_FIXTURES | BROWSER_FIXTURES) or module in BUILDING_MODULES:
            item.add_marker(pytest.mark.build)


def pytest_configure(config):
    """Every build the tests run keeps its caches in a folder of the test session's own, and
    under pytest-xdist the controller starts the session's one site build for every worker."""
    _isolate_caches()
    _start_shared_build(config)
    # `--dist loadfile` hands out modules in the order the workers collected them (the order
    # `_xdist_order` gives), not reordered by their number of tests (xdist's default, which sent
    # test_site's and test_outputs' hundred tests first, to wait for the site: 70 s of the two
    # workers' time).
    if hasattr(config.option, "loadscopereorder"):
        config.option.loadscopereorder = False


def _isolate_caches() -> None:
    """A cache test then sees what this session wrote, never what an earlier build left in the
    user's `~/.cache`. Typeset books are keyed by everything they depend on, so the user's
    are copied in (a hit is right by construction) and the suite does not typeset them again.
    (Workers inherit the controller's folder through the environment.)
    """
    if os.environ.get("HANDBOOK_TEST_CACHE"):
        return
    import shutil
    import tempfile

    user = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    isolated = Path(tempfile.mkdtemp(prefix="handbook-test-cache-"))
    for keyed in KEYED_CACHES:
        kept = user / "networking-handbook" / keyed
        if kept.is_dir():
            shutil.copytree(kept, isolated / "networking-handbook" / keyed, dirs_exist_ok=True)
    os.environ["HANDBOOK_TEST_CACHE"] = str(isolated)
    os.environ[_USER_CACHE] = str(user)
    os.environ["XDG_CACHE_HOME"] = str(isolated)


#: The caches whose entries are keyed by everything they depend on (a typeset book by its
#: sources, code, fonts, renderer and edition; a PDF's text by the PDF's SHA-256): shared with the
#: user's cache both ways. Every other cache of a test session is its own.
KEYED_CACHES = ("book", "pdf-text")
_USER_CACHE = "HANDBOOK_TEST_USER_CACHE"


def _keep_typeset_books(isolated: Path) -> None:
    """What the session typeset (the shared site's two books, and their text) goes to the user's
    cache, as `make build` keeps it: the next run of the same sources and code, a clean clone
    of the same commit, `make build` of it, reuses it instead of typesetting for some 20 s of CPU.
    A cache that cannot be written keeps nothing."""
    import shutil

    from handbook.book.cache import keep_newest_books
    from handbook.outputs.placeholders import keep_newest_texts

    user = os.environ.get(_USER_CACHE)
    if not user or Path(user).resolve().is_relative_to(ROOT.resolve()):
        return  # (never into the working tree, as handbook/usercache.py keeps it)
    kept = Path(user) / "networking-handbook"
    for keyed in KEYED_CACHES:
        source, target = isolated / "networking-handbook" / keyed, kept / keyed
        if not source.is_dir():
            continue
        try:
            target.mkdir(parents=True, exist_ok=True)
            # Each file whole under its name (copied beside it, then renamed: a build reading the
            # cache meanwhile sees it or not), a book's facts after its PDF (the pair is a hit).
            for path in sorted(source.iterdir(), key=lambda p: (p.suffix == ".json", p.name)):
                if path.is_file() and not path.name.endswith(".tmp") and not (target / path.name).exists():
                    partial = target / f"{path.name}.{os.getpid()}.tmp"
                    shutil.copy2(path, partial)
                    partial.replace(target / path.name)
        except OSError:
            pass  # a cache that cannot be written keeps nothing
    books = kept / "book"
    for lang in {p.stem.removeprefix("handbook-").rsplit("-", 1)[0] for p in books.glob("handbook-*-*.pdf")}:
        keep_newest_books(books, lang)
    keep_newest_texts(kept / "pdf-text")


_SHARED = pytest.StashKey[tuple]()


def _start_shared_build(config) -> None:
    """`-n N` (pytest-xdist): build the site once, in the background, before the workers start;
    each worker's `site` fixture waits for it (tests/site_harness.py). Not for a prebuilt site,
    not when the build tests are deselected, not in a worker."""
    if (hasattr(config, "workerinput") or not getattr(config.option, "numprocesses", None)
            or os.environ.get("HANDBOOK_SITE") or os.environ.get(SHARED_BUILD)):
        return
    markexpr = getattr(config.option, "markexpr", "") or ""
    if "not build" in markexpr.replace("  ", " "):
        return
    import tempfile

    out = Path(tempfile.mkdtemp(prefix="handbook-test-site-"))
    log = (out / "build.log").open("w", encoding="utf-8")
    # A session of its own: stopped with its mkdocs if the test session ends first.
    process = subprocess.Popen([sys.executable, "-m", "tests.site_harness", str(out)], cwd=ROOT,
                               stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    os.environ[SHARED_BUILD] = str(out)
    config.stash[_SHARED] = (process, out, log)


def pytest_sessionfinish(session):
    """Free the spelling check's dictionary tries (handbook/spelling.py: PyThaiNLP's word list with
    a project's words, a million small objects each) once the tests are done: otherwise pytest's
    last garbage collections scan them, and the process frees them only as it exits, seconds at
    the end of every run that checked spelling."""
    spelling = sys.modules.get("handbook.spelling")
    if spelling is not None:
        spelling._segmenter.cache_clear()


def pytest_unconfigure(config):
    shared = config.stash.get(_SHARED, None)
    if shared:
        import shutil

        process, out, log = shared
        if process.poll() is None:  # the session ended first (-x, an interrupt)
            import signal

            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=60)
        log.close()
        os.environ.pop(SHARED_BUILD, None)
        shutil.rmtree(out, ignore_errors=True)
    isolated = os.environ.get("HANDBOOK_TEST_CACHE", "")
    if isolated and Path(isolated).name.startswith("handbook-test-cache-") and not hasattr(config, "workerinput"):
        import shutil

        _keep_typeset_books(Path(isolated))
        shutil.rmtree(isolated, ignore_errors=True)
