"""Settings: read once from the environment and an optional `.env` file.

Every other module receives a `Settings` instead of reading `os.environ`, so the
whole configuration is visible in one place and checked at startup. The
Discord token is never echoed: not by `repr`, not in error messages.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields, replace
from datetime import tzinfo
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

from dateutil import tz
from dotenv.parser import parse_stream

DEFAULT_API_BASE: Final = "https://discord.com/api/v10"
DEFAULT_GATEWAY: Final = "wss://gateway.discord.gg/"
DEFAULT_SLACK_API_BASE: Final = "https://slack.com/api/"
# Where Slack's HTTP mode listens (SLACK_PORT): Bolt's own default.
DEFAULT_SLACK_PORT: Final = 3000
# The Slack settings that are secrets: never echoed, never logged.
SLACK_SECRETS: Final = ("slack_bot_token", "slack_app_token", "slack_signing_secret")
LOG_LEVELS: Final = ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL")
PROJECT_SEEDS: Final = Path(__file__).resolve().parents[1] / "seeds"
MAX_SNOWFLAKE: Final = 2**64 - 1
# More shards than any bot needs (Discord asks for one per 1,000-2,500 servers): the
# cap keeps a typing slip such as ALMANAC_SHARDS=0-99999999 from building a huge list.
MAX_SHARD_COUNT: Final = 65_536
SHARDS_EXAMPLE: Final = "0-3 or 0,2"
_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
STATE_URL_SCHEMES: Final = ("postgresql://", "postgres://")
# A URL's password, in its user part (user:secret@host) or as a libpq parameter.
_URL_PASSWORDS: Final = (
    re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://[^:/@?#]*:)(.*)(@)", re.DOTALL),
    re.compile(r"([?&]password=)([^&#]*)()"),
)


class SettingsError(ValueError):
    """A missing or malformed setting; the message is one line naming the variable."""


class _Default:
    """Marker type for "look for .env in the working directory"."""


CWD_ENV_FILE: Final = _Default()


@dataclass(frozen=True, slots=True, repr=False)
class Settings:
    """The process configuration. Build it with `Settings.from_env()`."""

    token: str | None
    db_path: Path
    state_db_path: Path
    state_url: str | None
    seeds_dir: Path
    timezone: str
    dev_guild: int | None
    api_base: str
    gateway: str
    log_level: str
    # The folder of texts curators add with /sources add (rebuilt from, with the seeds).
    texts_dir: Path
    # Users besides the bot's owner who may /sources add and remove.
    curators: frozenset[int]
    # The /timeline pictures every bot process of the machine shares (a cache).
    picture_cache: Path
    # The bot's total shard count (None: Discord's recommendation at start) and the
    # shards this process runs (None: every one of them).
    shard_count: int | None = None
    shards: tuple[int, ...] | None = None
    # Slack (bot/slack_bot): the bot token (xoxb-), and either the app-level token
    # (xapp-, Socket Mode) or the signing secret (HTTP mode, on slack_port).
    slack_bot_token: str | None = None
    slack_app_token: str | None = None
    slack_signing_secret: str | None = None
    slack_api_base: str = DEFAULT_SLACK_API_BASE
    slack_port: int = DEFAULT_SLACK_PORT
    # Slack user ids (U…) who may change a workspace's daily post besides its admins.
    slack_daily_managers: frozenset[str] = frozenset()
    # Slack user ids who may /sources add and remove besides the workspace's admins.
    slack_curators: frozenset[str] = frozenset()

    def __repr__(self) -> str:
        parts = []
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "token" or f.name in SLACK_SECRETS:
                shown = "'***'" if value else "None"
            else:
                secret = f.name == "state_url" and value is not None
                shown = repr(without_password(value) if secret else value)
            parts.append(f"{f.name}={shown}")
        return f"Settings({', '.join(parts)})"

    __str__ = __repr__

    @property
    def state_location(self) -> Path | str:
        """Where the state store is: the PostgreSQL URL when set, else the SQLite file."""
        return self.state_url or self.state_db_path

    @property
    def state_shown(self) -> str:
        """The state store's place as it may be printed: never the password."""
        return without_password(self.state_url) if self.state_url else str(self.state_db_path)

    @property
    def tzinfo(self) -> tzinfo:
        """The configured default time zone as a tzinfo."""
        zone = tz.gettz(self.timezone)
        assert zone is not None  # validated in from_env
        return zone

    @property
    def runs_every_shard(self) -> bool:
        """Whether this process runs the whole bot, not a subset of its shards."""
        return self.shards is None or len(self.shards) == self.shard_count

    def with_shard_options(self, count: str | None, shards: str | None) -> Settings:
        """These settings with `almanac run --shard-count/--shards` over the environment's."""
        if count is None and shards is None:
            return self
        count_text = count if count is not None else _shown_count(self.shard_count)
        shards_text = shards if shards is not None else _shown_shards(self.shards)
        shard_count, shard_ids = parse_shards(
            count_text,
            shards_text,
            count_name="--shard-count" if count is not None else "ALMANAC_SHARD_COUNT",
            shards_name="--shards" if shards is not None else "ALMANAC_SHARDS",
        )
        return replace(self, shard_count=shard_count, shards=shard_ids)

    @property
    def secrets(self) -> tuple[str, ...]:
        """Every token and secret that is set: what logs and messages must never show."""
        values = (self.token, *(getattr(self, name) for name in SLACK_SECRETS))
        return tuple(v for v in values if v)

    @property
    def runs_discord(self) -> bool:
        """`almanac run` connects to Discord: DISCORD_TOKEN is set."""
        return self.token is not None

    @property
    def runs_slack(self) -> bool:
        """`almanac run` connects to Slack: SLACK_BOT_TOKEN is set (checked with its pair)."""
        return self.slack_bot_token is not None

    @property
    def slack_socket_mode(self) -> bool:
        """Slack in Socket Mode (SLACK_APP_TOKEN set), else HTTP mode (the signing secret)."""
        return self.slack_app_token is not None

    def require_token(self) -> str:
        """The token, or a SettingsError saying how to provide it."""
        if not self.token:
            raise SettingsError(
                "DISCORD_TOKEN is not set: put DISCORD_TOKEN=<bot token> in the environment or .env"
            )
        return self.token

    @classmethod
    def from_env(
        cls,
        environ: Mapping[str, str] | None = None,
        env_file: Path | _Default | None = CWD_ENV_FILE,
    ) -> Settings:
        """Read settings; real environment variables win over `.env` lines.

        `environ` defaults to `os.environ`; `env_file` defaults to `./.env` if it
        exists, and None skips it.
        """
        env = dict(os.environ if environ is None else environ)
        path = Path(".env") if isinstance(env_file, _Default) else env_file
        if path is not None and (path.is_file() or not isinstance(env_file, _Default)):
            env = {**read_env_file(path), **env}
        return _build(_Values(env))


