"""The package's modules import each other without a cycle.

Every ``import`` of a kazthesis module is read from the source with :mod:`ast` — at module level, inside
functions (imported late to start fast, still a dependency), and under ``if TYPE_CHECKING:`` (a type is a
dependency too: the model needing a writer's type is the layering fault a cycle shows, even if Python never
runs that import). A package's ``__init__`` counts only where an import names the package itself.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import REPO

PACKAGE = REPO / "kazthesis"


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imports(path: Path, known: dict[str, Path]) -> set[str]:
    """The kazthesis modules a module imports, wherever in it the import stands."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in known)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # a relative import
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                source = f"{base}.{node.module}" if node.module else base
            else:
                source = node.module or ""
            for alias in node.names:
                if f"{source}.{alias.name}" in known:  # a module of a package: `from kazthesis.pdf import workers`
                    found.add(f"{source}.{alias.name}")
                elif source in known:
                    found.add(source)
    found.discard(name)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan's algorithm), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
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
    return found


def test_no_module_imports_itself_through_others() -> None:
    known = modules()
    graph = {name: imports(path, known) for name, path in known.items()}
    assert graph["kazthesis.pdf.build"] >= {"kazthesis.pdf.workers", "kazthesis.model"}  # the walk sees imports
    assert cycles(graph) == []


def test_the_walk_finds_a_cycle_made_by_a_late_import() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


WRITERS = ("kazthesis.pdf", "kazthesis.docx")  # lay the resolved document out
COMMANDS = ("kazthesis.review", "kazthesis.draft", "kazthesis.new")  # read or make projects around the build


def within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


def test_no_writer_imports_a_command() -> None:
    """Data flows one way: a writer only lays out the resolved document; the commands consume what writers
    write (review reads the .docx's markers back), never the other way round."""
    known = modules()
    assert {"kazthesis.docx.markers", "kazthesis.review.place"} <= set(known)  # the packages are where we look
    wrong = sorted(f"{name} imports {target}" for name, path in known.items() if within(name, WRITERS)
                   for target in imports(path, known) if within(target, COMMANDS))
    assert wrong == []
