"""/timeline's picture: a PNG of the span with its key moments labelled on a time axis
and the density of every matching event beneath, for every adapter (Discord attaches
it, `almanac ask --png FILE` writes it).

Drawn with matplotlib's Agg backend, imported on the first picture only, so the bot
starts and idles without it; drawn in a thread of its own, one at a time, never on
the event loop; remembered per search and store version (PICTURES_CACHED of them),
and shared with the other processes of the machine through a folder of pictures
(bot/answers/picture_cache.py, set with share_pictures()).
The card is opaque, dark text on parchment, so it reads the same on Discord's dark
and light themes; its type is large enough to read on a phone's narrow screen.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import hashlib
import io
import math
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final

from bot.answers.formatting import human_date, key_moments_label, span_label, timeline_count
from bot.answers.picture_cache import PictureFolder, picture_name
from bot.answers.timeline import Timeline, timeline_topic
from db.read.store import Store
from db.read.timeline import date_position
from db.records import TIMELINE_KEY_STEP, Event, year_text

if TYPE_CHECKING:  # matplotlib is imported when a picture is drawn, not with this module
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

PICTURE_NAME: Final = "timeline.png"
PICTURES_CACHED: Final = 64
# Discord shows an embed's image about 400-520 px wide (a phone less): a narrow card
# with large type stays readable there.
WIDTH_PX: Final = 900
HEIGHT_PX: Final = 660
DPI: Final = 100
LABEL_CHARS: Final = 90  # of a moment's title the picture may wrap (a bound on the work)
# The labels' type, and the padding of their boxes (in font sizes; also the radius of
# the boxes' rounded corners).
LABEL_FONT_PT: Final = 13.5
LABEL_LINE_SPACING: Final = 1.2
LABEL_PAD: Final = 0.35
# A title takes up to TITLE_LINES lines under its date, each as wide as the date or as
# the first of TITLE_WIDTHS_PX that lets every label find a place (0: the date alone).
TITLE_LINES: Final = 2
TITLE_WIDTHS_PX: Final = (230, 200, 170, 0)
# Heights in the upper panel (0 to 1): the time axis; where every leader line turns
# upright; the bottom of the lowest of LABEL_ROWS rows of boxes and the top of the
# highest (the rows share the height between).
AXIS_HEIGHT: Final = 0.02
FAN_HEIGHT: Final = 0.15
LOWEST_ROW: Final = 0.2
HIGHEST_TOP: Final = 0.99
LABEL_ROWS: Final = 3
# Pixels: a leader meets its box this far inside the box's sides (clear of its rounded
# corners); the room kept between a leader and another box, between two boxes of a
# row and between two leaders: at least the first of CLEARANCE_PX, and as much more,
# up to the second, in steps of the third, as the layout allows.
CORNER_PX: Final = 12.0
CLEARANCE_PX: Final = (8.0, 36.0, 4.0)

_PAPER: Final = "#f7f1e3"
_INK: Final = "#2b2118"
_MUTED: Final = "#6b5a45"
_ACCENT: Final = "#8a6d3b"  # the embeds' colour
_BARS: Final = "#c4a46c"


@dataclass(frozen=True, slots=True)
class Moment:
    """A labelled point on the time axis."""

    x: float
    date: str
    title: str


@dataclass(frozen=True, slots=True)
class PictureSpec:
    """Everything drawn, as plain values (what the worker thread receives)."""

    title: str
    subtitle: str
    moments: list[Moment]
    bars: list[tuple[float, float, int]]  # (x from, x to, events)
    capped: bool
    x_range: tuple[float, float]


def pictured(answer: Timeline) -> bool:
    """Whether the answer has a picture: the key moments, or a timeline of one page."""
    return bool(answer.key_moments) or (answer.pages == 1 and bool(answer.events))


_cache: OrderedDict[tuple[object, ...], bytes] = OrderedDict()
_cache_lock: Final = threading.Lock()  # the drawer's thread fills the cache
# One picture is drawn at a time, in a thread of its own: memory holds one figure,
# and a burst of /timeline answers is never queued behind a pile of drawings that
# compete with it for the CPU. While the drawer is busy, an answer goes without its
# picture; an answer waits at most PICTURE_WAIT for it, and a drawing that takes
# longer still lands in the cache for the next ask.
_DRAWER: Final = ThreadPoolExecutor(max_workers=1, thread_name_prefix="timeline-picture")
_drawing: Future[bytes] | None = None
# The folder of pictures shared with the machine's other processes (None: this process
# keeps its pictures to itself); share_pictures() sets it.
_shared: PictureFolder | None = None
# What the drawing looks like: this module's own text, so a changed drawing is never
# mistaken for a picture an older version left in the shared folder.
_STYLE: Final = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
# Seconds an answer waits for its picture. The first drawing in a process also imports
# matplotlib (about 2 s here) unless warm_up() ran.
PICTURE_WAIT = 2.5


def warm_up() -> None:
    """Import matplotlib in the drawer's thread now, so the first picture an answer
    asks for is drawn within PICTURE_WAIT (a bot calls this as it starts)."""
    _DRAWER.submit(_import_matplotlib)


def share_pictures(folder: Path | None) -> None:
    """Keep pictures in `folder` too, for every process of the machine (None: in this
    process only); a folder that cannot be used is given up with one line in the log."""
    global _shared
    _shared = None if folder is None else PictureFolder(folder)


def _import_matplotlib() -> None:
    from matplotlib.figure import Figure  # noqa: F401  # the import is the point


async def timeline_picture(store: Store, answer: Timeline, *, waiting: bool = True) -> bytes | None:
    """The PNG of a pictured answer, drawn off the event loop once per search (topic
    and span) and store version, by one process of the machine when they share a
    folder; None when the answer has none, or, while `waiting` (an answer in chat),
    when the drawer (this process's or another's) is busy or slower than PICTURE_WAIT.
    waiting=False waits for the picture whatever it takes (`almanac ask --png`)."""
    global _drawing
    wait = PICTURE_WAIT if waiting else None
    if not pictured(answer) or answer.first is None or answer.last is None:
        return None
    topic = timeline_topic(answer.query)
    key = (tuple(topic), answer.first.id, answer.last.id, await store.version())
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    shown = picture_spec(answer, [], False)
    # Read on the event loop: a small file from the page cache costs less than a
    # thread's turn would in a burst, and only this process's first ask reads it.
    shared, name = _shared, picture_name((_STYLE, key, shown))
    found = None if shared is None else shared.read(name)
    if found is not None:
        _remember(key, found)
        return found
    if wait is not None and _drawing is not None and not _drawing.done():
        return None  # busy: this answer goes without its picture
    claimed = shared is None or shared.claim(name)
    if wait is not None and not claimed:
        return None  # another process draws it: the next ask reads it
    # The drawer is busy from here, not from when the drawing starts: the density query
    # waits its turn on a reader, and in a burst every ask for this picture meanwhile
    # would otherwise draw it again (4 pictures were drawn 15 times in one burst).
    claim: Future[bytes] = Future()
    claim.set_running_or_notify_cancel()  # never cancelled: the drawer settles it
    _drawing = claim
    try:
        density = await store.timeline_density(topic, answer.first, answer.last)
        bars: list[tuple[float, float, int]] = []
        capped = False
        if density is not None:
            bars = [
                (_x_of_key(a), _x_of_key(b), n)
                for (a, b), n in zip(density.bins, density.counts, strict=True)
            ]
            capped = density.capped
        spec = dataclasses.replace(shown, bars=bars, capped=capped)
    except BaseException as error:
        claim.set_exception(error)  # the drawer is free again
        if shared is not None and claimed:
            shared.release(name)
        raise
    where = (shared, name) if shared is not None and claimed else None
    _DRAWER.submit(_draw_and_keep, claim, key, spec, where)
    if wait is None:
        return await asyncio.wrap_future(claim)
    try:
        return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(claim)), wait)
    except TimeoutError:
        return None


def _draw_and_keep(
    claim: Future[bytes],
    key: tuple[object, ...],
    spec: PictureSpec,
    shared: tuple[PictureFolder, str] | None,
) -> None:
    """Draw in the drawer's thread and remember the picture (in the shared folder too,
    under its claim), whoever still waits for it."""
    try:
        png = draw_png(spec)
    except BaseException as error:
        claim.set_exception(error)
        if shared is not None:
            shared[0].release(shared[1])
        raise
    _remember(key, png)
    if shared is not None:
        shared[0].write(shared[1], png)
    claim.set_result(png)


def _remember(key: tuple[object, ...], png: bytes) -> None:
    """Keep the picture in this process (the PICTURES_CACHED most recent)."""
    with _cache_lock:
        _cache[key] = png
        _cache.move_to_end(key)
        while len(_cache) > PICTURES_CACHED:
            _cache.popitem(last=False)


def picture_spec(
    answer: Timeline, bars: list[tuple[float, float, int]], capped: bool
) -> PictureSpec:
    """What the picture of an answer shows."""
    assert answer.first is not None
    assert answer.last is not None
    low, high = _x_of(answer.first), _x_of(answer.last)
    pad = max((high - low) * 0.04, 0.02)
    count = key_moments_label(answer) if answer.key_moments else timeline_count(answer)
    about = f" — {answer.query.strip()}" if answer.query.strip() else ""
    return PictureSpec(
        title=f"Timeline{about}",
        subtitle=f"{count}, {span_label(answer)}",
        moments=[
            Moment(_x_of(e), human_date(e.date), _short(e.title, LABEL_CHARS)) for e in answer.shown
        ],
        bars=bars,
        capped=capped,
        x_range=(low - pad, high + pad),
    )


def _x_of(event: Event) -> float:
    year, month, day = event.date.sort_key()
    return _x_of_key((year * 10_000 + month * 100 + day) * TIMELINE_KEY_STEP + event.id)


def _x_of_key(key: int) -> float:
    """A timeline key as a year with its fraction (positions of db.read.timeline), the
    event id a tiny offset so that events of one day stand apart."""
    day, event_id = divmod(key, TIMELINE_KEY_STEP)
    return (date_position(day) + event_id / TIMELINE_KEY_STEP) / 416


def _year_tick(x: float) -> str:
    """A tick of the time axis: '2001', '44 BC' (positions count no year zero)."""
    year = math.floor(x)
    return year_text(year) if year else "AD 1"


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:-") + "…"


@dataclass(frozen=True, slots=True)
class Label:
    """A moment's label: its lines of text, its box, and the leader line that joins the
    box to the moment's dot."""

    text: str
    box: tuple[float, float, float, float]  # left, bottom, right, top: years, panel heights
    leader: list[tuple[float, float]]  # a polyline from the dot up to the box's bottom


