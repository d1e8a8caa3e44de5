"""Slack ids in the state store: exact both ways, never a Discord snowflake."""

from __future__ import annotations

import pytest

from db.state.records import is_slack_key, slack_id, slack_key, slack_message_key

BIGINT_MAX = 2**63 - 1


@pytest.mark.parametrize("text", ["T024BE7LD", "C0HISTORY1", "G1", "E0ZZZZZZZZZZ", "TZZZZZZZZZZZ"])
def test_round_trip(text: str) -> None:
    """A workspace or channel id comes back exactly, as a negative BIGINT."""
    key = slack_key(text)
    assert slack_id(key) == text
    assert is_slack_key(key)
    assert -BIGINT_MAX <= key < 0


@pytest.mark.parametrize("text", ["", "t024be7ld", "0ABC", "T" + "Z" * 12, "C12 3", "<#C123>"])
def test_not_slack_ids(text: str) -> None:
    """Anything that is not a Slack id (or would not fit a BIGINT) is refused."""
    with pytest.raises(ValueError, match="not a Slack id"):
        slack_key(text)


def test_discord_ids_are_not_slack_keys() -> None:
    """A Discord snowflake is positive: never taken for a Slack key."""
    assert not is_slack_key(123456789012345678)
    with pytest.raises(ValueError, match="not a Slack key"):
        slack_id(123456789012345678)


def test_message_ts() -> None:
    """A message's ts is an exact, ordered integer for the post log."""
    assert slack_message_key("1700000001.000100") == 1_700_000_001_000_100
    assert slack_message_key("1700000001.5") == 1_700_000_001_500_000
    assert slack_message_key("1700000001.000100") < slack_message_key("1700000002.000001")
