"""Where AcuMat keeps its files: platformdirs folders, honouring XDG variables on Linux."""

from __future__ import annotations

import getpass
import hashlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from acumat_desktop import APP_NAME

_LINUX: bool = sys.platform.startswith("linux")


@dataclass(frozen=True)
class AppPaths:
    config: Path
    data: Path
    state: Path
    cache: Path
    log: Path

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def log_file(self) -> Path:
        return self.log / "acumat.log"

    @classmethod
    def for_user(cls) -> AppPaths:
        return cls(
            config=platformdirs.user_config_path(APP_NAME, appauthor=False),
            data=platformdirs.user_data_path(APP_NAME, appauthor=False),
            state=platformdirs.user_state_path(APP_NAME, appauthor=False),
            cache=platformdirs.user_cache_path(APP_NAME, appauthor=False),
            log=platformdirs.user_log_path(APP_NAME, appauthor=False),
        )

    def ensure(self) -> None:
        for folder in (self.config, self.data, self.state, self.cache, self.log):
            folder.mkdir(parents=True, exist_ok=True)


def server_name() -> str:
    """The single-instance socket: per user, and private to that user.

    On Linux it is a full path in the user's runtime folder (0700), so only that user can connect;
    elsewhere a per-user name that QLocalServer restricts with UserAccessOption.
    """
    if _LINUX:
        runtime = os.environ.get("XDG_RUNTIME_DIR")
        if runtime and Path(runtime).is_dir():
            folder = Path(runtime) / APP_NAME
        else:
            folder = platformdirs.user_state_path(APP_NAME, appauthor=False)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(folder, 0o700)
        return str(folder / "control.sock")
    # Config folder in the name keeps tests (and portable installs) apart.
    tag = hashlib.sha1(str(platformdirs.user_config_path(APP_NAME)).encode()).hexdigest()[:8]
    return f"{APP_NAME}-{getpass.getuser()}-{tag}"


def instance_lock_path(paths: AppPaths) -> Path:
    """Next to the control socket on Linux (runtime dir), in the state folder elsewhere."""
    name = server_name()
    if "/" in name:
        return Path(name).with_name("instance.lock")
    return paths.state / "instance.lock"
