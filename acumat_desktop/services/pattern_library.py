"""The breathing-pattern library: the built-ins plus the user's pattern files in the data folder.

User patterns live one file each (``<id>.toml`` or ``<id>.json``) in ``<data>/patterns``. A broken
file is skipped and named in ``problems``, never fatal. Importing copies a file in after it has been
validated; an id that is taken (built-in or user) is refused, never overwritten. Patterns made in
the app (``save``) get exactly the validation a file gets, and are written as ``<id>.json``.

:meth:`PatternLibrary.all` returns a read-only *live* view: after :meth:`reload`, an import or a
delete, every holder of the view (the routine library's validation, the session start) sees the
change without being handed a new mapping.
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Collection, Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from acumat_desktop.core.breathing import BUILTIN_PATTERNS, BreathingPattern
from acumat_desktop.core.pattern_io import (
    PatternFileError,
    parse_pattern,
    pattern_format,
    pattern_from_mapping,
)
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_store import atomic_write_text

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 64 * 1024


def user_patterns_dir() -> Path:
    return AppPaths.for_user().data / "patterns"


class PatternExistsError(ValueError):
    """An imported pattern's id is already taken."""


class ReadOnlyPatternError(ValueError):
    """Built-in patterns cannot be deleted."""


class UnknownPatternError(LookupError):
    def __str__(self) -> str:
        return f"no breathing pattern with id {self.args[0]!r}"


class PatternLibrary:
    def __init__(self, user_dir: Path | None = None) -> None:
        self.user_dir = user_dir or user_patterns_dir()
        self._all: dict[str, BreathingPattern] = dict(BUILTIN_PATTERNS)
        self._view: Mapping[str, BreathingPattern] = MappingProxyType(self._all)
        self._files: dict[str, Path] = {}
        self.problems: list[str] = []
        self.reload()

    # --- reading --------------------------------------------------------------------------------

    def reload(self) -> list[str]:
        """Read the folder again; returns (and keeps in ``problems``) what was skipped and why."""
        problems: list[str] = []
        user: dict[str, BreathingPattern] = {}
        files: dict[str, Path] = {}
        if self.user_dir.is_dir():
            paths = sorted([*self.user_dir.glob("*.toml"), *self.user_dir.glob("*.json")])
            for path in paths:
                try:
                    pattern = self._read(path, taken=user.keys())
                except PatternFileError as exc:
                    problems.append(str(exc))
                    log.warning("breathing pattern skipped: %s", exc)
                    continue
                user[pattern.id] = pattern
                files[pattern.id] = path
        self._all.clear()
        self._all.update(BUILTIN_PATTERNS)
        self._all.update(user)
        self._files = files
        self.problems = problems
        return problems

    def _read(self, path: Path, taken: Collection[str] = ()) -> BreathingPattern:
        fmt = pattern_format(path.name)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise PatternFileError(path.name, [("(file)", "larger than 64 KiB")])
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise PatternFileError(path.name, [("(file)", f"cannot be read: {exc}")]) from None
        return parse_pattern(text, fmt, path.name, taken_ids=taken)

    def all(self) -> Mapping[str, BreathingPattern]:
        """Built-ins then user patterns, id -> pattern (a live, read-only view)."""
        return self._view

    def user(self) -> list[BreathingPattern]:
        """The user's patterns by name."""
        found = [p for pid, p in self._all.items() if pid in self._files]
        return sorted(found, key=lambda p: (p.name.lower(), p.id))

    def __contains__(self, pattern_id: object) -> bool:
        return pattern_id in self._all

    def get(self, pattern_id: str) -> BreathingPattern:
        found = self._all.get(pattern_id)
        if found is None:
            raise UnknownPatternError(pattern_id)
        return found

    def file_of(self, pattern_id: str) -> Path | None:
        return self._files.get(pattern_id)

    # --- changes --------------------------------------------------------------------------------

    def import_file(self, path: Path) -> BreathingPattern:
        """Validate a .toml/.json pattern file and copy it into the folder.

        An invalid file raises PatternFileError (naming the file, field and reason); an id that is
        already taken raises PatternExistsError. Either way nothing is written."""
        pattern = self._read(path)  # built-in clashes are refused here
        if pattern.id in self._all:
            raise PatternExistsError(
                f"{path.name}: id: a breathing pattern with id {pattern.id!r} already exists; "
                "change the id in the file (or delete the old pattern first)"
            )
        target = self._free_path(pattern.id, path.suffix.lower())
        atomic_write_text(target, path.read_text("utf-8"))
        self._all[pattern.id] = pattern
        self._files[pattern.id] = target
        log.info("breathing pattern %r imported from %s", pattern.id, path)
        return pattern

    def save(self, data: Mapping[str, Any], *, replace: str | None = None) -> BreathingPattern:
        """Validate the fields of a pattern made in the app, as a file's are, and write it.

        ``replace`` names the user pattern being edited (its file is rewritten, or replaced when
        the id changes). Errors raise PatternFileError naming the field and the reason; a taken
        id raises it too. Nothing is written then, and an OSError leaves the library as it was."""
        if replace is not None and replace not in self._files:
            raise UnknownPatternError(replace)
        taken = set(self._files) - {replace} if replace else set(self._files)
        pattern = pattern_from_mapping(data, "pattern", taken_ids=taken)
        old = self._files.get(replace) if replace else None
        if old is not None and pattern.id == replace:
            target = old.with_suffix(".json")
        else:
            target = self._free_path(pattern.id, ".json")
        text = json.dumps(dict(data), indent=2, ensure_ascii=False) + "\n"
        atomic_write_text(target, text)
        if old is not None and old != target:
            with contextlib.suppress(FileNotFoundError):
                old.unlink()
        if replace is not None and replace != pattern.id:
            self._all.pop(replace, None)
            self._files.pop(replace, None)
        self._all[pattern.id] = pattern
        self._files[pattern.id] = target
        log.info("breathing pattern %r saved to %s", pattern.id, target)
        return pattern

    def delete(self, pattern_id: str) -> None:
        if pattern_id in BUILTIN_PATTERNS:
            raise ReadOnlyPatternError(f"{pattern_id!r} is built in and cannot be deleted")
        path = self._files.pop(pattern_id, None)
        if path is None:
            raise UnknownPatternError(pattern_id)
        del self._all[pattern_id]
        with contextlib.suppress(FileNotFoundError):
            path.unlink()

    def _free_path(self, pattern_id: str, suffix: str) -> Path:
        """``<id><suffix>``, or ``<id>-2<suffix>``... when a (say broken, skipped) file already
        has that name: no file on disk is ever overwritten."""
        path = self.user_dir / f"{pattern_id}{suffix}"
        n = 2
        while path.exists():
            path = self.user_dir / f"{pattern_id}-{n}{suffix}"
            n += 1
        return path
