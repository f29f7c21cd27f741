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
import xml.etree.ElementTree as ET
from pathlib import Path

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
SVG_NS = "{http://www.w3.org/2000/svg}"
_LINK_ATTRIBUTES = ("href", "{http://www.w3.org/1999/xlink}href")
_UNSAFE_STYLE = re.compile(r"url\(\s*['\"]?(?!#)|@import|expression\(|javascript:", re.IGNORECASE)


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
    drawing elements and attributes, links inside the file, no DTD (entity expansion)."""
    data = path.read_bytes()
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return [Finding(where, 1, "SVG with a DOCTYPE or ENTITY declaration is not allowed; "
                                  "export it as plain SVG")]
    try:
        root = ET.fromstring(data)
    except ET.ParseError as err:
        return [Finding(where, err.position[0], f"not a valid SVG file: {err}")]
    findings = []
    for element in root.iter():
        tag = element.tag if isinstance(element.tag, str) else ""
        name = tag.removeprefix(SVG_NS)
        if name == tag or name not in SVG_ELEMENTS:
            findings.append(Finding(where, 1, f"SVG element <{tag}> is not allowed (drawing "
                                              "elements only: no script, style, foreignObject)"))
            continue
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            if local.startswith("on"):
                findings.append(Finding(where, 1, f"SVG event handler '{local}' on <{name}> is "
                                                  "not allowed"))
            elif attribute in _LINK_ATTRIBUTES and not value.strip().startswith("#"):
                findings.append(Finding(where, 1, f"SVG link '{value}' on <{name}> is not "
                                                  "allowed; only links inside the file (#id)"))
            elif _UNSAFE_STYLE.search(value):
                findings.append(Finding(where, 1, f"SVG attribute '{local}' on <{name}> loads "
                                                  "or runs something; only plain styles"))
    return findings
