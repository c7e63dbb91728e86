"""One page for a list and, in its place, the form to add or change one of its items.

The shell moves through journeys in a fixed order, and a form that returns to its list is
not a step of one, so the to-do list and the call log each hold both. `editing` says which
is shown: "" for the list, otherwise the form's key (a kind of new item, or an item's id).
It is kept in the draft with the form's fields, so leaving the page loses nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.i18n import _
from app.ui.widgets.buttons import BigButton
from app.ui.widgets.labels import Text
from app.ui.widgets.page import KeptWidgets, PageBase

Draft = tuple[str, dict[str, Any]]


class ListFormPage(PageBase):
    """Subclass: build the list, make the form, fill it, save it; the switching is here."""

    unsaved = ""  # N_(): why Next waits while the form is open
    new_keys: tuple[str, ...] = ()  # the form's keys for a new item
    kept: tuple[str, ...] = ()  # the form's inputs kept as drafts, by attribute name
    lazy_form = False  # made when first opened (its widgets cost time at every restyle)

    # Building -----------------------------------------------------------------------
    def build(self, box: QVBoxLayout) -> None:
        self.editing = ""
        self.undo_button: BigButton | None = None
        self.list_view = QWidget()
        lst = QVBoxLayout(self.list_view)
        lst.setContentsMargins(0, 0, 0, 0)
        lst.setSpacing(16)
        self.build_list(lst)
        box.addWidget(self.list_view)
        self.form: Any = None
        if not self.lazy_form:
            self._form()

    def build_list(self, lst: QVBoxLayout) -> None:
        """Add the list's own widgets (use `add_cards` for the items)."""

    def add_cards(self, lst: QVBoxLayout) -> None:
        """The count line and the layout the items' cards are kept in."""
        self.count_label = Text()
        lst.addWidget(self.count_label)
        self.cards = QVBoxLayout()
        self.cards.setSpacing(16)
        self.cards_kept = KeptWidgets(self.cards)
        lst.addLayout(self.cards)

    def make_form(self) -> QWidget:
        """The form: a widget with `save_button` and `cancel_button`."""
        raise NotImplementedError

    def _form(self) -> Any:
        """The form, put just under the list the first time it is needed."""
        if self.form is None:
            self.form = self.make_form()
            self.form.hide()
            self.form.save_button.clicked.connect(self.save_form)
            self.form.cancel_button.clicked.connect(lambda _checked=False: self.close_form())
            for name in self.kept:
                self.keep(name, getattr(self.form, name))
            self.box.insertWidget(self.box.indexOf(self.list_view) + 1, self.form)
        return self.form

    # Model ----------------------------------------------------------------------------
    def values(self) -> dict:
        return {**super().values(), "editing": self.editing}

    def load(self) -> None:
        draft = self.controller.drafts.get(self.step.key)
        self.editing = str(draft.get("editing", ""))
        if self.editing not in ("", *self.new_keys) and self.item(self.editing) is None:
            self.editing = ""  # what was being changed is gone
        self.load_draft(draft)
        if self.editing or not self.lazy_form:
            self._form()
            self.update_form()
        super().load()  # the form's fields from the draft
        self._show_mode()

    def load_draft(self, draft: dict[str, Any]) -> None:
        """Read what else the page keeps in its draft."""

    def item(self, key: str) -> Any:
        """The item the form changes (None for a new one or one that is gone)."""
        raise NotImplementedError

    def validate(self) -> str | None:
        return _(self.unsaved) if self.editing else None

    # Switching ----------------------------------------------------------------------------
    def open_form(self, key: str) -> None:
        """Show the form for a new item (one of `new_keys`) or for the item with this id."""
        self.editing = key
        self._form()
        self.update_form()
        self._loading = True
        self.fill_form(key)
        self._loading = False
        self._save_draft()
        self._show_mode()
        self.focus_form(key)

    def close_form(self, save: Callable[[Draft], Any] | None = None) -> Any:
        """Back to the list with an empty form.

        `save(draft)` writes what the form held together with the page's draft, in one
        commit (see the actions' `draft` argument); without it only the draft is written.
        """
        self.editing = ""
        self._loading = True
        self.fill_form("")
        self._loading = False
        draft = (self.step.key, self.values())
        try:
            result = save(draft) if save is not None else self.controller.drafts.save(*draft)
        except Exception:
            self.load()  # nothing was written: the form is back as typed (its stored draft)
            raise
        self._show_mode()
        return result

    def update_form(self) -> None:
        """Bring the form's own choices up to date before it is filled."""

    def fill_form(self, key: str) -> None:
        """Fill the form for `key` ("" empties it)."""
        raise NotImplementedError

    def focus_form(self, key: str) -> None:
        """Put the keyboard on the form's first field to type in."""

    def show_form(self, key: str) -> None:
        """Make the form say what it is for (a heading, the fields an item allows)."""

    def save_form(self) -> None:
        """Check the form, then save it through `close_form(save=...)`."""
        raise NotImplementedError

    def _show_mode(self) -> None:
        editing = bool(self.editing)
        self.show_error(None)
        self.list_view.setVisible(not editing)
        if editing:
            self._form().setVisible(True)
            self.show_form(self.editing)
        else:
            if self.form is not None:
                self.form.hide()
            self.refresh()

    # The list ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the list from the model."""
        raise NotImplementedError

    def focus_undo(self) -> None:
        """After Done or Delete, the keyboard goes to the Undo left in the item's place."""
        if self.undo_button is not None:
            self.undo_button.setFocus(Qt.FocusReason.OtherFocusReason)
