"""Start Sereno's real main() on a data folder and keep its window up a moment.

`python start_runner.py DATA_DIR SECONDS`: messages and questions (app/ui/dialogs.py) are
recorded instead of shown (a question gets its safe answer); the event loop runs for SECONDS
(so a second start can find this one open), then the windows close. Prints JSON:
{"code": main's return, "messages": [[kind, text]...]}.
Used by test_one_window.py to start Sereno twice at once, as a double double-click does.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.__main__ import main  # noqa: E402
from tests.safety.running import Messages  # noqa: E402

messages = Messages()
seconds = float(sys.argv[2])
real_exec = QApplication.exec


def run_a_moment(*_args):
    def leave():
        for widget in QApplication.topLevelWidgets():
            widget.close()
        QApplication.instance().quit()

    QTimer.singleShot(int(seconds * 1000), leave)
    return real_exec()


messages.put_in_place()
QApplication.exec = run_a_moment
code = main(["--data-dir", sys.argv[1], "--lang", "en"])
print(json.dumps({"code": code, "messages": messages.shown}))
