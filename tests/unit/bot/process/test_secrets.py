"""The Discord token never shows: not in logs, tracebacks, settings errors, repr, or CLI output."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.config import Settings, SettingsError
from bot.process.cli import main
from bot.process.logs import REDACTED, AlmanacHandler, setup_logging

TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAx.GhOsT.s3cr3t-t0k3n_value"


@pytest.fixture
def log_stream() -> Iterator[io.StringIO]:
    """The almanac handler on the root logger, writing to a buffer; removed afterwards."""
    stream = io.StringIO()
    root = logging.getLogger()
    level = root.level
    handler = setup_logging("DEBUG", TOKEN, stream)
    try:
        yield stream
    finally:
        root.removeHandler(handler)
        root.setLevel(level)


class TokenError(Exception):
    """An exception whose message carries the token (as an HTTP library's might)."""


def _raise_nested() -> None:
    try:
        raise TokenError(f"401 Unauthorized for Bot {TOKEN}")
    except TokenError as inner:
        raise RuntimeError(f"login failed ({TOKEN[:10]}…)") from inner


def log_message(logger: logging.Logger) -> None:
    logger.info("token is %s", TOKEN)


def log_literal(logger: logging.Logger) -> None:
    logger.warning(f"Authorization: Bot {TOKEN}")


def log_object_argument(logger: logging.Logger) -> None:
    logger.error("headers: %r", {"Authorization": f"Bot {TOKEN}"})


def log_exception(logger: logging.Logger) -> None:
    try:
        raise TokenError(f"bad token {TOKEN}")
    except TokenError:
        logger.exception("Command /quote failed")


def log_chained_exception(logger: logging.Logger) -> None:
    try:
        _raise_nested()
    except RuntimeError:
        logger.exception("start-up failed")


def log_exc_info_object(logger: logging.Logger) -> None:
    error = TokenError(f"token={TOKEN}")
    logger.error("Command /daily failed", exc_info=(type(error), error, None))


def log_stack(logger: logging.Logger) -> None:
    logger.debug("debug %s", TOKEN, stack_info=True)


LOGS = {
    "argument": log_message,
    "literal": log_literal,
    "object-argument": log_object_argument,
    "exception": log_exception,
    "chained-exception": log_chained_exception,
    "exc-info-tuple": log_exc_info_object,
    "stack-info": log_stack,
}


@pytest.mark.parametrize("logger_name", ["almanac", "discord.http", "discord.gateway", "aiohttp"])
@pytest.mark.parametrize("emit", list(LOGS.values()), ids=list(LOGS))
def test_logs_redact_token(
    log_stream: io.StringIO, logger_name: str, emit: Callable[[logging.Logger], None]
) -> None:
    """Whatever logger logs the token, however (message, args, traceback), it is redacted."""
    emit(logging.getLogger(logger_name))
    output = log_stream.getvalue()
    assert output
    assert TOKEN not in output
    assert REDACTED in output


def test_second_setup_replaces_handler(log_stream: io.StringIO) -> None:
    """setup_logging twice keeps one redacting handler, not a second unfiltered one."""
    setup_logging("INFO", TOKEN, log_stream)
    handlers = [h for h in logging.getLogger().handlers if isinstance(h, AlmanacHandler)]
    assert len(handlers) == 1
    logging.getLogger("almanac").warning("again %s", TOKEN)
    assert TOKEN not in log_stream.getvalue()


@pytest.mark.parametrize(
    "env",
    [
        {"ALMANAC_TIMEZONE": TOKEN},
        {"ALMANAC_LOG_LEVEL": f"x{TOKEN}"},
        {"ALMANAC_DEV_GUILD": TOKEN},
        {"DISCORD_API_BASE": TOKEN},
        {"DISCORD_GATEWAY": f"ftp://{TOKEN}"},
    ],
    ids=["timezone", "log-level", "dev-guild", "api-base", "gateway"],
)
def test_settings_errors_redact_token(env: dict[str, str]) -> None:
    """A malformed setting that contains the token is reported without it."""
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"DISCORD_TOKEN": TOKEN, **env}, env_file=None)
    assert TOKEN.lower() not in str(caught.value).lower()
    assert "***" in str(caught.value)


def test_token_with_spaces_is_not_echoed() -> None:
    """A token pasted with a line break is refused without being shown."""
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"DISCORD_TOKEN": f"{TOKEN}\nextra"}, env_file=None)
    assert TOKEN not in str(caught.value)
    assert str(caught.value).startswith("DISCORD_TOKEN:")


def test_malformed_env_file_line_is_not_echoed(tmp_path: Path) -> None:
    """A .env line that is not KEY=VALUE (a pasted token) is named by number only."""
    env = tmp_path / ".env"
    env.write_text(f"ALMANAC_TIMEZONE=UTC\n{TOKEN}\n")
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({}, env_file=env)
    assert str(caught.value) == f"{env}, line 2: expected KEY=VALUE"


def test_repr_and_str_hide_token() -> None:
    """repr, str and f-strings of Settings show *** for the token."""
    settings = Settings.from_env({"DISCORD_TOKEN": TOKEN}, env_file=None)
    for shown in (repr(settings), str(settings), f"{settings}", f"{settings!r}", repr([settings])):
        assert TOKEN not in shown
        assert "token='***'" in shown


@pytest.mark.parametrize(
    ("env", "line"),
    [
        ({"ALMANAC_TIMEZONE": TOKEN}, ".env"),
        ({"ALMANAC_LOG_LEVEL": TOKEN}, ".env"),
        ({"ALMANAC_DEV_GUILD": TOKEN}, ".env"),
        ({"DISCORD_TOKEN": f"{TOKEN} {TOKEN}"}, ".env"),
        ({}, f"{TOKEN}\n"),
        ({}, f"DISCORD_TOKEN={TOKEN}\n{TOKEN}\n"),
    ],
    ids=["timezone", "log-level", "dev-guild", "token-with-space", "env-line", "env-line-after"],
)
def test_cli_malformed_setting_hides_token(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    env: dict[str, str],
    line: str,
) -> None:
    """`almanac ask` with a malformed setting exits 2 with one line, and no token in it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", TOKEN)
    monkeypatch.setenv("ALMANAC_DB", str(tmp_path / "almanac.sqlite3"))
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    if line != ".env":
        monkeypatch.delenv("DISCORD_TOKEN")
        (tmp_path / ".env").write_text(line)
    assert main(["ask", "/sources"]) == 2
    out, err = capsys.readouterr()
    assert TOKEN.lower() not in (out + err).lower()
    assert out == ""
    assert err.startswith("almanac: ")
    assert err.count("\n") == 1


def test_cli_dev_guild_superscript_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """ALMANAC_DEV_GUILD='²' is a malformed setting: exit 2 with one line."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("ALMANAC_DB", str(tmp_path / "almanac.sqlite3"))
    monkeypatch.setenv("ALMANAC_DEV_GUILD", "²")
    assert main(["ask", "/sources"]) == 2
    assert capsys.readouterr().err.startswith("almanac: ALMANAC_DEV_GUILD:")
