"""The one base class of every page: title, body, help, read-aloud text and drafts.

A page builds its widgets in `build()` from the current language, fills them from the
model in `load()` and writes back in `save()`. Changing language saves, rebuilds and
reloads, so nothing typed is lost. Inputs registered with `keep()` are kept as drafts in
the store as they are typed, so Back, Home, closing the window or a crash lose nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QCheckBox,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import i18n
from app.core.flow import Step
from app.i18n import N_, _
from app.ui import theme
from app.ui.widgets.choices import ChoiceGroup
from app.ui.widgets.fields import TextField
from app.ui.widgets.labels import Text

if TYPE_CHECKING:
    from app.ui.controller import Controller

GENERIC_HELP = N_(
    "Take your time: nothing here is timed. Answer what you can, then press Next. "
    "Back takes you to the page before, and keeps what you wrote."
)


def _get(widget: QWidget) -> Any:
    if isinstance(widget, (TextField, QLineEdit)):
        return widget.value() if isinstance(widget, TextField) else widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, ChoiceGroup):
        return widget.values()
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(type(widget))


def _set(widget: QWidget, value: Any) -> None:
    if isinstance(widget, TextField):
        widget.set_value(str(value))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, ChoiceGroup):
        widget.set_values(value if isinstance(value, list) else [])
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))


def _changed_signal(widget: QWidget):
    if isinstance(widget, TextField):
        return widget.edit.textChanged
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, ChoiceGroup):
        return widget.changed
    return widget.toggled


class PageBase(QWidget):
    """Subclass, set `title` (and `body`, `help`) with N_(), and fill `build()`."""

    title: str = ""
    body: str = ""
    help: str = ""

    def __init__(self, controller: Controller, step: Step, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller = controller
        self.step = step
        self.box = QVBoxLayout(self)
        self.box.setSpacing(theme.GAP_PX)
        # Below the last widget, room for its focus ring only: a wider margin alone made a
        # page that fits show a scroll bar and "More below" with nothing below.
        self.box.setContentsMargins(24, 8, 24, 8)
        self._fields: dict[str, QWidget] = {}
        self._loading = False
        self.built_language = ""
        self.render()

    # Building -----------------------------------------------------------------------
    def render(self) -> None:
        """Build every widget from scratch in the current language."""
        while self.box.count():
            item = self.box.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
            elif item.layout():
                clear_layout(item.layout())
        self._fields = {}
        body = Text(_(self.body)) if self.body else None
        if body is not None:
            self.box.addWidget(body)
        self.build(self.box)
        self.error_label = Text("", "error")
        self.error_label.hide()
        groups = self.findChildren(ChoiceGroup)
        for group in groups:
            # "Please choose an answer" never stays once the person has answered.
            group.changed.connect(lambda: self.show_error(None))
        # A missing answer is said right below the answers, wherever the page puts them.
        self.box.insertWidget(self._after_answers(groups), self.error_label)
        if body is not None and groups:
            # The answer first: on a question page the explanation goes below its answers,
            # so that at large text sizes the question and its answers share the screen.
            self.box.removeWidget(body)
            self.box.insertWidget(self.box.indexOf(self.error_label) + 1, body)
        self.box.addStretch(1)
        self.built_language = i18n.language()

    def _after_answers(self, groups: list[ChoiceGroup]) -> int:
        """The place in the page's box just after its last answers (the end without any)."""
        places = []
        for group in groups:
            holder = group
            while holder.parentWidget() is not None and holder.parentWidget() is not self:
                holder = holder.parentWidget()
            if self.box.indexOf(holder) >= 0:
                places.append(self.box.indexOf(holder))
        return max(places) + 1 if places else self.box.count()

    def build(self, box: QVBoxLayout) -> None:
        """Add the page's own widgets to `box`."""

    def keep(self, name: str, widget: QWidget) -> QWidget:
        """Register an input whose value is kept as a draft while the person types."""
        self._fields[name] = widget
        _changed_signal(widget).connect(self._save_draft)
        return widget

    # Model ----------------------------------------------------------------------------
    def load(self) -> None:
        """Fill the widgets: the drafts of kept inputs by default."""
        draft = self.controller.drafts.get(self.step.key)
        self._loading = True
        try:
            for name, widget in self._fields.items():
                if name in draft:
                    _set(widget, draft[name])
        finally:
            self._loading = False

    def save(self) -> None:
        """Write the page's values to the model when it is left (drafts by default)."""
        self._save_draft()

    def take_next(self) -> bool:
        """Next was pressed on a page that asks its form one field at a time: while a
        field is filled in, Next goes on inside the page (True, and the shell stays), so
        the page needs no second forward button of its own."""
        return False

    def go_on(self) -> None:
        """Next was pressed and the page is complete: what the person asked for by pressing
        it (an action; `save` follows, as for every way of leaving)."""

    def values(self) -> dict[str, Any]:
        return {name: _get(widget) for name, widget in self._fields.items()}

    def _save_draft(self, *args) -> None:
        if self._fields and not self._loading:
            self.controller.drafts.save(self.step.key, self.values())

    def forget_draft(self) -> None:
        self.controller.drafts.clear(self.step.key)

    # Shell hooks -------------------------------------------------------------------
    def page_title(self) -> str:
        return _(self.title)

    def help_text(self) -> str:
        return _(self.help or GENERIC_HELP)

    def validate(self) -> str | None:
        """A plain sentence saying what is missing, or None when Next may go on."""
        return None

    def next_text(self) -> str:
        return _("Next")

    def show_error(self, message: str | None) -> None:
        self.error_label.setText(message or "")
        self.error_label.setVisible(bool(message))

    def read_aloud_text(self) -> str:
        """The title and every visible text of the page, in reading order."""
        parts = [self.page_title()]
        for label in self.findChildren(Text):  # the name, which is plain even on rich text
            if label.isVisibleTo(self) and label.accessibleName():
                parts.append(label.accessibleName())
        return "\n".join(parts)


