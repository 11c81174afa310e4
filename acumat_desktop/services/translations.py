"""The interface language: AcuMat's own catalogue (``resources/translations/acumat_<lang>.qm``)
and Qt's (``qtbase_<lang>.qm``, for the standard buttons and dialogs), chosen from the
system's languages unless the ``appearance.language`` setting names one.

English is the source language: it needs no catalogue, only the small plural translator of
``ui/plurals.py`` ("1 minute", not "1 minutes"). Any other language's catalogue answers its
plurals itself, so the English plural translator is installed only for English.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QObject, QTranslator

from acumat_desktop.core.routine_io import RoutineError
from acumat_desktop.core.routine_translations import overlay, parse_words
from acumat_desktop.core.routines import Routine
from acumat_desktop.services.assets import resource_path

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
OBJECT_PREFIX = "acumatTranslation_"
_active = {"language": SOURCE_LANGUAGE}  # what install_translations chose last


def active_language() -> str:
    """The interface language installed last (English until one is)."""
    return _active["language"]


def translations_dir() -> Path:
    return resource_path("translations")


def available_languages(folder: Path | None = None) -> list[str]:
    """English, and every language with a compiled catalogue."""
    folder = folder or translations_dir()
    found = sorted(p.stem.removeprefix("acumat_") for p in folder.glob("acumat_*.qm"))
    return [SOURCE_LANGUAGE, *(lang for lang in found if lang != SOURCE_LANGUAGE)]


def choose_language(
    setting: str | None, ui_languages: Iterable[str], available: Iterable[str]
) -> str:
    """The setting when it names a language; otherwise the first of the system's languages
    (``de-DE``, ``de_AT``, ``en-GB``…) that AcuMat speaks; English when none does."""
    known = list(available)
    if setting and setting != "system":
        return setting if setting in known else SOURCE_LANGUAGE
    for name in ui_languages:
        lang = name.replace("_", "-").split("-")[0].lower()
        if lang in known:
            return lang
        if lang in ("c", "posix"):
            continue
    return SOURCE_LANGUAGE


def install_translations(app: QObject, language: str | None) -> str:
    """Install the translators for ``language`` (a setting's value: ``system``, ``en``,
    ``de``…; None follows the system) on ``app``; returns the language code in use.

    The default locale follows the language when it differs from the system's (a German
    interface on an English system writes German dates), and stays the system's otherwise (so
    ``de_AT`` or ``en_GB`` keep their own formats). For English, ``ui/plurals.py`` installs its
    singulars when the first plural is shown, as it checks the default locale is English."""
    chosen = choose_language(language, QLocale.system().uiLanguages(), available_languages())
    _remove_ours(app)
    if chosen != SOURCE_LANGUAGE:
        qt_folders = (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),)
        _load(app, f"qtbase_{chosen}", *qt_folders, str(translations_dir()))
        # Installed last, so it is asked first: AcuMat's own words over Qt's.
        if not _load(app, f"acumat_{chosen}", str(translations_dir())):
            log.warning("no catalogue for %s; the interface stays English", chosen)
            chosen = SOURCE_LANGUAGE
    system = QLocale.system()
    same = QLocale(chosen).language() == system.language()
    QLocale.setDefault(system if same else QLocale(chosen))
    _active["language"] = chosen
    log.info("interface language: %s", chosen)
    return chosen


def _remove_ours(app: QObject) -> None:
    for old in app.findChildren(QTranslator):
        if old.objectName().startswith(OBJECT_PREFIX):
            QCoreApplication.removeTranslator(old)
            old.deleteLater()


def _load(app: QObject, name: str, *folders: str) -> bool:
    """Install ``name``.qm from the first folder that has it."""
    for folder in folders:
        translator = QTranslator(app)
        if translator.load(name, folder):
            translator.setObjectName(OBJECT_PREFIX + name)
            QCoreApplication.installTranslator(translator)
            return True
        translator.deleteLater()
    log.debug("no %s in %s", name, folders)
    return False


def localize_builtin(routine: Routine, path: Path, language: str | None = None) -> Routine:
    """A built-in routine read from ``path`` in the interface language: the words of
    ``<its folder>/<language>/<its file name>`` laid over it (see core/routine_translations.py).
    Without such a file, or with one that cannot be used (logged), the routine stays English."""
    language = language or active_language()
    if language == SOURCE_LANGUAGE:
        return routine
    words_file = path.parent / language / path.name
    try:
        text = words_file.read_text("utf-8")
    except FileNotFoundError:
        return routine
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("routine words %s cannot be read: %s", words_file, exc)
        return routine
    source = f"{language}/{path.name}"
    try:
        return overlay(routine, parse_words(text, source), source)
    except RoutineError as exc:
        log.warning("routine words skipped: %s", exc)
        return routine


