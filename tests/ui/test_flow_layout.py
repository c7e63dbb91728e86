"""A row of buttons wraps onto a new line whenever its labels no longer fit, also after
a label changes (the row remembers its height until something in it changes)."""
from app.ui.widgets import BigButton
from app.ui.widgets.buttons import buttons


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
