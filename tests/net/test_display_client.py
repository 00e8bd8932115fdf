"""`tribune display URL` (the real command, a separate process) against a real console over
loopback: it follows the console, and comes back on its own when the console restarts."""

import asyncio
import os
import sys
from pathlib import Path

from console.app import open_event
from console.core import speakers
from console.net.display_client import websocket_url
from console.net.server import AudienceServer, ServerConfig
from console.paths import resource

ROOT = Path(__file__).resolve().parents[2]


def test_addresses_as_people_type_them():
    assert websocket_url("http://192.168.1.20:8765/") == "ws://192.168.1.20:8765/ws"
    assert websocket_url("192.168.1.20:8765") == "ws://192.168.1.20:8765/ws"
    assert websocket_url("https://console.example:443/?x=1") == "wss://console.example:443/ws"


async def wait_line(proc, wanted: str, timeout: float = 20) -> str:
    async def read() -> str:
        while True:
            line = (await proc.stdout.readline()).decode()
            if not line:
                raise AssertionError(f"the display exited before showing {wanted!r}")
            if wanted in line:
                return line

    return await asyncio.wait_for(read(), timeout)


def test_the_display_follows_and_survives_a_console_restart(tmp_path):
    db = tmp_path / "event.db"

    async def console(port: int):
        opened = open_event(db, None)
        server = AudienceServer(
            opened.session,
            ServerConfig(host="127.0.0.1", port=port),
            resource("web"),
            clock=opened.timebase.now,
        )
        await server.start()
        return opened, server

    async def scenario():
        opened, server = await console(0)
        port = server.port
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT / "src"))
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "console", "display", f"http://127.0.0.1:{port}/", "--view", "projection",
            "--name", "régie", "--print-changes", stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.DEVNULL, env=env,
        )  # fmt: skip
        try:
            await wait_line(proc, "CONNECTED")
            await wait_line(proc, "Ouverture")  # the holding card: what comes next
            (display,) = server.displays()
            assert (display.view, display.name) == ("projection", "régie")
            opened.session.execute(speakers.CallNext("ouverture"))
            await wait_line(proc, "Thierry Beaudet")
            # The console stops (a crash, a restart)...
            await server.stop()
            opened.close()
            await wait_line(proc, "DISCONNECTED")
            await asyncio.sleep(1.0)
            # ...and comes back on the same port, from its journal: the display finds it again.
            opened, server = await console(port)
            await wait_line(proc, "CONNECTED")
            opened.session.execute(speakers.CallNext())
            await wait_line(proc, "Jean Cattan")
        finally:
            proc.kill()
            await proc.wait()
            await server.stop()
            opened.close()

    asyncio.run(scenario())
