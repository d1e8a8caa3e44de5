"""State the cogs keep in custom_ids: always within Discord's 100 characters, decodable."""

from __future__ import annotations

import pytest

from cogs.quote import AnotherQuote, _next, decode_seen, encode_seen
from cogs.timeline import TimelinePage


@pytest.mark.parametrize(
    ("shown", "seen"),
    [
        (1, [1]),
        (3, [5, 36, 1_000_000]),
        (40, list(range(10**6, 10**6 + 40))),  # more than fit: the newest are kept
        (10**5, [2**62]),
    ],
)
def test_quote_custom_id_fits_and_keeps_the_newest(shown: int, seen: list[int]) -> None:
    """The 'Another quote' custom_id stays within 100 chars and keeps the newest ids."""
    custom_id = encode_seen(shown, seen)
    assert len(custom_id) <= 100
    match = AnotherQuote.__discord_ui_compiled_template__.fullmatch(custom_id)
    assert match is not None
    kept = decode_seen(match["seen"])
    assert kept
    assert list(kept) == seen[-len(kept) :]


@pytest.mark.parametrize(
    ("shown", "seen", "served", "expected"),
    [
        (1, (4,), 9, (2, (4, 9))),
        (2, (4, 9), 4, (1, (4,))),  # a repeat: every match was shown, the count starts over
    ],
)
def test_next_quote_state(
    shown: int, seen: tuple[int, ...], served: int, expected: tuple[int, tuple[int, ...]]
) -> None:
    """Serving a quote appends it; serving a seen one restarts the round."""
    assert _next(shown, seen, served) == expected


@pytest.mark.parametrize(
    ("page", "start", "end"), [(1, None, None), (9_999_999, 20010616, 20081231), (0, None, 1)]
)
def test_timeline_custom_id_round_trips(page: int, start: int | None, end: int | None) -> None:
    """A page button's custom_id holds page and bounds within 100 characters."""
    button = TimelinePage(page, start, end)
    assert len(button.custom_id) <= 100
    match = TimelinePage.__discord_ui_compiled_template__.fullmatch(button.custom_id)
    assert match is not None
    assert int(match["page"]) == page
    assert (int(match["start"]) if match["start"] else None) == start
    assert (int(match["end"]) if match["end"] else None) == end