# A label's place, in pixels from the panel's left: its box's left side and its
# leader's upright; and what the places of some labels leave the next (_next_label).
_Placed = tuple[float, float]


@dataclass(frozen=True, slots=True)
class _Plan:
    rights: tuple[float, ...]  # per row, lowest first: the right side of its last box
    uprights: tuple[float, ...]  # per row: the last leader's upright
    last: float  # the last upright of any row


_START: Final = _Plan((-math.inf,) * LABEL_ROWS, (-math.inf,) * LABEL_ROWS, -math.inf)


def label_layout(spec: PictureSpec) -> list[Label]:
    """Each moment's label in a box on one of LABEL_ROWS rows, its leader running from
    its dot to an upright at one common height (FAN_HEIGHT), then straight up to the
    bottom of its box; the boxes stand inside the panel and the text is as long as
    room allows (TITLE_WIDTHS_PX).

    No leader crosses another: the uprights are in date order, as the dots are, so the
    slanted parts, which span the same two heights, cannot cross, and the uprights
    stand apart above them. No leader passes behind a box but its own: a box stands
    wholly between the uprights of the higher rows' labels on either side of it, and
    boxes of one row never overlap. Among the rows that allow this, the layout keeps
    the most room between lines and boxes, then the shortest leaders; each upright
    stands as near its dot as that room allows.
    """
    if not spec.moments:
        return []
    width, height = _panel_px()
    low, high = spec.x_range
    dots = [(moment.x - low) / (high - low) * width for moment in spec.moments]
    for title_px in TITLE_WIDTHS_PX:
        texts = [_label_text(moment, title_px) for moment in spec.moments]
        sizes = [_box_px(text) for text in texts]
        bottoms = _row_bottoms(max(h for _, h in sizes) / height)
        rises = [(bottom - FAN_HEIGHT) * height for bottom in bottoms]
        plan = _best_plan([w for w, _ in sizes], dots, width, rises, height)
        if plan is not None:
            break
    else:  # never with the few moments a timeline shows: their dates alone fit
        rows = tuple(index % LABEL_ROWS for index in range(len(dots)))
        unbounded = _least([w for w, _ in sizes], rows, math.inf, CLEARANCE_PX[0], dots)
        assert unbounded is not None  # nothing passes an unbounded span
        plan = rows, unbounded
    rows, placed = plan

    def year(px: float) -> float:
        return low + (high - low) * px / width

    labels: list[Label] = []
    for moment, text, (box_w, box_h), row, (left, upright) in zip(
        spec.moments, texts, sizes, rows, placed, strict=True
    ):
        bottom = bottoms[row]
        box = (year(left), bottom, year(left + box_w), bottom + box_h / height)
        leader = [(moment.x, AXIS_HEIGHT), (year(upright), FAN_HEIGHT), (year(upright), bottom)]
        labels.append(Label(text, box, leader))
    return labels


