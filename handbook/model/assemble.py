"""The pages put together: concepts (one per id, its pages by language), overviews and guides,
cross-checked against handbook.yml (kinds, places, ids, related concepts)."""

from __future__ import annotations

from handbook.findings import Finding
from handbook.model.data import Concept, Page
from handbook.model.pages import ITEM_WORDS
from handbook.project import Project
from handbook.schema import RESERVED_IDS, ConceptFrontMatter, GuideFrontMatter, OverviewFrontMatter


def assemble(pages, unreadable: set[str], project: Project) -> tuple[dict[str, Concept],
                                                                      dict[str, dict[str, Page]],
                                                                      dict[str, dict[str, Page]],
                                                                      list[Finding]]:
    """(concepts, overviews, guides, findings) of the readable `pages`; `unreadable`: the src_uri
    of pages that could not be read (reported already)."""
    concepts, overviews, findings = _assemble(pages, unreadable, project)
    guides, more = _assemble_guides(pages, project)
    return concepts, overviews, guides, findings + more


def _assemble_guides(pages, project: Project) -> tuple[dict[str, dict[str, Page]], list[Finding]]:
    """Guides by id and language, in the original's `order`; each must live at its id."""
    findings: list[Finding] = []
    default = project.default_language
    by_id: dict[str, dict[str, Page]] = {}
    for page in pages:
        meta = page.meta
        if not isinstance(meta, GuideFrontMatter):
            continue
        expected = project.guide_src_uri(meta.id, page.lang)
        if page.src_uri != expected:
            findings.append(Finding(page.display_path, page.line_of("id"),
                                    f"guide '{meta.id}' must live at docs/{expected} "
                                    "(the id is its file name)"))
            continue
        by_id.setdefault(meta.id, {})[page.lang] = page
    guides: dict[str, dict[str, Page]] = {}
    for guide_id, by_lang in by_id.items():
        if default not in by_lang:
            page = next(iter(by_lang.values()))
            findings.append(Finding(page.display_path, page.line_of("id"),
                                    f"guide '{guide_id}' has no original ('{default}') page at "
                                    f"docs/{project.guide_src_uri(guide_id, default)}"))
            continue
        guides[guide_id] = by_lang
    ordered = dict(sorted(guides.items(), key=lambda kv: (kv[1][default].meta.order, kv[0])))
    return ordered, findings


