"""One build, one state: no module keeps build state; the order of events is the table's; the
handbook's settings are validated in one place (`handbook.settings`).

Pure: an AST scan of the sources and a real `MkDocsConfig` loaded in this process, no build.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from handbook import buildstate
from handbook.events import ORDER, priority
from handbook.settings import DEFAULT_PAGE_SECONDS, Settings, SettingsError, parse_settings
from tests.conftest import ROOT

# ---------------------------------------------------------------------------------------------
# No module-level mutable build state
# ---------------------------------------------------------------------------------------------

#: Module-level mutable names that are allowed, each with why. Anything else a module under
#: hooks/ or handbook/ assigns at module level as a dict/list/set (or an instance of its own
#: class) and then changes is build state that belongs on `handbook.buildstate.Build`.
ALLOWED = {
    # A memo of PyThaiNLP's answers (a pure function of the text, keyed by PyThaiNLP's version),
    # kept for the process and in a cache file: no build's result, only the segmenter's.
    ("handbook/thai.py", "_MEMO"): "memo of a pure function",
    ("handbook/thai.py", "_STATE"): "the memo's file and whether it changed",
}

MUTATORS = {"append", "extend", "update", "clear", "pop", "setdefault", "add", "insert", "remove",
            "discard", "popitem", "sort", "reverse"}
CONTAINERS = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
FACTORIES = {"dict", "list", "set", "defaultdict", "OrderedDict", "Counter", "deque"}


def _base(node: ast.AST) -> str | None:
    while isinstance(node, (ast.Subscript, ast.Attribute)):
        node = node.value
    return node.id if isinstance(node, ast.Name) else None


def mutable_module_state(source: str) -> dict[str, int]:
    """Module-level names holding mutable state that the module changes: name -> line."""
    tree = ast.parse(source)
    classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
    containers: set[str] = set()
    instances: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        else:
            continue
        called = value.func.id if isinstance(value, ast.Call) and isinstance(value.func, ast.Name) else None
        names = {t.id for t in targets if isinstance(t, ast.Name)}
        if isinstance(value, CONTAINERS) or called in FACTORIES:
            containers |= names
        elif called in classes:
            instances |= names
    found: dict[str, int] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):  # rebinding a module name from a function
            for name in node.names:
                found.setdefault(name, node.lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = _base(node.func.value)
            if (name in containers and node.func.attr in MUTATORS) or name in instances:
                found.setdefault(name, node.lineno)
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Delete)):
            targets = node.targets if not isinstance(node, ast.AugAssign) else [node.target]
            for target in targets:
                if isinstance(target, (ast.Subscript, ast.Attribute)):
                    name = _base(target)
                    if name in containers | instances | classes:
                        found.setdefault(name, node.lineno)
    return found


def _modules() -> list[Path]:
    return sorted([*ROOT.glob("hooks/**/*.py"), *ROOT.glob("handbook/**/*.py")])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("_SEEN = {}\ndef f(k):\n    _SEEN[k] = 1\n", {"_SEEN"}),
        ("_SEEN: dict = {}\ndef f(k):\n    _SEEN.setdefault(k, []).append(1)\n", {"_SEEN"}),
        ("_LIST = []\ndef f():\n    _LIST.append(1)\n", {"_LIST"}),
        ("_S = set()\ndef f():\n    _S.add(1)\n", {"_S"}),
        ("X = None\ndef f():\n    global X\n    X = 1\n", {"X"}),
        ("class A:\n    on = False\ndef f():\n    A.on = True\n", {"A"}),
        ("class D:\n    def reset(self): ...\nDATES = D()\ndef f():\n    DATES.reset()\n", {"DATES"}),
        ("_C = {'a': 1}\ndef f():\n    return _C['a']\n", set()),  # a constant, only read
        ("ICONS = [{'src': 'x'}]\ndef f():\n    return [dict(i) for i in ICONS]\n", set()),
        ("def f():\n    seen = {}\n    seen['a'] = 1\n", set()),  # local
    ],
)
def test_the_scan_finds_module_state(source, expected):
    assert set(mutable_module_state(source)) == expected


def test_no_module_holds_build_state():
    found = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in _modules()
        for name, line in mutable_module_state(path.read_text(encoding="utf-8")).items()
        if (path.relative_to(ROOT).as_posix(), name) not in ALLOWED
    ]
    assert not found, "module-level build state (keep it on handbook.buildstate.Build):\n" + "\n".join(found)
    state = {(path.relative_to(ROOT).as_posix(), name) for path in _modules()
             for name in mutable_module_state(path.read_text(encoding="utf-8"))}
    assert set(ALLOWED) <= state, f"allowed but gone (remove from ALLOWED): {sorted(set(ALLOWED) - state)}"


# ---------------------------------------------------------------------------------------------
# The order of events: handbook/events.py is what MkDocs runs
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def config():
    return load_config(config_file=str(ROOT / "mkdocs.yml"))


def _handlers(config):
    """(hook, event) -> priority of every hook's event handler MkDocs loaded."""
    handlers = {}
    for name, module in config.hooks.items():
        hook = Path(name).stem
        for event in dir(module):
            if event.startswith("on_") and callable(getattr(module, event)):
                handlers[(hook, event)] = getattr(getattr(module, event), "mkdocs_priority", 0)
    return handlers


