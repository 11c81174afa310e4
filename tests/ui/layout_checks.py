"""Layout checks for widget tests: no clipped words, no overlapping siblings, nothing outside its
parent. Each returns a list of readable problems (empty when all is well)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QLabel,
    QLayout,
    QWidget,
)

TOLERANCE = 1  # px: rounding in font metrics


def _name(widget: QWidget) -> str:
    text = ""
    if isinstance(widget, QLabel | QAbstractButton):
        text = widget.text()
    return f"{type(widget).__name__}({widget.objectName() or text[:30]!r})"


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget is root or widget.isVisibleTo(root)


def _in_scroll_content(widget: QWidget, root: QWidget) -> bool:
    """Inside a scroll area's content: its own size may exceed what shows (it scrolls)."""
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def clipped_words(root: QWidget) -> list[str]:
    """Labels and buttons too small for their words: a plain label or a button narrower than its
    size hint, a word-wrapped label shorter than its text needs at its width."""
    problems = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, QLabel | QAbstractButton) or not _shown(widget, root):
            continue
        if not widget.text() and not (isinstance(widget, QAbstractButton) and widget.icon()):
            continue
        width, height = widget.width(), widget.height()
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(width)
            if needed > height + TOLERANCE:
                problems.append(f"{_name(widget)} needs {needed} px of height, has {height}")
            continue
        hint = widget.sizeHint()
        if hint.width() > width + TOLERANCE:
            problems.append(f"{_name(widget)} needs {hint.width()} px, has {width}")
    return problems


def _layout_widgets(layout: QLayout) -> list[QWidget]:
    found = []
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item is None:
            continue
        widget, inner = item.widget(), item.layout()
        if widget is not None:
            found.append(widget)
        elif inner is not None:
            found.extend(_layout_widgets(inner))
    return found


def overlaps(root: QWidget) -> list[str]:
    """Siblings placed by the same layout that overlap, and children that reach outside their
    parent (where the parent is not a scroll area's content)."""
    problems = []
    for parent in [root, *root.findChildren(QWidget)]:
        layout = parent.layout()
        if layout is None or not _shown(parent, root):
            continue
        placed = [w for w in _layout_widgets(layout) if _shown(w, root) and not w.isWindow()]
        for i, first in enumerate(placed):
            for second in placed[i + 1 :]:
                common = first.geometry().intersected(second.geometry())
                if common.width() > TOLERANCE and common.height() > TOLERANCE:
                    problems.append(f"{_name(first)} overlaps {_name(second)} in {_name(parent)}")
            inside = parent.rect().adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
            if not inside.contains(first.geometry()) and not _in_scroll_content(first, root):
                problems.append(
                    f"{_name(first)} at {first.geometry().getRect()} outside {_name(parent)} "
                    f"{parent.rect().getRect()}"
                )
    return problems
