"""`BENCH_ONLY=update make bench`: what a phone downloads to save the handbook and to update it,
with this worker and with the previous one (handbook/static/sw.js of git main).

Builds a copy of the project three times (HANDBOOK_BOOK=off): as it is, with one sentence of one
Thai page edited, and with that edit and one page more (a copy of a guide). Each phone saves the
Thai handbook from the first build, then the next build is published over it and the worker
updates; the server counts the requests and bytes it sends. The first save is timed again on a
slow-4G profile (CDP Network.emulateNetworkConditions, Lighthouse's mobile throttling) set on the
page: Chromium applies it to the page's requests, not to those of its service worker.
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
    changed_bytes,
    precache,
    publish,
    serve_counting,
    wait_saved,
)

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "HANDBOOK_BOOK": "off"}
EDIT = ("docs/th/elements/common-vision.md", "และความขัดแย้งเล็ก ๆ ก็ลดลง", "และความขัดแย้งเล็ก ๆ ก็ลดลงมาก")
#: Lighthouse's mobile "slow 4G" as DevTools applies it: 150 ms RTT × 3.75, 1.6 Mbps × 0.9 down.
SLOW_4G = {"offline": False, "latency": 562.5, "downloadThroughput": 1.6e6 * 0.9 / 8,
           "uploadThroughput": 750e3 * 0.9 / 8}
UPDATE = "navigator.serviceWorker.getRegistration().then(r => { r.update().catch(() => {}) })"


def _build(project: Path, site: Path) -> Path:
    env = {k: v for k, v in ENV.items() if k != "HANDBOOK_SITE_URL"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-2000:]}")
    return site


def _with_worker(site: Path, source: str, out: Path) -> Path:
    """`site` with its sw.js written from another worker source (same precache list)."""
    shutil.copytree(site, out)
    head = (site / "sw.js").read_text(encoding="utf-8").split("\n", 1)[0]
    (out / "sw.js").write_text(head + "\n" + source, encoding="utf-8")
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


def measure_updates(chromium, first: Path, nexts: dict[str, Path], work: Path) -> dict:
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
            page.evaluate(UPDATE)
            _quiet(traffic, mark)
            out[key] = _sum(traffic.since(mark))
            context.close()
    return out


def time_slow_save(chromium, site: Path) -> float:
    with serve_counting(site) as (base, traffic):
        context = chromium.new_context(**PHONE)
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", SLOW_4G)
        started = time.monotonic()
        page.goto(base, timeout=120_000)
        wait_saved(page, timeout=300_000)
        took = time.monotonic() - started
        context.close()
    return round(took, 1)


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
    previous = subprocess.run(["git", "show", "main:handbook/static/sw.js"], cwd=ROOT, capture_output=True,
                              text=True, check=True).stdout
    builds = {"edit": edited} | ({"page_added": added} if added else {})
    results: dict = {"changed": {k: dict(zip(("bytes", "files"), changed_bytes(first, b, "th"), strict=True))
                                 for k, b in builds.items()},
                     "worker_bytes": (edited / "sw.js").stat().st_size}
    with sync_playwright() as playwright:
        chromium = launch(playwright)
        results["ours"] = measure_updates(chromium, first, builds, work)
        old = {k: _with_worker(b, previous, work / f"old-{k}") for k, b in builds.items()}
        results["previous"] = measure_updates(chromium, _with_worker(first, previous, work / "old-a"), old, work)
        results["slow_4g_first_save_s"] = time_slow_save(chromium, first)
        chromium.close()
    results["files_th"] = len(precache(first)["languages"]["th"]["files"])
    return results


if __name__ == "__main__":
    print(json.dumps(main(), indent=2))
