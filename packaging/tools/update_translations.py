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
import copy
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

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


Message = tuple[str, str, str, bool]
"""(context, source, disambiguation, plural)"""
Key = tuple[str, str, str]


def lupdate(targets: list[Path]) -> None:
    # No source locations: line numbers would change the files on every unrelated edit.
    args = [str(p.relative_to(ROOT)) for p in sources()]
    cmd = [tool("lupdate"), "-silent", "-locations", "none", *args, "-ts"]
    kept = {ts: _translations(ts) for ts in targets}
    # lupdate's Python parser takes translate(ctx, text, "", n) for a singular message and says
    # so ("Removed plural forms"); merge() puts the plural back, so that note is not shown.
    done = subprocess.run([*cmd, *map(str, targets)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stdout + done.stderr)
    messages = helper_messages()
    for ts in targets:
        merge(ts, messages, kept[ts])


BREATHING_CONTEXT = "Breathing"


def helper_messages() -> list[Message]:
    """Messages lupdate's Python parser misses: literals passed to a module's small helpers
    (``def _tr(text, n): return QCoreApplication.translate("Ctx", text, None, n)``, the context
    a literal or a module constant), ``translate()`` calls whose context is a module constant,
    plural ``translate(ctx, text, "", n)`` calls, and the built-in breathing words and patterns
    and the safety note, which live in Qt-free ``core/`` as data and are translated where they
    are shown."""
    found: list[Message] = []
    trees = {path: ast.parse(path.read_text("utf-8")) for path in sources() if path.suffix == ".py"}
    helpers: dict[str, Helper] = {}
    for tree in trees.values():
        helpers.update(_helpers_of(tree))
    for tree in trees.values():
        known = {**helpers, **_helpers_of(tree)}
        reachable = _defined_names(tree) | _imported_names(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                found += _helper_call(node, known, reachable)
        found += _direct_calls(tree)
        found += _self_tr_calls(tree)
    return found + _core_words()


@dataclass(frozen=True)
class Helper:
    context: str
    disambiguation: int | None  # which of the helper's arguments is passed on as such
    count: int | None  # and which as n


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _helper_call(node: ast.Call, known: dict[str, Helper], reachable: set[str]) -> list[Message]:
    if not isinstance(node.func, ast.Name) or node.func.id not in known:
        return []
    if node.func.id not in reachable:
        return []
    helper = known[node.func.id]
    source = _literal(node.args[0]) if node.args else None
    if source is None:
        return []
    comment = ""
    if helper.disambiguation is not None and len(node.args) > helper.disambiguation:
        comment = _literal(node.args[helper.disambiguation]) or ""
    plural = helper.count is not None and len(node.args) > helper.count
    return [(helper.context, source, comment, plural)]


def _constants(tree: ast.Module) -> dict[str, str]:
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant):
            for target in node.targets:
                if isinstance(target, ast.Name) and isinstance(node.value.value, str):
                    out[target.id] = node.value.value
    return out


def _context_of(arg: ast.expr, constants: dict[str, str]) -> str | None:
    if isinstance(arg, ast.Name):
        return constants.get(arg.id)
    return _literal(arg)


def _translate_calls(node: ast.AST) -> Iterator[ast.Call]:
    for call in ast.walk(node):
        if (
            isinstance(call, ast.Call)
            and _callee(call) in ("translate", "QT_TRANSLATE_NOOP")
            and len(call.args) >= 2
        ):
            yield call


def _helpers_of(tree: ast.Module) -> dict[str, Helper]:
    constants = _constants(tree)
    out = {}
    for fn in tree.body:
        if not isinstance(fn, ast.FunctionDef) or not fn.args.args:
            continue
        params = [a.arg for a in fn.args.args]
        for call in _translate_calls(fn):
            text = call.args[1]
            if not (isinstance(text, ast.Name) and text.id == params[0]):
                continue
            context = _context_of(call.args[0], constants)
            if context:
                passed = [a.id if isinstance(a, ast.Name) else None for a in call.args]
                out[fn.name] = Helper(
                    context,
                    _index(params, passed[2] if len(passed) > 2 else None),
                    _index(params, passed[3] if len(passed) > 3 else None),
                )
    return out


def _index(params: list[str], name: str | None) -> int | None:
    return params.index(name) if name in params else None


def _direct_calls(tree: ast.Module) -> list[Message]:
    constants = _constants(tree)
    out = []
    for call in _translate_calls(tree):
        context = _context_of(call.args[0], constants)
        source = _literal(call.args[1])
        if context and source is not None:
            comment = (_literal(call.args[2]) or "") if len(call.args) > 2 else ""
            out.append((context, source, comment, len(call.args) > 3))
    return out


def _self_tr_calls(tree: ast.Module) -> list[Message]:
    """``self.tr("…")`` in a class, also where lupdate does not look (inside f-strings)."""
    out = []
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef):
            continue
        for call in ast.walk(cls):
            if (
                isinstance(call, ast.Call)
                and isinstance(call.func, ast.Attribute)
                and call.func.attr == "tr"
                and isinstance(call.func.value, ast.Name)
                and call.func.value.id == "self"
                and call.args
                and (source := _literal(call.args[0])) is not None
            ):
                comment = (_literal(call.args[1]) or "") if len(call.args) > 1 else ""
                out.append((cls.name, source, comment, len(call.args) > 2))
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


