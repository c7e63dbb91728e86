"""A row of buttons wraps onto a new line whenever its labels no longer fit, also after
a label changes (the row remembers its height until something in it changes)."""

from app.ui.widgets import BigButton
from app.ui.widgets.buttons import button_flow, buttons
from app.ui.widgets.labels import Card


def test_a_row_wraps_again_when_a_label_grows_and_unwraps_when_it_shrinks(qtbot):
    short, other = BigButton("Yes"), BigButton("No")
    row = buttons(short, other)
    qtbot.addWidget(row)
    row.show()
    flow = row.layout()
    width = short.sizeHint().width() + other.sizeHint().width() + 40
    long_label = "A much longer label that can no longer sit beside the other one"
    one_line = flow.heightForWidth(width)
    assert flow.heightForWidth(width) == one_line

    short.setText(long_label)
    assert short.sizeHint().width() > width
    two_lines = flow.heightForWidth(width)
    assert two_lines > one_line

    short.setText("Yes")
    assert flow.heightForWidth(width) == one_line
    other.hide()
    assert flow.heightForWidth(width) == one_line
    short.setText(long_label)
    assert flow.heightForWidth(width) == one_line  # alone on its line: nothing to wrap


def test_buttons_in_a_card_move_to_a_new_line_when_a_label_grows_in_the_same_width(qtbot):
    first, second = BigButton("Open"), BigButton("Done")
    card = Card()
    card.box.addLayout(button_flow(first, second))
    qtbot.addWidget(card)
    card.resize(first.sizeHint().width() + second.sizeHint().width() + 200, 400)
    card.show()
    qtbot.waitUntil(lambda: second.x() > first.x())
    assert second.y() == first.y()

    first.setText("A much longer label that can no longer sit beside the other one")
    qtbot.waitUntil(lambda: second.y() > first.y())
    assert second.x() == first.x()  # on its own line, at the left edge

    first.setText("Open")
    qtbot.waitUntil(lambda: second.y() == first.y())
    assert second.x() > first.x()
