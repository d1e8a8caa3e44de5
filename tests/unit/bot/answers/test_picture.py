"""/timeline's picture on the seeds: a valid PNG of the stated size under 1 MB, drawn
for the key moments and one-page timelines only, and remembered per search and store."""

from __future__ import annotations

import asyncio
import struct
import threading
from collections import OrderedDict
from itertools import combinations, pairwise

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


async def test_picture_is_remembered_per_search(store: Store, drawn: list[object]) -> None:
    """The same search draws once; another search draws its own."""
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


async def test_asks_for_one_picture_at_once_draw_it_once(store: Store, drawn: list[object]) -> None:
    """A burst asks for the same picture many times before it is drawn: the first ask
    draws it, the others go without while it is drawn (its density query included)."""
    answer = await find_timeline(store, TimelineRequest(""))
    got = await asyncio.gather(*(timeline_picture(store, answer) for _ in range(6)))
    assert len(drawn) == 1
    assert sum(1 for g in got if g is not None) == 1
    assert await timeline_picture(store, answer) == next(g for g in got if g)


# -- the labels' leader lines, on the geometry ----------------------------------------

Point = tuple[float, float]


def _turn(a: Point, b: Point, c: Point) -> float:
    return (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])


def _on(a: Point, b: Point, c: Point) -> bool:
    """c, known to be collinear with a-b, lies on the segment a-b."""
    return min(a[0], b[0]) <= c[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= c[1] <= max(a[1], b[1])


def segments_meet(p: tuple[Point, Point], q: tuple[Point, Point]) -> bool:
    """Whether two closed segments share any point (crossing, touching or overlapping)."""
    (a, b), (c, d) = p, q
    d1, d2, d3, d4 = _turn(c, d, a), _turn(c, d, b), _turn(a, b, c), _turn(a, b, d)
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True
    return (
        (d1 == 0 and _on(c, d, a))
        or (d2 == 0 and _on(c, d, b))
        or (d3 == 0 and _on(a, b, c))
        or (d4 == 0 and _on(a, b, d))
    )


def leaders_cross(first: list[Point], second: list[Point]) -> bool:
    """Two leader lines meet anywhere but at a dot they share (two moments of one day)."""
    same_dot = first[0] == second[0]
    for n, p in enumerate(pairwise(first)):
        for m, q in enumerate(pairwise(second)):
            if not segments_meet(p, q):
                continue
            if same_dot and n == m == 0 and _turn(p[0], p[1], q[1]) != 0:
                continue  # two leaders leave one dot in different directions
            return True
    return False


def test_crossing_check_sees_a_crossing() -> None:
    """The check itself: an X crosses, two fans from one dot do not, a T touches."""
    assert leaders_cross([(0, 0), (1, 1)], [(1, 0), (0, 1)])
    assert not leaders_cross([(0, 0), (1, 1)], [(0, 0), (2, 1)])
    assert leaders_cross([(0, 0), (0, 2)], [(-1, 1), (0, 1)])
    assert not leaders_cross([(0, 0), (0, 1)], [(1, 0), (1, 1)])


# Labels as long as real ones: the longest dates, titles of a few words or many.
TITLES = [
    "Putin tells Bush how he believed in the idea of communism and was ready to die for it",
    "Treaty signed",
    "Bush says Putin is the kind of guy he would like to be in the same trench with",
    "The USSR applied for membership",
]


def _spec(xs: list[float]) -> picture.PictureSpec:
    moments = [
        picture.Moment(x, f"September {10 + i}, 2005", TITLES[i % len(TITLES)])
        for i, x in enumerate(sorted(xs))
    ]
    low, high = min(xs), max(xs)
    pad = max((high - low) * 0.04, 0.02)
    return picture.PictureSpec("t", "s", moments, [], False, (low - pad, high + pad))


SPREADS = {
    "even": [1900.0 + 10 * i for i in range(8)],
    "crowded at the end": [1900.0, *(1999.0 + 0.1 * i for i in range(7))],
    "crowded at the start": [*(1900.0 + 0.1 * i for i in range(7)), 2000.0],
    "crowded in the middle": [1900.0, *(1950.0 + 0.01 * i for i in range(6)), 2000.0],
    "one day": [2001.5] * 8,
    "two clusters": [1900.0, 1900.1, 1900.2, 1900.3, 1999.7, 1999.8, 1999.9, 2000.0],
    "two moments": [1914.0, 1918.0],
    "one moment": [1969.5],
    "three": [1800.0, 1999.0, 2000.0],
}


@pytest.mark.parametrize("name", list(SPREADS))
def test_leader_lines_never_cross(name: str) -> None:
    """However the moments crowd (at an end, in a year, on one day), no two leader lines
    meet except at a dot they share; each starts at its dot and ends on the bottom of
    its label's box."""
    spec = _spec(SPREADS[name])
    labels = picture.label_layout(spec)
    assert len(labels) == len(spec.moments)
    for moment, label in zip(spec.moments, labels, strict=True):
        left, bottom, right, _ = label.box
        assert label.leader[0] == (moment.x, picture.AXIS_HEIGHT)
        assert label.leader[-1][1] == bottom
        assert left < label.leader[-1][0] < right
    for i, first in enumerate(labels):
        for second in labels[i + 1 :]:
            assert not leaders_cross(first.leader, second.leader), (first, second)


Box = tuple[float, float, float, float]


def segment_meets_box(segment: tuple[Point, Point], box: Box) -> bool:
    """Whether a segment touches a closed box (left, bottom, right, top) anywhere."""
    left, bottom, right, top = box
    if any(left <= x <= right and bottom <= y <= top for x, y in segment):
        return True
    corners = [(left, bottom), (right, bottom), (right, top), (left, top)]
    return any(segments_meet(segment, side) for side in pairwise([*corners, corners[0]]))


def boxes_meet(first: Box, second: Box) -> bool:
    return not (
        first[2] < second[0] or second[2] < first[0] or first[3] < second[1] or second[3] < first[1]
    )


def test_box_checks_see_a_box() -> None:
    """The checks themselves: a line through a box, into it, along its side or past it;
    boxes that overlap, touch or stand apart."""
    box = (0.0, 0.0, 2.0, 1.0)
    assert segment_meets_box(((1.0, -1.0), (1.0, 2.0)), box)  # through, no end inside
    assert segment_meets_box(((1.0, -1.0), (1.0, 0.5)), box)
    assert segment_meets_box(((2.0, -1.0), (2.0, 0.5)), box)
    assert not segment_meets_box(((2.5, -1.0), (2.5, 2.0)), box)
    assert not segment_meets_box(((-1.0, -1.0), (3.0, -0.5)), box)
    assert boxes_meet(box, (1.0, 0.5, 3.0, 3.0))
    assert boxes_meet(box, (2.0, 0.0, 3.0, 1.0))
    assert not boxes_meet(box, (2.5, 0.0, 3.0, 1.0))
    assert not boxes_meet(box, (0.0, 1.5, 2.0, 2.0))


def assert_clear(spec: picture.PictureSpec, labels: list[picture.Label]) -> None:
    """No leader passes behind a box but its own, no two boxes meet, and every box
    stands inside the upper panel, above the leaders' turn."""
    for label in labels:
        left, bottom, right, top = label.box
        assert spec.x_range[0] <= left < right <= spec.x_range[1]
        assert picture.FAN_HEIGHT < bottom < top <= 1
        for other in labels:
            if other is not label:
                assert not boxes_meet(label.box, other.box), (label, other)
                for segment in pairwise(other.leader):
                    assert not segment_meets_box(segment, label.box), (label, other)


@pytest.mark.parametrize("name", list(SPREADS))
def test_leader_lines_pass_behind_no_other_box(name: str) -> None:
    """However the moments crowd, each leader line reaches its own box in the clear."""
    spec = _spec(SPREADS[name])
    assert_clear(spec, picture.label_layout(spec))


@pytest.mark.parametrize("query", ["", "nato", "putin"])
async def test_seeds_leader_lines_pass_behind_no_other_box(store: Store, query: str) -> None:
    """The seeds' pictures (docs/timeline.png is the first): every leader in the clear."""
    spec = picture.picture_spec(await find_timeline(store, TimelineRequest(query)), [], False)
    labels = picture.label_layout(spec)
    assert len(labels) == len(spec.moments) > 1
    assert_clear(spec, labels)
    for first, second in combinations(labels, 2):
        assert not leaders_cross(first.leader, second.leader)


@pytest.mark.parametrize("name", ["crowded at the end", "one day", "two moments"])
def test_drawn_boxes_are_the_layouts(name: str) -> None:
    """The geometry tested above is what is drawn: each label's drawn box lies within
    its layout box (to a pixel), and its text within the drawn box."""
    spec = _spec(SPREADS[name])
    figure = picture.drawn_figure(spec)
    figure.draw_without_rendering()
    top = figure.axes[0]
    texts = [t for t in top.texts if t.get_bbox_patch() is not None]
    labels = picture.label_layout(spec)
    assert [t.get_text() for t in texts] == [label.text for label in labels]
    for text, label in zip(texts, labels, strict=True):
        left, bottom, right, upper = label.box
        (x0, y0), (x1, y1) = top.transData.transform([(left, bottom), (right, upper)])
        patch = text.get_bbox_patch()
        assert patch is not None
        drawn = patch.get_window_extent()
        assert x0 - 1 <= drawn.x0 < drawn.x1 <= x1 + 1, (label.text, drawn, (x0, x1))
        assert y0 - 1 <= drawn.y0 < drawn.y1 <= y1 + 1, (label.text, drawn, (y0, y1))
        inner = text.get_window_extent()
        assert drawn.x0 < inner.x0 < inner.x1 < drawn.x1


def test_a_label_says_as_much_of_its_title_as_two_lines_hold() -> None:
    """Under its date a label wraps its title over TITLE_LINES lines no wider than the
    date or the width allowed, cut at a word with "…"; a long word is cut in it."""
    title = "Putin tells Bush how he believed in the idea of communism and was ready to die"
    moment = picture.Moment(2005.7, "September 16, 2005", title)
    date, *lines = picture._label_text(moment, 200).split("\n")
    assert date == moment.date
    assert len(lines) == picture.TITLE_LINES
    assert title.startswith(f"{lines[0]} {lines[1][:-1]}")
    assert picture._text_px(f"{lines[0]} {lines[1].split()[0]}") > 200  # the line is full
    assert lines[-1].endswith("…")
    assert all(picture._text_px(line) <= 200 for line in lines)
    short = picture.Moment(1954.0, "1954", "The USSR applied")
    assert picture._label_text(short, 200) == "1954\nThe USSR applied"
    assert picture._label_text(short, 0) == "1954"
    long_word = picture.Moment(1954.0, "1954", "Pneumonoultramicroscopicsilicovolcanoconiosis x")
    _, word = picture._label_text(long_word, 120).split("\n")
    assert word.startswith("Pneumo")
    assert word.endswith("…")
    assert picture._text_px(word) <= 120


def test_text_is_drawn_as_written_not_as_math() -> None:
    """A query or title with dollar signs is text: matplotlib's mathtext would set
    "$5 and $6" in italics, and fail the whole picture on "$\\frac{$"."""
    moment = picture.Moment(2000.5, "May 1, 2000", r"Paid $5 and $\frac{$")
    spec = picture.PictureSpec(
        r"Timeline — $\frac{$", "1 event", [moment], [], False, (2000.0, 2001.0)
    )
    assert picture.draw_png(spec).startswith(PNG_SIGNATURE)
