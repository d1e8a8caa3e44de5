"""Settings: defaults, .env parsing, validation, and the token never leaking."""

from __future__ import annotations

import io
import logging
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.config import (
    DEFAULT_API_BASE,
    DEFAULT_GATEWAY,
    PROJECT_SEEDS,
    Settings,
    SettingsError,
)
from bot.process.logs import REDACTED, setup_logging

TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.token-value"


def settings(env: dict[str, str], env_file: Path | None = None) -> Settings:
    return Settings.from_env({"HOME": "/home/tester", **env}, env_file=env_file)


def test_defaults() -> None:
    """With nothing set, every setting has its documented default."""
    s = settings({})
    data = Path("/home/tester/.local/share/almanac")
    assert s.token is None
    assert s.db_path == data / "almanac.sqlite3"
    assert s.state_db_path == data / "state.sqlite3"
    assert s.seeds_dir == PROJECT_SEEDS
    assert s.seeds_dir.name == "seeds"
    assert s.timezone == "UTC"
    assert s.dev_guild is None
    assert s.api_base == DEFAULT_API_BASE
    assert s.gateway == DEFAULT_GATEWAY
    assert s.log_level == "INFO"
    assert s.texts_dir == data / "texts"
    assert s.picture_cache == data / "picture-cache"
    assert s.curators == frozenset()


@pytest.mark.parametrize(
    ("env", "field", "expected"),
    [
        ({"XDG_DATA_HOME": "/xdg"}, "db_path", Path("/xdg/almanac/almanac.sqlite3")),
        (
            {"XDG_DATA_HOME": ""},
            "db_path",
            Path("/home/tester/.local/share/almanac/almanac.sqlite3"),
        ),
        ({"ALMANAC_DB": "/data/a.db"}, "state_db_path", Path("/data/state.sqlite3")),
        ({"ALMANAC_STATE_DB": "/s/state.db"}, "state_db_path", Path("/s/state.db")),
        ({"ALMANAC_SEEDS": "/corpus"}, "seeds_dir", Path("/corpus")),
        ({"ALMANAC_DB": "/data/a.db"}, "texts_dir", Path("/data/texts")),
        ({"ALMANAC_TEXTS": "/my/texts"}, "texts_dir", Path("/my/texts")),
        ({"ALMANAC_DB": "/data/a.db"}, "picture_cache", Path("/data/picture-cache")),
        ({"ALMANAC_PICTURE_CACHE": "/tmp/pics"}, "picture_cache", Path("/tmp/pics")),
        ({"ALMANAC_CURATORS": "12, 34,,56"}, "curators", frozenset({12, 34, 56})),
        ({"ALMANAC_TIMEZONE": "Europe/Paris"}, "timezone", "Europe/Paris"),
        ({"ALMANAC_DEV_GUILD": "123456789012345678"}, "dev_guild", 123456789012345678),
        ({"ALMANAC_LOG_LEVEL": "debug"}, "log_level", "DEBUG"),
        (
            {"DISCORD_API_BASE": "http://127.0.0.1:8080/api/v10/"},
            "api_base",
            "http://127.0.0.1:8080/api/v10",
        ),
        ({"DISCORD_GATEWAY": "ws://127.0.0.1:8080/gw"}, "gateway", "ws://127.0.0.1:8080/gw"),
        ({"DISCORD_TOKEN": f"  {TOKEN}\n"}, "token", TOKEN),
        ({"DISCORD_TOKEN": ""}, "token", None),
        ({}, "state_url", None),
        (
            {"ALMANAC_STATE_URL": "postgresql://a:b@db:5432/x"},
            "state_url",
            "postgresql://a:b@db:5432/x",
        ),
        ({"ALMANAC_STATE_URL": "postgres://db/x"}, "state_location", "postgres://db/x"),
        ({"ALMANAC_STATE_DB": "/s/state.db"}, "state_location", Path("/s/state.db")),
    ],
)
def test_values_from_environment(env: dict[str, str], field: str, expected: Any) -> None:
    """Each variable lands in its field, normalised."""
    assert getattr(settings(env), field) == expected


