"""The .deb built by packaging/linux/build-deb.sh: its files, its size, its dependencies, and
its frozen app running on its own (unpacked, with a clean environment and no venv).

CI builds the package before the tests run (.ci/run); elsewhere these tests skip until
``packaging/linux/build-deb.sh`` has put a .deb of the current version in dist/.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from acumat_desktop import DESKTOP_FILE_ID, __version__
from tests.packaging import _appstream

ROOT = Path(__file__).resolve().parents[2]
MAX_INSTALLED_MB = 250
LIB = "usr/lib/acumat-desktop"
DATA = f"{LIB}/_internal/acumat_desktop/_data"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
# Qt parts AcuMat never uses. libQt6Quick/libQt6Qml themselves may ship: the FFmpeg multimedia
# plugin links them (QAudioDecoder needs that plugin), but no QML module or Quick binding does.
UNWANTED = re.compile(
    r"WebEngine|Qt/qml/|Qt/translations/(?!qtbase_de\.qm)|/QtQuick|/QtQml|libQt6Quick[A-Z3]|Qt3D|"
    r"libQt63D|"
    r"QtCharts|libQt6Charts|QtPdf|libQt6Pdf|QtDataVisualization|QtGraphs|VirtualKeyboard|"
    r"QtDesigner|platforms/libq(vnc|eglfs|linuxfb|minimal)\.|tkinter|/_tkinter"
)


def dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def deb() -> Path:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not installed (not a Debian-based system)")
    found = sorted((ROOT / "dist").glob(f"acumat-desktop_{__version__}_*.deb"))
    if not found:
        pytest.skip(
            f"no dist/acumat-desktop_{__version__}_*.deb: run packaging/linux/build-deb.sh "
            "(CI builds it before the tests)"
        )
    return found[-1]


@pytest.fixture(scope="module")
def listing(deb: Path) -> dict[str, tuple[str, int, str]]:
    """path -> (mode, size, link target) for every entry of the package."""
    entries: dict[str, tuple[str, int, str]] = {}
    for line in dpkg_deb("-c", str(deb)).splitlines():
        mode, _owner, size, _date, _time, rest = line.split(None, 5)
        name, _, target = rest.partition(" -> ")
        entries[name.removeprefix("./").rstrip("/")] = (mode, int(size), target)
    return entries


@pytest.fixture(scope="module")
def unpacked(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("deb")
    dpkg_deb("-x", str(deb), str(root))
    return root


def test_control_fields(deb: Path) -> None:
    fields = dpkg_deb("-f", str(deb), "Package", "Version", "Architecture", "Depends")
    assert "Package: acumat-desktop" in fields
    assert f"Version: {__version__}" in fields
    depends = fields.split("Depends:", 1)[1]
    assert "libc6" in depends
    # Self-contained: no Python or Python package of the system is needed.
    assert not re.search(r"\bpython3", depends), depends


def test_files_are_where_the_desktop_looks(listing: dict[str, tuple[str, int, str]]) -> None:
    share = "usr/share"
    wanted = [
        f"{LIB}/acumat",
        f"{share}/applications/{DESKTOP_FILE_ID}.desktop",
        f"{share}/metainfo/{DESKTOP_FILE_ID}.metainfo.xml",
        f"{share}/icons/hicolor/scalable/apps/{DESKTOP_FILE_ID}.svg",
        *(f"{share}/icons/hicolor/{n}x{n}/apps/{DESKTOP_FILE_ID}.png" for n in ICON_SIZES),
        f"{share}/doc/acumat-desktop/copyright",
        f"{DATA}/ui/about.ui",
        f"{DATA}/resources/icons/acumat.svg",
        f"{DATA}/resources/routines/desk-break.toml",
    ]
    missing = [path for path in wanted if path not in listing]
    assert missing == []
    mode, _size, target = listing["usr/bin/acumat"]
    assert mode.startswith("l") and target == "../lib/acumat-desktop/acumat"
    assert listing[f"{LIB}/acumat"][0] == "-rwxr-xr-x"


def test_every_resource_and_ui_file_is_bundled(listing: dict[str, tuple[str, int, str]]) -> None:
    tracked = subprocess.run(
        ["git", "ls-files", "resources", "ui"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    assert tracked
    missing = [name for name in tracked if f"{DATA}/{name}" not in listing]
    assert missing == []


def test_only_the_qt_parts_the_app_uses(listing: dict[str, tuple[str, int, str]]) -> None:
    unwanted = sorted(path for path in listing if UNWANTED.search(path))
    assert unwanted == []


def test_installed_size_is_under_the_budget(
    deb: Path, listing: dict[str, tuple[str, int, str]]
) -> None:
    files_mb = sum(size for _mode, size, _target in listing.values()) / 1e6
    declared_mb = int(dpkg_deb("-f", str(deb), "Installed-Size")) * 1024 / 1e6
    assert files_mb < MAX_INSTALLED_MB
    assert declared_mb < MAX_INSTALLED_MB
    assert abs(declared_mb - files_mb) < 0.1 * files_mb  # Installed-Size tells the truth


def clean_env(home: Path) -> dict[str, str]:
    """What a desktop session would give the app: no venv, no PYTHONPATH, offscreen Qt."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
    }
    for var in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        env[var] = os.environ[var]  # the test's own folders (tests/conftest.py)
    return env


