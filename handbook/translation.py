"""Translations: which revision of the Thai original a page translates, parity, status, sync.

Each translated page records in its front matter the hash of the Thai page it was made from:

    translation:
      source_hash: 3f2a9c0d1b7e

When the Thai page changes, its hash no longer matches and the translation is *outdated*; once the
translator has caught up, `make sync-translation PAGE=docs/en/...` records the new hash (and
touches nothing else in the file). A page with no translation at all is *missing*; the English
site then shows the Thai page with a notice.

Here: the hash, each page's status, the sync of the hash, the notices and the status page.
Beside it: `handbook.parity` (a translation's structure against its original, and whether it is
translated at all) and `handbook.translation_diff` (what changed in the original since, from git).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from markupsafe import Markup

from handbook.loader import Handbook, Page
from handbook.newfile import new_file_url
from handbook.project import Project
from handbook.templating import render_fragment, render_front_matter

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
    return [p for p in handbook.pages.values() if p.lang == handbook.default_language]


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


def original_of(translated: Path, docs_dir: Path, *, default_language: str) -> Path:
    relative = translated.resolve().relative_to(docs_dir.resolve())
    return docs_dir / default_language / Path(*relative.parts[1:])


# ---------------------------------------------------------------------------------------------
# Notices and the status page (Markdown for the site)
# ---------------------------------------------------------------------------------------------

STATUS_SRC = "{lang}/translation-status.md"


def language_name(project: Project, lang: str, code: str) -> str:
    """The name of language `code` in `lang`'s words ("language.<code>"), else its own name."""
    labels = project.labels
    key = f"language.{code}"
    if key in labels.words.get(lang, {}) or key in labels.words[labels.default]:
        return labels.get(lang, key)
    return project.names.get(code, code)


def render_notice(project: Project, kind: str, lang: str, status_link: str, *, shown: str | None = None) -> str:
    """The notice on a page that is not translated ("missing") or whose original changed, as an
    admonition marked with the language its words are in (the first of `lang`'s chain that has
    them). `shown`: the language the page is shown in (the original unless its chain has it)."""
    original = shown or project.default_language
    words_lang = project.labels.lang_of(lang, f"notice.{kind}.text")
    css = "warning" if kind == "missing" else "info"
    # The languages named in the words' own language.
    names = {"language": language_name(project, words_lang, lang),
             "original": language_name(project, words_lang, original)}
    title = project.labels.get(lang, f"notice.{kind}.title", **names)
    text = Markup(project.labels.get(lang, f"notice.{kind}.text", **names, status=status_link))  # Markdown, as it is
    return render_fragment("notice.md", css=css, lang=words_lang, title=title, text=text) + "\n"


def render_shown_in(lang: str, markdown: str) -> str:
    """A page's Markdown marked as written in `lang` (shown to readers of another language)."""
    return render_fragment("shown-in.md", lang=lang, markdown=Markup(markdown)) + "\n"


def render_status_page(handbook: Handbook, lang: str, edit_base: str) -> str:
    """The generated translation status page, in `lang`, covering every translation language."""
    from handbook.mdtext import cell, relative_link

    def words(key: str, **values: object) -> str:
        return handbook.labels.get(lang, f"status.{key}", **values)

    original = handbook.default_language
    src_uri = STATUS_SRC.format(lang=lang)
    out = [render_front_matter({"title": words("title"), "search": {"exclude": True}}),
           words("intro", original=language_name(handbook.project, lang, original)), ""]
    for target in handbook.languages:
        if target == original:
            continue
        statuses = translation_status(handbook, target)
        done = sum(s.status == "translated" for s in statuses)
        percent = round(100 * done / len(statuses)) if statuses else 100
        counts = {k: sum(s.status == k for s in statuses) for k in ("translated", "outdated", "missing")}
        summary = words("summary", name=language_name(handbook.project, lang, target), done=done, total=len(statuses),
                        percent=percent)
        out.append(f"**{summary}**")
        out.append("")
        out.append(" · ".join(f"{words(k)}: {v}" for k, v in counts.items()))
        out.append("")
        out.append(f"| {words('page')} | {words('status')} | |")
        out.append("|---|---|---|")
        for status in statuses:
            rest = status.src_uri.split("/", 1)[1]
            link = relative_link(src_uri, f"{lang}/{rest}")
            action = words("create") if status.status == "missing" else words("edit")
            verb = "new" if status.status == "missing" else "edit"
            url = f"{edit_base.rstrip('/')}/{verb}/main/docs/{target}/{rest}"
            if verb == "new":
                # GitHub's new-file page, prefilled with the original (handbook/newfile.py).
                original_page = handbook.pages[status.src_uri]
                url = new_file_url(edit_base, f"docs/{target}/{rest}", original_page.display_path,
                                   original_page.path.read_text(encoding="utf-8"))
            title = handbook.pages[status.src_uri].meta.title if lang == original else status.title
            out.append(f"| [{cell(title)}]({link}) | {words(status.status)} | [{action}]({url}) |")
        out.append("")
    return "\n".join(out)
