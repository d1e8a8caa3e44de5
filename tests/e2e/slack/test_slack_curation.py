"""/sources add and remove in Slack through the real Bolt app: only curators (workspace
admins, SLACK_CURATORS) see the previews. A text shared with the app in a direct
message is previewed there; Confirm stores it and /quote finds its speaker, Cancel
keeps nothing, a bad file is refused in one line. Remove's Confirm takes the document
out and moves its file aside, Cancel leaves everything."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest

from bot.config import Settings
from bot.slack_bot.curate import NOT_DOWNLOADED
from db.read.store import Store
from db.write.bootstrap import ensure_content
from db.write.curation import MAX_ADDED_BYTES
from tests.e2e.fake_slack import ADMIN_ID, CHANNEL_ID, DIRECT_ID, MEMBER_ID, FakeSlack, Message

HARBOUR = "Harbour museum chronicle\n\nMay 4, 1901: the harbour museum opened its doors.\n"
MILL = "Mill chronicle\n\nJune 9, 1902: the mill at the river reopened.\n"
CURATOR_ID = "U0CURATOR"
PIER = b"""---
url: https://example.org/harbour-pier
---
# Harbour council votes on the pier

The harbour council met on 3 March 2011 to vote on the new pier.

"The pier will be rebuilt before winter," said Mayor Ilse Varga.
"""
NOT_A_CURATOR = (
    "Only workspace admins and owners (or the users SLACK_CURATORS names) can add or"
    " remove sources."
)


@pytest.fixture
def slack_settings(slack_settings: Settings) -> Settings:
    """The stand-in's settings, with one curator named besides the admins."""
    return replace(slack_settings, slack_curators=frozenset({CURATOR_ID}))


@pytest.fixture
async def slack_store(tmp_path: Path, slack_settings: Settings) -> AsyncIterator[Store]:
    """A store of one seed (the mill) and one added text (the harbour museum)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "mill.txt").write_text(MILL, encoding="utf-8")
    texts = slack_settings.texts_dir
    texts.mkdir(parents=True)
    (texts / "harbour.txt").write_text(HARBOUR, encoding="utf-8")
    path = tmp_path / "content.sqlite3"
    report = ensure_content(path, seeds, texts=texts)
    assert report is not None
    assert report.ok
    async with await Store.open(path) as store:
        yield store


async def private_answer(fake: FakeSlack, command: str, text: str, user: str) -> Message:
    """What only `user` sees after typing `/command text`."""
    before = len(fake.ephemerals)
    await fake.send_command(command, text, user=user)
    return await fake.wait_until(
        lambda: next((m for u, m in fake.ephemerals[before:] if u == user), None),
        f"a private answer to {command} {text}",
    )


async def pressed(fake: FakeSlack, message: Message, action_id: str, user: str) -> Message:
    """What only `user` sees after pressing a button of a private message."""
    before = len(fake.ephemerals)
    await fake.press(message, action_id, user=user)
    return await fake.wait_until(
        lambda: next((m for u, m in fake.ephemerals[before:] if u == user), None),
        f"the answer to {action_id}",
    )


async def listed(fake: FakeSlack) -> str:
    """What /sources shows the channel."""
    message = await fake.wait_for_message(await fake.send_command("/sources", user="U0READER"))
    return message.all_text()


@pytest.mark.parametrize("curator", [ADMIN_ID, CURATOR_ID])
async def test_remove_confirm_takes_the_document_out(
    fake_slack: FakeSlack,
    slack_running: asyncio.Task[None],
    slack_settings: Settings,
    curator: str,
) -> None:
    """A workspace admin or a named curator sees what would go; Confirm removes it and
    says where its file went; /sources no longer lists it."""
    assert "Harbour museum chronicle" in await listed(fake_slack)
    preview = await private_answer(fake_slack, "/sources", "remove harbour", curator)
    assert "Remove “Harbour museum chronicle”?" in preview.all_text()
    assert "1 event" in preview.all_text()
    answer = await pressed(fake_slack, preview, "almanac_sources_remove", curator)
    assert "Removed “Harbour museum chronicle” (1 event, 0 quotes)" in answer.all_text()
    assert "`.removed/harbour.txt`" in answer.all_text()
    texts = slack_settings.texts_dir
    assert (texts / ".removed" / "harbour.txt").read_text(encoding="utf-8") == HARBOUR
    assert not (texts / "harbour.txt").exists()
    shown = await listed(fake_slack)
    assert "Harbour museum chronicle" not in shown
    assert "Mill chronicle" in shown
    again = await pressed(fake_slack, preview, "almanac_sources_remove", curator)
    assert "no longer in the store" in again.all_text()
    assert fake_slack.problems == []


async def test_remove_cancel_leaves_everything(
    fake_slack: FakeSlack, slack_running: asyncio.Task[None], slack_settings: Settings
) -> None:
    """Cancel says nothing was removed; the document and its file stay."""
    preview = await private_answer(fake_slack, "/sources", "remove harbour", ADMIN_ID)
    answer = await pressed(fake_slack, preview, "almanac_sources_keep", ADMIN_ID)
    assert answer.text == "Nothing was removed."
    assert (slack_settings.texts_dir / "harbour.txt").is_file()
    assert "Harbour museum chronicle" in await listed(fake_slack)


async def test_a_member_is_refused_in_one_line(
    fake_slack: FakeSlack, slack_running: asyncio.Task[None], slack_settings: Settings
) -> None:
    """Someone neither admin nor curator gets one private line, typing or pressing a
    curator's button (a value can be forged): nothing changes."""
    refused = await private_answer(fake_slack, "/sources", "remove harbour", MEMBER_ID)
    assert refused.text == NOT_A_CURATOR
    preview = await private_answer(fake_slack, "/sources", "remove harbour", ADMIN_ID)
    answer = await pressed(fake_slack, preview, "almanac_sources_remove", MEMBER_ID)
    assert answer.text == refused.text
    assert (slack_settings.texts_dir / "harbour.txt").is_file()
    assert "Harbour museum chronicle" in await listed(fake_slack)


