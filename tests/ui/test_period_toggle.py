"""The history's Week / Month toggle shows which one is chosen in both themes: the checked
button's fill stands apart from the other's by 3:1, like anything a person must see."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from acumat_desktop.ui import theme
from acumat_desktop.ui.history_period import PeriodBar
from tests.ui.test_contrast import NON_TEXT, ratio


@pytest.fixture(params=["light", "dark"])
def themed(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    palette, sheet = qapp.palette(), qapp.styleSheet()
    theme.apply_theme(qapp, request.param)
    yield str(request.param)
    theme.apply_theme(qapp, "light")
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setProperty("acumatDark", None)


def _fill(button: QPushButton) -> QColor:
    """The button's own fill, read inside its border, away from the text."""
    image = button.grab().toImage()
    return image.pixelColor(4, image.height() // 2)


def test_the_chosen_period_stands_out(themed: str, qtbot: QtBot) -> None:
    bar = PeriodBar()
    qtbot.addWidget(bar)
    bar.show()
    qtbot.waitExposed(bar)
    assert bar.week_button.isChecked() and not bar.month_button.isChecked()
    chosen, other = _fill(bar.week_button), _fill(bar.month_button)
    assert ratio(chosen, other) >= NON_TEXT, (themed, chosen.name(), other.name())
    bar.month_button.click()
    assert ratio(_fill(bar.month_button), _fill(bar.week_button)) >= NON_TEXT
