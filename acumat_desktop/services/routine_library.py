"""The routine library: read-only built-ins plus the user's own routines in the data folder.

User routines are stored one TOML file each (``<id>.toml``), written atomically. A broken user file
is skipped and reported in ``problems``, never fatal. Ids are unique across built-ins and user
routines: creating or importing a clashing id is refused or renamed, never overwritten.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Literal

import platformdirs

from acumat_desktop import APP_NAME
from acumat_desktop.core.routine_io import RoutineError, dump, format_for, parse_routine
from acumat_desktop.core.routines import BUILTIN_ROUTINE_IDS, Goal, Routine, unique_id
from acumat_desktop.services.assets import resource_path
from acumat_desktop.services.routine_words import localize_builtin
from acumat_desktop.services.settings_store import atomic_write_text

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 256 * 1024


def builtin_routines_dir() -> Path:
    """Where the built-in routine files live (source tree, wheel or bundle)."""
    return resource_path("routines")


def user_routines_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "routines"


class RoutineExistsError(ValueError):
    """An id is already taken."""


class ReadOnlyRoutineError(ValueError):
    """Built-in routines cannot be changed or deleted (duplicate them instead)."""


class UnknownRoutineError(LookupError):
    def __str__(self) -> str:
        return f"no routine with id {self.args[0]!r}"


class RoutineLibrary:
    def __init__(
        self,
        builtin_dir: Path | None = None,
        user_dir: Path | None = None,
        *,
        patterns: Collection[str] | None = None,
        sounds: Collection[str] | None = None,
    ) -> None:
        self.builtin_dir = builtin_dir or builtin_routines_dir()
        self.user_dir = user_dir or user_routines_dir()
        self._patterns = patterns
        self._sounds = sounds
        self._builtins: dict[str, Routine] = {}
        self._user: dict[str, Routine] = {}
        self._files: dict[str, Path] = {}
        self._listeners: list[Callable[[], None]] = []
        self.problems: list[str] = []
        self.reload()

    # --- reading --------------------------------------------------------------------------------

    def reload(self) -> list[str]:
        """Read every file again; returns (and keeps in ``problems``) what was skipped and why."""
        problems: list[str] = []
        builtins: dict[str, Routine] = {}
        for path in sorted(self.builtin_dir.glob("*.toml")):
            try:
                routine = self._read(path, builtin=True)
            except RoutineError as exc:
                problems.append(str(exc))
                log.error("built-in routine skipped: %s", exc)
                continue
            builtins[routine.id] = routine
        user: dict[str, Routine] = {}
        files: dict[str, Path] = {}
        if self.user_dir.is_dir():
            for path in sorted([*self.user_dir.glob("*.toml"), *self.user_dir.glob("*.json")]):
                try:
                    routine = self._read(path, builtin=False)
                except RoutineError as exc:
                    problems.append(str(exc))
                    log.warning("user routine skipped: %s", exc)
                    continue
                if routine.id in builtins or routine.id in user:
                    problems.append(f"{path.name}: id: {routine.id!r} is already used; skipped")
                    continue
                user[routine.id] = routine
                files[routine.id] = path
        self._builtins, self._user, self._files = builtins, user, files
        self.problems = problems
        return problems

    def _read(self, path: Path, *, builtin: bool) -> Routine:
        fmt = format_for(path.name)
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                raise RoutineError(path.name, [("(file)", "larger than 256 KiB")])
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise RoutineError(path.name, [("(file)", f"cannot be read: {exc}")]) from None
        routine = parse_routine(
            text, fmt, path.name, builtin=builtin, patterns=self._patterns, sounds=self._sounds
        )
        return localize_builtin(routine, path) if builtin else routine

    def all(self) -> list[Routine]:
        """Built-ins in their canonical order, then the user's routines by name."""
        order = {rid: i for i, rid in enumerate(BUILTIN_ROUTINE_IDS)}
        builtins = sorted(self._builtins.values(), key=lambda r: (order.get(r.id, 99), r.id))
        user = sorted(self._user.values(), key=lambda r: (r.name.lower(), r.id))
        return [*builtins, *user]

    def filter(self, goal: Goal | str | None = None) -> list[Routine]:
        return [r for r in self.all() if r.matches(goal)]

    def ids(self) -> set[str]:
        return {*self._builtins, *self._user}

    def __contains__(self, routine_id: object) -> bool:
        return routine_id in self._builtins or routine_id in self._user

    def get(self, routine_id: str) -> Routine:
        found = self._builtins.get(routine_id) or self._user.get(routine_id)
        if found is None:
            raise UnknownRoutineError(routine_id)
        return found

    # --- changes --------------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` after every change; returns an unsubscribe function."""
        self._listeners.append(callback)
        return lambda: self._listeners.remove(callback) if callback in self._listeners else None

    def _changed(self) -> None:
        for callback in list(self._listeners):
            try:
                callback()
            except Exception:
                log.exception("routine library listener failed")

    def create(self, routine: Routine) -> Routine:
        """Store a new user routine; refuses an id that is taken."""
        if routine.id in self:
            raise RoutineExistsError(f"a routine with id {routine.id!r} already exists")
        return self._save(routine.model_copy(update={"builtin": False}))

    def update(self, routine: Routine, previous_id: str | None = None) -> Routine:
        """Replace a user routine (renaming it if ``previous_id`` differs from its id)."""
        old_id = previous_id or routine.id
        if old_id in self._builtins:
            raise ReadOnlyRoutineError(f"{old_id!r} is built in; duplicate it to change it")
        if old_id not in self._user:
            raise UnknownRoutineError(old_id)
        if routine.id != old_id and routine.id in self:
            raise RoutineExistsError(f"a routine with id {routine.id!r} already exists")
        saved = self._save(routine.model_copy(update={"builtin": False}), notify=False)
        if routine.id != old_id:
            self._remove_file(old_id)
        self._changed()
        return saved

    def copy_of(self, routine_id: str, name: str | None = None) -> Routine:
        """A user copy of any routine, not saved (the editor saves it, or Cancel forgets it)."""
        source = self.get(routine_id)
        new_name = (name or f"{source.name} (copy)")[:60]
        return source.model_copy(
            update={
                "id": unique_id(f"{source.id}-copy", self.ids()),
                "name": new_name,
                "builtin": False,
            }
        )

    def duplicate(self, routine_id: str, name: str | None = None) -> Routine:
        """A user copy of any routine, saved at once."""
        return self._save(self.copy_of(routine_id, name))

    def delete(self, routine_id: str) -> None:
        if routine_id in self._builtins:
            raise ReadOnlyRoutineError(f"{routine_id!r} is built in and cannot be deleted")
        if routine_id not in self._user:
            raise UnknownRoutineError(routine_id)
        self._remove_file(routine_id)
        self._changed()

    def import_file(self, path: Path, on_clash: Literal["rename", "refuse"] = "rename") -> Routine:
        """Import a routine file (.toml or .json). An invalid file raises RoutineError (naming
        the file, field and reason) and imports nothing. A clashing id is renamed (``-2``...) or
        refused with RoutineExistsError; nothing is ever overwritten."""
        routine = self._read(path, builtin=False)
        if routine.id in self:
            if on_clash == "refuse":
                raise RoutineExistsError(
                    f"{path.name}: id: a routine with id {routine.id!r} already exists"
                )
            routine = routine.model_copy(update={"id": unique_id(routine.id, self.ids())})
        return self._save(routine)

    def export(self, routine_id: str, path: Path) -> Path:
        """Write a routine (built-in or not) to ``path``; the suffix picks TOML or JSON."""
        fmt = format_for(path.name)
        atomic_write_text(path, dump(self.get(routine_id), fmt))
        return path

    def _save(self, routine: Routine, *, notify: bool = True) -> Routine:
        path = self._file_for(routine.id)
        atomic_write_text(path, dump(routine, "toml"))
        old = self._files.get(routine.id)
        if old is not None and old != path:
            with contextlib.suppress(OSError):
                old.unlink()
        self._user[routine.id] = routine
        self._files[routine.id] = path
        if notify:
            self._changed()
        return routine

    def _file_for(self, routine_id: str) -> Path:
        """``<id>.toml``, unless another file (say a broken one that was skipped) has that name:
        then ``<id>-2.toml``... so no file on disk is ever overwritten by accident."""
        own = self._files.get(routine_id)
        path = self.user_dir / f"{routine_id}.toml"
        n = 2
        while path.exists() and path != own:
            path = self.user_dir / f"{routine_id}-{n}.toml"
            n += 1
        return path

    def _remove_file(self, routine_id: str) -> None:
        path = self._files.pop(routine_id, None)
        self._user.pop(routine_id, None)
        if path is not None:
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
