"""The concept map: an SVG drawn at build time, every shape a link to its page.

"Network" in the middle, the seven elements around it (source order, clockwise from the top),
building and keeping a network along the top, the three types along the bottom. Labels are in the
page's language and wrapped at word boundaries (PyThaiNLP for Thai). No script, no CDN.

A second, narrow drawing (`render_narrow_concept_map`) is shown instead on phones: the same
groups stacked in two columns, 340 units wide so that it is drawn about 1:1 in a 375 px screen's
column and its labels stay at 13 px; CSS picks one of the two.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from markupsafe import Markup

from handbook.loader import Handbook
from handbook.templating import render_fragment

WIDTH, HEIGHT = 960, 640
CENTER = (480, 318)
NODE_W, NODE_H = 176, 58
FONT = 14
#: The class of each place on the map (handbook.yml's concept_map says which kind sits where).
CLASS_BY_ROLE = {"center": "hb-map__center", "ring": "hb-map__element",
                 "top": "hb-map__practice", "bottom": "hb-map__type"}
THAI = re.compile("[\u0e00-\u0e7f]")


def _roles(handbook: Handbook) -> dict[str, str | None]:
    spec = handbook.project.structure.concept_map
    if spec is None:
        return dict.fromkeys(CLASS_BY_ROLE)
    return {role: getattr(spec, role) for role in CLASS_BY_ROLE}


def wrap(text: str, lang: str, width: int = 17) -> list[str]:
    """Break a label into lines of about `width` letters, at word boundaries (Thai has no
    spaces between words: its words are found by PyThaiNLP)."""
    if THAI.search(text):
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


def _node(x: float, y: float, text: str, href: str, css: str, lang: str, w: int = NODE_W, h: int = NODE_H,
          font: int = FONT) -> dict:
    """One box of the map (a link with its label wrapped into lines), as data for the template."""
    lines = wrap(text, lang, width=int(w / (9.5 * font / FONT)))
    first_y = y - (len(lines) - 1) * (font + 3) / 2 + font / 3
    return {"x": x, "y": y, "w": w, "h": h, "text": text, "href": href, "css": css,
            "lines": [{"y": first_y + i * (font + 3), "text": line} for i, line in enumerate(lines)]}


def render_concept_map(handbook: Handbook, lang: str, url_for: Callable[[str], str]) -> str:
    """The SVG markup of the map for `lang`; `url_for(concept_id)` gives each link."""
    cx, cy = CENTER
    parts: list[dict] = []
    lines: list[dict] = []

    roles = _roles(handbook)
    elements = handbook.by_kind(roles["ring"])
    for index, concept in enumerate(elements):
        angle = -math.pi / 2 + 2 * math.pi * index / max(len(elements), 1)
        x, y = cx + 320 * math.cos(angle), cy + 178 * math.sin(angle)
        lines.append({"x1": cx, "y1": cy, "x2": x, "y2": y})
        parts.append(_node(x, y, concept.meta(lang).title, url_for(concept.id), CLASS_BY_ROLE["ring"], lang))

    for row_y, role in ((44, "top"), (HEIGHT - 44, "bottom")):
        row = handbook.by_kind(roles[role])
        step = WIDTH / (len(row) + 1) if row else 0
        w = min(210, int(step) - 14) if row else NODE_W
        for index, concept in enumerate(row, start=1):
            parts.append(
                _node(step * index, row_y, concept.meta(lang).title, url_for(concept.id),
                      CLASS_BY_ROLE[role], lang, w=w, h=60)
            )

    definition = handbook.by_kind(roles["center"])
    center_label = handbook.labels.get(lang, "map.center")
    if definition:
        parts.append(_node(cx, cy, center_label, url_for(definition[0].id), CLASS_BY_ROLE["center"],
                           lang, w=150, h=64))

    return _svg(handbook, "wide", WIDTH, HEIGHT, lang, lines, parts)


def _counts(handbook: Handbook) -> dict[str, int]:
    """How many concepts sit in each place (the map's description states them)."""
    return {role: len(handbook.by_kind(kind)) for role, kind in _roles(handbook).items()}


def _svg(handbook: Handbook, layout: str, width: int, height: int, lang: str, lines: list[dict],
         parts: list[dict]) -> str:
    labels = handbook.labels
    return render_fragment("concept-map.svg", layout=layout, width=width, height=height, lang=lang,
                           title=labels.get(lang, "map.title"),
                           desc=labels.get(lang, "map.desc", **_counts(handbook)),
                           lines=lines, nodes=parts)


def render_concept_maps(handbook: Handbook, lang: str, url_for: Callable[[str], str]) -> str:
    """Both drawings in their wrapper, the wide one and the narrow one (CSS shows one of them)."""
    return render_fragment("concept-maps.html", wide=Markup(render_concept_map(handbook, lang, url_for)),
                           narrow=Markup(render_narrow_concept_map(handbook, lang, url_for)))


NARROW_WIDTH = 340
NARROW_FONT = 13


def render_narrow_concept_map(handbook: Handbook, lang: str, url_for: Callable[[str], str]) -> str:
    """The map for phones: building and keeping on top, then the network with its elements in
    two columns (a line from the network to each), then the types; every box a link."""
    parts: list[dict] = []
    lines: list[dict] = []
    column_x = (NARROW_WIDTH / 4, NARROW_WIDTH * 3 / 4)
    w, h, gap = 158, 58, 10
    y = 8 + h / 2

    def grid(concepts, css: str) -> list[tuple[float, float]]:
        nonlocal y
        places = []
        for index, concept in enumerate(concepts):
            x = column_x[index % 2] if not (index == len(concepts) - 1 and index % 2 == 0) else NARROW_WIDTH / 2
            parts.append(_node(x, y, concept.meta(lang).title, url_for(concept.id), css, lang, w=w, h=h,
                               font=NARROW_FONT))
            places.append((x, y))
            if index % 2 == 1 or index == len(concepts) - 1:
                y += h + gap
        return places

    roles = _roles(handbook)
    grid(handbook.by_kind(roles["top"]), CLASS_BY_ROLE["top"])
    definition = handbook.by_kind(roles["center"])
    y += 6
    center = (NARROW_WIDTH / 2, y)
    if definition:
        parts.append(_node(*center, handbook.labels.get(lang, "map.center"), url_for(definition[0].id),
                           CLASS_BY_ROLE["center"], lang, w=150, h=48, font=NARROW_FONT))
    y += 48 / 2 + gap + h / 2 + 6
    for x, element_y in grid(handbook.by_kind(roles["ring"]), CLASS_BY_ROLE["ring"]):
        lines.append({"x1": center[0], "y1": center[1], "x2": x, "y2": element_y})
    y += 6
    grid(handbook.by_kind(roles["bottom"]), CLASS_BY_ROLE["bottom"])
    height = int(y - h / 2 - gap + 8)
    return _svg(handbook, "narrow", NARROW_WIDTH, height, lang, lines, parts)
