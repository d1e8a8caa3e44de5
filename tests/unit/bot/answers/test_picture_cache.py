"""/timeline's pictures shared through a folder by the processes of one machine: drawn
by one and read by the others, never served torn or from another store version,
bounded, and given up with one line when the folder cannot be used."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import sqlite3
import sys
import time
from asyncio.subprocess import PIPE
from collections import OrderedDict
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers import picture
from bot.answers.picture import share_pictures, timeline_picture
from bot.answers.picture_cache import CLAIM_STALE, PictureFolder, picture_name
from bot.answers.requests import TimelineRequest
from bot.answers.timeline import Timeline, find_timeline
from db.read.store import Store
from tests.paths import PROJECT_ROOT

PNG = b"\x89PNG\r\n\x1a\n" + b"picture" * 100


@pytest.fixture
async def own_store(seeds_db: Path, tmp_path: Path) -> AsyncIterator[Store]:
    """A copy of the seeds store that a test may change."""
    path = tmp_path / "content.sqlite3"
    shutil.copy(seeds_db, path)
    async with await Store.open(path) as opened:
        yield opened


async def _everything(store: Store) -> Timeline:
    return await find_timeline(store, TimelineRequest(""))


def _pictures(folder: Path) -> list[Path]:
    """The pictures in the folder."""
    return [p for p in folder.iterdir() if p.suffix == ".png"]


def _forget(monkeypatch: pytest.MonkeyPatch) -> None:
    """As another process: nothing of this process's own pictures remembered."""
    monkeypatch.setattr(picture, "_cache", OrderedDict())


def test_two_folders_over_one_directory_share_a_picture(tmp_path: Path) -> None:
    """What one writes, the other reads, byte for byte."""
    name = picture_name(("a search", 1))
    PictureFolder(tmp_path).write(name, PNG)
    assert PictureFolder(tmp_path).read(name) == PNG
    assert PictureFolder(tmp_path).read(picture_name(("another search", 1))) is None


async def test_a_picture_another_process_drew_is_read_not_drawn(
    store: Store, tmp_path: Path, drawn: list[object]
) -> None:
    """A process drawing into the folder (`almanac ask --png`'s path): this process then
    serves its picture without drawing."""
    folder = tmp_path / "pictures"
    assert store.path is not None
    child = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from bot.answers.picture import share_pictures, timeline_picture\n"
        "from bot.answers.requests import TimelineRequest\n"
        "from bot.answers.timeline import find_timeline\n"
        "from db.read.store import Store\n"
        "async def main():\n"
        f"    share_pictures(Path({str(folder)!r}))\n"
        f"    async with await Store.open({str(store.path)!r}) as store:\n"
        "        answer = await find_timeline(store, TimelineRequest(''))\n"
        "        png = await timeline_picture(store, answer, waiting=False)\n"
        "    sys.stdout.buffer.write(png)\n"
        "asyncio.run(main())\n"
    )
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", child, cwd=PROJECT_ROOT, stdout=PIPE, stderr=PIPE
    )
    out, err = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode == 0, err.decode()
    share_pictures(folder)
    served = await timeline_picture(store, await _everything(store))
    assert served == out
    assert drawn == []