def read_env_file(path: Path) -> dict[str, str]:
    """`KEY=VALUE` lines as python-dotenv reads them (`export`, comments, quotes), but
    strict: a line it cannot read is refused with its number, not skipped."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read the settings file ({exc.strerror})") from None
    values: dict[str, str] = {}
    for binding in parse_stream(io.StringIO(text)):
        key, value = binding.key, binding.value
        if key is None and not binding.error:
            continue  # a blank or comment line
        if key is None or value is None or binding.error or not _KEY.fullmatch(key):
            # The line is not echoed: it could be a pasted token.
            raise SettingsError(f"{path}, line {binding.original.line}: expected KEY=VALUE")
        values[key] = value
    return values


class _Values:
    """Lookup of raw values that treats empty as unset and can redact the token."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env
        self.token = (env.get("DISCORD_TOKEN") or "").strip() or None
        names = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")
        secrets = (self.token, *((env.get(n) or "").strip() for n in names))
        self.secrets = [s for s in secrets if s]

    def get(self, key: str) -> str | None:
        value = self.env.get(key, "").strip()
        return value or None

    def shown(self, value: str) -> str:
        """A value safe to echo in an error: token redacted, length capped."""
        for secret in self.secrets:
            value = value.replace(secret, "***")
        return repr(value if len(value) <= 60 else value[:57] + "...")


def _build(values: _Values) -> Settings:
    db_path = _path(values, "ALMANAC_DB") or _default_data_dir(values) / "almanac.sqlite3"
    return Settings(
        token=_token(values),
        db_path=db_path,
        state_db_path=_path(values, "ALMANAC_STATE_DB") or db_path.with_name("state.sqlite3"),
        state_url=_state_url(values),
        seeds_dir=_path(values, "ALMANAC_SEEDS") or PROJECT_SEEDS,
        timezone=_timezone(values),
        dev_guild=_snowflake(values, "ALMANAC_DEV_GUILD"),
        api_base=_url(values, "DISCORD_API_BASE", DEFAULT_API_BASE, ("http://", "https://")),
        gateway=_url(values, "DISCORD_GATEWAY", DEFAULT_GATEWAY, ("ws://", "wss://")),
        log_level=_log_level(values),
        texts_dir=_path(values, "ALMANAC_TEXTS") or db_path.with_name("texts"),
        curators=_curators(values),
        picture_cache=_path(values, "ALMANAC_PICTURE_CACHE") or db_path.with_name("picture-cache"),
        **_shard_fields(values),
        **_slack(values),
    )


