"""The audience server with real websocket clients over loopback."""

import asyncio
import json
import sqlite3
import urllib.request
from urllib.error import HTTPError

import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidStatus

from console.core import questions, speakers
from console.net.limits import Limits
from tests.net.serving import hello, receive, request, run, serving, ws_url


def ask(client_id, text="Quelle place pour les citoyens ?", **fields):
    return {"type": "ask", "ref": client_id, "client_id": client_id, "text": text, **fields}


def test_a_question_is_acknowledged_once_it_is_in_the_journal(tmp_path):
    async def scenario():
        async with serving(tmp_path) as (server, _opened):
            ws, welcome = await hello(server)
            assert welcome["type"] == "welcome" and welcome["role"] == "audience"
            assert welcome["state"]["event"]["title"] == "IA : la voie citoyenne"
            reply = await request(ws, ask("c1", "<img src=x><b>hi</b>", name="Ana"))
            assert reply["type"] == "ack" and reply["question"]["status"] == "pending"
            # At the moment of the ack, another connection to the file already sees the row.
            reader = sqlite3.connect(f"file:{tmp_path / 'event.db'}?mode=ro", uri=True)
            row = reader.execute("SELECT text, author, source, status FROM questions").fetchone()
            reader.close()
            assert row == ("<img src=x><b>hi</b>", "Ana", "audience", "pending")
            await ws.close()

    run(scenario())


def test_a_resent_question_is_stored_once(tmp_path):
    async def scenario():
        async with serving(tmp_path) as (server, opened):
            ws, _ = await hello(server)
            first = await request(ws, ask("c1"))
            await ws.close()
            # The phone lost the ack, reconnects and sends the same question again.
            ws, welcome = await hello(server)
            assert [q["client_id"] for q in welcome["mine"]] == ["c1"]
            again = await request(ws, ask("c1"))
            assert again["duplicate"] is True
            assert again["question"]["id"] == first["question"]["id"]
            assert len(opened.session.state.questions) == 1
            await ws.close()

    run(scenario())


def test_the_asker_follows_the_status_of_their_question(tmp_path):
    async def scenario():
        async with serving(tmp_path) as (server, opened):
            ws, _ = await hello(server)
            qid = (await request(ws, ask("c1")))["question"]["id"]
            session = opened.session
            for command, status in (
                (questions.ApproveQuestion(qid), "selected"),
                (questions.ShowQuestion(qid), "on_screen"),
                (questions.AnswerQuestion(qid), "answered"),
            ):
                session.execute(command)
                mine = await receive(
                    ws,
                    lambda m, status=status: (
                        m["type"] == "mine" and m["questions"][0]["status"] == status
                    ),
                )
                assert mine["questions"][0]["id"] == qid
            await ws.close()

    run(scenario())


def test_every_phone_sees_approved_questions_and_votes_once(tmp_path):
    async def scenario():
        async with serving(tmp_path) as (server, opened):
            asker, _ = await hello(server, device="phone-asker")
            qid = (await request(asker, ask("c1")))["question"]["id"]
            voter, _ = await hello(server, device="phone-voter")
            assert (await request(voter, {"type": "vote", "ref": 1, "question_id": qid}))[
                "code"
            ] == "not_votable"
            opened.session.execute(questions.ApproveQuestion(qid))
            state = await receive(voter, lambda m: m["type"] == "state" and m["state"]["questions"])
            assert state["state"]["questions"][0]["text"] == "Quelle place pour les citoyens ?"
            assert "device" not in json.dumps(state)  # no device ids leave the console
            ack = await request(voter, {"type": "vote", "ref": 2, "question_id": qid})
            assert (ack["votes"], ack["voted"]) == (1, True)
            ack = await request(voter, {"type": "vote", "ref": 3, "question_id": qid})
            assert ack["votes"] == 1  # one vote per device
            ack = await request(voter, {"type": "unvote", "ref": 4, "question_id": qid})
            assert ack["votes"] == 0
            for ws in (asker, voter):
                await ws.close()

    run(scenario())


