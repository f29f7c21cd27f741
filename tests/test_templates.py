"""Markup lives in Jinja templates, not in Python strings (issue 22, "Markup in templates").

The generators compute values; `handbook/templates/fragments/` holds the tags, rendered by
`handbook.templating.render_fragment` with autoescape and StrictUndefined. Generated front matter
is written by one YAML dump helper (`render_front_matter`).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import jinja2
import jinja2.meta
import pytest
import yaml
from markupsafe import Markup

from handbook.templating import FRAGMENTS, _environment, render_fragment, render_front_matter

ROOT = Path(__file__).resolve().parents[1]

#: HTML and SVG element names: `<name` followed by a space, `/` or `>` opens or closes a tag.
#: (`<lang>` or `<key>` in a message or a docstring is a placeholder, not a tag.)
TAGS = (
    "a abbr article aside audio b blockquote body br button canvas caption circle cite code col colgroup "
    "dd defs del desc details dfn dialog div dl dt ellipse em embed fieldset figcaption figure footer "
    "form g h1 h2 h3 h4 h5 h6 head header hr html i iframe image img input ins kbd label legend li line "
    "linearGradient link main mark marker mask meta meter nav noscript object ol option output p path "
    "pattern picture polygon polyline pre progress q rect s samp script section select small source span "
    "stop strong style sub summary sup svg symbol table tbody td template text textarea tfoot th thead "
    "time title tr tspan u ul use var video wbr"
).split()
MARKUP = re.compile(r"<!--|</?(?:" + "|".join(TAGS) + r")(?=[\s/>])", re.IGNORECASE)

#: Single strings that name a tag but write none into a page, each with why. Every module is
#: scanned (a module that reads HTML writes its new markup in a template too); a regular
#: expression's pattern is not a literal of markup (it reads HTML) and needs no entry here.
_CENSUS = "a finding of the output census that names the tag it refuses"
ALLOWED: dict[tuple[str, str], str] = {
    # Searches in HTML: where to cut, what to look for.
    ("handbook/booktext.py", "<body>"): "a search: where the book's body starts (its head is not set)",
    ("handbook/offline_copy.py", "</head>"): "a search: where the page's head ends (the scripts go before)",
    ("handbook/sanitize.py", "<!--"): "a search: whether a page holds a comment (declarations are refused)",
    ("handbook/sanitize.py", " on <span>"): "a search in a finding's words (an attribute list has no tag)",
    # Findings: a contributor is told which tag is refused.
    ("handbook/htmlpolicy.py", "<input type=''> is not allowed"): "a finding that names the refused tag",
    ("handbook/sources.py", "an SVG file's root element must be <svg> "
                            '(xmlns="http://www.w3.org/2000/svg")'): "a finding that names the SVG root",
    ("handbook/outputs/csp.py", 'no <meta http-equiv="Content-Security-Policy"> '
                                "(overrides/main.html writes it)"): _CENSUS,
    ("handbook/outputs/csp.py", "the Content-Security-Policy must come first in <head> "
                                "(after <meta charset>)"): _CENSUS,
    ("handbook/outputs/pages.py", "<link rel=\"\"> loads '' from another site"): _CENSUS,
    ("handbook/outputs/pages.py", "<link rel=\"\"> names '', not an address of the published site"): _CENSUS,
    ("handbook/outputs/pages.py", '<meta http-equiv=""> is not in the allowlist (only the page policy is)'): _CENSUS,
    ("handbook/outputs/pages.py", "<meta > names '', not an address of the published site"): _CENSUS,
    ("handbook/outputs/pages.py", '<script type=""> is not in the allowlist'): _CENSUS,
    ("handbook/outputs/pages.py", "Material's configuration "
                                  '(<script type="application/json">) is not JSON'): _CENSUS,
    ("handbook/outputs/pages.py", "no Content-Security-Policy "
                                  "(<meta http-equiv> in <head>, overrides/main.html)"): _CENSUS,
    ("handbook/outputs/pages.py", "a second <meta http-equiv>: a page has one policy, the template's"): _CENSUS,
    ("handbook/outputs/pages.py", "the Content-Security-Policy must come first in <head> "
                                  "(after <meta charset>): what comes before it is not covered"): _CENSUS,
    # The text prefilled in a new translation file on GitHub's editor (a Markdown comment shown to
    # the translator there), not page markup. Its words belong in handbook/messages (issue 25).
    ("handbook/newfile.py", "<!-- Copy the original from  over this line, then translate it "
                            "(CONTRIBUTING.md, 'Translate'). -->\n"): "a comment in a new file's text",
}


def python_modules() -> list[Path]:
    return sorted([*(ROOT / "handbook").rglob("*.py"), *(ROOT / "hooks").rglob("*.py")])


#: `re` functions whose first argument (or `pattern=`) is a pattern: a pattern that names a tag
#: reads HTML (the offline copy's rewriter, the book's link fixer), it writes none.
PATTERN_FUNCTIONS = frozenset({"compile", "match", "search", "fullmatch", "sub", "subn", "findall",
                               "finditer", "split"})


def _regex_patterns(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and node.func.attr in PATTERN_FUNCTIONS and isinstance(node.func.value, ast.Name) \
                and node.func.value.id == "re":
            found.update(id(arg) for arg in [*node.args[:1], *(k.value for k in node.keywords if k.arg == "pattern")])
    return found


def string_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal that is neither a docstring nor a regular expression's
    pattern; an f-string is one literal (its literal parts joined), implicitly concatenated pieces
    are one literal."""
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) \
                    and isinstance(first.value.value, str):
                docstrings.add(id(first.value))
    skipped = docstrings | _regex_patterns(tree)
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        if id(node) in skipped:
            return
        if isinstance(node, ast.JoinedStr):
            found.append((node.lineno, "".join(v.value for v in node.values if isinstance(v, ast.Constant))))
            for value in node.values:
                if isinstance(value, ast.FormattedValue):
                    visit(value)
            return
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            found.append((node.lineno, node.value))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def markup_literals(source: str) -> list[tuple[int, str]]:
    return [(line, text) for line, text in string_literals(source) if MARKUP.search(text)]


