"""``acumat selftest``: load everything an installation ships and build every window once.

Meant for a freshly installed package (the .deb, a frozen bundle, a wheel): it proves the
resources, routines, breathing patterns, soundscapes, translations, Qt plugins (SVG icons, the
platform plugin) and Designer forms are all where the app looks for them. It runs offscreen
unless a Qt platform is forced (``QT_QPA_PLATFORM``), with every XDG folder pointed at a
temporary directory so it never reads or writes the user's own files, and it never talks to a
running AcuMat. It prints one line per check and exits 0, or 1 naming what failed.

Everything that depends on how ``acumat_desktop.app`` is put together lives in
:func:`build_app_under_test`, the one place to adapt when the composition root changes.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from acumat_desktop import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from acumat_desktop.services.audio.soundscapes import SoundCatalogue
    from acumat_desktop.services.pattern_library import PatternLibrary

SOUND_SECONDS = 1.0  # each built-in soundscape is rendered for this long
XDG_VARS = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME")
Write = Callable[[str], object]


@dataclass
class AppUnderTest:
    """What the self-test needs from a built app: the application, its main window and a way
    to open each of its own dialogs (so they are built the way the app builds them)."""

    app: QApplication
    window: QWidget
    open_dialogs: list[Callable[[], None]] = field(default_factory=list)
    keep: Any = None  # the app's parts, kept alive until the self-test ends


def build_app_under_test(home: Path) -> AppUnderTest:
    """Build the real app (as ``acumat`` does, minus the IPC server) with its files in ``home``."""
    from acumat_desktop.app import build, create_application
    from acumat_desktop.services.paths import AppPaths
    from acumat_desktop.services.settings_store import SettingsStore

    paths = AppPaths.for_user()
    paths.ensure()
    if home not in paths.config.parents:
        raise RuntimeError("the self-test must not use the user's folders")
    app = create_application()
    built = build(app, paths, SettingsStore(paths.settings_file).load(), minimized=False)
    # The parts live on the built object or on its ``services``, depending on app.py's layout.
    services: Any = getattr(built, "services", built)
    actions = services.actions
    return AppUnderTest(
        app=app,
        window=services.window,
        open_dialogs=[actions.settings.trigger, actions.about.trigger],
        keep=built,
    )


@dataclass
class Context:
    home: Path
    patterns: PatternLibrary | None = None
    catalogue: SoundCatalogue | None = None
    under_test: AppUnderTest | None = None
    extra_windows: list[QWidget] = field(default_factory=list)


# --- Qt-free checks ------------------------------------------------------------------------------


def check_resources(ctx: Context) -> str:
    from acumat_desktop.services.assets import resource_path, ui_path

    counts = []
    for root in (resource_path(), ui_path()):
        files = [p for p in root.rglob("*") if p.is_file()]
        if not files:
            raise FileNotFoundError(f"no files under {root}")
        for file in files:
            file.read_bytes()
        counts.append(f"{len(files)} in {root}")
    for size in (None, 16, 22, 24, 32, 48, 64, 128, 256):
        _require_icon(size)
    return "; ".join(counts)


def _require_icon(size: int | None) -> None:
    from acumat_desktop.services.assets import icon_path

    if not icon_path(size).is_file():
        raise FileNotFoundError(icon_path(size))


def check_patterns(ctx: Context) -> str:
    from acumat_desktop.core.breathing import phase_at
    from acumat_desktop.services.pattern_library import PatternLibrary

    ctx.patterns = PatternLibrary(user_dir=ctx.home / "patterns")
    if ctx.patterns.problems:
        raise ValueError("; ".join(ctx.patterns.problems))
    patterns = ctx.patterns.all()
    for pattern in patterns.values():
        if pattern.phases:  # "none" (no guidance) has nothing to follow
            phase_at(pattern, 30.0)
    return f"{len(patterns)}: {', '.join(patterns)}"


def check_soundscapes(ctx: Context) -> str:
    import numpy as np

    from acumat_desktop.services.audio.soundscapes import SoundCatalogue

    ctx.catalogue = catalogue = SoundCatalogue(ctx.home / "sounds", seconds=SOUND_SECONDS)
    done = []
    for sound in catalogue.sounds():
        if sound.kind != "builtin":
            continue
        data = catalogue.load(sound.id)
        if data.ndim != 2 or data.shape[1] != 2 or not np.isfinite(data).all():
            raise ValueError(f"{sound.id}: not finite stereo audio")
        if not np.abs(data).max() > 0:
            raise ValueError(f"{sound.id}: silent")
        done.append(sound.id)
    if not done:
        raise ValueError("no built-in soundscapes")
    return f"{len(done)} rendered for {SOUND_SECONDS:g} s: {', '.join(done)}"


def check_routines(ctx: Context) -> str:
    from acumat_desktop.core.routines import BUILTIN_ROUTINE_IDS
    from acumat_desktop.services.routine_library import RoutineLibrary

    library = RoutineLibrary(
        user_dir=ctx.home / "routines",
        patterns=ctx.patterns.all() if ctx.patterns else None,
        sounds=[s.id for s in ctx.catalogue.sounds()] if ctx.catalogue else None,
    )
    if library.problems:
        raise ValueError("; ".join(library.problems))
    missing = sorted(set(BUILTIN_ROUTINE_IDS) - library.ids())
    if missing:
        raise ValueError(f"missing built-in routines: {', '.join(missing)}")
    return f"{len(library.all())}: {', '.join(r.id for r in library.all())}"


# --- Qt checks -----------------------------------------------------------------------------------


def check_app(ctx: Context) -> str:
    ctx.under_test = build_app_under_test(ctx.home)
    app = ctx.under_test.app
    return f"Qt platform {app.platformName()}, main window {type(ctx.under_test.window).__name__}"


def check_icons(ctx: Context) -> str:
    from PySide6.QtGui import QIcon, QImage

    from acumat_desktop.services.assets import icon_path

    for size in (16, 22, 24, 32, 48, 64, 128, 256):
        image = QImage(str(icon_path(size)))
        if image.isNull() or image.width() != size:
            raise ValueError(f"{icon_path(size)} does not load as a {size} px image")
    svg = QImage(str(icon_path()))
    if svg.isNull():
        raise ValueError(f"{icon_path()} does not load (is the SVG image plugin missing?)")
    if QIcon(str(icon_path())).pixmap(96, 96).isNull():
        raise ValueError("the SVG icon does not render (is the SVG icon engine missing?)")
    return "8 PNG sizes and the SVG (image plugin and icon engine)"


def check_audio_backend(ctx: Context) -> str:
    """The multimedia plugin (FFmpeg) loads: importing the user's own sounds decodes with it."""
    from PySide6.QtMultimedia import QMediaDevices, QMediaFormat

    formats = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
    if not formats:
        raise ValueError("no audio decoder: the Qt multimedia (FFmpeg) plugin did not load")
    outputs = len(QMediaDevices.audioOutputs())
    return f"decodes {len(formats)} file formats; {outputs} audio output(s) found"


