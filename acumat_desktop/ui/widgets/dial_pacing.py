"""When the breathing dial must look at its session again: as seldom as no visible change is missed.

A frame is read only when something on the dial could have changed by then: the breathing shape's
edge by a whole device pixel, the arc's end by its step, a number by a second, a phase by its end.
The shape's next step is bounded by the fastest the shape can move from where it is: the breath's
fill eases in and out along (1 - cos pi x) / 2 over a phase, so its pace is never more than
:data:`EASE_MAX_SLOPE` times the phase's mean pace and changes by at most :data:`EASE_MAX_BEND`
per phase; a wait therefore never oversleeps a step, and a look may find nothing to paint yet
(then the next wait is taken from there).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSize

from acumat_desktop.core.breathing import Phase
from acumat_desktop.ui.widgets.dial_frame import DialFrame
from acumat_desktop.ui.widgets.dial_painting import (
    BREATH_MAX_RADIUS,
    BREATH_MIN_RADIUS,
    BREATH_STEP_PX,
    OPACITY_STEP,
    STILL_MAX_OPACITY,
    STILL_MIN_OPACITY,
    DialOptions,
    arc_step,
    breath_geometry,
    scale_of,
)

MAX_QUIET_S = 1.0  # look at least once a second: labels the frame cannot predict may change
# The breath's fill follows (1 - cos(pi x)) / 2 over a phase (core.breathing): its slope,
# (pi/2) sin(pi x), is at most pi/2 and bends by at most pi^2/2 (per phase, squared). A phase
# never moves the fill by more than the whole 0..1.
EASE_MAX_SLOPE = math.pi / 2
EASE_MAX_BEND = math.pi**2 / 2
_STILL_PHASES = frozenset({Phase.HOLD, Phase.REST})


def quiet_for(
    size: QSize,
    dpr: float,
    frame: DialFrame | None,
    options: DialOptions,
    shape_shown: tuple[float, float] | None = None,
) -> float:
    """Seconds during which nothing on the dial can change, so no frame need be read: until the
    breathing shape can have moved a step from ``shape_shown`` (its logical radius and opacity on
    screen), a number ticks, the arc steps or the phase ends; never more than
    :data:`MAX_QUIET_S`."""
    if frame is None:
        return MAX_QUIET_S
    waits = [MAX_QUIET_S, _to_next_whole(frame.remaining_s), _to_next_arc_step(size, dpr, frame)]
    breath = frame.breath
    if breath is not None and not frame.paused:
        waits += [breath.phase_remaining, _to_next_whole(breath.phase_remaining)]
        if breath.phase not in _STILL_PHASES:
            waits.append(_to_next_shape_step(size, dpr, frame, options, shape_shown))
    return max(0.0, min(waits))


def _to_next_shape_step(
    size: QSize,
    dpr: float,
    frame: DialFrame,
    options: DialOptions,
    shape_shown: tuple[float, float] | None,
) -> float:
    """The soonest the moving shape can be a step away from ``shape_shown``."""
    breath = frame.breath
    assert breath is not None
    left = 1.0 - breath.progress
    if left <= 1e-6 or breath.phase_remaining <= 0:
        return 0.0
    phase_s = breath.phase_remaining / left
    radius, opacity = breath_geometry(frame, options.reduced_motion)
    if options.reduced_motion:
        span, step = STILL_MAX_OPACITY - STILL_MIN_OPACITY, OPACITY_STEP
        moved = abs(opacity - shape_shown[1]) if shape_shown is not None else 0.0
    else:
        px = scale_of(size) * dpr
        span, step = (BREATH_MAX_RADIUS - BREATH_MIN_RADIUS) * px, BREATH_STEP_PX
        moved = abs(radius - shape_shown[0]) * px if shape_shown is not None else 0.0
    share = max(0.0, step - moved) / span  # of the fill's whole range
    return _soonest_move(breath.progress, share) * phase_s


def _soonest_move(progress: float, share: float) -> float:
    """The least part of a phase in which an eased fill at ``progress`` can move by ``share``.

    From ``progress`` the fill moves at most ``slope * x + bend / 2 * x**2`` in a part ``x``
    (its slope now, growing at most by the bend), and never faster than the steepest slope.
    """
    slope = EASE_MAX_SLOPE * abs(math.sin(math.pi * progress))
    half_bend = EASE_MAX_BEND / 2
    curved = (-slope + math.sqrt(slope * slope + 4 * half_bend * share)) / (2 * half_bend)
    return max(share / EASE_MAX_SLOPE, curved)


def _to_next_whole(seconds: float) -> float:
    """Time until a countdown of ``seconds`` crosses its next whole second."""
    if seconds <= 0:
        return MAX_QUIET_S
    part = seconds - math.floor(seconds)
    return part if part > 1e-6 else 1.0


def _to_next_arc_step(size: QSize, dpr: float, frame: DialFrame) -> float:
    """Time until the quantised arc moves one step (the session counts down meanwhile)."""
    if frame.total_s <= 0 or frame.fraction_left <= 0:
        return MAX_QUIET_S
    step = arc_step(size, dpr)
    x = frame.fraction_left * 360 * 16 / step  # the span rounds to the nearest whole x
    boundary = math.floor(x - 0.5) + 0.5
    dx = x - boundary if x - boundary > 1e-9 else 1.0
    return dx * step / (360 * 16) * frame.total_s
