"""The code's layout (issue 22, "Split along the seams"): no import circle between the modules of
`handbook/` and `hooks/`.

Read from the source with `ast`, not by importing: every `import` and `from … import` counts,
also one written inside a function (a function-level import hides a circle, it does not break
it) and one under `if TYPE_CHECKING:`.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("handbook", "hooks")


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(source: str, name: str, is_package: bool) -> set[str]:
    """Every dotted name an import in `source` (module `name`) may refer to, relative imports
    resolved; `from a import b` gives both `a` and `a.b` (b may be a module)."""
    package = name if is_package else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def import_graph(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> dict[str, set[str]]:
    """module → the modules of `packages` it imports (the nearest existing module of a name)."""
    paths = {module_name(p, root): p for package in packages for p in (root / package).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in paths.items():
        targets = set()
        for target in imported_names(path.read_text(encoding="utf-8"), name, path.name == "__init__.py"):
            while target and target not in paths:
                target = target.rpartition(".")[0]
            # A module imports its own package's __init__ when it runs; that is no circle of ours.
            if target and target != name and not name.startswith(target + "."):
                targets.add(target)
        graph[name] = targets
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return sorted(found)


@pytest.mark.parametrize(("graph", "expected"), [
    ({"a": {"b"}, "b": set()}, []),
    ({"a": {"b"}, "b": {"a"}}, [["a", "b"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ({"a": {"b"}, "b": {"c"}, "c": {"b"}, "d": {"e"}, "e": {"d"}}, [["b", "c"], ["d", "e"]]),
])
def test_cycles_finds_every_circle(graph, expected):
    assert cycles(graph) == expected


def test_imports_inside_functions_and_relative_imports_count(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "a.py").write_text("def f():\n    from pkg.b import g\n    return g\n")
    (tmp_path / "pkg" / "b.py").write_text("from . import a\nfrom .c import x\n")
    (tmp_path / "pkg" / "c.py").write_text("import os\nx = 1\n")
    graph = import_graph(tmp_path, ("pkg",))
    assert graph == {"pkg": set(), "pkg.a": {"pkg.b"}, "pkg.b": {"pkg.a", "pkg.c"}, "pkg.c": set()}
    assert cycles(graph) == [["pkg.a", "pkg.b"]]


def test_handbook_and_hooks_have_no_import_circle():
    graph = import_graph()
    assert "handbook.render" in graph and "hooks.content" in graph  # the scan sees the real modules
    found = cycles(graph)
    assert not found, "import circles (break each along a seam: move what both sides need below them): " + \
        "; ".join(" ↔ ".join(component) for component in found)


#: The most lines a module of handbook/ or hooks/ may have (STYLE.md, habit 15).
MAX_LINES = 350
#: Modules over the limit, each being split (none now). Remove an entry as soon as its module is
#: under the limit; never add one.
SPLITTING: set[str] = set()


def test_no_module_is_over_the_line_limit():
    sizes = {path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
             for package in PACKAGES for path in (ROOT / package).rglob("*.py")}
    over = {rel: lines for rel, lines in sizes.items() if lines > MAX_LINES}
    assert not set(over) - SPLITTING, \
        f"modules over {MAX_LINES} lines (split them along a seam): {dict(sorted(over.items()))}"
    done = sorted(SPLITTING - set(over))
    assert not done, f"under {MAX_LINES} lines now: remove {done} from SPLITTING"