def test_unpacked_app_passes_its_selftest(unpacked: Path, tmp_path: Path) -> None:
    app = unpacked / LIB / "acumat"
    version = subprocess.run(
        [str(app), "--version"],
        env=clean_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert (version.returncode, version.stdout.strip()) == (0, f"acumat {__version__}")
    result = subprocess.run(
        [str(app), "selftest"],
        env=clean_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "selftest passed" in result.stdout
    assert str(unpacked / LIB) in result.stdout  # resources came from the bundle


def test_unpacked_tree_validates_as_a_whole(unpacked: Path) -> None:
    """Desktop file, metainfo and icons together, as software centres read them."""
    result = subprocess.run(
        [_appstream.appstreamcli(), "validate-tree", "--pedantic", "--no-net", str(unpacked)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert _appstream.issues(result.stdout) == [], result.stdout


def test_unpacked_app_runs_its_helper_modules(unpacked: Path, tmp_path: Path) -> None:
    """The app starts helpers as ``sys.executable -m acumat_desktop.…`` (the soundscape
    pre-render); in the bundle sys.executable is ``acumat``, whose entry point runs them."""
    app = unpacked / LIB / "acumat"
    cache = tmp_path / "cache"
    module = "acumat_desktop.services.audio.prerender"
    result = subprocess.run(
        [str(app), "-m", module, str(cache), "brown-noise"],
        env=clean_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert [p.name.split("-v")[0] for p in cache.glob("*.npy")] == ["brown-noise"]
    refused = subprocess.run(
        [str(app), "-m", "os"],
        env=clean_env(tmp_path),
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert refused.returncode == 2


def test_unpacked_app_prerenders_and_gives_children_the_system_libraries(
    unpacked: Path, tmp_path: Path
) -> None:
    """The running app starts its pre-render child through the bundle (``acumat -m …``) and
    hands it, like every program it starts, the environment without the bootloader's
    LD_LIBRARY_PATH (which would make a KDE program it opens load the bundle's Qt)."""
    env = clean_env(tmp_path) | {
        "ACUMAT_PREWARM_DELAY_MS": "0",
        "ACUMAT_SOUND_LOOPS": "1",  # only loops are rendered ahead
        "XDG_RUNTIME_DIR": os.environ["XDG_RUNTIME_DIR"],
    }
    app = subprocess.Popen(
        [str(unpacked / LIB / "acumat")],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        child_env = _first_child_environment(app.pid, timeout_s=60)
        cache = Path(env["XDG_CACHE_HOME"]) / "acumat-desktop"
        deadline = time.monotonic() + 120
        while not list(cache.rglob("*.npy")) and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        app.terminate()
        app.wait(timeout=30)
    assert "LD_LIBRARY_PATH" not in child_env
    assert "LD_LIBRARY_PATH_ORIG" not in child_env
    assert list(cache.rglob("*.npy")), "the pre-render child wrote no sound"


def _first_child_environment(pid: int, timeout_s: float) -> dict[str, str]:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for child in children:
            try:
                raw = Path(f"/proc/{child}/environ").read_bytes()
            except OSError:
                continue  # already gone
            pairs = (item.partition("=") for item in raw.decode(errors="replace").split("\0"))
            return {key: value for key, _, value in pairs if key}
        time.sleep(0.05)
    raise AssertionError("the app started no child process")
