"""Workshop checklists, generated from the checklist items in the concept pages' front matter.

Nobody writes a checklist page: each `ChecklistSpec` names the concepts it draws from, and
`build_checklists()` turns their items into `Checklist` objects (plain data, both languages, same
ids). `render_checklist()` writes one as Markdown + HTML for the site; the browser behaviour
(ticks kept, progress, chart, share link) is `overrides/assets/javascripts/checklists.js`.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Literal

from handbook.findings import Finding, HandbookError
from handbook.labels import label
from handbook.loader import Concept, Handbook, concept_src_uri
from handbook.render import BOOK_PLACEHOLDER, inline, relative_link
from handbook.schema import LANGUAGES

Result = Literal["none", "chart", "type"]


@dataclass(frozen=True)
class ChecklistSpec:
    id: str
    concepts: tuple[str, ...] = ()  # explicit concept ids…
    kind: str | None = None  # …or every concept of a kind, in order
    result: Result = "none"


#: The checklists of the handbook, in the order the site lists them.
CHECKLIST_SPECS: tuple[ChecklistSpec, ...] = (
    ChecklistSpec("health-check", kind="element", result="chart"),
    ChecklistSpec("sustainability", concepts=("sustainability",)),
    ChecklistSpec("maintenance", concepts=("maintenance",)),
    ChecklistSpec("core-team", concepts=("core-members",)),
    ChecklistSpec("network-type", kind="type", result="type"),
)


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

    @property
    def items(self) -> list[Item]:
        return [item for section in self.sections for item in section.items]

    def src_uri(self, lang: str) -> str:
        return f"{lang}/checklists/{self.id}.md"


# ---------------------------------------------------------------------------------------------
# Building
# ---------------------------------------------------------------------------------------------


def build_checklists(
    handbook: Handbook, specs: tuple[ChecklistSpec, ...] = CHECKLIST_SPECS
) -> list[Checklist]:
    """Every checklist of `specs`; raise `HandbookError` naming the file of a bad item."""
    findings: list[Finding] = []
    checklists = []
    for spec in specs:
        concepts = _concepts_of(handbook, spec, findings)
        seen: dict[str, str] = {}
        sections = []
        for concept in concepts:
            original = concept.meta("th")
            items = []
            for index, item in enumerate(original.checklist):
                page = concept.page("th")
                if item.id in seen:
                    findings.append(
                        Finding(page.display_path, page.line_of("checklist", index, "id"),
                                f"checklist item id '{item.id}' is used twice in checklist "
                                f"'{spec.id}' (also in {seen[item.id]}); item ids must be "
                                "unique within a checklist")
                    )
                    continue
                seen[item.id] = page.display_path
                texts = {lang: _item_text(concept, lang, item.id) or item.text for lang in LANGUAGES}
                items.append(Item(f"{spec.id}.{item.id}", item.id, texts, tuple(item.formerly)))
            if items:
                sections.append(Section(concept, tuple(items)))
        checklists.append(Checklist(spec.id, spec.result, tuple(sections)))
    if findings:
        raise HandbookError(findings)
    return checklists


def _concepts_of(handbook: Handbook, spec: ChecklistSpec, findings: list[Finding]) -> list[Concept]:
    if spec.kind is not None:
        return handbook.by_kind(spec.kind)
    concepts = []
    for concept_id in spec.concepts:
        if concept_id in handbook.concepts:
            concepts.append(handbook.concepts[concept_id])
        else:
            findings.append(
                Finding("handbook/checklists.py", 1,
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
            "title": {lang: label(lang, f"checklist.{checklist.id}") for lang in LANGUAGES},
            "url": {
                lang: page_url(checklist.src_uri(lang), directory_urls=directory_urls)
                for lang in LANGUAGES
            },
            "items": len(checklist.items),
        }
        for checklist in checklists
    ]


# ---------------------------------------------------------------------------------------------
# Rendering (Markdown with HTML blocks; `md_in_html` and `attr_list` are enabled)
# ---------------------------------------------------------------------------------------------


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
        f"description: {_yaml_str(esc(label(lang, f'checklist.{checklist.id}.intro')))}",
        "---",
        "",
        f'<div class="hb-checklist" data-checklist="{checklist.id}" data-lang="{lang}" '
        f'data-result="{checklist.result}" data-total="{total}" '
        f'data-confirm-clear="{esc(label(lang, "toolbar.confirm-clear"))}" '
        f'data-copied="{esc(label(lang, "toolbar.copied"))}" '
        f'data-share-label="{esc(label(lang, "toolbar.share"))}" '
        f'data-share-local="{esc(label(lang, "offline.share_local"))}" markdown>',
        "",
        f'<p class="hb-intro">{esc(label(lang, f"checklist.{checklist.id}.intro"))}</p>',
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
    for number, section in enumerate(checklist.sections, start=1):
        meta = section.concept.meta(lang)
        link = relative_link(src_uri, concept_src_uri(section.concept.id, section.concept.kind, lang))
        heading = f"{number}. {inline(meta.title)}" if len(checklist.sections) > 1 else inline(meta.title)
        out += [
            f'<section class="hb-section" data-section="{section.concept.id}" markdown>',
            "",
            f"## {heading} {{ #{section.concept.id} }}",
            "",
            # The items are on the concept pages too: searching finds them there, once.
            '<ul class="hb-items" data-search-exclude>',
        ]
        for item in section.items:
            box = f"hb-{item.anchor}"
            formerly = f' data-formerly="{" ".join(item.formerly)}"' if item.formerly else ""
            out.append(
                f'<li id="{item.anchor}"><input type="checkbox" id="{box}" data-item="{item.id}"{formerly}>'
                f' <label for="{box}">{esc(item.text[lang])}</label></li>'
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
    for checklist in checklists:
        link = relative_link(src_uri, checklist.src_uri(lang))
        count = label(lang, "points.count", n=len(checklist.items))
        out.append(
            f"- [**{label(lang, f'checklist.{checklist.id}')}**]({link}) ({count}) — "
            f"{label(lang, f'checklist.{checklist.id}.intro')}"
        )
    return "\n".join(out) + "\n"
