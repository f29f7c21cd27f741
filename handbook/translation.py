"""Translations: which revision of the Thai original a page translates, parity, status, sync.

Each translated page records in its front matter the hash of the Thai page it was made from:

    translation:
      source_hash: 3f2a9c0d1b7e

When the Thai page changes, its hash no longer matches and the translation is *outdated*; once the
translator has caught up, `make sync-translation PAGE=docs/en/...` records the new hash (and
touches nothing else in the file). A page with no translation at all is *missing*; the English
site then shows the Thai page with a notice.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from handbook.findings import Finding
from handbook.history import git, repo_path
from handbook.loader import Handbook, Page
from handbook.schema import DEFAULT_LANGUAGE, LANGUAGES, ConceptFrontMatter

Status = Literal["translated", "outdated", "missing"]
HASH_LENGTH = 12


def source_hash(text: str) -> str:
    """The revision id of a Thai page: its text, line endings normalised, hashed."""
    normalised = text.replace("\r\n", "\n").strip() + "\n"
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:HASH_LENGTH]


@dataclass(frozen=True)
class PageStatus:
    src_uri: str  # of the original, e.g. th/elements/common-vision.md
    lang: str
    status: Status
    title: str
    recorded: str | None = None  # the hash the translation records
    current: str | None = None  # the original's hash now


def _all_originals(handbook: Handbook) -> list[Page]:
    return [p for p in handbook.pages.values() if p.lang == DEFAULT_LANGUAGE]


def translation_status(handbook: Handbook, lang: str) -> list[PageStatus]:
    """The status of every page of the original in `lang`, in the handbook's reading order."""
    statuses = []
    for original in _all_originals(handbook):
        rest = original.src_uri.split("/", 1)[1]
        current = source_hash(original.path.read_text(encoding="utf-8"))
        translated = handbook.pages.get(f"{lang}/{rest}")
        if translated is None:
            statuses.append(PageStatus(original.src_uri, lang, "missing", original.meta.title, None, current))
            continue
        recorded = translated.meta.translation.source_hash if translated.meta.translation else None
        status: Status = "translated" if recorded == current else "outdated"
        statuses.append(PageStatus(original.src_uri, lang, status, translated.meta.title, recorded, current))
    return statuses


# ---------------------------------------------------------------------------------------------
# Parity: a translation has the same structure as its original
# ---------------------------------------------------------------------------------------------


def parity_findings(handbook: Handbook) -> list[Finding]:
    findings = []
    for concept in handbook.concepts.values():
        original = concept.pages[DEFAULT_LANGUAGE]
        for lang in LANGUAGES:
            if lang == DEFAULT_LANGUAGE or lang not in concept.pages:
                continue
            findings += _compare(original, concept.pages[lang])
    return findings


def _compare(original: Page, translated: Page) -> list[Finding]:
    a, b = original.meta, translated.meta
    assert isinstance(a, ConceptFrontMatter) and isinstance(b, ConceptFrontMatter)
    out = []
    # The editors' lead is translated like the points: present in one language, in every one.
    if a.lead and not b.lead:
        out.append(Finding(translated.display_path, translated.line_of("summary"),
                           f"field 'lead': missing; the original has a lead to translate "
                           f"(original: {original.display_path})"))
    elif b.lead and not a.lead:
        out.append(Finding(translated.display_path, translated.line_of("lead"),
                           f"field 'lead': the original has no lead; add it there first "
                           f"(original: {original.display_path})"))

    def differ(field_name: str, mine, theirs, hint: str) -> None:
        if mine != theirs:
            out.append(Finding(translated.display_path, translated.line_of(field_name),
                               f"field '{field_name}': {hint} (original: {original.display_path})"))

    differ("kind", b.kind, a.kind, f"must be '{a.kind}' as in the original")
    differ("order", b.order, a.order, f"must be {a.order} as in the original")
    differ("terms", b.terms, a.terms, "the terms must be the same in every language")
    differ("related", sorted(b.related), sorted(a.related), f"must list {sorted(a.related)}")
    for field_name in ("points", "checklist"):
        mine = [i.id for i in getattr(b, field_name)]
        theirs = [i.id for i in getattr(a, field_name)]
        if mine != theirs:
            missing = [i for i in theirs if i not in mine]
            extra = [i for i in mine if i not in theirs]
            detail = []
            if missing:
                detail.append(f"missing {missing}")
            if extra:
                detail.append(f"not in the original {extra}")
            if not detail:
                detail.append(f"order differs; the original has {theirs}")
            differ(field_name, mine, theirs, "ids must match the original: " + ", ".join(detail))
    return out


# ---------------------------------------------------------------------------------------------
# What changed in the original: find the version the translation was made from in git history
# ---------------------------------------------------------------------------------------------


def changes_since(original: Path, recorded: str, *, max_lines: int = 12) -> list[str]:
    """A short diff of the original since the revision `recorded`; [] if it cannot be found."""
    found = repo_path(original)
    if found is None:
        return []
    root, relative = found
    commits = (git(["log", "--format=%H", "--", relative], cwd=root) or "").split()
    for commit in commits:
        old = git(["show", f"{commit}:{relative}"], cwd=root)
        if old is not None and source_hash(old) == recorded:
            new = original.read_text(encoding="utf-8")
            diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
            lines = [line for line in diff if not line.startswith(("---", "+++", "@@"))]
            return lines[:max_lines] + ([f"… {len(lines) - max_lines} more lines"] if len(lines) > max_lines else [])
    return []


# ---------------------------------------------------------------------------------------------
# Sync: record the original's current hash in a translation (edits only that field)
# ---------------------------------------------------------------------------------------------

