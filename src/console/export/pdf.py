"""The report as a PDF, drawn by Qt from the same HTML (no browser, no extra dependency)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from . import charts
from .formats import to_html
from .labels import labels


def _application():
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            # From a terminal or a server: no screen is needed to draw a PDF.
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["tribune-export"])
    return app


def _svg_image(svg: str, scale: float = 2.0):
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    size = renderer.defaultSize()
    image = QImage(
        int(size.width() * scale), int(size.height() * scale), QImage.Format.Format_ARGB32
    )
    image.fill(0xFFFFFFFF)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def to_pdf(record: dict[str, Any], language: str, path: Path) -> Path:
    from PySide6.QtCore import QMarginsF, QUrl
    from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

    _application()
    zone = record["event"]["timezone"]
    svgs = {
        "timeline": charts.timeline(record["slots"], zone, labels(language)),
        "speaking": charts.speaking_bars(record["speaking"]["people"]),
    }
    document = QTextDocument()
    images = {}
    for name, svg in svgs.items():
        if svg:
            url = f"chart://{name}.png"
            document.addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(url), _svg_image(svg)
            )
            images[name] = url
    document.setHtml(to_html(record, language, images=images))
    writer = QPdfWriter(str(path))
    writer.setTitle(record["event"]["title"])
    writer.setCreator("Tribune")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(150)
    document.print_(writer)
    return path
