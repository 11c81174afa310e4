"""Routine cards for the picker: a list model over routines and a delegate that paints each card.

Painting reads only the routine and the palette; no pixmaps or widgets per card, so a repaint of
the list costs a few text draws per visible card.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from acumat_desktop.core.routines import GOAL_LABELS, POSITION_LABELS, Routine
from acumat_desktop.ui.words import mid_sentence

ROUTINE_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
FAVOURITE_ROLE = Qt.ItemDataRole.UserRole + 3

_PAD = 12
_GAP = 4
_CHIP_PAD = 7
CARD_WIDTH = 300
"""The cards' width in a roomy window; COMPACT_CARD_WIDTH below ~760 px of picker."""
COMPACT_CARD_WIDTH = 232
SELECTED_TINT = 0.14
"""How much of the accent colour tints a selected card (the contrast test uses it too)."""

AnyIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("RoutineCards", text, None, n)


def minutes_range(routine: Routine, long: bool = False) -> str:
    """``15–40 min`` (``15–40 minutes`` when ``long``, for screen readers)."""
    if routine.min_minutes == routine.max_minutes:
        text = _tr("%1 minutes") if long else _tr("%1 min")
        return text.replace("%1", str(routine.minutes))
    text = _tr("%1–%2 minutes") if long else _tr("%1–%2 min")
    return text.replace("%1", str(routine.min_minutes)).replace("%2", str(routine.max_minutes))


def _routines(text: str) -> str:
    """Goal and position words: core's data, translated where shown."""
    return QCoreApplication.translate("Routines", text)


def card_text(routine: Routine, favourite: bool = False) -> str:
    """What a screen reader says for a card (the painted text, in short sentences)."""
    goals = ", ".join(_routines(GOAL_LABELS[g]) for g in routine.goals)
    parts = [
        routine.name,
        routine.purpose,
        minutes_range(routine, long=True),
        _routines(POSITION_LABELS[routine.position]),
    ]
    if goals:
        parts.append(_tr("For %1").replace("%1", mid_sentence(goals)))
    if not routine.builtin:
        parts.append(_tr("Your routine"))
    if favourite:
        parts.append(_tr("Favourite"))
    return ". ".join(part.rstrip(".") for part in parts)


class RoutineListModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._routines: list[Routine] = []
        self._favourites: frozenset[str] = frozenset()

    def set_favourites(self, ids: Iterable[str]) -> None:
        favourites = frozenset(ids)
        if favourites == self._favourites:
            return
        self._favourites = favourites
        if self._routines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._routines) - 1, 0))

    def is_favourite(self, routine_id: str) -> bool:
        return routine_id in self._favourites

    def set_routines(self, routines: Sequence[Routine]) -> None:
        self.beginResetModel()
        self._routines = list(routines)
        self.endResetModel()

    def routines(self) -> list[Routine]:
        return list(self._routines)

    def row_of(self, routine_id: str) -> int:
        for row, routine in enumerate(self._routines):
            if routine.id == routine_id:
                return row
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._routines)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._routines):
            return None
        routine = self._routines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return routine.name
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return card_text(routine, routine.id in self._favourites)
        if role == ROUTINE_ROLE:
            return routine
        if role == ID_ROLE:
            return routine.id
        if role == FAVOURITE_ROLE:
            return routine.id in self._favourites
        return None


