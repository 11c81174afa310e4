"""The house's rules that the import contract alone does not state: no import cycle anywhere in
the package (imports under ``TYPE_CHECKING`` and inside functions included), and no module but
the entry points imports the composition root."""

from __future__ import annotations

import grimp

PACKAGE = "acumat_desktop"
ENTRY_POINTS = {"acumat_desktop.__main__", "acumat_desktop.cli.main", "acumat_desktop.selftest"}


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return groups


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = grimp.ImportGraph()
    for a, b in (("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")):
        graph.add_import(importer=a, imported=b)
    assert import_cycles(graph) == [["p.a", "p.b", "p.c"]]


def test_type_checking_imports_are_seen() -> None:
    graph = grimp.build_graph(PACKAGE)
    # wiring/sound.py imports the importer only for type checking (numpy stays out of start-up).
    assert graph.direct_import_exists(
        importer="acumat_desktop.wiring.sound", imported="acumat_desktop.services.audio.importer"
    )


def test_no_import_cycle_in_the_package() -> None:
    assert import_cycles(grimp.build_graph(PACKAGE)) == []


def test_only_the_entry_points_import_the_composition_root() -> None:
    graph = grimp.build_graph(PACKAGE)
    importers = graph.find_modules_that_directly_import("acumat_desktop.app")
    assert importers <= ENTRY_POINTS, sorted(importers - ENTRY_POINTS)
