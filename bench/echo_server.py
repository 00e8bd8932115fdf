"""The baseline for bench/audience_load.py: a bare websockets server on plain asyncio, no Qt, no
journal, that answers the same messages the same way (ack per ask, a broadcast on demand)."""

from __future__ import annotations

import asyncio
import json
import sys
from functools import partial

from websockets.asyncio.server import broadcast, serve

CLIENTS: set = set()
# Compact, like the console's own messages.
dumps = partial(json.dumps, separators=(",", ":"))


async def handler(ws) -> None:
    CLIENTS.add(ws)
    try:
        async for raw in ws:
            message = json.loads(raw)
            kind = message.get("type")
            if kind == "hello":
                await ws.send(dumps({"type": "welcome", "protocol": 1, "state": {}}))
            elif kind == "ask":
                await ws.send(
                    dumps(
                        {
                            "type": "ack",
                            "ref": message.get("ref"),
                            "question": {"id": message["client_id"]},
                        }
                    )
                )
            elif kind == "moderate":
                await ws.send(dumps({"type": "ack", "ref": message.get("ref")}))
                broadcast(
                    CLIENTS,
                    dumps(
                        {"type": "state", "state": {"questions": [{"id": message["question_id"]}]}}
                    ),
                )
    finally:
        CLIENTS.discard(ws)


async def main(port: int) -> None:
    async with serve(handler, "127.0.0.1", port, compression=None, max_size=8192) as server:
        print(f"echo: ready on {server.sockets[0].getsockname()[1]}", flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 0))
