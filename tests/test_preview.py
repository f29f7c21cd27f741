"""`make serve` follows every edit (a page, a label, the CSS) and shows a broken build in the
browser, then recovers by itself. One real `mkdocs serve` on a copy of the project."""

from __future__ import annotations

import socket

import pytest

from tests.fixtures import copy_project
from tests.serve_harness import edit, fetch, seconds_until, serving

pytestmark = pytest.mark.build


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_the_preview_follows_labels_css_and_shows_errors(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs/en/elements/common-vision.md"
    with serving(project, free_port()) as base:
        url = base + "en/elements/common-vision/"
        css = base + "assets/stylesheets/handbook.css"
        assert "Introduction (added by the editors)" in fetch(url)
        # A label (labels/en.yml): not watched by MkDocs itself.
        edit(project / "labels/en.yml", "\nlead.label: ", "\nlead.label: Preview-label-edit ")
        seconds_until(url, lambda text: "Preview-label-edit" in text)
        # The CSS (overrides/).
        with (project / "overrides/assets/stylesheets/handbook.css").open("a", encoding="utf-8") as f:
            f.write("\n/* preview-css-edit */\n")
        seconds_until(css, lambda text: "preview-css-edit" in text)
        # A YAML mistake: every page shows the error with its line, livereload still connected.
        edit(page, "\nsummary: ", "\nsummary: Goal: ")
        seconds_until(url, lambda text: "could not be built" in text)
        error = fetch(url)
        assert "docs/en/elements/common-vision.md:6: error: not valid YAML: the text contains" in error
        assert "livereload" in error  # MkDocs' script: the page reloads itself once fixed
        # Fixed: the page comes back by itself.
        edit(page, "\nsummary: Goal: ", "\nsummary: ")
        seconds_until(url, lambda text: "could not be built" not in text and "Preview-label-edit" in text)