def test_every_priority_is_the_tables(config):
    handlers = _handlers(config)
    listed = {(hook, event): value for event, value, hook, _ in ORDER}
    assert {key: handlers.get(key) for key in listed} == listed, "a row of handbook/events.py has no handler"
    unlisted = {key: value for key, value in handlers.items() if value != 0 and key not in listed}
    assert not unlisted, f"priorities not written in handbook/events.py: {unlisted}"


def test_the_table_reads_in_the_order_mkdocs_runs(config):
    for event in {row[0] for row in ORDER}:
        rows = [(value, hook) for name, value, hook, _ in ORDER if name == event]
        assert [value for value, _ in rows] == sorted((value for value, _ in rows), reverse=True), event
        listed = [hook for _, hook in rows]
        run = [Path(getattr(method, "__module__", "")).stem for method in config.plugins.events[event.removeprefix("on_")]]
        assert [hook for hook in run if hook in listed] == listed, event


def test_the_build_is_made_first_and_dropped_last(config):
    assert priority("build", "on_config") == max(v for e, v, _, _ in ORDER if e == "on_config")
    assert priority("build", "on_post_build") == min(v for e, v, _, _ in ORDER if e == "on_post_build")
    with pytest.raises(KeyError):
        priority("gate", "on_nothing")


# ---------------------------------------------------------------------------------------------
# One build object
# ---------------------------------------------------------------------------------------------


def test_one_build_for_every_language_and_none_after():
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    hook = config.hooks["hooks/build.py"]
    hook.on_config(config)
    first = buildstate.of(config)
    i18n = config.plugins["i18n"]
    i18n.building = True  # mkdocs-static-i18n's build of a further language
    hook.on_config(config)
    hook.on_post_build(config=config)
    assert buildstate.of(config) is first
    i18n.building = False
    hook.on_post_build(config=config)
    assert not hasattr(config, buildstate.ATTRIBUTE)
    hook.on_config(config)
    assert buildstate.of(config) is not first  # a new build starts from nothing
    hook.on_post_build(config=config)


def test_a_hook_called_alone_gets_a_fresh_build():
    one, two = (load_config(config_file=str(ROOT / "mkdocs.yml")) for _ in range(2))
    assert buildstate.of(one) is buildstate.of(one)
    assert buildstate.of(one) is not buildstate.of(two)


# ---------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------


def test_the_settings_of_the_real_config(config):
    settings = buildstate.of(config).settings
    assert settings.theme_color == "#00695c" and settings.background_color == "#ffffff"
    assert settings.edit_base.startswith("https://github.com/")
    assert settings.polyfills == ("assets/javascripts/vendor/iframe-worker/shim.js",)


def test_defaults():
    assert parse_settings({}, {}) == Settings()
    assert Settings().page_seconds == DEFAULT_PAGE_SECONDS and Settings().book


