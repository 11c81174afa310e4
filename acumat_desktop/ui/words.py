"""Words set inside a sentence, the way the interface's language writes them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def mid_sentence(word: str) -> str:
    """``word`` (a goal's name: "Pain") as it reads inside a sentence: lower-cased in English
    ("routines for pain"), kept in a language that writes nouns with a capital ("Routinen für
    Schmerzen"). The catalogue says which, as Qt's QT_LAYOUT_DIRECTION does: its translation
    of this message is "keep" to keep the capitals."""
    rule = QCoreApplication.translate(
        "Words", "lower", "Case of a noun inside a sentence: 'lower' or 'keep' (German)"
    )
    return word if rule == "keep" else word.lower()
