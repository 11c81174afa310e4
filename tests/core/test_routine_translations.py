"""A routine's words in another language, laid over the English routine (pure, no Qt)."""

from __future__ import annotations

import pytest

from acumat_desktop.core.routine_io import RoutineError, parse_routine
from acumat_desktop.core.routine_translations import overlay, parse_words

ENGLISH = parse_routine(
    """
id = "desk-break"
name = "Desk break"
purpose = "A short break."
position = "sitting-chair"
minutes = 5
min_minutes = 3
max_minutes = 10
breathing = "cyclic-sigh"
sound = "stream"
tips = ["Stand up first.", "Lean back."]

[[cues]]
at_fraction = 0.5
text = "Roll your shoulders."
""",
    "toml",
    "desk-break.toml",
    builtin=True,
)


def test_words_replace_the_words_and_nothing_else() -> None:
    words = parse_words(
        'name = "Schreibtischpause"\npurpose = "Eine kurze Pause."\n'
        'tips = ["Steh zuerst auf.", "Lehn dich zurück."]\ncues = ["Kreis die Schultern."]\n',
        "de/desk-break.toml",
    )
    german = overlay(ENGLISH, words)
    assert german.name == "Schreibtischpause" and german.purpose == "Eine kurze Pause."
    assert german.tips == ("Steh zuerst auf.", "Lehn dich zurück.")
    assert german.cues[0].text == "Kreis die Schultern."
    assert german.cues[0].at_fraction == 0.5
    assert (german.minutes, german.breathing, german.sound, german.builtin) == (
        5,
        "cyclic-sigh",
        "stream",
        True,
    )


def test_missing_words_stay_english() -> None:
    german = overlay(ENGLISH, parse_words('name = "Schreibtischpause"\n', "de/x.toml"))
    assert german.purpose == ENGLISH.purpose and german.tips == ENGLISH.tips


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("minutes = 7\n", "minutes"),
        ('name = ""\n', "name"),
        ('tips = "one"\n', "tips"),
        ("name = [\n", "(file)"),
    ],
)
def test_a_translation_holds_only_words(text: str, field: str) -> None:
    with pytest.raises(RoutineError) as caught:
        parse_words(text, "de/x.toml")
    assert field in str(caught.value)


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ('tips = ["only one"]\n', "tips"),
        ('cues = ["one", "two"]\n', "cues"),
        ('name = "' + "x" * 61 + '"\n', "name"),
        ('purpose = "two\\nlines"\n', "purpose"),
    ],
)
def test_words_that_do_not_fit_the_routine_are_refused(text: str, field: str) -> None:
    with pytest.raises(RoutineError) as caught:
        overlay(ENGLISH, parse_words(text, "de/x.toml"), "de/x.toml")
    assert field in str(caught.value)
