"""`almanac run` as users start it: its own process, the real entry point and event
loop (uvloop where installed), answering over the stand-in, stopping on Ctrl-C."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bot.discord_bot.app import shard_of
from tests.e2e.fake_discord import GUILD_ID, FakeDiscord, make_guild
from tests.e2e.running import TIMEOUT, almanac_run, interrupted


def discord_env(fake_discord: FakeDiscord, seeded_content: Path, tmp_path: Path) -> dict[str, str]:
    """The environment of `almanac run` against the stand-in, on a copy of the seeded store."""
    content = tmp_path / "almanac.sqlite3"
    shutil.copy(seeded_content, content)
    return {
        **os.environ,
        "DISCORD_TOKEN": "fake-token",
        "ALMANAC_DB": str(content),
        "ALMANAC_STATE_DB": str(tmp_path / "state.sqlite3"),
        "DISCORD_API_BASE": fake_discord.api_base,
        "DISCORD_GATEWAY": fake_discord.gateway_url,
    }


async def test_almanac_run_answers_and_stops_cleanly(
    fake_discord: FakeDiscord, seeded_content: Path, tmp_path: Path
) -> None:
    """`python -m bot run` connects, answers /quote, and exits 0 on SIGINT."""
    env = discord_env(fake_discord, seeded_content, tmp_path)
    async with almanac_run(env, tmp_path) as process:
        await fake_discord.wait_until(
            lambda: True if fake_discord.connected else None, TIMEOUT, "the bot to connect"
        )
        sent = await fake_discord.send_command("quote", {"query": "putin nato"})
        body = await fake_discord.wait_for_callback(sent, TIMEOUT)
        assert body["data"]["embeds"][0]["title"] == "Vladimir Putin"
        assert body["data"]["allowed_mentions"] == {"parse": []}
        await interrupted(process)


async def test_almanac_run_with_shard_options_runs_those_shards(
    fake_discord: FakeDiscord, seeded_content: Path, tmp_path: Path
) -> None:
    """`almanac run --shard-count 2 --shards N` identifies as shard N of 2 only, answers a
    command from a server of that shard, and warns that SQLite state is not shared."""
    shard = 1 - shard_of(GUILD_ID, 2)
    guild = make_guild("other shard", shard=(shard, 2))
    fake_discord.guilds[guild.id] = guild
    env = discord_env(fake_discord, seeded_content, tmp_path)
    options = ("--shard-count", "2", "--shards", str(shard))
    async with almanac_run(env, tmp_path, *options) as process:
        await fake_discord.wait_until(
            lambda: True if fake_discord.connected else None, TIMEOUT, "the bot to connect"
        )
        assert [i["shard"] for i in fake_discord.identifies] == [[shard, 2]]
        sent = await fake_discord.send_command(
            "quote", {"query": "putin nato"}, channel_id=guild.channels[0].id
        )
        body = await fake_discord.wait_for_callback(sent, TIMEOUT)
        assert body["data"]["embeds"][0]["title"] == "Vladimir Putin"
        err = await interrupted(process)
        assert f"Running shards {shard} of 2 with the SQLite state file" in err
