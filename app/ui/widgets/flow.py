"""A row of buttons that wraps onto the next line when the text is large or the window narrow."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    """Left to right, wrapping; keeps the theme's gap between targets both ways."""

    def __init__(self, parent: QWidget | None = None, gap: int = 16):
        super().__init__(parent)
        self.gap = gap
        self.items: list[QLayoutItem] = []
        # Qt asks heightForWidth many times per layout pass, for a few widths; each answer
        # holds until Qt invalidates the layout (an item added, hidden, resized or retexted).
        self._height_for: dict[int, int] = {}
        self._minimum: QSize | None = None
        self._placed: QRect | None = None  # where the items were last put, until invalidated

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt naming
        self.items.append(item)
        self.invalidate()

    def invalidate(self) -> None:
        self._height_for.clear()
        self._minimum = None
        self._placed = None
        super().invalidate()

    def count(self) -> int:
        return len(self.items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt naming
        return self.items[index] if 0 <= index < len(self.items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt naming
        if not 0 <= index < len(self.items):
            return None
        self.invalidate()
        return self.items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt naming
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        if width not in self._height_for:
            self._height_for[width] = self._place(QRect(0, 0, width, 0), move=False)
        return self._height_for[width]

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt naming
        super().setGeometry(rect)
        if rect != self._placed:  # Qt sets the same rectangle again on every layout pass
            self._place(rect, move=True)
            self._placed = QRect(rect)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt naming
        if self._minimum is None:  # asked as often as the height, and held as long
            size = QSize()
            for item in self.items:
                size = size.expandedTo(item.minimumSize())
            m = self.contentsMargins()
            self._minimum = size + QSize(m.left() + m.right(), m.top() + m.bottom())
        return self._minimum

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self.items:
            if item.widget() is not None and item.widget().isHidden():
                continue
            hint = item.sizeHint()
            if x > area.x() and x + hint.width() > area.right() + 1:
                x, y, line = area.x(), y + line + self.gap, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.gap
            line = max(line, hint.height())
        return y + line - rect.y() + m.bottom()
