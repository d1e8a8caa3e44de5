"""What a day's post says, free of any chat service: the day's anniversaries, or on a
day without any what the server's policy asks for (the nearest anniversary, a quote
of the day, or nothing). The Discord and Slack posters render the same DayPost."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Final

from bot.answers.onthisday import OnThisDay, on_this_day
from bot.answers.quote import QuoteAnswer
from bot.answers.requests import OnThisDayRequest
from bot.answers.when import MonthDay
from bot.daily.schedule import format_time
from db.read.store import Store
from db.state.records import EmptyDay, Subscription

# The quotes a quote of the day is picked from (the best-ranked whole quotes).
QUOTE_POOL: Final = 400
# What the post log says of a day without a post, whichever service it is for.
MISSED: Final = "missed: nothing was posted at the post time (bot offline or paused)"
EMPTY: Final = "nothing in the almanac on this day"
# What each empty-day policy does, in the words of /daily's answers in every adapter.
POLICY_WORDS: Final[dict[EmptyDay, str]] = {
    EmptyDay.NEAREST: "post the nearest anniversary",
    EmptyDay.QUOTE: "post a quote of the day",
    EmptyDay.SKIP: "post nothing",
}


def settings_text(sub: Subscription, channel: str) -> str:
    """'on · #general at 09:00 (Europe/London) · on an empty day: post nothing': the first
    line of /daily status after its label, with the channel as the adapter mentions it."""
    word = "on" if sub.active else ("paused" if sub.paused_reason else "off")
    return (
        f"{word} · {channel} at {format_time(sub.post_time)}"
        f" ({sub.timezone}) · on an empty day: {POLICY_WORDS[sub.empty_day]}"
    )


@dataclass(frozen=True, slots=True)
class DayPost:
    """A local day's post: its anniversaries (the day's own, or the nearest day's when
    `nearest` is set), or a quote of the day on an empty day."""

    day: date
    anniversaries: OnThisDay | None = None
    nearest: MonthDay | None = None
    quote: QuoteAnswer | None = None

    @property
    def label(self) -> str:
        """'June 16': the day the post is for."""
        return MonthDay(self.day.month, self.day.day).label()

    @property
    def title(self) -> str | None:
        """The heading of a post that is not the day's own anniversaries, else None."""
        if self.quote is not None:
            return f"Quote of the day — {self.label}"
        if self.nearest is not None:
            return f"Nearest anniversary — {self.nearest.label()}"
        return None

    @property
    def note(self) -> str | None:
        """Why a post is not the day's own anniversaries, in every adapter's words."""
        if self.quote is not None:
            return f"Nothing in the almanac happened on {self.label}; here is a quote instead."
        if self.nearest is not None:
            return (
                f"Nothing in the almanac happened on {self.label};"
                f" the nearest anniversary is {self.nearest.label()}."
            )
        return None


async def day_post(store: Store, day: date, policy: EmptyDay) -> DayPost | None:
    """The post of a local day; None when the day is empty and the policy posts nothing."""
    answer = await on_this_day(store, OnThisDayRequest(MonthDay(day.month, day.day), day))
    if answer.events or answer.quotes:
        return DayPost(day, anniversaries=answer)
    if policy == EmptyDay.QUOTE:
        return await _quote_of_the_day(store, day)
    if policy == EmptyDay.NEAREST:
        nearest = closest(day, answer.before, answer.after)
        if nearest is None:
            return None
        return DayPost(
            day,
            anniversaries=await on_this_day(store, OnThisDayRequest(nearest, day)),
            nearest=nearest,
        )
    return None


async def _quote_of_the_day(store: Store, day: date) -> DayPost | None:
    """A quote picked by the date, so every server sees the same one that day."""
    pool = [q for q in await store.search_quotes([], limit=QUOTE_POOL) if not q.fragment]
    if not pool:
        return None
    quote = pool[day.toordinal() % len(pool)]
    return DayPost(day, quote=QuoteAnswer("", [], [], quote, [], 1))


def closest(day: date, before: MonthDay | None, after: MonthDay | None) -> MonthDay | None:
    """Of two month-days, the one fewer days away from day, counted round the year (the
    earlier one on a tie)."""
    if before is None or after is None:
        return before or after
    here = date(2000, day.month, day.day)  # a leap year holds every month-day
    back = (here - date(2000, before.month, before.day)).days % 366
    ahead = (date(2000, after.month, after.day) - here).days % 366
    return before if back <= ahead else after
