"""A clean run prints nothing a newcomer takes for an error."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

from handbook.check import format_report
from handbook.findings import Finding
from tests.fixtures import ROOT


def test_make_check_prints_no_blank_lines_between_files():
    report = format_report([Finding("b.md", 2, "two", "warning"), Finding("a.md", 1, "one", "warning")])
    assert report == "a.md:1: warning: one\nb.md:2: warning: two\n0 error(s), 2 warning(s) in 2 file(s)"


def test_the_offline_copys_language_link_note_is_dropped_and_nothing_else():
    import importlib.util

    spec = importlib.util.spec_from_file_location("quiet_logs", ROOT / "hooks" / "quiet_logs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.on_config({})
    logger = logging.getLogger(module.I18N_LOGGER)
    noise = logger.makeRecord(logger.name, logging.INFO, __file__, 1, "The 'extra.alternate' configuration "
                              "contains a 'link' option that should be an absolute path '/' and …", (), None)
    other = logger.makeRecord(logger.name, logging.WARNING, __file__, 1, "something else", (), None)
    assert not logger.filter(noise) and logger.filter(other)


def test_an_editable_install_gives_no_warning_about_folders_named_like_the_package(tmp_path):
    for name in ("pyproject.toml", "LICENSE", "LICENSE-CC-BY-4.0.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "handbook", tmp_path / "handbook", ignore=shutil.ignore_patterns("__pycache__"))
    result = subprocess.run(
        [sys.executable, "-c", "from setuptools import build_meta; build_meta.build_editable('out')"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "Please be careful with folders" not in result.stdout + result.stderr
