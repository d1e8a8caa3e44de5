"""/timeline's picture: a PNG of the span with its key moments labelled on a time axis
and the density of every matching event beneath, for every adapter (Discord attaches
it, `almanac ask --png FILE` writes it).

Drawn with matplotlib's Agg backend, imported on the first picture only, so the bot
starts and idles without it; drawn in a thread of its own, one at a time, never on
the event loop; remembered per search and store version (PICTURES_CACHED of them).
The card is opaque, dark text on parchment, so it reads the same on Discord's dark
and light themes; its type is large enough to read on a phone's narrow screen.
"""

from __future__ import annotations

import asyncio
import io
import math
import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from bot.answers.formatting import human_date, key_moments_label, span_label, timeline_count
from bot.answers.timeline import Timeline, timeline_topic
from db.read.store import Store
from db.read.timeline import date_position
from db.records import TIMELINE_KEY_STEP, Event, year_text

if TYPE_CHECKING:  # matplotlib is imported when a picture is drawn, not with this module
    from matplotlib.axes import Axes

PICTURE_NAME: Final = "timeline.png"
PICTURES_CACHED: Final = 64
# Discord shows an embed's image about 400-520 px wide (a phone less): a narrow card
# with large type stays readable there.
WIDTH_PX: Final = 900
HEIGHT_PX: Final = 660
DPI: Final = 100
LABEL_CHARS: Final = 22  # of a moment's title under its date, on the picture
LABEL_ROWS: Final = (0.86, 0.6, 0.34)
# Heights in the upper panel (0 to 1): the time axis, where every leader line turns
# upright (below the lowest row's labels), and half a label's box.
AXIS_HEIGHT: Final = 0.02
FAN_HEIGHT: Final = 0.2
LABEL_HALF_HEIGHT: Final = 0.07

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
# Seconds an answer waits for its picture. The first drawing in a process also imports
# matplotlib (about 2 s here) unless warm_up() ran.
PICTURE_WAIT = 2.5


def warm_up() -> None:
    """Import matplotlib in the drawer's thread now, so the first picture an answer
    asks for is drawn within PICTURE_WAIT (a bot calls this as it starts)."""
    _DRAWER.submit(_import_matplotlib)


def _import_matplotlib() -> None:
    from matplotlib.figure import Figure  # noqa: F401  # the import is the point


async def timeline_picture(store: Store, answer: Timeline, *, waiting: bool = True) -> bytes | None:
    """The PNG of a pictured answer, drawn off the event loop once per search (topic
    and span) and store version; None when the answer has none, or, while `waiting`
    (an answer in chat), when the drawer is busy or slower than PICTURE_WAIT.
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
    if wait is not None and _drawing is not None and not _drawing.done():
        return None  # busy: this answer goes without its picture
    density = await store.timeline_density(topic, answer.first, answer.last)
    bars: list[tuple[float, float, int]] = []
    capped = False
    if density is not None:
        bars = [
            (_x_of_key(a), _x_of_key(b), n)
            for (a, b), n in zip(density.bins, density.counts, strict=True)
        ]
        capped = density.capped
    drawing = _DRAWER.submit(_draw_and_keep, key, picture_spec(answer, bars, capped))
    _drawing = drawing
    if wait is None:
        return await asyncio.wrap_future(drawing)
    try:
        return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(drawing)), wait)
    except TimeoutError:
        return None


def _draw_and_keep(key: tuple[object, ...], spec: PictureSpec) -> bytes:
    """Draw in the drawer's thread and remember the picture, whoever still waits for it."""
    png = draw_png(spec)
    with _cache_lock:
        _cache[key] = png
        while len(_cache) > PICTURES_CACHED:
            _cache.popitem(last=False)
    return png


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
    """Where a moment's label stands and the leader line that joins it to its dot."""

    x: float
    y: float
    align: str  # "left", "center" or "right" of x
    leader: list[tuple[float, float]]  # a polyline from the dot up to the label's box


def label_layout(spec: PictureSpec) -> list[Label]:
    """Each moment's label in a slot of its own: the slots share the width evenly in date
    order, over LABEL_ROWS rows, so that moments close in time (four in one year) keep
    readable labels.

    The leader lines never cross: each runs from its dot straight to its slot at one
    common height (FAN_HEIGHT) and then up to its label. Dots and slots are both in
    date order, so the straight parts, which span the same two heights, cannot cross;
    the upright parts stand at different slots, above every straight part.
    """
    low, high = spec.x_range
    count = len(spec.moments)
    labels: list[Label] = []
    for index, moment in enumerate(spec.moments):
        slot = low + (high - low) * (index + 0.5) / count
        row = LABEL_ROWS[index % len(LABEL_ROWS)]
        align = "left" if index == 0 else "right" if index == count - 1 and count > 1 else "center"
        anchor = low + (high - low) * 0.01 if align == "left" else slot
        anchor = high - (high - low) * 0.01 if align == "right" else anchor
        leader = [(moment.x, AXIS_HEIGHT), (slot, FAN_HEIGHT), (slot, row - LABEL_HALF_HEIGHT)]
        labels.append(Label(anchor, row, align, leader))
    return labels


def _label_moments(axes: Axes, spec: PictureSpec) -> None:
    """A dot on the axis for each moment, its label and its leader line (label_layout)."""
    for moment, label in zip(spec.moments, label_layout(spec), strict=True):
        xs, ys = zip(*label.leader, strict=True)
        axes.plot(xs, ys, color=_ACCENT, linewidth=1.5, zorder=2, solid_joinstyle="round")
        axes.plot([moment.x], [AXIS_HEIGHT], marker="o", markersize=10, color=_ACCENT, zorder=3)
        axes.text(
            label.x,
            label.y,
            f"{moment.date}\n{moment.title}",
            ha=label.align,
            va="center",
            fontsize=13.5,
            color=_INK,
            linespacing=1.2,
            zorder=4,
            parse_math=False,
            bbox={"boxstyle": "round,pad=0.35", "facecolor": _PAPER, "edgecolor": _BARS},
        )


def draw_png(spec: PictureSpec) -> bytes:
    """The picture as PNG bytes (CPU-bound: run it in a thread)."""
    from matplotlib.figure import Figure  # lazy: the bot starts without matplotlib loaded
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure = Figure(figsize=(WIDTH_PX / DPI, HEIGHT_PX / DPI), dpi=DPI, facecolor=_PAPER)
    grid = figure.add_gridspec(2, 1, height_ratios=(3.2, 1), hspace=0.08)
    top = figure.add_subplot(grid[0])
    bottom = figure.add_subplot(grid[1], sharex=top)
    figure.subplots_adjust(left=0.04, right=0.96, top=0.86, bottom=0.09)
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
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, facecolor=_PAPER)
    return out.getvalue()
