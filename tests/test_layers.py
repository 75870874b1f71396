"""The layers of hoering point down: no import cycle, no import from a lower layer into a
higher one (the order is :data:`hoering.layers.LAYERS`, the same as in the README).

Every ``import`` of a hoering module counts: at the top of a module, inside a function, and
inside ``if TYPE_CHECKING:`` (a type names a module as much as a call does).
``from package import name`` counts as importing the submodule when ``name`` is one, else
the package. A module's implicit import of its own parent package is not counted.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from conftest import REPO
from hoering.layers import LAYERS, ROOT, layer_of

SOURCE = REPO / "src" / ROOT


@dataclass(frozen=True)
class Import:
    module: str  # who imports
    path: Path
    line: int
    target: str  # the hoering module imported


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(SOURCE.rglob("*.py")):
        parts = path.relative_to(SOURCE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_of(module: str, path: Path, known: dict[str, Path]) -> list[Import]:
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node, package)
            targets = [
                f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names
            ]
        else:
            continue
        for target in dict.fromkeys(targets):
            if target in known and target != module:
                found.append(Import(module, path, node.lineno, target))
    return found


def _absolute(node: ast.ImportFrom, package: str) -> str:
    if not node.level:
        return node.module or ""
    parts = package.split(".")
    base = parts[: len(parts) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def all_imports() -> list[Import]:
    known = modules()
    return [i for module, path in known.items() for i in imports_of(module, path, known)]


def where(i: Import) -> str:
    return f"{i.path.relative_to(REPO)}:{i.line}: {i.module} imports {i.target}"


def cycles(edges: list[Import]) -> list[list[str]]:
    """The groups of modules that import each other, directly or through others: two
    modules are in one group when each reaches the other."""
    graph: dict[str, set[str]] = {}
    for i in edges:
        graph.setdefault(i.module, set()).add(i.target)
    reach = {module: reachable(graph, module) for module in graph}
    groups = {
        tuple(sorted(other for other in reach[module] if module in reach.get(other, ())))
        for module in graph
    }
    return sorted(list(group) for group in groups if len(group) > 1)


def reachable(graph: dict[str, set[str]], start: str) -> set[str]:
    """Every module ``start`` imports, directly or through others (itself only if in a cycle)."""
    seen: set[str] = set()
    todo = list(graph.get(start, ()))
    while todo:
        module = todo.pop()
        if module not in seen:
            seen.add(module)
            todo.extend(graph.get(module, ()))
    return seen


def test_every_module_is_in_a_layer():
    assert [m for m in modules() if layer_of(m) is None] == []


def in_cycles(edges: list[Import]) -> list[str]:
    """Every import between two members of one cycle, where it is written."""
    groups = cycles(edges)
    return [where(i) for g in groups for i in edges if i.module in g and i.target in g]


def test_no_import_cycles():
    assert in_cycles(all_imports()) == []


def package_of(module: str) -> str:
    """The package a module belongs to: ``hoering.imports.pdf`` → ``hoering.imports``; a
    module directly under ``hoering`` is a package of its own."""
    return ".".join(module.split(".")[:2])


def test_no_cycles_between_packages():
    """Packages of one layer may use each other one way only (``imports`` reads web-form
    tables through ``forms``, so ``forms`` may not reach back into ``imports``)."""
    edges = [
        Import(package_of(i.module), i.path, i.line, package_of(i.target))
        for i in all_imports()
        if package_of(i.module) != package_of(i.target) and package_of(i.module) != ROOT
    ]
    assert in_cycles(edges) == []


def test_imports_point_down():
    names = [name for name, _ in LAYERS]
    upward = [
        f"{where(i)} ({names[layer_of(i.module)]} → {names[layer_of(i.target)]})"
        for i in all_imports()
        if layer_of(i.target) > layer_of(i.module)
    ]
    assert upward == []


def test_readme_lists_the_layers_in_the_same_order():
    readme = (REPO / "README.md").read_text("utf-8")
    found = re.search(r"Layers, bottom to top: (.+?)\.", readme, re.S)
    assert found, "README.md has no line 'Layers, bottom to top: a → b → …'"
    listed = [name.strip(" `\n") for name in found.group(1).split("→")]
    assert listed == [name for name, _ in LAYERS]


def test_the_checks_see_an_upward_import_and_a_cycle(tmp_path):
    """The parser and the cycle finder on a made-up package: relative imports, an import
    inside a function and one under TYPE_CHECKING are all found."""
    package = tmp_path / "hoering"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("from . import leaf\n")
    (package / "sub" / "leaf.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from ..top import x\n"
    )
    (package / "top.py").write_text("def f():\n    from .sub.leaf import y\n")
    known = {"hoering": package / "__init__.py", "hoering.sub": package / "sub/__init__.py"}
    known |= {"hoering.sub.leaf": package / "sub/leaf.py", "hoering.top": package / "top.py"}
    edges = [i for m, p in known.items() for i in imports_of(m, p, known)]
    assert [(i.module, i.line, i.target) for i in edges] == [
        ("hoering.sub", 1, "hoering.sub.leaf"),
        ("hoering.sub.leaf", 3, "hoering.top"),
        ("hoering.top", 2, "hoering.sub.leaf"),
    ]
    assert cycles(edges) == [["hoering.sub.leaf", "hoering.top"]]
