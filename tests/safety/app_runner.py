"""Start Sereno's main() on a data folder, as another user if asked; used by test_damaged_files.

`python app_runner.py DATA_DIR [UID]`. Everything is imported first; then, given a UID, the
process takes that user's rights (so a folder that user may not write is read-only even
when the tests run as root). Messages and questions (app/ui/dialogs.py) are recorded
instead of shown, questions get their safe answer, and the event loop returns at once;
prints JSON: {"code": main's return, "messages": [[kind, text]...]}.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import importlib  # noqa: E402
import locale  # noqa: E402, F401 - argparse's own words go through gettext, which needs it
import pkgutil  # noqa: E402

from PySide6.QtWidgets import QApplication  # noqa: E402

import app  # noqa: E402
from app.__main__ import main  # noqa: E402

# Every module is imported before the rights are dropped: the source tree may sit in a
# folder the other user cannot read (a private temporary clone).
for module in pkgutil.walk_packages(app.__path__, "app."):
    importlib.import_module(module.name)
from app.ui import application  # noqa: E402
from tests.safety.running import Messages  # noqa: E402

messages = Messages()


def leave(*_args):
    for widget in QApplication.topLevelWidgets():
        widget.close()
    return 0


messages.put_in_place()
QApplication.exec = leave
qapp = application.make_app()

if len(sys.argv) > 2:
    os.seteuid(int(sys.argv[2]))
code = main(["--data-dir", sys.argv[1], "--lang", "en"])
print(json.dumps({"code": code, "messages": messages.shown}))