_FIELD = re.compile(r"^(\s+source_hash:\s*)(\S*)(.*)$")


def set_source_hash(text: str, new_hash: str) -> str:
    """`text` with `translation.source_hash` set to `new_hash`; every other byte unchanged."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "---":
        raise ValueError("no front matter")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise ValueError("front matter is not closed with '---'")
    newline = "\r\n" if lines[0].endswith("\r\n") else "\n"
    for index in range(1, end):
        if lines[index].rstrip() == "translation:":
            for inner in range(index + 1, end):
                if not lines[inner].startswith((" ", "\t")):
                    break
                match = _FIELD.match(lines[inner].rstrip("\r\n"))
                if match:
                    ending = lines[inner][len(lines[inner].rstrip("\r\n")):]
                    lines[inner] = f'{match.group(1)}"{new_hash}"{match.group(3)}{ending}'
                    return "".join(lines)
            lines.insert(index + 1, f'  source_hash: "{new_hash}"{newline}')
            return "".join(lines)
    # Quoted: a hash of only digits would otherwise be read as a number.
    lines.insert(end, f'translation:{newline}  source_hash: "{new_hash}"{newline}')
    return "".join(lines)


def original_of(translated: Path, docs_dir: Path) -> Path:
    relative = translated.resolve().relative_to(docs_dir.resolve())
    return docs_dir / DEFAULT_LANGUAGE / Path(*relative.parts[1:])


# ---------------------------------------------------------------------------------------------
# Notices and the status page (Markdown for the site)
# ---------------------------------------------------------------------------------------------

NOTICES = {
    "missing": (
        '!!! warning "Not translated yet"\n\n'
        "    This page has not been translated into English yet, so you are reading the Thai "
        "original. You can help: translations are welcome as pull requests — see the "
        "[translation status]({status}) page for how.\n"
    ),
    "outdated": (
        '!!! info "The Thai original has changed"\n\n'
        "    The Thai original of this page was revised after this translation was made, so some "
        "details may differ. The [translation status]({status}) page lists what needs updating.\n"
    ),
}

STATUS_SRC = "{lang}/translation-status.md"

_STATUS_WORDS = {
    "th": {"translated": "แปลแล้ว", "outdated": "ต้นฉบับเปลี่ยน ต้องปรับคำแปล", "missing": "ยังไม่ได้แปล",
           "title": "สถานะการแปล", "page": "หน้า", "status": "สถานะ", "edit": "แก้ไข",
           "create": "เริ่มแปล", "summary": "ภาษา{name}: แปลแล้ว {done} จาก {total} หน้า ({percent}%)",
           "intro": "ต้นฉบับของคู่มือเป็นภาษาไทย หน้านี้สร้างขึ้นอัตโนมัติทุกครั้งที่สร้างเว็บไซต์ "
                    "แสดงว่าหน้าใดแปลแล้ว หน้าใดต้นฉบับเปลี่ยนหลังแปล และหน้าใดยังไม่ได้แปล "
                    "วิธีร่วมแปลอยู่ในไฟล์ CONTRIBUTING.md ของที่เก็บโค้ด",
           "name.en": "อังกฤษ"},
    "en": {"translated": "translated", "outdated": "outdated — the Thai original changed",
           "missing": "not translated yet", "title": "Translation status", "page": "Page",
           "status": "Status", "edit": "edit", "create": "start translating",
           "summary": "{name}: {done} of {total} pages translated ({percent}%)",
           "intro": "The handbook's original is Thai. This page is generated on every build: it shows "
                    "which pages are translated, which changed in Thai after they were translated, "
                    "and which are not translated yet. CONTRIBUTING.md in the repository explains "
                    "how to help.",
           "name.en": "English"},
}


def render_status_page(handbook: Handbook, lang: str, edit_base: str) -> str:
    """The generated translation status page, in `lang`, covering every translation language."""
    from handbook.render import relative_link

    words = _STATUS_WORDS[lang]
    src_uri = STATUS_SRC.format(lang=lang)
    out = ["---", f'title: "{words["title"]}"', "search:", "  exclude: true", "---", "", words["intro"], ""]
    for target in LANGUAGES:
        if target == DEFAULT_LANGUAGE:
            continue
        statuses = translation_status(handbook, target)
        done = sum(s.status == "translated" for s in statuses)
        percent = round(100 * done / len(statuses)) if statuses else 100
        counts = {k: sum(s.status == k for s in statuses) for k in ("translated", "outdated", "missing")}
        out.append(f"**{words['summary'].format(name=words['name.' + target], done=done, total=len(statuses), percent=percent)}**")
        out.append("")
        out.append(" · ".join(f"{words[k]}: {v}" for k, v in counts.items()))
        out.append("")
        out.append(f"| {words['page']} | {words['status']} | |")
        out.append("|---|---|---|")
        for status in statuses:
            rest = status.src_uri.split("/", 1)[1]
            link = relative_link(src_uri, f"{lang}/{rest}")
            action = words["create"] if status.status == "missing" else words["edit"]
            verb = "new" if status.status == "missing" else "edit"
            url = f"{edit_base.rstrip('/')}/{verb}/main/docs/{target}/{rest}"
            if verb == "new":
                folder, _, name = f"docs/{target}/{rest}".rpartition("/")
                url = f"{edit_base.rstrip('/')}/new/main/{folder}?filename={name}"
            title = handbook.pages[status.src_uri].meta.title if lang == DEFAULT_LANGUAGE else status.title
            out.append(f"| [{title}]({link}) | {words[status.status]} | [{action}]({url}) |")
        out.append("")
    return "\n".join(out)