def test_a_phone_that_slept_catches_up_on_reconnect(tmp_path):
    async def scenario():
        async with serving(tmp_path) as (server, opened):
            ws, _ = await hello(server, device="phone-sleepy")
            qid = (await request(ws, ask("c1")))["question"]["id"]
            await (await hello(server, device="phone-other"))[0].close()
            await ws.close()
            opened.session.execute(questions.ApproveQuestion(qid))
            opened.session.execute(questions.VoteQuestion(qid, "phone-sleepy"))
            opened.session.execute(speakers.CallNext("ouverture"))
            ws, welcome = await hello(server, device="phone-sleepy")
            assert welcome["mine"][0]["status"] == "selected"
            assert welcome["votes"] == [qid]
            assert welcome["state"]["speaker"]["label"] == "Thierry Beaudet"
            assert welcome["state"]["slot"]["timer"]["running"] is True
            await ws.close()

    run(scenario())


def test_rights_are_checked_on_the_server(tmp_path):
    async def scenario():
        async with serving(tmp_path, bridge_token="bridge-secret", moderator_token="") as (
            server,
            opened,
        ):
            display, welcome = await hello(server, role="display", device="")
            assert welcome["role"] == "display"
            assert (await request(display, ask("d1")))["code"] == "not_allowed"
            audience, _ = await hello(server)
            reply = await request(
                audience, {"type": "moderate", "ref": 1, "action": "approve", "question_id": "q1"}
            )
            assert reply["code"] == "not_allowed"
            _, refused = await hello(server, role="moderator", device="", token="anything")
            assert refused["code"] == "not_allowed"  # no moderator token configured: no moderation
            _, refused = await hello(server, role="bridge", device="", token="wrong")
            assert refused["code"] == "bad_token"
            bridge, welcome = await hello(
                server, role="bridge", device="", token="bridge-secret", name="chat"
            )
            reply = await request(bridge, ask("b1", "Depuis le direct : et l'environnement ?"))
            assert reply["type"] == "ack"
            assert opened.session.state.questions[reply["question"]["id"]].source == "bridge"
            assert (await request(bridge, {"type": "vote", "ref": 2, "question_id": "q1"}))[
                "code"
            ] == "not_allowed"
            for ws in (display, audience, bridge):
                await ws.close()

    run(scenario())


def test_a_moderator_with_the_token_moderates(tmp_path):
    async def scenario():
        async with serving(tmp_path, moderator_token="mod-secret") as (server, _opened):
            phone, _ = await hello(server)
            qid = (await request(phone, ask("c1")))["question"]["id"]
            moderator, _welcome = await hello(
                server, role="moderator", device="", token="mod-secret"
            )
            reply = await request(
                moderator, {"type": "moderate", "ref": 1, "action": "approve", "question_id": qid}
            )
            assert reply["events"] == ["question_approved"]
            reply = await request(
                moderator, {"type": "moderate", "ref": 2, "action": "answer", "question_id": "q99"}
            )
            assert reply["code"] == "unknown_question"
            for ws in (phone, moderator):
                await ws.close()

    run(scenario())


def test_bad_messages_get_an_error_and_the_server_carries_on(tmp_path, caplog):
    async def scenario():
        async with serving(tmp_path) as (server, _opened):
            ws, _ = await hello(server)
            for raw, code in (
                ("not json", "bad_json"),
                ('{"type": "teleport"}', "unknown_type"),
                ('{"type": "ask", "ref": 1, "client_id": "c1", "text": "?"}', "question_too_short"),
                (json.dumps(ask("c2", "x" * 501)), "question_too_long"),
            ):
                await ws.send(raw)
                reply = await receive(ws, lambda m: m["type"] == "error")
                assert reply["code"] == code
            reply = await request(ws, ask("c3", "Une\u202e question\u0000 propre ?"))
            assert reply["question"]["text"] == "Une question propre ?"
            await ws.close()
            # A client that never says hello is told so and let go.
            raw = await connect(ws_url(server))
            await raw.send('{"type": "ask", "client_id": "c1", "text": "sans bonjour"}')
            assert json.loads(await raw.recv())["code"] == "hello_required"
            await raw.close()

    run(scenario())
    assert any("bad_json" in record.getMessage() for record in caplog.records)