def clear_layout(layout) -> None:
    """Empty a layout: its widgets gone at once for readers and focus, deleted just after."""
    while layout.count():
        item = layout.takeAt(0)
        if item.widget():
            item.widget().hide()
            item.widget().deleteLater()
        elif item.layout():
            clear_layout(item.layout())


class KeptWidgets:
    """A layout filled again and again from the model, rebuilding only what changed.

    Each entry is (key, make): a widget made for a key is kept and put back in its new place
    while the key comes back; the key must hold everything the widget shows. Entries with
    key None are made anew each time. Making and styling new widgets was most of the time a
    list page took to show.
    """

    def __init__(self, layout) -> None:
        self.layout = layout
        self.made: dict[Any, QWidget] = {}

    def fill(self, entries: list[tuple[Any, Any]]) -> list[QWidget]:
        kept: dict[Any, QWidget] = {}
        order: list[QWidget] = []
        for key, make in entries:
            widget = self.made.pop(key, None) if key is not None else None
            if widget is None:
                widget = make()
            if key is not None:
                kept[key] = widget
            order.append(widget)
        current = [self.layout.itemAt(i).widget() for i in range(self.layout.count())]
        if len(current) == len(order) and all(a is b for a, b in zip(current, order, strict=True)):
            self.made = kept
            return order  # nothing moved: the layout stays as Qt laid it out
        staying = {id(w) for w in order}
        while self.layout.count():
            item = self.layout.takeAt(0)
            if item.widget() is not None and id(item.widget()) not in staying:
                item.widget().hide()
                item.widget().deleteLater()
            elif item.layout() is not None:
                clear_layout(item.layout())
        self.made = kept
        for widget in order:
            self.layout.addWidget(widget)
            widget.show()  # now, not at the next turn of the event loop: focus can go there
        return order
