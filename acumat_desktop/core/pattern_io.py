"""Reading user breathing patterns from TOML or JSON text. No file access: callers pass text.

A pattern file holds one pattern::

    id = "slow-square"
    name = "Slow square"
    description = "5 in, hold 5, 5 out, rest 5"
    max_cycles = 20          # optional
    warning = "..."          # optional
    [[phases]]
    phase = "inhale"         # inhale | hold | exhale | rest
    seconds = 5
    cue = "In through the nose"   # optional

Every error names the source (a file name), the field and the reason, like
:class:`~acumat_desktop.core.routine_io.RoutineError`, e.g.
``calm.toml: phases[1].seconds: 30 s is outside 0.5–20 s``. Phase indexes count from 0, as the
routine errors' do. The limits themselves live in ``breathing.validate_pattern``.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Collection, Mapping
from typing import Any

from acumat_desktop.core.breathing import (
    BUILTIN_PATTERNS,
    BreathingPattern,
    PatternError,
    validate_pattern,
)
from acumat_desktop.core.file_problems import FileProblems, Format, file_format

FIELDS = ("id", "name", "description", "phases", "warning", "max_cycles")
PHASE_FIELDS = ("phase", "seconds", "cue")
MAX_NAME = 60
MAX_DESCRIPTION = 500
MAX_WARNING = 300
MAX_CUE = 40

# validate_pattern's messages start with what they are about; these map them onto file fields.
_PHASE_MESSAGE = re.compile(r"^phase (\d+)(?: \((\w+)\))?: (.*)$", re.DOTALL)
_ID_MESSAGE = re.compile(r"^id '[^']*': (.*)$", re.DOTALL)


class PatternFileError(FileProblems):
    """A pattern file could not be read. ``problems`` holds (field, reason) pairs."""


def pattern_format(name: str) -> Format:
    """The format a file name implies, or PatternFileError."""
    return file_format(name, PatternFileError)


def parse_pattern(
    text: str, fmt: Format, source: str, *, taken_ids: Collection[str] = ()
) -> BreathingPattern:
    """Parse and validate one user pattern. Its id may not be a built-in's or in ``taken_ids``."""
    try:
        data: Any = tomllib.loads(text) if fmt == "toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise PatternFileError(source, [("(file)", f"not valid {fmt.upper()}: {exc}")]) from None
    except RecursionError:
        raise PatternFileError(source, [("(file)", "nested too deeply")]) from None
    except ValueError as exc:  # an integer of more than 4300 digits
        raise PatternFileError(source, [("(file)", f"not valid {fmt.upper()}: {exc}")]) from None
    if not isinstance(data, Mapping):
        raise PatternFileError(source, [("(file)", "expected a table of pattern fields")])
    return pattern_from_mapping(data, source, taken_ids=taken_ids)


def pattern_from_mapping(
    data: Mapping[str, Any], source: str, *, taken_ids: Collection[str] = ()
) -> BreathingPattern:
    problems: list[tuple[str, str]] = []
    problems.extend((str(key), "unknown field") for key in data if key not in FIELDS)
    pattern_id = _text(data, "id", problems, required=True, limit=64)
    name = _text(data, "name", problems, required=True, limit=MAX_NAME)
    description = _text(data, "description", problems, limit=MAX_DESCRIPTION)
    warning = _text(data, "warning", problems, limit=MAX_WARNING) or None
    max_cycles = data.get("max_cycles")
    if max_cycles is not None and (isinstance(max_cycles, bool) or not isinstance(max_cycles, int)):
        problems.append(("max_cycles", "must be a whole number"))
        max_cycles = None
    phases = _phases(data, problems)
    if pattern_id in BUILTIN_PATTERNS:
        problems.append(("id", f"{pattern_id!r} is a built-in pattern; choose another id"))
    elif pattern_id in taken_ids:
        problems.append(("id", f"a pattern with id {pattern_id!r} already exists"))
    if problems:
        raise PatternFileError(source, problems)
    try:
        return validate_pattern(
            pattern_id,
            name,
            phases,
            description,
            max_cycles=max_cycles,
            warning=warning,
            taken_ids=taken_ids,
        )
    except PatternError as exc:
        raise PatternFileError(source, [_locate(part) for part in str(exc).split("; ")]) from None