class RoutineCardDelegate(QStyledItemDelegate):
    """A card of a fixed width: the full name, wrapped when long (a small star first for a
    favourite; goal chips beside its first line), up to two lines of purpose, then minutes and
    position. The card keeps its width whatever the list shows, so nothing moves when the
    filter or the selection changes; the list sets it when the window's width class changes."""

    def __init__(self, parent: QObject | None = None, card_width: int = CARD_WIDTH) -> None:
        super().__init__(parent)
        self.card_width = card_width

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        routine = index.data(ROUTINE_ROLE)
        if not isinstance(routine, Routine):
            return QSize(self.card_width, 60)
        layout = _CardLayout.of(
            _CardFonts.of(option.font),
            routine,
            index.data(FAVOURITE_ROLE) is True,
            QRect(0, 0, self.card_width, 0),
        )
        return QSize(self.card_width, layout.height)

    def name_lines(self, font: QFont, routine: Routine, favourite: bool = False) -> list[str]:
        """The lines the card's name is painted on (the whole name, wrapped; tests read it)."""
        fonts = _CardFonts.of(font)
        return _CardLayout.of(fonts, routine, favourite, QRect(0, 0, self.card_width, 0)).name

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        routine = index.data(ROUTINE_ROLE)
        if not isinstance(routine, Routine):
            super().paint(painter, option, index)
            return
        palette: QPalette = option.palette
        rect = QRect(option.rect)
        rect.setWidth(min(rect.width(), self.card_width))
        fonts = _CardFonts.of(option.font)
        favourite = index.data(FAVOURITE_ROLE) is True
        layout = _CardLayout.of(fonts, routine, favourite, rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = _paint_frame(painter, option, QRectF(rect).adjusted(4, 3, -4, -3))
        if favourite:
            _paint_star(painter, palette, layout.star)
        painter.setFont(fonts.bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        for line, text in zip(layout.name_lines, layout.name, strict=True):
            painter.drawText(line, _LEFT, text)
        tint = _mix(fill, palette.color(QPalette.ColorRole.Highlight), 0.22)
        _paint_chips(painter, palette, tint, fonts, layout.chips)
        painter.setFont(fonts.base)
        for line, text in zip(layout.purpose_lines, layout.purpose, strict=True):
            painter.drawText(line, _LEFT, text)
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(layout.meta_line, _LEFT, layout.meta)
        painter.restore()


_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class _CardFonts:
    """The card's three fonts and their metrics: base text, the bold name and the small chips."""

    base: QFont
    fm: QFontMetrics
    bold: QFont
    bold_fm: QFontMetrics
    chip: QFont
    chip_fm: QFontMetrics

    @classmethod
    def of(cls, font: QFont) -> _CardFonts:
        base = QFont(font)
        bold = _bold_font(base)
        chip = QFont(base)
        chip.setPointSizeF(max(6.0, base.pointSizeF() * 0.85))
        return cls(base, QFontMetrics(base), bold, QFontMetrics(bold), chip, QFontMetrics(chip))


@dataclass(frozen=True)
class _CardLayout:
    """Where everything on one card goes, for a card in ``rect`` (its height is computed):
    measured once for ``sizeHint`` and again, identically, for painting."""

    star: QRectF
    name: list[str]
    name_lines: list[QRect]
    chips: list[tuple[QRectF, str]]
    purpose: list[str]
    purpose_lines: list[QRect]
    meta: str
    meta_line: QRect
    height: int

    @classmethod
    def of(cls, fonts: _CardFonts, routine: Routine, favourite: bool, rect: QRect) -> _CardLayout:
        left, top = rect.left() + 4 + _PAD, rect.top() + 3 + _PAD - 2
        width = rect.width() - 8 - 2 * _PAD
        names = [_routines(GOAL_LABELS[g]) for g in routine.goals]
        if not routine.builtin:
            names.append(QCoreApplication.translate("RoutineCards", "Yours"))
        line_h = fonts.bold_fm.height()
        chips: list[tuple[QRectF, str]] = []
        chip_h = fonts.chip_fm.height() + 2
        x = left + width
        for chip in reversed(names):
            chip_w = fonts.chip_fm.horizontalAdvance(chip) + 2 * _CHIP_PAD
            if x - chip_w < left + width // 2:  # chips never take more than half the line
                break
            chips.insert(0, (QRectF(x - chip_w, top + (line_h - chip_h) / 2, chip_w, chip_h), chip))
            x -= chip_w + _GAP
        size = fonts.bold_fm.ascent() * 0.8
        star = QRectF(left, top + (line_h - size) / 2, size, size)
        name_left = round(star.right() + _GAP + 2) if favourite else left
        name_width = (round(chips[0][0].left()) - _GAP if chips else left + width) - name_left
        name = wrap_text(routine.name, fonts.bold_fm, name_width, max_lines=3)
        name_lines = _rows(name_left, top, name_width, line_h, len(name))
        y = top + len(name) * line_h + _GAP + 2
        fm = fonts.fm
        purpose = wrap_text(routine.purpose, fm, width, max_lines=2)
        purpose_lines = _rows(left, y, width, fm.height(), len(purpose))
        y += len(purpose) * fm.height() + _GAP
        meta = f"{minutes_range(routine)}  ·  {_routines(POSITION_LABELS[routine.position])}"
        meta_line = QRect(left, y, width, fm.height())
        height = y + fm.height() + _PAD + 3 - rect.top()
        meta = fm.elidedText(meta, Qt.TextElideMode.ElideRight, width)
        return cls(star, name, name_lines, chips, purpose, purpose_lines, meta, meta_line, height)


def _rows(left: int, top: int, width: int, height: int, count: int) -> list[QRect]:
    return [QRect(left, top + i * height, width, height) for i in range(count)]


def wrap_text(text: str, fm: QFontMetrics, width: int, max_lines: int) -> list[str]:
    """``text`` broken at spaces into lines no wider than ``width``; the last allowed line is
    elided if the text goes on (a single word wider than a line is elided too)."""
    lines: list[str] = []
    words = text.split()
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and fm.horizontalAdvance(f"{line} {words[0]}") <= width:
            line = f"{line} {words.pop(0)}"
        if len(lines) == max_lines - 1 and words:
            line = f"{line} {' '.join(words)}"
            words = []
        lines.append(fm.elidedText(line, Qt.TextElideMode.ElideRight, width))
    return lines or [""]


def _paint_frame(painter: QPainter, option: QStyleOptionViewItem, card: QRectF) -> QColor:
    """The rounded card, tinted when hovered or selected, ringed when it has focus. Returns the
    card's fill."""
    palette: QPalette = option.palette
    state = option.state
    selected = bool(state & QStyle.StateFlag.State_Selected)
    focused = bool(state & QStyle.StateFlag.State_HasFocus)
    hovered = bool(state & QStyle.StateFlag.State_MouseOver)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    fill = palette.color(QPalette.ColorRole.Base)
    if selected:
        fill = _mix(fill, highlight, SELECTED_TINT)
    elif hovered:
        fill = _mix(fill, highlight, 0.06)
    border = highlight if selected else palette.color(QPalette.ColorRole.Mid)
    painter.setPen(border)
    painter.setBrush(fill)
    painter.drawRoundedRect(card, 8, 8)
    if selected and focused:
        pen = painter.pen()
        pen.setWidthF(2.0)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(card.adjusted(1, 1, -1, -1), 7, 7)
    return fill


def _paint_star(painter: QPainter, palette: QPalette, star: QRectF) -> None:
    """The favourite's star at the start of the name row."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_star_colour(palette))
    painter.drawPath(star_path(star))


def _paint_chips(
    painter: QPainter,
    palette: QPalette,
    chip_fill: QColor,
    fonts: _CardFonts,
    chips: Sequence[tuple[QRectF, str]],
) -> None:
    """The goal chips beside the name's first line."""
    painter.setFont(fonts.chip)
    for chip_rect, chip in chips:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip_fill)
        radius = chip_rect.height() / 2
        painter.drawRoundedRect(chip_rect, radius, radius)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(chip_rect, int(Qt.AlignmentFlag.AlignCenter), chip)


def star_path(rect: QRectF) -> QPainterPath:
    """A five-pointed star filling ``rect`` (drawn, not a glyph, so every font shows it)."""
    path = QPainterPath()
    centre = rect.center()
    outer = min(rect.width(), rect.height()) / 2
    inner = outer * 0.45
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        x = centre.x() + radius * math.cos(angle)
        y = centre.y() + radius * math.sin(angle) + outer * 0.08
        if i == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.closeSubpath()
    return path


def _star_colour(palette: QPalette) -> QColor:
    """A warm gold that reads on light and dark cards."""
    dark = palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5
    return QColor("#e0b341") if dark else QColor("#c9961a")


def _bold_font(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    bold.setPointSizeF(font.pointSizeF() * 1.08)
    return bold


def _bold_metrics(option: QStyleOptionViewItem) -> QFontMetrics:
    return QFontMetrics(_bold_font(QFont(option.font)))


def _mix(a: QColor, b: QColor, amount: float) -> QColor:
    return QColor(
        round(a.red() + (b.red() - a.red()) * amount),
        round(a.green() + (b.green() - a.green()) * amount),
        round(a.blue() + (b.blue() - a.blue()) * amount),
    )


__all__ = [
    "CARD_WIDTH",
    "COMPACT_CARD_WIDTH",
    "FAVOURITE_ROLE",
    "ID_ROLE",
    "ROUTINE_ROLE",
    "RoutineCardDelegate",
    "RoutineListModel",
    "card_text",
    "minutes_range",
    "star_path",
    "wrap_text",
]
