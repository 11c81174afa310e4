from __future__ import annotations

import pytest

from acumat_desktop.core.clock import FakeClock, SystemClock


def test_fake_clock_moves_only_when_told() -> None:
    clock = FakeClock()
    start_mono, start_wall = clock.monotonic(), clock.now()
    clock.advance(90)
    assert clock.monotonic() - start_mono == 90
    assert (clock.now() - start_wall).total_seconds() == 90
    clock.jump_wall(3600)
    assert clock.monotonic() - start_mono == 90
    with pytest.raises(ValueError, match="backwards"):
        clock.advance(-1)


def test_system_clock_gives_aware_wall_time() -> None:
    assert SystemClock().now().tzinfo is not None
