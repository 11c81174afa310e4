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
        palette: QPalette = option.palette
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card, fill = _paint_frame(painter, option)
        inner = card.toRect().adjusted(_PAD, _PAD - 2, -_PAD, -_PAD)
        fonts = _CardFonts.of(option.font)
        chips = [GOAL_LABELS[g] for g in routine.goals]
        if not routine.builtin:
            chips.append("Yours")
        chips_width = sum(fonts.chip_fm.horizontalAdvance(c) + 2 * _CHIP_PAD + _GAP for c in chips)
        name_rect = QRect(inner.left(), inner.top(), inner.width(), fonts.bold_fm.height())
        if index.data(FAVOURITE_ROLE) is True:
            _paint_star(painter, palette, name_rect, fonts.bold_fm)
        name_width = max(40, name_rect.width() - chips_width - _GAP)
        painter.setFont(fonts.bold)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(
            name_rect.adjusted(0, 0, name_width - name_rect.width(), 0),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fonts.bold_fm.elidedText(routine.name, Qt.TextElideMode.ElideRight, name_width),
        )
        tint = _mix(fill, palette.color(QPalette.ColorRole.Highlight), 0.22)
        _paint_chips(painter, palette, tint, fonts, chips, inner.right(), name_rect, name_width)
        _paint_lines(painter, palette, fonts, routine, inner, name_rect.bottom() + _GAP + 2)
        painter.restore()


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


def _paint_frame(painter: QPainter, option: QStyleOptionViewItem) -> tuple[QRectF, QColor]:
    """The rounded card, tinted when hovered or selected, ringed when it has focus. Returns the
    card's rectangle and fill."""
    palette: QPalette = option.palette
    state = option.state
    selected = bool(state & QStyle.StateFlag.State_Selected)
    focused = bool(state & QStyle.StateFlag.State_HasFocus)
    hovered = bool(state & QStyle.StateFlag.State_MouseOver)
    card = QRectF(option.rect).adjusted(4, 3, -4, -3)
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
    return card, fill


def _paint_star(painter: QPainter, palette: QPalette, name_rect: QRect, fm: QFontMetrics) -> None:
    """The favourite's star at the start of the name row, which then starts after it."""
    size = fm.ascent() * 0.8
    star = QRectF(name_rect.left(), name_rect.center().y() - size / 2, size, size)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(_star_colour(palette))
    painter.drawPath(star_path(star))
    name_rect.setLeft(round(star.right() + _GAP + 2))


def _paint_chips(
    painter: QPainter,
    palette: QPalette,
    chip_fill: QColor,
    fonts: _CardFonts,
    chips: Sequence[str],
    right: int,
    name_rect: QRect,
    name_width: int,
) -> None:
    """Goal chips from the right edge leftwards, as many as fit beside the name."""
    painter.setFont(fonts.chip)
    x = right
    chip_h = fonts.chip_fm.height() + 2
    chip_y = name_rect.top() + (name_rect.height() - chip_h) / 2
    for chip in reversed(chips):
        width = fonts.chip_fm.horizontalAdvance(chip) + 2 * _CHIP_PAD
        chip_rect = QRectF(x - width, chip_y, width, chip_h)
        if chip_rect.left() < name_rect.left() + name_width:
            break
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(chip_fill)
        painter.drawRoundedRect(chip_rect, chip_h / 2, chip_h / 2)
        painter.setPen(palette.color(QPalette.ColorRole.Text))
        painter.drawText(chip_rect, int(Qt.AlignmentFlag.AlignCenter), chip)
        x -= width + _GAP


def _paint_lines(
    painter: QPainter,
    palette: QPalette,
    fonts: _CardFonts,
    routine: Routine,
    inner: QRect,
    top: int,
) -> None:
    """The purpose, then minutes and position in the muted colour, each elided to one line."""
    fm = fonts.fm
    align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    painter.setFont(fonts.base)
    line = QRect(inner.left(), top, inner.width(), fm.height())
    painter.setPen(palette.color(QPalette.ColorRole.Text))
    painter.drawText(
        line, align, fm.elidedText(routine.purpose, Qt.TextElideMode.ElideRight, inner.width())
    )
    line.translate(0, fm.height() + _GAP)
    painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
    meta = f"{minutes_range(routine)}  ·  {POSITION_LABELS[routine.position]}"
    painter.drawText(line, align, fm.elidedText(meta, Qt.TextElideMode.ElideRight, inner.width()))


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
