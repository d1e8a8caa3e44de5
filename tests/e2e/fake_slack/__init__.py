"""A loopback stand-in for Slack: the Web API, response_url endpoints and Socket Mode.

The real slack_sdk / slack_bolt clients connect to it over 127.0.0.1 exactly as to
Slack: `auth.test`, `apps.connections.open` (which hands out this server's ws:// URL),
the Socket Mode websocket (hello, envelopes of slash commands, block actions and
events, the client's acks), `chat.postMessage`, `chat.postEphemeral`, `users.info`,
`files.info` with the download of a shared file, and the response_url each command
and press carries. It keeps what Slack would show (the
channel's messages, the ephemeral ones), checks every message against Block Kit's
limits (`problems`), records each envelope's ack and flags one later than Slack's 3 s
(`late_acks`), and answers 429 with Retry-After past its rate limit, counting any
request that comes back before that wait is over (`early_retries`).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import math
import time
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aiohttp import WSMsgType, web

from tests.e2e.fake_slack.validation import message_problems

T = TypeVar("T")
JSON = dict[str, Any]

TEAM_ID = "T0ALMANAC1"
TEAM_DOMAIN = "almanac-test"
APP_ID = "A0ALMANAC1"
BOT_USER_ID = "U0ALMBOT1"
BOT_ID = "B0ALMBOT1"
MEMBER_ID = "U0MEMBER1"
ADMIN_ID = "U0ADMIN01"
CHANNEL_ID = "C0HISTORY1"
DIRECT_ID = "D0MEMBER01"  # a member's direct message with the app
ACK_WITHIN = 3.0  # Slack shows the user an error when an envelope is not acked by then
POLL = 0.02


@dataclass
class Envelope:
    """A Socket Mode envelope sent to the app, and its ack."""

    envelope_id: str
    kind: str
    payload: JSON
    response_id: str
    sent_at: float
    acked_at: float | None = None


@dataclass
class Posted:
    """One body posted to a response_url."""

    response_id: str
    body: JSON
    at: float = 0.0  # time.monotonic() when it arrived (the bench times answers by it)

    @property
    def ephemeral(self) -> bool:
        """Only the asker sees it."""
        return self.body.get("response_type") == "ephemeral"


@dataclass
class Message:
    """A message as the channel shows it."""

    ts: str
    channel: str
    text: str
    blocks: list[JSON]
    user: str = BOT_USER_ID
    metadata: JSON | None = None

    def buttons(self) -> list[JSON]:
        """Every button of the message, in order."""
        return [
            element
            for block in self.blocks
            if block.get("type") == "actions"
            for element in block.get("elements", [])
        ]

    def button(self, action_id: str) -> JSON:
        """The button with this action_id (AssertionError when there is none)."""
        for element in self.buttons():
            if element.get("action_id") == action_id:
                return element
        raise AssertionError(
            f"no button {action_id!r} in {[b['action_id'] for b in self.buttons()]}"
        )

    def all_text(self) -> str:
        """Every text of the message joined: what a reader sees, markup included."""
        parts = [self.text]
        for block in self.blocks:
            for text in _texts(block):
                parts.append(text)
        return "\n".join(parts)


def _texts(block: JSON) -> list[str]:
    found: list[str] = []
    text = block.get("text")
    if isinstance(text, dict) and isinstance(text.get("text"), str):
        found.append(text["text"])
    elif isinstance(text, str) and block.get("type") in ("mrkdwn", "plain_text"):
        found.append(text)  # a context's text element
    for element in block.get("elements", []) or []:
        if isinstance(element, dict):
            found += _texts(element)
    return found


@dataclass
class FakeSlackState:
    """Everything the stand-in records."""

    requests: list[tuple[str, JSON]] = field(default_factory=list)  # (Web API method, args)
    envelopes: dict[str, Envelope] = field(default_factory=dict)
    responses: dict[str, list[Posted]] = field(default_factory=dict)
    # response_id -> (channel, user) the response_url answers in.
    response_targets: dict[str, tuple[str, str]] = field(default_factory=dict)
    # response_id -> the message a press came from (its response_url replaces it).
    pressed_message: dict[str, str] = field(default_factory=dict)
    messages: dict[str, Message] = field(default_factory=dict)  # ts -> message
    ephemerals: list[tuple[str, Message]] = field(default_factory=list)  # (user, message)
    problems: list[str] = field(default_factory=list)
    late_acks: list[str] = field(default_factory=list)
    rate_limited: int = 0
    early_retries: int = 0
    admins: set[str] = field(default_factory=lambda: {ADMIN_ID})
    lose_answers: int = 0  # chat.postMessage calls whose answer is lost (connection cut)
    # file id -> the bytes uploaded to its upload URL
    uploaded: dict[str, bytes] = field(default_factory=dict)
    # (channel, file id, title) of each upload completed into a channel
    files: list[tuple[str, str, str]] = field(default_factory=list)
    # file id -> (name, bytes) of each file a user shared (share_file)
    shared: dict[str, tuple[str, bytes]] = field(default_factory=dict)
    downloads: list[str] = field(default_factory=list)  # file ids downloaded with the token
    download_status: int = 200  # what a shared file's download answers (500: Slack in trouble)


class FakeSlack(FakeSlackState):
    """Slack on 127.0.0.1: start(), then point SLACK_API_BASE at `api_base`."""

    def __init__(self) -> None:
        super().__init__()
        self._runner: web.AppRunner | None = None
        self.port = 0
        self._sockets: list[web.WebSocketResponse] = []
        self._ts = itertools.count(1)
        self._rate_limit: tuple[int, float] | None = None
        self._window: deque[float] = deque()
        # A request told to wait (its key: the response_url, or the method and arguments)
        # -> when its Retry-After ends; coming back sooner is an early retry.
        self._blocked_until: dict[str, float] = {}
        self._changed = asyncio.Event()
        self.sizes: dict[str, int] = {}  # file id -> the size files.info says, when set

    # -- lifecycle -----------------------------------------------------------------

    async def start(self) -> None:
        """Listen on a free loopback port."""
        app = web.Application()
        app.router.add_post("/api/{method}", self._web_api)
        app.router.add_get("/api/{method}", self._web_api)  # users.info is a GET
        app.router.add_post("/response/{response_id}", self._response_url)
        app.router.add_get("/socket", self._socket)
        app.router.add_post("/upload/{file_id}", self._upload)
        app.router.add_get("/files/{file_id}/{name}", self._download)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        """Close every websocket, then the server."""
        for socket in list(self._sockets):
            await socket.close()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    @property
    def api_base(self) -> str:
        """The Web API base URL for SLACK_API_BASE."""
        return f"http://127.0.0.1:{self.port}/api/"

    @property
    def connected(self) -> bool:
        """A Socket Mode client is connected."""
        return any(not s.closed for s in self._sockets)

    # -- knobs ---------------------------------------------------------------------

    def set_rate_limit(self, per_window: int | None, window: float = 1.0) -> None:
        """Answer 429 past `per_window` sends (Web API and response_url) a `window`."""
        self._rate_limit = None if per_window is None else (per_window, window)
        self._window.clear()

    # -- Web API -------------------------------------------------------------------

    async def _web_api(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        args = await _arguments(request)
        self.requests.append((method, args))
        self._touch()
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if method == "apps.connections.open":
            if not token.startswith("xapp-"):
                return _ok(False, error="not_allowed_token_type")
            return _ok(True, url=f"ws://127.0.0.1:{self.port}/socket")
        if not token.startswith("xoxb-"):
            return _ok(False, error="not_authed")
        if "revoked" in token:  # a token Slack no longer takes
            return _ok(False, error="invalid_auth")
        if method == "auth.test":
            return _ok(
                True,
                url=f"https://{TEAM_DOMAIN}.slack.com/",
                team=TEAM_DOMAIN,
                user="almanac",
                team_id=TEAM_ID,
                user_id=BOT_USER_ID,
                bot_id=BOT_ID,
                is_enterprise_install=False,
            )
        limited = self._limited(f"{method} {json.dumps(args, sort_keys=True, default=str)}")
        if limited is not None:
            return limited
        if method == "chat.postMessage":
            response = self._post_message(args)
            if self.lose_answers:  # the post is made, its answer never comes back
                self.lose_answers -= 1
                if request.transport is not None:
                    request.transport.close()
            return response
        if method == "chat.postEphemeral":
            message = self._message(args, str(args.get("channel", "")))
            self.ephemerals.append((str(args.get("user", "")), message))
            return _ok(True, message_ts=message.ts)
        if method == "users.info":
            user = str(args.get("user", ""))
            admin = user in self.admins
            return _ok(
                True,
                user={
                    "id": user,
                    "team_id": TEAM_ID,
                    "is_admin": admin,
                    "is_owner": admin,
                    "tz": "UTC",
                },
            )
        if method == "files.info":
            file_id = str(args.get("file", ""))
            if file_id not in self.shared:
                return _ok(False, error="file_not_found")
            name, data = self.shared[file_id]
            url = f"http://127.0.0.1:{self.port}/files/{file_id}/{name}"
            return _ok(
                True,
                file={
                    "id": file_id,
                    "name": name,
                    "title": name,
                    "size": self.sizes.get(file_id, len(data)),
                    "url_private": url,
                    "url_private_download": url,
                },
            )
        if method == "files.getUploadURLExternal":
            file_id = f"F{next(self._ts):08d}"
            upload_url = f"http://127.0.0.1:{self.port}/upload/{file_id}"
            return _ok(True, upload_url=upload_url, file_id=file_id)
        if method == "files.completeUploadExternal":
            files = args.get("files")
            listed = json.loads(files) if isinstance(files, str) else files or []
            channel = str(args.get("channel_id", ""))
            for each in listed:
                if each.get("id") not in self.uploaded:
                    return _ok(False, error="file_not_found")
                self.files.append((channel, str(each["id"]), str(each.get("title", ""))))
            return _ok(True, files=[{"id": each["id"]} for each in listed])
        if method == "conversations.history":
            channel = str(args.get("channel", ""))
            newest = [m for m in self.messages.values() if m.channel == channel][::-1]
            found = newest[: int(args.get("limit", 100))]
            with_metadata = str(args.get("include_all_metadata")).lower() in ("true", "1")
            return _ok(True, messages=[_shown(m, metadata=with_metadata) for m in found])
        return _ok(False, error="unknown_method")

    def _post_message(self, args: JSON) -> web.Response:
        channel = str(args.get("channel", ""))
        if not channel.startswith(("C", "G", "D")):
            return _ok(False, error="channel_not_found")
        message = self._message(args, channel)
        self.messages[message.ts] = message
        return _ok(True, channel=channel, ts=message.ts, message=_shown(message))

    def _message(self, body: JSON, channel: str) -> Message:
        self.problems += message_problems(body)
        if body.get("link_names") or body.get("parse") == "full":
            self.problems.append("a message sent with link_names or parse=full")
        blocks = body.get("blocks") or []
        if isinstance(blocks, str):
            blocks = json.loads(blocks)
        metadata = body.get("metadata")
        if isinstance(metadata, str):
            metadata = json.loads(metadata)
        text = str(body.get("text", ""))
        return Message(self._next_ts(), channel, text, list(blocks), metadata=metadata)

    def _next_ts(self) -> str:
        return f"{1_700_000_000 + next(self._ts)}.000100"

    async def _download(self, request: web.Request) -> web.Response:
        """A shared file's url_private_download: only with a bot token (Slack answers a
        request without one with its sign-in page)."""
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        file_id = request.match_info["file_id"]
        if not token.startswith("xoxb-") or file_id not in self.shared:
            return web.Response(status=302, headers={"Location": "/signin"})
        self.downloads.append(file_id)
        self._touch()
        if self.download_status != 200:
            return web.Response(status=self.download_status, text="Slack is having trouble")
        return web.Response(body=self.shared[file_id][1], content_type="text/plain")

    async def share_file(
        self,
        name: str,
        data: bytes,
        *,
        user: str = MEMBER_ID,
        channel: str = DIRECT_ID,
        size: int | None = None,
    ) -> Envelope:
        """A user shares a file in a channel (by default their direct message with the
        app): the file is kept and the app gets `file_shared`. `size` is what files.info
        says of it (Slack's size, whatever the bytes)."""
        file_id = f"F{next(self._ts):08d}"
        self.shared[file_id] = (name, data)
        if size is not None:
            self.sizes[file_id] = size
        event = {
            "type": "file_shared",
            "file_id": file_id,
            "user_id": user,
            "file": {"id": file_id},
            "channel_id": channel,
            "event_ts": f"{time.time():.6f}",
        }
        return await self.send_event(event)

    async def _upload(self, request: web.Request) -> web.Response:
        self.uploaded[request.match_info["file_id"]] = await request.read()
        self._touch()
        return web.Response(text=f"OK - {len(self.uploaded[request.match_info['file_id']])}")

    # -- response_url --------------------------------------------------------------

    async def _response_url(self, request: web.Request) -> web.Response:
        response_id = request.match_info["response_id"]
        if response_id not in self.responses:
            return web.Response(status=404, text="no_active_hooks")
        limited = self._limited(response_id)
        if limited is not None:
            return limited
        body = await request.json()
        self.responses[response_id].append(Posted(response_id, body, time.monotonic()))
        self._touch()
        channel, user = self.response_targets[response_id]
        message = self._message(body, channel)
        pressed = self.pressed_message.get(response_id)
        if body.get("response_type") == "ephemeral":
            self.ephemerals.append((user, message))
        elif body.get("replace_original") and pressed is not None:
            message.ts = pressed
            self.messages[pressed] = message
        else:
            self.messages[message.ts] = message
        return web.Response(text="ok")

    # -- rate limit ----------------------------------------------------------------

    def _limited(self, key: str) -> web.Response | None:
        """A 429 past the limit; the same request sent again before its wait is over is
        counted as an early retry (Slack would answer it 429 again, or worse)."""
        now = time.monotonic()
        if now < self._blocked_until.get(key, 0.0):
            self.early_retries += 1
        if self._rate_limit is None:
            return None
        limit, window = self._rate_limit
        while self._window and now - self._window[0] >= window:
            self._window.popleft()
        if len(self._window) < limit:
            self._window.append(now)
            return None
        retry_after = math.ceil(max(window - (now - self._window[0]), 0.01))
        self._blocked_until[key] = now + retry_after
        self.rate_limited += 1
        return web.json_response(
            {"ok": False, "error": "ratelimited"},
            status=429,
            headers={"Retry-After": str(retry_after)},
        )

    # -- Socket Mode ---------------------------------------------------------------

    async def _socket(self, request: web.Request) -> web.WebSocketResponse:
        socket = web.WebSocketResponse(autoping=True)
        await socket.prepare(request)
        self._sockets.append(socket)
        self._touch()
        await socket.send_json(
            {
                "type": "hello",
                "num_connections": 1,
                "debug_info": {"host": "fake-slack", "approximate_connection_time": 18060},
                "connection_info": {"app_id": APP_ID},
            }
        )
        async for frame in socket:
            if frame.type != WSMsgType.TEXT:
                continue
            ack = json.loads(frame.data)
            envelope = self.envelopes.get(str(ack.get("envelope_id")))
            if envelope is not None and envelope.acked_at is None:
                envelope.acked_at = time.monotonic()
                if envelope.acked_at - envelope.sent_at > ACK_WITHIN:
                    self.late_acks.append(envelope.envelope_id)
                self._touch()
        return socket

    async def _send(self, kind: str, payload: JSON, response_id: str) -> Envelope:
        socket = next((s for s in self._sockets if not s.closed), None)
        assert socket is not None, "no Socket Mode client is connected"
        envelope = Envelope(str(uuid.uuid4()), kind, payload, response_id, time.monotonic())
        self.envelopes[envelope.envelope_id] = envelope
        if kind != "events_api":  # an event has no response_url
            channel = str(payload.get("channel_id") or payload["channel"]["id"])
            self.new_response_url(channel, _user_of(payload), response_id)
        await socket.send_json(
            {
                "envelope_id": envelope.envelope_id,
                "type": kind,
                "accepts_response_payload": kind == "slash_commands",
                "retry_attempt": 0,
                "retry_reason": "",
                "payload": payload,
            }
        )
        return envelope

    def new_response_url(
        self, channel: str = CHANNEL_ID, user: str = MEMBER_ID, response_id: str | None = None
    ) -> tuple[str, str]:
        """A response_url answering in `channel` for `user`: (its id, the URL)."""
        response_id = response_id or uuid.uuid4().hex
        self.responses[response_id] = []
        self.response_targets[response_id] = (channel, user)
        return response_id, self._response_url_for(response_id)

    def _response_url_for(self, response_id: str) -> str:
        return f"http://127.0.0.1:{self.port}/response/{response_id}"

    async def send_command(
        self, command: str, text: str = "", *, user: str = MEMBER_ID, channel: str = CHANNEL_ID
    ) -> Envelope:
        """A user types `/command text` in a channel (Slack escapes &, <, > in the text)."""
        response_id = uuid.uuid4().hex
        escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        payload = {
            "token": "verification-token-unused",
            "team_id": TEAM_ID,
            "team_domain": TEAM_DOMAIN,
            "channel_id": channel,
            "channel_name": "history",
            "user_id": user,
            "user_name": "member",
            "command": command,
            "text": escaped,
            "api_app_id": APP_ID,
            "is_enterprise_install": "false",
            "response_url": self._response_url_for(response_id),
            "trigger_id": f"{next(self._ts)}.trigger",
        }
        return await self._send("slash_commands", payload, response_id)

    async def press(
        self, message: Message, action_id: str, *, user: str = MEMBER_ID, value: str | None = None
    ) -> Envelope:
        """A user presses a button of a message (`value` forges the button's value)."""
        payload, response_id = self.press_payload(message, action_id, user=user, value=value)
        return await self._send("interactive", payload, response_id)

    def press_payload(
        self, message: Message, action_id: str, *, user: str = MEMBER_ID, value: str | None = None
    ) -> tuple[JSON, str]:
        """The block_actions payload of a press, as Socket Mode carries it or HTTP mode
        posts it, and the id of its response_url (ready to take the answer)."""
        button = message.button(action_id)
        response_id = uuid.uuid4().hex
        self.new_response_url(message.channel, user, response_id)
        self.pressed_message[response_id] = message.ts
        action = {
            "type": "button",
            "action_id": action_id,
            "block_id": "actions",
            "text": button["text"],
            "value": button.get("value", "") if value is None else value,
            "action_ts": f"{time.time():.6f}",
        }
        payload = {
            "type": "block_actions",
            "user": {"id": user, "username": "member", "name": "member", "team_id": TEAM_ID},
            "api_app_id": APP_ID,
            "token": "verification-token-unused",
            "container": {
                "type": "message",
                "message_ts": message.ts,
                "channel_id": message.channel,
                "is_ephemeral": False,
            },
            "trigger_id": f"{next(self._ts)}.trigger",
            "team": {"id": TEAM_ID, "domain": TEAM_DOMAIN},
            "enterprise": None,
            "is_enterprise_install": False,
            "channel": {"id": message.channel, "name": "history"},
            "message": _shown(message),
            "response_url": self._response_url_for(response_id),
            "actions": [action],
        }
        return payload, response_id

    async def send_event(self, event: JSON, *, team: str = TEAM_ID) -> Envelope:
        """An Events API event for the app (`event` holds its type and fields), wrapped as
        Slack wraps it: an event_callback of a workspace, over Socket Mode."""
        payload = {
            "token": "verification-token-unused",
            "team_id": team,
            "api_app_id": APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": f"Ev{next(self._ts)}",
            "event_time": int(time.time()),
        }
        return await self._send("events_api", payload, uuid.uuid4().hex)

    # -- waiting -------------------------------------------------------------------

    def _touch(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def wait_until(
        self,
        check: Callable[[], T | None],
        what: str,
        timeout: float = 30.0,  # noqa: ASYNC109 - waits raise descriptive errors
    ) -> T:
        """Poll `check` until it returns non-None; TimeoutError naming `what` after timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            result = check()
            if result is not None:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
            changed = asyncio.ensure_future(self._changed.wait())
            await asyncio.wait({changed}, timeout=min(remaining, POLL))
            changed.cancel()

    async def wait_for_response(self, envelope: Envelope) -> Posted:
        """The first body the app posted to the envelope's response_url."""
        return await self.wait_until(
            lambda: next(iter(self.responses[envelope.response_id]), None),
            f"an answer to {envelope.kind} {envelope.envelope_id}",
        )

    async def wait_for_message(self, envelope: Envelope) -> Message:
        """The channel message the envelope's answer made (or replaced)."""
        posted = await self.wait_for_response(envelope)
        assert not posted.ephemeral, f"an ephemeral answer: {posted.body.get('text')!r}"
        pressed = self.pressed_message.get(envelope.response_id)
        if pressed is not None:
            return self.messages[pressed]
        return list(self.messages.values())[-1]

    def unacked(self) -> list[str]:
        """Envelopes the app has not acknowledged."""
        return [e.envelope_id for e in self.envelopes.values() if e.acked_at is None]


async def _arguments(request: web.Request) -> JSON:
    """A Web API call's arguments: JSON body, form or query, as slack_sdk sends them."""
    args: JSON = dict(request.query)
    if request.content_type == "application/json":
        body = await request.json()
        if isinstance(body, dict):
            args.update(body)
    elif request.can_read_body:
        args.update({k: v for k, v in (await request.post()).items() if isinstance(v, str)})
    return args


def _ok(ok: bool, **fields: Any) -> web.Response:
    return web.json_response({"ok": ok, **fields})


def _shown(message: Message, *, metadata: bool = False) -> JSON:
    """A message as the Web API returns it (its metadata only when asked for)."""
    shown: JSON = {
        "type": "message",
        "ts": message.ts,
        "user": message.user,
        "bot_id": BOT_ID,
        "text": message.text,
        "blocks": message.blocks,
    }
    if metadata and message.metadata is not None:
        shown["metadata"] = message.metadata
    return shown


def _user_of(payload: JSON) -> str:
    user = payload.get("user")
    if isinstance(user, dict):
        return str(user.get("id", ""))
    return str(payload.get("user_id", ""))
