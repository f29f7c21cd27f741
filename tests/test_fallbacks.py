"""Fallback chains per language (mkdocs.yml): read, checked, and followed by the labels."""

from __future__ import annotations

from handbook.labels import Labels
from handbook.model.siteconfig import declared_languages, fallbacks_of

CONFIG = """\
plugins:
  - i18n:
      languages:
        - locale: th
          default: true
        - locale: en
        - locale: lo
          extra:
            fallback: [th, en]
        - locale: km
          extra:
            fallback: {km}
"""


def test_chains_are_read_and_unknown_languages_named_at_their_line(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text(CONFIG.format(km="[en]"), encoding="utf-8")
    findings = []
    assert fallbacks_of(declared_languages(config, findings), ("th", "en", "lo", "km"), findings) == {
        "lo": ("th", "en"), "km": ("en",)}
    assert findings == []
    config.write_text(CONFIG.format(km="[fr]"), encoding="utf-8")
    fallbacks_of(declared_languages(config, findings), ("th", "en", "lo", "km"), findings)
    assert [str(f) for f in findings] == [
        "mkdocs.yml:12: error: i18n: language 'km': fallback 'fr' is not a language of this "
        "handbook (th, en, lo, km)"]


def test_labels_follow_the_chain_and_say_whose_words_they_are():
    labels = Labels({"th": {"a": "ก", "b": "ข", "c": "ค"}, "en": {"a": "A", "b": "B"}, "lo": {"a": "ກ"}},
                    "th", chains={"lo": ("lo", "en", "th"), "km": ("km", "en", "th")})
    assert [labels.get("lo", k) for k in "abc"] == ["ກ", "B", "ค"]
    assert [labels.lang_of("lo", k) for k in "abc"] == ["lo", "en", "th"]
    assert [labels.get("km", k) for k in "abc"] == ["A", "B", "ค"]
    # Without a chain: the original's words, as before.
    assert labels.get("fr", "a") == "ก" and labels.lang_of("fr", "a") == "th"
