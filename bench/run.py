"""`make bench`: what the build, the pages and the search cost, and how that grows.

Writes bench/RESULTS.md and bench/results.json. Everything runs in one session on this machine,
and every comparison uses the same content: our handbook against a vanilla Material +
mkdocs-static-i18n configuration built from the same docs/ (no hooks, no extras).
"""

from __future__ import annotations

import cProfile
import datetime as dt
import itertools
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.same_pages import same_pages_docs
from tests.browser import launch, serve
from tests.fixtures import copy_project
from tests.search_harness import concept_for_path, open_search, search
from tests.search_queries import ENGLISH, ENGLISH_TYPOS, THAI, THAI_TYPOS

# The site's build is measured apart from the printed book's (section 8): HANDBOOK_BOOK=off.
# Compiled modules as on an editor's machine: where the shell sets PYTHONDONTWRITEBYTECODE, every
# build of ours would compile the handbook's and the hooks' modules again (vanilla's come compiled
# by the installer): up to 0.09 s a build (86 ms to compile all of handbook/ and hooks/ here).
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_BOOK": "off"}
#: The query sets of the tests: correctly spelled and with typos, per language.
QUERY_SETS = {"th": {"correct": THAI, "typo": THAI_TYPOS}, "en": {"correct": ENGLISH, "typo": ENGLISH_TYPOS}}
SCALES = (1, 10, 50)
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
#: Hook functions that MkDocs does not call as events: the cross-link tree processor's callback.
HOOK_CALLBACKS = frozenset({"_link"})

VANILLA = """\
site_name: vanilla
docs_dir: {docs}
theme:
  name: material
  language: th
plugins:
  - search
  - i18n:
      docs_structure: folder
      fallback_to_default: true
      languages:
        - locale: th
          name: ไทย
          default: true
          build: true
        - locale: en
          name: English
          build: true
markdown_extensions: [attr_list, md_in_html, admonition, tables]
"""
#: Vanilla's offline copy: Material's offline plugin (file URLs, search_index.js), built apart.
VANILLA_OFFLINE = VANILLA.replace("  - search\n", "  - search\n  - offline\n")


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------


def build(project: Path, config: str, site: Path, extra_env: dict | None = None) -> float:
    return timed_build(project, config, site, extra_env)[0]


def timed_build(project: Path, config: str, site: Path, extra_env: dict | None = None) -> tuple[float, float]:
    """(seconds of wall time, seconds of CPU: the build process's user + system time). On a
    machine shared with other work the CPU time is the steadier measure of what a build costs."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config, "-d", str(site)],
        cwd=project, env={**ENV, **(extra_env or {})}, capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build of {project}/{config} failed:\n{result.stderr[-2000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def profile_build(project: Path) -> tuple[float, dict[str, float]]:
    """One in-process build under cProfile: total seconds and seconds per hook module."""
    from unittest import mock

    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    cwd = os.getcwd()
    os.chdir(project)
    # The environment of the timed builds (no PDF books: they are measured in section 8).
    environment = mock.patch.dict(os.environ, {k: v for k, v in ENV.items() if k.startswith(("HANDBOOK_", "NO_MKDOCS"))})
    environment.start()
    try:
        site = Path(tempfile.mkdtemp()) / "site"
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
        config.plugins.on_shutdown()
        profiler.disable()
        total = time.perf_counter() - start
    finally:
        environment.stop()
        os.chdir(cwd)
    stats = pstats.Stats(profiler)
    per_hook: dict[str, float] = {}
    for (filename, _, name), (_, _, _, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if f"{os.sep}hooks{os.sep}" in filename and (name.startswith("on_") or name in HOOK_CALLBACKS):
            key = f"{Path(filename).stem}.{name}"
            per_hook[key] = per_hook.get(key, 0.0) + cumulative
    return total, dict(sorted(per_hook.items(), key=lambda kv: -kv[1]))


def project_copy(work: Path, scale: int = 1) -> Path:
    """A copy of the project; at scale N the concepts are repeated N times (ids suffixed)."""
    project = work / f"project-{scale}x"
    if project.exists():
        return project
    copy_project(project, thai_answers=False)
    if scale > 1:
        from handbook.loader import load_handbook

        handbook = load_handbook(ROOT / "docs")
        ids = list(handbook.concepts)
        for copy in range(2, scale + 1):
            for concept in handbook.concepts.values():
                for page in concept.pages.values():
                    text = page.path.read_text(encoding="utf-8")
                    for cid in sorted(ids, key=len, reverse=True):
                        text = re.sub(rf"(?m)^(id:|  - |related: \[)\s*{re.escape(cid)}\b",
                                      lambda m, copy=copy: m.group(0) + f"-{copy}", text)
                    text = re.sub(r"(?m)^  - id: (\S+)", rf"  - id: \1-{copy}", text)
                    text = re.sub(r"(?m)^order: (\d+)", lambda m, copy=copy: f"order: {int(m.group(1)) + 100 * copy}", text)
                    target = project / "docs" / page.src_uri.replace(f"/{concept.id}.md", f"/{concept.id}-{copy}.md")
                    target.write_text(text, encoding="utf-8")
    return project


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html")) - sum(1 for _ in site.rglob("404.html"))


def run_step(project: Path, args: list[str], extra_env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run([sys.executable, *args], cwd=project, env={**ENV, **(extra_env or {})},
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


def make_build_once(project: Path, work: Path) -> dict[str, float]:
    """The steps of `make build` (Makefile), timed: the site with its books and the offline copy
    derived from it, the zip, the books in dist/."""
    offline, dist = work / "mb-offline", work / "mb-dist"
    times = {"mkdocs build (site + offline copy)": build(
        project, "mkdocs.yml", work / "mb-site", {"HANDBOOK_BOOK": "on", "HANDBOOK_OFFLINE_DIR": str(offline)})}
    times["zip"] = run_step(project, ["-m", "handbook.offline", str(offline), str(work / "mb.zip")])
    times["books in dist/"] = run_step(project, ["-m", "handbook.books", "--docs", str(project / "docs"),
                                                 "--out", str(dist)])
    return times


def vanilla_builds_once(project: Path, work: Path) -> dict[str, float]:
    """Vanilla's web build and its offline copy (Material's offline plugin), as two builds."""
    return {"web build": build(project, "vanilla.yml", work / "mb-vanilla"),
            "offline build": build(project, "vanilla-offline.yml", work / "mb-vanilla-offline")}


def make_build_cost(project: Path, work: Path) -> dict:
    """`make build` against vanilla's web + offline builds, alternating, after one warm run each."""
    (project / "vanilla-offline.yml").write_text(VANILLA_OFFLINE.format(docs=project / "docs"), encoding="utf-8")
    make_build_once(project, work)
    vanilla_builds_once(project, work)
    ours, theirs = [], []
    for _ in range(RUNS):
        ours.append(make_build_once(project, work))
        theirs.append(vanilla_builds_once(project, work))
    ours_total = statistics.median(sum(run.values()) for run in ours)
    vanilla_total = statistics.median(sum(run.values()) for run in theirs)
    return {
        "runs": RUNS,
        "ours_median_s": round(ours_total, 3),
        "vanilla_median_s": round(vanilla_total, 3),
        "ratio": round(ours_total / vanilla_total, 2),
        "ours_steps_s": {k: round(statistics.median(run[k] for run in ours), 3) for k in ours[0]},
        "vanilla_steps_s": {k: round(statistics.median(run[k] for run in theirs), 3) for k in theirs[0]},
    }


