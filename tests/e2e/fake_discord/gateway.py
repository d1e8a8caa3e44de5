"""The gateway websocket session: HELLO, heartbeats, IDENTIFY (READY and
GUILD_CREATEs), RESUME, and dispatching events to identified connections."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from tests.e2e.fake_discord.payloads import JSON, FakeGuild, snowflake
from tests.e2e.fake_discord.state import FakeState


@dataclass
class _Connection:
    ws: web.WebSocketResponse
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    seq: int = 0
    session_id: str = ""
    identify: JSON | None = None
    shard: list[int] | None = None

    async def send(self, payload: JSON) -> None:
        async with self.lock:
            await self.ws.send_str(json.dumps(payload))

    def _on_shard(self, conn: _Connection, guild_id: int | None) -> bool:
        """Whether a connection receives a server's events: Discord sends each shard
        [id, count] the servers with (server id >> 22) % count == id, and DMs to shard 0;
        an unsharded connection receives everything."""
        if conn.shard is None:
            return True
        shard_id, count = conn.shard
        return (0 if guild_id is None else (guild_id >> 22) % count) == shard_id

    async def dispatch(self, event: str, data: Any) -> None:
        async with self.lock:
            self.seq += 1
            payload = {"op": 0, "t": event, "s": self.seq, "d": data}
            await self.ws.send_str(json.dumps(payload))


class GatewayMixin(FakeState):
    """The /gateway websocket handler and the events tests dispatch through it."""

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        """HELLO, then answer heartbeats, IDENTIFY (READY + GUILD_CREATEs) and RESUME."""
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        conn = _Connection(ws)
        self._connections.append(conn)
        try:
            await conn.send({"op": 10, "s": None, "t": None, "d": {"heartbeat_interval": 41250}})
            async for msg in ws:
                if msg.type is aiohttp.WSMsgType.TEXT:
                    await self._on_gateway_op(conn, json.loads(msg.data))
        finally:
            self._connections.remove(conn)
            self._notify()
        return ws

    async def _on_gateway_op(self, conn: _Connection, payload: JSON) -> None:
        op = payload.get("op")
        if op == 1:
            await conn.send({"op": 11, "s": None, "t": None, "d": None})
        elif op == 2:
            await self._identify(conn, payload["d"])
        elif op == 6:
            await conn.dispatch("RESUMED", {})

    async def _identify(self, conn: _Connection, data: JSON) -> None:
        self.identifies.append(data)
        conn.identify = data
        conn.session_id = f"session-{snowflake()}"
        conn.shard = data.get("shard")
        guilds = [g for g in self.guilds.values() if self._on_shard(conn, g.id)]
        ready: JSON = {
            "v": 10,
            "user": self.bot_user.payload() | {"verified": True, "mfa_enabled": False},
            "guilds": [{"id": str(g.id), "unavailable": True} for g in guilds],
            "session_id": conn.session_id,
            "resume_gateway_url": self.gateway_url,
            "application": {"id": str(self.application_id), "flags": 0},
            "private_channels": [],
            "relationships": [],
            "presences": [],
            "guild_join_requests": [],
            "geo_ordered_rtc_regions": [],
            "user_settings": {},
        }
        if conn.shard is not None:
            ready["shard"] = conn.shard
        await conn.dispatch("READY", ready)
        for guild in guilds:
            await conn.dispatch("GUILD_CREATE", guild.payload())
        self._notify()

    @property
    def connected(self) -> bool:
        """Whether a client has identified on the gateway."""
        return any(c.identify is not None for c in self._connections)

    def _on_shard(self, conn: _Connection, guild_id: int | None) -> bool:
        """Whether a connection receives a server's events: Discord sends each shard
        [id, count] the servers with (server id >> 22) % count == id, and DMs to shard 0;
        an unsharded connection receives everything."""
        if conn.shard is None:
            return True
        shard_id, count = conn.shard
        return (0 if guild_id is None else (guild_id >> 22) % count) == shard_id

    async def dispatch(self, event: str, data: Any) -> None:
        """Send a gateway dispatch (op 0) to every identified connection of its server's shard."""
        conns = [c for c in self._connections if c.identify is not None]
        if not conns:
            raise AssertionError(f"no gateway connection to dispatch {event} to")
        guild_id = _guild_of_event(event, data)
        for conn in conns:
            if self._on_shard(conn, guild_id):
                await conn.dispatch(event, data)

    async def add_guild(self, guild: FakeGuild) -> None:
        """The bot joins a guild: GUILD_CREATE."""
        self.guilds[guild.id] = guild
        self.users.update({m.user.id: m.user for m in guild.members})
        await self.dispatch("GUILD_CREATE", guild.payload())

    async def remove_guild(self, guild_id: int) -> None:
        """The bot is removed from a guild: GUILD_DELETE without `unavailable`."""
        self.guilds.pop(guild_id, None)
        await self.dispatch("GUILD_DELETE", {"id": str(guild_id)})

    async def delete_channel(self, channel_id: int) -> None:
        """A channel is deleted: CHANNEL_DELETE; later posts to it answer 404."""
        guild = self._guild_of_channel(channel_id)
        if guild is None:
            raise KeyError(channel_id)
        channel = guild.channel(channel_id)
        assert channel is not None
        guild.channels.remove(channel)
        await self.dispatch("CHANNEL_DELETE", channel.payload(guild.id))


def _guild_of_event(event: str, data: Any) -> int | None:
    """The server an event belongs to (None: a DM or no server)."""
    if not isinstance(data, dict):
        return None
    if event in ("GUILD_CREATE", "GUILD_DELETE", "GUILD_UPDATE"):
        return int(data["id"])
    guild_id = data.get("guild_id")
    return None if guild_id is None else int(guild_id)
