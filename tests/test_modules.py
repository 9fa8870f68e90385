"""The shape of the pure pipeline (issue 14, item 6): no import cycle between the modules of
``hooks/sourcekit/``, no private name imported from another module, and no HTML written with
f-strings (HTML comes from the templates in ``overrides/partials/sourcekit/``)."""

from __future__ import annotations

import ast
import functools
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCEKIT = ROOT / "hooks" / "sourcekit"
MODULES = sorted(path for path in SOURCEKIT.rglob("*.py"))
HTML_ELEMENTS = (
    "a abbr b blockquote br button cite code dd details div dl dt em figcaption figure g h1 h2 h3 h4 h5 h6 hr i img "
    "input label li link meta nav ol p path pre script section small span strong style sub summary sup svg table "
    "tbody td text th thead time title tr ul"
).split()
TAG = re.compile(r"</?(?:" + "|".join(HTML_ELEMENTS) + r")[\s>/]")


def module_name(path: Path) -> str:
    parts = path.relative_to(SOURCEKIT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@functools.cache
def parsed(path: Path) -> ast.Module:
    """Each module parsed once per run (every test reads the same trees)."""
    return ast.parse(path.read_text(encoding="utf-8"))


def imports(path: Path) -> list[tuple[str, list[str]]]:
    """(module, names) of every import of ``path`` from ``sourcekit``, absolute, type-only ones included."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("sourcekit"):
                found.append((target, [alias.name for alias in node.names]))
    return found


def graph() -> dict[str, set[str]]:
    names = {module_name(path) for path in MODULES}
    edges: dict[str, set[str]] = {}
    for path in MODULES:
        targets = set()
        for target, imported in imports(path):
            # "from . import x" names a module; "from .x import y" names x.
            targets |= {f"{target}.{name}" for name in imported if f"{target}.{name}" in names} or {target}
        edges[module_name(path)] = {target for target in targets if target in names and target != module_name(path)}
    return edges


def find_cycle(edges: dict[str, set[str]]) -> list[str] | None:
    """A cycle of ``edges`` (module -> the modules it imports), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                return stack[stack.index(target) :] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(edges):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


@pytest.mark.slow  # parses every module (about 0.2 s)
def test_no_import_cycle() -> None:
    edges = graph()
    assert "sourcekit.charts" in edges["sourcekit.knowledge"], "the graph sees relative imports"
    cycle = find_cycle(edges)
    assert cycle is None, " -> ".join(cycle or ())


@pytest.mark.slow  # parses every module (about 0.2 s)
def test_the_cycle_check_finds_a_cycle() -> None:
    """charts.py imported knowledge.py, which imports charts.py: that cycle is found."""
    edges = graph()
    edges["sourcekit.charts"] = edges["sourcekit.charts"] | {"sourcekit.knowledge"}
    cycle = find_cycle(edges)
    assert cycle is not None and {"sourcekit.charts", "sourcekit.knowledge"} <= set(cycle)


PLUGIN_MODULES = sorted((ROOT / "hooks" / "mkdocs_sourcekit").glob("*.py"))


@pytest.mark.parametrize("path", [*MODULES, *PLUGIN_MODULES], ids=lambda path: path.relative_to(ROOT / "hooks").as_posix())
def test_no_private_name_is_imported_from_another_module(path: Path) -> None:
    private = [(target, name) for target, names in imports(path) for name in names if name.startswith("_")]
    assert not private, private


@pytest.mark.parametrize("path", [*MODULES, *PLUGIN_MODULES], ids=lambda path: path.relative_to(ROOT / "hooks").as_posix())
def test_no_html_from_f_strings(path: Path) -> None:
    """HTML comes from templates; a tiny fragment that is faster as code (a span put into a
    page's HTML) is a markupsafe.Markup whose values are escaped by ``format``."""
    found = []
    for node in ast.walk(parsed(path)):
        if isinstance(node, ast.JoinedStr):
            text = "".join(part.value for part in node.values if isinstance(part, ast.Constant) and isinstance(part.value, str))
            if TAG.search(text):
                found.append((node.lineno, text))
    assert not found, found
