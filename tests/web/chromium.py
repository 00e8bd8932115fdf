"""Real headless Chromium (Debian's package), driven over the DevTools protocol with websockets."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--remote-debugging-port=0",
]


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            raise AssertionError(
                "chromium is missing: scripts/test.py installs it (apt-get install chromium)"
            )
        pytest.skip("chromium is not installed (python3 scripts/test.py installs it)")
    return found


class Page:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.ids = itertools.count(1)
        self.events: list[dict] = []

    async def call(self, method: str, **params: Any) -> dict:
        call_id = next(self.ids)
        await self.ws.send(json.dumps({"id": call_id, "method": method, "params": params}))
        while True:
            message = json.loads(await self.ws.recv())
            if message.get("id") == call_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    async def evaluate(self, expression: str) -> Any:
        result = await self.call(
            "Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True
        )
        if "exceptionDetails" in result:
            raise RuntimeError(result["exceptionDetails"])
        return result["result"].get("value")

    async def wait_for(self, expression: str, timeout: float = 10.0) -> Any:
        """Poll until the expression is truthy in the page; return its value."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            try:
                value = await self.evaluate(expression)
            except RuntimeError:
                value = None  # the page is still loading: its elements are not there yet
            if value:
                return value
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"the page never showed: {expression}")
            await asyncio.sleep(0.1)

    async def screenshot(self, path: Path) -> None:
        data = await self.call("Page.captureScreenshot", format="png")
        path.write_bytes(base64.b64decode(data["data"]))


class Chromium:
    """One headless browser with one page, sized like a phone unless told otherwise."""

    def __init__(self, width: int = 412, height: int = 915) -> None:
        self.width, self.height = width, height
        self.process: asyncio.subprocess.Process | None = None
        self.profile = tempfile.mkdtemp(prefix="tribune-chromium-")

    async def __aenter__(self) -> Page:
        self.process = await asyncio.create_subprocess_exec(
            chromium_path(),
            *FLAGS,
            f"--user-data-dir={self.profile}",
            f"--window-size={self.width},{self.height}",
            "about:blank",
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.PIPE,
        )
        port = await self._devtools_port()
        targets = []
        for _ in range(100):  # DevTools may print its port a moment before it answers
            try:
                targets = [t for t in await _get_json(port, "/json/list") if t["type"] == "page"]
            except (OSError, ValueError, IndexError):
                targets = []
            if targets:
                break
            await asyncio.sleep(0.1)
        page_url = next(t["webSocketDebuggerUrl"] for t in targets if t["type"] == "page")
        self.ws = await connect(page_url, max_size=64 * 1024 * 1024)
        page = Page(self.ws)
        await page.call("Page.enable")
        await page.call("Runtime.enable")
        await page.call(
            "Emulation.setDeviceMetricsOverride",
            width=self.width,
            height=self.height,
            deviceScaleFactor=1,
            mobile=self.width < 800,
        )
        return page

    async def _devtools_port(self) -> int:
        assert self.process is not None and self.process.stderr is not None
        while True:
            line = await asyncio.wait_for(self.process.stderr.readline(), 30)
            if not line:
                raise RuntimeError("chromium exited before DevTools was up")
            match = re.search(rb"DevTools listening on ws://127\.0\.0\.1:(\d+)/", line)
            if match:
                return int(match.group(1))

    async def __aexit__(self, *exc: object) -> None:
        try:
            await self.ws.close()
        finally:
            if self.process is not None and self.process.returncode is None:
                self.process.kill()
                await self.process.wait()
            shutil.rmtree(self.profile, ignore_errors=True)


async def _get_json(port: int, path: str) -> Any:
    """A tiny HTTP GET on the event loop itself: no executor threads left behind (a qasync loop
    would run them as QThreads that outlive the test). DevTools keeps the connection open, so
    the body is read by its Content-Length."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        await writer.drain()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), 5)
        length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))
        return json.loads(await asyncio.wait_for(reader.readexactly(length), 5))
    finally:
        writer.close()
