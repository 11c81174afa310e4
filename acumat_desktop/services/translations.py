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

from acumat_desktop.services import routine_words
from acumat_desktop.services.assets import resource_path
from acumat_desktop.services.routine_words import active_language, localize_builtin

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
OBJECT_PREFIX = "acumatTranslation_"
__all__ = [
    "active_language",
    "available_languages",
    "choose_language",
    "install_translations",
    "localize_builtin",
]


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
    routine_words.set_language(chosen)  # built-in routines follow (services/routine_words.py)
    log.info("interface language: %s", chosen)
    return chosen


_loaded = {"any": False}  # whether _load installed a translator yet (in this process)


def _remove_ours(app: QObject) -> None:
    if not _loaded["any"]:  # none to remove: the app's first start looks for none (the first
        return  # findChildren builds PySide's Qt enums, ~9 ms before the tray icon shows)
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
            _loaded["any"] = True
            QCoreApplication.installTranslator(translator)
            return True
        translator.deleteLater()
    log.debug("no %s in %s", name, folders)
    return False
