"""Render Sereno's SVG mark to the PNG, ICO and ICNS files the installers need.

Uses Qt's own SVG renderer (PySide6 is already in the project's venv), so no extra tool
is needed:  .venv/bin/python packaging/render_icons.py [--check]

Writes:
  packaging/linux/icons/<size>/sereno.png   for 16, 32, 48, 128, 256
  packaging/windows/sereno.ico              16-256 px, for the .exe and the installer
  packaging/macos/sereno.icns               16-1024 px, for the .app

With --check, renders to memory and fails if a committed PNG is missing or has the wrong
size, or if the mark is not drawn (an empty picture would mean a broken SVG).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "sereno.svg"
LINUX_SIZES = (16, 32, 48, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def opaque_share(image: QImage) -> float:
    """Fraction of pixels that are mostly opaque: the tile should fill most of the square."""
    w, h = image.width(), image.height()
    opaque = sum(
        1 for y in range(h) for x in range(w) if image.pixelColor(x, y).alpha() > 200
    )
    return opaque / (w * h)


def write_multi(path: Path, renderer: QSvgRenderer, sizes: tuple[int, ...], fmt: str) -> None:
    """ICO and ICNS hold several sizes. Qt's ICNS writer stores every power-of-two size
    from 16 px up to the image it is given; for ICO we assemble the container ourselves
    so that each size is rendered from the SVG, not scaled down from a big picture."""
    if fmt == "ico":
        path.write_bytes(build_ico([render(renderer, s) for s in sizes]))
        return
    image = render(renderer, sizes[-1])
    if not image.save(str(path), fmt):
        raise SystemExit(f"Qt could not write {path} (format {fmt})")


def build_ico(images: list[QImage]) -> bytes:
    """A Windows .ico with one PNG-compressed entry per size (Vista and later read these)."""
    import struct

    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    blobs = []
    for image in images:
        data = QByteArray()
        buf = QBuffer(data)
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buf, "PNG")
        buf.close()
        blobs.append((image.width(), bytes(data.data())))
    header = struct.pack("<HHH", 0, 1, len(blobs))
    offset = 6 + 16 * len(blobs)
    entries, payload = b"", b""
    for size, blob in blobs:
        dim = 0 if size >= 256 else size
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(blob), offset)
        payload += blob
        offset += len(blob)
    return header + entries + payload


def main(argv: list[str]) -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"{SVG}: not a valid SVG", file=sys.stderr)
        return 1
    check = "--check" in argv
    problems = []
    for size in LINUX_SIZES:
        image = render(renderer, size)
        if opaque_share(image) < 0.6:
            problems.append(f"{size} px: the mark is barely drawn")
        target = ROOT / "packaging" / "linux" / "icons" / str(size) / "sereno.png"
        if check:
            saved = QImage(str(target))
            if saved.isNull() or saved.width() != size or saved.height() != size:
                problems.append(f"{target.relative_to(ROOT)} missing or not {size}x{size}")
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not image.save(str(target), "PNG"):
                problems.append(f"could not write {target}")
    if not check:
        write_multi(ROOT / "packaging" / "windows" / "sereno.ico", renderer, ICO_SIZES, "ico")
        write_multi(ROOT / "packaging" / "macos" / "sereno.icns", renderer, ICNS_SIZES, "icns")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
