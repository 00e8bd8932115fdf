"""A websockets server on the qasync loop inside a QApplication, and N clients talking to it.

    python qt_loop_clients.py 300   # prints "OK 300" and exits 0

PySide6 6.12.0 on Python 3.11 loses a reference to None on every call that returns None; qasync
makes several such calls per socket event, and the process aborts ("Fatal Python error:
none_dealloc") after a couple of hundred clients. This is the shape of Tribune's own audience
server: one Qt application, one qasync loop, websockets on it.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


async def handler(ws) -> None:
    async for message in ws:
        data = json.loads(message)
        await ws.send(json.dumps({"ack": data["seq"], "echo": data}))


async def client(uri: str, number: int, messages: int = 3) -> None:
    from websockets.asyncio.client import connect

    async with connect(uri, proxy=None, open_timeout=30) as ws:
        for seq in range(messages):
            await ws.send(json.dumps({"client": number, "seq": seq}))
            reply = json.loads(await ws.recv())
            assert reply["ack"] == seq and reply["echo"]["client"] == number, reply


async def main(count: int, batch: int = 50) -> int:
    from websockets.asyncio.server import serve

    async with serve(handler, "127.0.0.1", 0) as server:
        port = server.sockets[0].getsockname()[1]
        done = 0
        while done < count:
            size = min(batch, count - done)
            await asyncio.gather(*(client(f"ws://127.0.0.1:{port}", done + i) for i in range(size)))
            done += size
    return done


def run(count: int) -> None:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    with loop:
        done = loop.run_until_complete(main(count))
    print(f"OK {done}", flush=True)


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
