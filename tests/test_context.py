"""Explicit context (issue 22): a handbook carries its project and its words; no module holds a
"project in use" that call sites read. The modules split along their seams stay small and free
of import circles.

Pure: source scans (AST) and fixture handbooks in temp dirs; no build.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from handbook.loader import load_handbook
from handbook.navigation import build_nav
from tests.fixtures import write_handbook

ROOT = Path(__file__).resolve().parents[1]

#: A module-level name that holds "the one in use" (`_ACTIVE`, `ACTIVE_PROJECT`, `_active_labels`…).
ACTIVE_NAME = re.compile(r"active", re.IGNORECASE)
#: Functions that set or read such a state (the API removed in issue 22).
ACTIVE_FUNCTIONS = {"active_project", "active_labels", "use_project", "use_labels"}


def modules(*folders: str) -> list[Path]:
    return sorted(p for folder in folders for p in (ROOT / folder).rglob("*.py") if "__pycache__" not in p.parts)


def active_state(source: str) -> list[tuple[int, str]]:
    """(line, what) for every module-level "active" name, every function that sets or reads one,
    and the module-level `label()` of handbook.labels that read the words in use."""
    tree = ast.parse(source)
    found: list[tuple[int, str]] = []
    for node in tree.body:
        targets = []
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets = [node.target]
        for target in targets:
            for name in ast.walk(target):
                if isinstance(name, ast.Name) and ACTIVE_NAME.search(name.id):
                    found.append((node.lineno, f"module-level state '{name.id}'"))
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name in ACTIVE_FUNCTIONS:
            found.append((node.lineno, f"function '{node.name}'"))
        if isinstance(node, ast.Global) and any(ACTIVE_NAME.search(name) for name in node.names):
            found.append((node.lineno, f"global {', '.join(node.names)}"))
        if isinstance(node, ast.ImportFrom) and node.module in ("handbook.labels", "handbook.project"):
            for alias in node.names:
                if alias.name in ACTIVE_FUNCTIONS or alias.name == "label":
                    found.append((node.lineno, f"import of '{alias.name}' from {node.module}"))
    return found


@pytest.mark.parametrize(("source", "expected"), [
    ("_ACTIVE = None\n", ["module-level state '_ACTIVE'"]),
    ("_ACTIVE: Project | None = None\n", ["module-level state '_ACTIVE'"]),
    ("def active_project():\n    return _ACTIVE\n", ["function 'active_project'"]),
    ("def use_labels(labels):\n    global _ACTIVE\n    _ACTIVE = labels\n",
     ["function 'use_labels'", "global _ACTIVE"]),
    ("from handbook.labels import label\n", ["import of 'label' from handbook.labels"]),
    ("from handbook.project import active_project\n", ["import of 'active_project' from handbook.project"]),
    # The handbook at hand, passed: nothing to find.
    ("def title(handbook, lang):\n    return handbook.labels.get(lang, 'map.title')\n", []),
    ("from handbook.labels import Labels\n", []),
])
def test_the_scan_finds_active_state(source, expected):
    assert [what for _, what in active_state(source)] == expected


def test_no_module_holds_a_project_or_labels_in_use():
    found = [f"{path.relative_to(ROOT)}:{line}: {what}"
             for path in modules("handbook", "hooks", "tests") if path.name != "test_context.py"
             for line, what in active_state(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_words_api_has_no_global_entry():
    import handbook.labels
    import handbook.project

    for name in ("label", "active_labels", "use_labels", "_ACTIVE"):
        assert not hasattr(handbook.labels, name), name
    for name in ("active_project", "use_project", "_ACTIVE"):
        assert not hasattr(handbook.project, name), name


LOADERS = ("load_handbook", "load_handbook_cached", "current_handbook", "load_project")


def test_no_test_loads_a_handbook_for_its_side_effect():
    """A handbook loaded and dropped (a module-level call, an autouse fixture) used to decide the
    words of the tests after it; tests take the `labels` fixture, or use the handbook they load."""
    def fixture(node: ast.AST) -> bool:
        return isinstance(node, ast.FunctionDef) and any("fixture" in ast.unparse(d) for d in node.decorator_list)

    found = []
    for path in modules("tests"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        # At import time (module level), or in a fixture: what a test's words used to depend on.
        scopes = [node for node in tree.body if not isinstance(node, ast.FunctionDef | ast.ClassDef)]
        scopes += [node for node in ast.walk(tree) if fixture(node)]
        for scope in scopes:
            for node in ast.walk(scope):
                if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
                    func = node.value.func
                    if getattr(func, "id", getattr(func, "attr", "")) in LOADERS:
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []


def _rename_section(root: Path, words: str) -> None:
    labels = root / "labels" / "th.yml"
    text = labels.read_text(encoding="utf-8")
    labels.write_text(re.sub(r"(?m)^section\.element:.*$", f"section.element: {words}", text), encoding="utf-8")


def test_a_handbook_keeps_its_own_words_after_another_is_loaded(tmp_path):
    """Two handbooks in one process (the tests; `mkdocs serve` on another folder): each renders
    with its own words, whichever was loaded last."""
    first_root, second_root = write_handbook(tmp_path / "first"), write_handbook(tmp_path / "second")
    _rename_section(first_root.parent, "ส่วนของคู่มือแรก")
    _rename_section(second_root.parent, "ส่วนของคู่มือที่สอง")
    first = load_handbook(first_root)
    nav = build_nav(first, "th")
    second = load_handbook(second_root)
    assert build_nav(first, "th") == nav
    assert {"ส่วนของคู่มือแรก"} <= {key for entry in nav if isinstance(entry, dict) for key in entry}
    assert build_nav(second, "th") != nav
    assert first.labels.get("th", "section.element") == "ส่วนของคู่มือแรก"
    assert second.labels.get("th", "section.element") == "ส่วนของคู่มือที่สอง"


# ---------------------------------------------------------------------------------------------
# The seams: small modules, no import circle
# ---------------------------------------------------------------------------------------------

#: Modules split in issue 22 (book.py 790 lines, loader.py 581, project.py 434) and what they
#: became; each stays under the project's limit.
SPLIT = ("handbook/book", "handbook/model", "handbook/loader.py", "handbook/project.py")
MAX_LINES = 350


def split_modules() -> list[Path]:
    return sorted(p for name in SPLIT for p in ([ROOT / name] if name.endswith(".py") else modules(name)))


def test_the_split_modules_are_under_350_lines():
    assert len(split_modules()) >= 12
    long = {str(p.relative_to(ROOT)): n for p in split_modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) >= MAX_LINES}
    assert long == {}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module → the handbook/hooks modules it imports when it is imported (top level, not
    under `if TYPE_CHECKING:`, not inside functions)."""
    names = {module_name(p) for p in modules("handbook", "hooks")}
    graph: dict[str, set[str]] = {}
    for path in modules("handbook", "hooks"):
        edges = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Import):
                edges |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                edges.add(node.module)
                edges |= {f"{node.module}.{alias.name}" for alias in node.names}
        graph[module_name(path)] = {e for e in edges if e in names and e != module_name(path)}
    return graph


def cycles_through(graph: dict[str, set[str]], start: str) -> list[list[str]]:
    """Import paths from `start` back to itself."""
    found, stack = [], [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, path = stack.pop()
        for nxt in graph.get(node, ()):
            if nxt == start:
                found.append([*path, start])
            elif nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*path, nxt]))
    return found


def test_the_cycle_finder_finds_a_circle():
    assert cycles_through({"a": {"b"}, "b": {"c"}, "c": {"a"}}, "a") == [["a", "b", "c", "a"]]
    assert cycles_through({"a": {"b"}, "b": {"c"}, "c": set()}, "a") == []


def test_no_import_circle_through_the_split_modules():
    graph = import_graph()
    found = {module_name(p): cycles for p in split_modules()
             if (cycles := cycles_through(graph, module_name(p)))}
    assert found == {}
