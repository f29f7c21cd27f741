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
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from markupsafe import Markup

from handbook.findings import Finding
from handbook.history import git, repo_path
from handbook.labels import label
from handbook.loader import Handbook, Page
from handbook.newfile import new_file_url
from handbook.schema import ConceptFrontMatter
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
# Parity: a translation has the same structure as its original
# ---------------------------------------------------------------------------------------------


def parity_findings(handbook: Handbook) -> list[Finding]:
    findings = []
    for concept in handbook.concepts.values():
        original = concept.pages[handbook.default_language]
        for lang in handbook.languages:
            if lang == handbook.default_language or lang not in concept.pages:
                continue
            findings += _compare(original, concept.pages[lang])
    return findings


def _script(char: str) -> str:
    """The script of a letter by its Unicode name: THAI, LATIN, LAO…"""
    return unicodedata.name(char, "?").split(" ")[0]


def dominant_script(text: str) -> tuple[str | None, float]:
    """The script most letters of `text` are in, and its share of the letters."""
    counts: dict[str, int] = {}
    for char in text:
        if char.isalpha():
            script = _script(char)
            counts[script] = counts.get(script, 0) + 1
    if not counts:
        return None, 0.0
    script = max(counts, key=counts.get)
    return script, counts[script] / sum(counts.values())


def _texts(page: Page) -> list[str]:
    meta = page.meta
    texts = [meta.title, meta.summary]
    if isinstance(meta, ConceptFrontMatter):
        texts += [p.text for p in meta.points] + [i.text for i in meta.checklist]
    return texts


def untranslated_findings(handbook: Handbook) -> list[Finding]:
    """A warning for a "translation" that is mostly the original: its texts copied unchanged, or
    mostly written in the original's script where the language has words of its own in another
    script (labels/<lang>.yml). Copying the original and syncing its hash must not count as
    translated on the status page without anyone noticing."""
    original_lang = handbook.default_language
    labels = handbook.project.labels
    findings = []
    for page in handbook.pages.values():
        if page.lang == original_lang:
            continue
        original = handbook.pages.get(f"{original_lang}/{page.src_uri.split('/', 1)[1]}")
        if original is None:
            continue
        reason = untranslated_reason(page, original, labels.words.get(page.lang, {}))
        if reason is None:
            continue
        findings.append(Finding(page.display_path, page.line_of("title"),
                                f"not translated yet? {reason} ({original.display_path}); translate "
                                "it, or delete the file so that readers see the original with a notice",
                                "warning"))
    return findings


def untranslated_reason(page: Page, original: Page, own_words: dict[str, str]) -> str | None:
    """Why `page` is still mostly its original (None when it is not): most of its texts copied
    unchanged, or most of its letters in the original's script where the language's own words
    (`own_words`, its labels) are in another script."""
    mine, theirs = _texts(page), _texts(original)
    same = sum(a.strip() == b.strip() for a, b in zip(mine, theirs, strict=False))
    source_script, _ = dominant_script(" ".join(theirs))
    language_script, _ = dominant_script(" ".join(own_words.values())) if own_words else (None, 0.0)
    text = " ".join(mine)
    letters = [c for c in text if c.isalpha()]
    share = (sum(_script(c) == source_script for c in letters) / len(letters)) if letters else 0.0
    if same * 2 >= len(theirs):
        return f"{same} of its {len(theirs)} texts are the original's, unchanged"
    if language_script and language_script != source_script and share > 0.5:
        return f"{round(100 * share)}% of its letters are in the original's script"
    return None


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
    # A translation may add (or word) the term in its own language; the others are the original's.
    differ("terms", {k: v for k, v in b.terms.items() if k != translated.lang},
           {k: v for k, v in a.terms.items() if k != translated.lang},
           "the terms must be the same in every language (a translation may add its own)")
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


def _recorded_version(original: Path, recorded: str) -> str | None:
    """The text of the original at the revision whose hash is `recorded`, from git history."""
    found = repo_path(original)
    if found is None:
        return None
    root, relative = found
    commits = (git(["log", "--format=%H", "--", relative], cwd=root) or "").split()
    for commit in commits:
        old = git(["show", f"{commit}:{relative}"], cwd=root)
        if old is not None and source_hash(old) == recorded:
            return old
    return None


def changes_since(original: Path, recorded: str, *, max_lines: int = 12) -> list[str]:
    """A short diff of the original since the revision `recorded`; [] if it cannot be found."""
    old = _recorded_version(original, recorded)
    if old is None:
        return []
    new = original.read_text(encoding="utf-8")
    diff = difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=0)
    lines = [line for line in diff if not line.startswith(("---", "+++", "@@"))]
    return lines[:max_lines] + ([f"… {len(lines) - max_lines} more lines"] if len(lines) > max_lines else [])


