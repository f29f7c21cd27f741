"""Interface words exist in every language (a missing key would break one language's build)."""

from __future__ import annotations

from handbook.labels import LABELS
from handbook.schema import LANGUAGES


def test_every_label_exists_in_every_language():
    keys = {lang: set(LABELS[lang]) for lang in LANGUAGES}
    for lang in LANGUAGES:
        assert keys[lang] == keys["th"], sorted(keys[lang] ^ keys["th"])


def test_placeholders_match_between_languages():
    import re

    # A Thai page names only the English term; an English page names both (the original first).
    different_on_purpose = {"term.line"}
    for key, text in LABELS["th"].items():
        if key in different_on_purpose:
            continue
        assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", LABELS["en"][key])), key
