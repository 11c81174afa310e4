"""The one setting read before the tray icon shows: the interface language, without the model.

The tray's menu speaks the interface's language, so ``appearance.language`` is the only value
used before the settings model has validated the file (``SettingsStore.load``, right after the
icon shows). It is read here by the model's own rule for that key: the file read the same way,
migrated the same way, and a value the model accepts (one of ``LANGUAGES``) used; anything else
the model would drop for its default, so the default is used. A file from a newer AcuMat raises
NewerSchemaError here, before anything is shown.
"""

from __future__ import annotations

from pathlib import Path

from acumat_desktop.settings.early import DEFAULT_LANGUAGE, LANGUAGES, parse_json
from acumat_desktop.settings.migrations import NewerSchemaError, migrate

MAX_FILE_BYTES = 1024 * 1024  # a settings file is a few kB; more than this is not ours


def read_settings_bytes(path: Path) -> bytes:
    """At most MAX_FILE_BYTES + 1 bytes of the file (one more tells it is too large)."""
    with path.open("rb") as handle:
        return handle.read(MAX_FILE_BYTES + 1)


def early_language(text: str) -> str:
    """``appearance.language`` from settings file text, as the model will see it."""
    raw, problem = parse_json(text)
    if problem is not None or not isinstance(raw, dict):
        return DEFAULT_LANGUAGE
    try:
        raw = migrate(raw)
    except NewerSchemaError:
        raise
    except (ValueError, TypeError, RecursionError):
        pass  # the model validates the rest without a schema version; so does this
    appearance = raw.get("appearance")
    value = appearance.get("language") if isinstance(appearance, dict) else None
    return value if isinstance(value, str) and value in LANGUAGES else DEFAULT_LANGUAGE


def read_language(path: Path) -> str:
    """The settings file's interface language (raises NewerSchemaError for a newer file)."""
    try:
        data = read_settings_bytes(path)
    except OSError:  # missing or unreadable: the model uses its defaults too
        return DEFAULT_LANGUAGE
    if len(data) > MAX_FILE_BYTES:
        return DEFAULT_LANGUAGE
    return early_language(data.decode("utf-8", errors="replace"))
