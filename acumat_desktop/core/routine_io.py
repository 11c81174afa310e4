"""Reading and writing routines as TOML or JSON text. No file access: callers pass text.

Every error names the source (a file name), the field and the reason, e.g.
``evening.toml: minutes: the default must be between 5 and 40 minutes, not 50``.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Collection, Mapping
from typing import Any

from pydantic import ValidationError

from acumat_desktop.core.file_problems import FileProblems, Format, file_format
from acumat_desktop.core.routines import Routine, RoutineCue


class RoutineError(FileProblems):
    """A routine could not be read. ``problems`` holds (field, reason) pairs."""


def format_for(name: str) -> Format:
    """The format a file name implies, or RoutineError."""
    return file_format(name, RoutineError)


def parse_routine(
    text: str,
    fmt: Format,
    source: str,
    *,
    builtin: bool = False,
    patterns: Collection[str] | None = None,
    sounds: Collection[str] | None = None,
) -> Routine:
    """Parse one routine. A ``builtin`` key in the text is ignored: the caller decides."""
    try:
        data: Any = tomllib.loads(text) if fmt == "toml" else json.loads(text)
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as exc:
        raise RoutineError(source, [("(file)", f"not valid {fmt.upper()}: {exc}")]) from None
    except RecursionError:
        raise RoutineError(source, [("(file)", "nested too deeply")]) from None
    except ValueError as exc:  # an integer of more than 4300 digits
        raise RoutineError(source, [("(file)", f"not valid {fmt.upper()}: {exc}")]) from None
    if not isinstance(data, Mapping):
        raise RoutineError(source, [("(file)", "expected a table of routine fields")])
    return routine_from_mapping(data, source, builtin=builtin, patterns=patterns, sounds=sounds)


def routine_from_mapping(
    data: Mapping[str, Any],
    source: str,
    *,
    builtin: bool = False,
    patterns: Collection[str] | None = None,
    sounds: Collection[str] | None = None,
) -> Routine:
    values = {k: v for k, v in data.items() if k != "builtin"}
    values["builtin"] = builtin
    context: dict[str, Any] = {}
    if patterns is not None:
        context["patterns"] = patterns
    if sounds is not None:
        context["sounds"] = sounds
    try:
        return Routine.model_validate(values, context=context)
    except ValidationError as exc:
        raise RoutineError(source, [_describe(err) for err in exc.errors()]) from None


def _describe(err: Mapping[str, Any]) -> tuple[str, str]:
    loc = list(err.get("loc", ()))
    message = str(err.get("msg", "invalid"))
    if message.startswith("Value error, "):
        message = message[len("Value error, ") :]
    kind = err.get("type")
    if kind == "extra_forbidden":
        message = "unknown field"
    elif kind == "missing":
        message = "required field is missing"
    where = ""
    for part in loc:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    if not where or (where.endswith("]") and ":" in message):
        # Model-level checks start their message with the field they are about.
        head, sep, rest = message.partition(": ")
        if sep and " " not in head:
            return (f"{where}.{head}" if where else head), rest
    return where or "(routine)", message


# --- writing ------------------------------------------------------------------------------------


def to_json(routine: Routine) -> str:
    return json.dumps(_plain(routine), indent=2, ensure_ascii=False) + "\n"


def to_toml(routine: Routine) -> str:
    data = _plain(routine)
    cues = data.pop("cues")
    lines = [f"{key} = {_toml_value(value)}" for key, value in data.items()]
    for cue in cues:
        lines.append("")
        lines.append("[[cues]]")
        lines.extend(f"{key} = {_toml_value(value)}" for key, value in cue.items())
    return "\n".join(lines) + "\n"


def dump(routine: Routine, fmt: Format) -> str:
    return to_toml(routine) if fmt == "toml" else to_json(routine)


def _plain(routine: Routine) -> dict[str, Any]:
    data = routine.model_dump(mode="json", exclude={"builtin", "cues"})
    data["cues"] = [_cue(c) for c in routine.cues]
    return data


def _cue(cue: RoutineCue) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if cue.at_minute is not None:
        out["at_minute"] = cue.at_minute
    if cue.at_fraction is not None:
        out["at_fraction"] = cue.at_fraction
    out["text"] = cue.text
    return out


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        # JSON string escapes are a subset of TOML basic-string escapes, except DEL.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")
