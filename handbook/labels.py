"""Interface words the generators write into pages, per language, read from `labels/<lang>.yml`.

Content lives in the pages' front matter; these are the handbook's own words (section names,
buttons, notices). Translators edit `labels/<lang>.yml`: a flat mapping of keys to plain text,
the same keys as the original language's file. A key a language lacks — or a language with no
file yet — shows the original's words, with a warning from `make check`.

Labels are untrusted input like every other file of a pull request: plain text only (no HTML,
no Markdown links or images), each `{placeholder}` one the generator fills in. Where a label is
inserted, it is escaped.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path

from handbook.copies import copied_labels, copied_labels_finding
from handbook.findings import Finding
from handbook.yamlsafe import FrontMatterError, parse_front_matter

_PLACEHOLDER = re.compile(r"{(\w*)}")
#: `{{`, `}}` or one replacement field, as the formatter below reads a label.
_FIELD = re.compile(r"{{|}}|{([^{}]*)}")
#: A placeholder is a bare name: no attribute, index, conversion or format spec (`{n.real}`,
#: `{n[0]}`, `{n!r}`, `{n:20000000}` could read the values' insides or cost any time and memory).
_BARE_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
#: The longest label (the real ones are under 300 characters).
MAX_LABEL_CHARS = 1000


def fill_placeholders(text: str, values: dict[str, object]) -> str:
    """`text` with each `{name}` of `values` filled in; `{{` and `}}` are braces; a placeholder
    the caller does not fill stays as written (the page's script may fill it, e.g. {percent}).

    Never `str.format`: a label is untrusted text, and this formatter knows only bare names."""

    def replace(match: re.Match) -> str:
        if match.group(1) is None:
            return match.group(0)[0]
        name = match.group(1)
        return str(values[name]) if name in values else match.group(0)

    return _FIELD.sub(replace, text)


def placeholder_problem(value: str) -> str | None:
    """Why the placeholders of `value` cannot be filled by `fill_placeholders`, or None."""
    try:
        fields = list(string.Formatter().parse(value))  # parsing only: nothing is formatted
    except ValueError as err:
        return f"a lone '{{' or '}}' ({err}); write {{{{ or }}}} for a brace"
    for _, name, spec, conversion in fields:
        if name is None:
            continue
        if not _BARE_NAME.fullmatch(name) or spec or conversion:
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            return (f"placeholder '{written[:40]}' is not allowed: a placeholder is a bare name "
                    "such as {n} (no attribute, index, conversion or format)")
    return None


#: The words the generator writes, which the original language's file must hold. Besides these,
#: handbook.yml asks for "section.<kind>", "checklist.<id>", "checklist.<id>.intro" and
#: "result.next.<concept>" (+ ".link") for its sections, checklists and next steps
#: (`handbook.project.required_labels`).
GENERATOR_KEYS: tuple[str, ...] = (
    "questions.title", "questions.intro",
    "term.line", "points.count", "related",
    "mentioned", "glossary.title", "glossary.intro", "glossary.term", "glossary.other",
    "glossary.meaning", "glossary.see", "map.title", "map.desc", "map.center",
    "checklists.index.title", "checklists.index.intro", "checklist.source", "checklist.note",
    "print.network", "print.date", "print.participants", "toolbar.label", "toolbar.ticked",
    "toolbar.print", "toolbar.share", "toolbar.clear", "toolbar.print.short",
    "toolbar.share.short", "toolbar.clear.short", "toolbar.copied", "toolbar.confirm-clear",
    "app.short_name", "og.locale", "footer.text", "footer.licence_url", "footer.code",
    "footer.made_with", "offline.saving", "offline.ready", "offline.failed", "offline.other",
    "offline.other_ready", "offline.updated", "offline.reload", "offline.share_local",
    "notfound.title", "notfound.text", "notfound.home", "shared.title", "shared.use",
    "shared.keep", "result.chart", "result.type", "result.type.none", "result.type.lead",
    "notice.missing.title", "notice.missing.text", "notice.outdated.title", "notice.outdated.text",
    "status.translated", "status.outdated", "status.missing", "status.title", "status.page",
    "status.status", "status.edit", "status.create", "status.summary", "status.intro",
    "lead.label", "result.next.title", "emendations.count", "emendations.where",
    "emendations.original", "emendations.corrected", "emendations.why", "emendations.at.point",
    "emendations.at.title", "emendations.at.terms", "emendations.at.body", "emendation.typo",
    "emendation.spelling", "emendation.spacing", "emendation.wording", "emendation.conjecture",
    "emendation.term", "emendation.markup", "book.author", "book.keywords", "book.kicker",
    "book.source.title", "book.source", "book.licence.title", "book.licence", "book.edition.title",
    "book.edition", "book.revision", "book.online.title", "book.contents", "book.added.legend",
    "book.summary", "book.glossary.added", "book.appendix", "book.appendix.copy", "book.tally",
    "book.verdict.type", "book.page", "book.link", "book.link.checklists", "search.corrected", "section.checklists",
    "section.guide", "added.point", "added.page",
    # The printed book's front matter, editors' marker and checklists for paper (handbook/book/)
    "book.date.months", "book.date.year_offset", "book.date.month", "book.date.day",
    "book.imprint.title", "book.imprint.ordinals", "book.imprint.edition", "book.imprint.editors.title",
    "book.imprint.licence.editors", "book.imprint.licence.source", "book.imprint.source.title",
    "book.imprint.source", "book.imprint.cite.title", "book.imprint.cite", "book.imprint.cite.url",
    "book.imprint.content", "book.imprint.corrections.title", "book.imprint.corrections",
    "book.preface.title", "book.preface", "book.howto.title", "book.howto.order", "book.howto.marker",
    "book.howto.refs", "book.howto.checklists", "book.marker.legend", "book.marker.name",
    "book.marker.replaces",
    "book.appendix.paper", "book.total", "book.result.type", "book.spread",
)
#: Labels that hold a web address rather than words.
URL_SUFFIX = "_url"


@dataclass(frozen=True)
class Labels:
    """Every language's words, and the original's as the fallback."""

    words: dict[str, dict[str, str]]
    default: str
    fallbacks: dict[str, frozenset[str]] = field(default_factory=dict)  # lang → keys shown in the original
    # lang → where its words come from, in order (the project's fallback chains); the original last
    chains: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def chain(self, lang: str) -> tuple[str, ...]:
        return self.chains.get(lang) or tuple(dict.fromkeys((lang, self.default)))

    def get(self, lang: str, key: str, **values: object) -> str:
        text = self.words.get(self.lang_of(lang, key), {}).get(key)
        if text is None:
            # `make check` and the build refuse an original without a key the generator needs;
            # a key used nowhere else shows as itself, as Material does with its own words.
            text = self.words[self.default].get(key, key)
        # A placeholder the caller does not fill stays as written (the page's script may fill
        # it, e.g. {percent}); it never raises.
        return fill_placeholders(text, values) if values else text

    def lang_of(self, lang: str, key: str) -> str:
        """The language the words of `key` are really in on a `lang` page: the first of its chain
        that has them (the original's when none has)."""
        return next((code for code in self.chain(lang) if key in self.words.get(code, {})), self.default)

    def keys(self) -> list[str]:
        return list(self.words[self.default])


def load_labels(folder: Path, languages: tuple[str, ...], findings: list[Finding], *,
                display_root: Path) -> Labels:
    """Each language's `labels/<lang>.yml`, checked against the original's keys."""
    default = languages[0]
    words: dict[str, dict[str, str]] = {}
    lines: dict[str, dict] = {}
    for lang in languages:
        path = folder / f"{lang}.yml"
        display = path.relative_to(display_root).as_posix() if path.is_relative_to(display_root) else str(path)
        if not path.is_file():
            if lang == default:
                findings.append(Finding(display, 1, f"no interface words for the original language "
                                                    f"'{lang}': every label of the site comes from it"))
                words[lang] = {}
            else:
                findings.append(Finding(display, 1, f"no interface words for '{lang}' yet: its pages "
                                                    f"show those of '{default}' (copy labels/{default}.yml "
                                                    "to translate them)", "warning"))
            continue
        try:
            data, found_lines = parse_front_matter(path.read_text(encoding="utf-8"), first_line=1)
        except FrontMatterError as err:
            findings += [Finding(display, line, text) for line, text in err.problems]
            continue
        except UnicodeDecodeError:
            findings.append(Finding(display, 1, "not valid UTF-8; save the file as UTF-8"))
            continue
        if data is None:
            data = {}
        if not isinstance(data, dict):
            findings.append(Finding(display, 1, "labels must be a mapping of keys to words"))
            continue
        good: dict[str, str] = {}
        for key, value in data.items():
            line = found_lines.get((key,), 1)
            if not isinstance(value, str) or not value.strip():
                findings.append(Finding(display, line, f"label '{key}': must be plain text, not empty"))
                continue
            problem = _text_problem(key, value)
            if problem:
                findings.append(Finding(display, line, f"label '{key}': {problem}"))
                continue
            good[str(key)] = value.strip()
        words[lang] = good
        lines[lang] = found_lines
    original = words.get(default, {})
    fallbacks: dict[str, frozenset[str]] = {}
    for lang in languages[1:]:
        if lang not in words:
            fallbacks[lang] = frozenset(original)
            continue
        display = (folder / f"{lang}.yml").relative_to(display_root).as_posix()
        missing = [k for k in original if k not in words[lang]]
        fallbacks[lang] = frozenset(missing)
        for key in missing:
            findings.append(Finding(display, 1, f"label '{key}' is missing: the '{default}' words "
                                                "are shown", "warning"))
        # A file copied from the original's and partly translated: count what is left.
        if copied := copied_labels_finding(display, default, original, words[lang], lines[lang]):
            findings.append(copied)
            # Shown as what they are: the original's words, marked with its language.
            for key in copied_labels(original, words[lang]):
                words[lang].pop(key)
                fallbacks[lang] = fallbacks[lang] | {key}
        for key in [k for k in words[lang] if k not in original]:
            findings.append(Finding(display, lines[lang].get((key,), 1),
                                    f"label '{key}' is not one of labels/{default}.yml's keys "
                                    "(misspelt, or removed there?)", "warning"))
        for key, text in list(words[lang].items()):
            if key not in original:
                continue
            allowed = set(_PLACEHOLDER.findall(original[key])) | set(languages)
            unknown = sorted(set(_PLACEHOLDER.findall(text)) - allowed)
            if unknown:
                findings.append(Finding(display, lines[lang].get((key,), 1),
                                        f"label '{key}': unknown placeholder '{{{unknown[0]}}}' "
                                        f"(the '{default}' words use: "
                                        f"{', '.join('{' + p + '}' for p in sorted(_PLACEHOLDER.findall(original[key]))) or 'none'})"))
                words[lang].pop(key)
    return Labels(words, default, fallbacks)


def _text_problem(key: str, value: str) -> str | None:
    from handbook.lint import invisible_problem
    from handbook.sanitize import judge_url, text_problem

    if key.endswith(URL_SUFFIX):
        if not value.startswith("https://") or re.search(r"[\s<>\"']", value):
            return "must be one https:// address"
        return judge_url(value, embedded=False)
    if len(value) > MAX_LABEL_CHARS:
        return f"{len(value)} characters; a label has at most {MAX_LABEL_CHARS}"
    if problem := placeholder_problem(value) or invisible_problem(value):
        return problem
    if re.search(r"[<>]", value):
        return "HTML is not allowed in labels (found '<' or '>'); write plain text"
    return text_problem(value)