@pytest.mark.parametrize("words", ["chronicle", "nothing-like-it", ""])
async def test_remove_needs_one_document(
    fake_slack: FakeSlack, slack_running: asyncio.Task[None], words: str
) -> None:
    """Words that match two documents, or none, name none: no preview, no guess."""
    answer = await private_answer(fake_slack, "/sources", f"remove {words}", ADMIN_ID)
    assert "No one document in the store matches that" in answer.all_text()
    assert answer.buttons() == []


def files_under(folder: Path) -> list[str]:
    """Every file under folder, hidden subfolders included, relative to it."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


async def shared(
    fake: FakeSlack, name: str, data: bytes, user: str, size: int | None = None
) -> Message:
    """What the app posts in the direct message after `user` shares a file there."""
    before = len(fake.messages)
    await fake.share_file(name, data, user=user, size=size)
    return await fake.wait_until(
        lambda: next(
            (m for m in list(fake.messages.values())[before:] if m.channel == DIRECT_ID), None
        ),
        f"the app's answer to {name} shared in a direct message",
    )


async def settled(fake: FakeSlack, message: Message, action_id: str, user: str) -> Message:
    """The direct message's preview after `user` presses one of its buttons."""
    return await fake.wait_for_message(await fake.press(message, action_id, user=user))


@pytest.mark.parametrize("curator", [ADMIN_ID, CURATOR_ID])
async def test_a_curator_adds_a_text_and_quote_finds_its_speaker(
    fake_slack: FakeSlack,
    slack_running: asyncio.Task[None],
    slack_settings: Settings,
    curator: str,
) -> None:
    """/sources add says how; the text shared in a direct message is previewed there;
    Confirm stores it, /quote finds its speaker and /sources lists it."""
    hint = await private_answer(fake_slack, "/sources", "add", curator)
    assert "direct message" in hint.text
    preview = await shared(fake_slack, "harbour pier.md", PIER, curator)
    text = preview.all_text()
    assert "Add “Harbour council votes on the pier”?" in text
    assert "1 event, 1 quote" in text
    assert "“The pier will be rebuilt before winter” — Ilse Varga" in text
    texts = slack_settings.texts_dir
    assert not (texts / "harbour_pier.md").exists()  # nothing stored before Confirm
    done = await settled(fake_slack, preview, "almanac_sources_add", curator)
    assert done.text.startswith("Added “harbour_pier.md”: 1 event, 1 quote.")
    assert done.buttons() == []
    assert (texts / "harbour_pier.md").read_bytes() == PIER
    assert files_under(texts / ".pending") == []
    quote = await fake_slack.wait_for_message(
        await fake_slack.send_command("/quote", "varga pier", user="U0READER")
    )
    assert "The pier will be rebuilt before winter" in quote.all_text()
    assert "Ilse Varga" in quote.all_text()
    assert "Harbour council votes on the pier" in await listed(fake_slack)
    assert fake_slack.problems == []


