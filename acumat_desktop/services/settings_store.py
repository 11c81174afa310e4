"""Settings on disk: atomic writes, corrupt files kept aside, newer schemas refused."""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from acumat_desktop.services.settings_early import MAX_FILE_BYTES, read_settings_bytes
from acumat_desktop.settings.codec import Decoded, decode, encode
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


class SettingsSaveError(OSError):
    """The settings could not be written; ``str()`` is one plain line naming the reason."""

    def __init__(self, message: str, cause: OSError) -> None:
        super().__init__(message)
        self.cause_errno = cause.errno


def describe_write_error(path: Path, exc: OSError) -> str:
    """Why ``path`` could not be written, for a person: read-only folder, full disk, a folder in
    the file's place."""
    code = exc.errno
    if code in (errno.ENOSPC, errno.EDQUOT):
        reason = "the disk is full"
    elif code in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = f"the folder {path.parent} is read-only (permission denied)"
    elif code == errno.EISDIR or path.is_dir():
        reason = f"{path} is a folder, not a file"
    elif code in (errno.ENOTDIR, errno.EEXIST) and _file_in_the_way(path) is not None:
        reason = f"a file stands where the folder {_file_in_the_way(path)} should be"
    else:
        reason = exc.strerror or str(exc)
    return f"the settings could not be saved to {path}: {reason}"


def _file_in_the_way(path: Path) -> Path | None:
    """The nearest parent folder of ``path`` that is in fact a file, if any."""
    for folder in reversed(path.parents):
        if folder.exists() and not folder.is_dir():
            return folder
    return None


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
    """Reads and writes one settings file. ``read`` and ``load`` raise NewerSchemaError and
    nothing else, whatever the file holds; ``save`` raises SettingsSaveError."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def read(self) -> Decoded:
        """The file's settings without touching the file (what ``settings get`` shows)."""
        return self._read()[0]

    def _read(self) -> tuple[Decoded, bool]:
        """The decoded file, and False when the file itself could not be read (a folder in its
        place, no permission, an I/O error): then its content is unknown, not bad."""
        try:
            data = read_settings_bytes(self.path)
        except FileNotFoundError:
            return Decoded(Settings()), True
        except OSError as exc:
            reason = f"{self.path} could not be read ({exc.strerror or exc})"
            return Decoded(Settings(), [reason]), False
        if len(data) > MAX_FILE_BYTES:
            return Decoded(Settings(), [f"the file is larger than {MAX_FILE_BYTES} bytes"]), True
        try:
            return decode(data.decode("utf-8")), True
        except UnicodeDecodeError as exc:
            decoded = decode(data.decode("utf-8", errors="replace"))
            decoded.problems.insert(0, f"the file is not UTF-8 text (byte {exc.start})")
            return decoded, True

    def load(self) -> LoadResult:
        """Read the file; if anything in it could not be used, keep the file aside (byte for
        byte) and write the repaired settings in its place. A file that cannot be read at all
        is left where it is (its content may be fine)."""
        decoded, readable = self._read()  # raises NewerSchemaError before anything is touched
        result = LoadResult(decoded.settings, decoded.problems)
        if decoded.problems:
            log.warning("settings file %s had problems: %s", self.path, decoded.problems)
        if decoded.problems and readable:
            result.kept_aside = self._keep_aside()
            try:
                self.save(decoded.settings)
            except SettingsSaveError as exc:
                log.error("%s", exc)
                result.problems.append(str(exc))
        return result

    def save(self, settings: Settings) -> None:
        try:
            atomic_write_text(self.path, encode(settings))
        except OSError as exc:
            raise SettingsSaveError(describe_write_error(self.path, exc), exc) from exc

    def _keep_aside(self) -> Path | None:
        if not self.path.exists():
            return None
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
