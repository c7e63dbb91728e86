"""A labelled text field: the label names the field for screen readers."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.ui.widgets.labels import Text


class TextField(QWidget):
    """Label above, field below; `value()` and `set_value()` for drafts."""

    def __init__(
        self, label: str, parent: QWidget | None = None, hint: str = "", max_length: int = 200
    ):
        super().__init__(parent)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(6)
        self.label = Text(label)
        self.edit = QLineEdit()
        self.edit.setMaxLength(max_length)
        self.edit.setAccessibleName(label)
        if hint:
            self.edit.setAccessibleDescription(hint)
            self.edit.setPlaceholderText(hint)
        self.label.setBuddy(self.edit)
        box.addWidget(self.label)
        box.addWidget(self.edit)
        self.setFocusProxy(self.edit)

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, text: str) -> None:
        if text != self.edit.text():
            self.edit.setText(text)


class SettingField(TextField):
    """A text field bound to one of the person's settings, saved as it is typed."""

    def __init__(self, label: str, controller, key: str, max_length: int = 60):
        super().__init__(label, max_length=max_length)
        self.controller, self.key = controller, key
        self._filling = False
        self.edit.textChanged.connect(self._store)

    def refresh(self) -> None:
        """Show the stored value (without writing it back)."""
        self._filling = True
        self.set_value(self.controller.setting(self.key))
        self._filling = False

    def _store(self, _text: str) -> None:
        if not self._filling:
            self.controller.set_setting(self.key, self.value().strip())
