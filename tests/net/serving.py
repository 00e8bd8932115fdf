"""A real audience server on a real journal, on loopback, and real websocket clients."""

from __future__ import annotations

import asyncio
import json
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from websockets.asyncio.client import ClientConnection, connect

from console.app import open_event
from console.net.server import AudienceServer, ServerConfig
from console.paths import resource


@asynccontextmanager
async def serving(tmp_path: Path, **config: Any):
    opened = open_event(tmp_path / "event.db", None)
    limits = config.pop("limits", None)
    settings = ServerConfig(host="127.0.0.1", port=0, **config)
    if limits is not None:
        settings = replace(settings, limits=limits)
    server = AudienceServer(opened.session, settings, resource("web"), clock=opened.timebase.now)
    await server.start()
    try:
        yield server, opened
    finally:
        await server.stop()
        opened.close()


def ws_url(server: AudienceServer) -> str:
    return f"ws://127.0.0.1:{server.port}/ws"


async def hello(
    server: AudienceServer, role: str = "audience", device: str = "phone-0001", **extra: Any
) -> tuple[ClientConnection, dict]:
    ws = await connect(ws_url(server), **extra.pop("connect", {}))
    await ws.send(
        json.dumps({"type": "hello", "protocol": 1, "role": role, "device": device, **extra})
    )
    return ws, json.loads(await ws.recv())


async def request(
    ws: ClientConnection, message: dict, *, answer: str | None = None, timeout: float = 5
) -> dict:
    """Send a message and return the reply that answers it (skipping broadcasts)."""
    await ws.send(json.dumps(message))
    return await receive(
        ws, lambda m: m.get("ref") == message.get("ref") and m["type"] in ("ack", "error"), timeout
    )


async def receive(ws: ClientConnection, wanted, timeout: float = 5) -> dict:
    async def wait() -> dict:
        while True:
            message = json.loads(await ws.recv())
            if wanted(message):
                return message

    return await asyncio.wait_for(wait(), timeout)


def run(coro):
    return asyncio.run(coro)
