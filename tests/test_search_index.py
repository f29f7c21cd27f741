"""The per-language search index as data (handbook.search.split_index), without a build."""

from __future__ import annotations

from handbook.search import GUIDE_BOOST, split_index


def test_guides_rank_below_concept_pages_that_say_the_same_words():
    merged = {"config": {}, "docs": [
        {"location": "practice/maintenance/", "title": "Maintaining a network", "text": "new leaders"},
        {"location": "guides/facilitator-guide/#when", "title": "When leaders dominate", "text": ""},
        {"location": "en/guides/facilitator-guide/", "title": "Facilitator's guide", "text": ""},
    ]}
    indexes = split_index(merged, ("th", "en"), lowered=("guides/",))
    boosts = {doc["location"]: doc.get("boost") for docs in indexes.values() for doc in docs["docs"]}
    assert boosts == {"practice/maintenance/": None, "guides/facilitator-guide/#when": GUIDE_BOOST,
                      "guides/facilitator-guide/": GUIDE_BOOST}
    assert 0 < GUIDE_BOOST < 1