def _best_plan(
    widths: list[float], dots: list[float], span: float, rises: list[float], height: float
) -> tuple[tuple[int, ...], list[_Placed]] | None:
    """The rows and places of boxes `widths` wide within `span` px with the most room,
    then the shortest leaders (`rises`: each row's upright, `height`: the panel's);
    None if none fit."""
    slant = (FAN_HEIGHT - AXIS_HEIGHT) * height
    best: tuple[tuple[float, float], tuple[int, ...], list[_Placed]] | None = None
    for rows in _row_choices(widths, span):
        room = _most_room(widths, rows, span, CLEARANCE_PX[0] if best is None else best[0][0])
        if room is None:
            continue
        placed = _near_dots(widths, rows, span, room, dots)
        length = sum(
            math.hypot(upright - dot, slant) + rises[row]
            for (_, upright), dot, row in zip(placed, dots, rows, strict=True)
        )
        if best is None or (room, -length) > (best[0][0], -best[0][1]):
            best = (room, length), rows, placed
    return None if best is None else (best[1], best[2])


def _row_choices(widths: list[float], span: float) -> list[tuple[int, ...]]:
    """Every choice of rows (in date order) whose boxes fit with the least room."""
    found: list[tuple[int, ...]] = []

    def grow(rows: tuple[int, ...], plan: _Plan) -> None:
        if len(rows) == len(widths):
            found.append(rows)
            return
        for row in range(LABEL_ROWS):
            step = _next_label(plan, widths[len(rows)], row, span, CLEARANCE_PX[0], -math.inf)
            if step is not None:
                grow((*rows, row), step[1])

    grow((), _START)
    return found


