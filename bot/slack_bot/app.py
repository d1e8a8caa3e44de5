"""The Slack adapter: Bolt's AsyncApp, its slash commands and buttons, and how it runs.

Socket Mode by default (SLACK_APP_TOKEN: an outbound websocket, no public URL needed);
HTTP mode when only SLACK_SIGNING_SECRET is set (Slack posts to SLACK_PORT's
/slack/events). Every command and press is acknowledged first, within Slack's 3 s,
then answered through its response_url: the answers are the same typed answers the
other adapters render, parsed from the same typed requests. The Web API's base URL is
a setting (SLACK_API_BASE), so the real client can talk to a stand-in or a proxy.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, Final

import aiohttp
from aiohttp import web
from dateutil import tz
from slack_bolt.adapter.socket_mode.aiohttp import AsyncSocketModeHandler
from slack_bolt.async_app import AsyncAck, AsyncApp
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_sdk.errors import SlackApiError
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.answers.errors import POLITE_FAILURE, UserError
from bot.answers.formatting import plural
from bot.answers.onthisday import on_this_day
from bot.answers.picture import PICTURE_NAME, timeline_picture, warm_up
from bot.answers.quote import find_quote
from bot.answers.requests import (
    OnThisDayRequest,
    QuoteRequest,
    TimelineRequest,
    typed_request,
)
from bot.answers.sources import list_sources
from bot.answers.timeline import find_timeline
from bot.config import Settings
from bot.slack_bot import buttons
from bot.slack_bot.client import retry_handlers, slack_error, web_client
from bot.slack_bot.cooldown import Cooldowns
from bot.slack_bot.curate import ask_add, ask_removal, press_add, press_removal, shared_file
from bot.slack_bot.daily import TICK, SlackPoster, answer_daily
from bot.slack_bot.render import (
    SlackMessage,
    explained,
    on_this_day_message,
    private,
    quote_message,
    sources_message,
    timeline_message,
)
from db.state.records import slack_key, utc_now

if TYPE_CHECKING:
    from db.read.store import Store
    from db.state.backend import StateBackend

log = logging.getLogger("almanac.slack")
bolt_log = logging.getLogger("almanac.slack.bolt")


class _TokenFromEnvironment(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment itself and, as Almanac hands it a
    client already holding that token, warns at every start that the token is unused:
    a line that would only alarm whoever reads the log."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


bolt_log.addFilter(_TokenFromEnvironment())

# The answer commands, and every slash command the app answers (the manifest's).
COMMANDS: Final = ("onthisday", "quote", "timeline", "sources")
ALL_COMMANDS: Final = (*COMMANDS, "daily")
EVENTS_PATH: Final = "/slack/events"  # where Slack posts in HTTP mode
# The Events API events after which the app no longer serves a workspace (the manifest's
# bot_events): its daily settings are forgotten.
GONE_EVENTS: Final = ("app_uninstalled", "tokens_revoked")
# A file shared with the app: in a direct message, a curator's text to add.
SHARED_EVENT: Final = "file_shared"
EVENTS: Final = (*GONE_EVENTS, SHARED_EVENT)  # every event the app handles
NONE_LEFT: Final = (
    "No quote matches that search any more. Try `/quote` with other words,"
    " or `/sources` to see what the almanac holds."
)
# Slack's escapes in the text of a slash command, read back to what the user typed.
_UNESCAPES: Final = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def typed_text(text: str) -> str:
    """A slash command's text as typed: Slack sends &, < and > escaped."""
    for escaped, typed in _UNESCAPES:
        text = text.replace(escaped, typed)
    return text


