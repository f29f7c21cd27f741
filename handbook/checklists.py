"""Workshop checklists, generated from the checklist items in the concept pages' front matter.

Nobody writes a checklist page: each `ChecklistSpec` names the concepts it draws from, and
`build_checklists()` turns their items into `Checklist` objects (plain data, both languages, same
ids). `render_checklist()` writes one as Markdown + HTML for the site; the browser behaviour
(ticks kept, progress, chart, share link) is `overrides/assets/javascripts/checklists.js`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from markupsafe import Markup

from handbook.findings import Finding, HandbookError
from handbook.labels import Labels
from handbook.loader import Concept, Handbook
from handbook.mdtext import BOOK_PLACEHOLDER, inline, relative_link
from handbook.project import STRUCTURE_FILE, ChecklistSpec, Result, structure_line
from handbook.templating import render_fragment, render_front_matter


@dataclass(frozen=True)
class Item:
    id: str  # `<checklist-id>.<item-id>`, the same in every language
    anchor: str  # the item id alone, the readable anchor on the page
    text: dict[str, str]
    formerly: tuple[str, ...] = ()  # earlier ids, whose saved ticks now belong to this item


@dataclass(frozen=True)
class Section:
    concept: Concept
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Checklist:
    id: str
    result: Result
    sections: tuple[Section, ...]
    languages: tuple[str, ...] = ()
    # concept id → the page (below docs/<lang>/) its result leads to next (handbook.yml)
    next_steps: dict[str, str] = field(default_factory=dict)
    formerly: tuple[str, ...] = ()  # earlier ids of the checklist, whose saved ticks it reads
    handbook: Handbook = field(kw_only=True, repr=False, compare=False)  # its words and URLs

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def src_uri(self, lang: str) -> str:
        return f"{lang}/checklists/{self.id}.md"


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------


def build_checklists(
    handbook: Handbook, specs: tuple[ChecklistSpec, ...] | None = None
) -> list[Checklist]:
    """Every checklist of `specs` (by default handbook.yml's); raise `HandbookError` naming the
    file of a bad item."""
    if specs is None:
        specs = handbook.project.structure.checklists
    findings: list[Finding] = []
    checklists = []
    for spec in specs:
        concepts = _concepts_of(handbook, spec, findings)
        seen: dict[str, str] = {}
        sections = []
        for concept in concepts:
            original = concept.meta(concept.original)
            items = []
            for index, item in enumerate(original.checklist):
                page = concept.page(concept.original)
                if item.id in seen:
                    findings.append(
                        Finding(page.display_path, page.line_of("checklist", index, "id"),
                                f"checklist item id '{item.id}' is used twice in checklist "
                                f"'{spec.id}' (also in {seen[item.id]}); item ids must be "
                                "unique within a checklist")
                    )
                    continue
                seen[item.id] = page.display_path
                texts = {lang: _item_text(concept, lang, item.id) or item.text
                         for lang in handbook.languages}
                items.append(Item(f"{spec.id}.{item.id}", item.id, texts, tuple(item.formerly)))
            if items:
                sections.append(Section(concept, tuple(items)))
        findings += _formerly_findings(sections, spec.id)
        checklists.append(Checklist(spec.id, spec.result, tuple(sections), handbook.languages,
                                    dict(spec.next_steps), tuple(spec.formerly), handbook=handbook))
    if findings:
        raise HandbookError(findings)
    return checklists


def _formerly_findings(sections: list[Section], checklist_id: str) -> list[Finding]:
    """`formerly` may not name an item that still exists in the checklist: the two boxes would
    share one saved tick (untick one, reload: ticked again)."""
    current = {item.anchor for section in sections for item in section.items}
    findings = []
    for section in sections:
        page = section.concept.page(section.concept.original)
        items = list(section.concept.meta(section.concept.original).checklist)
        for item in section.items:
            for old in item.formerly:
                if old in current:
                    index = next(i for i, c in enumerate(items) if c.id == item.anchor)
                    findings.append(Finding(
                        page.display_path, page.line_of("checklist", index, "formerly"),
                        f"checklist item '{item.anchor}': formerly names '{old}', an item of "
                        f"checklist '{checklist_id}' that still exists (the two boxes would share "
                        "one saved tick); remove it from 'formerly'"))
    return findings


def _concepts_of(handbook: Handbook, spec: ChecklistSpec, findings: list[Finding]) -> list[Concept]:
    if spec.kind is not None:
        return handbook.by_kind(spec.kind)
    concepts = []
    for index, concept_id in enumerate(spec.concepts):
        if concept_id in handbook.concepts:
            concepts.append(handbook.concepts[concept_id])
        else:
            specs = handbook.project.structure.checklists
            at = next((i for i, s in enumerate(specs) if s.id == spec.id), None)
            line = structure_line(handbook.project.root, ("checklists", at, "concepts", index)) \
                if at is not None else 1
            findings.append(
                Finding(STRUCTURE_FILE, line,
                        f"checklist '{spec.id}' draws from unknown concept '{concept_id}'")
            )
    return concepts


def _item_text(concept: Concept, lang: str, item_id: str) -> str | None:
    for item in concept.meta(lang).checklist:
        if item.id == item_id:
            return " ".join(item.text.split())
    return None


def manifest_entries(checklists: list[Checklist], *, directory_urls: bool = True) -> list[dict]:
    """The `checklists` list of `concepts.json`."""
    return [
        {
            "id": checklist.id,
            "title": {lang: checklist.handbook.labels.get(lang, f"checklist.{checklist.id}")
                      for lang in checklist.languages},
            "url": {
                lang: checklist.handbook.page_url(checklist.src_uri(lang), directory_urls=directory_urls)
                for lang in checklist.languages
            },
            "items": len(checklist.items),
        }
        for checklist in checklists
    ]


# ---------------------------------------------------------------------------------------------
# Rendering (Markdown with HTML blocks; `md_in_html` and `attr_list` are enabled)
# ---------------------------------------------------------------------------------------------


def intro(checklist: Checklist, lang: str) -> str:
    """The checklist's introduction, its counts computed: {count} items, {concepts} concepts,
    {points} points of the source in them."""
    points = sum(len(section.concept.meta(lang).points) for section in checklist.sections)
    return checklist.handbook.labels.get(lang, f"checklist.{checklist.id}.intro", count=len(checklist.items),
                                         concepts=len(checklist.sections), points=points)


#: The interface words a checklist page shows (labels/<lang>.yml).
CHECKLIST_WORDS = (
    "toolbar.confirm-clear", "toolbar.copied", "toolbar.share", "offline.share_local", "toolbar.label",
    "toolbar.ticked", "toolbar.print", "toolbar.print.short", "toolbar.share.short", "toolbar.clear",
    "toolbar.clear.short", "print.network", "print.date", "print.participants", "shared.title",
    "shared.use", "shared.keep", "checklist.source", "checklist.note",
)


def render_checklist(checklist: Checklist, lang: str) -> str:
    """The page source of one checklist in one language."""
    src_uri = checklist.src_uri(lang)
    handbook, labels = checklist.handbook, checklist.handbook.labels
    sections = []
    for number, section in enumerate(checklist.sections, start=1):
        meta = section.concept.meta(lang)
        # A concept not translated yet shows the original's words, marked as such.
        words_lang = section.concept.page(lang).lang
        heading = f"{number}. {inline(meta.title)}" if len(checklist.sections) > 1 else inline(meta.title)
        sections.append({
            "id": section.concept.id,
            "heading": Markup(heading),  # escaped by inline()
            "title": Markup(inline(meta.title)),
            "link": relative_link(src_uri, handbook.concept_src_uri(section.concept.id, section.concept.kind, lang)),
            "words_lang": words_lang if words_lang != lang else None,
            "items": [{"id": item.id, "anchor": item.anchor, "formerly": item.formerly,
                       "text": item.text[lang]} for item in section.items],
        })
    front = render_front_matter({
        "title": labels.get(lang, f"checklist.{checklist.id}"),
        # Material writes the description into a <meta> attribute without escaping it.
        "description": html.escape(intro(checklist, lang)),
    })
    body = render_fragment(
        "checklist.md", id=checklist.id, lang=lang, formerly=checklist.formerly, result=checklist.result,
        total=len(checklist.items), intro=intro(checklist, lang),
        words={key: labels.get(lang, key) for key in CHECKLIST_WORDS},
        result_panel=Markup(_render_result(checklist, lang)) if checklist.result != "none" else "",
        next_steps=Markup(_render_next_steps(checklist, lang)) if checklist.result == "type" else "",
        sections=sections,
    )
    return f"{front}\n{body}\n"


def _render_result(checklist: Checklist, lang: str) -> str:
    """The result panel: one bar per section, drawn in CSS and updated live by checklists.js.

    HTML bars rather than SVG text: Thai labels wrap instead of being cut, and print with the page.
    """
    key = "result.chart" if checklist.result == "chart" else "result.type"
    labels = checklist.handbook.labels
    bars = [{"id": section.concept.id, "size": len(section.items), "name": section.concept.meta(lang).title}
            for section in checklist.sections]
    verdict = None
    if checklist.result == "type":
        verdict = {"none": labels.get(lang, "result.type.none"), "lead": labels.get(lang, "result.type.lead")}
    return render_fragment("checklist-result.html", title=labels.get(lang, key), bars=bars, verdict=verdict)


def _render_next_steps(checklist: Checklist, lang: str) -> str:
    """One next step per type, as Markdown (so MkDocs checks and rewrites the links); the
    checklist script highlights the one of the type the ticks point to. All are shown, so the
    printed page and a browser without script still say what to do next."""
    src_uri = checklist.src_uri(lang)
    labels = checklist.handbook.labels
    steps = []
    for section in checklist.sections:
        concept_id = section.concept.id
        if concept_id not in checklist.next_steps:
            continue
        steps.append({
            "id": concept_id,
            "name": Markup(inline(section.concept.meta(lang).title)),
            # The labels' words are Markdown, written into the page as they are.
            "text": Markup(labels.get(lang, f"result.next.{concept_id}")),
            "link_text": Markup(labels.get(lang, f"result.next.{concept_id}.link")),
            "target": relative_link(src_uri, f"{lang}/{checklist.next_steps[concept_id]}"),
        })
    return render_fragment("checklist-next.md", title=labels.get(lang, "result.next.title"), steps=steps)


def render_checklists_index(checklists: list[Checklist], lang: str, *, labels: Labels) -> str:
    """The page listing every checklist, with its intro and number of items."""
    src_uri = f"{lang}/checklists/index.md"
    out = [
        render_front_matter({"title": labels.get(lang, "checklists.index.title")}),
        labels.get(lang, "checklists.index.intro"),
        "",
        f"{labels.get(lang, 'book.link.checklists')} {BOOK_PLACEHOLDER}",
        "",
    ]
    out.append(render_checklist_list(checklists, src_uri, lang, labels=labels))
    return "\n".join(out)


def render_checklist_list(checklists: list[Checklist], src_uri: str, lang: str, *, labels: Labels) -> str:
    """Every checklist as a Markdown list item linked from page `src_uri`: title, size, intro."""
    out = []
    for checklist in checklists:
        link = relative_link(src_uri, checklist.src_uri(lang))
        count = labels.get(lang, "points.count", n=len(checklist.items))
        out.append(
            f"- [**{labels.get(lang, f'checklist.{checklist.id}')}**]({link}) ({count}) — "
            f"{intro(checklist, lang)}"
        )
    return "\n".join(out) + "\n"


def unused_item_findings(handbook: Handbook) -> list[Finding]:
    """A warning for each checklist item that no checklist of handbook.yml draws (its concept's
    kind is drawn by none and no checklist names it): the item would be silently dropped."""
    drawn: set[str] = set()
    for spec in handbook.project.structure.checklists:
        drawn |= {c.id for c in handbook.by_kind(spec.kind)} if spec.kind else set(spec.concepts)
    drawn |= set(handbook.project.structure.questions_only)
    findings = []
    for concept in handbook.concepts.values():
        items = concept.meta(concept.original).checklist
        if concept.id in drawn or not items:
            continue
        page = concept.page(concept.original)
        names = ", ".join(f"'{item.id}'" for item in items)
        findings.append(Finding(
            page.display_path, page.line_of("checklist"),
            f"checklist items {names} are in no checklist: none of handbook.yml's checklists "
            f"draws from kind '{concept.kind}' or names '{concept.id}' (they show only as questions "
            "on the page). Add the concept to a checklist there (CONTRIBUTING, 'Add a checklist'), "
            f"or list it under 'questions_only' in handbook.yml",
            "warning"))
    return findings