@pytest.mark.parametrize(("source", "found"), [
    ("x = f'<div class=\"{c}\">'", ['<div class="">']),
    ("x = ('<p>'\n     'text')", ["<p>text"]),
    ("x = f'{\"</span>\" if a else \"\"}'", ["</span>"]),
    ("x = '<!-- marker -->'", ["<!-- marker -->"]),
    ("x = '<line x1=\"1\"/>'", ['<line x1="1"/>']),
    ('def f():\n    """Writes <div> blocks."""\n    return 1', []),
    ("x = 'docs/<lang>/index.md'", []),
    ("x = 'a < b and c > d'", []),
    # A pattern reads HTML; what a substitution writes is markup.
    ("import re\nx = re.compile(r'<p class=\"x\">')", []),
    ("x = re.sub(pattern=r'<a>(.*?)</a>', repl=r'\\1', string=y)", []),
    ("x = re.sub(r'<a>', '<b>', y)", ["<b>"]),
    ("x = pattern.sub('<b>', y)", ["<b>"]),
    ("x = 'label <language>'", []),
])
def test_the_markup_detector_finds_tags_in_strings_and_not_in_docstrings(source, found):
    assert [text for _, text in markup_literals(source)] == found


def test_no_python_module_holds_a_markup_literal():
    problems = []
    seen_allowed = set()
    modules = python_modules()
    assert {"handbook/render.py", "handbook/outputs/pages.py", "hooks/crosslinks.py"} <= \
        {path.relative_to(ROOT).as_posix() for path in modules}  # every module, subpackages too
    for path in modules:
        rel = path.relative_to(ROOT).as_posix()
        for line, text in markup_literals(path.read_text(encoding="utf-8")):
            if (rel, text) in ALLOWED:
                seen_allowed.add((rel, text))
                continue
            problems.append(f"{rel}:{line}: error: markup in a Python string ({text[:60]!r}): put the "
                            "tags in a template under handbook/templates/fragments/ and render it with "
                            "handbook.templating.render_fragment")
    assert not problems, "\n".join(problems)
    # The allowlist stays true: an entry whose string is gone is removed, not kept "just in case".
    assert seen_allowed == set(ALLOWED), f"stale allowlist entries: {sorted(set(ALLOWED) - seen_allowed)}"


def fragment_names() -> list[str]:
    return sorted(p.name for p in FRAGMENTS.iterdir() if p.is_file())


def test_fragments_are_rendered_with_autoescape_and_strict_undefined():
    env = _environment()
    assert env.undefined is jinja2.StrictUndefined
    assert env.autoescape is True  # every fragment, whatever its file name (.md, .svg, .html)


@pytest.mark.parametrize("name", fragment_names())
def test_every_fragment_refuses_a_missing_value(name):
    env = _environment()
    source = env.loader.get_source(env, name)[0]
    needed = jinja2.meta.find_undeclared_variables(env.parse(source))
    if not needed:
        pytest.skip(f"{name} takes no values")
    with pytest.raises(jinja2.UndefinedError):
        render_fragment(name)


