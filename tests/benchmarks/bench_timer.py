"""Timer fidelity over a real session: does it end when it should, and is the remaining time
it reports right all along? Measured against this process's monotonic clock.

The start request goes over the socket in process, so the reference start is known to within
its round trip (reported). The status is read every few seconds (cheap), then every 20 ms over
the last seconds to see the end.
"""

from __future__ import annotations

import time

from tests.benchmarks.apps import Apps
from tests.benchmarks.bench_desktop import FOUR_LAYERS, ROUTINE, Plan, warm_sounds
from tests.benchmarks.figures import Figure, Window

SAMPLE_S = 5.0
DENSE_S = 0.02


def timer_fidelity(apps: Apps, plan: Plan) -> list[Figure]:
    app = apps.launch_acumat("--minimized")
    apps.wait_running()
    warm_sounds(apps, plan)
    minutes = plan.timer_minutes or 5
    t_send = time.monotonic()
    apps.request("start", routine=ROUTINE, minutes=minutes, sound=FOUR_LAYERS)
    t_back = time.monotonic()
    apps.wait_window("AcuMat")  # a session started from the command line shows it:
    apps.close_to_tray()  # closed to the tray, as the whole-session CPU figure says
    start = t_send  # the person's click; any lag before the clock starts counts as error
    deadline = start + minutes * 60
    cpu = Window(app.pid)
    errors: list[float] = []
    end_error: float | None = None
    span = plan.session_s if plan.quick else minutes * 60 - 3
    cpu.start(time.monotonic())
    while time.monotonic() < start + span:
        errors.append(_remaining_error(apps, deadline))
        time.sleep(min(SAMPLE_S, max(0.0, start + span - time.monotonic())))  # sampling pace
    whole_cpu = cpu.stop(time.monotonic())[0]
    threads = cpu.by_thread("cpu")
    if plan.quick:
        apps.request("stop")
    else:
        end_error = _end_error(apps, deadline)
    apps.quit_acumat(app)
    trip = (t_back - t_send) * 1000
    session = Figure(
        "Sessions",
        f"whole {minutes if not plan.quick else 0}-min session, hidden, "
        "4 layers + cues (timer run)",
        "% of a core",
        [whole_cpu],
        goal=("max", 2.0),
        key="timer_session_cpu",
        threads=threads,
    )
    return [*_fidelity(errors, end_error, trip, minutes), session]


def _fidelity(
    errors: list[float], end_error: float | None, trip: float, minutes: int
) -> list[Figure]:
    figures = [
        Figure(
            "Timer fidelity",
            "worst error of the reported remaining time",
            "ms",
            [max(abs(e) for e in errors)],
            goal=("max", 100.0),
            key="timer_remaining",
            note=f"{len(errors)} readings against the moment the start was asked "
            f"(its reply took {trip:.0f} ms)",
        ),
    ]
    if end_error is not None:
        figures.insert(
            0,
            Figure(
                "Timer fidelity",
                f"end error over a real {minutes}-minute session",
                "ms",
                [end_error],
                goal=("max", 100.0),
                note=f"the start request took {trip:.0f} ms",
                key="timer_end",
            ),
        )
    return figures


def _remaining_error(apps: Apps, deadline: float) -> float:
    t0 = time.monotonic()
    status = apps.request("status")
    t1 = time.monotonic()
    expected = deadline - (t0 + t1) / 2
    return (float(status["session"]["remaining_s"]) - expected) * 1000


def _end_error(apps: Apps, deadline: float) -> float:
    """Milliseconds between the planned end and the first reading that shows it finished."""
    while True:
        t0 = time.monotonic()
        state = apps.request("status")["session"]["state"]
        if state not in ("running", "paused"):
            return ((t0 + time.monotonic()) / 2 - deadline) * 1000
        if t0 > deadline + 30:
            raise RuntimeError("the session did not end 30 s after its deadline")
        time.sleep(DENSE_S)  # the reading pace near the end
