"""Refresh the translation sources and compile them.

    .venv/bin/python packaging/tools/update_translations.py            # lupdate, then lrelease
    .venv/bin/python packaging/tools/update_translations.py --release  # lrelease only
    .venv/bin/python packaging/tools/update_translations.py --check    # exit 1 if stale

lupdate reads every ``tr()``, ``QCoreApplication.translate()`` and ``QT_TRANSLATE_NOOP`` under
``acumat_desktop/`` and the Designer forms under ``ui/``, and merges them into
``resources/translations/acumat_<lang>.ts`` (kept translations stay; new messages arrive
unfinished). lrelease compiles each ``.ts`` to the ``.qm`` beside it. Both are committed: the
wheel (hatch maps ``resources/`` into the package) and the PyInstaller bundle take the ``.qm``
as they take any resource, and ``tests/ui/test_translations.py`` checks that the committed
``.qm`` is what lrelease makes of the ``.ts``.

The built-in routines are translated as data, in their own TOML files (``name.de = "…"``), not
here.
"""

from __future__ import annotations

import argparse
import ast
import filecmp
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease beside this Python (the venv), else on PATH."""
    beside = Path(sys.executable).parent / f"pyside6-{name}"
    if beside.exists():
        return str(beside)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if found is None:
        raise SystemExit(f"pyside6-{name} not found: install PySide6 in this environment")
    return found


def sources() -> list[Path]:
    package = ROOT / "acumat_desktop"
    python = sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    return python + sorted((ROOT / "ui").rglob("*.ui"))


def ts_files() -> list[Path]:
    return sorted(TRANSLATIONS.glob("acumat_*.ts"))


def lupdate(targets: list[Path]) -> None:
    # No source locations: line numbers would change the files on every unrelated edit.
    args = [str(p.relative_to(ROOT)) for p in sources()]
    cmd = [tool("lupdate"), "-silent", "-locations", "none", *args, "-ts"]
    subprocess.run([*cmd, *map(str, targets)], cwd=ROOT, check=True)
    messages = helper_messages()
    for ts in targets:
        add_messages(ts, messages)


BREATHING_CONTEXT = "Breathing"


def helper_messages() -> list[tuple[str, str, bool]]:
    """Messages lupdate cannot see: literals passed to a module's small helpers
    (``def _tr(text, n): return QCoreApplication.translate("Ctx", text, None, n)``; context
    given by a module constant), and the built-in breathing words and patterns, which live in
    Qt-free ``core/`` as data and are translated where they are shown (context "Breathing").
    Returns (context, source, plural)."""
    found: list[tuple[str, str, bool]] = []
    helpers: dict[str, str] = {}  # helper name -> context, over all modules (imports reuse them)
    trees = {path: ast.parse(path.read_text("utf-8")) for path in sources() if path.suffix == ".py"}
    for tree in trees.values():
        helpers.update(_helpers_of(tree))
    for path, tree in trees.items():
        local = {**helpers, **_helpers_of(tree)}
        imported = _imported_names(tree)
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            name = node.func.id
            if name not in local or (name not in _defined_names(tree) and name not in imported):
                continue
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(
                node.args[0].value, str
            ):
                found.append((local[name], node.args[0].value, len(node.args) > 1))
        found += _noop_with_constant_context(tree)
        del path
    found += _breathing_words()
    return found


def _constants(tree: ast.Module) -> dict[str, str]:
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    out[target.id] = node.value.value
    return out


def _context_of(arg: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return arg.value
    if isinstance(arg, ast.Name):
        return constants.get(arg.id)
    return None


def _helpers_of(tree: ast.Module) -> dict[str, str]:
    constants = _constants(tree)
    out = {}
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or not fn.args.args:
            continue
        param = fn.args.args[0].arg
        for node in ast.walk(fn):
            if (
                isinstance(node, ast.Call)
                and _callee(node) in ("translate", "QT_TRANSLATE_NOOP")
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Name)
                and node.args[1].id == param
            ):
                context = _context_of(node.args[0], constants)
                if context:
                    out[fn.name] = context
    return out


def _noop_with_constant_context(tree: ast.Module) -> list[tuple[str, str, bool]]:
    constants = _constants(tree)
    out = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and _callee(node) in ("translate", "QT_TRANSLATE_NOOP")
            and len(node.args) >= 2
            and isinstance(node.args[0], ast.Name)
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            context = constants.get(node.args[0].id)
            if context:
                out.append((context, node.args[1].value, len(node.args) > 3))
    return out


def _callee(node: ast.Call) -> str:
    func = node.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _defined_names(tree: ast.Module) -> set[str]:
    return {fn.name for fn in tree.body if isinstance(fn, ast.FunctionDef)}


def _imported_names(tree: ast.Module) -> set[str]:
    return {
        alias.asname or alias.name
        for node in tree.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def _breathing_words() -> list[tuple[str, str, bool]]:
    sys.path.insert(0, str(ROOT))
    from acumat_desktop.core import breathing

    words = [*breathing.DEFAULT_CUES.values(), breathing.DONE_CUE]
    for pattern in breathing.BUILTIN_PATTERNS.values():
        words += [pattern.name, pattern.description]
        words += [phase.cue for phase in pattern.phases if phase.cue]
    from acumat_desktop.core import safety

    marked = [(BREATHING_CONTEXT, word, False) for word in dict.fromkeys(words) if word]
    return [*marked, ("Safety", safety.SAFETY_TITLE, False), ("Safety", safety.SAFETY_NOTE, False)]


def add_messages(ts: Path, messages: list[tuple[str, str, bool]]) -> None:
    """After lupdate: bring back the helpers' messages it marked vanished (with their
    translations), add new ones unfinished, and drop every other vanished message."""
    import xml.etree.ElementTree as ET

    wanted = {(context, source): plural for context, source, plural in messages}
    tree = ET.parse(ts)
    root = tree.getroot()
    contexts = {c.findtext("name"): c for c in root.findall("context")}
    _merge_aliases(root, contexts)
    for context, element in contexts.items():
        _keep_wanted(context, element, wanted)
    for (context, source), plural in wanted.items():
        element = contexts.get(context)
        if element is None:
            element = ET.SubElement(root, "context")
            ET.SubElement(element, "name").text = context
            contexts[context] = element
        if any(m.findtext("source") == source for m in element.findall("message")):
            continue
        message = ET.SubElement(element, "message")
        if plural:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation", type="unfinished")
        if plural:
            ET.SubElement(translation, "numerusform")
            ET.SubElement(translation, "numerusform")
    for element in list(contexts.values()):
        if not element.findall("message"):
            root.remove(element)
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)


ALIASES = {"window": "MainWindow", "acumat.window": "MainWindow", "dialog": "SettingsDialog"}
"""``window.tr()`` in app.py is asked of the main window; ``dialog.tr()`` of the settings dialog.
lupdate names such contexts after the variable; at run time Qt asks the object's class."""


