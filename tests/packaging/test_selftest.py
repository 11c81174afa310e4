"""``acumat selftest`` from this checkout: it passes, and a failing check is named."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from acumat_desktop import selftest

ROOT = Path(__file__).resolve().parents[2]


def test_selftest_command_passes_from_the_source_tree(tmp_path: Path) -> None:
    script = (
        "from acumat_desktop.cli import selftest_command\n"  # until cli/main.py imports it
        "from acumat_desktop.cli.main import main\n"
        "raise SystemExit(main(['selftest']))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for name, _check in selftest.CHECKS:
        assert f"ok   {name} " in result.stdout
    assert "Qt platform offscreen" in result.stdout  # chosen by the self-test itself
    assert "selftest passed" in result.stdout


def test_a_failing_check_is_named_and_exits_1(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(ctx: selftest.Context) -> str:
        raise ValueError("the routines folder is empty")

    monkeypatch.setattr(selftest, "CHECKS", [("fine", lambda ctx: "all there"), ("bad", broken)])
    lines: list[str] = []
    assert selftest.run_selftest(lines.append) == 1
    text = "".join(lines)
    assert "ok   fine" in text
    assert "FAIL bad: ValueError: the routines folder is empty" in text
    assert text.endswith("selftest FAILED: bad\n")


def test_checks_never_touch_the_users_folders() -> None:
    before = dict(os.environ)
    with selftest.isolated_environment() as home:
        for var in selftest.XDG_VARS:
            assert Path(os.environ[var]).is_relative_to(home)
        assert Path(os.environ["XDG_RUNTIME_DIR"]).is_relative_to(home)
        assert os.environ["ACUMAT_PREWARM_DELAY_MS"] == "-1"
    assert dict(os.environ) == before
    assert not home.exists()


def test_translations_are_loaded_when_shipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from acumat_desktop.services import assets

    (tmp_path / "translations").mkdir()
    (tmp_path / "translations" / "acumat_xx.qm").write_bytes(b"not a qm file")
    monkeypatch.setattr(assets, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(ValueError, match=r"acumat_xx\.qm does not load"):
        selftest.check_translations(selftest.Context(tmp_path))
