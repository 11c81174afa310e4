"""Built-in routines in the interface's language, without Qt (the command line reads routines
too): the words of ``resources/routines/<language>/<id>.toml`` laid over the English routine
(see ``core/routine_translations.py``). ``services/translations.py`` sets the language when it
installs the interface's catalogue; until then routines stay English. The routine modules are
imported when a routine is first localised: the language is set before the tray icon shows,
and they bring the routine model (pydantic) with them."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from acumat_desktop.core.routines import Routine

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "en"
_active = {"language": SOURCE_LANGUAGE}


def active_language() -> str:
    """The interface language installed last (English until one is)."""
    return _active["language"]


def set_language(language: str) -> None:
    _active["language"] = language


def localize_builtin(routine: Routine, path: Path, language: str | None = None) -> Routine:
    """A built-in routine read from ``path`` in ``language`` (default: the interface's): the
    words of ``<its folder>/<language>/<its file name>`` laid over it. Without such a file, or
    with one that cannot be used (logged), the routine stays English."""
    from acumat_desktop.core.routine_io import RoutineError
    from acumat_desktop.core.routine_translations import overlay, parse_words

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
