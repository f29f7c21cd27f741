"""`BENCH_ONLY=update make bench`: what a phone downloads to save the handbook and to update it,
and how long that takes on a slow link, beside the worker the handbook had before updates reused
the saved copy (PREVIOUS_WORKER: handbook/static/sw.js of that commit, which saved every file again).

Builds a copy of the project three times (HANDBOOK_BOOK=off): as it is, with one sentence of one
Thai page edited, and with that edit and one page more (a copy of a guide). Each phone saves the
Thai handbook from the first build, then the next build is published over it and the worker
updates; the server counts the requests and bytes it sends. The first save and the one-sentence
update are timed again through a slow-4G link made by the server (tests/updates_harness.py
`slow_4g`: Lighthouse's mobile throttling, 562.5 ms a response, 1.44 Mbps shared by all
requests): throttling in the browser (CDP Network.emulateNetworkConditions) applies to the page's
requests, not to those of its service worker, which does the saving.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import launch  # noqa: E402
from tests.fixtures import copy_project  # noqa: E402
from tests.updates_harness import (  # noqa: E402
    PHONE,
    UPDATE,
    changed_bytes,
    precache,
    publish,
    serve_counting,
    slow_4g,
    wait_caches,
    wait_saved,
)

#: The last commit whose worker downloaded the whole handbook again on every update.
PREVIOUS_WORKER = "ca6d0e1"
#: That worker updates when sw.js changes (its list was in it): the browser's own update check.
PREVIOUS_UPDATE = "navigator.serviceWorker.getRegistration().then(r => { r.update().catch(() => {}) })"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_BOOK": "off"}
EDIT = ("docs/th/elements/common-vision.md", "และความขัดแย้งเล็ก ๆ ก็ลดลง", "และความขัดแย้งเล็ก ๆ ก็ลดลงมาก")


def _build(project: Path, site: Path) -> Path:
    env = {k: v for k, v in ENV.items() if k != "HANDBOOK_SITE_URL"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-2000:]}")
    return site


def _with_worker(site: Path, source: str, out: Path) -> Path:
    """`site` served with the previous worker: its list written into sw.js, as that worker read it."""
    shutil.copytree(site, out)
    listing = (site / "offline.json").read_text(encoding="utf-8")
    (out / "sw.js").write_text(f"self.HANDBOOK = {listing}\n{source}", encoding="utf-8")
    return out


def _quiet(traffic, mark: int, seconds: float = 4.0, limit: float = 120.0) -> None:
    """Until the server has sent nothing for `seconds`."""
    started = time.monotonic()
    count, since = len(traffic.since(mark)), time.monotonic()
    while time.monotonic() - started < limit:
        time.sleep(0.5)
        now = len(traffic.since(mark))
        if now != count:
            count, since = now, time.monotonic()
        elif time.monotonic() - since >= seconds:
            return


def _sum(sent) -> dict:
    return {"requests": len(sent), "not_modified": sum(1 for _, code, _ in sent if code == 304),
            "bytes": sum(size for _, _, size in sent)}


def measure_updates(chromium, first: Path, nexts: dict[str, Path], work: Path, update: str = UPDATE) -> dict:
    """First save and each update (bytes, requests) of one phone per next build."""
    out: dict = {}
    for key, build in nexts.items():
        served = work / f"served-{key}"
        shutil.rmtree(served, ignore_errors=True)
        shutil.copytree(first, served)
        with serve_counting(served) as (base, traffic):
            context = chromium.new_context(**PHONE)
            page = context.new_page()
            mark = traffic.mark()
            page.goto(base)
            wait_saved(page)
            _quiet(traffic, mark, 2.0)
            out.setdefault("first_save", _sum(traffic.since(mark)))
            mark = traffic.mark()
            publish(build, served)
            if update == PREVIOUS_UPDATE:  # that worker's list is in sw.js: the host writes it last
                shutil.copyfile(build / "sw.js", served / "sw.js")
                stamp = time.time() + 3
                os.utime(served / "sw.js", (stamp, stamp))
            page.evaluate(update)
            _quiet(traffic, mark)
            out[key] = _sum(traffic.since(mark))
            context.close()
    return out


def time_slow_link(chromium, first: Path, edited: Path, work: Path) -> dict:
    """Seconds, through a slow-4G link: opening the home page until the footer says 'saved';
    publishing the one-sentence edit until the new build's cache is the only one."""
    served = work / "served-slow"
    shutil.rmtree(served, ignore_errors=True)
    shutil.copytree(first, served)
    with serve_counting(served, slow_4g()) as (base, traffic):
        context = chromium.new_context(**PHONE)
        page = context.new_page()
        started = time.monotonic()
        page.goto(base, timeout=120_000)
        wait_saved(page, timeout=600_000)
        save = time.monotonic() - started
        publish(edited, served)
        started = time.monotonic()
        page.evaluate(UPDATE)
        wait_caches(page, [f"handbook-th-{precache(edited)['version']}", "handbook-meta"], timeout=600_000)
        update = time.monotonic() - started
        context.close()
    return {"first_save_s": round(save, 1), "update_edit_s": round(update, 1)}


def main() -> dict:
    from playwright.sync_api import sync_playwright

    work = Path(os.environ.get("BENCH_WORK") or "/tmp/bench-updates")
    shutil.rmtree(work, ignore_errors=True)
    project = copy_project(work / "project", symlinks=True)
    first = _build(project, work / "a")
    page = project / EDIT[0]
    page.write_text(page.read_text(encoding="utf-8").replace(EDIT[1], EDIT[2], 1), encoding="utf-8")
    edited = _build(project, work / "b")
    guide = project / "docs" / "th" / "guides" / "facilitator-guide.md"
    extra = guide.with_name("facilitator-guide-copy.md")
    extra.write_text(guide.read_text(encoding="utf-8").replace("id: facilitator-guide\n", "id: facilitator-guide-copy\n", 1)
                     .replace("order: 1\n", "order: 9\n", 1), encoding="utf-8")
    try:
        added = _build(project, work / "c")
    except SystemExit as err:  # a page the generator refuses (guides are listed in handbook.yml)
        print(f"one page added: not measured ({str(err)[:200]})", file=sys.stderr)
        added = None
    builds = {"edit": edited} | ({"page_added": added} if added else {})
    results: dict = {"changed": {k: dict(zip(("bytes", "files"), changed_bytes(first, b, "th"), strict=True))
                                 for k, b in builds.items()},
                     "worker_bytes": (edited / "sw.js").stat().st_size,
                     "list_bytes": (edited / "offline.json").stat().st_size, "previous_commit": PREVIOUS_WORKER}
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        results["ours"] = measure_updates(chromium, first, builds, work)
        previous = subprocess.run(["git", "show", f"{PREVIOUS_WORKER}:handbook/static/sw.js"], cwd=ROOT,
                                  capture_output=True, text=True, check=True).stdout
        old = {k: _with_worker(b, previous, work / f"old-{k}") for k, b in builds.items()}
        results["previous"] = measure_updates(chromium, _with_worker(first, previous, work / "old-a"), old, work,
                                              PREVIOUS_UPDATE)
        results["slow_4g"] = time_slow_link(chromium, first, edited, work)
        chromium.close()
    results["files_th"] = len(precache(first)["languages"]["th"]["files"])
    return results


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