def test_dotenv_parsing(tmp_path: Path) -> None:
    """`.env` accepts comments, `export`, quotes; the real environment wins over it."""
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# comment\n"
        "\n"
        f"export DISCORD_TOKEN='{TOKEN}'\n"
        'ALMANAC_TIMEZONE="America/New_York"\n'
        "ALMANAC_DEV_GUILD=42  # my test server\n"
        "ALMANAC_LOG_LEVEL=WARNING\n",
        encoding="utf-8",
    )
    s = settings({"ALMANAC_LOG_LEVEL": "ERROR"}, env_file)
    assert s.token == TOKEN
    assert s.timezone == "America/New_York"
    assert s.dev_guild == 42
    assert s.log_level == "ERROR"


def test_dotenv_in_working_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """By default `.env` is read from the working directory, and is optional."""
    monkeypatch.chdir(tmp_path)
    assert Settings.from_env({}).dev_guild is None
    (tmp_path / ".env").write_text("ALMANAC_DEV_GUILD=7\n", encoding="utf-8")
    assert Settings.from_env({}).dev_guild == 7


@pytest.mark.parametrize(
    ("env", "variable", "hint"),
    [
        ({"ALMANAC_TIMEZONE": "Mars/Olympus"}, "ALMANAC_TIMEZONE", "'Mars/Olympus'"),
        ({"ALMANAC_TIMEZONE": f"x{TOKEN}"}, "ALMANAC_TIMEZONE", "IANA time zone"),
        ({"ALMANAC_DEV_GUILD": "my-server"}, "ALMANAC_DEV_GUILD", "positive integer"),
        ({"ALMANAC_DEV_GUILD": "0"}, "ALMANAC_DEV_GUILD", "positive integer"),
        ({"ALMANAC_DEV_GUILD": str(2**64)}, "ALMANAC_DEV_GUILD", "positive integer"),
        ({"ALMANAC_DEV_GUILD": TOKEN}, "ALMANAC_DEV_GUILD", "***"),
        ({"ALMANAC_LOG_LEVEL": "LOUD"}, "ALMANAC_LOG_LEVEL", "DEBUG, INFO"),
        ({"DISCORD_API_BASE": "discord.com/api"}, "DISCORD_API_BASE", "http:// or https://"),
        ({"DISCORD_GATEWAY": "https://gateway"}, "DISCORD_GATEWAY", "ws:// or wss://"),
        ({"DISCORD_TOKEN": "two words"}, "DISCORD_TOKEN", "without spaces"),
        ({"ALMANAC_CURATORS": "12,@jo"}, "ALMANAC_CURATORS", "'@jo'"),
        ({"ALMANAC_CURATORS": "12 34"}, "ALMANAC_CURATORS", "separated by commas"),
        ({"ALMANAC_CURATORS": "0"}, "ALMANAC_CURATORS", "user ids"),
        ({"ALMANAC_CURATORS": TOKEN}, "ALMANAC_CURATORS", "***"),
    ],
)
def test_malformed_settings(env: dict[str, str], variable: str, hint: str) -> None:
    """A bad value is one clear line naming the variable, never showing the token."""
    with pytest.raises(SettingsError) as caught:
        settings({"DISCORD_TOKEN": TOKEN} | env)
    message = str(caught.value)
    assert message.startswith(variable)
    assert hint in message
    assert "\n" not in message
    assert TOKEN not in message
    assert "two words" not in message


