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

from playwright.sync_api import Error as PlaywrightError

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


#: The published address (`site_url` in mkdocs.yml). Pages name it in absolute hreflang links, and
#: Material fetches a sitemap next to each: on the published site that is the page's own origin.
PUBLISHED_URL = "https://handbook.invalid/"


def block_external(context, allowed_prefixes: tuple[str, ...], requests: list[str]) -> None:
    """Abort every request that does not start with an allowed prefix; remember it.

    Requests to the published address are answered from the first allowed prefix (the local copy
    of the site), as the published site would answer them from the page's own origin.
    """

    def route(route):
        url = route.request.url
        if url.startswith(allowed_prefixes) or url.startswith(("data:", "blob:", "about:")):
            route.continue_()
        elif url.startswith(PUBLISHED_URL) and allowed_prefixes[0].startswith("http"):
            try:
                route.fulfill(response=route.fetch(url=allowed_prefixes[0] + url[len(PUBLISHED_URL):]))
            except PlaywrightError:
                pass  # the page or context closed while the request was under way
        else:
            requests.append(url)
            route.abort()

    context.route("**/*", route)
