"""Windows and macOS idle arithmetic behind the interface (their APIs are injected), the null
source and the factory's choice."""

from __future__ import annotations

import math

import pytest
from xvfb_display import xvfb  # noqa: F401  (fixture)

from acumat_desktop.services.idle.base import IdleSource
from acumat_desktop.services.idle.factory import candidates, create_idle_source
from acumat_desktop.services.idle.macos import ANY_INPUT_EVENT, HID_SYSTEM_STATE, MacIdleSource
from acumat_desktop.services.idle.null import NullIdleSource
from acumat_desktop.services.idle.windows import WindowsIdleSource, idle_ms


@pytest.mark.parametrize(
    ("now", "last", "expected"),
    [(10_000, 4_000, 6_000), (0, 0, 0), (500, 0xFFFF_FE0C, 1_000), (0, 0xFFFF_FFFF, 1)],
)
def test_tick_difference_survives_the_49_day_wrap(now: int, last: int, expected: int) -> None:
    assert idle_ms(now, last) == expected


def test_windows_source_in_seconds() -> None:
    source = WindowsIdleSource(last_input=lambda: 0xFFFF_F000, tick_count=lambda: 0x0000_1000)
    assert source.available()
    assert source.idle_seconds() == pytest.approx(8.192)
    assert isinstance(source, IdleSource)


def test_windows_source_when_the_call_fails() -> None:
    source = WindowsIdleSource(last_input=lambda: None, tick_count=lambda: 5)
    assert not source.available()
    assert WindowsIdleSource().idle_seconds() is None  # not on Windows


def test_macos_source_asks_for_any_input_on_the_hid_state() -> None:
    calls: list[tuple[int, int]] = []

    def seconds_since(state: int, event: int) -> float:
        calls.append((state, event))
        return 42.5

    source = MacIdleSource(seconds_since)
    assert source.idle_seconds() == 42.5
    assert calls == [(HID_SYSTEM_STATE, ANY_INPUT_EVENT)]
    assert (HID_SYSTEM_STATE, ANY_INPUT_EVENT) == (1, 0xFFFFFFFF)


@pytest.mark.parametrize("bad", [-1.0, math.nan, math.inf])
def test_macos_source_rejects_nonsense(bad: float) -> None:
    assert MacIdleSource(lambda _s, _e: bad).idle_seconds() is None
    assert MacIdleSource().idle_seconds() is None  # not on macOS


def test_null_source() -> None:
    source = NullIdleSource()
    assert source.name == "none"
    assert not source.available()
    assert source.idle_seconds() is None


@pytest.mark.parametrize(
    ("platform", "env", "expected"),
    [
        ("win32", {}, ["windows"]),
        ("darwin", {}, ["macos"]),
        (
            "linux",
            {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "ubuntu:GNOME"},
            ["gnome", "wayland", "freedesktop"],
        ),
        (
            "linux",
            {"XDG_SESSION_TYPE": "wayland", "XDG_CURRENT_DESKTOP": "KDE"},
            ["wayland", "gnome", "freedesktop"],
        ),
        (
            "linux",
            {"WAYLAND_DISPLAY": "wayland-1", "XDG_CURRENT_DESKTOP": "sway"},
            ["wayland", "gnome", "freedesktop"],
        ),
        (
            "linux",
            {"XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "GNOME"},
            ["gnome", "x11", "freedesktop"],
        ),
        ("linux", {"DISPLAY": ":0", "XDG_CURRENT_DESKTOP": "XFCE"}, ["x11", "freedesktop"]),
        ("linux", {}, []),
    ],
)
def test_candidates(platform: str, env: dict[str, str], expected: list[str]) -> None:
    assert candidates(platform, env) == expected


class _Fake:
    def __init__(self, name: str, ok: bool) -> None:
        self.name, self.ok, self.closed = name, ok, False

    def available(self) -> bool:
        return self.ok

    def idle_seconds(self) -> float | None:
        return 1.0 if self.ok else None

    def close(self) -> None:
        self.closed = True


def test_factory_takes_the_first_that_answers_and_closes_the_rest() -> None:
    built: dict[str, _Fake] = {}

    def build(name: str, _bus: object, _display: object) -> IdleSource:
        if name == "gnome":
            raise RuntimeError("broken backend")
        built[name] = _Fake(name, ok=name == "freedesktop")
        return built[name]

    env = {"XDG_SESSION_TYPE": "x11", "XDG_CURRENT_DESKTOP": "GNOME"}
    source = create_idle_source(platform="linux", env=env, build=build)
    assert source.name == "freedesktop"
    assert built["x11"].closed
    assert not built["freedesktop"].closed


def test_factory_falls_back_to_null() -> None:
    assert create_idle_source(platform="linux", env={}).name == "none"


def test_factory_finds_x11_on_a_real_server(xvfb: str) -> None:  # noqa: F811
    source = create_idle_source(platform="linux", env={"DISPLAY": xvfb}, display=xvfb)
    try:
        assert source.name == "x11"
        assert source.idle_seconds() is not None
    finally:
        source.close()
