"""A reader's phone across builds: a site served on loopback that counts what it sends, a new
build published over it, and waiting for the service worker to save or update.

Shared by tests/test_phone_updates.py and `make bench` (bench/updates.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from handbook.pwa import precache_list, write_offline_files
from tests.browser import QuietHandler, serve

PHONE = {"viewport": {"width": 375, "height": 812}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2}
SAVE_TIMEOUT = 90_000  # ms; only a broken worker (or a throttled network) takes this long


@dataclass
class Traffic:
    """What the server sent: one (path, status, body bytes) per request."""

    sent: list[tuple[str, int, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def mark(self) -> int:
        with self.lock:
            return len(self.sent)

    def since(self, mark: int) -> list[tuple[str, int, int]]:
        with self.lock:
            return list(self.sent[mark:])


@dataclass
class SlowLink:
    """A phone's network as the server sees it: every response waits `latency` seconds, and all
    responses share `bytes_per_second` (a phone has one link, however many requests)."""

    latency: float
    bytes_per_second: float
    lock: threading.Lock = field(default_factory=threading.Lock)
    free_at: float = 0.0

    def send(self, size: int) -> None:
        """Wait until `size` more bytes have gone through the link."""
        with self.lock:
            start = max(time.monotonic(), self.free_at)
            self.free_at = start + size / self.bytes_per_second
            until = self.free_at
        time.sleep(max(0.0, until - time.monotonic()))


#: Lighthouse's mobile "slow 4G" as DevTools applies it: 150 ms RTT × 3.75, 1.6 Mbps × 0.9 down.
def slow_4g() -> SlowLink:
    return SlowLink(latency=0.5625, bytes_per_second=1.6e6 * 0.9 / 8)


def counting_handler(traffic: Traffic, link: SlowLink | None = None) -> type:
    class CountingHandler(QuietHandler):
        def send_head(self):
            if link is not None:
                time.sleep(link.latency)
            return super().send_head()

        def copyfile(self, source, outputfile):
            sent = 0
            while chunk := source.read(16 * 1024):
                if link is not None:
                    link.send(len(chunk))
                outputfile.write(chunk)
                sent += len(chunk)
            with traffic.lock:
                traffic.sent.append((self.path, 200, sent))

        def log_request(self, code="-", size="-"):
            if str(code) != "200":
                with traffic.lock:
                    traffic.sent.append((self.path, int(code) if str(code).isdigit() else 0, 0))

    return CountingHandler


@contextlib.contextmanager
def serve_counting(directory: Path, link: SlowLink | None = None):
    """Serve `directory` (through `link` if given); yield (base URL, Traffic)."""
    traffic = Traffic()
    with serve(directory, handler=counting_handler(traffic, link)) as base:
        yield base, traffic


#: Asks the site's worker to look for a new build now (as it does when a page asks for the status)
UPDATE = "navigator.serviceWorker.getRegistration().then(r => r.active.postMessage({type: 'check'}))"


def precache(site: Path) -> dict:
    """The worker's list of files of a built site (`offline.json`)."""
    return json.loads((site / "offline.json").read_text(encoding="utf-8"))


def changed_bytes(old: Path, new: Path, lang: str) -> tuple[int, int]:
    """(bytes, files) of `lang`'s precache list of `new` whose content is not in `old`'s."""
    before = {h for _, h, _ in precache(old)["languages"][lang]["files"]}
    changed = [size for _, h, size in precache(new)["languages"][lang]["files"] if h not in before]
    return sum(changed), len(changed)


def publish(build: Path, served: Path) -> None:
    """Put `build` where `served` is served, as a host would: changed and new files, then the
    files of the old build that are gone, the worker's list last. Every file written gets a newer
    modification time than any before (HTTP revalidation is by the second)."""
    stamp = time.time() + 2
    for path in sorted(build.rglob("*")):
        if not path.is_file() or path.name == "offline.json" and path.parent == build:
            continue
        target = served / path.relative_to(build)
        if target.is_file() and target.read_bytes() == path.read_bytes():
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
        os.utime(target, (stamp, stamp))
    for path in sorted(served.rglob("*"), reverse=True):
        if path.is_file() and not (build / path.relative_to(served)).exists():
            path.unlink()
    shutil.copyfile(build / "offline.json", served / "offline.json")
    os.utime(served / "offline.json", (stamp, stamp))


def new_build_in_place(site: Path, mark: str, *, later: float = 0) -> dict:
    """A new build written over `site`: the home page's and the elements page's h1 end with
    `mark`, and the worker's list is written again; every file it changes is newer by the second
    (+ `later`) than before, as HTTP revalidation counts. The new list."""
    stamp = time.time() + 2 + later
    for path in ("index.html", "elements/index.html"):
        html = (site / path).read_text(encoding="utf-8")
        (site / path).write_text(html.replace("</h1>", f" {mark}</h1>", 1), encoding="utf-8")
        os.utime(site / path, (stamp, stamp))
    data = precache_list(site, ("th", "en"), "th", ("th", "en"))
    write_offline_files(site, data)
    os.utime(site / "offline.json", (stamp, stamp))
    return data


def wait_saved(page, timeout: int = SAVE_TIMEOUT) -> None:
    """Until the footer says the page's language is saved."""
    page.wait_for_function(
        """() => { const box = document.querySelector('.hb-offline')
                   return box && box.querySelector('.hb-offline__status').textContent.startsWith(box.dataset.ready) }""",
        timeout=timeout)


def wait_caches(page, names: list[str], timeout: int = SAVE_TIMEOUT) -> None:
    """Until the origin's caches are exactly `names` (polled: a predicate that returns a promise
    would count as true at once)."""
    deadline = time.monotonic() + timeout / 1000
    while sorted(page.evaluate("caches.keys()")) != sorted(names):
        if time.monotonic() > deadline:
            state = page.evaluate("""navigator.serviceWorker.getRegistration().then(r => ({
                installing: r.installing && r.installing.state, waiting: r.waiting && r.waiting.state,
                active: r.active && r.active.state, controlled: !!navigator.serviceWorker.controller,
                status: document.querySelector('.hb-offline__status').textContent,
                caches: null })).then(s => caches.keys().then(k => ({ ...s, caches: k })))""")
            raise AssertionError(f"caches are not {names} after {timeout} ms: {state}")
        page.wait_for_timeout(200)
