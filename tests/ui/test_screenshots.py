"""`sereno --screenshots` renders every page of every journey to PNG."""

import pytest
from PySide6.QtGui import QImage

from app.ui.application import QtTranslations
from app.ui.tour import write_screenshots


@pytest.mark.parametrize("lang", ["es_MX", "fr_FR"])
def test_screenshots_cover_first_run_and_home(qapp, tmp_path, lang):
    qt = QtTranslations(qapp)
    count = write_screenshots(tmp_path, qt, lang, 175, "high_contrast")
    qt.apply("en")
    files = sorted(tmp_path.glob("*.png"))
    assert count == len(files) >= 9
    assert any("home" in f.name for f in files)
    image = QImage(str(files[0]))
    assert image.width() >= 1000 and image.height() >= 600
