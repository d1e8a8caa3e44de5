"""How answers are worded in every adapter: dates, counts, pages, citations.

The console, JSON, Discord (and any later adapter) import these instead of each other,
so a date or a count reads the same wherever it is shown.
"""

from __future__ import annotations

from datetime import date

from bot.answers.onthisday import DAY_COUNT_MAX
from bot.answers.sources import Sources
from bot.answers.timeline import Timeline
from db.records import PartialDate, Quote, Source

# Said when 'Another quote' has shown every match and begins again.
RESTARTED = "every match was shown: from the first again"


def human_date(date: PartialDate | None) -> str:
    """'June 16, 2001', 'June 2001', '2001', 'September 11 (year unknown)'."""
    if date is None:
        return "date unknown"
    month = f"{_month_name(date.month)}" if date.month else ""
    if date.precision == "day":
        return f"{month} {date.day}, {date.year_text()}"
    if date.precision == "month":
        return f"{month} {date.year_text()}"
    if date.precision == "year":
        return date.year_text()
    return f"{month} {date.day} (year unknown)"


def _month_name(month: int | None) -> str:
    names = "January February March April May June July August September October November December"
    return names.split()[(month or 1) - 1]


def plural(count: int, noun: str) -> str:
    """'1 event', '3 events'."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def count_label(count: int, noun: str, *, at_least: bool = False) -> str:
    """'3 events', or '1,000+ events' when only a lower bound was counted."""
    return f"{count:,}+ {noun}s" if at_least else plural(count, noun)


def day_count(count: int, noun: str) -> str:
    """'3 events', or '1,000+ events' past the day's counting bound."""
    return count_label(min(count, DAY_COUNT_MAX), noun, at_least=count > DAY_COUNT_MAX)


def timeline_count(answer: Timeline) -> str:
    """'3 events', or '10,000+ events' when only a lower bound was counted."""
    return count_label(answer.total, "event", at_least=answer.total_is_lower_bound)


def key_moments_label(answer: Timeline) -> str:
    """'8 key moments of 1,234 events' (or of '10,000+ events')."""
    return f"{plural(len(answer.key_moments), 'key moment')} of {timeline_count(answer)}"


def span_label(answer: Timeline) -> str:
    """'June 16, 2001 – April 6, 2008': the first and last matching event; '' unknown."""
    if answer.first is None or answer.last is None:
        return ""
    return f"{human_date(answer.first.date)} – {human_date(answer.last.date)}"


def full_list_hint(answer: Timeline) -> str:
    """What the full list holds, said under the key moments."""
    more = "+" if answer.total_is_lower_bound else ""
    return f"Full list: {answer.pages:,}{more} pages in date order"


def page_label(answer: Timeline | Sources) -> str:
    """'Page 2 of 5', or 'Page 2 of 1,250+' when the count is a lower bound."""
    more = "+" if isinstance(answer, Timeline) and answer.total_is_lower_bound else ""
    return f"Page {answer.page} of {answer.pages:,}{more}"


def source_line(source: Source, title: str | None = None) -> str:
    """How every answer cites its document: its title (or a shortened one), its author and
    publication date where known, then its link, or its file name where it has none:
    'Source: Harbour museum reopens, by Maren Ellis, April 12, 2019 <https://…>'."""
    return "Source: " + source_label(source, title) + source_where(source)


def source_label(source: Source, title: str | None = None) -> str:
    """'Title, by Author, April 12, 2019': the citation's words, without where to find it."""
    parts = [source.title if title is None else title]
    if source.author:
        parts.append(f"by {source.author}")
    if source.published:
        parts.append(human_date(source.published))
    return ", ".join(parts)


def source_where(source: Source) -> str:
    """' <https://…>' for a source with a link, else ' (file name)'."""
    return f" <{source.url}>" if source.url else f" ({source.path.rsplit('/', 1)[-1]})"


def attribution(quote: Quote) -> str:
    """'— Vladimir Putin, June 16, 2001, televised address'."""
    parts = [quote.speaker or "Unknown speaker"]
    if quote.date:
        parts.append(human_date(quote.date))
    if quote.context:
        parts.append(quote.context)
    return "— " + ", ".join(parts)


def past_the_end(answer: Timeline | Sources) -> str:
    """'There is no page 5: page 2 is the last.' when the asked page was past the end."""
    if answer.asked_page is None:
        return ""
    return f"There is no page {answer.asked_page:,}: page {answer.page:,} is the last."


def sources_count(answer: Sources) -> str:
    """'2 documents', or 'Page 2 of 12 · 115 documents' when there are several pages."""
    documents = plural(max(answer.total, len(answer.documents)), "document")
    return f"{page_label(answer)} · {documents}" if answer.pages > 1 else documents


def years_ago(year: int, today: date) -> str:
    """'25 years ago' / 'this year' / 'in 3 years' in plain words; '2,069 years ago'.

    A negative year is before Christ, and there is no year zero: 1 BC to AD 1 is 1 year.
    """
    delta = today.year - year - (1 if year < 0 else 0)
    if delta == 0:
        return "this year"
    if delta == 1:
        return "1 year ago"
    if delta > 1:
        return f"{delta:,} years ago"
    return f"in {-delta} years"


# -- /sources add and remove ---------------------------------------------------

# Said to anyone else who tries /sources add or remove, or presses their buttons.
NOT_A_CURATOR = (
    "Only the bot's owner and the curators it names (ALMANAC_CURATORS) can add or remove sources."
)
CANCELLED = "Cancelled: nothing was stored, and the copy of your file was deleted."
KEPT = "Nothing was removed."
# How many quotes an add preview shows (with their speakers).
PREVIEW_QUOTES = 5


def counts_text(events: int, quotes: int) -> str:
    """'3 events, 1 quote': what a document gave answers."""
    return f"{plural(events, 'event')}, {plural(quotes, 'quote')}"


def added_text(title: str, events: int, quotes: int) -> str:
    """What /sources add's Confirm answers once the text is in the store."""
    return f"Added “{title}”: {counts_text(events, quotes)}. Answers find it within a few seconds."


def removed_text(title: str, events: int, quotes: int, moved_to: str | None) -> str:
    """What /sources remove's Confirm answers: what went, and where its file is now."""
    head = f"Removed “{title}” ({counts_text(events, quotes)}) from the store."
    if moved_to is None:
        return head + " Its file is not one of the added texts and was left where it is."
    return head + f" Its file was moved aside to {moved_to}."