def _text(
    data: Mapping[str, Any],
    key: str,
    problems: list[tuple[str, str]],
    *,
    required: bool = False,
    limit: int,
) -> str:
    value = data.get(key)
    if value is None:
        if required:
            problems.append((key, "required field is missing"))
        return ""
    if not isinstance(value, str):
        problems.append((key, "must be text"))
        return ""
    if not _encodable(value):
        problems.append((key, NO_SURROGATES))
        return ""
    if len(value) > limit:
        problems.append((key, f"at most {limit} characters"))
    return value


NO_SURROGATES = "must be text without lone surrogates"


def _encodable(text: str) -> bool:
    """Whether ``text`` can be written as UTF-8 (a JSON file may carry a lone surrogate)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _phases(
    data: Mapping[str, Any], problems: list[tuple[str, str]]
) -> list[tuple[str, float, str]]:
    raw = data.get("phases")
    if raw is None:
        problems.append(("phases", "required field is missing"))
        return []
    if not isinstance(raw, list):
        problems.append(("phases", "must be a list of {phase, seconds, cue} tables"))
        return []
    return [_phase(f"phases[{index}]", item, problems) for index, item in enumerate(raw)]


def _phase(where: str, item: object, problems: list[tuple[str, str]]) -> tuple[str, float, str]:
    """One phase table; a broken one gives a stand-in that keeps later indexes right."""
    stand_in = ("inhale", 1.0, "")  # never used: the problems refuse the pattern
    if not isinstance(item, Mapping):
        problems.append((where, "must be a table with phase and seconds"))
        return stand_in
    problems.extend((f"{where}.{key}", "unknown field") for key in item if key not in PHASE_FIELDS)
    phase = item.get("phase")
    seconds = item.get("seconds")
    cue = item.get("cue", "")
    before = len(problems)
    if not isinstance(phase, str):
        kind = "required" if phase is None else "must be text"
        problems.append((f"{where}.phase", f"{kind}: one of inhale, hold, exhale, rest"))
    if seconds is None:
        problems.append((f"{where}.seconds", "required field is missing"))
    elif isinstance(seconds, bool) or not isinstance(seconds, int | float):
        problems.append((f"{where}.seconds", "must be a number"))
    if not isinstance(cue, str):
        problems.append((f"{where}.cue", "must be text"))
    elif not _encodable(cue):
        problems.append((f"{where}.cue", NO_SURROGATES))
    ok = len(problems) == before
    if isinstance(cue, str) and len(cue) > MAX_CUE:
        problems.append((f"{where}.cue", f"at most {MAX_CUE} characters"))
    if ok and isinstance(phase, str) and isinstance(seconds, int | float):
        return (phase, float(seconds), str(cue))
    return stand_in


def _locate(message: str) -> tuple[str, str]:
    """Turn one of validate_pattern's messages into (field, reason)."""
    found = _PHASE_MESSAGE.match(message)
    if found:
        index = int(found.group(1)) - 1  # validate_pattern counts from 1
        what = "seconds" if found.group(2) else "phase"
        return f"phases[{index}].{what}", found.group(3)
    found = _ID_MESSAGE.match(message)
    if found:
        return "id", found.group(1)
    head, sep, rest = message.partition(": ")
    if sep and " " not in head:
        return head, rest
    return "(pattern)", message


def pattern_to_mapping(pattern: BreathingPattern) -> dict[str, Any]:
    """A pattern as its file holds it (what :func:`pattern_from_mapping` reads back)."""
    data: dict[str, Any] = {
        "id": pattern.id,
        "name": pattern.name,
        "phases": [
            {"phase": str(p.phase), "seconds": p.seconds, **({"cue": p.cue} if p.cue else {})}
            for p in pattern.phases
        ],
    }
    if pattern.description:
        data["description"] = pattern.description
    if pattern.warning:
        data["warning"] = pattern.warning
    if pattern.max_cycles is not None:
        data["max_cycles"] = pattern.max_cycles
    return data
