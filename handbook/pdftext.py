"""Repair the Thai text layer of a PDF typeset by WeasyPrint, so that search, copy and screen
readers get the words the page shows.

Why: HarfBuzz draws SARA AM (ำ) as two glyphs, NIKHAHIT + SARA AA, and moves NIKHAHIT before a
tone mark (Sarabun then joins NIKHAHIT and the tone into one glyph). WeasyPrint's text layer
(the ToUnicode map) gives each glyph one text, chosen where it first appears; so SARA AA reads as
า everywhere, ำ is lost, and a tone mark drawn with NIKHAHIT can vanish (สม่ำเสมอ → สมาเสมอ).

What: for each embedded Sarabun Thai font, every glyph's text is taken from its name in the
vendored font (WeasyPrint keeps glyph ids when it subsets: `uni0E48.small` is ่, `uni0E4D0E48`
is NIKHAHIT with ่), NIKHAHIT reads as nothing, and the SARA AA that closes a SARA AM is drawn
through a new character code that reads as ำ (same glyph, same width). A pure function: PDF bytes
in, PDF bytes out.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

NIKHAHIT = "\u0e4d"
SARA_AA = "\u0e32"
SARA_AM = "\u0e33"
#: Marks that HarfBuzz may put between NIKHAHIT and SARA AA (tone marks).
TONES = frozenset("\u0e48\u0e49\u0e4a\u0e4b")
_UNI_NAME = re.compile(r"^uni((?:[0-9A-F]{4})+)(?:\..*)?$")


@dataclass(frozen=True)
class ThaiFont:
    """What the repair needs to know of one embedded font."""

    text: dict[int, str]  # glyph id -> the text it stands for (names that say it)
    sara_aa: int  # glyph id of SARA AA
    am_code: int  # the new code for SARA AA closing a SARA AM


def glyph_texts(font_file: Path) -> dict[int, str]:
    """Glyph id -> text, for the glyphs whose name says what they are (`uni0E48.narrow`)."""
    from fontTools.ttLib import TTFont

    texts = {}
    for gid, name in enumerate(TTFont(font_file).getGlyphOrder()):
        match = _UNI_NAME.match(name)
        if match:
            codes = match.group(1)
            texts[gid] = "".join(chr(int(codes[i:i + 4], 16)) for i in range(0, len(codes), 4))
    return texts


def _parse_cmap(data: str) -> dict[int, str]:
    mapping = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, flags=re.S):
        for code, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    return mapping


def _write_cmap(mapping: dict[int, str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <ffff>", "endcodespacerange",
    ]
    items = sorted(mapping.items())
    for start in range(0, len(items), 100):  # at most 100 entries a block
        chunk = items[start:start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines += [f"<{code:04x}> <{text.encode('utf-16-be').hex()}>" for code, text in chunk]
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode("ascii")


def _width_of(widths, gid: int) -> float | None:
    """A glyph's width in a CIDFont's /W array."""
    index = 0
    while index < len(widths):
        first = int(widths[index])
        following = widths[index + 1]
        if isinstance(following, list):
            if first <= gid < first + len(following):
                return float(following[gid - first])
            index += 2
        else:
            if first <= gid <= int(following):
                return float(widths[index + 2])
            index += 3
    return None


def _prepare_font(font, texts: dict[int, str]) -> ThaiFont | None:
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        FloatObject,
        NameObject,
        NumberObject,
    )

    descendant = font["/DescendantFonts"][0].get_object()
    if descendant.get("/CIDToGIDMap") != "/Identity":
        return None  # not as WeasyPrint writes it: leave it alone
    sara_aa = next(gid for gid, text in texts.items() if text == SARA_AA)
    am_code = max(texts) + 1
    widths = descendant.get("/W", ArrayObject())
    width = _width_of(widths, sara_aa)
    if width is None:
        return None  # this font never draws SARA AA
    # The new code draws SARA AA's glyph: an explicit CID → glyph map (identity below it).
    cid_to_gid = DecodedStreamObject()
    cid_to_gid.set_data(b"".join(gid.to_bytes(2, "big") for gid in range(am_code)) + sara_aa.to_bytes(2, "big"))
    descendant[NameObject("/CIDToGIDMap")] = cid_to_gid
    descendant[NameObject("/W")] = ArrayObject([*widths, NumberObject(am_code), ArrayObject([FloatObject(width)])])
    mapping = _parse_cmap(font["/ToUnicode"].get_object().get_data().decode("latin-1"))
    for gid in mapping:
        if gid in texts:
            mapping[gid] = texts[gid].replace(NIKHAHIT, "")  # NIKHAHIT is half of a SARA AM
    mapping[am_code] = SARA_AM
    to_unicode = DecodedStreamObject()
    to_unicode.set_data(_write_cmap(mapping))
    font[NameObject("/ToUnicode")] = to_unicode
    return ThaiFont(texts, sara_aa, am_code)


def _fix_string(data: bytes, font: ThaiFont, pending: bool) -> tuple[bytes, bool]:
    """Codes of one shown string (two bytes each): a SARA AA after NIKHAHIT (and tones) gets the
    SARA AM code. Returns the string and whether a NIKHAHIT still waits for its SARA AA."""
    out = bytearray()
    for index in range(0, len(data) - 1, 2):
        gid = int.from_bytes(data[index:index + 2], "big")
        text = font.text.get(gid, "")
        if pending and gid == font.sara_aa:
            gid, pending = font.am_code, False
        elif NIKHAHIT in text:
            pending = True
        elif not (pending and text and set(text) <= TONES):
            pending = False
        out += gid.to_bytes(2, "big")
    return bytes(out), pending


# WeasyPrint's content streams: a font is chosen with `/name size Tf`, glyphs are shown as hex
# strings of four digits per glyph id; text objects open and close with BT and ET.
_TOKEN = re.compile(rb"/([^\s/\[\]<>()]+)\s+[-\d.]+\s+Tf|<([0-9a-fA-F]*)>|\b(BT|ET)\b")


def _fix_content(data: bytes, thai: dict[str, ThaiFont], state: list) -> bytes:
    """One content stream; `state` is [current Thai font or None, pending], carried over to the
    page's next stream."""

    def visit(match: re.Match) -> bytes:
        font_name, hexes, bracket = match.groups()
        if font_name is not None:
            state[0], state[1] = thai.get("/" + font_name.decode("latin-1")), False
        elif bracket is not None:
            state[1] = False
        elif state[0] is not None and hexes:
            fixed, state[1] = _fix_string(bytes.fromhex(hexes.decode("ascii")), state[0], state[1])
            return b"<" + fixed.hex().encode("ascii") + b">"
        return match.group(0)

    return _TOKEN.sub(visit, data)


