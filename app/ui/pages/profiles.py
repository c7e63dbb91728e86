"""People on this computer: who is using Sereno, names, a file to take away, erasing.

The chooser ("Who is using Sereno?") is a window of its own (app/ui/chooser.py), shown
before any profile is open. The journey's pages act on the open person (name, export,
erase), on the others (open, delete, bring in a file) and on the community-centre choice.
Opening, switching, erasing, saving to a file and bringing one in go through the session
(app/ui/session.py), which closes the old notes cleanly first; the words both use about
erasing and unreadable files are in app/ui/people.py.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QVBoxLayout

from app.i18n import N_, _
from app.ui import dialogs, theme
from app.ui.chooser import shown_name
from app.ui.pages.registry import register
from app.ui.people import (
    STORAGE_ERRORS,
    DataDir,
    Erased,
    Profile,
    describe,
    erased_text,
    store_error_text,
)
from app.ui.widgets import (
    BigButton,
    ButtonRow,
    Card,
    ChoiceGroup,
    Heading,
    PageBase,
    SettingField,
    Text,
)
from app.ui.widgets.page import clear_layout

FILE_FILTER = N_("Sereno files (*.sereno)")


# The journey's pages --------------------------------------------------------------------
def _session(controller):
    return getattr(controller, "session", None)


class MePage(PageBase):
    """The open person: their name, a file of their notes, erasing them."""

    title = N_("You on this computer")
    help = N_(
        "Your notes stay on this computer. To move them, save them to a file. Then "
        "bring that file in on the other computer, from “People on this computer”."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.name = SettingField(_("Your first name"), self.controller, "first_name")
        box.addWidget(self.name)
        take = Card(name=_("Take your notes to another computer"))
        take.box.addWidget(Heading(_("Take your notes to another computer")))
        take.box.addWidget(Text(_("Your notes file holds your details and your family's.")))
        take.box.addWidget(Text(_("Do not send it by WhatsApp or email: carry it on a USB stick.")))
        self.export_button = BigButton(_("Save my notes to a file"))
        self.export_button.clicked.connect(self.export)
        take.box.addWidget(ButtonRow(self.export_button))
        box.addWidget(take)
        erase = Card(name=_("Erase everything about me from this computer"))
        erase.box.addWidget(Heading(_("Erase everything about me from this computer")))
        erase.box.addWidget(Text(_("Sereno asks first, and says exactly what it will erase.")))
        self.erase_button = BigButton(
            _("Erase everything about me"),
            description=_("Erase everything about me from this computer"),
        )
        self.erase_button.clicked.connect(self.erase_me)
        erase.box.addWidget(ButtonRow(self.erase_button))
        box.addWidget(erase)

    def load(self) -> None:
        self.name.refresh()

    def export(self) -> Path | None:
        c = self.controller
        session = _session(c)
        if session is None:
            return None
        folder = c.setting("last_folder") or str(Path.home())
        suggested = (c.setting("first_name") or _("my-notes")) + ".sereno"
        path = dialogs.save_file(
            self, _("Save my notes to a file"), Path(folder) / suggested, _(FILE_FILTER)
        )
        if not path:
            return None
        try:
            saved = session.export(Path(path))
        except STORAGE_ERRORS:
            dialogs.tell(
                self,
                _(
                    "Sereno could not write the file there. Please choose another "
                    "place, such as a USB stick. Nothing was changed."
                ),
            )
            return None
        c.set_setting("last_folder", str(saved.parent))
        c.changed(_("Your notes are saved in {file}.").format(file=saved.name))
        return saved

    def erase_me(self) -> Erased | None:
        session = _session(self.controller)
        if session is None:
            return None
        name = self.controller.setting("first_name")
        question = _("Erase everything about you from this computer? This will erase:")
        text = f"{question}\n{describe(session.folder, session.profile_id, name)}\n" + _(
            "This cannot be undone."
        )
        if not dialogs.confirm(self, text, _("Yes, erase everything"), _("No, keep my notes")):
            return None
        self.save()
        return session.erase_current()


class PeoplePage(PageBase):
    """The other people on this computer: open, delete, or bring in a file."""

    title = N_("People on this computer")
    body = N_(
        "Each person has their own notes. Open someone else's, add a person, or bring "
        "in notes saved on another computer."
    )

    def build(self, box: QVBoxLayout) -> None:
        self.list = QVBoxLayout()
        self.list.setSpacing(theme.GAP_PX)
        self.new_button = BigButton(
            _("Someone new"), description=_("Start Sereno for a new person.")
        )
        self.new_button.clicked.connect(self.someone_new)
        self.import_button = BigButton(
            _("Bring in a file"),
            description=_("Bring in notes saved on another computer (a .sereno file)."),
        )
        self.import_button.clicked.connect(self.import_file)
        # Above the people, however many a volunteer's computer holds: in sight at 175 %.
        box.addWidget(ButtonRow(self.new_button, self.import_button))
        box.addLayout(self.list)

    def folder(self) -> DataDir | None:
        session = _session(self.controller)
        return session.folder if session else None

    def others(self) -> list[tuple[Profile, str]]:
        session = _session(self.controller)
        if session is None:
            return []
        people = session.folder.profiles()
        return [
            (p, shown_name(p, n)) for n, p in enumerate(people, 1) if p.id != session.profile_id
        ]

    def load(self) -> None:
        clear_layout(self.list)
        others = self.others()
        me = self.controller.setting("first_name")
        self.list.addWidget(Text(_("You: {name}").format(name=me) if me else _("You"), "heading"))
        if not others:
            self.list.addWidget(Text(_("Nobody else uses Sereno on this computer.")))
        self.open_buttons: dict[str, BigButton] = {}
        self.delete_buttons: dict[str, BigButton] = {}
        for person, name in others:
            card = Card(name=name)
            card.box.addWidget(Text(name, "heading"))
            open_button = BigButton(
                _("Open"), description=_("Open the notes of {name}").format(name=name)
            )
            open_button.setAccessibleName(_("Open: {name}").format(name=name))
            delete = BigButton(
                _("Delete"),
                description=_("Erase the notes of {name} from this computer").format(name=name),
            )
            delete.setAccessibleName(_("Delete: {name}").format(name=name))
            open_button.clicked.connect(lambda _c=False, pid=person.id: self.open(pid))
            delete.clicked.connect(lambda _c=False, pid=person.id, n=name: self.delete(pid, n))
            self.open_buttons[person.id], self.delete_buttons[person.id] = open_button, delete
            card.box.addWidget(ButtonRow(open_button, delete))
            self.list.addWidget(card)
        self.new_button.setEnabled(_session(self.controller) is not None)
        self.import_button.setEnabled(_session(self.controller) is not None)

    def open(self, profile_id: str) -> None:
        self.save()
        _session(self.controller).open(profile_id)

    def someone_new(self) -> None:
        session = _session(self.controller)
        if session is not None:
            session.new_person()

    def delete(self, profile_id: str, name: str) -> Erased | None:
        session = _session(self.controller)
        question = _("Delete {name} from this computer? This will erase:").format(name=name)
        text = f"{question}\n{describe(self.folder(), profile_id, name)}\n" + _(
            "This cannot be undone."
        )
        if session is None or not dialogs.confirm(self, text, _("Yes, delete"), _("No, keep")):
            return None
        try:
            erased = session.erase_other(profile_id)
        except STORAGE_ERRORS as error:
            dialogs.tell(self, store_error_text(error))
            return None
        dialogs.tell(self, erased_text(erased))
        self.load()
        self.controller.changed(_("{name} was deleted.").format(name=name))
        return erased

    def import_file(self) -> str | None:
        session = _session(self.controller)
        if session is None:
            return None
        start = self.controller.setting("last_folder") or str(Path.home())
        path = dialogs.choose_file(
            self, _("Bring in a file"), start, f"{_(FILE_FILTER)};;{_('All files (*)')}"
        )
        if not path:
            return None
        try:
            name = session.folder.peek(Path(path))
        except STORAGE_ERRORS as error:
            dialogs.tell(self, store_error_text(error))
            return None
        replace = session.folder.find_by_name(name)
        if replace is not None:
            text = _(
                "There are already notes for {name} on this computer. Replace them with "
                "the notes in the file?"
            ).format(name=name)
            if not dialogs.confirm(self, text, _("Yes, replace them"), _("No, keep both")):
                replace = None
        try:
            new_id = session.bring_in(Path(path), replace)
        except STORAGE_ERRORS as error:
            dialogs.tell(self, store_error_text(error))
            return None
        shown = name or _("This person")
        if session.window is not None and session.window.controller is self.controller:
            self.load()
            self.controller.changed(
                _("The notes of {name} are now on this computer.").format(name=shown)
            )
        return new_id

    def next_text(self) -> str:
        return _("Next")


class CentrePage(PageBase):
    """Whether this computer is shared, so notes are offered to be erased at closing."""

    title = N_("Is this computer shared?")
    body = N_("At a community centre, many people use the same computer.")

    def build(self, box: QVBoxLayout) -> None:
        self.group = ChoiceGroup(name=_(self.title))
        self.group.add_all(
            [
                (
                    "yes",
                    _("Yes, it is shared"),
                    _("When the window closes, Sereno asks whether to keep or erase your notes."),
                ),
                ("no", _("No, it is my own computer"), _("Your notes stay here for next time.")),
            ]
        )
        self.group.on_change(self.save)
        box.addWidget(self.group)

    def load(self) -> None:
        self._loading = True
        self.group.set_value("yes" if self.controller.setting("community_centre") else "no")
        self._loading = False

    def save(self) -> None:
        if not self._loading and self.group.value():
            self.controller.set_setting("community_centre", self.group.value() == "yes")

    def next_text(self) -> str:
        return _("Finish")


PAGES = register(
    "profiles",
    {
        "me": MePage,
        "people": PeoplePage,
        "centre": CentrePage,
    },
)
