"""Plain HTTP on the websocket port: the audience page, its assets and the QR code."""

from __future__ import annotations

import mimetypes
from http import HTTPStatus
from pathlib import Path

import segno
from websockets.datastructures import Headers
from websockets.http11 import Response

# The pages need nothing from elsewhere: no CDN, no fonts, no third-party script.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-cache",
}
PAGES = {
    "/": "audience/index.html",
    "/index.html": "audience/index.html",
    "/display/projection": "display/projection.html",
    "/display/stage": "display/stage.html",
    "/display/lower-third": "display/lower-third.html",
}


def response(
    status: HTTPStatus, body: bytes, content_type: str, extra: dict[str, str] | None = None
) -> Response:
    headers = Headers(
        {"Content-Type": content_type, "Content-Length": str(len(body)), **SECURITY_HEADERS}
    )
    for key, value in (extra or {}).items():
        headers[key] = value
    return Response(status.value, status.phrase, headers, body)


def text_response(status: HTTPStatus, text: str) -> Response:
    return response(status, (text + "\n").encode(), "text/plain; charset=utf-8")


def qr_svg(url: str) -> bytes:
    """A QR code for the audience page, dark on light so that any phone reads it."""
    import io

    buffer = io.BytesIO()
    # A standalone SVG (with its namespace): an <img> shows nothing without it.
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=8, dark="#000000", light="#ffffff", border=2
    )
    return buffer.getvalue()


def qr_png(url: str, scale: int = 10) -> bytes:
    """The same code as a PNG, for Qt windows."""
    import io

    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


class StaticSite:
    """Files under `root` (resources/web), served by path, never outside it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def get(self, path: str) -> Response:
        path = path.split("?", 1)[0].split("#", 1)[0]
        relative = PAGES.get(path)
        if relative is None:
            if not path.startswith("/static/"):
                return text_response(HTTPStatus.NOT_FOUND, "Not found")
            relative = path.removeprefix("/static/")
        file = (self.root / relative).resolve()
        if not file.is_relative_to(self.root) or not file.is_file():
            return text_response(HTTPStatus.NOT_FOUND, "Not found")
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type in (
            "application/javascript",
            "image/svg+xml",
        ):
            content_type += "; charset=utf-8"
        return response(HTTPStatus.OK, file.read_bytes(), content_type)