def fix_thai_text_layer(pdf: bytes, fonts: dict[str, Path]) -> bytes:
    """`pdf` with the text layer of its Thai fonts repaired; `fonts` maps a font's name (without
    the subset tag, `Sarabun-Thai-Bold`) to the font file it was made from."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    texts_of: dict[Path, dict[int, str]] = {}
    prepared: dict[int, ThaiFont | None] = {}
    for page in writer.pages:
        thai: dict[str, ThaiFont] = {}
        for name, ref in page["/Resources"].get("/Font", {}).items():
            font = ref.get_object()
            base = str(font.get("/BaseFont", "")).split("+", 1)[-1]
            if base not in fonts or "/DescendantFonts" not in font:
                continue
            key = ref.idnum if hasattr(ref, "idnum") else id(font)
            if key not in prepared:
                texts = texts_of.setdefault(fonts[base], glyph_texts(fonts[base]))
                prepared[key] = _prepare_font(font, texts)
            if prepared[key] is not None:
                thai[str(name)] = prepared[key]
        if not thai:
            continue
        contents = page["/Contents"]
        streams = contents if isinstance(contents, ArrayObject) else [contents]
        state: list = [None, False]
        for stream in streams:
            stream = stream.get_object()
            data = stream.get_data()
            fixed = _fix_content(data, thai, state)
            if fixed != data:
                stream.set_data(fixed)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