def test_oversized_messages_close_the_connection(tmp_path):
    async def scenario():
        async with serving(tmp_path) as (server, _opened):
            ws, _ = await hello(server)
            await ws.send(json.dumps(ask("c1", "x" * 20000)))
            with pytest.raises(ConnectionClosed) as closed:
                await asyncio.wait_for(ws.recv(), 5)
            assert closed.value.rcvd.code == 1009  # message too big
            ws, welcome = await hello(server)  # the server is fine
            assert welcome["type"] == "welcome"
            await ws.close()

    run(scenario())


def test_pages_from_elsewhere_cannot_connect(tmp_path):
    async def scenario():
        async with serving(tmp_path) as (server, _opened):
            with pytest.raises(InvalidStatus) as refused:
                await connect(ws_url(server), origin="http://evil.example")
            assert refused.value.response.status_code == 403
            ws = await connect(ws_url(server), origin=f"http://127.0.0.1:{server.port}")
            await ws.close()

    run(scenario())


def test_rate_limits_stop_a_flood_but_not_a_room(tmp_path):
    async def scenario():
        limits = Limits(device_warmup_seconds=0.5)
        async with serving(tmp_path, limits=limits) as (server, _opened):
            ws, _ = await hello(server, device="phone-flood")
            replies = [await request(ws, ask(f"c{i}", f"Question numéro {i} ?")) for i in range(8)]
            kinds = [r.get("code", r["type"]) for r in replies]
            assert "rate_limited" in kinds[5:]
            # A resend of a question already kept is acknowledged again, not charged.
            again = await request(ws, ask("c0", "Question numéro 0 ?"))
            assert again["type"] == "ack" and again["duplicate"]
            await ws.close()
            # Sixty phones behind one address (the venue's NAT), settled in, each ask: all pass.
            phones = [(await hello(server, device=f"phone-{i:04d}"))[0] for i in range(60)]
            await asyncio.sleep(0.6)
            replies = await asyncio.gather(
                *(
                    request(p, ask("c1", f"Question de la salle {i} ?"))
                    for i, p in enumerate(phones)
                )
            )
            assert all(r["type"] == "ack" for r in replies)
            for phone in phones:
                await phone.close()

    run(scenario())


def test_fresh_connections_from_one_machine_cannot_flood(tmp_path):
    async def scenario():
        async with serving(tmp_path, limits=Limits(device_warmup_seconds=60)) as (server, opened):
            # A script opens connection after connection with new device ids and asks at once.
            accepted = 0
            for i in range(40):
                ws, _ = await hello(server, device=f"script-{i:04d}")
                reply = await request(ws, ask("c1", f"Question automatique {i} ?"))
                accepted += reply["type"] == "ack"
                await ws.close()
            assert accepted <= 15  # the address's slack and one device's own allowance
            # Votes likewise: fresh devices from one address cannot stuff the count.
            qid = opened.session.execute(
                questions.ReceiveQuestion("Une question retenue ?", device_id="d", client_id="x")
            )[0].data["question_id"]
            opened.session.execute(questions.ApproveQuestion(qid))
            for i in range(60):
                ws, _ = await hello(server, device=f"voter-{i:04d}")
                await request(ws, {"type": "vote", "ref": 1, "question_id": qid})
                await ws.close()
            assert opened.session.state.questions[qid].votes <= 45

    run(scenario())


def test_no_phone_can_pass_for_the_moderator(tmp_path):
    async def scenario():
        async with serving(tmp_path, moderator_token="m") as (server, _opened):
            phone, _welcome = await hello(server, device="moderator")  # a valid phone id...
            moderator, _ = await hello(server, role="moderator", device="", token="m")
            await request(phone, ask("card-1", "Question du téléphone ?"))
            reply = await request(moderator, ask("card-1", "Question du carton ?"))
            # ...but not the moderators' id: their question is their own.
            assert reply["type"] == "ack" and not reply["duplicate"]
            assert reply["question"]["text"] == "Question du carton ?"
            for ws in (phone, moderator):
                await ws.close()

    run(scenario())


