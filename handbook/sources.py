"""Which files of `docs/` may be published: pages and the image types the handbook uses.

MkDocs copies every file it finds below `docs/` into the site and the offline zip, and follows
symbolic links while looking. A pull request could so publish an `.html` page with script, an
`.svg` with script, or — through a symlink — any file of the machine that builds it. Here the
tree is walked without following links, and only what the handbook needs is accepted; every other
file is a finding that names it. `page_paths()` lists the pages that passed, for the loader.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path
from xml.parsers import expat

from handbook.findings import Finding

#: File types a contributor may add below `docs/`: pages and images (SVG is checked below).
PAGE_SUFFIX = ".md"
IMAGE_SUFFIXES: frozenset[str] = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"})
#: One path segment: letters, digits, '.', '_', '-' (they become URLs and HTML attributes).
NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")

#: What an SVG image may contain: shapes, text and paint, nothing that runs or loads.
SVG_ELEMENTS: frozenset[str] = frozenset(
    "svg g defs symbol use title desc metadata path rect circle ellipse line polyline polygon "
    "text tspan textPath linearGradient radialGradient stop clipPath mask pattern marker "
    "filter feGaussianBlur feOffset feBlend feColorMatrix feFlood feComposite feMerge "
    "feMergeNode".split()
)
#: The attributes an SVG element may carry (any other is refused): geometry, paint, text and
#: the few structural ones. `href` (and xlink's) only to `#id`; values that mention `url(` only
#: as `url(#id)`, judged after CSS escapes are decoded.
SVG_ATTRIBUTES: frozenset[str] = frozenset(
    "id class style transform viewBox preserveAspectRatio version width height x y x1 y1 x2 y2 "
    "cx cy r rx ry d points pathLength fill fill-opacity fill-rule stroke stroke-width "
    "stroke-opacity stroke-linecap stroke-linejoin stroke-dasharray stroke-dashoffset "
    "stroke-miterlimit opacity color display visibility overflow clip-path clip-rule mask "
    "filter marker-start marker-mid marker-end font-family font-size font-weight font-style "
    "text-anchor dominant-baseline alignment-baseline baseline-shift letter-spacing "
    "word-spacing text-decoration dx dy rotate textLength lengthAdjust startOffset "
    "gradientUnits gradientTransform spreadMethod fx fy fr offset stop-color stop-opacity "
    "clipPathUnits maskUnits maskContentUnits patternUnits patternContentUnits "
    "patternTransform markerWidth markerHeight markerUnits orient refX refY filterUnits "
    "primitiveUnits in in2 result stdDeviation mode type values operator k1 k2 k3 k4 "
    "flood-color flood-opacity href lang space role aria-label aria-hidden focusable".split()
)
SVG_NS = "{http://www.w3.org/2000/svg}"
_XLINK_NS = "{http://www.w3.org/1999/xlink}"
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_XMLNS = "{http://www.w3.org/2000/xmlns/}"
_LINK_ATTRIBUTES = ("href", f"{_XLINK_NS}href")
_UNSAFE_STYLE = re.compile(r"url\(\s*['\"]?(?!#)|@import|expression\(|javascript:|image-set\(|"
                           r"-moz-binding|behavior\s*:", re.IGNORECASE)
# A CSS escape: a backslash and 1-6 hex digits (and one white space), or any other character.
_CSS_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})[ \t\r\n\f]?|(.))", re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|$)", re.DOTALL)
#: An SVG file larger than this is not a drawing for a handbook page.
MAX_SVG_BYTES = 1024 * 1024


def decode_css(value: str) -> str:
    """`value` as a CSS parser reads it: comments dropped, escapes (`u\\72l(`, `u\\rl(`) decoded."""

    def unescape(match: re.Match) -> str:
        if match.group(1):
            code = int(match.group(1), 16)
            return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
        return "" if match.group(2) == "\n" else match.group(2)

    return _CSS_ESCAPE.sub(unescape, _CSS_COMMENT.sub("", value))


def display_path(path: Path, docs_dir: Path) -> str:
    """A file as messages name it, e.g. docs/en/elements/common-vision.md."""
    try:
        return path.relative_to(docs_dir.parent).as_posix()
    except ValueError:
        return os.fspath(path)


def source_findings(docs_dir: Path, languages: tuple[str, ...]) -> list[Finding]:
    """A finding for every file below `docs_dir` that may not be published."""
    findings = []
    for path, mode in _walk(docs_dir):
        where = display_path(path, docs_dir)
        relative = path.relative_to(docs_dir)
        if stat.S_ISLNK(mode):
            findings.append(Finding(where, 1, "symbolic links are not allowed in docs/; "
                                              "copy the file into docs/ instead"))
        elif stat.S_ISDIR(mode):
            if not NAME_RE.match(path.name):
                findings.append(Finding(where, 1, _name_message(path.name)))
        elif not stat.S_ISREG(mode):
            findings.append(Finding(where, 1, "not a regular file"))
        elif not NAME_RE.match(path.name):
            findings.append(Finding(where, 1, _name_message(path.name)))
        elif path.suffix.lower() == PAGE_SUFFIX:
            if len(relative.parts) < 2 or relative.parts[0] not in languages:
                findings.append(Finding(where, 1, "pages live in a language folder: "
                                        + ", ".join(f"docs/{lang}/" for lang in languages)))
        elif path.suffix.lower() not in IMAGE_SUFFIXES:
            allowed = ", ".join(sorted({PAGE_SUFFIX} | IMAGE_SUFFIXES))
            findings.append(Finding(where, 1, f"'{path.suffix or path.name}' files are not "
                                              f"published from docs/; allowed: {allowed}"))
        elif path.suffix.lower() == ".svg":
            findings += svg_findings(path, where)
    return findings


def page_paths(docs_dir: Path, lang: str) -> list[Path]:
    """The pages of one language: regular `.md` files, never through a symbolic link."""
    root = docs_dir / lang
    return [
        path for path, mode in _walk(root)
        if stat.S_ISREG(mode) and path.suffix.lower() == PAGE_SUFFIX
    ] if root.is_dir() and not root.is_symlink() else []


def _walk(root: Path):
    """(path, lstat mode) of everything below `root`, sorted, without following links; dot
    files and folders are skipped (MkDocs does not publish them)."""
    for folder, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        base = Path(folder)
        for name in dirnames + sorted(f for f in filenames if not f.startswith(".")):
            path = base / name
            yield path, path.lstat().st_mode
        # os.walk lists a symlinked folder among the folders but does not enter it.


def _name_message(name: str) -> str:
    return (f"file name '{name}' is not allowed: use letters, digits, '.', '_' and '-' "
            "(it becomes part of a web address)")


# ---------------------------------------------------------------------------------------------
# SVG images
# ---------------------------------------------------------------------------------------------


def svg_findings(path: Path, where: str) -> list[Finding]:
    """An SVG is published as an image file, and opened on its own it runs its scripts: only
    drawing elements and attributes (allowlists), links inside the file, no DTD (entity
    expansion), no processing instruction (`<?xml-stylesheet?>` loads a stylesheet)."""
    data = path.read_bytes()
    if len(data) > MAX_SVG_BYTES:
        return [Finding(where, 1, f"SVG is {len(data) // 1024} KiB; at most "
                                  f"{MAX_SVG_BYTES // 1024} KiB is allowed")]
    return [Finding(where, line, message) for line, message in svg_problems(data)]


def svg_problems(data: bytes) -> list[tuple[int, str]]:
    """(line, message) for everything in an SVG file's bytes that is not a plain drawing.

    Read by expat, which detects the encoding (a byte-order mark, UTF-16, the XML declaration)
    and reports every DOCTYPE and processing instruction, whatever the bytes look like."""
    found: list[tuple[int, str]] = []
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    stack: list[str] = []

    def line() -> int:
        return parser.CurrentLineNumber

    def doctype(*_args) -> None:
        found.append((line(), "SVG with a DOCTYPE or ENTITY declaration is not allowed; export "
                              "it as plain SVG"))
        raise _StopSvg

    def instruction(target: str, _data: str) -> None:
        found.append((line(), f"SVG processing instruction '<?{target[:30]}…?>' is not allowed "
                              "(it can load a stylesheet); remove it"))

    def start(name: str, attributes: dict[str, str]) -> None:
        tag = "{" + name if "}" in name else name
        local = tag.removeprefix(SVG_NS)
        stack.append(local)
        if local == tag or local not in SVG_ELEMENTS:
            found.append((line(), f"SVG element <{tag}> is not allowed (drawing elements only: "
                                  "no script, style, foreignObject, image)"))
            return
        for attribute, value in attributes.items():
            name = "{" + attribute if "}" in attribute else attribute
            problem = _svg_attribute_problem(local, name, value)
            if problem:
                found.append((line(), problem))

    parser.StartDoctypeDeclHandler = doctype
    parser.EntityDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    parser.StartElementHandler = start
    try:
        parser.Parse(data, True)
    except _StopSvg:
        pass
    except expat.ExpatError as err:
        found.append((err.lineno or 1, f"not a valid SVG file: {expat.ErrorString(err.code)} "
                                       f"(line {err.lineno}, column {err.offset})"))
    if not found and stack[:1] != ["svg"]:
        found.append((1, "an SVG file's root element must be <svg> "
                         "(xmlns=\"http://www.w3.org/2000/svg\")"))
    return found


class _StopSvg(Exception):
    pass


def _svg_attribute_problem(element: str, name: str, value: str) -> str | None:
    local = name.rsplit("}", 1)[-1]
    if local.lower().startswith("on"):
        return f"SVG event handler '{local}' on <{element}> is not allowed"
    namespace_ok = (name == local or name.startswith((_XLINK_NS, _XML_NS, _XMLNS)))
    if not namespace_ok or (local not in SVG_ATTRIBUTES and not name.startswith(_XMLNS)):
        return f"SVG attribute '{local}' on <{element}> is not allowed (drawing attributes only)"
    if name in _LINK_ATTRIBUTES and not value.strip().startswith("#"):
        return f"SVG link '{value[:60]}' on <{element}> is not allowed; only links inside the file (#id)"
    if _UNSAFE_STYLE.search(decode_css(value)):
        return f"SVG attribute '{local}' on <{element}> loads or runs something; only plain styles"
    return None
