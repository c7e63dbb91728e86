"""The large building blocks every page is made of."""

from app.ui.widgets.buttons import BigButton, ButtonRow
from app.ui.widgets.choices import ChoiceGroup, ChoiceRow
from app.ui.widgets.fields import SettingField, TextField
from app.ui.widgets.labels import Card, Heading, Text, Title
from app.ui.widgets.page import PageBase

__all__ = [
    "BigButton",
    "ButtonRow",
    "Card",
    "ChoiceGroup",
    "ChoiceRow",
    "Heading",
    "PageBase",
    "SettingField",
    "Text",
    "TextField",
    "Title",
]
