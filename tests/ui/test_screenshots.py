"""`sereno --screenshots` renders every page of every journey to PNG."""

from PySide6.QtGui import QImage

from app.ui.application import QtTranslations
from app.ui.tour import write_screenshots


def test_screenshots_cover_first_run_and_home(qapp, tmp_path):
    qt = QtTranslations(qapp)
    # French at 175 % in high contrast: the longest words at the largest size (each
    # language's pages are toured in tests/ui/test_fits.py; this is the writing to PNG)
    count = write_screenshots(tmp_path, qt, "fr_FR", 175, "high_contrast")
    qt.apply("en")
    files = sorted(tmp_path.glob("*.png"))
    assert count == len(files) >= 9
    assert any("home" in f.name for f in files)
    image = QImage(str(files[0]))
    assert image.width() >= 1000 and image.height() >= 600
