"""`tribune display URL`: follow a console on another machine as a read-only display, and come
back on its own when the console or the network goes away."""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidURI

from .protocol import PROTOCOL

log = logging.getLogger("console.net.display")
HEARTBEAT_SECONDS = 10.0


def websocket_url(address: str) -> str:
    """ws://HOST:PORT/ws from what a person types: http://HOST:PORT/, HOST:PORT, ws://…"""
    if "://" not in address:
        address = "http://" + address
    parts = urlsplit(address)
    scheme = {"https": "wss", "wss": "wss"}.get(parts.scheme, "ws")
    return f"{scheme}://{parts.netloc}/ws"


async def follow(
    address: str,
    view: str,
    on_state: Callable[[dict[str, Any], str], None],
    on_connected: Callable[[bool], None],
    *,
    name: str = "",
    language: str = "fr",
    stop: asyncio.Event | None = None,
) -> None:
    """Keep following the console until `stop` is set; reconnect with a backoff (up to 5 s)."""
    url = websocket_url(address)
    stop = stop or asyncio.Event()
    attempt = 0
    while not stop.is_set():
        try:
            async with connect(
                url, open_timeout=5, ping_interval=5, ping_timeout=5, max_size=4 * 1024 * 1024
            ) as ws:
                hello = {
                    "type": "hello",
                    "protocol": PROTOCOL,
                    "role": "display",
                    "view": view,
                    "lang": language,
                }
                if name:
                    hello["name"] = name
                await ws.send(json.dumps(hello))
                heartbeat = asyncio.get_running_loop().create_task(_heartbeat(ws))
                try:
                    page_url = ""
                    async for raw in ws:
                        message = json.loads(raw)
                        if message["type"] == "welcome":
                            attempt = 0
                            page_url = message.get("url", "")
                            on_connected(True)
                        if message["type"] in ("welcome", "state"):
                            on_state(message["state"], page_url)
                        elif message["type"] == "error":
                            log.warning("the console refused: %s", message.get("message"))
                finally:
                    heartbeat.cancel()
        except (OSError, ConnectionClosed, InvalidHandshake, TimeoutError) as error:
            log.info("display connection: %s", error)
        except InvalidURI:
            raise
        on_connected(False)
        attempt += 1
        delay = min(5.0, 0.25 * 2**attempt) * random.uniform(0.7, 1.0)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), delay)


async def _heartbeat(ws) -> None:
    """The console lists displays with when it last heard of them; tell it we are here."""
    while True:
        await asyncio.sleep(HEARTBEAT_SECONDS)
        await ws.send(json.dumps({"type": "sync"}))
