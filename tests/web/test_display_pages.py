"""The web views of the room's screens, in real headless Chromium, following the console."""

from pathlib import Path

import pytest

from console.core import displays, speakers
from tests.web.chromium import Chromium
from tests.web.test_audience_page import audience_server, run_on_qt_loop

SHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.mark.parametrize("view", ["projection", "stage", "lower-third"])
def test_each_web_view_follows_the_next_speaker(qapp, opened, view):
    session = opened.session
    session.execute(speakers.CallNext("ouverture"))

    async def scenario():
        async with audience_server(opened) as server, Chromium(1280, 720) as page:
            await page.call("Page.navigate", url=f"http://127.0.0.1:{server.port}/display/{view}")
            text = "document.body.innerText"
            await page.wait_for(f"{text}.includes('Thierry Beaudet')")
            assert [c.view for c in server.displays()] == [view]  # the console lists it
            session.execute(speakers.CallNext())  # the moderator calls the next speaker
            await page.wait_for(
                f"{text}.includes('Jean Cattan') && !{text}.includes('Thierry Beaudet')"
            )
            if view == "projection":
                assert await page.evaluate("document.getElementById('detail').textContent") == (
                    "Secrétaire général du Conseil national du numérique, CNNum"
                )
                assert await page.evaluate("document.getElementById('qr').naturalWidth") > 0
                session.execute(displays.SetProjection("blackout"))
                await page.wait_for("document.body.classList.contains('blackout')")
                session.execute(displays.SetProjection("live"))
                await page.wait_for("!document.body.classList.contains('blackout')")
            if view == "stage":
                session.execute(displays.SendStageMessage("Merci de conclure"))
                await page.wait_for(
                    "document.getElementById('message').textContent === 'Merci de conclure'"
                )
                countdown = await page.evaluate("document.getElementById('countdown').textContent")
                assert countdown.count(":") == 1
            if view == "lower-third":
                background = await page.evaluate("getComputedStyle(document.body).backgroundColor")
                assert background in ("rgba(0, 0, 0, 0)", "transparent")  # for OBS
            await page.screenshot(SHOTS / f"web-{view}.png")

    run_on_qt_loop(qapp, scenario())


def test_the_stage_message_stays_off_the_phones(qapp, opened):
    opened.session.execute(displays.SendStageMessage("Merci de conclure"))

    async def scenario():
        async with audience_server(opened) as server, Chromium() as page:
            await page.call("Page.navigate", url=f"http://127.0.0.1:{server.port}/")
            await page.wait_for("document.getElementById('event-title').textContent.length > 7")
            assert "Merci de conclure" not in await page.evaluate("document.body.innerText")

    run_on_qt_loop(qapp, scenario())
