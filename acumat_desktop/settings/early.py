"""The settings' parts that need no model: the schema version, the interface languages, and
parsing the file's JSON. The app reads ``appearance.language`` with these before the tray
icon shows (``services/settings_early.py``), before the model (pydantic, tens of milliseconds
and ~15 MB to load) has validated the file."""

from __future__ import annotations

import json
from typing import Any, Literal, get_args

SCHEMA_VERSION = 1

Language = Literal["system", "en", "de"]
LANGUAGES: tuple[str, ...] = get_args(Language)
DEFAULT_LANGUAGE: Language = "system"

MAX_PROBLEM_CHARS = 300  # a problem quoting a huge value is cut to this


def short(text: str) -> str:
    return text if len(text) <= MAX_PROBLEM_CHARS else text[: MAX_PROBLEM_CHARS - 1] + "…"


def parse_json(text: str) -> tuple[Any, str | None]:
    """The file's JSON, or None and why it is not usable."""
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON ({exc.msg} at line {exc.lineno})"
    except RecursionError:
        return None, "not usable JSON (nested too deeply)"
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        return None, short(f"not usable JSON ({exc})")
