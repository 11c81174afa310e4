"""The app in other languages: the German catalogue in every window, a pseudo-locale that finds
untranslated and clipped words (tests/ui/language_walk.py), the committed .qm matching its .ts,
German routines as data, and the language chosen from the system or the setting."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.services import routine_words, translations
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_store import LoadResult
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.plurals import install_english_plurals
from acumat_desktop.ui.routine_editor import RoutineEditor
from tests.ui.language_walk import (
    ROOT,
    TIGHT_AT_130,
    TS,
    PseudoLocale,
    data_texts,
    not_in_catalogue,
    untranslated,
    walk,
)

pytestmark = pytest.mark.qt_log_ignore(
    "does not support propagateSizeHints", "does not support raise", "does not support grabbing"
)


@pytest.fixture
def restore_translators() -> Iterator[None]:
    app = QCoreApplication.instance()
    before = set(app.findChildren(QTranslator)) if app is not None else set()
    locale = QLocale()
    language = routine_words.active_language()
    yield
    routine_words.set_language(language)  # later tests read English routines
    app = QCoreApplication.instance()
    if app is not None:
        for translator in app.findChildren(QTranslator):
            if translator not in before:
                QCoreApplication.removeTranslator(translator)
                translator.setParent(None)
    QLocale.setDefault(locale)


def _build(qtbot: QtBot, language: str | None = None) -> AcuMat:
    paths = AppPaths.for_user()
    paths.ensure()
    app = create_application()
    if language is not None:
        translations.install_translations(app, language)
    built = build(app, paths, LoadResult(Settings()), minimized=False)
    qtbot.addWidget(built.window)
    return built


def _close(built: AcuMat) -> None:
    built.window.allow_close()
    built.window.close()
    built.close()


@pytest.fixture
def german(qtbot: QtBot, restore_translators: None) -> Iterator[AcuMat]:
    built = _build(qtbot, "de")
    yield built
    _close(built)


@pytest.fixture
def pseudo(qtbot: QtBot, restore_translators: None) -> Iterator[AcuMat]:
    app = create_application()
    QLocale.setDefault(QLocale(QLocale.Language.Esperanto))  # no English plurals over it
    translator = PseudoLocale(app)
    QCoreApplication.installTranslator(translator)
    built = _build(qtbot)
    yield built
    _close(built)


def test_pseudo_locale_every_window_translated_and_unclipped(pseudo: AcuMat, qtbot: QtBot) -> None:
    seen = walk(pseudo, qtbot)
    unmarked = untranslated(seen.all(), data_texts(pseudo))
    if unmarked:
        pytest.fail("untranslated:\n" + "\n".join(unmarked))
    missing = not_in_catalogue(pseudo)
    if missing:
        pytest.fail("asked for but not in the catalogue (tr() of a variable?):\n" + missing)
    clipped = [p for p in seen.clipped if not any(f"('{name}')" in p for name in TIGHT_AT_130)]
    if clipped:
        pytest.fail("clipped:\n" + "\n".join(sorted(set(clipped))))


# --- the loader ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("system", ["de-DE", "en-US"], "de"),
        ("system", ["de_AT"], "de"),
        (None, ["fr-FR", "de-CH"], "de"),
        ("system", ["fr-FR"], "en"),
        ("system", ["C"], "en"),
        ("system", ["en-GB", "de-DE"], "en"),
        ("en", ["de-DE"], "en"),
        ("de", ["en-US"], "de"),
        ("xx", ["de-DE"], "en"),
    ],
)
def test_language_follows_the_system_unless_the_setting_names_one(
    setting: str | None, system: list[str], expected: str
) -> None:
    assert translations.choose_language(setting, system, ["en", "de"]) == expected


def test_german_is_available() -> None:
    assert translations.available_languages() == ["en", "de"]


def test_install_german_then_english(qapp: QApplication, restore_translators: None) -> None:
    assert translations.install_translations(qapp, "de") == "de"
    assert QCoreApplication.translate("Breathing", "Breathe in") == "Atme ein"
    assert QLocale().language() == QLocale.Language.German
    # German answers its own plurals; the English plural translator is not installed for it.
    assert QCoreApplication.translate("RemindersTray", "Sitting for %n minutes", "", 1) == (
        "Seit 1 Minute am Sitzen"
    )
    assert translations.install_translations(qapp, "en") == "en"
    install_english_plurals(qapp)  # as the first plural shown in English does
    assert QCoreApplication.translate("Breathing", "Breathe in") == "Breathe in"
    assert QCoreApplication.translate("RemindersTray", "Sitting for %n minutes", "", 1) == (
        "Sitting for 1 minute"
    )


def test_a_german_system_gets_german(
    qapp: QApplication, restore_translators: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("de_DE")))
    assert translations.install_translations(qapp, "system") == "de"
    assert QCoreApplication.translate("Breathing", "Breathe out") == "Atme aus"


# --- the catalogue ------------------------------------------------------------------------------


def test_committed_qm_is_what_lrelease_makes_of_the_ts(tmp_path: Path) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "update_translations", ROOT / "packaging" / "tools" / "update_translations.py"
    )
    assert spec is not None and spec.loader is not None
    tool = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = tool  # its dataclasses look themselves up there
    spec.loader.exec_module(tool)
    for ts in tool.ts_files():
        fresh = tmp_path / ts.with_suffix(".qm").name
        tool.lrelease(ts, fresh)
        committed = ts.with_suffix(".qm")
        assert committed.exists(), f"run packaging/tools/update_translations.py for {ts.name}"
        assert fresh.read_bytes() == committed.read_bytes(), (
            f"{committed.name} is older than {ts.name}: run packaging/tools/update_translations.py"
        )


def test_every_german_message_is_translated_and_keeps_its_placeholders() -> None:
    import xml.etree.ElementTree as ET

    problems = []
    for context in ET.parse(TS).getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            forms = [f.text or "" for f in translation.iter("numerusform")] or [
                translation.text or ""
            ]
            where = f"{context.findtext('name')}: {source!r}"
            if translation.get("type") in ("unfinished", "vanished", "obsolete"):
                problems.append(f"unfinished {where}")
                continue
            for form in forms:
                for holder in sorted(set(re.findall(r"%\d", source))):
                    if holder not in form:
                        problems.append(f"{holder} missing in {form!r} for {where}")
                if message.get("numerus") == "yes" and "%n" in source and "%n" not in form:
                    problems.append(f"%n missing in {form!r} for {where}")


# --- German in every window ---------------------------------------------------------------------


def test_german_in_every_window(german: AcuMat, qtbot: QtBot) -> None:
    seen = walk(german, qtbot)
    expected = {
        "main window": ["Wähle eine Routine", "Beginnen"],
        "menus": ["&Einstellungen…", "&Beenden"],
        "session": ["Einheit beenden", "Eine Minute mehr"],
        "session paused": ["Weiter"],
        "summary": ["Wie fühlst du dich?", "auf der Matte", "Sehr gut", "Fertig"],
        "history": ["Deine Einheiten", "Tage in Folge"],
        "settings": ["Einstellungen", "Erinnerungen", "Ruhezeiten", "Sprache"],
        "reminder": ["Zeit für die Matte", "Du sitzt jetzt seit 52 Minuten.", "In 10 Minuten"],
    }
    for window, words in expected.items():
        text = seen.joined(window)
        for word in words:
            assert word in text, f"{word!r} not in the {window}:\n{text}"
    assert not seen.clipped, "\n".join(sorted(set(seen.clipped)))


def test_german_routines_are_data_beside_the_english(tmp_path: Path) -> None:
    """Every built-in routine has its German words; the times stay the English file's."""
    from acumat_desktop.core.routine_io import parse_routine

    folder = ROOT / "resources" / "routines"
    for path in sorted(folder.glob("*.toml")):
        english = parse_routine(path.read_text("utf-8"), "toml", path.name, builtin=True)
        german = translations.localize_builtin(english, path, "de")
        assert (folder / "de" / path.name).exists(), path.name
        assert german.name != english.name and german.purpose != english.purpose, path.name
        assert german.description != english.description, path.name
        assert len(german.tips) == len(english.tips), path.name
        assert all(a != b for a, b in zip(german.tips, english.tips, strict=True)), path.name
        assert [c.at_seconds(600) for c in german.cues] == [c.at_seconds(600) for c in english.cues]
        assert all(a.text != b.text for a, b in zip(german.cues, english.cues, strict=True))
        assert (
            german.model_copy(
                update={
                    "name": english.name,
                    "purpose": english.purpose,
                    "description": english.description,
                    "tips": english.tips,
                    "cues": english.cues,
                }
            )
            == english
        ), "only the words differ"
        assert translations.localize_builtin(english, path, "en") == english