@pytest.mark.parametrize(
    ("extra", "environ", "field", "value"),
    [
        ({"published_url": "https://example.org/"}, {}, "published_url", "https://example.org/"),
        ({"app": {"theme_color": "#123456"}}, {}, "theme_color", "#123456"),
        ({}, {"HANDBOOK_BOOK": "off"}, "book", False),
        ({}, {"HANDBOOK_BOOK": "OFF"}, "book", False),
        ({}, {"HANDBOOK_BOOK": ""}, "book", True),
        ({}, {"HANDBOOK_PAGE_SECONDS": "2.5"}, "page_seconds", 2.5),
        ({}, {"HANDBOOK_OFFLINE_DIR": "build/offline"}, "offline_dir", "build/offline"),
    ],
)
def test_good_values(extra, environ, field, value):
    assert getattr(parse_settings(extra, environ), field) == value


@pytest.mark.parametrize(
    ("yaml", "environ", "expected"),
    [
        ("extra:\n  app:\n    theme_color: teal\n", {}, "mkdocs.yml:3: error: extra.app.theme_color: 'teal' is not a colour"),
        ("extra:\n  published_url: 3\n", {}, "mkdocs.yml:2: error: extra.published_url: write text"),
        ("extra:\n  polyfills: shim.js\n", {}, "mkdocs.yml:2: error: extra.polyfills: write a list"),
        ("extra:\n  app: red\n", {}, "mkdocs.yml:2: error: extra.app: write the keys"),
        ("extra: {}\n", {"HANDBOOK_BOOK": "no"}, "HANDBOOK_BOOK=no: error: write HANDBOOK_BOOK=off"),
        ("extra: {}\n", {"HANDBOOK_PAGE_SECONDS": "-1"}, "HANDBOOK_PAGE_SECONDS=-1: error: write the most seconds"),
        ("extra: {}\n", {"HANDBOOK_PAGE_SECONDS": "soon"}, "HANDBOOK_PAGE_SECONDS=soon: error:"),
    ],
)
def test_bad_values_name_their_line(tmp_path, monkeypatch, yaml, environ, expected):
    import yaml as pyyaml

    (tmp_path / "mkdocs.yml").write_text(yaml, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    extra = pyyaml.safe_load(yaml)["extra"]
    with pytest.raises(SettingsError) as raised:
        parse_settings(extra, environ, config_file=str(tmp_path / "mkdocs.yml"))
    assert str(raised.value).startswith(expected), str(raised.value)


def test_a_bad_setting_stops_the_build_with_its_line(monkeypatch):
    monkeypatch.setenv("HANDBOOK_PAGE_SECONDS", "0")
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    with pytest.raises(PluginError, match=r"^HANDBOOK_PAGE_SECONDS=0: error: "):
        config.hooks["hooks/build.py"].on_config(config)


# ---------------------------------------------------------------------------------------------
# Only mkdocs-static-i18n's configuration and public behaviour, never its private attributes
# ---------------------------------------------------------------------------------------------

#: What mkdocs-static-i18n sets on its own files and keeps on itself (`reconfigure.py`,
#: `folder.py`): a new release may rename any of them. The hooks read i18n's config and its
#: `building` flag only, and give it their generated pages as docs pages (hooks/generated_pages.py).
I18N_PRIVATE = {"locale", "localization", "locale_alternate_of", "norm_src_uri", "alternates",
                "i18n_files_per_language", "current_language", "i18n_configs"}


def i18n_private_uses(source: str) -> list[tuple[int, str]]:
    """(line, attribute) of every read or write of one of i18n's private attributes."""
    return sorted((node.lineno, node.attr) for node in ast.walk(ast.parse(source))
                  if isinstance(node, ast.Attribute) and node.attr in I18N_PRIVATE)


def test_i18n_private_scan_finds_what_it_looks_for():
    old = "file.locale = file.localization = alt\ni18n.i18n_files_per_language.setdefault(lang, [])\n"
    assert [attr for _, attr in i18n_private_uses(old)] == ["locale", "localization", "i18n_files_per_language"]
    assert i18n_private_uses("config.theme['language']\nfile.content_string = text\n") == []


def test_no_hook_or_module_touches_i18n_private_attributes():
    found = {p.relative_to(ROOT).as_posix(): uses for folder in ("hooks", "handbook")
             for p in sorted((ROOT / folder).rglob("*.py"))
             if (uses := i18n_private_uses(p.read_text(encoding="utf-8")))}
    assert found == {}

