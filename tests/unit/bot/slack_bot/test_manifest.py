"""The Slack app manifest declares exactly the commands the app answers."""

from __future__ import annotations

import re
from pathlib import Path

from bot.slack_bot.app import ALL_COMMANDS, EVENTS

MANIFEST = Path(__file__).resolve().parents[4] / "bot" / "slack_bot" / "manifest.yml"


def test_manifest_commands_are_the_apps() -> None:
    """Each command the app registers is in the manifest, and no other."""
    declared = re.findall(r"^\s*- command: /(\w+)$", MANIFEST.read_text(), re.MULTILINE)
    assert sorted(declared) == sorted(ALL_COMMANDS)


def test_manifest_runs_in_socket_mode_with_buttons() -> None:
    """Socket Mode (no public URL) and interactivity (the buttons) are on; the bot may
    use slash commands and post."""
    text = MANIFEST.read_text()
    assert re.search(r"^\s*socket_mode_enabled: true$", text, re.MULTILINE)
    assert re.search(r"interactivity:\s*\n\s*is_enabled: true", text)
    scopes = set(re.findall(r"^\s*- ([a-z]+:?[a-z.]*)$", text, re.MULTILINE))
    needed = {"commands", "chat:write", "chat:write.public", "users:read", "files:write"}
    needed |= {"files:read"}  # /sources add downloads the shared text
    assert needed | {"channels:history", "groups:history"} <= scopes


def test_manifest_subscribes_to_the_events_the_app_handles() -> None:
    """The bot events the manifest subscribes to are the ones the app handles (it
    forgets a workspace on two, reads a shared text on one), and no other; the
    Messages tab, where a text is shared, is open."""
    block = re.search(r"bot_events:\s*\n((?:\s*- \w+\n)+)", MANIFEST.read_text())
    assert block is not None
    assert sorted(re.findall(r"- (\w+)", block[1])) == sorted(EVENTS)
    text = MANIFEST.read_text()
    assert re.search(r"^\s*messages_tab_enabled: true$", text, re.MULTILINE)
    assert re.search(r"^\s*messages_tab_read_only_enabled: false$", text, re.MULTILINE)
