"""`site/concepts.json`: the machine-readable list of concepts and checklists with their URLs."""

from __future__ import annotations

from handbook.loader import Handbook


def build_manifest(
    handbook: Handbook, checklists: list[dict] | None = None, *, directory_urls: bool = True
) -> dict:
    concepts = []
    for concept in handbook.concepts.values():
        concepts.append(
            {
                "id": concept.id,
                "kind": concept.kind,
                "title": {lang: concept.meta(lang).title for lang in handbook.languages},
                "url": {
                    lang: handbook.concept_url(concept, lang, directory_urls=directory_urls)
                    for lang in handbook.languages
                },
            }
        )
    guides = [
        {
            "id": guide_id,
            "title": {lang: handbook.guide_page(guide_id, lang).meta.title for lang in handbook.languages},
            "url": {
                lang: handbook.page_url(handbook.guide_src_uri(guide_id, lang), directory_urls=directory_urls)
                for lang in handbook.languages
            },
        }
        for guide_id in handbook.guides
    ]
    return {"concepts": concepts, "checklists": checklists or [], "guides": guides}