def test_a_broken_translation_leaves_the_routine_english(tmp_path: Path) -> None:
    from acumat_desktop.core.routine_io import parse_routine

    source = ROOT / "resources" / "routines" / "desk-break.toml"
    path = tmp_path / source.name
    path.write_text(source.read_text("utf-8"), "utf-8")
    (tmp_path / "de").mkdir()
    (tmp_path / "de" / path.name).write_text('name = "x"\ncues = ["one", "two"]\n', "utf-8")
    english = parse_routine(path.read_text("utf-8"), "toml", path.name, builtin=True)
    assert translations.localize_builtin(english, path, "de") == english


def test_routine_words_load_without_qt() -> None:
    """The command line reads routines too, and never loads Qt."""
    code = "import sys, acumat_desktop.services.routine_words; print('PySide6' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def _access_key(text: str) -> str | None:
    match = re.search(r"&([^&])", text.replace("&&", ""))
    return match.group(1).lower() if match else None


def test_german_access_keys_differ_within_each_menu_and_form(german: AcuMat, qtbot: QtBot) -> None:
    """Alt+letter must reach one thing: within a menu, no two entries share their letter."""
    menus = german.window.menuBar().findChildren(QMenu)
    tray_menu = german.tray.icon.contextMenu() if german.tray is not None else None
    if tray_menu is not None:
        menus += [tray_menu, *tray_menu.findChildren(QMenu)]
    problems = []
    for menu in [*menus]:
        keys = [
            (key, action.text())
            for action in menu.actions()
            if action.isVisible() and (key := _access_key(action.text()))
        ]
        letters = [key for key, _ in keys]
        problems += [
            f"{menu.title() or 'tray'}: {text!r}" for key, text in keys if letters.count(key) > 1
        ]
    editor = RoutineEditor()
    qtbot.addWidget(editor)
    labels = [w.text() for w in editor.findChildren(QLabel) if _access_key(w.text())]
    editor_keys = [_access_key(text) for text in labels]
    problems += [f"routine editor: {t!r}" for t in labels if editor_keys.count(_access_key(t)) > 1]
    assert not problems, "\n".join(problems)


def test_the_missing_speech_engine_notice_is_translated(
    qapp: QApplication, restore_translators: None
) -> None:
    """The notice is a constant shown in two places; lupdate finds it only through its marker."""
    from acumat_desktop.services.audio.speech import NO_ENGINE_NOTICE

    assert translations.install_translations(qapp, "de") == "de"
    german = QCoreApplication.translate("SpokenCues", NO_ENGINE_NOTICE)
    assert german != NO_ENGINE_NOTICE and "Sprachausgabe" in german
