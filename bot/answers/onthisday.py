"""/onthisday: a month-day's events and quotes, or the nearest days that have some."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from bot.answers.bounds import answered_in_time
from bot.answers.requests import OnThisDayRequest
from bot.answers.when import MonthDay, is_leap_day_fallback, nearest_days
from db.read.store import DAY_COUNT_MAX as DAY_COUNT_MAX  # the renderers' bound too
from db.read.store import Store
from db.records import Event, Quote

# /onthisday reads only what it shows; the rest of a busy day is counted, up to
# DAY_COUNT_MAX (the renderers show more as "1,000+").
DAY_EVENTS = 10
DAY_QUOTES = 5


@dataclass(frozen=True, slots=True)
class OnThisDay:
    """Anniversaries of one month-day, and the nearest ones when there are none."""

    day: MonthDay
    today: date
    events: list[Event]  # the first DAY_EVENTS, oldest first
    quotes: list[Quote]  # the first DAY_QUOTES
    before: MonthDay | None = None
    after: MonthDay | None = None
    # How many the day has in all; counting stops past DAY_COUNT_MAX ("1,000+").
    events_total: int = 0
    quotes_total: int = 0

    @property
    def events_counted(self) -> int:
        """events_total, or the number shown when the answer was built without totals."""
        return max(self.events_total, len(self.events))

    @property
    def quotes_counted(self) -> int:
        """quotes_total, or the number shown when the answer was built without totals."""
        return max(self.quotes_total, len(self.quotes))


@answered_in_time
async def on_this_day(store: Store, request: OnThisDayRequest) -> OnThisDay:
    """Events and quotes of a month-day; 28 February also brings 29 February in common years."""
    day, today = request.day, request.today
    days = [day]
    if is_leap_day_fallback(day, today):
        days.append(MonthDay(2, 29))
    events: list[Event] = []
    quotes: list[Quote] = []
    events_total = quotes_total = 0
    for each in days:
        day_events = await store.events_on_counted(each.month, each.day, DAY_EVENTS)
        day_quotes = await store.quotes_on_counted(each.month, each.day, DAY_QUOTES)
        events += day_events.items
        quotes += day_quotes.items
        events_total += day_events.total
        quotes_total += day_quotes.total
    if events or quotes:
        return OnThisDay(
            day,
            today,
            events[:DAY_EVENTS],
            quotes[:DAY_QUOTES],
            events_total=events_total,
            quotes_total=quotes_total,
        )
    before, after = nearest_days(await store.anniversary_days(), day)
    return OnThisDay(day, today, [], [], before, after)