def _assemble(
    pages, unreadable: set[str], project: Project
) -> tuple[dict[str, Concept], dict[str, dict[str, Page]], list[Finding]]:
    # A page that could not be read is reported once; what depends on it (its translation,
    # links to its id) is not reported again as a second, misleading error.
    unreadable_ids = {uri.rsplit("/", 1)[-1].removesuffix(".md") for uri in unreadable}
    findings: list[Finding] = []
    by_id: dict[str, dict[str, Page]] = {}
    overviews: dict[str, dict[str, Page]] = {}

    for page in pages:
        meta = page.meta
        if isinstance(meta, GuideFrontMatter):
            continue  # `_assemble_guides`
        if isinstance(meta, OverviewFrontMatter):
            if meta.overview not in project.overview_src:
                findings.append(
                    Finding(page.display_path, page.line_of("overview"),
                            f"field 'overview': unknown overview '{meta.overview}' (handbook.yml "
                            f"lists: {', '.join(project.overview_src)})")
                )
                continue
            expected = f"{page.lang}/{project.overview_src[meta.overview]}"
            same = overviews.setdefault(meta.overview, {})
            if page.src_uri != expected:
                findings.append(
                    Finding(page.display_path, page.line_of("overview"),
                            f"the '{meta.overview}' overview lives at docs/{expected}"
                            + (f" (this page would replace {same[page.lang].display_path})"
                               if page.lang in same else ""))
                )
                continue
            same[page.lang] = page
            continue
        kind_problems = _check_kind(page, meta, project)
        findings.extend(kind_problems)
        if any(f.level == "error" for f in kind_problems):
            unreadable_ids.add(meta.id)  # its translations and links are not reported again
            continue
        if meta.id in RESERVED_IDS:
            findings.append(
                Finding(page.display_path, page.line_of("id"),
                        f"field 'id': '{meta.id}' is reserved: the page would replace the "
                        f"section overview docs/{project.concept_src_uri(meta.id, meta.kind, page.lang)}")
            )
            continue
        expected = project.concept_src_uri(meta.id, meta.kind, page.lang)
        if page.src_uri != expected:
            findings.append(
                Finding(page.display_path, page.line_of("id"),
                        f"concept '{meta.id}' of kind '{meta.kind}' must live at "
                        f"docs/{expected} (the id is its file name)")
            )
            continue
        same = by_id.setdefault(meta.id, {})
        if page.lang in same:
            findings.append(
                Finding(page.display_path, page.line_of("id"),
                        f"field 'id': duplicate concept id '{meta.id}' "
                        f"(also {same[page.lang].display_path})")
            )
            continue
        same[page.lang] = page
        findings.extend(_check_unique_ids(page, meta))

    concepts: dict[str, Concept] = {}
    default = project.default_language
    for concept_id, by_lang in by_id.items():
        if default not in by_lang:
            page = next(iter(by_lang.values()))
            if concept_id in unreadable_ids:
                continue
            findings.append(
                Finding(page.display_path, page.line_of("id"),
                        f"concept '{concept_id}' has no original ('{default}') page at "
                        f"docs/{project.concept_src_uri(concept_id, page.meta.kind, default)}")
            )
            continue
        original = by_lang[default].meta
        concepts[concept_id] = Concept(concept_id, original.kind, original.order, by_lang, default, project)

    # Related ids must name real concepts (on every language's page).
    for concept in concepts.values():
        for page in concept.pages.values():
            for index, related in enumerate(page.meta.related):
                if related not in concepts:
                    if related in unreadable_ids:
                        continue
                    findings.append(
                        Finding(page.display_path, page.line_of("related", index),
                                f"field 'related': unknown concept '{related}'"
                                f"{_suggest(related, concepts)}")
                    )
                elif related == concept.id:
                    findings.append(
                        Finding(page.display_path, page.line_of("related", index),
                                "field 'related': a concept cannot be related to itself")
                    )

    ordered = dict(
        sorted(concepts.items(), key=lambda kv: (project.kinds.index(kv[1].kind), kv[1].order, kv[0]))
    )
    return ordered, overviews, findings


def _check_kind(page: Page, meta: ConceptFrontMatter, project: Project) -> list[Finding]:
    """What handbook.yml says of the page's kind: that it exists, and whether it has a profile."""
    if meta.kind not in project.kinds:
        return [Finding(page.display_path, page.line_of("kind"),
                        f"field 'kind': unknown kind '{meta.kind}' (handbook.yml's sections: "
                        f"{', '.join(project.kinds)}){_suggest(meta.kind, project.kinds)}")]
    findings = []
    if meta.kind in project.profile_kinds and meta.profile is None:
        findings.append(Finding(page.display_path, page.line_of("kind"),
                                f"a '{meta.kind}' page needs a 'profile' (origin, driver, duration, example)"))
    if meta.kind not in project.profile_kinds and meta.profile is not None:
        findings.append(Finding(page.display_path, page.line_of("profile"),
                                f"field 'profile': only pages of kind "
                                f"{', '.join(repr(k) for k in project.profile_kinds) or '(none)'} have a 'profile'"))
    if project.default_language not in meta.terms:
        findings.append(Finding(page.display_path, page.line_of("terms"),
                                f"field 'terms': the original language's term "
                                f"('{project.default_language}') is required"))
    unknown = [lang for lang in meta.terms if lang not in project.languages]
    if unknown:
        findings.append(Finding(page.display_path, page.line_of("terms", unknown[0]),
                                f"field 'terms': '{unknown[0]}' is not a language of this handbook "
                                f"({', '.join(project.languages)})", "warning"))
    return findings


def _check_unique_ids(page: Page, meta: ConceptFrontMatter) -> list[Finding]:
    findings = []
    for field_name in ("points", "checklist"):
        seen: set[str] = set()
        for index, item in enumerate(getattr(meta, field_name)):
            if item.id in seen:
                findings.append(
                    Finding(page.display_path, page.line_of(field_name, index, "id"),
                            f"{ITEM_WORDS[field_name]} {index + 1}, field 'id': duplicate id '{item.id}'")
                )
            seen.add(item.id)
    return findings


def _suggest(word: str, known) -> str:
    import difflib

    close = difflib.get_close_matches(word, list(known), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""