def changed_ids(old_text: str, new_text: str) -> list[str]:
    """What a translator must look at: the fields, points and items whose original text changed,
    was added or removed ("point 2 (id regular-activities) changed")."""
    from handbook.loader import split_front_matter
    from handbook.yamlsafe import FrontMatterError, parse_front_matter

    def fields(text: str) -> dict | None:
        split = split_front_matter(text)
        if split is None:
            return None
        try:
            data, _ = parse_front_matter(split[0], first_line=2)
        except FrontMatterError:
            return None
        return data if isinstance(data, dict) else None

    old, new = fields(old_text), fields(new_text)
    if old is None or new is None:
        return []
    out = []
    for name in ("title", "summary", "lead", "synonyms"):
        if old.get(name) != new.get(name):
            out.append(name)
    for name, word in (("points", "point"), ("checklist", "item")):
        before = {i.get("id"): i.get("text") for i in old.get(name) or [] if isinstance(i, dict)}
        for number, item in enumerate(new.get(name) or [], start=1):
            if not isinstance(item, dict):
                continue
            if item.get("id") not in before:
                out.append(f"{word} {number} (id {item.get('id')}) added")
            elif before[item.get("id")] != item.get("text"):
                out.append(f"{word} {number} (id {item.get('id')}) changed")
        now = {i.get("id") for i in new.get(name) or [] if isinstance(i, dict)}
        out += [f"{word} id {old_id} removed" for old_id in before if old_id not in now]
    return out


def changed_ids_since(original: Path, recorded: str) -> list[str]:
    old = _recorded_version(original, recorded)
    return changed_ids(old, original.read_text(encoding="utf-8")) if old is not None else []


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
    from handbook.project import active_project

    relative = translated.resolve().relative_to(docs_dir.resolve())
    return docs_dir / active_project().default_language / Path(*relative.parts[1:])


# ---------------------------------------------------------------------------------------------
# Notices and the status page (Markdown for the site)
# ---------------------------------------------------------------------------------------------

STATUS_SRC = "{lang}/translation-status.md"

def language_name(lang: str, code: str) -> str:
    """The name of language `code` in `lang`'s words ("language.<code>"), else its own name."""
    from handbook.labels import active_labels
    from handbook.project import active_project

    key = f"language.{code}"
    if key in active_labels().words.get(lang, {}) or key in active_labels().words[active_labels().default]:
        return label(lang, key)
    return active_project().names.get(code, code)


def render_notice(kind: str, lang: str, status_link: str, *, shown: str | None = None) -> str:
    """The notice on a page that is not translated ("missing") or whose original changed, as an
    admonition marked with the language its words are in (the first of `lang`'s chain that has
    them). `shown`: the language the page is shown in (the original unless its chain has it)."""
    from handbook.labels import active_labels
    from handbook.project import active_project

    original = shown or active_project().default_language
    words_lang = active_labels().lang_of(lang, f"notice.{kind}.text")
    css = "warning" if kind == "missing" else "info"
    # The languages named in the words' own language.
    names = {"language": language_name(words_lang, lang), "original": language_name(words_lang, original)}
    title = label(lang, f"notice.{kind}.title", **names)
    text = Markup(label(lang, f"notice.{kind}.text", **names, status=status_link))  # Markdown, as it is
    return render_fragment("notice.md", css=css, lang=words_lang, title=title, text=text) + "\n"


def render_shown_in(lang: str, markdown: str) -> str:
    """A page's Markdown marked as written in `lang` (shown to readers of another language)."""
    return render_fragment("shown-in.md", lang=lang, markdown=Markup(markdown)) + "\n"


def render_status_page(handbook: Handbook, lang: str, edit_base: str) -> str:
    """The generated translation status page, in `lang`, covering every translation language."""
    from handbook.mdtext import cell, relative_link

    def words(key: str, **values: object) -> str:
        return label(lang, f"status.{key}", **values)

    original = handbook.default_language
    src_uri = STATUS_SRC.format(lang=lang)
    out = [render_front_matter({"title": words("title"), "search": {"exclude": True}}),
           words("intro", original=language_name(lang, original)), ""]
    for target in handbook.languages:
        if target == original:
            continue
        statuses = translation_status(handbook, target)
        done = sum(s.status == "translated" for s in statuses)
        percent = round(100 * done / len(statuses)) if statuses else 100
        counts = {k: sum(s.status == k for s in statuses) for k in ("translated", "outdated", "missing")}
        summary = words("summary", name=language_name(lang, target), done=done, total=len(statuses),
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
