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

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


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


def block_external(context, allowed_prefixes: tuple[str, ...], requests: list[str]) -> None:
    """Abort every request that does not start with an allowed prefix; remember it."""

    def route(route):
        url = route.request.url
        if url.startswith(allowed_prefixes) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        else:
            requests.append(url)
            route.abort()

    context.route("**/*", route)
