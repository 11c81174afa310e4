"""The main window from 800×600 to full HD: nothing clipped, nothing overlapping; and its notices,
which pass after a few seconds, or stay (warnings) until closed."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDockWidget, QWidget
from pytestqt.qtbot import QtBot

from acumat_desktop.app import AcuMat, build, create_application
from acumat_desktop.services.assets import icon_path
from acumat_desktop.services.paths import AppPaths
from acumat_desktop.services.settings_store import LoadResult
from acumat_desktop.settings.model import Settings
from acumat_desktop.ui.actions import AppActions
from acumat_desktop.ui.main_window import MainWindow, first_size
from acumat_desktop.ui.routine_picker import RoutinePicker
from tests.ui.layout_checks import clipped_words, overlaps

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def parts(qtbot: QtBot) -> Iterator[AcuMat]:
    paths = AppPaths.for_user()
    paths.ensure()
    built = build(create_application(), paths, LoadResult(Settings()), minimized=False)
    qtbot.addWidget(built.window)
    yield built
    built.window.allow_close()
    built.window.close()
    built.close()


def _docks(window: MainWindow) -> list[QWidget]:
    return [dock for dock in window.findChildren(QDockWidget) if dock.isVisible()]


def test_nothing_is_docked_beside_the_pages(parts: AcuMat) -> None:
    """The sound controls are a popover behind one icon, not a dock taking ~270 px."""
    assert parts.window.findChildren(QDockWidget) == []


def test_the_window_can_be_as_small_as_800_by_600(parts: AcuMat) -> None:
    window = parts.window
    assert window.minimumSize().width() <= 800 and window.minimumSize().height() <= 600
    layout = window.layout()
    layout_minimum = layout.minimumSize() if layout is not None else QSize(0, 0)
    assert layout_minimum.width() <= 800, f"the layout needs {layout_minimum}"
    assert layout_minimum.height() <= 600, f"the layout needs {layout_minimum}"


@pytest.mark.parametrize("size", [(800, 600), (1024, 600), (960, 1040), (1920, 1080)])
def test_picker_page_neither_clips_nor_overlaps(
    parts: AcuMat, qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = parts.window
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.size() == QSize(*size))
    picker = window.pages.currentWidget()
    assert isinstance(picker, RoutinePicker)
    for root in (picker, window.statusBar()):
        assert clipped_words(root) == [], f"{size}"
        assert overlaps(root) == [], f"{size}"
    assert not picker.list_view.horizontalScrollBar().isVisible()
    assert picker.start_button.isVisible() and picker.start_button.width() >= 150
    assert picker.geometry().right() < window.width(), "the picker is inside the window"


@pytest.mark.parametrize("size", [(800, 600), (1920, 1080)])
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
def test_every_page_and_the_sound_popover_fit_the_window(
    parts: AcuMat, qtbot: QtBot, size: tuple[int, int]
) -> None:
    """The session, summary and history pages too (built by other features), and the sound
    popover, opened from its icon in the menu bar's corner."""
    window = parts.window
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.size() == QSize(*size))
    for index in range(window.pages.count()):
        window.pages.setCurrentIndex(index)
        page = window.pages.currentWidget()
        assert page is not None
        qtbot.waitUntil(page.isVisible)
        name = page.objectName()
        assert page.minimumSizeHint().width() <= window.pages.width(), name
        assert page.minimumSizeHint().height() <= window.pages.height(), name
        assert clipped_words(page) == [], name
        assert overlaps(page) == [], name
    assert _docks(window) == []
    panel = parts.sound.panel
    parts.sound.corner_button.click()
    qtbot.waitUntil(panel.isVisible)
    assert clipped_words(panel) == [] and overlaps(panel) == [], panel.objectName()
    screen = window.screen().availableGeometry()
    assert screen.contains(panel.frameGeometry()), "the popover stays on the screen"
    panel.close()


def test_a_notice_clears_itself_and_a_warning_waits_to_be_closed(qtbot: QtBot) -> None:
    window = MainWindow(AppActions(), window_icon())
    qtbot.addWidget(window)
    window.show()
    window.show_notice("Saved Evening unwind", timeout_ms=50)
    assert window.notice.text() == "Saved Evening unwind" and window.notice.isVisible()
    assert window.notice_timer.isActive()
    qtbot.waitUntil(lambda: window.notice.text() == "", timeout=3000)
    assert not window.notice.isVisible()

    window.show_warning("The settings file could not be read.")
    window.show_warning("The settings file could not be read.")  # said once
    window.show_warning("The history is kept only until AcuMat quits.")
    assert window.warning_bar.isVisible()
    assert window.warning.text().count("could not be read") == 1
    assert "only until AcuMat quits" in window.notices_text()
    assert window.warning_close.accessibleName() == "Close this message"
    qtbot.mouseClick(window.warning_close, Qt.MouseButton.LeftButton)
    assert not window.warning_bar.isVisible() and window.notices_text() == ""


def test_clear_notices_leaves_nothing_to_follow_into_a_session(qtbot: QtBot) -> None:
    window = MainWindow(AppActions(), window_icon())
    qtbot.addWidget(window)
    window.show()
    window.show_notice("Saved Evening unwind")
    window.show_warning("No system tray was found.")
    window.clear_notices()
    assert window.notices_text() == ""
    assert not window.notice_timer.isActive()
    assert not window.warning_bar.isVisible()


def test_longer_notices_stay_longer(qtbot: QtBot) -> None:
    window = MainWindow(AppActions(), window_icon())
    qtbot.addWidget(window)
    window.show_notice("Saved.")
    short = window.notice_timer.interval()
    window.show_notice("A much longer notice " * 10)
    assert short == 6000 and window.notice_timer.interval() > short
    window.show_notice("Stays until the next one", timeout_ms=0)
    assert not window.notice_timer.isActive()


def window_icon() -> QIcon:
    return QIcon(str(icon_path()))


def test_a_long_notice_keeps_one_line_and_its_whole_text(qtbot: QtBot) -> None:
    window = MainWindow(AppActions(), window_icon())
    qtbot.addWidget(window)
    window.resize(800, 600)
    window.show()
    qtbot.waitExposed(window)
    text = "The sound file creek.ogg could not be imported: it is not a sound AcuMat can read. " * 3
    window.show_notice(text)
    assert window.notice.text() == text and window.notice.toolTip() == text
    assert window.notice.accessibleName() == text
    assert window.statusBar().height() < 2 * window.notice.fontMetrics().height() + 12
    assert clipped_words(window.statusBar()) == []


@pytest.mark.parametrize(
    ("available", "first"),
    [
        (QSize(800, 600), QSize(800, 600)),  # an 800×600 screen: the window fits, no overflow
        (QSize(1024, 576), QSize(1024, 600)),  # a netbook under its panel: the minimum holds
        (QSize(1920, 1080), QSize(1024, 680)),
        (QSize(640, 480), QSize(800, 600)),
        (None, QSize(1024, 680)),
    ],
)
def test_the_first_window_size_fits_the_screens_free_area(
    available: QSize | None, first: QSize
) -> None:
    assert first_size(available) == first


def test_a_new_window_is_no_larger_than_its_screen(qtbot: QtBot) -> None:
    window = MainWindow(AppActions(), window_icon())
    qtbot.addWidget(window)
    free = window.screen().availableGeometry().size()
    assert window.size() == first_size(free)
