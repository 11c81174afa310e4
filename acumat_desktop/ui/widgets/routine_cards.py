"""Routine cards for the picker: a list model over routines and a delegate that paints each card.

Painting reads only the routine and the palette; no pixmaps or widgets per card, so a repaint of
the list costs a few text draws per visible card.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
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

ROUTINE_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
FAVOURITE_ROLE = Qt.ItemDataRole.UserRole + 3

_PAD = 12
_GAP = 4
_CHIP_PAD = 7

AnyIndex = QModelIndex | QPersistentModelIndex


def minutes_range(routine: Routine) -> str:
    if routine.min_minutes == routine.max_minutes:
        return f"{routine.minutes} min"
    return f"{routine.min_minutes}–{routine.max_minutes} min"


def card_text(routine: Routine, favourite: bool = False) -> str:
    """What a screen reader says for a card (the painted text, in one sentence)."""
    goals = ", ".join(GOAL_LABELS[g] for g in routine.goals)
    parts = [
        routine.name,
        routine.purpose,
        minutes_range(routine).replace("min", "minutes"),
        POSITION_LABELS[routine.position],
    ]
    if goals:
        parts.append(f"for {goals.lower()}")
    if not routine.builtin:
        parts.append("your routine")
    if favourite:
        parts.append("favourite")
    return ". ".join(parts)


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
    """Name (with a small star for a favourite) and goal chips, the one-line purpose, then
    minutes and position."""

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        fm = option.fontMetrics
        height = 2 * _PAD + _bold_metrics(option).height() + 2 * (fm.height() + _GAP) + 6
        return QSize(260, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        routine = index.data(ROUTINE_ROLE)
        if not isinstance(routine, Routine):
            super().paint(painter, option, index)
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        state = option.state
        selected = bool(state & QStyle.StateFlag.State_Selected)
        focused = bool(state & QStyle.StateFlag.State_HasFocus)
        hovered = bool(state & QStyle.StateFlag.State_MouseOver)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = QRectF(rect).adjusted(4, 3, -4, -3)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        fill = palette.color(QPalette.ColorRole.Base)
        if selected:
            fill = _mix(fill, highlight, 0.14)
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

        text_colour = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        inner = card.toRect().adjusted(_PAD, _PAD - 2, -_PAD, -_PAD)
        base_font = QFont(option.font)
        fm = QFontMetrics(base_font)
        bold = _bold_font(base_font)
        bfm = QFontMetrics(bold)

        chips = [GOAL_LABELS[g] for g in routine.goals]
        if not routine.builtin:
            chips.append("Yours")
        chip_font = QFont(base_font)
        chip_font.setPointSizeF(max(6.0, base_font.pointSizeF() * 0.85))
        cfm = QFontMetrics(chip_font)
        chips_width = sum(cfm.horizontalAdvance(c) + 2 * _CHIP_PAD + _GAP for c in chips)

        name_rect = QRect(inner.left(), inner.top(), inner.width(), bfm.height())
        if index.data(FAVOURITE_ROLE) is True:
            size = bfm.ascent() * 0.8
            star = QRectF(name_rect.left(), name_rect.center().y() - size / 2, size, size)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_star_colour(palette))
            painter.drawPath(star_path(star))
            name_rect.setLeft(round(star.right() + _GAP + 2))
        name_width = max(40, name_rect.width() - chips_width - _GAP)
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(
            name_rect.adjusted(0, 0, name_width - name_rect.width(), 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            bfm.elidedText(routine.name, Qt.TextElideMode.ElideRight, name_width),
        )

        painter.setFont(chip_font)
        x = inner.right()
        chip_h = cfm.height() + 2
        chip_y = name_rect.top() + (name_rect.height() - chip_h) / 2
        for chip in reversed(chips):
            width = cfm.horizontalAdvance(chip) + 2 * _CHIP_PAD
            chip_rect = QRectF(x - width, chip_y, width, chip_h)
            if chip_rect.left() < name_rect.left() + name_width:
                break
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(_mix(fill, highlight, 0.22))
            painter.drawRoundedRect(chip_rect, chip_h / 2, chip_h / 2)
            painter.setPen(text_colour)
            painter.drawText(chip_rect, int(Qt.AlignmentFlag.AlignCenter), chip)
            x -= width + _GAP

        painter.setFont(base_font)
        y = name_rect.bottom() + _GAP + 2
        line = QRect(inner.left(), y, inner.width(), fm.height())
        painter.setPen(text_colour)
        painter.drawText(
            line,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(routine.purpose, Qt.TextElideMode.ElideRight, inner.width()),
        )
        line.translate(0, fm.height() + _GAP)
        painter.setPen(muted)
        meta = f"{minutes_range(routine)}  ·  {POSITION_LABELS[routine.position]}"
        painter.drawText(
            line,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(meta, Qt.TextElideMode.ElideRight, inner.width()),
        )
        painter.restore()


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
    "FAVOURITE_ROLE",
    "ID_ROLE",
    "ROUTINE_ROLE",
    "RoutineCardDelegate",
    "RoutineListModel",
    "card_text",
    "minutes_range",
    "star_path",
]
