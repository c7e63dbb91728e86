"""Whole-row choices: icon, title and a one-line explanation, all one big click target."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPen
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.ui import theme
from app.ui.widgets.labels import Text, restyle


class _Indicator(QWidget):
    """A drawn round (one choice) or square (several choices) mark that follows the row."""

    def __init__(self, row: QPushButton, exclusive: bool):
        super().__init__(row)
        self.row, self.exclusive = row, exclusive
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        side = round(self.fontMetrics().height() * 1.1)
        return QSize(side, side)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt naming
        side = min(self.width(), self.height()) - 4
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        label = self.row.title_label
        colour = label.palette().color(label.foregroundRole())
        painter.setPen(QPen(colour, max(2, side // 10)))
        x, y = (self.width() - side) / 2, (self.height() - side) / 2
        if self.exclusive:
            painter.drawEllipse(x, y, side, side)
        else:
            painter.drawRoundedRect(x, y, side, side, 4, 4)
        if self.row.isChecked():  # a tick, as on paper: chosen, never the main button's fill
            painter.setPen(
                QPen(
                    colour,
                    max(3, side // 7),
                    Qt.PenStyle.SolidLine,
                    Qt.PenCapStyle.RoundCap,
                    Qt.PenJoinStyle.RoundJoin,
                )
            )
            painter.drawPolyline(
                [
                    QPointF(x + side * 0.24, y + side * 0.52),
                    QPointF(x + side * 0.43, y + side * 0.72),
                    QPointF(x + side * 0.78, y + side * 0.30),
                ]
            )


class ChoiceRow(QPushButton):
    """One answer: a checkable row whose whole surface is the target."""

    def __init__(
        self,
        value: str,
        title: str,
        explanation: str = "",
        exclusive: bool = True,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.value = value
        self.exclusive = exclusive  # a radio button for screen readers (app/ui/accessibility.py)
        self.setCheckable(True)
        self.setAutoDefault(False)
        self.setProperty("role", "choice")
        self.setAccessibleName(title)
        if explanation:
            self.setAccessibleDescription(explanation)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 6, 12, 6)
        row.setSpacing(theme.GAP_PX)
        self.indicator = _Indicator(self, exclusive)
        row.addWidget(self.indicator, 0, Qt.AlignmentFlag.AlignVCenter)
        words = QVBoxLayout()
        words.setSpacing(2)
        self.title_label = Text(title, "strong")
        words.addWidget(self.title_label)
        self.explanation_label = Text(explanation) if explanation else None
        if self.explanation_label:
            words.addWidget(self.explanation_label)
        for label in filter(None, (self.title_label, self.explanation_label)):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        row.addLayout(words, 1)
        self.toggled.connect(self._restyle)

    def _restyle(self) -> None:
        """The labels take the chosen row's text colour through their own `chosen` property:
        Qt ignores an ancestor's `:checked` in a rule (`:checked QLabel` matched every row,
        black on black in high contrast), and properties need a re-polish to apply."""
        for label in filter(None, (self.title_label, self.explanation_label)):
            restyle(label, "chosen", self.isChecked())
            label.update()
        self.indicator.update()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt naming
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt naming
        return max(self.minimumHeight(), self.layout().totalHeightForWidth(width))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        hint = self.layout().totalSizeHint()
        return QSize(hint.width(), max(hint.height(), self.minimumHeight()))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt naming
        return QSize(self.layout().totalMinimumSize().width(), self.minimumHeight())


class ChoiceGroup(QWidget):
    """A list of ChoiceRows; exclusive (one answer) or not (several answers).

    Exclusivity is kept here rather than by QButtonGroup, so that Tab reaches every row
    (people who use the keyboard expect Tab, not the arrow keys). More than COLUMNS_FROM
    answers are laid out in two columns, read left to right then down, so that a long list
    (what was exposed: nine answers) stays on one screen at large text sizes.
    """

    COLUMNS_FROM = 6
    SHORT_FROM = 4
    changed = Signal()

    def __init__(self, exclusive: bool = True, name: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.exclusive = exclusive
        self.box = QGridLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(theme.GAP_PX)
        self.rows: list[ChoiceRow] = []
        self.items: list[tuple[str, str, str]] = []  # (value, title, explanation) per row
        if name:
            self.setAccessibleName(name)

    def add(self, value: str, title: str, explanation: str = "") -> ChoiceRow:
        row = ChoiceRow(value, title, explanation, self.exclusive)
        row.clicked.connect(lambda _checked=False, r=row: self._clicked(r))
        self.rows.append(row)
        self.items.append((value, title, explanation))
        self._place()
        return row

    def _place(self) -> None:
        columns = 2 if len(self.rows) >= self.COLUMNS_FROM else 1
        for i, row in enumerate(self.rows):
            self.box.addWidget(row, i // columns, i % columns)
        for column in range(2):
            self.box.setColumnStretch(column, 1 if column < columns else 0)
        self._fit_explanations()

    def _fit_explanations(self) -> None:
        """From 150 %, in a group of SHORT_FROM answers or more, each answer shows its title
        alone; its explanation stays its description for screen readers. Five answers with
        two lines of explanation each cannot share one screen with the question then."""
        large = self.font().pointSizeF() >= theme.BODY_PT * 1.5 - 0.5
        short = large and len(self.rows) >= self.SHORT_FROM
        for row in self.rows:
            if row.explanation_label is not None:
                row.explanation_label.setVisible(not short)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.FontChange:
            self._fit_explanations()
        super().changeEvent(event)

    def _clicked(self, row: ChoiceRow) -> None:
        if self.exclusive:
            for other in self.rows:
                other.setChecked(other is row)
        self.changed.emit()

    def add_all(self, items: Iterable[tuple[str, str, str]]) -> None:
        for value, title, explanation in items:
            self.add(value, title, explanation)

    def value(self) -> str:
        """The chosen value ("" when nothing is chosen) of an exclusive group."""
        return next((r.value for r in self.rows if r.isChecked()), "")

    def values(self) -> list[str]:
        return [r.value for r in self.rows if r.isChecked()]

    def set_value(self, value: str) -> None:
        self.set_values([value] if value else [])

    def set_values(self, values: Iterable[str]) -> None:
        wanted = set(values)
        for row in self.rows:
            row.setChecked(row.value in wanted)

    def on_change(self, callback: Callable[[], None]) -> None:
        self.changed.connect(callback)