def _next_label(
    plan: _Plan, width: float, row: int, span: float, room: float, floor: float
) -> tuple[_Placed, _Plan] | None:
    """The leftmost place of the next label's box (and upright, at `floor` or right of
    it) on `row`, after the labels of `plan`; None if it would pass `span`.

    Its box starts right of its row's last box and of the last upright of every higher
    row; its upright stands right of the last upright and of every lower row's boxes.
    """
    left = max(0.0, plan.rights[row] + room, *(v + room for v in plan.uprights[row + 1 :]))
    upright = max(floor, plan.last + room, left + CORNER_PX)
    upright = max([upright, *(r + room for r in plan.rights[:row])])
    left = max(left, upright + CORNER_PX - width)
    if left + width > span:
        return None
    rights = (*plan.rights[:row], left + width, *plan.rights[row + 1 :])
    uprights = (*plan.uprights[:row], upright, *plan.uprights[row + 1 :])
    return (left, upright), _Plan(rights, uprights, upright)


def _least(
    widths: list[float], rows: tuple[int, ...], span: float, room: float, floors: list[float]
) -> list[_Placed] | None:
    """The leftmost places of all boxes, each upright at its floor or right of it."""
    plan, placed = _START, []
    for width, row, floor in zip(widths, rows, floors, strict=True):
        step = _next_label(plan, width, row, span, room, floor)
        if step is None:
            return None
        placed.append(step[0])
        plan = step[1]
    return placed


