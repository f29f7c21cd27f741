"""Fuzzing the readers of untrusted input (Hypothesis): for any input, findings or a pass —
never a traceback, never over a time budget.

The page reader, the labels, handbook.yml, emendations.yml and the SVG check each get inputs
built from the pieces their attackers use (delimiters, YAML's constructs, markup, braces,
invisible characters, long runs) spliced into real, valid files, and plain random text.
`make test` runs a few examples of each (a few seconds); `make fuzz` runs many more
(HANDBOOK_FUZZ_EXAMPLES, default here 25).
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handbook.check import collect_findings
from handbook.emendations import read_emendations
from handbook.findings import Finding
from handbook.labels import fill_placeholders, load_labels, placeholder_problem
from handbook.limits import page_limit_findings
from handbook.loader import read_page
from handbook.project import read_structure
from handbook.sanitize import markdown_findings, text_problem
from handbook.sources import svg_problems
from tests.fixtures import GOOD_TH, ROOT, STRUCTURE, write_handbook

EXAMPLES = int(os.environ.get("HANDBOOK_FUZZ_EXAMPLES", "25"))
#: Seconds one reader may take on one input (a real page takes milliseconds).
BUDGET = 5.0

FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=EXAMPLES <= 50,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

PIECES = [
    "---", "...", "    ---", "\t...", "--- x", "\n", "\r\n", "\r", "  ", "    ", "\t", ": ", "- ", "> ",
    "title: ", "id: ", "kind: element", "order: 1", "points:", "  - id: a", "    text: ", "terms:",
    "template: main.html", "formerly: [a]", "{", "}", "{n}", "{n.real}", "{n[0]}", "{n!r}",
    "{n:99999}", "{{", "}}", "<", ">", "<<<<", "&lt;", "&#60;", "\\x3C", "\\u003C", '"', "'",
    "*a", "&a ", "!!python/name:os.system", "<<: ", "? ", "[", "]", "{a: ", "|", ">-",
    "<img src=x onerror=alert(1)>", '<div markdown="1">', "</div>", "<!--", "-->", "<?x?>",
    "<!DOCTYPE x>", "[x](javascript:alert(1))", "![x](https://e.invalid/x.png)", "{: .hb-offline }",
    "\u202e", "\u2066", "\u200b", "\ufeff", "\u2028", "\x85", "\x00", "ก", "๑" * 50, "ำ", "\u0e4d\u0e32",
    "9" * 60, "1e999", ".inf", "~", "null", "true",
]
piece = st.one_of(st.sampled_from(PIECES), st.text(max_size=12))
noise = st.lists(piece, max_size=30).map("".join)


@st.composite
def spliced(draw, base: str) -> str:
    """`base` with a few pieces of noise inserted at drawn positions."""
    text = base
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(text)))
        text = text[:at] + draw(noise) + text[at:]
    return text


def within_budget(call, *args, **kwargs):
    started = time.perf_counter()
    result = call(*args, **kwargs)
    spent = time.perf_counter() - started
    assert spent < BUDGET, f"{call.__name__} took {spent:.1f} s"
    return result


def write(folder: str, name: str, text: str | bytes) -> Path:
    path = Path(folder) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
    return path


# ---------------------------------------------------------------------------------------------
# The page reader and the text checks it leads to
# ---------------------------------------------------------------------------------------------

REAL_PAGE = GOOD_TH.format(id="alpha", order=1, related="beta")


@FUZZ
@given(st.one_of(spliced(REAL_PAGE), noise, st.text(max_size=300)))
def test_the_page_reader_answers_findings_or_a_page(text):
    with tempfile.TemporaryDirectory() as folder:
        path = write(folder, "docs/th/elements/alpha.md", text)
        result = within_budget(read_page, path, Path(folder) / "docs")
    if isinstance(result, list):
        assert result and all(isinstance(f, Finding) and f.line >= 1 for f in result)
    else:
        within_budget(markdown_findings, result.body)


@settings(FUZZ, max_examples=max(2, EXAMPLES // 10))  # each example checks a whole handbook
@given(spliced(REAL_PAGE))
def test_make_check_answers_findings_for_any_page(text):
    """The whole of `make check` (every check of every page) over a handbook with one page fuzzed."""
    with tempfile.TemporaryDirectory() as folder:
        docs = write_handbook(Path(folder))
        write(folder, "docs/th/elements/alpha.md", text)
        findings = within_budget(collect_findings, docs, warnings=False)
    assert all(isinstance(f, Finding) and f.line >= 1 for f in findings)


@FUZZ
@given(st.one_of(noise, st.text(max_size=200)))
def test_text_checks_never_fail(text):
    within_budget(text_problem, text)
    within_budget(markdown_findings, text)
    within_budget(page_limit_findings, text, text, 1)


# ---------------------------------------------------------------------------------------------
# Labels
# ---------------------------------------------------------------------------------------------

REAL_LABELS = (ROOT / "labels" / "en.yml").read_text(encoding="utf-8")[:3000]


@FUZZ
@given(st.one_of(spliced(REAL_LABELS), noise), st.one_of(noise, st.text(max_size=100)))
def test_labels_answer_findings_or_words(labels_text, template):
    with tempfile.TemporaryDirectory() as folder:
        write(folder, "labels/th.yml", (ROOT / "labels" / "th.yml").read_text(encoding="utf-8"))
        write(folder, "labels/en.yml", labels_text)
        findings: list[Finding] = []
        labels = within_budget(load_labels, Path(folder) / "labels", ("th", "en"), findings,
                               display_root=Path(folder))
    assert all(f.line >= 1 for f in findings)
    for key in list(labels.words.get("en", {}))[:20]:
        labels.get("en", key, n=1, total=2)
    # Any text: the formatter fills bare names only and never raises.
    within_budget(placeholder_problem, template)
    within_budget(fill_placeholders, template, {"n": 1})


# ---------------------------------------------------------------------------------------------
# handbook.yml and emendations.yml
# ---------------------------------------------------------------------------------------------


@FUZZ
@given(st.one_of(spliced(STRUCTURE), noise))
def test_handbook_yml_answers_findings_or_a_structure(text):
    with tempfile.TemporaryDirectory() as folder:
        findings: list[Finding] = []
        structure = within_budget(read_structure, write(folder, "handbook.yml", text), findings)
    assert structure is not None or findings


EMENDATIONS = """\
emendations:
  - page: elements/common-vision.md
    at: title
    original: ต้นฉบับ
    corrected: แก้แล้ว
    kind: typo
    note:
      th: หมายเหตุ
      en: A note.
