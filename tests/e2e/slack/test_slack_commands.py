"""Every Slack slash command and button through the real slack_bolt app over Socket Mode:
acked within Slack's 3 s, answered through its response_url in Block Kit that Slack takes."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator

import pytest

from bot.answers.errors import POLITE_FAILURE
from tests.e2e.fake_slack import FakeSlack, Message


@pytest.fixture(autouse=True)
async def _slack_took_everything(
    fake_slack: FakeSlack, slack_running: asyncio.Task[None]
) -> AsyncIterator[None]:
    """After each test: every envelope acked within Slack's 3 s, every message one Slack
    takes. (Bolt sends the ack at its next 10 ms poll, which may follow a quick answer.)"""
    yield
    await fake_slack.wait_until(lambda: True if not fake_slack.unacked() else None, "the acks")
    assert fake_slack.late_acks == []
    assert fake_slack.problems == []


async def answer(fake_slack: FakeSlack, command: str, text: str = "") -> Message:
    """The channel message a command posts."""
    return await fake_slack.wait_for_message(await fake_slack.send_command(command, text))


async def answer_as(fake_slack: FakeSlack, command: str, text: str, user: str) -> Message:
    """The channel message a command by `user` posts."""
    sent = await fake_slack.send_command(command, text, user=user)
    return await fake_slack.wait_for_message(sent)


@pytest.mark.parametrize(
    ("command", "text", "expected"),
    [
        ("/onthisday", "june 16", ["On this day — June 16", "25 years ago", "abandoned"]),
        ("/onthisday", "", ["On this day — June 16"]),  # today, by the app's clock
        ("/quote", "putin nato", ["Vladimir Putin", "NATO", "Source:"]),
        ("/quote", "speaker:bush", ["George W. Bush", "Source:"]),
        ("/timeline", "nato from:2001 to:2008", ["Timeline — nato", "NATO", "Source"]),
        ("/timeline", "", ["8 key moments of 16 events", "People:"]),
        ("/sources", "", ["Sources", "2 documents", "16 events · 18 quotes"]),
    ],
)
async def test_every_command_answers_in_the_channel(
    fake_slack: FakeSlack, command: str, text: str, expected: list[str]
) -> None:
    """Each command answers in the channel with the same answer the other adapters give."""
    message = await answer(fake_slack, command, text)
    shown = message.all_text()
    for words in expected:
        assert words in shown


async def test_another_quote_replaces_the_message(fake_slack: FakeSlack) -> None:
    """Another quote turns the same message to the next match, without repeats."""
    first = await answer(fake_slack, "/quote", "putin")
    seen = {first.blocks[0]["text"]["text"]}
    message = first
    for shown in range(2, 5):
        pressed = await fake_slack.press(message, "almanac_quote_another")
        message = await fake_slack.wait_for_message(pressed)
        assert message.ts == first.ts  # replaced in place
        words = message.blocks[0]["text"]["text"]
        assert words not in seen
        seen.add(words)
        assert f"Quote {shown} of " in message.all_text()
        assert json.loads(message.button("almanac_quote_another")["value"])["n"] == shown


async def test_timeline_pages_and_key_moments(fake_slack: FakeSlack) -> None:
    """Key moments -> Full list page 1 -> Next page 2 -> Previous -> Key moments again."""
    moments = await answer(fake_slack, "/timeline")
    assert "8 key moments of 16 events" in moments.all_text()
    steps = [
        ("almanac_timeline_full", "Page 1 of 2"),
        ("almanac_timeline_next", "Page 2 of 2"),
        ("almanac_timeline_previous", "Page 1 of 2"),
        ("almanac_timeline_moments", "8 key moments of 16 events"),
    ]
    message = moments
    for action_id, expected in steps:
        message = await fake_slack.wait_for_message(await fake_slack.press(message, action_id))
        assert message.ts == moments.ts
        assert expected in message.all_text()


@pytest.mark.parametrize(
    ("command", "text", "says", "example"),
    [
        ("/onthisday", "june 31", "is not a real date", "/onthisday june 16"),
        ("/onthisday", "03/04", "Write the month as a word", "/onthisday april 3"),
        ("/timeline", "nato from:2008 to:2001", "comes after", "/timeline nato from:2001 to:2008"),
        ("/timeline", "page:zero", "whole number from 1", "/timeline nato page:2"),
        ("/quote", "x" * 150, "I read up to 100", "/quote putin nato"),
        ("/quote", "zebra", "No quote mentions “zebra”", "/quote"),
        ("/sources", "page:-1", "whole number from 1", "/sources page:2"),
    ],
)
async def test_mistakes_get_a_private_line_with_an_example(
    fake_slack: FakeSlack, command: str, text: str, says: str, example: str
) -> None:
    """A mistake is answered only to the asker, with a command that works; nothing is
    posted in the channel."""
    sent = await fake_slack.send_command(command, text)
    posted = await fake_slack.wait_for_response(sent)
    assert posted.ephemeral
    assert says in posted.body["text"]
    assert f"`{example}" in posted.body["text"]
    assert fake_slack.messages == {}


async def test_forged_button_is_out_of_date_privately(fake_slack: FakeSlack) -> None:
    """A button value that does not decode is answered privately; the message stays."""
    message = await answer(fake_slack, "/quote", "putin")
    before = message.all_text()
    pressed = await fake_slack.press(message, "almanac_quote_another", value='{"v":1,"q":7}')
    posted = await fake_slack.wait_for_response(pressed)
    assert posted.ephemeral
    assert "This button is out of date; run /quote again." in posted.body["text"]
    assert fake_slack.messages[message.ts].all_text() == before


async def test_commands_at_once_are_all_answered(fake_slack: FakeSlack) -> None:
    """Twenty members' commands sent together are each acked and answered once, in the
    channel."""
    sent = await asyncio.gather(
        *(fake_slack.send_command("/quote", "putin nato", user=f"U0LOAD{i:03d}") for i in range(20))
    )
    for envelope in sent:
        await fake_slack.wait_for_response(envelope)
    assert all(len(fake_slack.responses[e.response_id]) == 1 for e in sent)
    assert len(fake_slack.messages) == 20


async def test_a_member_using_a_command_too_often_is_told_to_wait(fake_slack: FakeSlack) -> None:
    """Five /quote by one member are answered; the sixth gets a private line with the
    wait, while another member and another command still answer."""
    for _ in range(5):
        await answer(fake_slack, "/quote", "putin nato")
    sixth = await fake_slack.wait_for_response(await fake_slack.send_command("/quote", "nato"))
    assert sixth.ephemeral
    assert re.fullmatch(r"Slow down a little: try again in \d+ s\.", sixth.body["text"])
    await answer(fake_slack, "/timeline", "nato")
    other = await fake_slack.send_command("/quote", "putin nato", user="U0OTHER01")
    assert not (await fake_slack.wait_for_response(other)).ephemeral
    assert len(fake_slack.messages) == 7


@pytest.mark.parametrize(
    ("command", "text"),
    [
        ("/quote", "putin \x00\x1b[31m nato"),
        ("/quote", "ы" * 4000),
        ("/timeline", "nato from:" + "9" * 400),
        ("/timeline", "page:99999999999999999999999"),
        ("/onthisday", "\u202ejune 16\u202c"),
        ("/sources", "page:" + "1" * 50),
        ("/quote", "speaker:" + "<@U024BE7LH>" * 30),
        ("/timeline", "`*_~ &amp; &lt;!here&gt;"),
    ],
)
async def test_hostile_input_gets_one_answer_slack_takes(
    fake_slack: FakeSlack, command: str, text: str
) -> None:
    """Whatever is typed, one answer comes (in the channel or privately), and Slack
    would take it."""
    sent = await fake_slack.send_command(command, text)
    posted = await fake_slack.wait_for_response(sent)
    assert posted.body.get("text")
    assert POLITE_FAILURE not in posted.body["text"]  # a mistake, never a bug
    assert len(fake_slack.responses[sent.response_id]) == 1


async def test_timeline_picture_is_uploaded_under_the_answer(fake_slack: FakeSlack) -> None:
    """/timeline's key moments come with their picture, uploaded to the channel as a PNG.
    (An answer waits at most a moment for a drawing: the first may come without one, a
    later one has it from the cache, so the command is asked again until it comes.)"""
    for attempt in range(5):
        await answer_as(fake_slack, "/timeline", "", f"U0PICTURE{attempt}")
        try:
            await fake_slack.wait_until(lambda: fake_slack.files or None, "an upload", 5.0)
            break
        except TimeoutError:
            continue  # drawn too slowly for this answer: cached for the next
    ((channel, file_id, title),) = fake_slack.files
    assert channel == "C0HISTORY1"
    assert fake_slack.uploaded[file_id].startswith(b"\x89PNG\r\n\x1a\n")
    assert "Timeline" in title
