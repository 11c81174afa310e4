"""A built-in routine in another language: its words laid over the English routine.

The English file (``resources/routines/<id>.toml``) holds everything a routine is: minutes,
position, breathing, sound, and the words. A language's file beside it
(``resources/routines/<lang>/<id>.toml``) holds only the words, so timings are never copied and
can never drift apart::

    name = "Rücken und Nacken"
    purpose = "…"
    description = \"\"\"…\"\"\"
    tips = ["…", "…"]
    cues = ["…", "…"]          # the texts of the English [[cues]], in their order

Every key is optional: what is missing stays English. Pure: the service reads the file and hands
its text here (``services/translations.localize_builtin``).
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from acumat_desktop.core.routine_io import RoutineError
from acumat_desktop.core.routines import Routine

TEXT_FIELDS = ("name", "purpose", "description")
LIST_FIELDS = ("tips", "cues")


@dataclass(frozen=True)
class RoutineWords:
    """The translated words of one routine; None keeps the English."""

    name: str | None = None
    purpose: str | None = None
    description: str | None = None
    tips: tuple[str, ...] | None = None
    cues: tuple[str, ...] | None = None


def parse_words(text: str, source: str) -> RoutineWords:
    """A language file's words, or RoutineError naming the file and the field."""
    try:
        data: Any = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RoutineError(source, [("(file)", f"not valid TOML: {exc}")]) from None
    return words_from_mapping(data, source)


def words_from_mapping(data: Mapping[str, Any], source: str) -> RoutineWords:
    problems: list[tuple[str, str]] = []
    values: dict[str, Any] = {}
    for key, value in data.items():
        if key in TEXT_FIELDS:
            if isinstance(value, str) and value.strip():
                values[key] = value
            else:
                problems.append((key, "expected a non-empty text"))
        elif key in LIST_FIELDS:
            if isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value):
                values[key] = tuple(value)
            else:
                problems.append((key, "expected a list of non-empty texts"))
        else:
            problems.append((key, "not a field a translation can hold"))
    if problems:
        raise RoutineError(source, problems)
    return RoutineWords(**values)


def overlay(routine: Routine, words: RoutineWords, source: str = "") -> Routine:
    """The routine with its words translated; checked like any routine (a name of up to 60
    characters, one-line purpose, up to 12 tips…). The cues keep their times; a translation
    giving a different number of cue texts than the routine has is refused."""
    data = routine.model_dump()
    for key in TEXT_FIELDS:
        value = getattr(words, key)
        if value is not None:
            data[key] = value
    if words.tips is not None:
        if len(words.tips) != len(routine.tips):
            raise RoutineError(source, [("tips", f"expected {len(routine.tips)} tips")])
        data["tips"] = list(words.tips)
    if words.cues is not None:
        if len(words.cues) != len(routine.cues):
            raise RoutineError(source, [("cues", f"expected {len(routine.cues)} cue texts")])
        pairs = zip(data["cues"], words.cues, strict=True)
        data["cues"] = [{**cue, "text": text} for cue, text in pairs]
    # The routine's own pattern and sound are known: it was validated against them already.
    context = {"patterns": [routine.breathing], "sounds": [routine.sound]}
    try:
        return Routine.model_validate(data, context=context)
    except ValidationError as exc:
        problems = [(".".join(map(str, e["loc"])) or "(file)", e["msg"]) for e in exc.errors()]
        raise RoutineError(source, problems) from None
