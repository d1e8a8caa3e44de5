"""A loopback stand-in for Discord's REST API v10 and gateway.

The real discord.py client logs in, connects, receives guilds and interactions
and answers them against this server, so end-to-end tests exercise the same
code paths as production without the internet. Payload shapes follow what
discord.py 2.7.1 parses (state.py, interactions.py, http.py, gateway.py).

The package splits it by concern: `payloads` (ids and Discord objects),
`state` (records and shared state), `ratelimit` (429s), `rest` (REST routes),
`gateway` (the websocket session), `interactions` (sending interactions),
`waiting` (wait_* helpers), `harness` (running a bot) and `validation`
(command_problems). FakeDiscord composes them; every name is re-exported here.
"""

from __future__ import annotations

import asyncio
from typing import Any

from aiohttp import web

from tests.e2e.fake_discord.gateway import GatewayMixin
from tests.e2e.fake_discord.harness import FAST_READY, make_bot, running_bot
from tests.e2e.fake_discord.interactions import InteractionsMixin
from tests.e2e.fake_discord.payloads import (
    ADMIN_ID,
    ADMIN_USER,
    ALL_PERMISSIONS,
    ANNOUNCEMENTS_ID,
    APP_PERMISSIONS,
    BOT_ID,
    BOT_USER,
    DISCORD_EPOCH_MS,
    EVERYONE_PERMISSIONS,
    GENERAL_ID,
    GUILD_ID,
    JSON,
    MANAGE_GUILD,
    MANAGER_ROLE_ID,
    MEMBER_ID,
    MEMBER_USER,
    MESSAGE_FLAG_EPHEMERAL,
    MESSAGE_FLAG_LOADING,
    FakeAttachment,
    FakeChannel,
    FakeGuild,
    FakeMember,
    FakeRole,
    FakeUser,
    default_guild,
    iter_components,
    make_guild,
    on_shard,
    snowflake,
)
from tests.e2e.fake_discord.ratelimit import RateLimitMixin
from tests.e2e.fake_discord.rest import BODY, RestMixin
from tests.e2e.fake_discord.state import (
    API_PREFIX,
    FakeState,
    RecordedRequest,
    SentInteraction,
    _iid,
    json_response,
)
from tests.e2e.fake_discord.validation import command_problems
from tests.e2e.fake_discord.waiting import POLL, BotCrashedError, WaitMixin

__all__ = [
    "ADMIN_ID",
    "ADMIN_USER",
    "ALL_PERMISSIONS",
    "ANNOUNCEMENTS_ID",
    "API_PREFIX",
    "APP_PERMISSIONS",
    "BODY",
    "BOT_ID",
    "BOT_USER",
    "DISCORD_EPOCH_MS",
    "EVERYONE_PERMISSIONS",
    "FAST_READY",
    "GENERAL_ID",
    "GUILD_ID",
    "JSON",
    "MANAGER_ROLE_ID",
    "MANAGE_GUILD",
    "MEMBER_ID",
    "MEMBER_USER",
    "MESSAGE_FLAG_EPHEMERAL",
    "MESSAGE_FLAG_LOADING",
    "POLL",
    "BotCrashedError",
    "FakeAttachment",
    "FakeChannel",
    "FakeDiscord",
    "FakeGuild",
    "FakeMember",
    "FakeRole",
    "FakeState",
    "FakeUser",
    "GatewayMixin",
    "InteractionsMixin",
    "RateLimitMixin",
    "RecordedRequest",
    "RestMixin",
    "SentInteraction",
    "WaitMixin",
    "command_problems",
    "default_guild",
    "iter_components",
    "json_response",
    "make_bot",
    "make_guild",
    "on_shard",
    "running_bot",
    "snowflake",
]