async def test_a_damaged_or_torn_picture_is_drawn_again(
    store: Store, tmp_path: Path, drawn: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file cut short, changed inside, or a PNG without the folder's header: each a
    miss, drawn again and replaced, never served."""
    share_pictures(tmp_path)
    answer = await _everything(store)
    good = await timeline_picture(store, answer, waiting=False)
    assert good is not None
    [file] = _pictures(tmp_path)
    whole = file.read_bytes()
    damaged = bytearray(whole)
    damaged[len(whole) // 2] ^= 0xFF
    for broken in (whole[: len(whole) // 2], bytes(damaged), good, b""):
        file.write_bytes(broken)
        _forget(monkeypatch)
        assert await timeline_picture(store, answer, waiting=False) == good
        assert file.read_bytes() == whole  # replaced by the picture drawn again
    assert len(drawn) == 5


async def test_a_new_store_version_does_not_serve_the_old_picture(
    own_store: Store, tmp_path: Path, drawn: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a run that changes the store (ingest, remove: one more write), the folder's
    picture of the same search is not served: it is drawn again."""
    share_pictures(tmp_path)
    await timeline_picture(own_store, await _everything(own_store), waiting=False)
    _forget(monkeypatch)
    await timeline_picture(own_store, await _everything(own_store), waiting=False)
    assert len(drawn) == 1  # the same version: read from the folder
    assert own_store.path is not None
    conn = sqlite3.connect(own_store.path)
    with conn:
        conn.execute("UPDATE store_state SET writes = writes + 1")  # as a writer's run does
    conn.close()
    _forget(monkeypatch)
    await timeline_picture(own_store, await _everything(own_store), waiting=False)
    assert len(drawn) == 2
    assert len(_pictures(tmp_path)) == 2


async def test_an_unusable_folder_keeps_pictures_in_the_process_with_one_line(
    store: Store, tmp_path: Path, drawn: list[object], caplog: pytest.LogCaptureFixture
) -> None:
    """A folder that cannot be made (a file stands in its path): pictures are drawn and
    remembered in this process as without a folder, and the log says so once."""
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    caplog.set_level(logging.WARNING, logger="almanac.pictures")
    share_pictures(blocker / "pictures")
    answer = await _everything(store)
    first = await timeline_picture(store, answer, waiting=False)
    assert first is not None
    assert await timeline_picture(store, answer) == first
    assert await timeline_picture(store, await find_timeline(store, TimelineRequest("nato")))
    assert len(drawn) == 2
    assert len([r for r in caplog.records if r.name == "almanac.pictures"]) == 1
    assert blocker.read_text() == "not a folder"


def test_a_folder_that_fails_later_says_so_once(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A folder gone from under a running process: one line, then no more trying."""
    folder = tmp_path / "pictures"
    shared = PictureFolder(folder)
    folder.rmdir()
    folder.write_text("in the way")
    caplog.set_level(logging.WARNING, logger="almanac.pictures")
    for index in range(3):
        assert shared.claim(picture_name(index))
        shared.write(picture_name(index), PNG)
        assert shared.read(picture_name(index)) is None
    assert len(caplog.records) == 1
    assert folder.read_text() == "in the way"


def test_the_folder_keeps_its_newest_pictures_and_no_other_file_is_touched(
    tmp_path: Path,
) -> None:
    """Past the limit the oldest pictures go; files the folder did not write stay."""
    (tmp_path / "notes.txt").write_text("mine")
    (tmp_path / "holiday.png").write_bytes(PNG)
    shared = PictureFolder(tmp_path, limit=3)
    names = [picture_name(index) for index in range(5)]
    for index, name in enumerate(names):
        shared.write(name, PNG)
        os.utime(tmp_path / name, (time.time() - 100 + index, time.time() - 100 + index))
    shared.write(names[-1], PNG)  # rewritten: the newest
    assert [shared.read(name) is not None for name in names] == [False, False, True, True, True]
    assert (tmp_path / "notes.txt").read_text() == "mine"
    assert (tmp_path / "holiday.png").read_bytes() == PNG
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".png")) == sorted(
        ["holiday.png", *names[2:]]
    )


def test_a_write_left_by_a_killed_process_is_cleared(tmp_path: Path) -> None:
    """A temporary file of a write older than CLAIM_STALE (its process died mid-write)
    goes at the next write; one still being written, and anything else, stays."""
    shared = PictureFolder(tmp_path)
    dead = tmp_path / f".{picture_name('a')}.4242.tmp"
    writing = tmp_path / f".{picture_name('b')}.4343.tmp"
    foreign = tmp_path / ".draft.tmp"
    for path in (dead, writing, foreign):
        path.write_bytes(b"half a picture")
    old = time.time() - CLAIM_STALE - 1
    os.utime(dead, (old, old))
    os.utime(foreign, (old, old))
    shared.write(picture_name("c"), PNG)
    assert not dead.exists()
    assert writing.read_bytes() == b"half a picture"
    assert foreign.read_bytes() == b"half a picture"
    assert shared.read(picture_name("c")) == PNG


async def test_a_picture_another_process_is_drawing_is_left_out_then_taken_over(
    store: Store, tmp_path: Path, drawn: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    """While another process's claim is fresh, an answer goes without the picture and
    nothing is drawn here; a claim left by a drawer that died is taken over."""
    share_pictures(tmp_path)
    answer = await _everything(store)
    await timeline_picture(store, answer, waiting=False)
    [file] = _pictures(tmp_path)  # its name, learnt
    file.unlink()
    _forget(monkeypatch)
    assert PictureFolder(tmp_path).claim(file.name)  # another process draws it now
    assert await timeline_picture(store, answer) is None
    assert len(drawn) == 1
    claim = tmp_path / f"{file.name}.drawing"
    old = time.time() - CLAIM_STALE - 1
    os.utime(claim, (old, old))  # its drawer died
    assert await timeline_picture(store, answer, waiting=False) is not None
    assert len(drawn) == 2
    assert file.exists()
    assert not claim.exists()
