"""mkdocs.yml's languages: the build takes them from MkDocs' own config (mkdocs-static-i18n's
validated entries); the commands that run without MkDocs (`make check`, the book, the sync) read
mkdocs.yml by hand, 30 times faster. The two readings must agree: the same languages, names and
fallback chains, for this handbook and for configurations a translator writes.

Pure: MkDocs' `load_config` in this process, no build.
"""

from __future__ import annotations

import pytest
from mkdocs.config import load_config

from handbook import buildstate
from handbook.model.siteconfig import declared_languages, fallbacks_of, languages_of
from tests.conftest import ROOT

I18N = """\
site_name: t
theme:
  name: material
  language: {theme}
plugins:
  - i18n:
      docs_structure: folder
      languages:
{entries}
"""

CASES = {
    "this handbook": None,
    "two, the default second": """\
        - locale: en
          name: English
        - locale: th
          name: ไทย
          default: true""",
    "a language not built, a fallback chain": """\
        - locale: th
          name: ไทย
          default: true
        - locale: en
          name: English
          build: false
        - locale: lo
          name: ລາວ
          extra:
            fallback: [th]""",
    "a link to another site (locale null)": """\
        - locale: th
          name: ไทย
          default: true
        - locale: "null"
          name: Other
          fixed_link: https://x.example/""",
}


def _both(config_file):
    findings: list = []
    by_hand = declared_languages(config_file, findings)
    config = load_config(str(config_file))
    from_mkdocs = buildstate.site_languages(config)
    hand_langs = languages_of(by_hand, findings)
    mkdocs_langs = languages_of(from_mkdocs, findings)
    return (hand_langs, fallbacks_of(by_hand, hand_langs[0], findings)), \
        (mkdocs_langs, fallbacks_of(from_mkdocs, mkdocs_langs[0], findings)), findings


@pytest.mark.parametrize("case", CASES)
def test_hand_reading_equals_mkdocs_reading(case, tmp_path):
    if CASES[case] is None:
        config_file = ROOT / "mkdocs.yml"
    else:
        (tmp_path / "docs").mkdir()
        config_file = tmp_path / "mkdocs.yml"
        config_file.write_text(I18N.format(theme="th", entries=CASES[case]), encoding="utf-8")
    by_hand, from_mkdocs, findings = _both(config_file)
    assert by_hand == from_mkdocs
    assert findings == []
    if case == "this handbook":
        assert by_hand[0][0] == ("th", "en")


def test_one_language_without_i18n_is_the_themes(tmp_path):
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: t\ntheme:\n  name: material\n  language: lo\n", encoding="utf-8")
    by_hand, from_mkdocs, _ = _both(config_file)
    assert by_hand == from_mkdocs == ((("lo",), {"lo": "lo"}), {})


def test_a_build_does_not_read_mkdocs_yml_by_hand(monkeypatch):
    """The build's gate and its handbook take the languages from MkDocs' config."""
    import handbook.project
    from handbook.check import check_handbook

    def refuse(*args, **kwargs):
        raise AssertionError("mkdocs.yml read by hand during a build")

    config = load_config(str(ROOT / "mkdocs.yml"))
    build = buildstate.start(config)
    try:
        monkeypatch.setattr(handbook.project, "declared_languages", refuse)
        findings, loaded = check_handbook(build.docs_dir, warnings=False, site=build.languages)
        assert loaded is not None and loaded.project.languages == ("th", "en")
        assert build.content().project.languages == ("th", "en")
        with pytest.raises(AssertionError, match="by hand"):
            check_handbook(build.docs_dir, warnings=False)
    finally:
        buildstate.end(config)