@pytest.mark.parametrize(("name", "values", "expected"), [
    ("term.html", {"css": None, "lang": "en", "term": "<script>alert(1)</script>"},
     '<span lang="en">&lt;script&gt;alert(1)&lt;/script&gt;</span>'),
    ("term.html", {"css": "hb-term", "lang": 'en" onclick="x', "term": Markup("<em>kept</em>")},
     '<span class="hb-term" lang="en&quot; onclick=&quot;x">(<em>kept</em>)</span>'),
    # The entity spellings of html.escape (what the pages have always carried), not &#39;/&#34;.
    ("term.html", {"css": None, "lang": "en", "term": "it's \"x\" & y"},
     '<span lang="en">it&#x27;s &quot;x&quot; &amp; y</span>'),
])
def test_values_are_escaped_and_markup_values_are_kept(name, values, expected):
    assert render_fragment(name, **values) == expected


def test_a_rendered_fragment_is_a_plain_string():
    # `page.content += Markup(...)` would escape the whole page: fragments leave as str.
    html = render_fragment("term.html", css=None, lang="en", term="x")
    assert type(html) is str
    assert "<p>page</p>" + html == '<p>page</p><span lang="en">x</span>'


def test_a_thai_run_keeps_its_words_in_no_break_spans_between_breaks():
    # The book's text runs are the page's HTML already: passed as markup, never escaped again.
    pieces = [{"text": Markup("ก &amp; "), "kept": False},
              {"text": Markup("ข้อตกลง"), "kept": True, "break_before": True, "break_after": False}]
    assert render_fragment("book-thai-run.html", pieces=pieces) == \
        'ก &amp; <wbr><span class="nobr">ข้อตกลง</span>'


def test_the_offline_scripts_are_one_line_each_and_nothing_without_any():
    assert render_fragment("offline-scripts.html", sources=["../a.js", "b&c.js"]) == (
        '    <script src="../a.js"></script>\n    <script src="b&amp;c.js"></script>\n')
    assert render_fragment("offline-scripts.html", sources=[]) == ""


def test_points_mark_the_editors_additions():
    # No page of the real handbook has an added point yet: the whitespace of that branch is
    # pinned here (the `+%}` keeps the line break after the mark).
    points = [{"number": 1, "id": "a", "text": Markup("One"), "added": True},
              {"number": 2, "id": "b", "text": Markup("Two"), "added": False}]
    assert render_fragment("points.md", points=points, mark="(added)") == (
        '<div class="hb-points-list" markdown>\n\n'
        '1. One <span class="hb-added">(added)</span>\n    { #a .hb-added-point }\n'
        "2. Two\n    { #b }\n\n</div>"
    )


@pytest.mark.parametrize("title", [
    "Checklist", 'He said "yes"', "it's", "a: b", "back\\slash", "# not a comment", "- not a list",
    "รายการตรวจสอบ", "{braces}", "yes", "null", "123", "  spaced  ", "tab\there", "@at", "!tag", "&anchor",
])
def test_front_matter_reads_back_as_written(title):
    text = render_front_matter({"title": title, "description": title, "search": {"exclude": True}})
    assert text.startswith("---\n") and text.endswith("\n---\n")
    assert yaml.safe_load(text[4:-4]) == {"title": title, "description": title, "search": {"exclude": True}}
    assert "\\u" not in text  # Thai written as Thai, not escaped


def test_generated_front_matter_is_written_by_one_helper():
    # The generators that write pages ask render_front_matter; none spells `title: "..."` itself.
    writers = [ROOT / "handbook" / name for name in ("checklists.py", "glossary.py", "translation.py")]
    for path in writers:
        source = path.read_text(encoding="utf-8")
        assert "render_front_matter(" in source, path
        assert not re.search(r"""["']title: """, source), path


def test_no_other_module_writes_yaml_or_a_front_matter_fence():
    # One writer of YAML for the whole code base: a second `yaml.dump` or a hand-written
    # `---\ntitle: …` would quote titles its own way again.
    found = []
    for path in python_modules():
        rel = path.relative_to(ROOT).as_posix()
        source = path.read_text(encoding="utf-8")
        if rel == "handbook/templating.py":  # the one writer (render_front_matter)
            continue
        if re.search(r"\byaml\.(?:safe_)?dump(?:_all)?\(", source):
            found.append(f"{rel}: yaml dump")
        found += [f"{rel}:{line}: {text[:40]!r}" for line, text in string_literals(source)
                  if re.match(r"---\r?\n\S", text) or re.search(r"(?m)^title: ", text)]
    assert not found, found