def build_cost(ours: Path, work: Path) -> dict:
    """Section 1: one build of ours against one of vanilla's (no book), alternating."""
    # The first build of each side fills the caches (ours: Thai answers and compiled templates in
    # .cache/handbook; both: the file system's); it is reported, not counted in the median. The
    # timed builds then alternate, so that any drift of the machine hits both sides alike.
    # Our first build also writes out the pages it renders, for vanilla to build the same pages.
    same_docs, ours_first = same_pages_docs(ours, work, work / "site-ours", build)
    vanilla_first = build(ours, "vanilla.yml", work / "site-vanilla")
    (ours / "vanilla-same.yml").write_text(VANILLA.format(docs=same_docs), encoding="utf-8")
    build(ours, "vanilla-same.yml", work / "site-vanilla-same")
    ours_times, vanilla_times, ours_cpu, vanilla_cpu, same_times, same_cpu = [], [], [], [], [], []
    for _ in range(RUNS):
        for times, cpu, config, site in ((ours_times, ours_cpu, "mkdocs.yml", "site-ours"),
                                         (vanilla_times, vanilla_cpu, "vanilla.yml", "site-vanilla"),
                                         (same_times, same_cpu, "vanilla-same.yml", "site-vanilla-same")):
            wall, used = timed_build(ours, config, work / site)
            times.append(wall)
            cpu.append(used)
    total, hooks = profile_build(ours)
    same = {"pages": count_pages(work / "site-vanilla-same"),
            "median_s": round(statistics.median(same_times), 3),
            "cpu_median_s": round(statistics.median(same_cpu), 3),
            "ratio": round(statistics.median(ours_times) / statistics.median(same_times), 2),
            "cpu_ratio": round(statistics.median(ours_cpu) / statistics.median(same_cpu), 2)}
    return {
        "vanilla_same_pages": same,
        "runs": RUNS,
        "ours_median_s": round(statistics.median(ours_times), 3),
        "vanilla_median_s": round(statistics.median(vanilla_times), 3),
        "ratio": round(statistics.median(ours_times) / statistics.median(vanilla_times), 2),
        "ours_cpu_median_s": round(statistics.median(ours_cpu), 3),
        "vanilla_cpu_median_s": round(statistics.median(vanilla_cpu), 3),
        "cpu_ratio": round(statistics.median(ours_cpu) / statistics.median(vanilla_cpu), 2),
        "ours_first_build_s": round(ours_first, 3),
        "vanilla_first_build_s": round(vanilla_first, 3),
        "pages": {"ours": count_pages(work / "site-ours"), "vanilla": count_pages(work / "site-vanilla")},
        "profiled_build_s": round(total, 3),
        "hooks_s": {k: round(v, 3) for k, v in hooks.items()},
    }


# ---------------------------------------------------------------------------------------------
# Browser measurements
# ---------------------------------------------------------------------------------------------


def first_visit_bytes(browser, base: str, path: str) -> dict[str, int]:
    """Bytes transferred for a first visit, then for opening search (index + worker)."""
    context = browser.new_context()
    sizes: dict[str, int] = {}
    outside: list[str] = []

    def on_finished(request):
        try:
            size = request.sizes()["responseBodySize"]
        except Exception:  # noqa: BLE001 - a cancelled request has no sizes
            size = 0
        kind = request.resource_type
        sizes[kind] = sizes.get(kind, 0) + size

    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                  else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("requestfinished", on_finished)
    page.goto(base + path, wait_until="networkidle")
    first = sum(sizes.values())
    page.click("input.md-search__input")
    page.wait_for_timeout(1500)
    page.wait_for_load_state("networkidle")
    total = sum(sizes.values())
    context.close()
    return {"first_visit": first, "with_search": total, "blocked_outside_requests": len(outside),
            **{f"type_{k}": v for k, v in sizes.items()}}


def search_quality(browser, base: str, site: Path, *, our_manifest: dict) -> dict:
    """{lang: {set: hits in the top 1 and top 3, share in the reader's language, median ms}}."""
    url_to_id = {c["url"][lang]: c["id"] for c in our_manifest["concepts"] for lang in ("th", "en")}
    results: dict = {}
    for lang, sets in QUERY_SETS.items():
        page = browser.new_page()
        placeholder = open_search(page, base + ("en/" if lang == "en" else ""))
        for name, queries in sets.items():
            top1 = top3 = same_language = 0
            times = []
            for _, query, expected in queries:
                paths, elapsed = search(page, query, placeholder)
                times.append(elapsed)
                ids = [concept_for_path(p, "/", url_to_id) for p in paths[:3]]
                top1 += bool(ids) and ids[0] in expected
                top3 += bool(set(expected) & set(ids))
                same_language += all(p.startswith("/en/") == (lang == "en") for p in paths[:3])
            results.setdefault(lang, {})[name] = {
                "queries": len(queries),
                "top1_hits": top1,
                "top3_hits": top3,
                "top1_rate": round(top1 / len(queries), 3),
                "top3_rate": round(top3 / len(queries), 3),
                "top3_all_in_reader_language": round(same_language / len(queries), 3),
                "median_keystroke_to_results_ms": round(1000 * statistics.median(times), 1),
            }
        page.close()
    return results


def search_speed(browser, base: str) -> dict:
    """Median milliseconds from the last keystroke to the results, every query of both sets."""
    out = {}
    for lang, sets in QUERY_SETS.items():
        page = browser.new_page()
        placeholder = open_search(page, base + ("en/" if lang == "en" else ""))
        times = [search(page, query, placeholder)[1] for queries in sets.values() for _, query, _ in queries]
        page.close()
        out[lang] = round(1000 * statistics.median(times), 1)
    return out


