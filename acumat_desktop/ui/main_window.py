"""The main window: menus, the central area for the routine picker and the timer dial, and a
quiet notice line at the bottom.

Notices come in two kinds. ``show_notice`` is a passing remark ("Saved Evening unwind"): it
clears itself after a few seconds (longer for longer text). ``show_warning`` is something the
person must read ("No system tray was found…"): it stays, with a close button, until they close
it. ``clear_notices`` clears both; the app calls it when a session starts, so nothing from the
picker follows the person onto the mat.

Nothing moves when a warning comes or goes: the window's foot (the notice line) always keeps
the height of one line of warning, and the warning is laid over it, across the window's width,
never in the layout. A longer warning grows upwards over the page's foot; the page, and so the
session's dial, keeps its size and place. A warning is announced to screen readers as it
appears (an assertive announcement), and its text is the bar's accessible name.

Full screen (AcuMat → Full screen, F11) hides the menu bar and the notice line so the page — the
session's dial above all — has the whole screen. In full screen, Escape leaves full screen
first (it never reaches the page, where it would ask to stop the session); a second Escape, back
in the window, asks as before. F11 toggles either way.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAction,
    QCloseEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from acumat_desktop.ui.actions import AppActions

NOTICE_MS = 6000
"""How long a passing notice stays, at least."""
MS_PER_CHARACTER = 60
"""Longer notices stay longer: about the time it takes to read them twice."""
FIRST_SIZE = QSize(1024, 680)
MINIMUM_SIZE = QSize(800, 600)
"""The window fits half a 1600-wide screen and a 1024×600 netbook."""


class NoticeLabel(QLabel):
    """One calm line: a notice too long for the window is elided, whole in its tooltip and its
    accessible name. ``text()`` is always the whole notice."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def clear(self) -> None:
        self.setText("")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics, mode = self.fontMetrics(), Qt.TextElideMode.ElideRight
        width = max(0, self.contentsRect().width())
        super().setText(metrics.elidedText(self._full, mode, width))
        excess = super().sizeHint().width() - self.width()  # padding from the style sheet
        if excess > 0 and self._full:
            super().setText(metrics.elidedText(self._full, mode, max(0, width - excess)))


def first_size(available: QSize | None) -> QSize:
    """The window's size before any is remembered: 1024×680, but never larger than the screen's
    free area (a netbook's 1024×600, an 800×600 screen), and never under the minimum."""
    wanted = FIRST_SIZE if available is None else FIRST_SIZE.boundedTo(available)
    return wanted.expandedTo(MINIMUM_SIZE)


