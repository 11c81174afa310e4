"""The start's first part (app_front.py, app.run_app's order): the tray icon is built and shown
from the actions alone, and the settings model's language wins should it differ from the one
read before the icon showed."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from acumat_desktop.app import create_application, load_settings
from acumat_desktop.app_front import build_front
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.routine_words import active_language
from acumat_desktop.services.translations import install_translations


def test_the_front_is_the_tray_its_actions_and_the_command_door(qtbot: QtBot) -> None:
    app = create_application()
    front = build_front(app)
    try:
        assert front.tray.menu.actions()  # its menu holds the app's own actions
        assert front.actions.quit.shortcut().isEmpty()  # shortcuts come after the icon
        assert front.commands.names() == []  # the features register theirs when built
        assert not front.server.listening  # run_app listens, right after
    finally:
        front.tray.hide()
        front.server.close()


def test_the_models_language_wins_over_the_early_read(qtbot: QtBot) -> None:
    app = QApplication.instance() or create_application()
    assert isinstance(app, QApplication)
    paths = AppPaths.for_user()
    paths.ensure()
    paths.settings_file.write_text(json.dumps({"appearance": {"language": "en"}}))
    try:
        install_translations(app, "de")  # as if the early read had said German
        assert active_language() == "de"
        loaded = load_settings(app, paths, "de")
        assert loaded.settings.appearance.language == "en"
        assert active_language() == "en"  # reinstalled for everything built from now on
    finally:
        install_translations(app, "en")