def _slack(values: _Values) -> dict[str, Any]:
    """The Slack settings, checked together: a bot token needs a way to receive events."""
    bot = _secret(values, "SLACK_BOT_TOKEN", "a bot token (xoxb-…)")
    app = _secret(values, "SLACK_APP_TOKEN", "an app-level token (xapp-…)")
    signing = _secret(values, "SLACK_SIGNING_SECRET", "the app's signing secret")
    if bot is not None and app is None and signing is None:
        raise SettingsError(
            "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor "
            "SLACK_SIGNING_SECRET (HTTP mode) is: Slack needs one of them to send events"
        )
    if bot is None and (app is not None or signing is not None):
        raise SettingsError(
            "SLACK_BOT_TOKEN is not set: Slack needs the bot token (xoxb-…) beside "
            "SLACK_APP_TOKEN or SLACK_SIGNING_SECRET"
        )
    return {
        "slack_bot_token": bot,
        "slack_app_token": app,
        "slack_signing_secret": signing,
        "slack_api_base": _slack_api_base(values),
        "slack_port": _port(values, "SLACK_PORT", DEFAULT_SLACK_PORT),
        "slack_daily_managers": _slack_users(values, "SLACK_DAILY_MANAGERS"),
        "slack_curators": _slack_users(values, "SLACK_CURATORS"),
    }


def _secret(values: _Values, key: str, what: str) -> str | None:
    value = values.get(key)
    if value is not None and any(c.isspace() for c in value):
        raise SettingsError(f"{key}: expected {what} without spaces or line breaks")
    return value


def _slack_api_base(values: _Values) -> str:
    """SLACK_API_BASE with the trailing slash slack_sdk joins method names to."""
    value = _url(values, "SLACK_API_BASE", DEFAULT_SLACK_API_BASE, ("http://", "https://"))
    return value.rstrip("/") + "/"


def _port(values: _Values, key: str, default: int) -> int:
    value = values.get(key)
    if value is None:
        return default
    if not (value.isascii() and value.isdecimal()) or not 0 < int(value) < 65536:
        raise SettingsError(f"{key}: expected a port number (1-65535), got {values.shown(value)}")
    return int(value)


_SLACK_USER = re.compile(r"[UW][A-Z0-9]{2,20}")


def _slack_users(values: _Values, key: str) -> frozenset[str]:
    """Slack user ids (U012AB3CD), separated by commas (spaces allowed)."""
    value = values.get(key)
    if value is None:
        return frozenset()
    ids = [part.strip() for part in value.split(",") if part.strip()]
    for part in ids:
        if not _SLACK_USER.fullmatch(part):
            raise SettingsError(
                f"{key}: expected Slack user ids separated by commas "
                f"(e.g. U012AB3CD,U045EF6GH), got {values.shown(part)}"
            )
    return frozenset(ids)


def _shard_fields(values: _Values) -> dict[str, Any]:
    count, shards = parse_shards(
        values.get("ALMANAC_SHARD_COUNT"), values.get("ALMANAC_SHARDS"), shown=values.shown
    )
    return {"shard_count": count, "shards": shards}


def _shown_count(count: int | None) -> str | None:
    return None if count is None else str(count)


def _shown_shards(shards: tuple[int, ...] | None) -> str | None:
    return None if shards is None else ",".join(map(str, shards))


def parse_shards(
    count: str | None,
    shards: str | None,
    *,
    count_name: str = "ALMANAC_SHARD_COUNT",
    shards_name: str = "ALMANAC_SHARDS",
    shown: Callable[[str], str] = repr,
) -> tuple[int | None, tuple[int, ...] | None]:
    """The total shard count and this process's shard ids, from '4' and '0-1' or '0,2'.

    Both unset: Discord recommends the count at start and the process runs every shard.
    A count alone: every shard of that count. Ids need the count, to know each shard's
    servers ((server id >> 22) % count); each id must be below it.
    """
    total: int | None = None
    if count is not None:
        count = count.strip()
        if not _is_number(count) or not 0 < int(count) <= MAX_SHARD_COUNT:
            raise SettingsError(
                f"{count_name}: expected the bot's total number of shards, a whole number from"
                f" 1 to {MAX_SHARD_COUNT:,} (e.g. 4), got {shown(count)}"
            )
        total = int(count)
    if shards is None or not shards.strip():
        return total, None
    if total is None:
        raise SettingsError(
            f"{shards_name}: needs ALMANAC_SHARD_COUNT (or --shard-count), the bot's total number"
            f" of shards, to know which servers are this process's: e.g. ALMANAC_SHARD_COUNT=4"
            f" with ALMANAC_SHARDS={SHARDS_EXAMPLE.split()[0]}"
        )
    ids: set[int] = set()
    for part in shards.split(","):
        first, dash, last = part.strip().partition("-")
        ends = (first.strip(), last.strip()) if dash else (first.strip(), first.strip())
        if not all(_is_number(end) for end in ends) or int(ends[0]) > int(ends[1]):
            raise SettingsError(
                f"{shards_name}: expected shard ids or ranges separated by commas, such as"
                f" {SHARDS_EXAMPLE}, got {shown(part.strip() or shards)}"
            )
        low, high = int(ends[0]), int(ends[1])
        if high >= total:
            raise SettingsError(
                f"{shards_name}: shard {high} does not exist: with {total} shards the ids are"
                f" 0 to {total - 1} ({count_name}={total})"
            )
        ids.update(range(low, high + 1))
    return total, tuple(sorted(ids))


