"""The link keys of events: where each sits for linking, so linking can read by index.

Linking compares an event only with events of the same block (governorate, or town) whose
possible days come near its own (sitreport.link.blocking). Those days depend on the link
window, chosen at link time; the *last* possible day does not (a report's day, a stated date's
last day, else its article's day), and the first is at most ``MAX_SPAN_DAYS + window`` before
it. Storing area, spot and last day lets a bounded index range hold every event a new one can
meet (sitreport.neighbourhood).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sitreport.link.features import PRECISE_SPAN_DAYS, article_days, place_keys, possible_days
from sitreport.records import Event
from sitreport.store.rows import RowDict

# The longest a linkable event's own days run before its last day, window aside: a stated
# date is linked only when shorter than PRECISE_SPAN_DAYS, an undated report reaches back at
# most the week (RELATIVE_SPAN_DAYS) or the window, whichever is longer.
MAX_SPAN_DAYS = PRECISE_SPAN_DAYS - 1
# The key day of a report with no day at all (EventFeatures.dayless) in a town: it can meet its
# town's reports of any day, and none of the day ranges read ever reaches day 0.
NO_DAY = 0
# The last day an ordinal can name (31 December 9999).
LAST_DAY = 3_652_059


def link_key_rows(article_id: str, published: str | None, events: Sequence[Event]) -> list[RowDict]:
    """A row per event that has a place and a day to link on (all the article's events at once:
    an undated event takes its article's day, which the other events can decide)."""
    dates = {article_id: published} if published else {}
    article_day = article_days(events, dates).get(article_id)
    found = []
    for event in events:
        keys = place_keys(event.location or event.origin or event.destination)
        days, dating = possible_days(event, article_day, 0)
        if keys is not None and days is not None:
            precise = keys.spot is not None and not keys.district and dating != "article"
            found.append(
                {"event_id": event.event_id, "area": keys.area, "spot": keys.spot, "last_day": days[1],
                 "precise": precise}
            )
        elif keys is not None and keys.spot is not None and dating == "none":
            found.append(
                {"event_id": event.event_id, "area": keys.area, "spot": keys.spot, "last_day": NO_DAY,
                 "precise": False}
            )
    return found


def stream_days(window: int) -> int:
    """Days either side of a precise event's own within which its town's date-ordered
    neighbours lie: the longest a linkable event's days can run."""
    return MAX_SPAN_DAYS + window


def reach_days(window: int) -> int:
    """Days either side of an event's own within which the lists of its area's vague reports
    (two buckets of ``window + 1`` days either side) hold events."""
    return 2 * (window + 1) + stream_days(window)


Block = tuple[str, str, int, int]  # which index ("area", "vague", "spot"), its key, first and last day


def neighbour_blocks(
    area: str, spot: str | None, precise: bool, days: tuple[int, int], window: int
) -> list[Block]:
    """The index ranges holding every event a linkable event's candidates are made of.

    A precise event meets its town's precise events (date order) and is probed by its area's
    vague reports; a vague report probes every linkable event of its area."""
    reach = reach_days(window)
    # Its town's reports with no day (EventFeatures.dayless) may join it whatever its day.
    dayless: list[Block] = [("spot", spot, NO_DAY, NO_DAY)] if spot else []
    if not precise:
        return [("area", area, days[0] - reach, days[1] + reach), *dayless]
    stream = stream_days(window)
    return [
        ("vague", area, days[0] - reach, days[1] + reach),
        ("spot", spot or "", days[0] - stream, days[1] + stream),
        *dayless,
    ]


def dayless_blocks(spot: str) -> list[Block]:
    """A report with no day reads every dated report of its town (``blocking.probe_town``)."""
    return [("spot", spot, NO_DAY + 1, LAST_DAY)]


def merged(ranges: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Day ranges with those that overlap or touch joined, in order."""
    joined: list[tuple[int, int]] = []
    for first, last in sorted(ranges):
        if joined and first <= joined[-1][1] + 1:
            joined[-1] = (joined[-1][0], max(joined[-1][1], last))
        else:
            joined.append((first, last))
    return joined
