"""Settings on disk: atomic writes, corrupt files kept aside, newer schemas refused."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from acumat_desktop.settings.codec import decode, encode
from acumat_desktop.settings.model import Settings

log = logging.getLogger(__name__)


def atomic_write_text(path: Path, text: str) -> None:
    """Write via a temp file in the same folder, fsync, rename; a crash leaves old or new."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # make the rename itself durable (not on Windows)
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


@dataclass
class LoadResult:
    settings: Settings
    problems: list[str] = field(default_factory=list)
    kept_aside: Path | None = None

    def message(self) -> str | None:
        if not self.problems:
            return None
        where = f" A copy of the old file is at {self.kept_aside}." if self.kept_aside else ""
        return (
            "Some settings could not be read and were reset to their defaults: "
            + "; ".join(self.problems)
            + "."
            + where
        )


class SettingsStore:
    """Reads and writes one settings file. ``load`` raises NewerSchemaError, nothing else."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def load(self) -> LoadResult:
        try:
            text = self.path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return LoadResult(Settings())
        except (OSError, UnicodeDecodeError) as exc:
            result = LoadResult(Settings(), [f"{self.path} could not be read ({exc})"])
            result.kept_aside = self._keep_aside()
            return result
        decoded = decode(text)  # raises NewerSchemaError before anything is touched
        result = LoadResult(decoded.settings, decoded.problems)
        if decoded.problems:
            result.kept_aside = self._keep_aside()
            log.warning("settings file %s had problems: %s", self.path, decoded.problems)
            self.save(decoded.settings)
        return result

    def save(self, settings: Settings) -> None:
        atomic_write_text(self.path, encode(settings))

    def _keep_aside(self) -> Path | None:
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{counter}")
            counter += 1
        try:
            os.replace(self.path, target)
        except OSError as exc:
            log.error("could not keep the bad settings file aside: %s", exc)
            return None
        return target
