"""Command line: `sereno [--lang] [--data-dir] [--text-size] [--screenshots DIR] [--version]`."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app import __version__


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="sereno", description="Sereno, a calm helper after a data leak.")
    parser.add_argument("--lang", choices=["es_MX", "fr_FR", "en"])
    parser.add_argument("--data-dir", type=Path, help="keep all data in this folder (portable mode)")
    parser.add_argument("--text-size", type=int, choices=[100, 125, 150, 175])
    parser.add_argument("--theme", choices=["standard", "high_contrast"])
    parser.add_argument("--screenshots", type=Path, metavar="DIR",
                        help="render every page to numbered PNG files in DIR, then exit")
    parser.add_argument("--version", action="version", version=f"Sereno {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    from app.store import StoreError
    from app.ui import application

    app = application.make_app()
    qt_translations = application.QtTranslations(app)
    if args.screenshots:
        from app.ui.tour import write_screenshots

        count = write_screenshots(args.screenshots, qt_translations, args.lang, args.text_size, args.theme)
        print(f"{count} pages written to {args.screenshots}")
        return 0
    from app.store.profiles import default_data_dir

    try:
        store = application.open_store(args.data_dir or default_data_dir())
    except StoreError as error:
        application.tell_store_error(error)
        return 1
    window = application.build_window(store, qt_translations, args.lang, args.text_size)
    if args.theme:
        window.controller.set_setting("theme", args.theme)
    window.show()
    application.tell_recovery(window, store)
    code = app.exec()
    store.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