def test_odd_text_gets_an_error_not_a_broken_connection(tmp_path):
    async def scenario():
        async with serving(tmp_path) as (server, _opened):
            ws, _ = await hello(server)
            for raw in ('{"type": "sync", "ref": "\\ud800"}', '{"type": "sync", "ref": 1' + "0" * 5000 + "}",
                        '{"type": "ask", "client_id": "c1", "text": "Une \\udc00 question ?"}'):  # fmt: skip
                await ws.send(raw.replace("\\\\", "\\"))
                reply = await receive(ws, lambda m: m["type"] == "error")
                assert reply["code"] in ("bad_field", "bad_json")
            assert (await request(ws, ask("c2")))["type"] == "ack"  # still connected
            await ws.close()
            # A bridge whose name is not valid text is refused at hello.
            _, refused = await hello(server, role="bridge", device="", token="x", name="\ud800")
            assert refused["type"] == "error"

    run(scenario())


def test_sockets_count_against_their_address_before_hello(tmp_path):
    async def scenario():
        async with serving(tmp_path, limits=Limits(max_connections_per_address=3)) as (
            server,
            _opened,
        ):
            silent = [await connect(ws_url(server)) for _ in range(3)]  # never say hello
            extra = await connect(ws_url(server))
            reply = json.loads(await asyncio.wait_for(extra.recv(), 5))
            assert reply["code"] == "too_many_connections"
            for ws in [*silent, extra]:
                await ws.close()

    run(scenario())


def test_a_cap_on_connections(tmp_path):
    async def scenario():
        async with serving(tmp_path, limits=Limits(max_connections=3)) as (server, _opened):
            kept = [(await hello(server, device=f"phone-{i:04d}"))[0] for i in range(3)]
            with pytest.raises(InvalidStatus) as refused:
                await connect(ws_url(server))
            assert refused.value.response.status_code == 503
            for ws in kept:
                await ws.close()

    run(scenario())


def test_a_reader_that_never_reads_holds_no_one_up(tmp_path):
    async def scenario():
        async with serving(
            tmp_path,
            high_water=16 * 1024,
            hard_limit=256 * 1024,
            broadcast_interval=0.0,
            lagging_timeout=1.0,
        ) as (server, opened):
            # A client that completes the handshake and then never reads a byte.
            stuck, _ = await hello(server, device="phone-stuck", connect={"max_queue": 1})
            stuck.transport.pause_reading()
            healthy, _ = await hello(server, device="phone-healthy")
            session = opened.session
            qids = []
            for i in range(50):
                qid = session.execute(
                    questions.ReceiveQuestion(
                        f"Question {i} " + "é" * 480, device_id="d", client_id=str(i)
                    )
                )[0].data["question_id"]
                session.execute(questions.ApproveQuestion(qid))
                qids.append(qid)
            # Hundreds of state changes of ~50 kB each: far more than the kernel's buffers hold.
            for i in range(300):
                session.execute(questions.VoteQuestion(qids[i % 50], f"voter-{i}"))
                await asyncio.sleep(0.002)
            # The healthy phone has the latest state, promptly.
            final = await receive(
                healthy,
                lambda m: (
                    m["type"] == "state" and sum(q["votes"] for q in m["state"]["questions"]) == 300
                ),
                timeout=10,
            )
            assert {q["id"] for q in final["state"]["questions"]} == set(qids)
            # The stuck one was left behind with a bounded buffer (one state at most past the mark)...
            (stuck_client,) = [c for c in server.clients if c.device == "phone-stuck"]
            assert stuck_client.lagging_since is not None
            assert stuck_client.ws.transport.get_write_buffer_size() < 16 * 1024 + 64 * 1024
            # ...then cut off once it had been behind for longer than allowed.
            await asyncio.sleep(2.2)
            assert [c.device for c in server.clients] == ["phone-healthy"]
            await healthy.close()

    run(scenario())


