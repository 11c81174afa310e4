"""Turn settings file text into Settings and back, keeping every good value from a bad file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from acumat_desktop.settings.early import parse_json, short
from acumat_desktop.settings.migrations import NewerSchemaError, migrate
from acumat_desktop.settings.model import Settings


@dataclass
class Decoded:
    settings: Settings
    problems: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems


def encode(settings: Settings) -> str:
    return settings.model_dump_json(indent=2) + "\n"


def _drop(raw: dict[str, Any], loc: tuple[int | str, ...]) -> bool:
    """Remove the key at ``loc`` (or its nearest existing parent) from ``raw``."""
    node: Any = raw
    path = [part for part in loc if isinstance(part, str)]
    for depth, part in enumerate(path):
        if not isinstance(node, dict) or part not in node:
            return False
        if depth == len(path) - 1 or not isinstance(node[part], dict):
            del node[part]
            return True
        node = node[part]
    return False


def decode(text: str) -> Decoded:
    """Parse settings text. Never raises for bad content except NewerSchemaError.

    Unparseable text gives defaults; invalid keys are dropped one by one (falling back to their
    defaults) and each is named in ``problems``.
    """
    raw, problem = parse_json(text)
    if problem is not None:
        return Decoded(Settings(), [problem])
    if not isinstance(raw, dict):
        return Decoded(Settings(), ["the file does not hold a JSON object"])
    problems: list[str] = []
    try:
        raw = migrate(raw)
    except NewerSchemaError:
        raise
    except (ValueError, TypeError, RecursionError) as exc:
        problems.append(short(str(exc)))
        raw = {k: v for k, v in raw.items() if k != "schema_version"}
    return _validate(raw, problems)


def _validate(raw: dict[str, Any], problems: list[str]) -> Decoded:
    for _ in range(200):
        try:
            return Decoded(Settings.model_validate(raw), problems)
        except ValidationError as exc:
            dropped = False
            for error in exc.errors(include_url=False, include_input=False):
                key = ".".join(str(p) for p in error["loc"])
                problems.append(short(f"{key}: {error['msg'].removeprefix('Value error, ')}"))
                dropped = _drop(raw, tuple(error["loc"])) or dropped
            if not dropped:
                break
        except (RecursionError, OverflowError, TypeError, ValueError) as exc:
            problems.append(short(f"could not be checked ({type(exc).__name__}: {exc})"))
            break
    problems.append("could not recover the file; all settings were reset")
    return Decoded(Settings(), problems)
