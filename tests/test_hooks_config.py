"""Hooks driven by a real `MkDocsConfig` (MkDocs' own loading of mkdocs.yml), in this process.

MkDocs loads each hook file as a module of its own (`config.hooks`); these tests call their event
handlers the way a build does, with the real configuration and real `File`/`Page` objects, but no
build: a hook's contract is checked in milliseconds, and the same tests run under ProperDocs.
"""

from __future__ import annotations

import shutil

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, get_files
from mkdocs.structure.pages import Page

from tests.conftest import ROOT
from tests.fixtures import copy_project, replace_in


def real_config(project=ROOT):
    return load_config(config_file=str(project / "mkdocs.yml"))


def test_mkdocs_loads_every_hook_file():
    config = real_config()
    names = list(config.hooks)
    assert sorted(names) == sorted(f"hooks/{p.name}" for p in (ROOT / "hooks").glob("*.py")
                                   if p.name != "__init__.py")


def test_the_gate_passes_the_real_sources():
    config = real_config()
    gate = config.hooks["hooks/gate.py"]
    assert gate.on_files(get_files(config), config=config) is None


def test_the_gate_stops_a_broken_page_with_its_line(tmp_path):
    project = copy_project(tmp_path / "handbook")
    replace_in(project / "docs/th/elements/common-vision.md", "kind: element", "kind: elemnt")
    config = real_config(project)
    gate = config.hooks["hooks/gate.py"]
    with pytest.raises(PluginError) as raised:
        gate.on_files(get_files(config), config=config)
    lines = [line for line in str(raised.value).splitlines() if "docs/th/elements/common-vision.md:" in line]
    assert lines and all(": error: " in line for line in lines), str(raised.value)
    shutil.rmtree(project)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p><img src="x.png" onerror="alert(1)"></p>', "onerror"),
        ('<p><a href="javascript:alert(1)">x</a></p>', "javascript:"),
    ],
)
def test_the_gate_refuses_unsafe_html_of_a_real_page(html, expected):
    config = real_config()
    gate = config.hooks["hooks/gate.py"]
    file = File("th/elements/common-vision.md", config.docs_dir, config.site_dir, config.use_directory_urls)
    page = Page(None, file, config)
    with pytest.raises(PluginError) as raised:
        gate.on_page_content(html, page=page, config=config, files=None)
    assert "common-vision.md" in str(raised.value) and expected in str(raised.value)


def test_the_gate_lets_clean_html_of_a_real_page_through():
    config = real_config()
    gate = config.hooks["hooks/gate.py"]
    file = File("th/elements/common-vision.md", config.docs_dir, config.site_dir, config.use_directory_urls)
    page = Page(None, file, config)
    html = '<p>สมาชิก <a href="../interaction/">ปฏิสัมพันธ์</a></p>'
    assert gate.on_page_content(html, page=page, config=config, files=None) == html


def test_a_page_that_hangs_is_stopped_by_the_page_time_limit():
    import time

    gate = real_config().hooks["hooks/gate.py"]
    started = time.perf_counter()
    with pytest.raises(PluginError) as raised:
        gate._start_page_timer("th/elements/common-vision.md", 0.2)
        while time.perf_counter() - started < 5:  # a page that never finishes
            pass
    gate._stop_page_timer()
    assert time.perf_counter() - started < 2
    assert str(raised.value).startswith("docs/th/elements/common-vision.md: error: the page took more than")


def test_the_themes_static_files_are_the_same_without_walking_hidden_folders():
    """hooks/template_cache.py: MkDocs finds the same static files of the theme (Material's and
    overrides/) through the loader that does not walk hidden folders, and that loader does not
    list Material's 14,000 icons (they are read by name, as before)."""
    from mkdocs.structure.files import Files

    config = real_config()
    plain_env = config.theme.get_env()
    config.hooks["hooks/template_cache.py"].on_config(config)
    env = config.theme.get_env()
    assert type(env.loader).__name__ == "ThemeLoader" and type(plain_env.loader).__name__ == "FileSystemLoader"
    listed = {}
    for name, environment in (("plain", plain_env), ("quick", env)):
        files = Files([])
        files.add_files_from_theme(environment, config)
        listed[name] = sorted((f.src_uri, f.abs_src_path) for f in files)
    assert listed["quick"] == listed["plain"] and len(listed["quick"]) > 50
    hidden = [name for name in plain_env.list_templates() if name.startswith(".icons/")]
    assert len(hidden) > 10_000 and not any(n.startswith(".icons/") for n in env.list_templates())
    assert env.get_template(".icons/material/magnify.svg").render().startswith("<svg")
    # Made again for each language: wrapped once.
    config.hooks["hooks/template_cache.py"].on_config(config)
    assert type(config.theme.get_env().loader).__name__ == "ThemeLoader"
