"""The built wheel, installed into a fresh venv, works from outside the source tree."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    wheels = list(out.glob("acumat_desktop-*.whl"))
    assert len(wheels) == 1
    env_dir = out / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    subprocess.run(
        [
            str(env_dir / "bin" / "python"),
            "-m",
            "pip",
            "install",
            "-q",
            "--disable-pip-version-check",
            "-c",
            str(ROOT / "packaging" / "requirements-lock.txt"),
            str(wheels[0]),
        ],
        check=True,
        capture_output=True,
    )
    return env_dir


def run(env_dir: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run(
        [str(env_dir / "bin" / args[0]), *args[1:]],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_acumat_version_and_settings_path(installed: Path, tmp_path: Path) -> None:
    version = run(installed, "acumat", "--version", cwd=tmp_path)
    assert version.returncode == 0, version.stderr
    assert version.stdout.startswith("acumat ")
    path = run(installed, "acumat", "settings", "path", cwd=tmp_path)
    assert path.returncode == 0, path.stderr
    assert path.stdout.strip() == str(
        Path(os.environ["XDG_CONFIG_HOME"]) / "acumat-desktop" / "settings.json"
    )


def test_every_resource_and_ui_file_is_in_the_wheel(installed: Path, tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from acumat_desktop.services.assets import resource_path, ui_path\n"
        "print(resource_path()); print(ui_path())\n"
    )
    result = run(installed, "python", "-c", script, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    resources, ui = (Path(line) for line in result.stdout.split())
    assert installed in resources.parents, "resources must come from the installed wheel"
    for source_root, installed_root in ((ROOT / "resources", resources), (ROOT / "ui", ui)):
        tracked = subprocess.run(
            ["git", "ls-files", str(source_root)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        files = [ROOT / name for name in tracked] or [
            p for p in source_root.rglob("*") if p.is_file()
        ]
        assert files
        for file in files:
            copy = installed_root / file.relative_to(source_root)
            assert copy.is_file(), f"{copy} missing from the wheel"
            assert copy.read_bytes() == file.read_bytes()


def test_desktop_file_metainfo_and_icons_install_under_share(installed: Path) -> None:
    from acumat_desktop import DESKTOP_FILE_ID

    share = installed / "share"
    wanted = [
        share / "applications" / f"{DESKTOP_FILE_ID}.desktop",
        share / "metainfo" / f"{DESKTOP_FILE_ID}.metainfo.xml",
        share / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_FILE_ID}.svg",
        *(
            share / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{DESKTOP_FILE_ID}.png"
            for n in (16, 22, 24, 32, 48, 64, 128, 256)
        ),
    ]
    assert [path for path in wanted if not path.is_file()] == []
    desktop = (ROOT / "packaging" / "linux" / f"{DESKTOP_FILE_ID}.desktop").read_bytes()
    assert wanted[0].read_bytes() == desktop


def test_installed_wheel_passes_its_selftest(installed: Path, tmp_path: Path) -> None:
    script = (
        "from acumat_desktop.cli import selftest_command\n"  # until cli/main.py imports it
        "from acumat_desktop.cli.main import main\n"
        "raise SystemExit(main(['selftest']))\n"
    )
    result = run(installed, "python", "-c", script, cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert str(installed) in result.stdout  # resources came from the installed wheel
