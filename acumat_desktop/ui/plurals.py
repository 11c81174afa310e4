"""English plural forms for the app's ``%n`` strings.

Qt chooses a plural form only through a translator: without one, ``tr("%n breaths guided", "",
1)`` reads "1 breaths guided". Strings are written in their plural form with ``%n`` (so a German
translator gives each language its own forms); this small translator gives English its singular
for ``n == 1``. It answers nothing else, and is installed only when the interface is English,
so a real translation for another language is never overridden.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTranslator

OBJECT_NAME = "acumatEnglishPlurals"

SINGULARS: dict[str, str] = {
    "breaths guided": "breath guided",
    "%n breaths guided.": "%n breath guided.",
    "%n minutes": "%n minute",
    "%n seconds": "%n second",
    "%n hours": "%n hour",
    "%n seconds ago": "%n second ago",
    "%n sessions": "%n session",
    "Saved %n sessions to %1": "Saved %n session to %1",
    "Streak: %n days": "Streak: %n day",
    "%1: %n minutes done": "%1: %n minute done",
    "Week %1 of getting used to the mat: up to %n minutes": (
        "Week %1 of getting used to the mat: up to %n minute"
    ),
    "Snooze %n minutes": "Snooze %n minute",
    "Sitting for %n minutes": "Sitting for %n minute",
    "Sitting for %n minutes; the reminder is snoozed": (
        "Sitting for %n minute; the reminder is snoozed"
    ),
}
"""Source text (its plural form) → the English singular."""


class EnglishPlurals(QTranslator):
    def translate(
        self,
        context: str,
        source_text: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # None is Qt's null string: "no translation here", so the source text is used.
        if n == 1:
            return SINGULARS.get(source_text)
        return None

    def isEmpty(self) -> bool:
        return False


def english_interface(locale: QLocale | None = None) -> bool:
    language = (locale or QLocale()).language()
    return language in (QLocale.Language.English, QLocale.Language.C)


def install_english_plurals(app: QObject | None = None) -> EnglishPlurals | None:
    """Install the translator once (a child of the application); None when the interface is
    not English or there is no application."""
    app = app or QCoreApplication.instance()
    if app is None or not english_interface():
        return None
    found = app.findChild(EnglishPlurals, OBJECT_NAME)
    if isinstance(found, EnglishPlurals):
        return found
    translator = EnglishPlurals(app)
    translator.setObjectName(OBJECT_NAME)
    QCoreApplication.installTranslator(translator)
    return translator
