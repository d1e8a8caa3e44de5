"""The global REST rate limiter: a sliding window that answers 429 like Discord."""

from __future__ import annotations

import math
import time

from aiohttp import web

from tests.e2e.fake_discord.state import FakeState, json_response


class RateLimitMixin(FakeState):
    """`set_rate_limit` and the 429 check the REST middleware applies."""

    def set_rate_limit(self, per_window: int | None, window: float = 1.0) -> None:
        """Enforce a global REST limit of `per_window` requests per `window` seconds."""
        self._rate_limit = None if per_window is None else (per_window, window)
        self._window.clear()

    def _rate_limited(self, path: str) -> web.Response | None:
        """A global 429 when over the limit; interaction endpoints and the CDN are exempt,
        as on Discord."""
        if self._rate_limit is None or path.startswith(("/interactions/", "/webhooks/", "/cdn/")):
            return None
        limit, window = self._rate_limit
        now = time.monotonic()
        while self._window and now - self._window[0] >= window:
            self._window.popleft()
        if len(self._window) < limit:
            self._window.append(now)
            return None
        retry_after = max(window - (now - self._window[0]), 0.01)
        self.rate_limited_count += 1
        headers = {
            "Retry-After": str(math.ceil(retry_after)),
            "X-RateLimit-Global": "true",
            "X-RateLimit-Scope": "global",
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": "0",
            "X-RateLimit-Reset": f"{time.time() + retry_after:.3f}",
            "X-RateLimit-Reset-After": f"{retry_after:.3f}",
            "Via": "1.1 google",  # discord.py treats a 429 without Via as a Cloudflare ban
        }
        body = {
            "message": "You are being rate limited.",
            "retry_after": retry_after,
            "global": True,
        }
        return json_response(body, status=429, headers=headers)
