"""Command line: `sereno [--lang] [--data-dir] [--text-size] [--screenshots DIR] [--version]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from app import __version__


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="sereno", description="Sereno, a calm helper after a data leak."
    )
    parser.add_argument("--lang", choices=["es_MX", "fr_FR", "en"])
    parser.add_argument(
        "--data-dir", type=Path, help="keep all data in this folder (portable mode)"
    )
    parser.add_argument("--text-size", type=int, choices=[100, 125, 150, 175])
    parser.add_argument("--theme", choices=["standard", "high_contrast"])
    parser.add_argument(
        "--screenshots",
        type=Path,
        metavar="DIR",
        help="render every page to numbered PNG files in DIR, then exit",
    )
    parser.add_argument("--version", action="version", version=f"Sereno {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Every file Sereno writes (notes, backups, PDFs it saves) is private to the person.
    previous_umask = os.umask(0o077)
    try:
        return _run(args)
    finally:
        os.umask(previous_umask)


def import_before_qt() -> None:
    """Import the modules without Qt before PySide6: once loaded, PySide6 reads the source
    of every module imported after it (for its `__feature__` switch), about 0.1 ms each."""
    import app.core.journeys  # noqa: F401
    import app.i18n  # noqa: F401
    import app.store.profiles  # noqa: F401


def _run(args: argparse.Namespace) -> int:
    from app.core import portable

    # Portable mode points the per-user folders inside the data folder before Qt starts.
    location = portable.find_location(args.data_dir)
    unusable = None
    if location.portable:
        try:
            portable.isolate(location.data_dir)
        except OSError as exc:  # a read-only stick or folder: said in plain words below
            unusable = exc
    import_before_qt()
    from app.store import STORAGE_ERRORS, StoreError
    from app.ui import application

    app = application.make_app()
    qt_translations = application.QtTranslations(app)
    if unusable is not None and not args.screenshots:
        application.tell_store_error(StoreError("cannot_write", type(unusable).__name__))
        return 1
    if args.screenshots:
        from app.ui.tour import write_screenshots

        count = write_screenshots(
            args.screenshots, qt_translations, args.lang, args.text_size, args.theme
        )
        print(f"{count} pages written to {args.screenshots}")
        return 0
    from app.store.profiles import DataDir, default_data_dir
    from app.ui.session import Session

    # The chooser first when several people use this computer, else their profile.
    session = Session(
        DataDir(location.data_dir or default_data_dir()),
        qt_translations,
        args.lang,
        args.text_size,
        args.theme,
    )
    # The safety net is up before any file is opened: whatever goes wrong says only its
    # kind and place, never what the file holds. Windows change with the person (chooser,
    # switching), so its messages stand on their own.
    restore = application.install_safety_net(None)
    try:
        try:
            if not session.start():
                return 0  # this person is open in another Sereno: it came forward
        except StoreError as error:
            session.shutdown()
            application.tell_store_error(error)
            return 1
        except STORAGE_ERRORS as exc:
            session.shutdown()
            application.tell_store_error(StoreError("cannot_write", type(exc).__name__))
            return 1
        except Exception:  # noqa: BLE001 - told plainly by the safety net, never printed
            sys.excepthook(*sys.exc_info())
            session.shutdown()
            return 1
        code = app.exec()
    finally:
        restore()
        session.shutdown()
    return code


if __name__ == "__main__":
    sys.exit(main())