def search_scale(work: Path, browser) -> dict:
    """Keystroke-to-results and index size at each scale, ours and vanilla (sites of section 2),
    and where the time goes inside the worker (`bench/search_worker.py`)."""
    from bench.search_worker import worker_stages

    rows = []
    for scale in SCALES:
        row: dict = {"scale": scale}
        for name, site in (("ours", work / f"site-{scale}x"), ("vanilla", work / f"site-vanilla-{scale}x")):
            with serve(site) as base:
                row[name] = {"median_ms": search_speed(browser, base), "index_bytes": index_bytes(site),
                             "docs": index_docs(site),
                             # Ours only: vanilla's worker (Material's own 677 KB wordcut) does not run under Node
                             "worker": worker_stages(site) if name == "ours" else None}
        rows.append(row)
    fit = {}
    for name in ("ours", "vanilla"):
        slope, _, r2 = linear_fit([r["scale"] for r in rows], [r[name]["index_bytes"] for r in rows])
        fit[name] = {"bytes_per_copy": round(slope), "r2": round(r2, 5)}
    return {"rows": rows, "index_fit": fit}


def index_docs(site: Path) -> int:
    """Documents (pages and sections) of every search index of the site."""
    return sum(len(json.loads(p.read_text(encoding="utf-8"))["docs"]) for p in site.rglob("search_index.json"))


def index_bytes(site: Path) -> int:
    return sum(p.stat().st_size for p in site.rglob("search_index.json"))


# ---------------------------------------------------------------------------------------------
# Live preview
# ---------------------------------------------------------------------------------------------


def live_preview(project: Path, port: int) -> float:
    """Seconds from saving a concept page to `mkdocs serve` serving the changed page."""
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/elements/common-vision/"
    page = project / "docs/th/elements/common-vision.md"
    original = page.read_text(encoding="utf-8")
    try:
        deadline = time.time() + 600
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        marker = f"bench{int(time.time())}"
        start = time.perf_counter()
        page.write_text(original.replace("<!-- handbook:points -->", f"{marker}\n\n<!-- handbook:points -->"),
                        encoding="utf-8")
        while time.time() < deadline:
            try:
                if marker in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                    return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.1)
        return float("nan")
    finally:
        page.write_text(original, encoding="utf-8")
        process.terminate()
        process.wait(timeout=30)


def preview_edits(project: Path, port: int) -> dict[str, float]:
    """Seconds from saving a page, a label, the CSS, a YAML mistake and its fix to `mkdocs serve`
    serving the change (the error page for the mistake), one after the other."""
    from tests.serve_harness import edit, seconds_until, serving

    page = project / "docs/th/elements/common-vision.md"
    with serving(project, port) as base:
        url, css = base + "elements/common-vision/", base + "assets/stylesheets/handbook.css"
        times = {}
        edit(page, "<!-- handbook:points -->", "bench-page-edit\n\n<!-- handbook:points -->")
        times["page"] = seconds_until(url, lambda text: "bench-page-edit" in text)
        edit(project / "labels/th.yml", "\nlead.label: ", "\nlead.label: bench-label-edit ")
        times["label"] = seconds_until(url, lambda text: "bench-label-edit" in text)
        with (project / "overrides/assets/stylesheets/handbook.css").open("a", encoding="utf-8") as f:
            f.write("\n/* bench-css-edit */\n")
        times["css"] = seconds_until(css, lambda text: "bench-css-edit" in text)
        edit(page, "\nsummary: ", "\nsummary: bench: ")
        times["error_page"] = seconds_until(url, lambda text: "could not be built" in text)
        edit(page, "\nsummary: bench: ", "\nsummary: ")
        times["recovered"] = seconds_until(url, lambda text: "could not be built" not in text)
    return {name: round(value, 2) for name, value in times.items()}


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------