def _core_words() -> list[Message]:
    sys.path.insert(0, str(ROOT))
    from acumat_desktop.core import breathing, routines, safety
    from acumat_desktop.core.audio import names

    words = [*breathing.DEFAULT_CUES.values(), breathing.DONE_CUE]
    for pattern in breathing.BUILTIN_PATTERNS.values():
        words += [pattern.name, pattern.description]
        words += [phase.cue for phase in pattern.phases if phase.cue]
    marked = [(BREATHING_CONTEXT, word, "", False) for word in dict.fromkeys(words) if word]
    return [
        *marked,
        ("Safety", safety.SAFETY_TITLE, "", False),
        ("Safety", safety.SAFETY_NOTE, "", False),
        *(("Routines", word, "", False) for word in routines.GOAL_LABELS.values()),
        *(("Routines", word, "", False) for word in routines.POSITION_LABELS.values()),
        *(("Sounds", word, "", False) for word in names.SOUNDSCAPES.values()),
    ]


# --- merging into the .ts ---------------------------------------------------------------------

ALIASES = {"window": "MainWindow", "acumat.window": "MainWindow", "dialog": "SettingsDialog"}
"""``window.tr()`` in app.py is asked of the main window; ``dialog.tr()`` of the settings dialog.
lupdate names such contexts after the variable; at run time Qt asks the object's class."""


def _key(context: str, message: ET.Element) -> Key:
    return (context, message.findtext("source") or "", message.findtext("comment") or "")


def _translations(ts: Path) -> dict[Key, ET.Element]:
    """The finished translations in a .ts, before lupdate touches it."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None:
                found[_key(name, message)] = copy.deepcopy(translation)
    return found


def merge(ts: Path, messages: list[Message], kept: dict[Key, ET.Element]) -> None:
    """After lupdate: contexts named after variables go where Qt looks for them, the helpers'
    messages join (plural where they are), messages no code asks for go, and every finished
    translation stays."""
    tree = ET.parse(ts)
    root = tree.getroot()
    wanted = {(c, s, d): plural for c, s, d, plural in messages}
    entries: dict[Key, bool] = {}
    for context in root.iter("context"):
        raw = context.findtext("name") or ""
        name = ALIASES.get(raw, raw)
        if not name or name[0].islower() or "." in name:
            continue
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            key = _key(name, message)
            entries[key] = entries.get(key, False) or message.get("numerus") == "yes"
    for key, plural in wanted.items():
        entries[key] = entries.get(key, False) or plural
    _write(ts, root.get("language") or ts.stem.split("_", 1)[1], entries, kept)


def _write(ts: Path, language: str, entries: dict[Key, bool], kept: dict[Key, ET.Element]) -> None:
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, ET.Element] = {}
    for (name, source, comment), plural in entries.items():
        if name not in contexts:
            contexts[name] = ET.SubElement(root, "context")
            ET.SubElement(contexts[name], "name").text = name
        message = ET.SubElement(contexts[name], "message")
        if plural:
            message.set("numerus", "yes")
        ET.SubElement(message, "source").text = source
        if comment:
            ET.SubElement(message, "comment").text = comment
        done = kept.get((name, source, comment))
        if done is not None and (done.find("numerusform") is not None) == plural:
            message.append(done)
            continue
        translation = ET.SubElement(message, "translation", type="unfinished")
        for _ in range(2 if plural else 0):
            ET.SubElement(translation, "numerusform")
    tree = ET.ElementTree(root)
    ET.indent(tree, space="    ")
    with ts.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


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