def _most(widths: list[float], rows: tuple[int, ...], span: float, room: float) -> list[_Placed]:
    """The rightmost places of all boxes: the leftmost of the mirrored picture."""
    mirrored = _least(widths[::-1], rows[::-1], span, room, [-math.inf] * len(widths))
    assert mirrored is not None  # the caller found the leftmost places
    return [
        (span - left - width, span - upright)
        for width, (left, upright) in zip(widths, mirrored[::-1], strict=True)
    ]


def _most_room(
    widths: list[float], rows: tuple[int, ...], span: float, at_least: float
) -> float | None:
    """The most room these rows allow, from at_least up in steps of CLEARANCE_PX[2];
    None if not at_least."""
    room = None
    none = [-math.inf] * len(widths)
    while at_least <= CLEARANCE_PX[1] and _least(widths, rows, span, at_least, none) is not None:
        room, at_least = at_least, at_least + CLEARANCE_PX[2]
    return room


def _near_dots(
    widths: list[float], rows: tuple[int, ...], span: float, room: float, dots: list[float]
) -> list[_Placed]:
    """Places with `room` whose uprights stand as near their dots as it allows: the
    leftmost places with each upright at its dot or right of it, the dot held between
    the upright's leftmost and rightmost places.

    They fit: every rule says that one position stands at least so far right of
    another (or of the panel's left side, or left of its right side), so the rightmost
    places, which keep every upright at its floor or right of it, lie right of the
    leftmost places that do, and within the panel.
    """
    lowest = _least(widths, rows, span, room, [-math.inf] * len(widths))
    assert lowest is not None
    highest = _most(widths, rows, span, room)
    floors = [
        min(max(dot, a), b) for dot, (_, a), (_, b) in zip(dots, lowest, highest, strict=True)
    ]
    placed = _least(widths, rows, span, room, floors)
    assert placed is not None
    return placed


def _row_bottoms(box_height: float) -> list[float]:
    """The bottom of each row's boxes, lowest first, for boxes this high."""
    pitch = (HIGHEST_TOP - LOWEST_ROW - box_height) / (LABEL_ROWS - 1)
    return [LOWEST_ROW + pitch * row for row in range(LABEL_ROWS)]


def _label_text(moment: Moment, title_px: float) -> str:
    """The moment's date, and under it as much of its title as TITLE_LINES lines as wide
    as the date, or title_px, hold (title_px 0: the date alone)."""
    if not title_px or not moment.title.strip():
        return moment.date
    limit = max(title_px, _text_px(moment.date))
    words = moment.title.split()
    lines: list[str] = []
    while words and len(lines) < TITLE_LINES:
        line = words.pop(0)
        if _text_px(line) > limit:  # a word longer than a line: cut it, and stop there
            lines.append(_cut(line, limit, by_word=False))
            return "\n".join([moment.date, *lines])
        while words and _text_px(f"{line} {words[0]}") <= limit:
            line = f"{line} {words.pop(0)}"
        lines.append(line)
    if words:
        lines[-1] = _cut(lines[-1], limit, by_word=True)
    return "\n".join([moment.date, *lines])


def _cut(line: str, limit: float, *, by_word: bool) -> str:
    """The line shortened (by words, or else by letters) to end in "…" within limit."""
    while line and _text_px(line.rstrip(" ,;:-") + "…") > limit:
        line = line.rsplit(" ", 1)[0] if by_word and " " in line else line[:-1]
    return line.rstrip(" ,;:-") + "…"


def _box_px(text: str) -> tuple[float, float]:
    """(width, height) in pixels of a label's box: its text and the padding around it."""
    lines = text.split("\n")
    pad = 2 * LABEL_PAD * LABEL_FONT_PT * DPI / 72
    line_px = LABEL_LINE_SPACING * LABEL_FONT_PT * DPI / 72
    return max(_text_px(line) for line in lines) + pad, len(lines) * line_px + pad


@functools.lru_cache(maxsize=4096)
def _text_px(line: str) -> float:
    """The width of one line of a label's text, as Agg draws it."""
    from matplotlib.backends.backend_agg import RendererAgg
    from matplotlib.font_manager import FontProperties

    renderer = RendererAgg(1, 1, DPI)  # type: ignore[no-untyped-call]
    font = FontProperties(size=LABEL_FONT_PT)
    width, _, _ = renderer.get_text_width_height_descent(line, font, ismath=False)  # type: ignore[no-untyped-call]
    return float(width)