def linear_fit(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least-squares slope, intercept and R² of ys against xs."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx
    intercept = my - slope * mx
    ss_res = sum((y - (slope * x + intercept)) ** 2 for x, y in zip(xs, ys, strict=True))
    ss_tot = sum((y - my) ** 2 for y in ys)
    return slope, intercept, 1 - ss_res / ss_tot if ss_tot else 1.0


def measure_scale(work: Path) -> dict:
    """Section 2: each scale built (caches filled, then timed), beside vanilla; the per-page fits."""
    scale_rows = []
    for scale in SCALES:
        project = project_copy(work, scale)
        (project / "vanilla.yml").write_text(VANILLA.format(docs=project / "docs"), encoding="utf-8")
        # The first build fills the caches, and writes out the pages it renders: vanilla builds the
        # same pages at this scale too (bench/same_pages.py).
        same_docs, first = same_pages_docs(project, work, work / f"site-{scale}x", build)
        (project / "vanilla-same.yml").write_text(VANILLA.format(docs=same_docs), encoding="utf-8")
        build(project, "vanilla-same.yml", work / f"site-vanilla-same-{scale}x")
        # Alternating, the median of each (three runs below 50×, one at 50×): the machine's
        # speed drifts between runs, and alternating spreads the drift over all three.
        runs: dict[str, list[tuple[float, float]]] = {"ours": [], "vanilla": [], "same": []}
        for _ in range(3 if scale < 50 else 1):
            runs["ours"].append(timed_build(project, "mkdocs.yml", work / f"site-{scale}x"))
            runs["vanilla"].append(timed_build(project, "vanilla.yml", work / f"site-vanilla-{scale}x"))
            runs["same"].append(timed_build(project, "vanilla-same.yml", work / f"site-vanilla-same-{scale}x"))
        (seconds, cpu), (vanilla_seconds, vanilla_cpu), (same_seconds, same_cpu) = (
            (statistics.median(w for w, _ in runs[k]), statistics.median(c for _, c in runs[k]))
            for k in ("ours", "vanilla", "same"))
        pages = count_pages(work / f"site-{scale}x")
        profiled, hooks = profile_build(project)
        scale_rows.append({"scale": scale, "pages": pages, "first_build_s": round(first, 2),
                           "build_s": round(seconds, 2), "ms_per_page": round(1000 * seconds / pages, 1),
                           "vanilla_pages": count_pages(work / f"site-vanilla-{scale}x"),
                           "vanilla_build_s": round(vanilla_seconds, 2),
                           "cpu_s": round(cpu, 2), "vanilla_cpu_s": round(vanilla_cpu, 2),
                           "vanilla_same_pages": count_pages(work / f"site-vanilla-same-{scale}x"),
                           "vanilla_same_build_s": round(same_seconds, 2),
                           "vanilla_same_cpu_s": round(same_cpu, 2),
                           "hooks_total_s": round(sum(hooks.values()), 3),
                           "hooks_share": round(sum(hooks.values()) / profiled, 3),
                           "hooks_s": {k: round(v, 2) for k, v in hooks.items()}})
    pages = [r["pages"] for r in scale_rows]
    slope, intercept, r2 = linear_fit(pages, [r["build_s"] for r in scale_rows])
    v_slope, v_intercept, v_r2 = linear_fit([r["vanilla_pages"] for r in scale_rows],
                                            [r["vanilla_build_s"] for r in scale_rows])
    h_slope, h_intercept, h_r2 = linear_fit(pages, [r["hooks_total_s"] for r in scale_rows])
    c_slope, _, c_r2 = linear_fit(pages, [r["cpu_s"] for r in scale_rows])
    vc_slope, _, vc_r2 = linear_fit([r["vanilla_pages"] for r in scale_rows], [r["vanilla_cpu_s"] for r in scale_rows])
    sc_slope, _, sc_r2 = linear_fit([r["vanilla_same_pages"] for r in scale_rows],
                                    [r["vanilla_same_cpu_s"] for r in scale_rows])
    per_hook = {name: linear_fit(pages, [r["hooks_s"].get(name, 0.0) for r in scale_rows])
                for name in scale_rows[-1]["hooks_s"]}
    return {"rows": scale_rows, "fit_s_per_page": round(slope, 4),
            "fit_intercept_s": round(intercept, 2), "fit_r2": round(r2, 4),
            "vanilla_fit_s_per_page": round(v_slope, 4), "vanilla_fit_r2": round(v_r2, 4),
            "cpu_fit_s_per_page": round(c_slope, 5), "cpu_fit_r2": round(c_r2, 4),
            "vanilla_cpu_fit_s_per_page": round(vc_slope, 5), "vanilla_cpu_fit_r2": round(vc_r2, 4),
            "vanilla_same_cpu_fit_s_per_page": round(sc_slope, 5), "vanilla_same_cpu_fit_r2": round(sc_r2, 4),
            "hooks_fit_s_per_page": round(h_slope, 5), "hooks_fit_r2": round(h_r2, 4),
            "hooks_fit": {name: {"ms_per_page": round(1000 * fit[0], 3), "r2": round(fit[2], 4)}
                          for name, fit in per_hook.items()}}


def main() -> int:
    from playwright.sync_api import sync_playwright

    from handbook.offline import make_zip

    work = Path(tempfile.mkdtemp(prefix="handbook-bench-"))
    if os.environ.get("BENCH_ONLY") == "book":
        # `BENCH_ONLY=book make bench`: measure the printed book again, keep the other results.
        from bench.book import measure

        results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
        results["book"] = measure()
        write_results(results)
        shutil.rmtree(work, ignore_errors=True)
        return 0
    if os.environ.get("BENCH_ONLY") == "update":
        # `BENCH_ONLY=update make bench`: what saving and updating the handbook costs a phone.
        from bench.updates import main as measure_updates

        results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
        results["updates"] = measure_updates()
        results["updates_date"] = dt.date.today().isoformat()
        write_results(results)
        shutil.rmtree(work, ignore_errors=True)
        return 0
    if os.environ.get("BENCH_ONLY") == "search":
        # `BENCH_ONLY=search make bench`: measure search again (quality, scale), keep the rest.
        results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
        results["search"], results["typo_methods"] = measure_search_only(work)
        results["search_date"] = dt.date.today().isoformat()
        write_results(results)
        shutil.rmtree(work, ignore_errors=True)
        return 0
    if os.environ.get("BENCH_ONLY") == "serve":
        # `BENCH_ONLY=serve make bench`: edit → visible under `make serve`, keep the rest.
        results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
        results["preview_edits_s"] = preview_edits(project_copy(work, 1), 8473)
        write_results(results)
        shutil.rmtree(work, ignore_errors=True)
        return 0
    if os.environ.get("BENCH_ONLY") == "build":
        # `BENCH_ONLY=build make bench`: section 1 again (one build; `make build`), keep the rest.
        results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
        ours = project_copy(work, 1)
        (ours / "vanilla.yml").write_text(VANILLA.format(docs=ours / "docs"), encoding="utf-8")
        results["build"] = build_cost(ours, work)
        results["make_build"] = make_build_cost(ours, work)
        results["build_date"] = dt.date.today().isoformat()
        write_results(results)
        shutil.rmtree(work, ignore_errors=True)
        return 0
    if os.environ.get("BENCH_ONLY") == "scale":
        # `BENCH_ONLY=scale make bench`: section 2 again (1×, 10×, 50×, beside vanilla), keep the rest.
        results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
        results["scale"] = measure_scale(work)
        results["scale_date"] = dt.date.today().isoformat()
        write_results(results)
        shutil.rmtree(work, ignore_errors=True)
        return 0
    if os.environ.get("BENCH_ONLY") == "lighthouse":
        # `BENCH_ONLY=lighthouse make bench`: measure Lighthouse again, keep the other results.
        results = json.loads((ROOT / "bench" / "results.json").read_text(encoding="utf-8"))
        ours = project_copy(work, 1)
        (ours / "vanilla.yml").write_text(VANILLA.format(docs=ours / "docs"), encoding="utf-8")
        results["lighthouse"] = lighthouse_scores(ours, work)
        results["lighthouse_date"] = dt.date.today().isoformat()
        write_results(results)
        shutil.rmtree(work, ignore_errors=True)
        return 0
    results: dict = {
        "date": dt.date.today().isoformat(),
        "machine": {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    ours = project_copy(work, 1)
    (ours / "vanilla.yml").write_text(VANILLA.format(docs=ours / "docs"), encoding="utf-8")

    print("1/6 build cost against vanilla…", flush=True)
    results["build"] = build_cost(ours, work)
    results["make_build"] = make_build_cost(ours, work)

    print("2/6 scale…", flush=True)
    results["scale"] = measure_scale(work)

    print("3/6 live preview…", flush=True)
    results["live_preview_s"] = {
        "1x": round(live_preview(project_copy(work, 1), 8471), 2),
        "10x": round(live_preview(project_copy(work, 10), 8472), 2),
    }
    results["preview_edits_s"] = preview_edits(project_copy(work, 1), 8473)

    print("4/6 page weight and 5/6 search…", flush=True)
    manifest = json.loads((work / "site-ours" / "concepts.json").read_text(encoding="utf-8"))
    with sync_playwright() as playwright:
        browser = launch(playwright)
        weight = {}
        quality = {}
        for name, site in (("ours", work / "site-ours"), ("vanilla", work / "site-vanilla")):
            with serve(site) as base:
                weight[name] = {
                    "th": first_visit_bytes(browser, base, "elements/common-vision/"),
                    "en": first_visit_bytes(browser, base, "en/elements/common-vision/"),
                }
                quality[name] = search_quality(browser, base, site, our_manifest=manifest)
                quality[name]["index_bytes"] = index_bytes(site)
        quality["scale"] = search_scale(work, browser)
        browser.close()
    from bench.typo_methods import compare

    results["typo_methods"] = compare(work / "site-ours" / "search" / "search_index.json")
    results["page_weight"] = weight
    results["search"] = quality

    print("6/6 offline zip…", flush=True)
    offline = work / "site-offline"
    build(ours, "mkdocs.yml", work / "site-for-offline", {"HANDBOOK_OFFLINE_DIR": str(offline),
                                                         "HANDBOOK_BOOK": "on"})  # the zip carries the books
    make_zip(offline, work / "handbook-offline.zip")
    results["offline_zip_bytes"] = (work / "handbook-offline.zip").stat().st_size

    print("7/7 Lighthouse (mobile, gzip)…", flush=True)
    results["lighthouse"] = lighthouse_scores(ours, work)

    print("8/8 the printed book…", flush=True)
    from bench.book import measure

    results["book"] = measure()

    write_results(results)
    shutil.rmtree(work, ignore_errors=True)
    print("wrote bench/RESULTS.md and bench/results.json")
    return 0


def measure_search_only(work: Path) -> tuple[dict, dict]:
    """Section 5 alone: both sides built at every scale, then measured as `main` does."""
    from playwright.sync_api import sync_playwright

    from bench.typo_methods import compare

    for scale in SCALES:
        project = project_copy(work, scale)
        (project / "vanilla.yml").write_text(VANILLA.format(docs=project / "docs"), encoding="utf-8")
        print(f"search: building {scale}×…", flush=True)
        build(project, "mkdocs.yml", work / f"site-{scale}x")
        build(project, "vanilla.yml", work / f"site-vanilla-{scale}x")
    manifest = json.loads((work / "site-1x" / "concepts.json").read_text(encoding="utf-8"))
    quality: dict = {}
    with sync_playwright() as playwright:
        browser = launch(playwright)
        for name, site in (("ours", work / "site-1x"), ("vanilla", work / "site-vanilla-1x")):
            with serve(site) as base:
                quality[name] = search_quality(browser, base, site, our_manifest=manifest)
                quality[name]["index_bytes"] = index_bytes(site)
        quality["scale"] = search_scale(work, browser)
        browser.close()
    return quality, compare(work / "site-1x" / "search" / "search_index.json")


LIGHTHOUSE_PAGES = {
    "home": "", "concept": "elements/common-vision/", "type": "types/natural-network/",
    "checklist": "checklists/health-check/",
}
LIGHTHOUSE_PORT = 8473
#: Runs per page of ours (the median is reported); vanilla, the reference, once.
LIGHTHOUSE_RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", "3"))


def lighthouse_scores(ours: Path, work: Path) -> dict:
    """Ours and vanilla on the same pages, Thai and English. Each site is built with its
    site_url set to where it is served, as it would be once published."""
    from bench import lighthouse

    why = lighthouse.available()
    if why:
        return {"skipped": why}
    base = f"http://127.0.0.1:{LIGHTHOUSE_PORT}/"
    sites = {
        "ours": build_for(ours, "mkdocs.yml", work / "lh-ours", {"HANDBOOK_SITE_URL": base}),
        "vanilla": build_for(ours, "vanilla.yml", work / "lh-vanilla", {}),
    }
    out: dict = {}
    for name, site in sites.items():
        with lighthouse.serve_gzip(site, LIGHTHOUSE_PORT) as served:
            for lang, prefix in (("th", ""), ("en", "en/")):
                for page, path in LIGHTHOUSE_PAGES.items():
                    runs = LIGHTHOUSE_RUNS if name == "ours" else 1
                    out.setdefault(name, {})[f"{lang}/{page}"] = lighthouse.median_audit(served + prefix + path, runs)
    return out


def build_for(project: Path, config: str, site: Path, extra_env: dict) -> Path:
    build(project, config, site, extra_env)
    return site


def write_results(results: dict) -> None:
    (ROOT / "bench" / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n",
                                                 encoding="utf-8")
    (ROOT / "bench" / "RESULTS.md").write_text(render_markdown(results), encoding="utf-8")


def kib(n: int) -> str:
    return f"{n / 1024:,.0f} KiB"


def render_markdown(r: dict) -> str:
    b, s, w, q = r["build"], r["scale"], r["page_weight"], r["search"]
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `make bench` on {r['date']}: {r['machine']['cores']} cores, Python "
        f"{r['machine']['python']} ({r['machine']['platform']}). One session, one machine; the vanilla "
        "side is Material + mkdocs-static-i18n built from the same `docs/` with no hooks and no extras.",
        "",
        "## 1. Build cost against vanilla",
        "",
        f"Same sources, same machine, builds alternating{' (measured ' + r['build_date'] + ')' if r.get('build_date') else ''}. "
        f"Ours builds {b['pages']['ours']} pages (the "
        f"concepts plus generated checklists, glossary and translation status in both languages), "
        f"vanilla {b['pages']['vanilla']}.",
        "",
        f"| | median of {b['runs']} full builds | first build (empty caches) |",
        "|---|---|---|",
        f"| this handbook | {b['ours_median_s']} s | {b['ours_first_build_s']} s |",
        f"| vanilla | {b['vanilla_median_s']} s | {b['vanilla_first_build_s']} s |",
        f"| **ratio** (budget ≤ 1.1×, issue 24) | **{b['ratio']}×** | "
        f"{b['ours_first_build_s'] / b['vanilla_first_build_s']:.2f}× |",
        "",
        *_render_cpu(b),
        "The first build of a fresh clone fills `.cache/handbook/` (Thai segmentation, inner words and "
        "dictionary order from PyThaiNLP) and the user's cache folder (Material's templates compiled "
        "by Jinja, kept outside the project); every later build, "
        "including each rebuild under `make serve`, reads it.",
        "",
        f"Time in each hook, profiled (cProfile, cumulative, one build of {b['profiled_build_s']} s incl. "
        "profiler overhead; both languages; `crosslinks._link` is the cross-link tree processor):",
        "",
        "| hook | seconds |",
        "|---|---|",
        *[f"| `{k}` | {v} |" for k, v in b["hooks_s"].items()],
        "",
        *render_make_build(r.get("make_build")),
        "## 2. Scale",
        "",
        "Each scale is built once to fill its caches (\"first build\"), then timed beside vanilla, "
        "built from the same synthetic `docs/` and from the same pages, the three alternating "
        "(the median of three runs each below 50×, one run at 50×)"
        + (f" (measured {r['scale_date']}, `BENCH_ONLY=scale`)." if r.get("scale_date") else "."),
        "",
        "| concepts × | pages built | first build | build | per page | hooks (profiled) | hooks' share | vanilla: pages | vanilla: build |",
        "|---|---|---|---|---|---|---|---|---|",
        *[f"| {row['scale']}× | {row['pages']} | {row['first_build_s']} s | {row['build_s']} s | "
          f"{row['ms_per_page']} ms | {row['hooks_total_s']} s | {row['hooks_share']:.0%} | "
          f"{row['vanilla_pages']} | {row['vanilla_build_s']} s |" for row in s["rows"]],
        "",
        f"Linear fit of build time against pages: **{s['fit_s_per_page'] * 1000:.1f} ms per page**, "
        f"intercept {s['fit_intercept_s']} s, R² = {s['fit_r2']} (vanilla: "
        f"{s['vanilla_fit_s_per_page'] * 1000:.1f} ms per page, R² = {s['vanilla_fit_r2']}).",
        "",
        *([f"CPU time of the same builds (user + system): **{s['cpu_fit_s_per_page'] * 1000:.1f} ms per page**, "
           f"R² = {s['cpu_fit_r2']} (vanilla: {s['vanilla_cpu_fit_s_per_page'] * 1000:.1f} ms per page, "
           f"R² = {s['vanilla_cpu_fit_r2']}); at each scale, ours / vanilla: "
           + ", ".join(f"{row['scale']}× {row['cpu_s']} / {row['vanilla_cpu_s']} s" for row in s["rows"]) + ".",
           ""] if "cpu_fit_s_per_page" in s else []),
        *([f"Vanilla given the same pages as ours at each scale (bench/same_pages.py): "
           f"**{s['vanilla_same_cpu_fit_s_per_page'] * 1000:.1f} ms of CPU per page**, R² = "
           f"{s['vanilla_same_cpu_fit_r2']}; ours is {s['cpu_fit_s_per_page'] / s['vanilla_same_cpu_fit_s_per_page']:.2f}× "
           "that slope; at each scale, ours / vanilla on the same pages: "
           + ", ".join(f"{row['scale']}× {row['cpu_s']} / {row['vanilla_same_cpu_s']} s "
                       f"({row['vanilla_same_pages']} pages)" for row in s["rows"]) + ".",
           ""] if "vanilla_same_cpu_fit_s_per_page" in s else []),
        f"Our hooks alone (profiled): **{s['hooks_fit_s_per_page'] * 1000:.2f} ms per page**, "
        f"R² = {s['hooks_fit_r2']}.",
        "",
        "Cost of each added page, between two scales:",
        "",
        "| | ours | vanilla |",
        "|---|---|---|",
        *[f"| {a['scale']}× → {b_['scale']}× | "
          f"{1000 * (b_['build_s'] - a['build_s']) / (b_['pages'] - a['pages']):.1f} ms | "
          f"{1000 * (b_['vanilla_build_s'] - a['vanilla_build_s']) / (b_['vanilla_pages'] - a['vanilla_pages']):.1f} ms |"
          for a, b_ in itertools.pairwise(s["rows"])],
        "",
        "Where an added page costs more in a bigger site, vanilla shows it too: MkDocs and Material "
        "render the whole navigation into every page. Our hooks' part is the fit above.",
        "",
        "| hook | at 50× | fitted ms per page | R² |",
        "|---|---|---|---|",
        *[f"| `{name}` | {s['rows'][-1]['hooks_s'][name]} s | {fit['ms_per_page']} | {fit['r2']} |"
          for name, fit in s["hooks_fit"].items()],
        "",
        "## 3. Live preview",
        "",
        "Saving `docs/th/elements/common-vision.md` until `mkdocs serve` serves the changed page "
        "(full rebuild of both languages; caches filled by the builds above):",
        "",
        f"| 1× | {r['live_preview_s']['1x']} s |",
        "|---|---|",
        f"| 10× | {r['live_preview_s']['10x']} s |",
        "",
        *([
            "Each kind of edit under `make serve` (`BENCH_ONLY=serve`), saved one after the other, "
            "until the changed page (the stylesheet for CSS) is served; a YAML mistake until every "
            "page shows the error page, and its fix until the page is back:",
            "",
            "| " + " | ".join(r["preview_edits_s"]) + " |",
            "|" + "---|" * len(r["preview_edits_s"]),
            "| " + " | ".join(f"{v} s" for v in r["preview_edits_s"].values()) + " |",
            "",
        ] if "preview_edits_s" in r else []),
        "## 4. Page weight (first visit, headless Chromium)",
        "",
        "Bytes of response bodies for a first visit to the common-vision page, then after opening search "
        "(index and worker). Requests to other hosts are blocked here (no network); vanilla's Google Fonts "
        "request is counted in `blocked`, not in bytes. Budget: at most half of vanilla's first visit."
        + (" Material fetches the search index and worker as the page loads, so both are in the first "
           "visit already and opening search adds nothing."
           if all(w[n][lang]["with_search"] == w[n][lang]["first_visit"] for n in w for lang in w[n]) else ""),
        "",
        "| page | ours: first visit | ours: + search | vanilla: first visit | vanilla: + search | ratio (first visit) |",
        "|---|---|---|---|---|---|",
        *[f"| {lang} | {kib(w['ours'][lang]['first_visit'])} | {kib(w['ours'][lang]['with_search'])} | "
          f"{kib(w['vanilla'][lang]['first_visit'])} | {kib(w['vanilla'][lang]['with_search'])} "
          f"(blocked: {w['vanilla'][lang]['blocked_outside_requests']}) | "
          f"{w['ours'][lang]['first_visit'] / w['vanilla'][lang]['first_visit']:.2f} |" for lang in ("th", "en")],
        "",
        *render_search(q, r.get("typo_methods")),
        "## 6. Offline zip",
        "",
        f"`dist/handbook-offline.zip`: {kib(r['offline_zip_bytes'])}.",
        "",
        *render_lighthouse(r.get("lighthouse", {})),
        *render_book(r.get("book", {})),
        *render_updates(r.get("updates", {}), r.get("updates_date", "")),
    ]
    return "\n".join(lines)


def _render_cpu(b: dict) -> list[str]:
    """The same builds' CPU time (user + system), steadier than wall time on a shared machine."""
    if "ours_cpu_median_s" not in b:
        return []
    ours, vanilla = b["pages"]["ours"], b["pages"]["vanilla"]
    return [
        f"CPU time of the same builds (user + system, median): **{b['ours_cpu_median_s']} s** against "
        f"vanilla's {b['vanilla_cpu_median_s']} s (**{b['cpu_ratio']}×**); per page built "
        f"{1000 * b['ours_cpu_median_s'] / ours:.1f} ms against {1000 * b['vanilla_cpu_median_s'] / vanilla:.1f} ms "
        f"({b['ours_cpu_median_s'] / ours / (b['vanilla_cpu_median_s'] / vanilla):.2f}×).",
        "",
        *_render_same_pages(b),
    ]


def _render_same_pages(b: dict) -> list[str]:
    """Vanilla given the pages our build renders (bench/same_pages.py)."""
    same = b.get("vanilla_same_pages")
    if not same:
        return []
    return [
        f"Vanilla given **the same pages** (the Markdown our hooks hand MkDocs, {same['pages']} pages, "
        f"bench/same_pages.py): median {same['median_s']} s, CPU {same['cpu_median_s']} s; ours "
        f"**{same['ratio']}×** its wall time and **{same['cpu_ratio']}×** its CPU. What is left is "
        "the handbook's own work: the gate, the page policy and census, the cross-links and concept "
        "map, the Thai search index, the installable app's files.",
        "",
    ]


def render_make_build(m: dict | None) -> list[str]:
    if not m:
        return []
    return [
        "### `make build` against vanilla's web and offline builds",
        "",
        f"The steps of `make build` (the site with its books, and the offline copy derived from its "
        f"pages by the same build; the zip; the books in `dist/`, up to date) against vanilla's web "
        f"build plus its offline copy built by Material's offline plugin (a second build); "
        f"alternating, median of {m['runs']} after one warm run each.",
        "",
        "| | median | steps (median of each) |",
        "|---|---|---|",
        f"| `make build` | {m['ours_median_s']} s | "
        + " · ".join(f"{k}: {v} s" for k, v in m["ours_steps_s"].items()) + " |",
        f"| vanilla: web + offline | {m['vanilla_median_s']} s | "
        + " · ".join(f"{k}: {v} s" for k, v in m["vanilla_steps_s"].items()) + " |",
        f"| **ratio** (budget ≤ 1.3×, goal 1.0×) | **{m['ratio']}×** | |",
        "",
    ]


def render_updates(u: dict, date: str) -> list[str]:
    if not u:
        return []
    rows = [("first save (Thai)", "first_save"), ("update: one sentence edited", "edit"),
            ("update: one sentence edited, one page added", "page_added")]
    lines = [
        "", "## 9. Saving and updating the handbook on a phone", "",
        f"`BENCH_ONLY=update make bench` ({date}; bench/updates.py): a phone (headless Chromium, 375 px) saves "
        f"the Thai handbook ({u['files_th']} files) from a build of a copy of the project, then the next build is "
        "published over it and the worker updates; the server counts what it sends (bodies; 304s count 0 bytes). "
        "The worker is the same file from build to build: an update is its list of files (`offline.json`, "
        "asked for when a page opens) and the files whose content changed. 'Previous' is the worker of "
        f"commit {u.get('previous_commit', 'ca6d0e1')}, before updates reused the saved copy: it asks for every "
        "file again (this server, like GitHub Pages, answers an unchanged one with 304 Not Modified, so it "
        "pays a request for each and bytes only for those the browser's HTTP cache no longer holds; a "
        "phone's small HTTP cache, or a host without validators, makes it the whole handbook).", "",
        "| | ours: requests (304) | ours: bytes | previous: requests (304) | previous: bytes | changed files (files) |",
        "|---|---|---|---|---|---|",
    ]
    for title, key in rows:
        if key not in u.get("ours", {}):
            continue
        ours, prev = u["ours"][key], u.get("previous", {}).get(key, {})
        changed = u["changed"].get(key)
        lines.append(f"| {title} | {ours['requests']} ({ours.get('not_modified', 0)}) | {kib(ours['bytes'])} | "
                     f"{prev.get('requests', '–')} ({prev.get('not_modified', 0)}) | "
                     f"{kib(prev['bytes']) if prev else '–'} | "
                     + (f"{kib(changed['bytes'])} ({changed['files']}) |" if changed else "– |"))
    slow = u.get("slow_4g") or {}
    lines += ["", f"The worker (sw.js) is {kib(u['worker_bytes'])}, its list of files {kib(u['list_bytes']) if 'list_bytes' in u else '–'}. "
              "The target: an update downloads at most the changed files + the list + 64 KiB. Through a slow-4G "
              "link made by the server (562.5 ms a response, 1.44 Mbps shared by every request: the service "
              "worker's downloads are slowed too, which throttling in the browser does not do), the first save "
              f"took {slow.get('first_save_s', '–')} s from opening the home page to 'saved', and the "
              f"one-sentence update {slow.get('update_edit_s', '–')} s from the page asking to the new build "
              "being the only one saved."]
    return lines


def render_book(book: dict) -> list[str]:
    from bench.book import render_markdown as render_book_markdown

    return render_book_markdown(book)
def render_search(q: dict, methods: dict | None) -> list[str]:
    sets = (("correct", "correctly spelled"), ("typo", "with typos"))

    def cell(name: str, lang: str, which: str, top: int) -> str:
        x = q[name][lang][which]
        return f"{x[f'top{top}_hits']}/{x['queries']} ({x[f'top{top}_rate']:.0%})"

    lines = [
        "## 5. Search",
        "",
        "The query sets of the tests (`tests/search_queries.py`), typed into the real search box: "
        + ", ".join(f"{len(QUERY_SETS[lang][which])} {lang} {label}" for lang in QUERY_SETS for which, label in sets)
        + ". Targets: typos ≥ 90 % in the top 3; correct spellings ≥ 97 % in the top 3 and ≥ 90 % first.",
        "",
        "| | query set | top 1 (th) | top 3 (th) | top 1 (en) | top 3 (en) | top 3 in reader's language (th / en) | median keystroke → results (th / en) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in ("ours", "vanilla"):
        for which, label in sets:
            lines.append(
                f"| {name} | {label} | {cell(name, 'th', which, 1)} | {cell(name, 'th', which, 3)} | "
                f"{cell(name, 'en', which, 1)} | {cell(name, 'en', which, 3)} | "
                f"{q[name]['th'][which]['top3_all_in_reader_language']:.0%} / {q[name]['en'][which]['top3_all_in_reader_language']:.0%} | "
                f"{q[name]['th'][which]['median_keystroke_to_results_ms']} / {q[name]['en'][which]['median_keystroke_to_results_ms']} ms |")
    scale = q.get("scale")
    if scale:
        lines += [
            "",
            "At scale (the synthetic handbooks of section 2; every query of both sets, both languages; "
            "index: every `search_index.json` of the site, all languages):",
            "",
            "| concepts × | ours: median keystroke → results (th / en) | ours: index | vanilla: median (th / en) | vanilla: index |",
            "|---|---|---|---|---|",
            *[f"| {row['scale']}× | {row['ours']['median_ms']['th']} / {row['ours']['median_ms']['en']} ms | "
              f"{kib(row['ours']['index_bytes'])} ({row['ours']['docs']} docs) | "
              f"{row['vanilla']['median_ms']['th']} / {row['vanilla']['median_ms']['en']} ms | "
              f"{kib(row['vanilla']['index_bytes'])} ({row['vanilla']['docs']} docs) |" for row in scale["rows"]],
            "",
            f"Index size against the number of copies: ours {kib(scale['index_fit']['ours']['bytes_per_copy'])} "
            f"per copy, R² = {scale['index_fit']['ours']['r2']}; vanilla "
            f"{kib(scale['index_fit']['vanilla']['bytes_per_copy'])} per copy, R² = {scale['index_fit']['vanilla']['r2']}. "
            "Target: median ≤ 50 ms at 50×, linear growth.",
            "",
            "Inside the worker a query costs a few milliseconds of CPU even at 50× (the table below: "
            "lunr's search about 1–2 ms, Material's highlighting and grouping of the best 100 results "
            "about 2 ms, the handbook's segmentation and typo matching well under 1 ms at the median; "
            "the slowest are Thai phrases of several common words, whose lunr search scores thousands "
            "of sections). The rest of keystroke → results is the page's main thread, where a "
            "Chromium trace of the 50× home page (1.2 MB of HTML, where the search starts) showed "
            "every frame while the reader searches (the query's echo, the results, this harness's "
            "polling) walking and painting the whole page: its concept map and lists of every concept "
            "(12,000 of its 14,500 elements), now drawn only while on screen when search is open (`content-visibility`), "
            "and a `body:has()` rule that made each change re-check the whole page, now gone; "
            "main-thread CPU per query 135–175 → 70–110 ms (vanilla's page: 30–40 ms). Deserialising "
            "the worker's answer is under a millisecond. Vanilla cannot find Thai words inside a "
            "run (each run is one token), so it renders far fewer results. The timings include the "
            "machine's other work (2 shared cores).",
            *render_worker_stages(scale["rows"]),
        ]
    if methods:
        lines += ["", *render_typo_methods(methods)]
    return lines + [""]


def render_worker_stages(rows: list[dict]) -> list[str]:
    from bench.search_worker import render

    return render(rows)


def render_typo_methods(m: dict) -> list[str]:
    lines = [
        "### How Thai typos are matched: the measurement behind the choice",
        "",
        f"Each Thai typo of the test set, against the {m['vocabulary']} Thai words of the Thai index: is "
        "the intended word among the candidates a method returns, and how many candidates does it "
        "return (more is vaguer)? Word level, the query taken whole (no segmentation), so a typo "
        "inside a longer phrase counts as a miss for every method (the worker cuts phrases into "
        "words first: end to end, the table above). `bench/typo_methods.py`; the soundex keys are "
        "PyThaiNLP's.",
        "",
        "| method | intended word found (all typos) | typos of one index word, typed alone | candidates per query |",
        "|---|---|---|---|",
    ]
    for name, row in m["methods"].items():
        lines.append(f"| {name} | {row['found']}/{row['queries']} ({row['found'] / row['queries']:.0%}) | "
                     f"{row['single_words_found']}/{row['single_words']} | {row['candidates']} |")
    held = m.get("held_out")
    if held:
        lines += [
            "",
            f"Held out: {held['typos']} slips made on purpose to the index's words of four letters or "
            "more (one per rule and word, only where the slip makes a non-word):",
            "",
            "| method | intended word found | found as the only candidate | candidates per typo | "
            + " | ".join(next(iter(held["methods"].values()))["by_slip"]) + " |",
            "|---|---|---|---|" + "---|" * len(next(iter(held["methods"].values()))["by_slip"]),
            *[f"| {name} | {row['found']}/{held['typos']} ({row['found'] / held['typos']:.0%}) | "
              f"{row['found_alone']} ({row['found_alone'] / held['typos']:.0%}) | {row['candidates']} | "
              + " | ".join(row["by_slip"].values()) + " |" for name, row in held["methods"].items()],
        ]
    return lines + ["", m["conclusion"]]


def render_lighthouse(lh: dict) -> list[str]:
    head = ["## 7. Lighthouse (mobile preset, gzip)", ""]
    if not lh or "skipped" in lh:
        return head + [f"Not run: {lh.get('skipped', 'no results')}.", ""]
    lines = head + [
        "Lighthouse 12.2.3, mobile preset (simulated slow 4G, mid-range phone), Debian's chromium; "
        "pages served gzip-compressed from this machine. Scores: performance / accessibility / "
        "best practices / SEO; LCP, CLS and TBT from the same run. Timing-based scores vary by a "
        "few points between runs: ours is the run with the median performance of "
        f"{LIGHTHOUSE_RUNS} (all runs' performance in the last column), vanilla one run.",
        "",
        *([lh["note"], ""] if lh.get("note") else []),
        "| page | ours | vanilla | ours: LCP · CLS · TBT | audits failed (ours) | ours: performance of each run |",
        "|---|---|---|---|---|---|",
    ]
    for page, mine in lh.get("ours", {}).items():
        theirs = lh.get("vanilla", {}).get(page, {})

        def scores(x: dict) -> str:
            if "error" in x:
                return "no such page" if "404" in x["error"] else f"error: {x['error']}"
            return " / ".join(str(x.get(c, "–")) for c in ("performance", "accessibility", "best-practices", "seo"))

        timing = (f"{mine.get('lcp_ms', '–')} ms · {mine.get('cls', '–')} · {mine.get('tbt_ms', '–')} ms"
                  if "error" not in mine else "")
        lines.append(f"| {page} | {scores(mine)} | {scores(theirs)} | {timing} | "
                     f"{', '.join(mine.get('failed', [])) or '–'} | "
                     f"{', '.join(str(s) for s in mine.get('performance_runs', [])) or '–'} |")
    return lines + [""]


if __name__ == "__main__":
    sys.exit(main())
