"""The shape of DESIGN.md section 1: no import circle, features apart from the main window, small classes,
and no module that edits the interpreter's table of imported modules."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import grimp

from tests.conftest import ROOT

PACKAGES = ("annotator", "cli", "storage", "ui")
MOST_METHODS = 30


def import_circles() -> list[list[str]]:
    """Every set of modules that import each other in a circle (type-checking imports included)."""
    graph = grimp.build_graph(*PACKAGES)
    imported = {
        module: sorted(graph.find_modules_directly_imported_by(module) & graph.modules) for module in graph.modules
    }
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    circles: list[list[str]] = []
    for root in sorted(graph.modules):
        if root in order:
            continue
        # Tarjan's strongly connected components, with an explicit stack of (module, next import).
        work: list[tuple[str, int]] = [(root, 0)]
        while work:
            module, position = work.pop()
            if position == 0:
                order[module] = low[module] = len(order)
                stack.append(module)
                on_stack.add(module)
            targets = imported[module]
            if position < len(targets):
                work.append((module, position + 1))
                target = targets[position]
                if target not in order:
                    work.append((target, 0))
                elif target in on_stack:
                    low[module] = min(low[module], order[target])
                continue
            if low[module] == order[module]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == module:
                        break
                if len(component) > 1:
                    circles.append(sorted(component))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[module])
    return circles


def test_no_modules_import_each_other_in_a_circle() -> None:
    assert import_circles() == []


def test_the_circle_finder_finds_a_circle(tmp_path, monkeypatch) -> None:
    package = tmp_path / "circled"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "one.py").write_text("from circled import two\n")
    (package / "two.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from circled import one\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr("tests.test_architecture.PACKAGES", ("circled",))
    assert import_circles() == [["circled.one", "circled.two"]]


def test_no_feature_imports_the_main_window() -> None:
    graph = grimp.build_graph(*PACKAGES)
    importers = graph.find_modules_that_directly_import("ui.main_window")
    assert importers == set()


def test_no_feature_finds_a_part_of_the_window_by_its_name() -> None:
    """Features add themselves to the window through the shell's parts, not by searching its children."""
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "ui").rglob("*.py"))
        if path.name != "main_window.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if re.search(r"findChild\(Q(Menu|DockWidget)\b", line)
    ]
    assert found == []


def classes() -> Iterator[tuple[str, str, int]]:
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.ClassDef):
                    methods = sum(isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef) for item in node.body)
                    yield str(path.relative_to(ROOT)), node.name, methods


def test_no_class_has_more_than_thirty_methods() -> None:
    assert [(path, name, count) for path, name, count in classes() if count > MOST_METHODS] == []


MODULE_TABLE_CHANGES = frozenset({"update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__"})


def _is_module_table(node: ast.expr) -> bool:
    return ast.unparse(node) in {"sys.modules", "modules"}


def module_table_edits(source: str) -> list[int]:
    """The lines of ``source`` that assign into ``sys.modules``, delete from it or change it otherwise."""
    lines: list[int] = []
    for node in ast.walk(ast.parse(source)):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign | ast.Delete):
            targets = list(node.targets)
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            targets = [node.target]
        if any(isinstance(target, ast.Subscript) and _is_module_table(target.value) for target in targets):
            lines.append(targets[0].lineno)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            changes = node.func.attr in MODULE_TABLE_CHANGES and _is_module_table(node.func.value)
            patched = node.func.attr in {"setitem", "delitem"} and any(map(_is_module_table, node.args[:1]))
            if changes or patched:
                lines.append(node.lineno)
    return sorted(lines)


def project_sources() -> Iterator[Path]:
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if not any(part.startswith(".") or part in {"out", "build", "__pycache__"} for part in parts):
            yield path


def test_nothing_in_the_project_edits_the_table_of_imported_modules() -> None:
    edits = {}
    for path in project_sources():
        found = module_table_edits(path.read_text(encoding="utf-8"))
        if found:
            edits[str(path.relative_to(ROOT))] = found
    assert edits == {}


def test_the_module_table_check_finds_each_kind_of_edit() -> None:
    source = """
import sys
sys.modules["numpy"] = None
sys.modules.setdefault("pandas", None)
del sys.modules["numpy"]
monkeypatch.setitem(sys.modules, "numpy", None)
loaded = sys.modules["numpy"]
"""
    assert module_table_edits(source) == [3, 4, 5, 6]


def test_the_gui_marker_leaves_out_the_tests_that_drive_qt() -> None:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "-m", "not gui"]
    files = [
        "tests/ui/test_positions.py",
        "tests/reliability/test_window_refresh.py",
        "tests/annotator/test_offsets.py",
    ]
    result = subprocess.run([*command, *files], capture_output=True, text=True, cwd=ROOT, timeout=300)
    collected = {line.split("::")[0] for line in result.stdout.splitlines() if "::" in line}
    assert collected == {"tests/annotator/test_offsets.py"}
