"""Workshop checklists, generated from the checklist items in the concept pages' front matter.

Nobody writes a checklist page: each `ChecklistSpec` names the concepts it draws from, and
`build_checklists()` turns their items into `Checklist` objects (plain data, both languages, same
ids). `render_checklist()` writes one as Markdown + HTML for the site; the browser behaviour
(ticks kept, progress, chart, share link) is `overrides/assets/javascripts/checklists.js`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from handbook.findings import Finding, HandbookError
from handbook.labels import label
from handbook.loader import Concept, Handbook, concept_src_uri
from handbook.project import STRUCTURE_FILE, ChecklistSpec, Result, structure_line
from handbook.render import BOOK_PLACEHOLDER, inline, relative_link


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
                                    dict(spec.next_steps), tuple(spec.formerly)))
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
    from handbook.loader import page_url

    return [
        {
            "id": checklist.id,
            "title": {lang: label(lang, f"checklist.{checklist.id}") for lang in checklist.languages},
            "url": {
                lang: page_url(checklist.src_uri(lang), directory_urls=directory_urls)
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
    return label(lang, f"checklist.{checklist.id}.intro", count=len(checklist.items),
                 concepts=len(checklist.sections), points=points)


def render_checklist(checklist: Checklist, lang: str) -> str:
    """The page source of one checklist in one language."""
    src_uri = checklist.src_uri(lang)
    esc = html.escape
    title = label(lang, f"checklist.{checklist.id}")
    total = len(checklist.items)
    out = [
        "---",
        f"title: {_yaml_str(title)}",
        # Material writes the description into a <meta> attribute without escaping it.
        f"description: {_yaml_str(esc(intro(checklist, lang)))}",
        "---",
        "",
        f'<div class="hb-checklist" data-checklist="{checklist.id}" data-lang="{lang}" '
        + (f'data-formerly="{" ".join(checklist.formerly)}" ' if checklist.formerly else "") +
        f'data-result="{checklist.result}" data-total="{total}" '
        f'data-confirm-clear="{esc(label(lang, "toolbar.confirm-clear"))}" '
        f'data-copied="{esc(label(lang, "toolbar.copied"))}" '
        f'data-share-label="{esc(label(lang, "toolbar.share"))}" '
        f'data-share-local="{esc(label(lang, "offline.share_local"))}" markdown>',
        "",
        f'<p class="hb-intro">{esc(intro(checklist, lang))}</p>',
        "",
        '<div class="hb-print-fields" data-search-exclude>',
        f'<p><span>{esc(label(lang, "print.network"))}</span><span class="hb-line"></span></p>',
        f'<p><span>{esc(label(lang, "print.date"))}</span><span class="hb-line"></span></p>',
        f'<p><span>{esc(label(lang, "print.participants"))}</span><span class="hb-line"></span></p>',
        "</div>",
        "",
        f'<div class="hb-toolbar" role="group" aria-label="{esc(label(lang, "toolbar.label"))}" data-search-exclude>',
        f'<p class="hb-progress" aria-live="polite"><span class="hb-progress__count">0/{total}</span> '
        f'<span class="hb-progress__word">{esc(label(lang, "toolbar.ticked"))}</span></p>',
        # A long and a short label; CSS shows one, and what is shown is the button's name
        # (the other is display:none), so screen readers hear what sighted readers see.
        *(
            f'<button type="button" class="md-button{" md-button--primary" if action == "print" else ""}" '
            f'data-action="{action}">'
            f'<span class="hb-long">{esc(label(lang, f"toolbar.{action}"))}</span>'
            f'<span class="hb-short">{esc(label(lang, f"toolbar.{action}.short"))}</span>'
            "</button>"
            for action in ("print", "share", "clear")
        ),
        '<p class="hb-share-status" role="status"></p>',
        "</div>",
        "",
        # Shown by checklists.js when a share link opens over ticks the reader saved.
        '<div class="hb-shared" role="status" hidden data-search-exclude>',
        f'<p>{esc(label(lang, "shared.title"))}</p>',
        f'<button type="button" class="md-button md-button--primary" data-action="use-shared">'
        f'{esc(label(lang, "shared.use"))}</button>',
        f'<button type="button" class="md-button" data-action="keep-mine">'
        f'{esc(label(lang, "shared.keep"))}</button>',
        "</div>",
        "",
    ]
    if checklist.result != "none":
        out += [_render_result(checklist, lang), ""]
    if checklist.result == "type":
        out += [_render_next_steps(checklist, lang), ""]
    for number, section in enumerate(checklist.sections, start=1):
        meta = section.concept.meta(lang)
        # A concept not translated yet shows the original's words, marked as such.
        words_lang = section.concept.page(lang).lang
        marked = f' lang="{words_lang}"' if words_lang != lang else ""
        link = relative_link(src_uri, concept_src_uri(section.concept.id, section.concept.kind, lang))
        heading = f"{number}. {inline(meta.title)}" if len(checklist.sections) > 1 else inline(meta.title)
        heading_attrs = f"#{section.concept.id}" + (f" lang={words_lang}" if marked else "")
        out += [
            f'<section class="hb-section" data-section="{section.concept.id}" markdown>',
            "",
            f"## {heading} {{ {heading_attrs} }}",
            "",
            # The items are on the concept pages too: searching finds them there, once.
            '<ul class="hb-items" data-search-exclude>',
        ]
        for item in section.items:
            box = f"hb-{item.anchor}"
            formerly = f' data-formerly="{" ".join(item.formerly)}"' if item.formerly else ""
            out.append(
                f'<li id="{item.anchor}"><input type="checkbox" id="{box}" data-item="{item.id}"{formerly}>'
                f' <label for="{box}"{marked}>{esc(item.text[lang])}</label></li>'
            )
        out += [
            "</ul>",
            "",
            f'<p class="hb-source" markdown>{esc(label(lang, "checklist.source"))} '
            f"[{inline(meta.title)}]({link})</p>",
            "",
            f'<label class="hb-note"><span>{esc(label(lang, "checklist.note"))}</span>'
            f'<textarea rows="2" data-note="{section.concept.id}"></textarea></label>',
            "",
            "</section>",
            "",
        ]
    out += ["</div>", ""]
    return "\n".join(out)


def _render_result(checklist: Checklist, lang: str) -> str:
    """The result panel: one bar per section, drawn in CSS and updated live by checklists.js.

    HTML bars rather than SVG text: Thai labels wrap instead of being cut, and print with the page.
    """
    esc = html.escape
    key = "result.chart" if checklist.result == "chart" else "result.type"
    title = esc(label(lang, key))
    rows = []
    for section in checklist.sections:
        name = esc(section.concept.meta(lang).title)
        n = len(section.items)
        rows.append(
            f'<li class="hb-bar" data-section="{section.concept.id}" data-size="{n}">'
            f'<span class="hb-bar__label">{name}</span>'
            f'<span class="hb-bar__track" aria-hidden="true"><span class="hb-bar__fill"></span></span>'
            f'<span class="hb-bar__value">0/{n}</span></li>'
        )
    verdict = ""
    if checklist.result == "type":
        none = esc(label(lang, "result.type.none"))
        lead = esc(label(lang, "result.type.lead"))
        verdict = f'<p class="hb-verdict" aria-live="polite" data-none="{none}" data-template="{lead}">{none}</p>'
    return (
        f'<div class="hb-result" data-search-exclude><p class="hb-result__title" id="hb-result-title">{title}</p>'
        f'<ul class="hb-chart" aria-labelledby="hb-result-title">{"".join(rows)}</ul>{verdict}</div>'
    )


def _render_next_steps(checklist: Checklist, lang: str) -> str:
    """One next step per type, as Markdown (so MkDocs checks and rewrites the links); the
    checklist script highlights the one of the type the ticks point to. All are shown, so the
    printed page and a browser without script still say what to do next."""
    src_uri = checklist.src_uri(lang)
    out = ['<div class="hb-next" data-search-exclude markdown>', "",
           f'<p class="hb-next__title">{html.escape(label(lang, "result.next.title"))}</p>', ""]
    for section in checklist.sections:
        concept_id = section.concept.id
        if concept_id not in checklist.next_steps:
            continue
        target = relative_link(src_uri, f"{lang}/{checklist.next_steps[concept_id]}")
        name = inline(section.concept.meta(lang).title)
        out.append(f"- **{name}:** {label(lang, f'result.next.{concept_id}')} "
                   f"[{label(lang, f'result.next.{concept_id}.link')}]({target})")
        out.append(f'    {{ data-section="{concept_id}" }}')
    out += ["", "</div>"]
    return "\n".join(out)


def _yaml_str(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def render_checklists_index(checklists: list[Checklist], lang: str) -> str:
    """The page listing every checklist, with its intro and number of items."""
    src_uri = f"{lang}/checklists/index.md"
    out = [
        "---",
        f"title: {_yaml_str(label(lang, 'checklists.index.title'))}",
        "---",
        "",
        label(lang, "checklists.index.intro"),
        "",
        f"{label(lang, 'book.link.checklists')} {BOOK_PLACEHOLDER}",
        "",
    ]
    out.append(render_checklist_list(checklists, src_uri, lang))
    return "\n".join(out)


def render_checklist_list(checklists: list[Checklist], src_uri: str, lang: str) -> str:
    """Every checklist as a Markdown list item linked from page `src_uri`: title, size, intro."""
    out = []
    for checklist in checklists:
        link = relative_link(src_uri, checklist.src_uri(lang))
        count = label(lang, "points.count", n=len(checklist.items))
        out.append(
            f"- [**{label(lang, f'checklist.{checklist.id}')}**]({link}) ({count}) — "
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
