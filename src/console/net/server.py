"""The audience server: one port for the phone page (HTTP) and the websocket clients, on the
application's asyncio loop.

Phones ask and vote; displays follow; bridges submit with a token; moderators moderate only when
a moderator token is configured. Every message is checked here, whatever the page allows. A
question is acknowledged only once it is in the journal.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from websockets.asyncio.server import Server, ServerConnection, broadcast, serve
from websockets.exceptions import ConnectionClosed
from websockets.http11 import Request, Response

from console.core import questions as q
from console.core.command import Command
from console.core.errors import DomainError, JournalError
from console.core.events import Event
from console.core.public import asker_view, device_questions, device_votes, public_state
from console.core.session import Outcome, Session
from console.core.state import SessionState

from . import protocol
from .http import StaticSite, qr_svg, response, text_response
from .limits import Bucket, Limits, RateLimiter

log = logging.getLogger("console.net")
PRIVATE_EVENTS = frozenset({"question_received", "note_added"})
BROADCAST_CHUNK = 250
LOGGED_REFUSALS = 20
CUT_OFF_REFUSALS = 500


@dataclass(frozen=True)
class ServerConfig:
    host: str = "0.0.0.0"
    port: int = 8765
    public_url: str = ""  # what the QR code says; found from the machine's address when empty
    bridge_token: str = ""
    moderator_token: str = ""
    limits: Limits = field(default_factory=Limits)
    broadcast_interval: float = 0.05  # at most one state broadcast per 50 ms
    batch_window: float = 0.002  # questions arriving within 2 ms share one durable write
    hello_timeout: float = 10.0
    high_water: int = 128 * 1024  # a client this far behind misses intermediate states
    hard_limit: int = 1024 * 1024  # and one this far behind, or behind for too long, is cut off
    lagging_timeout: float = 30.0


@dataclass(eq=False)
class Client:
    ws: ServerConnection
    role: str
    device: str
    address: str
    name: str
    connected_at: float
    last_seen: float
    bucket: Bucket
    view: str = "other"
    lagging_since: float | None = None
    refusals: int = 0

    @property
    def sees_displays_state(self) -> bool:
        return self.role in ("display", "moderator")


class CommandBatcher:
    """Gathers commands for a moment and runs them in one transaction: a burst of questions
    costs a few disk syncs, not one per question."""

    def __init__(self, session: Session, window: float) -> None:
        self.session = session
        self.window = window
        self._pending: list[tuple[Command, asyncio.Future[Outcome]]] = []
        self._handle: asyncio.TimerHandle | None = None

    def submit(self, command: Command) -> asyncio.Future[Outcome]:
        loop = asyncio.get_running_loop()
        future: asyncio.Future[Outcome] = loop.create_future()
        self._pending.append((command, future))
        if self._handle is None:
            self._handle = loop.call_later(self.window, self.flush)
        return future

    def flush(self) -> None:
        self._handle = None
        pending, self._pending = self._pending, []
        if not pending:
            return
        try:
            outcomes = self.session.execute_batch([command for command, _ in pending])
        except Exception as error:  # a JournalError, or a failure nobody foresaw
            if not isinstance(error, JournalError):
                log.exception("a batch of %d commands failed", len(pending))
                error = JournalError(str(error))
            for _, future in pending:
                if not future.done():
                    future.set_exception(error)
            return
        for (_, future), outcome in zip(pending, outcomes, strict=True):
            if not future.done():
                future.set_result(outcome)


class AudienceServer:
    def __init__(
        self,
        session: Session,
        config: ServerConfig,
        web_root: Path,
        clock: Callable[[], float] = time.time,
        on_clients_changed: Callable[[], None] | None = None,
    ) -> None:
        self.session = session
        self.config = config
        self.clock = clock
        self.site = StaticSite(web_root)
        self.limiter = RateLimiter(config.limits)
        self.batcher = CommandBatcher(session, config.batch_window)
        self.clients: set[Client] = set()
        self._sockets_at: dict[str, int] = defaultdict(int)
        self.by_device: dict[str, set[Client]] = defaultdict(set)
        self.on_clients_changed = on_clients_changed
        self.url = config.public_url
        self._server: Server | None = None
        self._state_messages: dict[bool, str] = {}
        self._dirty = True  # the room has not been told of the latest change yet
        self._stale = True  # the cached state messages are older than the state
        self._mine_dirty: set[str] = set()
        self._flush_handle: asyncio.Handle | None = None
        self._last_broadcast = 0.0
        self._watch_task: asyncio.Task[None] | None = None
        self._qr: bytes | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        session.subscribe(self._on_events)

    # --- life -----------------------------------------------------------------------------

    async def start(self) -> None:
        lim = self.config.limits
        self._loop = asyncio.get_running_loop()
        self._server = await serve(
            self._serve,
            self.config.host,
            self.config.port,
            process_request=self._process_request,
            compression=None,  # deflate per connection costs more CPU than 2,000 phones are worth
            max_size=lim.max_message_bytes,
            max_queue=8,
            write_limit=32 * 1024,
            ping_interval=20,
            ping_timeout=20,
            close_timeout=2,
            server_header="Tribune",
            logger=logging.getLogger("console.net.websockets"),
        )
        if not self.url:
            from .address import audience_url

            self.url = audience_url(self.config.host, self.port)
        self._watch_task = asyncio.get_running_loop().create_task(self._watch_lagging())
        log.info(
            "audience server on %s (listening on %s:%s)", self.url, self.config.host, self.port
        )

    @property
    def port(self) -> int:
        assert self._server is not None
        return self._server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        self.session.unsubscribe(self._on_events)
        if self._watch_task is not None:
            self._watch_task.cancel()
        if self._flush_handle is not None:
            self._flush_handle.cancel()
        if self._server is not None:
            self._server.close(close_connections=True)
            await self._server.wait_closed()
            self._server = None
        self.batcher.flush()

    def qr_code(self) -> bytes:
        if self._qr is None:
            self._qr = qr_svg(self.url)
        return self._qr

    # --- HTTP -----------------------------------------------------------------------------

    def _process_request(self, connection: ServerConnection, request: Request) -> Response | None:
        path = request.path
        if path == "/ws" or path.startswith("/ws?"):
            origin = request.headers.get("Origin")
            if origin is not None and urlsplit(origin).netloc != request.headers.get("Host"):
                log.warning(
                    "refused %s: origin %s is not this console", _peer(connection), origin[:100]
                )
                return text_response(
                    HTTPStatus.FORBIDDEN, "This page does not belong to this console."
                )
            if (
                self._server is not None
                and len(self._server.connections) >= self.config.limits.max_connections
            ):
                log.warning(
                    "refused %s: %d connections already", _peer(connection), len(self.clients)
                )
                return text_response(
                    HTTPStatus.SERVICE_UNAVAILABLE, "Too many connections; try again soon."
                )
            return None
        if path == "/qr.svg":
            return response(HTTPStatus.OK, self.qr_code(), "image/svg+xml; charset=utf-8")
        if path == "/healthz":
            return text_response(HTTPStatus.OK, "ok")
        return self.site.get(path)

    # --- websocket ------------------------------------------------------------------------

    async def _serve(self, ws: ServerConnection) -> None:
        address = _peer(ws)
        # Every socket counts against its address from the start, hello or not.
        self._sockets_at[address] += 1
        try:
            if self._sockets_at[address] > self.config.limits.max_connections_per_address:
                await self._refuse(
                    ws,
                    address,
                    "too_many_connections",
                    "too many connections from this address",
                    None,
                )
                return
            client = await self._greet(ws, address)
            if client is None:
                return
            try:
                async for raw in ws:
                    await self._receive(client, raw)
            except ConnectionClosed:
                pass
            finally:
                self._forget(client)
        finally:
            self._sockets_at[address] -= 1
            if self._sockets_at[address] <= 0:
                del self._sockets_at[address]

    async def _greet(self, ws: ServerConnection, address: str) -> Client | None:
        try:
            raw = await asyncio.wait_for(ws.recv(), self.config.hello_timeout)
        except (TimeoutError, ConnectionClosed):
            await self._refuse(ws, address, "hello_required", "say hello first", None)
            return None
        try:
            hello = protocol.parse(raw)
        except protocol.ProtocolError as error:
            await self._refuse(ws, address, error.code, str(error), error.ref)
            return None
        if not isinstance(hello, protocol.Hello):
            await self._refuse(
                ws, address, "hello_required", "the first message must be hello", None
            )
            return None
        token = {"bridge": self.config.bridge_token, "moderator": self.config.moderator_token}.get(
            hello.role
        )
        if token is not None:
            if not token:
                await self._refuse(
                    ws, address, "not_allowed", f"this console takes no {hello.role}", None
                )
                return None
            if not hmac.compare_digest(hello.token.encode(), token.encode()):
                await self._refuse(ws, address, "bad_token", "wrong token", None)
                return None
        device = {
            "audience": hello.device,
            "bridge": f"bridge:{hello.name or 'bridge'}",
            # ":" is not allowed in a phone's device id: no phone can pass for these.
            "moderator": f"moderator:{hello.name or 'network'}",
            "display": f"display:{address}:{id(ws)}",
        }[hello.role]
        now = self.clock()
        client = Client(
            ws=ws,
            role=hello.role,
            device=device,
            address=address,
            name=hello.name,
            connected_at=now,
            last_seen=now,
            bucket=self.limiter.connection_bucket(),
            view=hello.view,
        )
        self.clients.add(client)
        self.by_device[device].add(client)
        self.limiter.connected(address, device, now)
        state = self.session.state
        welcome: dict[str, Any] = {
            "protocol": protocol.PROTOCOL,
            "role": hello.role,
            "server_time": now,
            "url": self.url,
            "state": public_state(state, now, for_displays=client.sees_displays_state),
        }
        if hello.role == "audience":
            welcome["mine"] = device_questions(state, device)
            welcome["votes"] = device_votes(state, device)
        try:
            await ws.send(protocol.encode("welcome", **welcome))
        except ConnectionClosed:
            self._forget(client)
            return None
        if self.on_clients_changed:
            self.on_clients_changed()
        return client

    async def _refuse(
        self, ws: ServerConnection, address: str, code: str, message: str, ref: Any
    ) -> None:
        log.warning("refused %s: %s (%s)", address, code, message)
        try:
            await ws.send(protocol.error(code, message, ref))
            await ws.close(1008, code)
        except ConnectionClosed:
            pass

    def _forget(self, client: Client) -> None:
        if client not in self.clients:
            return
        self.clients.discard(client)
        peers = self.by_device.get(client.device)
        if peers is not None:
            peers.discard(client)
            if not peers:
                del self.by_device[client.device]
        self.limiter.disconnected(client.address, client.device)
        if self.on_clients_changed:
            self.on_clients_changed()

    async def _receive(self, client: Client, raw: str | bytes) -> None:
        now = self.clock()
        client.last_seen = now
        if not client.bucket.take(now):
            await self._reply_error(client, "rate_limited", "too many messages; slow down", None)
            return
        try:
            message = protocol.parse(raw)
        except protocol.ProtocolError as error:
            await self._reply_error(client, error.code, str(error), error.ref)
            return
        kind = protocol.message_type(message)
        if kind not in protocol.ALLOWED[client.role]:
            await self._reply_error(
                client,
                "not_allowed",
                f"the {client.role} role may not {kind}",
                getattr(message, "ref", None),
            )
            return
        if isinstance(message, protocol.Sync):
            await self._send(client, self._state_payload(now, client.sees_displays_state))
        elif isinstance(message, protocol.Ask):
            await self._ask(client, message, now)
        elif isinstance(message, protocol.Vote):
            await self._vote(client, message, now)
        elif isinstance(message, protocol.Moderate):
            await self._moderate(client, message)

    async def _run(self, client: Client, command: Command, ref: Any) -> list[Event] | None:
        """Run a command through the journal; None (and an error sent) if it was refused."""
        try:
            outcome = await self.batcher.submit(command)
        except JournalError as error:
            log.error("could not save a change from %s: %s", client.address, error)
            await self._reply_error(
                client, "unavailable", "the console could not save this; try again", ref
            )
            return None
        if isinstance(outcome, DomainError):
            await self._reply_error(client, outcome.code, str(outcome), ref)
            return None
        return outcome

    async def _ask(self, client: Client, message: protocol.Ask, now: float) -> None:
        resent = (client.device, message.client_id) in self.session.state.question_keys
        # A resend of a question already kept costs nothing: it is only acknowledged again.
        if not resent and not self.limiter.may_ask(client.address, client.device, now):
            await self._reply_error(
                client, "rate_limited", "too many questions; wait a moment", message.ref
            )
            return
        source = {"audience": "audience", "bridge": "bridge"}.get(client.role, "moderator")
        events = await self._run(
            client,
            q.ReceiveQuestion(
                message.text,
                source=source,
                author=message.name,
                device_id=client.device,
                client_id=message.client_id,
            ),
            message.ref,
        )
        if events is None:
            return
        state = self.session.state
        question_id = state.question_keys.get((client.device, message.client_id))
        if question_id is None:  # pragma: no cover (the command stores the key it was given)
            await self._reply_error(client, "unavailable", "the question was not kept", message.ref)
            return
        view = asker_view(state.questions[question_id], message.client_id)
        await self._send(
            client, protocol.encode("ack", ref=message.ref, question=view, duplicate=not events)
        )

    async def _vote(self, client: Client, message: protocol.Vote, now: float) -> None:
        if not self.limiter.may_vote(client.address, client.device, now):
            await self._reply_error(
                client, "rate_limited", "too many votes; wait a moment", message.ref
            )
            return
        command = q.VoteQuestion if message.up else q.UnvoteQuestion
        events = await self._run(client, command(message.question_id, client.device), message.ref)
        if events is None:
            return
        question = self.session.state.questions[message.question_id]
        while question.merged_into:
            question = self.session.state.questions[question.merged_into]
        await self._send(
            client,
            protocol.encode(
                "ack",
                ref=message.ref,
                question_id=question.id,
                votes=question.votes,
                voted=message.up,
            ),
        )

    async def _moderate(self, client: Client, message: protocol.Moderate) -> None:
        qid = message.question_id
        command: Command = {
            "approve": lambda: q.ApproveQuestion(qid),
            "reject": lambda: q.RejectQuestion(qid, message.reason),
            "show": lambda: q.ShowQuestion(qid),
            "hide": lambda: q.HideQuestion(qid or None),
            "answer": lambda: q.AnswerQuestion(qid),
            "merge": lambda: q.MergeQuestion(qid, message.into),
            "edit": lambda: q.EditQuestion(qid, message.text),
            "route": lambda: q.RouteQuestion(
                qid, message.person_id or None, message.slot_id or None
            ),
        }[message.action]()
        events = await self._run(client, command, message.ref)
        if events is not None:
            await self._send(
                client, protocol.encode("ack", ref=message.ref, events=[e.type for e in events])
            )

    async def _reply_error(self, client: Client, code: str, message: str, ref: Any) -> None:
        client.refusals += 1
        # A line in the log for each refusal, up to a few a client: one client cannot flood it.
        if client.refusals <= LOGGED_REFUSALS:
            log.warning(
                "%s %s (%s): %s %s", client.role, client.address, client.device[:24], code, message
            )
        elif client.refusals == LOGGED_REFUSALS + 1:
            log.warning("%s %s: further refusals not logged", client.role, client.address)
        await self._send(client, protocol.error(code, message, ref))
        if client.refusals >= CUT_OFF_REFUSALS:
            log.warning(
                "cut off %s %s after %d refusals", client.role, client.address, client.refusals
            )
            await client.ws.close(1008, "too many refused messages")

    async def _send(self, client: Client, payload: str) -> None:
        with contextlib.suppress(ConnectionClosed):
            await client.ws.send(payload)

    # --- broadcasting ---------------------------------------------------------------------

    def _on_events(self, state: SessionState, events: Sequence[Event]) -> None:
        # A new question is pending and a note is private: the room sees no change, so a burst
        # of questions costs no broadcast to every phone (the asker has its ack).
        if not events or any(e.type not in PRIVATE_EVENTS for e in events):
            self._dirty = self._stale = True
        for event in events:
            if not event.type.startswith("question_") or event.type == "question_received":
                continue
            for key in ("question_id", "into_id"):
                question_id = event.data.get(key)
                question = state.questions.get(question_id) if question_id else None
                if question is not None and question.device_id in self.by_device:
                    self._mine_dirty.add(question.id)
        if self._dirty or self._mine_dirty:
            self._schedule_flush()

    def _schedule_flush(self) -> None:
        loop = self._loop
        if self._flush_handle is not None or loop is None or self._server is None:
            return
        delay = max(0.0, self._last_broadcast + self.config.broadcast_interval - loop.time())
        self._flush_handle = loop.call_later(delay, self._flush)

    def _state_payload(self, now: float, for_displays: bool = False) -> str:
        """The latest state message (one for phones, one for displays), built once per change."""
        if self._stale:
            self._state_messages = {}
            self._stale = False
        if for_displays not in self._state_messages:
            state = public_state(self.session.state, now, for_displays=for_displays)
            self._state_messages[for_displays] = protocol.encode(
                "state", server_time=now, state=state
            )
        return self._state_messages[for_displays]

    def _flush(self) -> None:
        self._flush_handle = None
        assert self._loop is not None
        self._last_broadcast = self._loop.time()
        now = self.clock()
        if self._dirty:
            self._dirty = False
            ready = self._ready_connections(now)
            phones = [c.ws for c in ready if not c.sees_displays_state]
            screens = [c.ws for c in ready if c.sees_displays_state]
            self._broadcast_in_chunks(phones, self._state_payload(now))
            if screens:
                broadcast(screens, self._state_payload(now, for_displays=True))
        mine, self._mine_dirty = self._mine_dirty, set()
        state = self.session.state
        per_device: dict[str, list[dict[str, Any]]] = defaultdict(list)
        keys = {qid: client for (_, client), qid in state.question_keys.items()} if mine else {}
        for question_id in mine:
            question = state.questions[question_id]
            per_device[question.device_id].append(asker_view(question, keys.get(question_id, "")))
        for device, views in per_device.items():
            message = protocol.encode("mine", questions=views)
            broadcast([c.ws for c in self.by_device.get(device, ())], message)

    def _broadcast_in_chunks(self, connections: list[ServerConnection], payload: str) -> None:
        """Write to a few hundred phones per turn of the loop, so that the console's clock and
        its window keep their pace while 2,000 phones are served."""
        chunk, rest = connections[:BROADCAST_CHUNK], connections[BROADCAST_CHUNK:]
        broadcast(chunk, payload)
        if rest and self._loop is not None:
            self._loop.call_soon(self._broadcast_in_chunks, rest, payload)

    def _ready_connections(self, now: float) -> list[Client]:
        """Connections that can take a message now; the others are marked lagging and will get
        the latest state (never a backlog) once they have caught up."""
        ready = []
        for client in self.clients:
            transport = client.ws.transport
            buffered = transport.get_write_buffer_size() if transport is not None else 0
            if buffered > self.config.high_water:
                if client.lagging_since is None:
                    client.lagging_since = now
                continue
            client.lagging_since = None
            ready.append(client)
        return ready

    async def _watch_lagging(self) -> None:
        """Cut off clients that stopped reading: their buffers must not grow without end."""
        while True:
            await asyncio.sleep(1.0)
            now = self.clock()
            self.limiter.prune(now)
            for client in list(self.clients):
                if client.lagging_since is None:
                    continue
                transport = client.ws.transport
                buffered = transport.get_write_buffer_size() if transport is not None else 0
                if buffered <= self.config.high_water // 2:
                    client.lagging_since = None
                    broadcast([client.ws], self._state_payload(now, client.sees_displays_state))
                elif (
                    buffered > self.config.hard_limit
                    or now - client.lagging_since > self.config.lagging_timeout
                ):
                    log.warning(
                        "cut off %s %s: not reading (%d bytes waiting)",
                        client.role,
                        client.address,
                        buffered,
                    )
                    if transport is not None:
                        transport.abort()
                    self._forget(client)

    # --- for the console ------------------------------------------------------------------

    def displays(self) -> list[Client]:
        return sorted(
            (c for c in self.clients if c.role == "display"), key=lambda c: c.connected_at
        )

    def counts(self) -> dict[str, int]:
        counts: dict[str, int] = defaultdict(int)
        for client in self.clients:
            counts[client.role] += 1
        return dict(counts)


def _peer(connection: ServerConnection) -> str:
    address = connection.remote_address
    return str(address[0]) if address else "?"