def _merge_aliases(root: Any, contexts: dict[str | None, Any]) -> None:
    import xml.etree.ElementTree as ET

    for alias, target in ALIASES.items():
        element = contexts.pop(alias, None)
        if element is None:
            continue
        root.remove(element)
        into = contexts.get(target)
        if into is None:
            into = ET.SubElement(root, "context")
            ET.SubElement(into, "name").text = target
            contexts[target] = into
        have = {m.findtext("source") for m in into.findall("message")}
        for message in element.findall("message"):
            if message.findtext("source") not in have:
                into.append(message)


def _keep_wanted(context: str | None, element: Any, wanted: dict[tuple[str, str], bool]) -> None:
    # Contexts named after a variable (``window.tr``) or none (a module's ``tr`` helper) are
    # no context the app asks for at run time: their messages are dropped.
    for message in element.findall("message"):
        translation = message.find("translation")
        kind = translation.get("type") if translation is not None else None
        if not context or context[0].islower() or "." in context:
            element.remove(message)
        elif kind in ("vanished", "obsolete"):
            if (context, message.findtext("source")) not in wanted:
                element.remove(message)
                continue
            assert translation is not None
            done = "".join(translation.itertext()).strip()
            translation.attrib.pop("type")
            if not done:
                translation.set("type", "unfinished")


def lrelease(ts: Path, qm: Path) -> None:
    # Without -nounfinished: an unfinished message falls back to English, never to empty text.
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def stale() -> list[str]:
    """The files that a run of this script would change."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        for ts in ts_files():
            copy = Path(tmp) / ts.name
            shutil.copy(ts, copy)
            lupdate([copy])
            if not filecmp.cmp(ts, copy, shallow=False):
                problems.append(str(ts.relative_to(ROOT)))
            qm = Path(tmp) / ts.with_suffix(".qm").name
            lrelease(ts, qm)
            committed = ts.with_suffix(".qm")
            if not committed.exists() or not filecmp.cmp(committed, qm, shallow=False):
                problems.append(str(committed.relative_to(ROOT)))
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--release", action="store_true", help="only compile .ts to .qm")
    parser.add_argument("--check", action="store_true", help="exit 1 if anything is stale")
    options = parser.parse_args(argv)
    if options.check:
        problems = stale()
        for name in problems:
            print(f"out of date: {name}")  # noqa: T201
        return 1 if problems else 0
    if not options.release:
        lupdate(ts_files())
    for ts in ts_files():
        lrelease(ts, ts.with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
