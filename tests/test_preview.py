"""`make serve` follows every edit (a page, a label, the CSS) and shows a broken build in the
browser, then recovers by itself. One real `mkdocs serve` on a copy of the project, watched by
headless Chromium that never reloads the page itself (MkDocs' livereload does)."""

from __future__ import annotations

import socket

import pytest

from tests.fixtures import copy_project
from tests.serve_harness import edit, fetch, seconds_until, serving

pytestmark = [pytest.mark.build, pytest.mark.browser]

#: Seconds the browser may take to show an edit (a rebuild of both languages, then a reload).
SHOWN_WITHIN_MS = 180_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_preview_follows_labels_css_and_shows_errors(tmp_path, chromium):
    project = copy_project(tmp_path / "project")
    page_file = project / "docs/en/elements/common-vision.md"
    with serving(project, free_port()) as base:
        url = base + "en/elements/common-vision/"
        assert "Introduction (added by the editors)" in fetch(url)
        tab = chromium.new_page()
        tab.goto(url)
        # A label (labels/en.yml): not watched by MkDocs itself. (The page may be between two
        # documents when the check runs, livereload reloading it: no body yet.)
        edit(project / "labels/en.yml", "\nlead.label: ", "\nlead.label: Preview-label-edit ")
        tab.wait_for_function("() => !!document.body && document.body.innerText.includes('Preview-label-edit')",
                              timeout=SHOWN_WITHIN_MS)
        # The CSS (overrides/).
        with (project / "overrides/assets/stylesheets/handbook.css").open("a", encoding="utf-8") as f:
            f.write("\n:root { --hb-preview-edit: 7; }\n")
        tab.wait_for_function("""() => getComputedStyle(document.documentElement)
                                 .getPropertyValue('--hb-preview-edit').trim() === '7'""",
                              timeout=SHOWN_WITHIN_MS)
        # A YAML mistake: the open page turns into the error page, with the line and the fix.
        edit(page_file, "\nsummary: ", "\nsummary: Goal: ")
        tab.wait_for_selector("pre.hb-build-error", timeout=SHOWN_WITHIN_MS)
        assert ("docs/en/elements/common-vision.md:6: error: not valid YAML: the text contains"
                in tab.inner_text("pre.hb-build-error"))
        assert "livereload" in fetch(url)  # MkDocs' script is in the error page too
        # Fixed: the page comes back by itself.
        edit(page_file, "\nsummary: Goal: ", "\nsummary: ")
        tab.wait_for_function("() => !!document.body && document.body.innerText.includes('Preview-label-edit')",
                              timeout=SHOWN_WITHIN_MS)
        assert not tab.query_selector("pre.hb-build-error")
        tab.close()
        assert seconds_until(url, lambda text: "could not be built" not in text) < 1
