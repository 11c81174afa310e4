"""What ``acumat settings`` does, loaded only when that command runs (pydantic is not cheap).

While the app runs, reads and changes go through it (one writer, applied live); otherwise the CLI
uses the same atomic store on the file itself.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from acumat_desktop.cli.base import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    app_running,
    call_app,
    out,
)
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_store import SettingsSaveError, SettingsStore
from acumat_desktop.settings import access
from acumat_desktop.settings.migrations import NewerSchemaError
from acumat_desktop.settings.model import Settings


def _show(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value)


def _file_settings(store: SettingsStore) -> Settings:
    """The file's settings without touching it (a read never keeps anything aside); whatever
    could not be used is named on stderr and shown at its default."""
    try:
        decoded = store.read()
    except NewerSchemaError as exc:
        raise CliError(str(exc), EXIT_FAILED) from None
    if decoded.problems:
        note = "; ".join(decoded.problems)
        sys.stderr.write(f"acumat: {store.path} has settings that cannot be used: {note}\n")
    return decoded.settings


class SettingsActions:
    def run(self, args: argparse.Namespace) -> int:
        store = SettingsStore(AppPaths.for_user().settings_file)
        action = args.action
        if action == "path":
            out(str(store.path))
            return EXIT_OK
        if args.key is not None:
            try:
                access.key_info(args.key)
            except access.SettingsKeyError as exc:
                raise CliError(str(exc), EXIT_USAGE) from None
        running = app_running()
        if action == "get":
            values = call_app("settings.get") if running else access.as_dict(_file_settings(store))
            return self._print(values, args.key, args.json)
        if running:
            if action == "set":
                call_app("settings.set", key=args.key, value=args.value)
            else:
                call_app("settings.reset", key=args.key)
            return EXIT_OK
        return self._write_file(store, action, args)

    def _write_file(self, store: SettingsStore, action: str, args: argparse.Namespace) -> int:
        current = _file_settings(store)
        try:
            if action == "set":
                updated = access.with_value(current, args.key, args.value)
            else:
                updated = access.reset(args.key, current)
        except access.SettingsValueError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
        try:
            result = store.load()  # keeps a corrupt file aside before it is replaced
        except NewerSchemaError as exc:
            raise CliError(str(exc), EXIT_FAILED) from None
        if result.problems:
            out(result.message() or "")
        try:
            store.save(updated)
        except SettingsSaveError as exc:
            raise CliError(str(exc), EXIT_FAILED) from None
        return EXIT_OK

    @staticmethod
    def _print(values: dict[str, Any], key: str | None, as_json: bool) -> int:
        if key is not None:
            section, _, name = key.partition(".")
            value = values[section][name]
            out(json.dumps(value) if as_json else _show(value))
            return EXIT_OK
        if as_json:
            out(json.dumps(values, indent=2))
            return EXIT_OK
        for section, fields in values.items():
            if not isinstance(fields, dict):
                continue
            for name, value in fields.items():
                info = access.key_info(f"{section}.{name}")
                out(f"{section}.{name} = {_show(value)}    # {info.description}")
        return EXIT_OK