def _is_number(text: str) -> bool:
    """ASCII decimal digits only (isdecimal() alone accepts other scripts' digits)."""
    return text.isascii() and text.isdecimal() and len(text) <= 9


def _token(values: _Values) -> str | None:
    token = values.token
    if token is not None and any(c.isspace() for c in token):
        raise SettingsError("DISCORD_TOKEN: expected a bot token without spaces or line breaks")
    return token


def _default_data_dir(values: _Values) -> Path:
    xdg = values.get("XDG_DATA_HOME")
    if xdg:
        return Path(xdg).expanduser() / "almanac"
    home = values.get("HOME")
    base = Path(home) if home else Path.home()
    return base / ".local" / "share" / "almanac"


def _path(values: _Values, key: str) -> Path | None:
    value = values.get(key)
    return Path(value).expanduser() if value else None


def _timezone(values: _Values) -> str:
    name = values.get("ALMANAC_TIMEZONE") or "UTC"
    if tz.gettz(name) is None:
        raise SettingsError(
            f"ALMANAC_TIMEZONE: expected an IANA time zone such as 'Europe/Paris' or 'UTC', "
            f"got {values.shown(name)}"
        )
    return name


def _snowflake(values: _Values, key: str) -> int | None:
    value = values.get(key)
    if value is None:
        return None
    # isdigit() accepts '²', which int() refuses: only ASCII decimal digits are ids.
    if not (value.isascii() and value.isdecimal()) or not 0 < int(value) <= MAX_SNOWFLAKE:
        raise SettingsError(
            f"{key}: expected a Discord server id (a positive integer, e.g. 123456789012345678), "
            f"got {values.shown(value)}"
        )
    return int(value)


def _curators(values: _Values) -> frozenset[int]:
    """ALMANAC_CURATORS: Discord user ids, separated by commas (spaces allowed)."""
    value = values.get("ALMANAC_CURATORS")
    if value is None:
        return frozenset()
    ids: set[int] = set()
    for part in value.split(","):
        part = part.strip()
        if not part:
            continue
        if not (part.isascii() and part.isdecimal()) or not 0 < int(part) <= MAX_SNOWFLAKE:
            raise SettingsError(
                "ALMANAC_CURATORS: expected Discord user ids separated by commas "
                f"(e.g. 123456789012345678,234567890123456789), got {values.shown(part)}"
            )
        ids.add(int(part))
    return frozenset(ids)


def _url(values: _Values, key: str, default: str, schemes: tuple[str, ...]) -> str:
    value = values.get(key) or default
    if not value.startswith(schemes) or len(value) <= len(value.split("//")[0]) + 2:
        raise SettingsError(
            f"{key}: expected a URL starting with {' or '.join(schemes)}, got {values.shown(value)}"
        )
    return value.rstrip("/") if key == "DISCORD_API_BASE" else value


def without_password(url: str) -> str:
    """The URL with any password replaced by ***, for messages and repr."""
    for pattern in _URL_PASSWORDS:
        url = pattern.sub(r"\1***\3", url)
    return url


def _state_url(values: _Values) -> str | None:
    value = values.get("ALMANAC_STATE_URL")
    if value is None:
        return None
    try:
        parts = urlsplit(value)
        _ = parts.port  # a port that is not a number raises here
        well_formed = value.startswith(STATE_URL_SCHEMES) and not any(c.isspace() for c in value)
    except ValueError:
        well_formed = False
    if not well_formed:
        raise SettingsError(
            "ALMANAC_STATE_URL: expected a PostgreSQL URL such as "
            "postgresql://almanac@db.example:5432/almanac, "
            f"got {values.shown(without_password(value))}"
        )
    return value


def _log_level(values: _Values) -> str:
    raw = values.get("ALMANAC_LOG_LEVEL") or "INFO"
    if raw.upper() not in LOG_LEVELS:
        # Echo the raw value: redaction must see the token exactly as it was given.
        raise SettingsError(
            f"ALMANAC_LOG_LEVEL: expected one of {', '.join(LOG_LEVELS)}, got {values.shown(raw)}"
        )
    return raw.upper()
