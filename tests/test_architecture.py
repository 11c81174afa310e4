"""The house's rules that the import contract alone does not state: no import cycle anywhere in
the package (imports under ``TYPE_CHECKING`` and inside functions included), and no module but
the entry points imports the composition root."""

from __future__ import annotations

import grimp

PACKAGE = "acumat_desktop"
ENTRY_POINTS = {"acumat_desktop.__main__", "acumat_desktop.cli.main", "acumat_desktop.selftest"}


class _Tarjan:
    """Strongly connected components of the import graph (Tarjan's algorithm)."""

    def __init__(self, graph: grimp.ImportGraph) -> None:
        self.graph = graph
        self.index: dict[str, int] = {}
        self.low: dict[str, int] = {}
        self.stack: list[str] = []
        self.on_stack: set[str] = set()
        self.groups: list[list[str]] = []

    def visit(self, module: str) -> None:
        self.index[module] = self.low[module] = len(self.index)
        self.stack.append(module)
        self.on_stack.add(module)
        for imported in self.graph.find_modules_directly_imported_by(module):
            if imported not in self.index:
                self.visit(imported)
                self.low[module] = min(self.low[module], self.low[imported])
            elif imported in self.on_stack:
                self.low[module] = min(self.low[module], self.index[imported])
        if self.low[module] == self.index[module]:
            self.pop_group(module)

    def pop_group(self, root: str) -> None:
        group: list[str] = []
        while not group or group[-1] != root:
            member = self.stack.pop()
            self.on_stack.discard(member)
            group.append(member)
        if len(group) > 1:
            self.groups.append(sorted(group))


def import_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Groups of more than one module that import each other, directly or not, each sorted."""
    finder = _Tarjan(graph)
    for module in sorted(graph.modules):
        if module not in finder.index:
            finder.visit(module)
    return finder.groups


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