def test_a_failed_write_is_said_to_the_phone(tmp_path):
    async def scenario():
        async with serving(tmp_path) as (server, opened):
            ws, _ = await hello(server)
            conn = opened.database.conn
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count = {pages}")
            replies = [
                await request(ws, ask(f"c{i}", "Une question assez longue " * 15)) for i in range(5)
            ]
            assert "unavailable" in [r.get("code") for r in replies]
            conn.execute("PRAGMA max_page_count = 1073741823")
            await ws.close()

    run(scenario())


def test_http_serves_the_page_and_nothing_outside_it(tmp_path):
    async def scenario():
        async with serving(tmp_path) as (server, _opened):
            base = f"http://127.0.0.1:{server.port}"

            def get(path):
                with urllib.request.urlopen(base + path, timeout=5) as reply:
                    return reply.status, reply.headers, reply.read()

            loop = asyncio.get_running_loop()
            status, headers, body = await loop.run_in_executor(None, get, "/")
            assert status == 200 and b"audience.js" in body
            assert "script-src 'self'" in headers["Content-Security-Policy"]
            status, headers, body = await loop.run_in_executor(None, get, "/qr.svg")
            assert headers["Content-Type"].startswith("image/svg+xml") and b"<svg" in body
            for path in ("/static/../../../etc/passwd", "/static/%2e%2e/secret", "/nothing"):
                with pytest.raises(HTTPError) as missing:
                    await loop.run_in_executor(None, get, path)
                assert missing.value.code == 404

    run(scenario())


def test_what_the_server_says_matches_the_published_schema(tmp_path):
    """docs/protocol.schema.json is what third parties build on: hold the server to it."""
    from pathlib import Path

    import jsonschema

    schema = json.loads(
        (Path(__file__).resolve().parents[2] / "docs" / "protocol.schema.json").read_text()
    )
    seen: list[dict] = []

    async def scenario():
        async with serving(tmp_path, moderator_token="m-token") as (server, opened):
            ws, welcome = await hello(server)
            seen.append(welcome)
            ack = await request(ws, ask("c1"))
            seen.append(ack)
            seen.append(
                await request(ws, {"type": "vote", "ref": 9, "question_id": ack["question"]["id"]})
            )
            moderator, welcome = await hello(server, role="moderator", device="", token="m-token")
            seen.append(welcome)
            seen.append(
                await request(
                    moderator,
                    {"type": "moderate", "ref": "m", "action": "approve", "question_id": "q1"},
                )
            )
            opened.session.execute(speakers.CallNext("ouverture"))
            # The state (with the speaker) and the asker's update come in either order.
            kinds: set[str] = set()

            def collect(message):
                if message["type"] == "mine" or (
                    message["type"] == "state" and message["state"]["speaker"]
                ):
                    seen.append(message)
                    kinds.add(message["type"])
                return kinds == {"mine", "state"}

            await receive(ws, collect)
            await ws.send("{")
            seen.append(await receive(ws, lambda m: m["type"] == "error"))
            for client in (ws, moderator):
                await client.close()

    run(scenario())
    validator = jsonschema.Draft202012Validator(schema)
    for message in seen:
        errors = list(validator.iter_errors(message))
        assert errors == [], (message["type"], [e.message for e in errors])
    # And what clients send, as the docs show it.
    for message in (
        {
            "type": "hello",
            "protocol": 1,
            "role": "audience",
            "device": "k3J9xQ0pLm2n8RtY4vB7wZ",
            "lang": "fr",
        },
        {
            "type": "ask",
            "ref": "Qm1",
            "client_id": "Qm1",
            "text": "Quelle place pour les citoyens ?",
            "name": "",
        },
        {
            "type": "moderate",
            "ref": 5,
            "action": "reject",
            "question_id": "q12",
            "reason": "hors sujet",
        },
    ):
        assert list(validator.iter_errors(message)) == []
