"""What screen readers are told about Sereno's own widgets, beyond what Qt says by itself.

Qt describes a QLabel as plain text and a checkable QPushButton as a check box. Sereno's
page titles and section headings are headings, level 1 and 2 (so Orca's "next heading"
key finds them), and an answer row of a one-answer question is a radio button ("radio
button, not selected"), not a check box. Qt asks every installed factory for a widget's
accessible interface, trying the widget's own class name first, so these interfaces take
the place of Qt's for these classes only.
"""

from __future__ import annotations

from PySide6.QtGui import QAccessible, QAccessibleAttributesInterface
from PySide6.QtWidgets import QAccessibleWidget
from shiboken6 import Shiboken

_installed = False


class _Level(QAccessibleAttributesInterface):
    """A heading's level: 1 for the page title, 2 for a section ("heading level 2")."""

    def __init__(self, level: int):
        super().__init__()
        self.level = level

    def attributeKeys(self) -> list:  # noqa: N802 - Qt naming
        return [QAccessible.Attribute.Level]

    def attributeValue(self, key):  # noqa: N802 - Qt naming
        return self.level if key == QAccessible.Attribute.Level else None


class HeadingInterface(QAccessibleWidget):
    """A title or heading label: the Heading role and a level, its text as the name.

    An empty heading (filled later by its page) is not offered: a screen reader would
    announce "heading" with nothing after it."""

    def __init__(self, label, level: int):
        super().__init__(label, QAccessible.Role.Heading)
        self._level = _Level(level)

    def text(self, kind: QAccessible.Text) -> str:
        if kind == QAccessible.Text.Name:
            return self.widget().accessibleName() or self.widget().text()
        return super().text(kind)

    def state(self) -> QAccessible.State:
        state = super().state()
        if not self.widget().text():
            state.invisible = True
        return state

    def interface_cast(self, kind):
        """Qt asks for the level through here, as a C++ pointer: a null pointer when there
        is none of that kind, never None (that crashes)."""
        if kind == QAccessible.InterfaceType.AttributesInterface:
            return Shiboken.VoidPtr(Shiboken.getCppPointer(self._level)[0])
        found = super().interface_cast(kind)
        return Shiboken.VoidPtr(0) if found is None else found


class AnswerInterface(QAccessibleWidget):
    """An answer row: a radio button in a one-answer question, else a check box."""

    def __init__(self, row):
        super().__init__(row, QAccessible.Role.CheckBox)

    def role(self) -> QAccessible.Role:
        exclusive = getattr(self.widget(), "exclusive", False)
        return QAccessible.Role.RadioButton if exclusive else QAccessible.Role.CheckBox

    def state(self) -> QAccessible.State:
        state = super().state()
        state.checkable = True
        state.checked = self.widget().isChecked()
        return state

    def actionNames(self) -> list[str]:  # noqa: N802 - Qt naming
        return [QAccessibleWidget.toggleAction(), *super().actionNames()]

    def doAction(self, name: str) -> None:  # noqa: N802 - Qt naming
        if name in (QAccessibleWidget.toggleAction(), QAccessibleWidget.pressAction()):
            self.widget().click()
        else:
            super().doAction(name)


def factory(class_name: str, obj):
    """Qt's interface factory: an interface for Sereno's headings and answer rows, else None."""
    from app.ui.widgets.choices import ChoiceRow
    from app.ui.widgets.labels import Heading, Title

    if class_name in ("Title", "Heading") and isinstance(obj, (Title, Heading)):
        return HeadingInterface(obj, 1 if isinstance(obj, Title) else 2)
    if class_name == "ChoiceRow" and isinstance(obj, ChoiceRow):
        return AnswerInterface(obj)
    return None


def install() -> None:
    """Install the factory once per process (before the first window is shown)."""
    global _installed
    if not _installed:
        QAccessible.installFactory(factory)
        _installed = True