class MainWindow(QMainWindow):
    close_requested = Signal()  # the user closed the window; the app decides: hide or quit
    announced: list[str]
    """The warnings announced to screen readers, oldest first (for tests and the log)."""

    def __init__(self, actions: AppActions, icon: QIcon, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.setWindowTitle("AcuMat")
        self.setWindowIcon(icon)
        self.announced = []
        self.setMinimumSize(MINIMUM_SIZE)
        screen = self.screen()
        self.resize(first_size(screen.availableGeometry().size() if screen else None))
        self._build_menus(actions)
        central = QWidget(self)
        central.setObjectName("central")
        self.pages = QStackedWidget(central)
        self.pages.setObjectName("pages")
        self.placeholder: QWidget | None = self._placeholder()
        self.pages.addWidget(self.placeholder)
        self._build_notices(central)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.pages, 1)
        self.setCentralWidget(central)
        self._reserve_foot()

    def _build_menus(self, actions: AppActions) -> None:
        self.app_menu = self.menuBar().addMenu(self.tr("&AcuMat"))
        self.app_menu.addAction(actions.settings)
        self.full_screen_action = QAction(self.tr("&Full screen"), self)
        self.full_screen_action.setCheckable(True)
        self.full_screen_action.setShortcut(QKeySequence(Qt.Key.Key_F11))
        self.full_screen_action.toggled.connect(self.set_full_screen)
        self.app_menu.addAction(self.full_screen_action)
        self.addAction(self.full_screen_action)  # F11 works with the menu bar hidden too
        self.app_menu.addSeparator()
        self.app_menu.addAction(actions.close_window)
        self.app_menu.addAction(actions.quit)
        actions.close_window.triggered.connect(self.close)
        self.help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.help_menu.addAction(actions.about)

    def _build_notices(self, central: QWidget) -> None:
        """The notice in the status bar; a warning as a banner laid over the window's foot, where
        it has the whole width to wrap in (``central`` only names where the pages are)."""
        self.notice = NoticeLabel(self)
        self.notice.setObjectName("notice")
        self.notice_timer = QTimer(self)
        self.notice_timer.setSingleShot(True)
        self.notice_timer.timeout.connect(self._clear_notice)

        del central  # the bar floats over the window, in no layout: nothing moves for it
        self.warning_bar = QWidget(self)
        self.warning_bar.setObjectName("warningBar")
        self.warning_bar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.warning = QLabel(self.warning_bar)
        self.warning.setObjectName("warning")
        self.warning.setWordWrap(True)
        self.warning.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning_close = QToolButton(self.warning_bar)
        self.warning_close.setObjectName("warningClose")
        self.warning_close.setText(self.tr("Close"))
        self.warning_close.setAccessibleName(self.tr("Close this message"))
        self.warning_close.clicked.connect(self._clear_warning)
        row = self._warning_row = QHBoxLayout(self.warning_bar)
        row.setContentsMargins(16, 6, 12, 6)
        row.addWidget(self.warning, 1)
        row.addWidget(self.warning_close, 0, Qt.AlignmentFlag.AlignTop)
        self.warning_bar.hide()

        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        bar.addWidget(self.notice, 1)

    # ----------------------------------------------------------------- the foot

    def _one_line_warning_height(self) -> int:
        """The warning bar's height for one line of text: what the foot keeps free."""
        for widget in (self.warning_bar, self.warning, self.warning_close):
            widget.ensurePolished()  # the style sheet's font and padding, if set by now
        margins = self._warning_row.contentsMargins()
        label = self.warning.fontMetrics().height() + 8  # the style sheet's padding and frame
        button = self.warning_close.sizeHint().height()
        return max(label, button) + margins.top() + margins.bottom()

    def _reserve_foot(self) -> None:
        """The notice line keeps one warning line's height whether or not anything is said."""
        height = max(self._one_line_warning_height(), self.notice.sizeHint().height())
        bar = self.statusBar()
        if bar.height() != height or bar.minimumHeight() != height:
            bar.setFixedHeight(height)

    def _place_warning(self) -> None:
        """Lay the warning over the window's foot: full width, as tall as its text needs (at
        most half the window), its lower edge on the window's lower edge."""
        if self.warning_bar.isHidden():
            return
        width = self.width()
        row = self._warning_row
        wanted = row.totalHeightForWidth(width) if row.hasHeightForWidth() else -1
        height = max(wanted, self._one_line_warning_height())
        height = min(height, max(self.height() // 2, self._one_line_warning_height()))
        self.warning_bar.setGeometry(QRect(0, self.height() - height, width, height))
        self.warning_bar.raise_()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_warning()

    def _placeholder(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        label = QLabel(self.tr("Routines and the session timer will live here."), page)
        label.setObjectName("placeholder")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAccessibleName(self.tr("Routines and timer"))
        layout.addWidget(label)
        return page

    def set_home_page(self, page: QWidget) -> None:
        """The page shown when nothing else is (the routine picker); replaces the placeholder."""
        self.pages.insertWidget(0, page)
        if self.placeholder is not None:
            self.pages.removeWidget(self.placeholder)
            self.placeholder.deleteLater()
            self.placeholder = None
        self.pages.setCurrentWidget(page)

    # ----------------------------------------------------------------- notices

    def show_notice(self, text: str, timeout_ms: int = NOTICE_MS) -> None:
        """A passing remark that clears itself after ``timeout_ms`` (or the time it takes to read
        it, if longer); ``timeout_ms=0`` keeps it until the next notice or ``clear_notices``."""
        self.notice.setText(text)
        self.notice.setAccessibleName(text)
        self.notice.setVisible(bool(text))
        self.notice_timer.stop()
        if text and timeout_ms > 0:
            self.notice_timer.start(max(timeout_ms, len(text) * MS_PER_CHARACTER))

    def show_warning(self, text: str) -> None:
        """Something the person must read: it stays, with a close button, until closed (or until
        ``clear_notices``). A second warning joins the first rather than hiding it."""
        current = self.warning.text() if self.warning_bar.isVisible() else ""
        if text in current:
            return
        joined = "\n".join(part for part in (current, text) if part)
        self.warning.setText(joined)
        self.warning.setAccessibleName(joined)
        self.warning_bar.setAccessibleName(joined)
        self.warning_close.setAccessibleDescription(joined)
        self.warning_bar.show()
        self._place_warning()
        self._announce(text)

    def _announce(self, text: str) -> None:
        """Say a new warning to a screen reader now, whatever has the focus."""
        event = QAccessibleAnnouncementEvent(self.warning, text)
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
        QAccessible.updateAccessibility(event)
        self.announced = [*self.announced[-9:], text]

    def clear_notices(self) -> None:
        """Clear every notice and warning (a session is starting: the mat is a quiet place)."""
        self._clear_notice()
        self._clear_warning()

    def notices_text(self) -> str:
        """What the notice line says now, warnings first (for tests and the status command)."""
        parts = [self.warning.text() if self.warning_bar.isVisible() else "", self.notice.text()]
        return "\n".join(part for part in parts if part)

    def _clear_notice(self) -> None:
        self.notice_timer.stop()
        self.notice.clear()
        self.notice.setAccessibleName("")
        self.notice.hide()

    def _clear_warning(self) -> None:
        self.warning.clear()
        self.warning.setAccessibleName("")
        self.warning_bar.setAccessibleName("")
        self.warning_bar.hide()

    # ----------------------------------------------------------------- full screen

    def set_full_screen(self, on: bool) -> None:
        """Fill the screen with the page (menu bar and notice line hidden), or go back."""
        if on == self.isFullScreen():
            return
        if on:
            self._was_maximized = self.isMaximized()
            self.showFullScreen()
        elif getattr(self, "_was_maximized", False):
            self.showMaximized()
        else:
            self.showNormal()

    def showEvent(self, event: QShowEvent) -> None:
        self._reserve_foot()  # the theme's style sheet is in place by now
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.StyleChange, QEvent.Type.FontChange):
            self._reserve_foot()
            self._place_warning()
        if event.type() == QEvent.Type.WindowStateChange:
            full = self.isFullScreen()
            self.menuBar().setVisible(not full)
            self.statusBar().setVisible(not full)
            self.full_screen_action.blockSignals(True)
            self.full_screen_action.setChecked(full)
            self.full_screen_action.blockSignals(False)
            app = QApplication.instance()
            if app is not None:
                if full:
                    app.installEventFilter(self)
                else:
                    app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In full screen, Escape in this window leaves full screen (and nothing else)."""
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not (isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            return False
        if event.modifiers() != Qt.KeyboardModifier.NoModifier or not self.isFullScreen():
            return False
        if not (isinstance(watched, QWidget) and watched.window() is self):
            return False  # a dialog or the sound popover keeps its own Escape
        event.accept()  # an accepted override keeps the page's Escape shortcut from firing
        if kind == QEvent.Type.KeyPress:
            self.set_full_screen(False)
        return True

    # ----------------------------------------------------------------- window

    def bring_forward(self) -> None:
        if self.isMinimized():
            self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def allow_close(self) -> None:
        """Let the next close through (quitting: Qt 6 aborts quit if a window refuses)."""
        self._closing_allowed = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if getattr(self, "_closing_allowed", False):
            event.accept()
            return
        event.ignore()
        self.close_requested.emit()
