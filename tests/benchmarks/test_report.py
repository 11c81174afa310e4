"""What docs/benchmarks.md says beside the numbers: the goal and whether it is met, the threads
behind a figure, a missed goal's cause from ``gaps.py`` (only when missed), the failures."""

from __future__ import annotations

from tests.benchmarks.figures import Figure, median_threads
from tests.benchmarks.gaps import FIGURES, GAPS, WHY, fill
from tests.benchmarks.report import render

PSS_CAUSE = "Private memory (pages no other process shares) is 44.0 MB"


def pss(values: list[float]) -> Figure:
    return Figure(
        "Idle in the tray",
        "PSS",
        "MB",
        values,
        [50.0],
        "bare PySide6 tray",
        ("ratio", 1.25),
        key="idle_pss",
        extra={"private": 44.0, "bare_private": 10.8},
    )


def test_a_missed_goal_carries_its_cause_and_what_would_close_it() -> None:
    text = render([pss([83.0])], command="run", quick=False, runs="3 idle pairs")
    row = next(line for line in text.splitlines() if line.startswith("| PSS |"))
    assert "1.66×" in row and "≤ 1.25× bare" in row and "**not met**" in row
    assert PSS_CAUSE in text and "10.8 MB" in text and "What would close it" in text
    assert "**Goals**: 0 of 1 met (not met: PSS)" in text
    assert "**Runs**: 3 idle pairs" in text


def test_a_met_goal_shows_no_gap() -> None:
    text = render([pss([55.0])], command="run", quick=False)
    assert PSS_CAUSE not in text
    assert "**Goals**: 1 of 1 met" in text


def test_the_threads_behind_a_figure_are_in_its_notes_largest_first() -> None:
    runs = [{"GUI": 0.1, "unnamed": 1.4, "audio feeder": 0.4}, {"GUI": 0.3, "unnamed": 1.2}]
    figure = Figure(
        "Sessions",
        "session, window hidden, 4 layers + cues (whole app)",
        "% of a core",
        [2.4, 2.2],
        goal=("max", 2.0),
        key="hidden_layers",
        threads=median_threads(runs),
    )
    text = render([figure], command="run", quick=False)
    assert "by thread: unnamed 1.3, audio feeder 0.2, GUI 0.2 (% of a core)" in text
    assert "By thread in this run: unnamed 1.3" in text  # the cause quotes the same run
    assert WHY["hidden_layers"] in text


def test_a_failed_benchmark_is_listed_and_the_others_kept() -> None:
    text = render([pss([55.0])], command="run", quick=True, errors=["timer: no status"])
    assert "## Benchmarks that failed" in text and "- timer: no status" in text
    assert "## Idle in the tray" in text
    assert "1 benchmark(s) failed" in text


def test_a_reading_the_run_lacks_shows_as_a_question_mark() -> None:
    assert fill("{private:.1f} MB against {bare_private:.1f}", {"private": 4.0}) == (
        "? MB against ?"
    )
    assert fill(GAPS["idle_wakeups"].cause, {"threads": "GUI 0.5 (/s)", "baseline": None})


def test_every_gap_and_why_names_a_figure_the_benchmarks_make() -> None:
    assert set(GAPS) <= FIGURES
    assert set(WHY) <= FIGURES
