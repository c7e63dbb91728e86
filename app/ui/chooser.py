""" "Who is using Sereno?": the window shown before any person's notes are open.

It belongs to no journey (no profile is open yet, so there is no controller): the session
(app/ui/session.py) shows it when several people use this computer, and opens the person
chosen. It speaks the language most of them chose, at the largest text size any chose.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QScrollArea, QVBoxLayout, QWidget

from app import i18n
from app.i18n import _, ngettext
from app.store.profiles import DataDir, Profile
from app.ui import theme
from app.ui.widgets import BigButton, ButtonRow, Text
from app.ui.widgets.labels import Title


def shown_name(profile: Profile, number: int) -> str:
    return profile.name or _("Someone without a name ({number})").format(number=number)


class ChooserWindow(QWidget):
    """ "Who is using Sereno?": one big button per person, and "Someone new"."""

    chosen = Signal(str)
    someone_new = Signal()

    def __init__(self, folder: DataDir, qt_translations=None, language: str | None = None):
        super().__init__()
        self.folder = folder
        people = folder.profiles()
        languages = [p.language for p in people if p.language]
        lang = language or (
            max(set(languages), key=languages.count) if languages else i18n.system_language()
        )
        i18n.set_language(lang)
        if qt_translations is not None:
            qt_translations.apply(i18n.language())
        size = max([p.text_size for p in people] + [100])
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        app = QApplication.instance()
        font = app.font()
        font.setPointSize(theme.metrics(size).body_pt)
        app.setFont(font)
        app.setStyleSheet(theme.stylesheet(theme.palette_for("", dark), theme.metrics(size)))
        self.setWindowTitle(_("Sereno"))
        self.resize(*theme.WINDOW_SIZE)
        outer = QVBoxLayout(self)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        box = QVBoxLayout(inner)
        box.setContentsMargins(24, 12, 24, 24)
        box.setSpacing(theme.GAP_PX)
        self.title = Title(_("Who is using Sereno?"))
        box.addWidget(self.title)
        box.addWidget(Text(_("Press your name. Each person's notes are kept apart.")))
        self.buttons: dict[str, BigButton] = {}
        for number, person in enumerate(people, 1):
            name = shown_name(person, number)
            button = BigButton(
                name, primary=True, description=_("Open the notes of {name}").format(name=name)
            )
            button.clicked.connect(lambda _c=False, pid=person.id: self.chosen.emit(pid))
            self.buttons[person.id] = button
            box.addWidget(ButtonRow(button))
        self.new_button = BigButton(
            _("Someone new"), description=_("Start Sereno for a new person.")
        )
        self.new_button.clicked.connect(self.someone_new.emit)
        box.addWidget(ButtonRow(self.new_button))
        left_out = len(folder.unreadable())
        self.left_out = (
            Text(
                ngettext(
                    "The notes of one person could not be read, so they are not shown here. "
                    "A helper can look at them.",
                    "The notes of {n} people could not be read, so they are not shown here. "
                    "A helper can look at them.",
                    left_out,
                ).format(n=left_out)
            )
            if left_out
            else None
        )
        if self.left_out is not None:
            box.addWidget(self.left_out)
        box.addStretch(1)
        scroll.setWidget(inner)
        outer.addWidget(scroll)
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