class SlackAlmanac:
    """The Almanac Slack app: commands and buttons over the content store, workspace
    settings (time zone) in the state store. `app` is the Bolt AsyncApp."""

    def __init__(
        self,
        settings: Settings,
        store: Store,
        state: StateBackend | None = None,
        *,
        clock: Callable[[], datetime] = utc_now,
    ) -> None:
        self.settings = settings
        self.store = store
        self.state = state
        self.clock = clock
        self.session = aiohttp.ClientSession()
        self.client = web_client(settings, self.session)
        # Posts the bot makes itself (daily posts): never resent on a dropped connection.
        self.posting_client = web_client(settings, self.session, reconnect=False)
        self.bot_id: str | None = None  # ours, from auth.test: which messages are ours
        self.app = AsyncApp(
            client=self.client,
            signing_secret=settings.slack_signing_secret,
            # Socket Mode messages come over our own authenticated websocket: nothing to sign.
            request_verification_enabled=not settings.slack_socket_mode,
            logger=bolt_log,
        )
        for name in ALL_COMMANDS:
            self.app.command(f"/{name}")(self._command)
        self.poster = SlackPoster(self, clock)
        self.cooldowns = Cooldowns()
        self.app.action(re.compile(f"^{buttons.ACTION_PREFIX}"))(self._press)
        for event in GONE_EVENTS:
            self.app.event(event)(self._gone)
        self.app.event(SHARED_EVENT)(self._file_shared)

    async def close(self) -> None:
        """Close the HTTP session the clients share."""
        await self.session.close()

    async def __aenter__(self) -> SlackAlmanac:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    # -- commands ------------------------------------------------------------------

    async def _command(self, ack: AsyncAck, command: dict[str, Any]) -> None:
        """Acknowledge at once, then answer through the command's response_url."""
        await ack()
        name = str(command.get("command", "")).lstrip("/")
        try:
            if name in COMMANDS:
                self.cooldowns.use(str(command.get("user_id", "")), name)
            message = await self.answer(name, typed_text(str(command.get("text", ""))), command)
        except UserError as error:
            message = explained(error)
        except Exception:
            log.exception("Slack command /%s failed", name)
            message = private(POLITE_FAILURE)
        await self.respond(str(command.get("response_url", "")), message)
        if message.picture is not None:
            await self.upload_picture(str(command.get("channel_id", "")), message)

    async def upload_picture(self, channel: str, message: SlackMessage) -> None:
        """Upload /timeline's picture to the channel, under its answer. A channel the bot
        may not upload to (a private one it was not invited to) costs only the picture."""
        assert message.picture is not None
        try:
            await self.client.files_upload_v2(
                channel=channel,
                content=message.picture,
                filename=PICTURE_NAME,
                title=message.text[:200],
            )
        except (SlackApiError, aiohttp.ClientError, OSError) as error:
            reason = slack_error(error) if isinstance(error, SlackApiError) else repr(error)
            log.warning("Could not upload the timeline's picture to %s: %s", channel, reason)

    async def answer(self, name: str, text: str, command: dict[str, Any]) -> SlackMessage:
        """The message answering `/name text`; UserError for a mistake in it."""
        if name == "daily":
            return await answer_daily(self, self.poster, text, command)
        action, _, rest = text.strip().partition(" ")
        if name == "sources" and action.lower() == "add":
            return await ask_add(self, str(command.get("user_id", "")))
        if name == "sources" and action.lower() == "remove":
            return await ask_removal(self, str(command.get("user_id", "")), rest)
        if name == "sources" and action.lower() == "list":
            text = rest  # `/sources list page:2` is `/sources page:2`
        request = typed_request(name, text, await self.today(command.get("team_id")))
        if isinstance(request, OnThisDayRequest):
            return on_this_day_message(await on_this_day(self.store, request))
        if isinstance(request, QuoteRequest):
            return quote_message(await find_quote(self.store, request), request.speaker)
        if isinstance(request, TimelineRequest):
            answer = await find_timeline(self.store, request)
            message = timeline_message(answer, request.start, request.end)
            if not message.ephemeral:
                message.picture = await timeline_picture(self.store, answer)
            return message
        return sources_message(await list_sources(self.store, request))

    async def today(self, team_id: object) -> date:
        """Today in the workspace's time zone (chosen for its daily post), else the default."""
        name: str | None = None
        if self.state is not None and isinstance(team_id, str):
            try:
                name = await self.state.guild_timezone(slack_key(team_id))
            except ValueError:  # not a workspace id: the default zone
                name = None
        zone = (tz.gettz(name) if name else None) or tz.gettz(self.settings.timezone) or UTC
        return self.clock().astimezone(zone).date()

    async def may_manage_daily(self, user: str) -> bool:
        """Whether a user may change the workspace's daily post: a workspace admin or
        owner (users.info), or one SLACK_DAILY_MANAGERS names."""
        return await self.is_admin_or(user, self.settings.slack_daily_managers)

    async def is_admin_or(self, user: str, named: frozenset[str]) -> bool:
        """Whether a user is a workspace admin or owner (users.info), or one `named` (a
        setting's list): who may manage the daily post, and who may curate."""
        if user in named:
            return True
        try:
            info = await self.client.users_info(user=user)
        except SlackApiError as error:
            log.warning("Could not look up Slack user %s: %s", user, slack_error(error))
            return False
        person = info.get("user") or {}
        return any(bool(person.get(k)) for k in ("is_admin", "is_owner", "is_primary_owner"))

    # -- events ------------------------------------------------------------------

    async def _gone(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        """The app was uninstalled from a workspace, or its bot token revoked there:
        forget the workspace's daily settings, as a Discord server's when the bot is
        removed (the post log is kept, so a reinstall the same day posts no second time).
        A revoked token of a user alone changes nothing for the bot."""
        if event.get("type") == "tokens_revoked" and not (event.get("tokens") or {}).get("bot"):
            return
        team = body.get("team_id")
        if self.state is None or not isinstance(team, str):
            return
        try:
            workspace = slack_key(team)
        except ValueError:
            log.warning("A Slack %s event named no workspace we know", event.get("type"))
            return
        await self.state.remove_guild(workspace)
        log.info("Slack workspace %s removed the app: its daily settings are forgotten", team)

    async def _file_shared(self, event: dict[str, Any]) -> None:
        """A file shared with the app in a direct message: a curator's text to add (the
        preview is posted there, only they see it); any other file is left alone."""
        try:
            message = await shared_file(self, event)
        except UserError as error:
            message = explained(error)
        except Exception:
            log.exception("A shared Slack file could not be read")
            message = private(POLITE_FAILURE)
        if message is not None:
            await self.post(str(event.get("channel_id", "")), message)

    # -- buttons -------------------------------------------------------------------

    async def _press(self, ack: AsyncAck, body: dict[str, Any], action: dict[str, Any]) -> None:
        """Acknowledge at once, then replace the message with the page or quote asked for;
        a stale or forged button gets a line only the presser sees."""
        await ack()
        action_id = str(action.get("action_id", ""))
        user = body.get("user") or {}
        try:
            self.cooldowns.use(str(user.get("id", "")), _button_kind(action_id))
            value = str(action.get("value", ""))
            message = await self.pressed(action_id, value, str(user.get("id", "")))
        except UserError as error:
            message = explained(error)
        except Exception:
            log.exception("Slack button %s failed", action_id)
            message = private(POLITE_FAILURE)
        # A press on a private message (a /sources remove preview) settles it in place.
        private_press = bool((body.get("container") or {}).get("is_ephemeral"))
        await self.respond(
            str(body.get("response_url", "")), message, replace=True, private_press=private_press
        )

    async def pressed(self, action_id: str, value: str, user: str = "") -> SlackMessage:
        """The message a button of ours turns to; UserError when it is out of date (or
        the presser may not do what it does)."""
        if action_id in (buttons.SOURCES_ADD, buttons.SOURCES_CANCEL):
            return await press_add(self, user, action_id, value)
        if action_id in (buttons.SOURCES_REMOVE, buttons.SOURCES_KEEP):
            return await press_removal(self, user, action_id, value)
        if action_id == buttons.ANOTHER_QUOTE:
            return await self._another_quote(value)
        if action_id in (
            buttons.TIMELINE_PREVIOUS,
            buttons.TIMELINE_NEXT,
            buttons.TIMELINE_FULL,
            buttons.TIMELINE_MOMENTS,
        ):
            return await self._timeline_page(value)
        if action_id in (buttons.SOURCES_PREVIOUS, buttons.SOURCES_NEXT):
            return sources_message(await list_sources(self.store, buttons.read_sources(value)))
        raise buttons.out_of_date("the command")

    async def _another_quote(self, value: str) -> SlackMessage:
        state = buttons.read_quote(value)
        answer = await find_quote(self.store, state.request)
        if answer.quote is None:
            raise UserError(NONE_LEFT)
        served, seen = answer.quote.id, state.request.seen
        if served in seen:  # every match was shown: the round begins again
            shown, seen = 1, (served,)
        else:
            shown, seen = state.shown + 1, (*seen, served)
        return quote_message(answer, state.request.speaker, shown, seen)

    async def _timeline_page(self, value: str) -> SlackMessage:
        request = buttons.read_timeline(value)
        answer = await find_timeline(self.store, request)
        if not answer.events:
            raise UserError("That timeline has no events any more. Run /timeline again.")
        if request.full and answer.page != request.page:  # a page it no longer has
            pages = plural(answer.pages, "page")
            raise UserError(f"That timeline now has {pages}. Run /timeline again.")
        return timeline_message(answer, request.start, request.end)

    # -- sending -------------------------------------------------------------------

    async def respond(
        self,
        response_url: str,
        message: SlackMessage,
        *,
        replace: bool = False,
        private_press: bool = False,
    ) -> None:
        """Send through a response_url: in the channel, or only to the asker; a press's
        answer replaces the pressed message unless it is only for the presser (and the
        pressed one was not: a private message's press replaces it privately)."""
        if not response_url.startswith(("http://", "https://")):
            log.warning("A Slack request came without a response_url; nothing was sent")
            return
        body = message.payload()
        body["response_type"] = "ephemeral" if message.ephemeral else "in_channel"
        body["replace_original"] = replace and (not message.ephemeral or private_press)
        webhook = AsyncWebhookClient(
            response_url, session=self.session, retry_handlers=retry_handlers()
        )
        response = await webhook.send_dict(body)
        if response.status_code != 200:
            log.warning("Slack refused an answer (HTTP %d)", response.status_code)

    async def post(
        self, channel: str, message: SlackMessage, metadata: dict[str, Any] | None = None
    ) -> str:
        """Post in a channel with chat.postMessage (nothing links names, no link previews);
        the message's ts. `metadata` ({event_type, event_payload}) lets it be found again."""
        response = await self.posting_client.chat_postMessage(
            channel=channel, unfurl_links=False, metadata=metadata, **message.payload()
        )
        return str(response["ts"])

    async def our_bot_id(self) -> str:
        """Our bot's id (auth.test, asked once): a message of ours carries it."""
        if self.bot_id is None:
            self.bot_id = str((await self.client.auth_test()).get("bot_id", ""))
        return self.bot_id


def _button_kind(action_id: str) -> str:
    """Buttons that turn the same message count as one kind (Previous and Next are one)."""
    return action_id.rsplit("_", 1)[0] if action_id.startswith(buttons.ACTION_PREFIX) else "?"


async def run_slack(
    settings: Settings,
    store: Store,
    state: StateBackend,
    *,
    clock: Callable[[], datetime] = utc_now,
    daily_tick: float = TICK,
) -> None:
    """Run the Slack app until cancelled: Socket Mode, or HTTP mode on SLACK_PORT; the
    daily poster runs beside it every `daily_tick` seconds."""
    async with SlackAlmanac(settings, store, state, clock=clock) as almanac:
        identity = await almanac.client.auth_test()  # a refused token stops here, in one line
        almanac.bot_id = str(identity.get("bot_id", ""))
        warm_up()  # the picture's library, loaded now rather than in a first answer's time
        team, user = identity.get("team"), identity.get("user")
        log.info("Connected to Slack workspace %s as %s", team, user)
        daily = asyncio.create_task(almanac.poster.loop(daily_tick), name="slack daily")
        try:
            await serve(almanac, settings)
        finally:
            daily.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await daily


async def serve(almanac: SlackAlmanac, settings: Settings) -> None:
    """Receive Slack's requests until cancelled: over Socket Mode, or on SLACK_PORT."""
    if settings.slack_socket_mode:
        assert settings.slack_app_token is not None
        handler = AsyncSocketModeHandler(almanac.app, settings.slack_app_token)
        try:
            await handler.connect_async()  # type: ignore[no-untyped-call]
            await asyncio.Event().wait()
        finally:
            with contextlib.suppress(Exception):
                await handler.close_async()  # type: ignore[no-untyped-call]
        return
    runner = web.AppRunner(almanac.app.web_app(path=EVENTS_PATH, port=settings.slack_port))
    await runner.setup()
    try:
        await web.TCPSite(runner, port=settings.slack_port).start()
        log.info("Slack HTTP mode: listening on port %d%s", settings.slack_port, EVENTS_PATH)
        await asyncio.Event().wait()
    finally:
        await runner.cleanup()
