"""Building and delivering interactions: slash commands with typed options,
autocomplete, button clicks and select choices, as INTERACTION_CREATE."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tests.e2e.fake_discord.gateway import GatewayMixin
from tests.e2e.fake_discord.payloads import (
    ADMIN_ID,
    APP_PERMISSIONS,
    EVERYONE_PERMISSIONS,
    GENERAL_ID,
    JSON,
    FakeAttachment,
    FakeChannel,
    FakeMember,
    FakeRole,
    FakeUser,
    iter_components,
    snowflake,
)
from tests.e2e.fake_discord.state import SentInteraction, _InteractionState


class InteractionsMixin(GatewayMixin):
    """send_interaction and the send_command/autocomplete/click/choose helpers."""

    async def send_interaction(
        self,
        kind: int,
        data: JSON,
        *,
        user_id: int = ADMIN_ID,
        channel_id: int | None = GENERAL_ID,
        dm: bool = False,
        message: JSON | None = None,
        locale: str = "en-US",
    ) -> SentInteraction:
        """Deliver a full INTERACTION_CREATE; `dm` sends it from a DM (no guild, `user`)."""
        iid = snowflake()
        token = f"token-{iid}-{snowflake()}"
        payload: JSON = {
            "id": str(iid),
            "type": kind,
            "token": token,
            "version": 1,
            "application_id": str(self.application_id),
            "data": data,
            "locale": locale,
            "app_permissions": str(APP_PERMISSIONS),
            "entitlements": [],
            "attachment_size_limit": 10 * 1024 * 1024,
        }
        user = self.users.get(user_id) or FakeUser(user_id, f"user{user_id}")
        if dm:
            channel = self._dm_channel_payload(user_id)
            channel_id = int(channel["id"])
            guild_id = None
            payload |= {
                "channel": channel,
                "channel_id": channel["id"],
                "user": user.payload(),
                "context": 1,
                "authorizing_integration_owners": {"1": str(user_id)},
            }
        else:
            assert channel_id is not None, "a guild interaction needs a channel"
            guild = self._guild_of_channel(channel_id)
            if guild is None:
                raise KeyError(f"channel {channel_id} is in no guild of the stand-in")
            guild_id = guild.id
            member = guild.member(user_id) or FakeMember(user)
            permissions = str(guild.permissions_of(member))
            channel = self._channel_payload(channel_id) or {}
            payload |= {
                "guild_id": str(guild.id),
                "guild": {"id": str(guild.id), "locale": "en-US", "features": []},
                "guild_locale": "en-US",
                "channel": channel | {"permissions": permissions},
                "channel_id": str(channel_id),
                "member": member.payload() | {"permissions": permissions},
                "context": 0,
                "authorizing_integration_owners": {"0": str(guild.id)},
            }
        if message is not None:
            payload["message"] = message
        sent = SentInteraction(iid, token, payload)
        state = _InteractionState(sent, channel_id, guild_id)
        if message is not None:
            state.source_message_id = int(message["id"])
        self._interactions[iid] = state
        self._by_token[token] = state
        await self.dispatch("INTERACTION_CREATE", payload)
        return sent

    def find_command(self, name: str, guild_id: int | None = None) -> JSON | None:
        """The synced definition of a top-level command: guild first, then global."""
        if guild_id is not None:
            for command in self.guild_commands.get(guild_id, []):
                if command["name"] == name:
                    return command
        return next((c for c in self.global_commands if c["name"] == name), None)

    def _command_data(
        self,
        path: str,
        options: Mapping[str, Any],
        *,
        guild_id: int | None,
        focused: str | None = None,
    ) -> JSON:
        names = path.split()
        schema = self.find_command(names[0], guild_id)
        spec_options: list[JSON] = schema.get("options", []) if schema else []
        for name in names[1:]:
            sub = next((o for o in spec_options if o["name"] == name), None)
            spec_options = sub.get("options", []) if sub else []
        resolved: JSON = {}
        leaf = [
            self._option(name, value, spec_options, resolved, guild_id, name == focused)
            for name, value in options.items()
        ]
        nested: list[JSON] = leaf
        for depth, name in reversed(list(enumerate(names[1:], start=1))):
            kind = 1 if depth == len(names) - 1 else 2
            nested = [{"type": kind, "name": name, "options": nested}]
        data: JSON = {
            "id": schema["id"] if schema else str(snowflake()),
            "name": names[0],
            "type": 1,
            "options": nested,
        }
        if schema is not None and "guild_id" in schema:
            data["guild_id"] = schema["guild_id"]
        if resolved:
            data["resolved"] = resolved
        return data

    def _option(
        self,
        name: str,
        value: Any,
        spec: Sequence[JSON],
        resolved: JSON,
        guild_id: int | None,
        focused: bool,
    ) -> JSON:
        declared = next((o for o in spec if o["name"] == name), None)
        kind = int(declared["type"]) if declared else _infer_option_type(value)
        option: JSON = {"name": name, "type": kind}
        if focused:
            option |= {"value": str(value), "focused": True}
            return option
        raw = getattr(value, "id", value)
        if kind == 11:  # ATTACHMENT: the id, with the file in resolved.attachments
            attachment = self.attachments[int(raw)]
            option["value"] = str(raw)
            attachments = resolved.setdefault("attachments", {})
            attachments[str(raw)] = attachment.payload(self.base_url)
        elif kind in (6, 7, 8, 9):
            option["value"] = str(raw)
            self._resolve(kind, int(raw), resolved, guild_id)
        elif kind == 4:
            option["value"] = int(raw)
        elif kind == 10:
            option["value"] = float(raw)
        elif kind == 5:
            option["value"] = bool(raw)
        else:
            option["value"] = str(raw)
        return option

    def _resolve(self, kind: int, target: int, resolved: JSON, guild_id: int | None) -> None:
        guild = self.guilds.get(guild_id) if guild_id is not None else None
        if kind == 7:
            channel = self._channel_payload(target)
            if channel is None:
                raise KeyError(f"unknown channel {target}")
            perms = str(EVERYONE_PERMISSIONS)
            resolved.setdefault("channels", {})[str(target)] = channel | {"permissions": perms}
            return
        role = next((r for r in guild.roles if r.id == target), None) if guild else None
        if role is not None:
            resolved.setdefault("roles", {})[str(target)] = role.payload()
            return
        user = self.users.get(target) or FakeUser(target, f"user{target}")
        resolved.setdefault("users", {})[str(target)] = user.payload()
        member = guild.member(target) if guild else None
        if member is not None:
            data = member.payload()
            del data["user"]
            data["permissions"] = str(guild.permissions_of(member)) if guild else "0"
            resolved.setdefault("members", {})[str(target)] = data

    async def send_command(
        self,
        path: str,
        options: Mapping[str, Any] | None = None,
        *,
        user_id: int = ADMIN_ID,
        channel_id: int | None = GENERAL_ID,
        dm: bool = False,
        locale: str = "en-US",
    ) -> SentInteraction:
        """Invoke a slash command: path is "quote" or "daily set" or "group sub cmd".

        Option types come from the synced command definition when there is one
        (the harness syncs on start), else from the Python value.
        """
        guild_id = None if dm or channel_id is None else self._guild_id_of(channel_id)
        self._check_context(path, guild_id, dm)
        data = self._command_data(path, options or {}, guild_id=guild_id)
        return await self.send_interaction(
            2, data, user_id=user_id, channel_id=channel_id, dm=dm, locale=locale
        )

    async def send_autocomplete(
        self,
        path: str,
        focused: str,
        value: str,
        options: Mapping[str, Any] | None = None,
        *,
        user_id: int = ADMIN_ID,
        channel_id: int | None = GENERAL_ID,
        dm: bool = False,
    ) -> SentInteraction:
        """Ask for autocomplete choices while `focused` holds the partial text `value`."""
        guild_id = None if dm or channel_id is None else self._guild_id_of(channel_id)
        self._check_context(path, guild_id, dm)
        all_options = {**(options or {}), focused: value}
        data = self._command_data(path, all_options, guild_id=guild_id, focused=focused)
        return await self.send_interaction(4, data, user_id=user_id, channel_id=channel_id, dm=dm)

    async def click_button(
        self, message: JSON | int, custom_id: str, *, user_id: int = ADMIN_ID
    ) -> SentInteraction:
        """Click a button on a message the bot sent (by message object or id)."""
        return await self._component(message, custom_id, 2, None, user_id)

    async def choose(
        self,
        message: JSON | int,
        custom_id: str,
        values: Sequence[str],
        *,
        user_id: int = ADMIN_ID,
    ) -> SentInteraction:
        """Pick values in a string select menu on a message the bot sent."""
        return await self._component(message, custom_id, 3, list(values), user_id)

    async def _component(
        self,
        message: JSON | int,
        custom_id: str,
        component_type: int,
        values: list[str] | None,
        user_id: int,
    ) -> SentInteraction:
        msg = self.messages[message] if isinstance(message, int) else message
        ids = [c.get("custom_id") for c in iter_components(msg.get("components", []))]
        if custom_id not in ids:
            raise AssertionError(f"no component {custom_id!r} on the message; it has {ids}")
        data: JSON = {"custom_id": custom_id, "component_type": component_type}
        if values is not None:
            data["values"] = values
        channel_id = int(msg["channel_id"])
        dm = channel_id in self.dm_channels
        return await self.send_interaction(
            3,
            data,
            user_id=user_id,
            channel_id=None if dm else channel_id,
            dm=dm,
            message=msg,
        )

    def _check_context(self, path: str, guild_id: int | None, dm: bool) -> None:
        """Refuse what Discord would never deliver: a guild-only command in a DM."""
        schema = self.find_command(path.split()[0], guild_id)
        if not dm or schema is None:
            return
        contexts = schema.get("contexts")
        if (
            schema.get("guild_id")
            or schema.get("dm_permission") is False
            or (contexts is not None and 1 not in contexts)
        ):
            raise AssertionError(f"/{path} is guild-only: Discord would not offer it in a DM")


def _infer_option_type(value: Any) -> int:
    """Option type from a Python value, when no synced definition says otherwise."""
    if isinstance(value, bool):
        return 5
    if isinstance(value, int):
        return 4
    if isinstance(value, float):
        return 10
    if isinstance(value, FakeChannel):
        return 7
    if isinstance(value, FakeRole):
        return 8
    if isinstance(value, FakeUser | FakeMember):
        return 6
    if isinstance(value, FakeAttachment):
        return 11
    return 3