@pytest.mark.parametrize("line", ["just-a-token-pasted-here", "=value", "BAD KEY=1"])
def test_malformed_dotenv_line(tmp_path: Path, line: str) -> None:
    """A line that is not KEY=VALUE is reported by number, without echoing it."""
    env_file = tmp_path / ".env"
    env_file.write_text(f"ALMANAC_TIMEZONE=UTC\n{line}\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"line 2: expected KEY=VALUE$") as caught:
        settings({}, env_file)
    assert line not in str(caught.value)


def test_missing_explicit_env_file(tmp_path: Path) -> None:
    """An explicitly named settings file must exist."""
    with pytest.raises(SettingsError, match="cannot read"):
        settings({}, tmp_path / "nope.env")


def test_repr_masks_token() -> None:
    """repr/str show that a token is set but never its value."""
    s = settings({"DISCORD_TOKEN": TOKEN})
    assert TOKEN not in repr(s)
    assert TOKEN not in str(s)
    assert "token='***'" in repr(s)
    assert "token=None" in repr(settings({}))


@pytest.mark.parametrize(
    "url",
    [
        "mysql://almanac:hunter2@db/almanac",
        "postgresql://almanac:hunter2@db:port/almanac",
        "postgresql://almanac:hunter2@db/alm anac",
        "db.example/almanac?password=hunter2",
    ],
)
def test_bad_state_url_is_one_line_without_password(url: str) -> None:
    """A state URL that is not PostgreSQL's is refused in one line that hides the password."""
    with pytest.raises(SettingsError) as raised:
        settings({"ALMANAC_STATE_URL": url})
    message = str(raised.value)
    assert message.startswith("ALMANAC_STATE_URL: expected a PostgreSQL URL")
    assert "\n" not in message
    assert "hunter2" not in message


def test_repr_masks_state_url_password() -> None:
    """repr shows where the state store is, never its password (in the user part or query)."""
    for url in ("postgresql://almanac:hunter2@db/x", "postgresql://db/x?password=hunter2"):
        s = settings({"ALMANAC_STATE_URL": url})
        assert "hunter2" not in repr(s)
        assert "hunter2" not in s.state_shown
        assert "***" in s.state_shown


def test_require_token() -> None:
    """require_token returns the token or explains how to set it."""
    assert settings({"DISCORD_TOKEN": TOKEN}).require_token() == TOKEN
    with pytest.raises(SettingsError, match="DISCORD_TOKEN is not set"):
        settings({}).require_token()


def test_tzinfo() -> None:
    """The configured zone is usable as a tzinfo."""
    summer = datetime(2024, 7, 1, 12, tzinfo=settings({"ALMANAC_TIMEZONE": "Europe/Paris"}).tzinfo)
    assert summer.utcoffset() == timedelta(hours=2)
    assert datetime(2024, 7, 1, tzinfo=settings({}).tzinfo).utcoffset() == timedelta(0)


def test_log_output_redacts_token() -> None:
    """Whatever logger writes the token, in a message, argument or traceback, it is redacted."""
    stream = io.StringIO()
    handler = setup_logging("INFO", TOKEN, stream)
    try:
        logging.getLogger("discord.http").info("token is %s", TOKEN)
        logging.getLogger("almanac").warning(f"inline {TOKEN}")
        try:
            raise RuntimeError(f"failed with {TOKEN}")
        except RuntimeError:
            logging.getLogger("almanac").exception("oops")
    finally:
        logging.getLogger().removeHandler(handler)
    output = stream.getvalue()
    assert TOKEN not in output
    assert output.count(REDACTED) == 3
    assert "Traceback" in output


@pytest.mark.parametrize(
    ("env", "count", "shards"),
    [
        ({}, None, None),
        ({"ALMANAC_SHARD_COUNT": "4"}, 4, None),
        ({"ALMANAC_SHARD_COUNT": "4", "ALMANAC_SHARDS": "0-3"}, 4, (0, 1, 2, 3)),
        ({"ALMANAC_SHARD_COUNT": "8", "ALMANAC_SHARDS": "6, 0,2-3,2"}, 8, (0, 2, 3, 6)),
        ({"ALMANAC_SHARD_COUNT": "1", "ALMANAC_SHARDS": "0"}, 1, (0,)),
        ({"ALMANAC_SHARD_COUNT": "2", "ALMANAC_SHARDS": ""}, 2, None),
    ],
)
def test_shard_settings(env: dict[str, str], count: int | None, shards: Any) -> None:
    """The shard count and this process's shards: single ids, ranges, any order."""
    s = settings(env)
    assert (s.shard_count, s.shards) == (count, shards)


SLACK_BOT = "xoxb-1111-2222-invented"
SLACK_APP = "xapp-1-A111-3333-invented"
SIGNING = "8f3c0invented0signing0secret"


@pytest.mark.parametrize(
    ("env", "field", "expected"),
    [
        ({}, "slack_bot_token", None),
        ({}, "slack_api_base", "https://slack.com/api/"),
        ({}, "slack_port", 3000),
        ({"SLACK_BOT_TOKEN": SLACK_BOT, "SLACK_APP_TOKEN": SLACK_APP}, "slack_socket_mode", True),
        (
            {"SLACK_BOT_TOKEN": SLACK_BOT, "SLACK_SIGNING_SECRET": SIGNING},
            "slack_socket_mode",
            False,
        ),
        ({"SLACK_BOT_TOKEN": SLACK_BOT, "SLACK_APP_TOKEN": SLACK_APP}, "runs_slack", True),
        ({"SLACK_BOT_TOKEN": SLACK_BOT, "SLACK_APP_TOKEN": SLACK_APP}, "runs_discord", False),
        ({"DISCORD_TOKEN": TOKEN}, "runs_slack", False),
        ({"SLACK_API_BASE": "http://127.0.0.1:9/api"}, "slack_api_base", "http://127.0.0.1:9/api/"),
        ({"SLACK_PORT": "8080"}, "slack_port", 8080),
        (
            {"SLACK_DAILY_MANAGERS": "U012AB3CD, W045EF6GH"},
            "slack_daily_managers",
            frozenset({"U012AB3CD", "W045EF6GH"}),
        ),
        ({"SLACK_CURATORS": "U012AB3CD"}, "slack_curators", frozenset({"U012AB3CD"})),
    ],
)
def test_slack_values(env: dict[str, str], field: str, expected: Any) -> None:
    """Each Slack variable lands in its field; the mode follows which token is set."""
    assert getattr(settings(env), field) == expected


@pytest.mark.parametrize(
    ("env", "variable", "hint"),
    [
        ({"ALMANAC_SHARD_COUNT": "0"}, "ALMANAC_SHARD_COUNT", "from 1 to 65,536"),
        ({"ALMANAC_SHARD_COUNT": "four"}, "ALMANAC_SHARD_COUNT", "'four'"),
        ({"ALMANAC_SHARD_COUNT": "99999999999"}, "ALMANAC_SHARD_COUNT", "whole number"),
        ({"ALMANAC_SHARDS": "0-3"}, "ALMANAC_SHARDS", "needs ALMANAC_SHARD_COUNT"),
        ({"ALMANAC_SHARD_COUNT": "4", "ALMANAC_SHARDS": "0-4"}, "ALMANAC_SHARDS", "0 to 3"),
        ({"ALMANAC_SHARD_COUNT": "4", "ALMANAC_SHARDS": "3-1"}, "ALMANAC_SHARDS", "'3-1'"),
        ({"ALMANAC_SHARD_COUNT": "4", "ALMANAC_SHARDS": "0;1"}, "ALMANAC_SHARDS", "0-3 or 0,2"),
        ({"ALMANAC_SHARD_COUNT": "4", "ALMANAC_SHARDS": "1,,2"}, "ALMANAC_SHARDS", "0-3 or 0,2"),
        ({"ALMANAC_SHARD_COUNT": "4", "ALMANAC_SHARDS": "-1"}, "ALMANAC_SHARDS", "'-1'"),
        ({"ALMANAC_SHARD_COUNT": "4", "ALMANAC_SHARDS": TOKEN}, "ALMANAC_SHARDS", "***"),
    ],
)
def test_malformed_shard_settings(env: dict[str, str], variable: str, hint: str) -> None:
    """A bad shard setting is one line naming the variable and what is expected."""
    with pytest.raises(SettingsError) as caught:
        settings({"DISCORD_TOKEN": TOKEN} | env)
    message = str(caught.value)
    assert message.startswith(variable)
    assert hint in message
    assert "\n" not in message
    assert TOKEN not in message


@pytest.mark.parametrize(
    ("env", "variable", "hint"),
    [
        ({"SLACK_BOT_TOKEN": SLACK_BOT}, "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN (Socket Mode)"),
        ({"SLACK_APP_TOKEN": SLACK_APP}, "SLACK_BOT_TOKEN is not set", "xoxb"),
        (
            {"SLACK_BOT_TOKEN": f"{SLACK_BOT} x", "SLACK_APP_TOKEN": SLACK_APP},
            "SLACK_BOT_TOKEN",
            "without spaces",
        ),
        ({"SLACK_PORT": "http"}, "SLACK_PORT", "port number"),
        ({"SLACK_PORT": "70000"}, "SLACK_PORT", "port number"),
        ({"SLACK_API_BASE": "slack.com/api"}, "SLACK_API_BASE", "http:// or https://"),
        ({"SLACK_DAILY_MANAGERS": "U012AB3CD,@jo"}, "SLACK_DAILY_MANAGERS", "'@jo'"),
        (
            {"SLACK_BOT_TOKEN": SLACK_BOT, "SLACK_APP_TOKEN": SLACK_APP, "SLACK_PORT": SLACK_APP},
            "SLACK_PORT",
            "***",
        ),
    ],
)
def test_malformed_slack_settings(env: dict[str, str], variable: str, hint: str) -> None:
    """A bad Slack setting is one line naming the variable, never showing a token."""
    with pytest.raises(SettingsError) as caught:
        settings(env)
    message = str(caught.value)
    assert message.startswith(variable)
    assert hint in message
    assert "\n" not in message
    assert SLACK_BOT not in message
    assert SLACK_APP not in message


def test_repr_masks_slack_secrets() -> None:
    """repr shows that the Slack tokens and secret are set, never their values."""
    s = settings(
        {
            "SLACK_BOT_TOKEN": SLACK_BOT,
            "SLACK_APP_TOKEN": SLACK_APP,
            "SLACK_SIGNING_SECRET": SIGNING,
        }
    )
    for secret in (SLACK_BOT, SLACK_APP, SIGNING):
        assert secret not in repr(s)
    assert "slack_bot_token='***'" in repr(s)
    assert set(s.secrets) == {SLACK_BOT, SLACK_APP, SIGNING}


def test_log_output_redacts_slack_tokens() -> None:
    """Every secret handed to the logging setup is redacted, not only Discord's token."""
    stream = io.StringIO()
    handler = setup_logging("INFO", None, stream, more_secrets=[SLACK_BOT, SLACK_APP])
    try:
        logging.getLogger("slack_sdk").info("Authorization: Bearer %s / %s", SLACK_BOT, SLACK_APP)
    finally:
        logging.getLogger().removeHandler(handler)
    output = stream.getvalue()
    assert SLACK_BOT not in output
    assert SLACK_APP not in output
    assert output.count(REDACTED) == 2


def test_shard_options_override_the_environment() -> None:
    """`almanac run --shard-count/--shards` win over the variables, validated alike."""
    base = settings({"ALMANAC_SHARD_COUNT": "4", "ALMANAC_SHARDS": "0-1"})
    assert base.with_shard_options(None, None) is base
    assert not base.runs_every_shard
    moved = base.with_shard_options(None, "2-3")
    assert (moved.shard_count, moved.shards) == (4, (2, 3))
    whole = base.with_shard_options("2", "0-1")
    assert (whole.shard_count, whole.shards) == (2, (0, 1))
    assert whole.runs_every_shard
    with pytest.raises(SettingsError, match=r"^--shards: shard 5 does not exist"):
        base.with_shard_options(None, "5")
    with pytest.raises(SettingsError, match=r"^--shard-count: expected"):
        base.with_shard_options("0", None)
    with pytest.raises(SettingsError, match=r"^ALMANAC_SHARDS: shard 2 .*=2"):
        moved.with_shard_options("2", None)