def check_translations(ctx: Context) -> str:
    from PySide6.QtCore import QTranslator

    from acumat_desktop.services.assets import resource_path

    folder = resource_path("translations")
    files = sorted(folder.glob("*.qm")) if folder.is_dir() else []
    if not files:
        return f"none shipped ({folder} has no .qm file)"
    for qm in files:
        if not QTranslator().load(str(qm)):
            raise ValueError(f"{qm} does not load")
    return f"{len(files)}: {', '.join(f.stem for f in files)}"


def check_windows(ctx: Context) -> str:
    from PySide6.QtWidgets import QApplication

    from acumat_desktop.ui.reminder_popup import ReminderPopup
    from acumat_desktop.ui.routine_editor import RoutineEditor

    assert ctx.under_test is not None, "the app was not built"
    under_test = ctx.under_test
    for open_dialog in under_test.open_dialogs:
        open_dialog()
    patterns = ctx.patterns.all() if ctx.patterns else None
    ctx.extra_windows += [ReminderPopup(), RoutineEditor(patterns=patterns)]
    for window in ctx.extra_windows:
        window.show()
    QApplication.processEvents()
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and not w.isHidden()]
    if under_test.window not in shown:
        raise ValueError("the main window is not shown")
    names = sorted({type(w).__name__ for w in shown})
    return f"{len(shown)} shown: {', '.join(names)}"


CHECKS: list[tuple[str, Callable[[Context], str]]] = [
    ("resources", check_resources),
    ("breathing patterns", check_patterns),
    ("soundscapes", check_soundscapes),
    ("routines", check_routines),
    ("application", check_app),
    ("icons", check_icons),
    ("audio decoding", check_audio_backend),
    ("translations", check_translations),
    ("windows", check_windows),
]


@contextmanager
def isolated_environment() -> Iterator[Path]:
    """Every XDG folder in a temporary directory, offscreen Qt unless forced, no pre-render."""
    saved = dict(os.environ)
    with tempfile.TemporaryDirectory(prefix="acumat-selftest-") as tmp:
        home = Path(tmp)
        for var in XDG_VARS:
            os.environ[var] = str(home / var.lower())
        runtime = home / "runtime"
        runtime.mkdir(mode=0o700)
        os.environ["XDG_RUNTIME_DIR"] = str(runtime)
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        os.environ["ACUMAT_PREWARM_DELAY_MS"] = "-1"
        try:
            yield home
        finally:
            os.environ.clear()
            os.environ.update(saved)


def _shut_down(ctx: Context) -> None:
    """Close what was built through the app's own quit path (settings flush, audio stop)."""
    if ctx.under_test is None:
        return
    from PySide6.QtCore import QTimer

    for window in ctx.extra_windows:
        window.close()
    app = ctx.under_test.app
    QTimer.singleShot(0, app.quit)
    app.exec()


def run_checks(ctx: Context, write: Write) -> list[str]:
    failed: list[str] = []
    for name, check in CHECKS:
        started = time.monotonic()
        try:
            detail = check(ctx)
        except Exception as exc:
            failed.append(name)
            write(f"FAIL {name}: {type(exc).__name__}: {exc}\n")
            write("".join(f"     {line}\n" for line in traceback.format_exc().splitlines()))
            if name == "application":
                break  # nothing after this can be checked without the app
            continue
        write(f"ok   {name} ({time.monotonic() - started:.1f} s): {detail}\n")
    return failed


def run_selftest(write: Write = sys.stdout.write) -> int:
    """Run every check; 0 when all pass, 1 otherwise (the failures are named)."""
    write(f"AcuMat {__version__} self-test ({sys.executable})\n")
    with isolated_environment() as home:
        ctx = Context(home)
        failed = run_checks(ctx, write)
        _shut_down(ctx)
    if failed:
        write(f"selftest FAILED: {', '.join(failed)}\n")
        return 1
    write(f"selftest passed: {len(CHECKS)} checks\n")
    return 0


if __name__ == "__main__":
    sys.exit(run_selftest())
