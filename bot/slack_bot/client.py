"""The Slack Web API clients Almanac uses: at the configured base URL, waiting out 429s."""

from __future__ import annotations

from typing import Final

import aiohttp
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.async_handler import AsyncRetryHandler
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.config import Settings

# Tries after a 429 (each waits the Retry-After Slack gives) before a send is given up.
RATE_LIMIT_RETRIES: Final = 5


def retry_handlers(*, reconnect: bool = True) -> list[AsyncRetryHandler]:
    """Retry a 429 after the Retry-After Slack gives, and (`reconnect`) a dropped
    connection once. A daily post is not resent on a dropped connection: Slack may have
    posted it, and its claim's retry looks for it first."""
    handlers: list[AsyncRetryHandler] = [
        AsyncRateLimitErrorRetryHandler(max_retry_count=RATE_LIMIT_RETRIES)
    ]
    if reconnect:
        handlers.append(AsyncConnectionErrorRetryHandler())
    return handlers


def web_client(
    settings: Settings, session: aiohttp.ClientSession | None = None, *, reconnect: bool = True
) -> AsyncWebClient:
    """The Web API client for the bot token, at the configured base URL, honouring 429s."""
    return AsyncWebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_base,
        session=session,
        retry_handlers=retry_handlers(reconnect=reconnect),
    )


def slack_error(error: SlackApiError) -> str:
    """What Slack said went wrong ('not_in_channel', 'invalid_auth'), or its HTTP status."""
    response = error.response
    data = getattr(response, "data", None)
    if isinstance(data, dict) and data.get("error"):
        return str(data["error"])
    return f"HTTP {getattr(response, 'status_code', '?')}"
