"""/timeline's picture on the seeds: a valid PNG of the stated size under 1 MB, drawn
for the key moments and one-page timelines only, and remembered per search and store."""

from __future__ import annotations

import asyncio
import struct
import threading
from collections import OrderedDict

import pytest

from bot.answers import picture
from bot.answers.picture import HEIGHT_PX, WIDTH_PX, pictured, timeline_picture
from bot.answers.requests import TimelineRequest
from bot.answers.timeline import find_timeline
from db.read.store import Store

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk, after checking the signature."""
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("query", ["", "nato", "putin"])
async def test_picture_is_a_png_of_the_stated_size(store: Store, query: str) -> None:
    """Key moments (every event) and one-page timelines: a PNG, 900 x 660, under 1 MB."""
    answer = await find_timeline(store, TimelineRequest(query))
    data = await timeline_picture(store, answer, waiting=False)
    assert data is not None
    assert png_size(data) == (WIDTH_PX, HEIGHT_PX)
    assert len(data) < 1_000_000
    assert data.endswith(b"IEND\xaeB`\x82")


async def test_full_list_pages_have_no_picture(store: Store) -> None:
    """A page of the full list of a long span is a list, not a picture."""
    answer = await find_timeline(store, TimelineRequest("", full=True))
    assert answer.pages > 1
    assert not pictured(answer)
    assert await timeline_picture(store, answer) is None


async def test_picture_is_remembered_per_search(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same search draws once; another search draws its own."""
    drawn: list[object] = []
    draw = picture.draw_png

    def counted(spec: picture.PictureSpec) -> bytes:
        drawn.append(spec)
        return draw(spec)

    monkeypatch.setattr(picture, "draw_png", counted)
    monkeypatch.setattr(picture, "_cache", type(picture._cache)())
    everything = await find_timeline(store, TimelineRequest(""))
    first = await timeline_picture(store, everything, waiting=False)
    again = await timeline_picture(store, await find_timeline(store, TimelineRequest("")))
    assert first is again
    assert len(drawn) == 1
    await timeline_picture(store, await find_timeline(store, TimelineRequest("nato")))
    assert len(drawn) == 2


async def test_a_busy_drawer_leaves_a_picture_out_rather_than_queue_it(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One drawing at a time: while the drawer is busy, an answer in chat goes without
    its picture (a burst never queues drawings); a caller that waits still gets it."""
    release = threading.Event()
    busy = picture._DRAWER.submit(release.wait, 30)
    monkeypatch.setattr(picture, "_drawing", busy)
    monkeypatch.setattr(picture, "_cache", OrderedDict())  # nothing drawn before counts
    answer = await find_timeline(store, TimelineRequest("putin"))
    try:
        assert await timeline_picture(store, answer) is None
    finally:
        release.set()
    await asyncio.wrap_future(busy)
    drawn = await timeline_picture(store, answer, waiting=False)
    assert drawn is not None
    assert await timeline_picture(store, answer) == drawn  # remembered: no drawing
