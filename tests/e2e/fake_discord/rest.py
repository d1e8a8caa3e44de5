"""The REST routes: request log middleware, users, gateway discovery, application
commands, channel messages, interaction callbacks and webhooks."""

from __future__ import annotations

import json
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

import aiohttp
from aiohttp import web

from tests.e2e.fake_discord.payloads import (
    ADMIN_USER,
    JSON,
    MESSAGE_FLAG_EPHEMERAL,
    MESSAGE_FLAG_LOADING,
    _now_iso,
    snowflake,
)
from tests.e2e.fake_discord.ratelimit import RateLimitMixin
from tests.e2e.fake_discord.state import (
    API_PREFIX,
    NONCE_WINDOW,
    RecordedRequest,
    _error,
    _InteractionState,
    json_response,
)

BODY: web.RequestKey[Any] = web.RequestKey("almanac_body", object)  # the parsed JSON body


class RestMixin(RateLimitMixin):
    """The REST handlers; FakeDiscord._add_routes wires them to paths."""

    @web.middleware
    async def _record_middleware(
        self, request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
    ) -> web.StreamResponse:
        """Log every REST request, apply the rate limit, then route it."""
        if request.path.startswith("/gateway"):
            return await handler(request)
        record = RecordedRequest(
            method=request.method,
            path=request.path.removeprefix(API_PREFIX),
            query=dict(request.query),
            json=await self._read_json(request),
            time=time.monotonic(),
        )
        request[BODY] = record.json
        self.requests.append(record)
        response = self._rate_limited(record.path) or await self._handle(request, handler, record)
        record.status = response.status
        self._notify()
        return response

    async def _handle(
        self,
        request: web.Request,
        handler: Callable[[web.Request], Awaitable[web.StreamResponse]],
        record: RecordedRequest,
    ) -> web.StreamResponse:
        """Route; a request the stand-in cannot parse is a 400, so the bot fails fast
        instead of retrying a 5xx."""
        try:
            return await handler(request)
        except Exception as exc:
            self.errors.append(f"{record.method} {record.path}: {exc!r}")
            return _error(400, f"Invalid Form Body: {exc!r}", 50035)

    async def _read_json(self, request: web.Request) -> Any:
        if not request.can_read_body:
            return None
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            payload: Any = None
            async for part in reader:
                if isinstance(part, aiohttp.BodyPartReader) and part.name == "payload_json":
                    payload = json.loads(await part.text())
                elif isinstance(part, aiohttp.BodyPartReader):
                    await part.read()
            return payload
        text = await request.text()
        if not text:
            return None
        try:
            return json.loads(text)
        except json.JSONDecodeError:
            return text

    async def _unknown(self, request: web.Request) -> web.Response:
        self.unknown_routes.append(self.requests[-1])
        return _error(404, "Unknown", 0)

    async def _get_me(self, request: web.Request) -> web.Response:
        me = self.bot_user.payload() | {"verified": True, "mfa_enabled": False, "flags": 0}
        return json_response(me)

    async def _get_application(self, request: web.Request) -> web.Response:
        return json_response(
            {
                "id": str(self.application_id),
                "name": self.bot_user.username,
                "description": "",
                "icon": None,
                "bot_public": True,
                "bot_require_code_grant": False,
                "owner": ADMIN_USER.payload(),
                "team": None,
                "verify_key": "0" * 64,
                "flags": 0,
                "summary": "",
                "rpc_origins": [],
                "bot": self.bot_user.payload(),
            }
        )

    async def _get_attachment(self, request: web.Request) -> web.Response:
        """An attached file's bytes, as Discord's CDN serves them."""
        attachment = self.attachments.get(int(request.match_info["id"]))
        if attachment is None or attachment.filename != request.match_info["filename"]:
            return web.Response(status=404, text="Not Found")
        kind = attachment.content_type or "application/octet-stream"
        return web.Response(body=attachment.data, content_type=kind.split(";")[0])

    async def _get_gateway(self, request: web.Request) -> web.Response:
        return json_response({"url": self.gateway_url.rstrip("/")})

    async def _get_gateway_bot(self, request: web.Request) -> web.Response:
        limit = {"total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}
        body = {
            "url": self.gateway_url.rstrip("/"),
            "shards": self.shard_count,
            "session_start_limit": limit,
        }
        return json_response(body)

    async def _create_dm(self, request: web.Request) -> web.Response:
        user_id = int(request[BODY]["recipient_id"])
        return json_response(self._dm_channel_payload(user_id))

    # -- application commands ---------------------------------------------

    def _command_list(self, request: web.Request) -> list[JSON]:
        guild = request.match_info.get("guild")
        if guild is None:
            return self.global_commands
        return self.guild_commands.setdefault(int(guild), [])

    def _stamp_command(self, request: web.Request, command: JSON, existing: Sequence[JSON]) -> JSON:
        previous = next((c for c in existing if c["name"] == command["name"]), None)
        stamped = {
            "type": 1,
            "description": "",
            "options": [],
            "default_member_permissions": None,
            "nsfw": False,
            **command,
            "id": previous["id"] if previous else str(snowflake()),
            "application_id": str(self.application_id),
            "version": str(snowflake()),
        }
        if "guild" in request.match_info:
            stamped["guild_id"] = request.match_info["guild"]
        return stamped

    async def _get_commands(self, request: web.Request) -> web.Response:
        return json_response(self._command_list(request))

    async def _put_commands(self, request: web.Request) -> web.Response:
        current = self._command_list(request)
        stamped = [self._stamp_command(request, c, current) for c in request[BODY]]
        current[:] = stamped
        return json_response(stamped)

    async def _post_command(self, request: web.Request) -> web.Response:
        current = self._command_list(request)
        command = self._stamp_command(request, request[BODY], current)
        current[:] = [c for c in current if c["name"] != command["name"]] + [command]
        return json_response(command, status=201)

    async def _delete_command(self, request: web.Request) -> web.Response:
        current = self._command_list(request)
        current[:] = [c for c in current if c["id"] != request.match_info["command"]]
        return web.Response(status=204)

    # -- messages ----------------------------------------------------------

    def _create_message(self, channel_id: int, body: Mapping[str, Any], flags: int = 0) -> JSON:
        message: JSON = {
            "id": str(snowflake()),
            "type": 0,
            "channel_id": str(channel_id),
            "author": self.bot_user.payload(),
            "content": body.get("content") or "",
            "embeds": body.get("embeds") or [],
            "components": body.get("components") or [],
            "attachments": [],
            "mentions": [],
            "mention_roles": [],
            "mention_everyone": False,
            "pinned": False,
            "tts": bool(body.get("tts", False)),
            "timestamp": _now_iso(),
            "edited_timestamp": None,
            "flags": flags,
        }
        guild = self._guild_of_channel(channel_id)
        if guild is not None:
            message["guild_id"] = str(guild.id)
        self.messages[int(message["id"])] = message
        return message

    def _edit_message(self, message: JSON, body: Mapping[str, Any]) -> JSON:
        for key in ("content", "embeds", "components"):
            if key in body:
                message[key] = (
                    body[key] if body[key] is not None else ([] if key != "content" else "")
                )
        message["flags"] = int(message.get("flags", 0)) & ~MESSAGE_FLAG_LOADING
        message["edited_timestamp"] = _now_iso()
        return message

    async def _get_channel(self, request: web.Request) -> web.Response:
        payload = self._channel_payload(int(request.match_info["channel"]))
        if payload is None:
            return _error(404, "Unknown Channel", 10003)
        return json_response(payload)

    async def _get_guild_channels(self, request: web.Request) -> web.Response:
        guild = self.guilds.get(int(request.match_info["guild"]))
        if guild is None:
            return _error(404, "Unknown Guild", 10004)
        return json_response([c.payload(guild.id) for c in guild.channels])

    async def _post_channel_message(self, request: web.Request) -> web.Response:
        channel_id = int(request.match_info["channel"])
        status = self.channel_errors.get(channel_id)
        if status == 403:
            return _error(403, "Missing Permissions", 50013)
        if status == 404 or self._channel_payload(channel_id) is None:
            return _error(404, "Unknown Channel", 10003)
        body = request[BODY] or {}
        nonce = body.get("nonce")
        key = (self.bot_user.id, str(nonce))
        earlier = self.nonces.get(key) if nonce is not None else None
        if (
            body.get("enforce_nonce")
            and earlier is not None
            and time.monotonic() - earlier[1] < NONCE_WINDOW
            and earlier[0] in self.messages
        ):
            # As Discord does: the message this author already created with this nonce.
            return json_response(self.messages[earlier[0]] | {"nonce": nonce})
        message = self._create_message(channel_id, body, int(body.get("flags", 0)))
        self.channel_posts.setdefault(channel_id, []).append(int(message["id"]))
        if nonce is not None:
            self.nonces[key] = (int(message["id"]), time.monotonic())
        held = self.held_channels.get(channel_id)
        if held is not None:
            await held.wait()  # created, but the answer is held (a crash or a lost reply)
        # The nonce comes back in the create answer only, never in history.
        return json_response(message | ({"nonce": nonce} if nonce is not None else {}))

    async def _get_channel_messages(self, request: web.Request) -> web.Response:
        """History, newest first; `before`, `after` and `limit` (1-100) as on Discord."""
        channel_id = int(request.match_info["channel"])
        status = self.history_errors.get(channel_id) or self.channel_errors.get(channel_id)
        if status == 403:
            return _error(403, "Missing Access", 50001)
        if status == 404 or self._channel_payload(channel_id) is None:
            return _error(404, "Unknown Channel", 10003)
        limit = min(max(int(request.query.get("limit", 50)), 1), 100)
        before = int(request.query.get("before", 1 << 63))
        after = int(request.query.get("after", 0))
        found = [
            m
            for m in self.messages.values()
            if m["channel_id"] == str(channel_id)
            and not int(m.get("flags", 0)) & MESSAGE_FLAG_EPHEMERAL
            and after < int(m["id"]) < before
        ]
        found.sort(key=lambda m: int(m["id"]), reverse=True)
        return json_response(found[:limit])

    def _channel_message(self, request: web.Request) -> JSON | None:
        message = self.messages.get(int(request.match_info["message"]))
        if message is None or message["channel_id"] != request.match_info["channel"]:
            return None
        return message

    async def _edit_channel_message(self, request: web.Request) -> web.Response:
        message = self._channel_message(request)
        if message is None:
            return _error(404, "Unknown Message", 10008)
        return json_response(self._edit_message(message, request[BODY] or {}))

    async def _delete_channel_message(self, request: web.Request) -> web.Response:
        message = self._channel_message(request)
        if message is None:
            return _error(404, "Unknown Message", 10008)
        del self.messages[int(message["id"])]
        return web.Response(status=204)

    # -- interactions: callback and webhooks -------------------------------

    async def _interaction_callback(self, request: web.Request) -> web.Response:
        """Record the first answer to an interaction; refuse a second, as Discord does."""
        state = self._interactions.get(int(request.match_info["id"]))
        if state is None or state.sent.token != request.match_info["token"] or state.expired:
            return _error(404, "Unknown interaction", 10062)
        if state.callback is not None:
            return _error(400, "Interaction has already been acknowledged.", 40060)
        body: JSON = request[BODY]
        state.callback = body
        kind = int(body["type"])
        data = body.get("data") or {}
        message: JSON | None = None
        if kind == 4:  # CHANNEL_MESSAGE_WITH_SOURCE
            message = self._create_message(state.channel_id, data, int(data.get("flags", 0)))
            state.original_id = int(message["id"])
        elif kind == 5:  # DEFERRED_CHANNEL_MESSAGE_WITH_SOURCE
            flags = int(data.get("flags", 0)) | MESSAGE_FLAG_LOADING
            message = self._create_message(state.channel_id, {}, flags)
            state.original_id = int(message["id"])
        elif kind in (6, 7) and state.source_message_id is not None:  # component updates
            message = self.messages[state.source_message_id]
            if kind == 7:
                self._edit_message(message, data)
            state.original_id = state.source_message_id
        if request.query.get("with_response", "").lower() not in ("1", "true"):
            return web.Response(status=204)
        info: JSON = {"id": str(state.sent.id), "type": state.sent.payload["type"]}
        resource: JSON = {"type": kind}
        if message is not None:
            info["response_message_id"] = message["id"]
            info["response_message_loading"] = kind == 5
            info["response_message_ephemeral"] = bool(message["flags"] & MESSAGE_FLAG_EPHEMERAL)
            resource["message"] = message
        return json_response({"interaction": info, "resource": resource})

    def _webhook_state(self, request: web.Request) -> _InteractionState | None:
        state = self._by_token.get(request.match_info["token"])
        if state is None or state.expired:
            return None
        return state

    def _webhook_message(self, request: web.Request, state: _InteractionState) -> JSON | None:
        wanted = request.match_info["message"]
        if wanted == "@original":
            return None if state.original_id is None else self.messages.get(state.original_id)
        mine = [state.original_id, *state.followup_ids]
        return self.messages.get(int(wanted)) if int(wanted) in mine else None

    async def _followup(self, request: web.Request) -> web.Response:
        state = self._webhook_state(request)
        if state is None:
            return _error(404, "Unknown Webhook", 10015)
        if state.callback is None:
            return _error(400, "Interaction has not been acknowledged.", 40060)
        body = request[BODY] or {}
        original = self.original(state.sent.id)
        if original is not None and original["flags"] & MESSAGE_FLAG_LOADING:
            # As on Discord: the first followup after a "thinking" defer replaces it.
            message = self._edit_message(original, body)
        else:
            message = self._create_message(state.channel_id, body, int(body.get("flags", 0)))
            message["webhook_id"] = str(self.application_id)
        state.followup_ids.append(int(message["id"]))
        return json_response(message)

    async def _get_webhook_message(self, request: web.Request) -> web.Response:
        state = self._webhook_state(request)
        message = None if state is None else self._webhook_message(request, state)
        if message is None:
            return _error(404, "Unknown Message", 10008)
        return json_response(message)

    async def _edit_webhook_message(self, request: web.Request) -> web.Response:
        state = self._webhook_state(request)
        if state is None:
            return _error(404, "Unknown Webhook", 10015)
        message = self._webhook_message(request, state)
        if message is None:
            return _error(404, "Unknown Message", 10008)
        return json_response(self._edit_message(message, request[BODY] or {}))

    async def _delete_webhook_message(self, request: web.Request) -> web.Response:
        state = self._webhook_state(request)
        message = None if state is None else self._webhook_message(request, state)
        if message is None:
            return _error(404, "Unknown Message", 10008)
        del self.messages[int(message["id"])]
        return web.Response(status=204)
