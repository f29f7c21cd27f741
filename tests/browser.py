"""Headless Chromium (Debian's, driven by Playwright) against a site served on loopback."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

#: The last: no host but loopback resolves, so nothing a page asks of another host leaves the
#: machine (block_external records what was asked).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A browser that closes a connection mid-response is not an error of the site.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextlib.contextmanager
def serve(directory: Path, *, handler: type = QuietHandler, port: int = 0):
    """Serve `directory` on 127.0.0.1 (a free port unless one is given); yield the base URL."""
    handler = functools.partial(handler, directory=str(directory))
    server = _Server(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright):
    # Debian's chromium here; CI elsewhere may point CHROMIUM at another Chromium-based browser.
    executable = os.environ.get("CHROMIUM") or shutil.which("chromium")
    assert executable, "Debian's chromium is needed for browser tests (make test installs it)"
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


#: The address the test builds are published at (`HANDBOOK_SITE_URL`, tests/conftest.py): pages name
#: it in absolute hreflang links; served on loopback they must not ask it for anything.
#: HANDBOOK_TEST_SITE_URL: the address a site given as HANDBOOK_SITE was built with (CI).
PUBLISHED_URL = os.environ.get("HANDBOOK_TEST_SITE_URL") or "https://handbook.example.org/"


#: For the contexts of tests that are not about the service worker. On a first visit it saves the
#: whole handbook in the reader's language (113 files, about 2 MiB), about 1.2 s of Chromium's CPU
#: a context, in the background of a test that does not look at it (tests/test_checklists_browser.py:
#: 29-31 CPU seconds with it, 22 without). It is tested where it is the subject: the phone's tests
#: (tests/test_phone_offline.py, tests/test_phone_updates.py), the installed app under the page
#: policy (tests/test_csp_browser.py) and the pass over every page (tests/test_every_page_browser.py).
#: (What a page itself fetches is the same with or without it: tests/test_search_lazy.py.)
NO_SERVICE_WORKER = {"service_workers": "block"}


def block_external(context, allowed_prefixes: tuple[str, ...], requests: list[str]) -> None:
    """Remember every request of the context's pages and service workers that does not start with
    an allowed prefix. None reaches another host (CHROMIUM_ARGS: only loopback resolves).

    A listener, not a route: with a route Chromium's HTTP cache is off and every request passes
    through Playwright, so each page loads its styles, scripts and fonts anew, about 30 % more of
    Chromium's CPU a page (measured over the 58 pages of the site); and a phone's browser caches.
    """

    def seen(request):
        url = request.url
        if not (url.startswith(allowed_prefixes) or url.startswith(("data:", "blob:", "about:"))):
            requests.append(url)

    context.on("request", seen)


#: An init script that records what the page policy (CSP) refuses in the page, from before any of
#: the page's own scripts runs (`context.add_init_script`); read with `policy_violations`.
POLICY_LISTENER = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`);
}, true);
"""


def policy_violations(page) -> list[str]:
    """What the page policy refused in `page` since it loaded (POLICY_LISTENER)."""
    return page.evaluate("window.__violations || []")


def network_settler(page, quiet_ms: int = 200, timeout_ms: int = 30_000):
    """A `settle()` for `page`: it returns once none of the page's requests is open and none has
    started or ended for `quiet_ms`. Playwright's "networkidle" is the same condition with a fixed
    500 ms of quiet; a page here opens its last request (the search worker's scripts, each asked
    for as the one before has loaded) within milliseconds of the one before, so a whole-site pass
    waits less per page. Attach it before the first `goto`."""
    import time

    open_requests: set = set()
    last = [time.monotonic()]

    def opened(request):
        open_requests.add(request)
        last[0] = time.monotonic()

    def closed(request):
        open_requests.discard(request)
        last[0] = time.monotonic()

    page.on("request", opened)
    page.on("requestfinished", closed)
    page.on("requestfailed", closed)

    def settle() -> None:
        deadline = time.monotonic() + timeout_ms / 1000
        while open_requests or time.monotonic() - last[0] < quiet_ms / 1000:
            assert time.monotonic() < deadline, f"requests still open: {sorted(r.url for r in open_requests)}"
            page.wait_for_timeout(25)

    return settle