"""


@FUZZ
@given(st.one_of(spliced(EMENDATIONS), noise))
def test_emendations_yml_answers_findings_or_emendations(text):
    with tempfile.TemporaryDirectory() as folder:
        emendations, _, findings = within_budget(read_emendations, write(folder, "e.yml", text))
    assert all(f.line >= 1 for f in findings)


# ---------------------------------------------------------------------------------------------
# SVG
# ---------------------------------------------------------------------------------------------

SVG = ('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
       'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">\n<defs><linearGradient '
       'id="g"/></defs>\n<rect fill="url(#g)" style="stroke:#000" width="1" height="1"/>\n'
       '<use href="#g"/><text x="1" y="2">ก</text>\n</svg>\n')
SVG_PIECES = st.sampled_from(["<?xml-stylesheet href='x'?>", "<!DOCTYPE svg>", '<!ENTITY a "b">',
                              "<script>", "</script>", 'onload="x"', "u\\72l(", "u\\rl(", "/**/",
                              "@import", "url(", "<image href='x'/>", "<style>", "&#x75;rl(",
                              'xlink:href="https://e.invalid/"', "<", ">", '"', "'", "\x00"])


@FUZZ
@given(st.one_of(
    spliced(SVG).map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.tuples(st.lists(st.one_of(SVG_PIECES, piece), max_size=20).map("".join),
              st.sampled_from(["utf-8", "utf-16", "utf-16-be", "latin-1"]))
      .map(lambda te: SVG.replace("<use", te[0] + "<use").encode(te[1], "ignore")),
    st.binary(max_size=300),
))
def test_the_svg_check_answers_findings_or_a_pass(data):
    problems = within_budget(svg_problems, data)
    assert all(isinstance(line, int) and line >= 1 and message for line, message in problems)
