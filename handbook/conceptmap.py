"""The concept map: an SVG drawn at build time, every shape a link to its page.

"Network" in the middle, the seven elements around it (source order, clockwise from the top),
building and keeping a network along the top, the three types along the bottom. Labels are in the
page's language and wrapped at word boundaries (PyThaiNLP for Thai). No script, no CDN.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from html import escape

from handbook.labels import label
from handbook.loader import Handbook

WIDTH, HEIGHT = 960, 640
CENTER = (480, 318)
NODE_W, NODE_H = 176, 58
FONT = 14
CLASS_BY_KIND = {"definition": "hb-map__center", "element": "hb-map__element",
                 "type": "hb-map__type", "practice": "hb-map__practice"}


def wrap(text: str, lang: str, width: int = 17) -> list[str]:
    """Break a label into lines of about `width` letters, at word boundaries."""
    if lang == "th":
        from handbook.thai import words as thai_words

        words = thai_words(text)
        joiner = ""
    else:
        words = text.split()
        joiner = " "
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = (current + joiner + word) if current and joiner else current + word
        if current and _visible_len(candidate) > width:
            lines.append(current.strip())
            current = word.strip()
        else:
            current = candidate
    if current.strip():
        lines.append(current.strip())
    return lines[:3]


def _visible_len(text: str) -> int:
    # Thai above/below marks take no width of their own.
    return sum(1 for ch in text if not ("\u0e31" == ch or "\u0e34" <= ch <= "\u0e3a" or "\u0e47" <= ch <= "\u0e4e"))


def _node(x: float, y: float, text: str, href: str, css: str, lang: str, w: int = NODE_W, h: int = NODE_H) -> str:
    lines = wrap(text, lang, width=int(w / 9.5))
    first_y = y - (len(lines) - 1) * (FONT + 3) / 2 + FONT / 3
    tspans = "".join(
        f'<tspan x="{x:.0f}" y="{first_y + i * (FONT + 3):.0f}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return (
        f'<a href="{escape(href)}" class="{css}"><title>{escape(text)}</title>'
        f'<rect x="{x - w / 2:.0f}" y="{y - h / 2:.0f}" width="{w}" height="{h}" rx="10"/>'
        f'<text text-anchor="middle">{tspans}</text></a>'
    )


def render_concept_map(handbook: Handbook, lang: str, url_for: Callable[[str], str]) -> str:
    """The SVG markup of the map for `lang`; `url_for(concept_id)` gives each link."""
    cx, cy = CENTER
    parts: list[str] = []
    lines: list[str] = []

    elements = handbook.by_kind("element")
    for index, concept in enumerate(elements):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(elements), 1)
        x, y = cx + 320 * math.cos(angle), cy + 178 * math.sin(angle)
        lines.append(f'<line x1="{cx}" y1="{cy}" x2="{x:.0f}" y2="{y:.0f}"/>')
        parts.append(_node(x, y, concept.meta(lang).title, url_for(concept.id), CLASS_BY_KIND["element"], lang))

    for row_y, kind in ((44, "practice"), (HEIGHT - 44, "type")):
        row = handbook.by_kind(kind)
        step = WIDTH / (len(row) + 1) if row else 0
        w = min(210, int(step) - 14) if row else NODE_W
        for index, concept in enumerate(row, start=1):
            parts.append(
                _node(step * index, row_y, concept.meta(lang).title, url_for(concept.id),
                      CLASS_BY_KIND[kind], lang, w=w, h=60)
            )

    definition = handbook.by_kind("definition")
    center_label = label(lang, "map.center")
    if definition:
        parts.append(_node(cx, cy, center_label, url_for(definition[0].id), CLASS_BY_KIND["definition"],
                           lang, w=150, h=64))

    title, desc = escape(label(lang, "map.title")), escape(label(lang, "map.desc"))
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="hb-map" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="group" aria-labelledby="hb-map-title" aria-describedby="hb-map-desc" lang="{lang}">'
        f'<title id="hb-map-title">{title}</title><desc id="hb-map-desc">{desc}</desc>'
        f'<g class="hb-map__lines">{"".join(lines)}</g>{"".join(parts)}</svg>'
    )