async def test_cancel_keeps_nothing(
    fake_slack: FakeSlack, slack_running: asyncio.Task[None], slack_settings: Settings
) -> None:
    """Cancel deletes the app's pending copy; nothing is stored."""
    preview = await shared(fake_slack, "pier.md", PIER, ADMIN_ID)
    done = await settled(fake_slack, preview, "almanac_sources_cancel", ADMIN_ID)
    assert done.text == "Cancelled: nothing was stored, and the copy of your file was deleted."
    assert done.buttons() == []
    assert files_under(slack_settings.texts_dir) == ["harbour.txt"]
    assert "Harbour council votes on the pier" not in await listed(fake_slack)


async def test_a_member_may_not_add(
    fake_slack: FakeSlack, slack_running: asyncio.Task[None], slack_settings: Settings
) -> None:
    """Anyone else gets one line, for /sources add and for a file shared with the app,
    which is never downloaded."""
    refused = await private_answer(fake_slack, "/sources", "add", MEMBER_ID)
    assert refused.text == NOT_A_CURATOR
    answer = await shared(fake_slack, "pier.md", PIER, MEMBER_ID)
    assert answer.text == NOT_A_CURATOR
    assert fake_slack.downloads == []
    assert files_under(slack_settings.texts_dir) == ["harbour.txt"]


@pytest.mark.parametrize(
    ("name", "data", "size", "expected"),
    [
        ("notes.pdf", b"%PDF-1.7 not a text", None, "notes.pdf: not a text source; attach a .txt"),
        ("big.txt", b"small", MAX_ADDED_BYTES + 1, "big.txt: too large (2 MB; limit is 2 MB)"),
        ("latin.txt", "Café society met on 3 March 2011.".encode("latin-1"), None, "not UTF-8"),
    ],
)
async def test_bad_files_are_refused_in_one_line(
    fake_slack: FakeSlack,
    slack_running: asyncio.Task[None],
    slack_settings: Settings,
    name: str,
    data: bytes,
    size: int | None,
    expected: str,
) -> None:
    """A wrong type or a file Slack says is too large (neither downloaded), a file not
    UTF-8: one line, no buttons, nothing stored or kept."""
    answer = await shared(fake_slack, name, data, ADMIN_ID, size)
    assert expected in answer.text
    assert "\n" not in answer.text.split("\nTry:")[0]
    assert answer.buttons() == []
    assert files_under(slack_settings.texts_dir) == ["harbour.txt"]
    assert (fake_slack.downloads != []) == (name == "latin.txt")


@pytest.mark.parametrize("status", [404, 500, 503])
async def test_a_failed_download_is_one_line_and_keeps_nothing(
    fake_slack: FakeSlack, slack_running: asyncio.Task[None], slack_settings: Settings, status: int
) -> None:
    """Slack answering the download with an error: one line asking to share it again, no
    buttons, nothing stored or kept."""
    fake_slack.download_status = status
    answer = await shared(fake_slack, "pier.md", PIER, ADMIN_ID)
    assert answer.text == NOT_DOWNLOADED
    assert answer.buttons() == []
    assert len(fake_slack.downloads) == 1
    assert files_under(slack_settings.texts_dir) == ["harbour.txt"]


async def test_a_file_shared_in_a_channel_is_left_alone(
    fake_slack: FakeSlack, slack_running: asyncio.Task[None], slack_settings: Settings
) -> None:
    """A curator's file shared in a channel is not the app's business: no answer there,
    no files.info, no download. (A file shared in a direct message right after is
    answered, and its handler runs after the channel one's, which awaits nothing.)"""
    await fake_slack.share_file("pier.md", PIER, user=ADMIN_ID, channel=CHANNEL_ID)
    after = await shared(fake_slack, "notes.pdf", b"%PDF-1.7", ADMIN_ID)
    assert "not a text source" in after.text
    assert [m for m in fake_slack.messages.values() if m.channel == CHANNEL_ID] == []
    looked_up = [args.get("file") for method, args in fake_slack.requests if method == "files.info"]
    assert len(looked_up) == 1
    assert fake_slack.downloads == []
    assert files_under(slack_settings.texts_dir) == ["harbour.txt"]