class FakeDiscord(RestMixin, InteractionsMixin, WaitMixin):
    """Discord's REST API and gateway on 127.0.0.1, with knobs and a request log."""

    # -- lifecycle ---------------------------------------------------------

    async def start(self) -> None:
        """Listen on a free loopback port."""
        app = web.Application(middlewares=[self._record_middleware])
        self._add_routes(app)
        self._runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.port = int(self._runner.addresses[0][1])

    async def close(self) -> None:
        """Close every gateway connection, then the server."""
        for held in self.held_channels.values():
            held.set()
        for conn in list(self._connections):
            await conn.ws.close(code=1001)
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    # -- knobs -------------------------------------------------------------

    def fail_channel(self, channel_id: int, status: int | None) -> None:
        """Make message posts to a channel answer 403 or 404 (None: succeed again)."""
        if status is None:
            self.channel_errors.pop(channel_id, None)
        elif status in (403, 404):
            self.channel_errors[channel_id] = status
        else:
            raise ValueError("status must be 403, 404 or None")

    def fail_history(self, channel_id: int, status: int | None) -> None:
        """Make reading a channel's history answer 403 (None: succeed again)."""
        if status is None:
            self.history_errors.pop(channel_id, None)
        else:
            self.history_errors[channel_id] = status

    def hold_posts(self, channel_id: int) -> None:
        """Create posts to the channel but hold the answers: the bot never hears back."""
        self.held_channels.setdefault(channel_id, asyncio.Event())

    def release_posts(self, channel_id: int) -> None:
        """Answer the held posts of the channel, and the next ones at once."""
        held = self.held_channels.pop(channel_id, None)
        if held is not None:
            held.set()

    def expire_nonces(self) -> None:
        """Act as if Discord's nonce window (a few minutes) had passed for every nonce."""
        self.nonces.clear()

    def expire_interaction(self, interaction: SentInteraction | int) -> None:
        """Act as if the interaction's token ran out (3 s / 15 min)."""
        self._interactions[_iid(interaction)].expired = True

    def watch(self, task: asyncio.Task[Any]) -> None:
        """Make every wait_* fail fast if this task (the bot) ends."""
        self._watched.append(task)

    # -- routes ------------------------------------------------------------

    def _add_routes(self, app: web.Application) -> None:
        p = API_PREFIX
        r = app.router
        r.add_get("/gateway/", self._gateway)
        r.add_get("/gateway", self._gateway)
        r.add_get(p + "/users/@me", self._get_me)
        r.add_post(p + "/users/@me/channels", self._create_dm)
        r.add_get(p + "/oauth2/applications/@me", self._get_application)
        r.add_get(p + "/gateway", self._get_gateway)
        r.add_get("/cdn/attachments/{id}/{filename}", self._get_attachment)
        r.add_get(p + "/gateway/bot", self._get_gateway_bot)
        for prefix in ("/applications/{app}", "/applications/{app}/guilds/{guild}"):
            r.add_get(p + prefix + "/commands", self._get_commands)
            r.add_put(p + prefix + "/commands", self._put_commands)
            r.add_post(p + prefix + "/commands", self._post_command)
            r.add_delete(p + prefix + "/commands/{command}", self._delete_command)
        r.add_post(p + "/interactions/{id}/{token}/callback", self._interaction_callback)
        r.add_post(p + "/webhooks/{app}/{token}", self._followup)
        r.add_get(p + "/webhooks/{app}/{token}/messages/{message}", self._get_webhook_message)
        r.add_patch(p + "/webhooks/{app}/{token}/messages/{message}", self._edit_webhook_message)
        r.add_delete(p + "/webhooks/{app}/{token}/messages/{message}", self._delete_webhook_message)
        r.add_get(p + "/channels/{channel}", self._get_channel)
        r.add_get(p + "/channels/{channel}/messages", self._get_channel_messages)
        r.add_post(p + "/channels/{channel}/messages", self._post_channel_message)
        r.add_patch(p + "/channels/{channel}/messages/{message}", self._edit_channel_message)
        r.add_delete(p + "/channels/{channel}/messages/{message}", self._delete_channel_message)
        r.add_get(p + "/guilds/{guild}/channels", self._get_guild_channels)
        r.add_route("*", "/{tail:.*}", self._unknown)
