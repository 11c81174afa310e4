"""Dotted-key access to settings for the CLI and IPC: ``reminders.sit_limit``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any, get_args

from pydantic import ValidationError

from acumat_desktop.core.durations import format_human
from acumat_desktop.settings.model import SECTIONS, Settings


class SettingsKeyError(KeyError):
    def __str__(self) -> str:
        return str(self.args[0])


class SettingsValueError(ValueError):
    pass


@dataclass(frozen=True)
class KeyInfo:
    key: str
    description: str
    default: Any
    type_name: str


def all_keys() -> list[str]:
    return [
        f"{section}.{name}" for section, model in SECTIONS.items() for name in model.model_fields
    ]


def _split(key: str) -> tuple[str, str]:
    section, _, name = key.partition(".")
    model = SECTIONS.get(section)
    if model is None or name not in model.model_fields:
        close = [k for k in all_keys() if k.endswith("." + name) or k.startswith(key)]
        hint = f"; did you mean {', '.join(close[:3])}?" if close and name else ""
        raise SettingsKeyError(f"unknown setting {key!r}{hint} (see 'acumat settings get')")
    return section, name


def key_info(key: str) -> KeyInfo:
    section, name = _split(key)
    info = SECTIONS[section].model_fields[name]
    default = info.get_default(call_default_factory=True)
    return KeyInfo(
        key,
        info.description or "",
        default,
        getattr(info.annotation, "__name__", str(info.annotation)),
    )


def get_value(settings: Settings, key: str) -> Any:
    """The JSON form of one value (durations as ISO 8601)."""
    section, name = _split(key)
    return settings.model_dump(mode="json")[section][name]


def as_dict(settings: Settings) -> dict[str, Any]:
    return settings.model_dump(mode="json")


def _coerce_text(text: str, annotation: Any = None) -> Any:
    """Words people type for a switch (on/off, yes/no) or for "nothing" (none, null, empty),
    read that way only where the setting takes them: "none" stays a word for a sound or a
    breathing pattern, whose "none" means silence or no guidance."""
    lowered = text.strip().lower()
    if annotation is bool and lowered in {"on", "yes"}:
        return True
    if annotation is bool and lowered in {"off", "no"}:
        return False
    if type(None) in get_args(annotation) and lowered in {"null", "none", ""}:
        return None
    return text


def _annotation(section: str, name: str) -> Any:
    model = SECTIONS.get(section)
    field = model.model_fields.get(name) if model is not None else None
    return field.annotation if field is not None else None


def with_value(settings: Settings, key: str, value: Any) -> Settings:
    """A copy of ``settings`` with ``key`` set; raises SettingsKeyError or SettingsValueError."""
    section, name = _split(key)
    if isinstance(value, str):
        value = _coerce_text(value, _annotation(section, name))
    raw = settings.model_dump(mode="json")
    raw[section][name] = value
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        reasons = "; ".join(e["msg"].removeprefix("Value error, ") for e in errors)
        allowed = allowed_range(key)
        hint = f" (allowed: {allowed})" if allowed else ""
        shown = repr(value) if len(repr(value)) <= 80 else repr(value)[:79] + "…"
        raise SettingsValueError(f"{key}: {shown} is not accepted: {reasons}{hint}") from None


def _show_bound(bound: Any) -> str:
    return format_human(bound) if isinstance(bound, timedelta) else str(bound)


def allowed_range(key: str) -> str | None:
    """``10s to 4h`` for a bounded setting, None for one without bounds."""
    section, name = _split(key)
    low = high = None
    for item in SECTIONS[section].model_fields[name].metadata:
        low = getattr(item, "ge", low)
        high = getattr(item, "le", high)
    if low is None or high is None:
        return None
    return f"{_show_bound(low)} to {_show_bound(high)}"


def reset(key: str | None = None, settings: Settings | None = None) -> Settings:
    if key is None:
        return Settings()
    section, name = _split(key)
    base = settings or Settings()
    return with_value(base, key, Settings().model_dump(mode="json")[section][name])