@functools.cache
def _panel_px() -> tuple[float, float]:
    """The upper panel's (width, height) in pixels, where the labels stand."""
    _, top, _ = _card()
    where = top.get_position()
    return where.width * WIDTH_PX, where.height * HEIGHT_PX


def _label_moments(axes: Axes, spec: PictureSpec) -> None:
    """A dot on the axis for each moment, its label and its leader line (label_layout)."""
    for moment, label in zip(spec.moments, label_layout(spec), strict=True):
        xs, ys = zip(*label.leader, strict=True)
        axes.plot(xs, ys, color=_ACCENT, linewidth=1.5, zorder=2, solid_joinstyle="round")
        axes.plot([moment.x], [AXIS_HEIGHT], marker="o", markersize=10, color=_ACCENT, zorder=3)
        left, bottom, right, top = label.box
        axes.text(
            (left + right) / 2,
            (bottom + top) / 2,
            label.text,
            ha="center",
            va="center",
            multialignment="left",
            fontsize=LABEL_FONT_PT,
            color=_INK,
            linespacing=LABEL_LINE_SPACING,
            zorder=4,
            parse_math=False,
            bbox={
                "boxstyle": f"round,pad={LABEL_PAD}",
                "facecolor": _PAPER,
                "edgecolor": _BARS,
            },
        )


def _card() -> tuple[Figure, Axes, Axes]:
    """The empty card: the figure, its upper panel (the labels on the time axis) and its
    lower one (the events' density)."""
    from matplotlib.figure import Figure  # lazy: the bot starts without matplotlib loaded

    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor=_PAPER)
    grid = figure.add_gridspec(2, 1, height_ratios=(3.2, 1), hspace=0.08)
    top = figure.add_subplot(grid[0])
    bottom = figure.add_subplot(grid[1], sharex=top)
    figure.subplots_adjust(left=0.04, right=0.96, top=0.86, bottom=0.09)
    return figure, top, bottom


def draw_png(spec: PictureSpec) -> bytes:
    """The picture as PNG bytes (CPU-bound: run it in a thread)."""
    out = io.BytesIO()
    drawn_figure(spec).savefig(out, format="png", dpi=DPI, facecolor=_PAPER)
    return out.getvalue()


def drawn_figure(spec: PictureSpec) -> Figure:
    """The picture as a figure, before it is saved (the tests measure what it shows)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure, top, bottom = _card()
    # Text is drawn as written (parse_math=False): "$5 and $6" is no formula.
    figure.text(
        0.04,
        0.96,
        spec.title,
        fontsize=22,
        fontweight="bold",
        color=_INK,
        va="top",
        parse_math=False,
    )
    figure.text(0.04, 0.905, spec.subtitle, fontsize=15, color=_MUTED, va="top", parse_math=False)
    for axes in (top, bottom):
        axes.set_facecolor(_PAPER)
        for side in ("top", "right", "left"):
            axes.spines[side].set_visible(False)
        axes.spines["bottom"].set_color(_MUTED)
        axes.tick_params(colors=_MUTED, labelsize=14, length=0)
        axes.set_yticks([])
    top.set_xlim(*spec.x_range)
    top.set_ylim(0, 1)
    top.tick_params(labelbottom=False)
    top.axhline(AXIS_HEIGHT, color=_ACCENT, linewidth=3, zorder=1)
    _label_moments(top, spec)
    if spec.bars:
        bottom.bar(
            [a for a, _, _ in spec.bars],
            [n for _, _, n in spec.bars],
            width=[max(b - a, 1e-6) for a, b, _ in spec.bars],
            align="edge",
            color=_BARS,
        )
        peak = max(n for _, _, n in spec.bars)
        label = f"events over time (most in a stretch: {peak:,}{'+' if spec.capped else ''})"
        bottom.set_title(label, fontsize=13, color=_MUTED, loc="left", pad=4)
    bottom.xaxis.set_major_locator(MaxNLocator(nbins=6, integer=True))
    bottom.xaxis.set_major_formatter(FuncFormatter(lambda x, _: _year_tick(x)))
    return figure
