"""Vague reports (only a governorate, or only their article's day): bounded probing and ambiguity."""

from __future__ import annotations

from dataclasses import replace

from sitreport.link import link_events
from sitreport.link.blocking import PROBE_LIMIT
from sitreport.options import Options
from sitreport.records import Event, Place, Quantity

from .link_corpus import report

OPTIONS = Options()
IDLIB = Place(name="Idlib", admin1="Idlib", country="Syria", precision=3, kind="governorate")
ARIHA = Place(name="Ariha", admin1="Idlib", country="Syria", precision=1)
SARAQIB = Place(name="Saraqib", admin1="Idlib", country="Syria", precision=1)


def clash(event_id: str, place: Place, killed: int | None, day: str | None = "2019-03-20") -> Event:
    return report(event_id, "armed_clash", place, killed, day, kind="fighters")


def members_with(events: list[Event], event_id: str, published: dict[str, str] | None = None) -> list[str]:
    return next(i.events for i in link_events(events, OPTIONS, published=published) if event_id in i.events)


def village(n: int) -> Place:
    """A sample village of Idlib governorate (a named miss: no coordinates)."""
    return Place(name=f"Sample Village {n}", admin1="Idlib", country="Syria", precision=1, resolved=False)


def test_vague_report_fitting_two_incidents_equally_stays_apart() -> None:
    towns = [clash("ariha", ARIHA, 12), clash("saraqib", SARAQIB, 30)]
    assert members_with([*towns, clash("idlib", IDLIB, None)], "idlib") == ["idlib"]


def test_vague_report_joins_the_one_incident_its_figure_fits() -> None:
    towns = [clash("ariha", ARIHA, 12), clash("saraqib", SARAQIB, 30)]
    assert members_with([*towns, clash("idlib", IDLIB, 12)], "idlib") == ["ariha", "idlib"]


def test_vague_report_with_a_single_candidate_joins_it() -> None:
    assert members_with([clash("ariha", ARIHA, 12), clash("idlib", IDLIB, None)], "idlib") == [
        "ariha",
        "idlib",
    ]


def test_undated_report_finds_its_figure_in_a_busy_governorate() -> None:
    # More reports around its article's day than a vague report may read: the figure index
    # must find the one with its figure.
    busy = [clash(f"village-{n:03d}", village(n), 3 + n % 5) for n in range(3 * PROBE_LIMIT)]
    busy.append(clash("ariha-big", ARIHA, 140))
    undated = clash("undated", ARIHA, 140, None)
    published = {undated.article_id: "2019-03-21"}
    assert members_with([*busy, undated], "undated", published) == ["ariha-big", "undated"]


def test_undated_report_with_a_figure_too_common_to_tell_stays_apart() -> None:
    alike = [clash(f"village-{n:03d}", village(n), 4) for n in range(PROBE_LIMIT + 1)]
    undated = clash("undated", IDLIB, 4, None)
    assert members_with([*alike, undated], "undated", {undated.article_id: "2019-03-21"}) == ["undated"]


def test_report_with_no_day_joins_the_one_incident_of_its_town_giving_its_figure() -> None:
    # No publication day and no date of its own: any day's, so only its town, type and a
    # figure given alike by exactly one incident say which happening it tells.
    dayless = clash("dayless", ARIHA, 12, None)
    assert members_with([clash("ariha", ARIHA, 12), dayless], "dayless") == ["ariha", "dayless"]
    elsewhere = [clash("saraqib", SARAQIB, 12), dayless]
    assert members_with(elsewhere, "dayless") == ["dayless"]


def test_report_with_no_day_stays_apart_when_its_figure_names_no_one_incident() -> None:
    dayless = clash("dayless", ARIHA, 12, None)
    differing = [clash("ariha", ARIHA, 40), dayless]
    assert members_with(differing, "dayless") == ["dayless"]
    two_months = [clash("march", ARIHA, 12), clash("may", ARIHA, 12, "2019-05-20"), dayless]
    assert members_with(two_months, "dayless") == ["dayless"]


def test_reports_with_no_day_never_make_an_incident_among_themselves() -> None:
    events = [clash("first", ARIHA, 12, None), clash("second", ARIHA, 12, None)]
    assert members_with(events, "first") == ["first"]


def test_undated_report_links_only_around_its_article_day() -> None:
    undated = clash("undated", ARIHA, 12, None)
    weeks_later = {undated.article_id: "2019-04-10"}
    assert members_with([clash("ariha", ARIHA, 12), undated], "undated", weeks_later) == ["undated"]


def test_dated_report_joins_an_undated_one_only_on_more_than_being_possible() -> None:
    # A governorate and an article's day allow the link; only a figure (or a doer) says it is one.
    published = {"article-undated": "2019-03-21"}
    bare = [clash("idlib", IDLIB, None), clash("undated", ARIHA, None, None)]
    assert members_with(bare, "idlib", published) == ["idlib"]
    counted = [clash("idlib", IDLIB, 12), clash("undated", ARIHA, 12, None)]
    assert members_with(counted, "idlib", published) == ["idlib", "undated"]


def test_undated_report_whose_figure_differs_is_another_happening() -> None:
    # Between dated reports a different toll is a dispute; with only its article's day to go on,
    # it is the one sign that the undated report tells another clash in that town.
    published = {"article-undated": "2019-03-21"}
    differing = [clash("ariha", ARIHA, 12), clash("undated", ARIHA, 40, None)]
    assert members_with(differing, "undated", published) == ["undated"]
    disputed = [clash("ariha", ARIHA, 12), clash("stated", ARIHA, 40)]
    assert members_with(disputed, "stated") == ["ariha", "stated"]


def test_undated_reports_make_no_incident_among_themselves() -> None:
    # Two articles of one week each telling "12 killed in Ariha" with no day: nothing says they
    # tell one clash. A report that dates it gives both a day to meet on.
    published = {"article-first": "2019-03-21", "article-second": "2019-03-21"}
    undated = [clash("first", ARIHA, 12, None), clash("second", ARIHA, 12, None)]
    assert members_with(undated, "first", published) == ["first"]
    dated = [*undated, clash("ariha", ARIHA, 12)]
    assert members_with(dated, "first", published) == ["ariha", "first", "second"]


def test_report_with_no_day_joins_the_incident_giving_more_of_its_figures_alike() -> None:
    # "At least 12 killed, 5 wounded": one incident of its town gives both alike, another only
    # the toll; a bound that only meets ("at least 10") gives nothing alike.
    def told(event_id: str, day: str | None, *figures: tuple[str, int, str]) -> Event:
        event = clash(event_id, ARIHA, None, day)
        return replace(event, quantities=[Quantity(*figure) for figure in figures])

    toll, wounded = ("killed", 12, "min"), ("injured", 5, "exact")
    dayless = told("dayless", None, toll, wounded)
    both = [told("march", "2019-03-20", toll, wounded), told("may", "2019-05-20", toll), dayless]
    assert members_with(both, "dayless") == ["dayless", "march"]
    meeting = [told("march", "2019-03-20", ("killed", 10, "min")), told("dayless", None, toll)]
    assert members_with(meeting, "dayless") == ["dayless"]


def test_report_with_no_day_naming_a_weekday_joins_the_one_incident_of_its_town_that_day() -> None:
    # "On Wednesday" with no publication day to resolve it: of its town's clashes, only one
    # stated on a Wednesday can be it (20 March 2019 is one), whatever its figures say; two
    # Wednesdays' clashes fit as well, so it stays apart.
    dayless = replace(clash("dayless", ARIHA, 40, None), date_text="on Wednesday")
    wednesday, friday = clash("wednesday", ARIHA, 12), clash("friday", ARIHA, 40, "2019-03-22")
    (joined,) = [i for i in link_events([wednesday, friday, dayless], OPTIONS) if "dayless" in i.events]
    assert joined.events == ["dayless", "wednesday"]
    assert joined.links[0].reasons["days"] == "same weekday: Wednesday (none) / 2019-03-20 (stated)"
    # "Wednesdays clash": extraction's reading of a possessive whose apostrophe was dropped
    scraped = replace(dayless, date_text="Wednesdays")
    assert members_with([wednesday, friday, scraped], "dayless") == ["dayless", "wednesday"]
    next_week = clash("next-week", ARIHA, 12, "2019-03-27")
    assert members_with([wednesday, next_week, dayless], "dayless") == ["dayless"]


def test_report_with_no_day_naming_a_weekday_never_joins_another_days_incident() -> None:
    # The same toll alike would name the Wednesday clash; "on Thursday" says it is not that one.
    dayless = replace(clash("dayless", ARIHA, 12, None), date_text="on Thursday")
    assert members_with([clash("wednesday", ARIHA, 12), dayless], "dayless") == ["dayless"]


def test_a_week_gives_undated_reports_no_day_to_meet_on() -> None:
    # "Last week" in Ariha: the week holds both articles' days, but no more than they do.
    published = {"article-first": "2019-03-21", "article-second": "2019-03-21"}
    undated = [clash("first", ARIHA, 12, None), clash("second", ARIHA, 12, None)]
    week = replace(clash("week", ARIHA, None, "2019-03-18"), date_precision="week", date_text="last week")
    assert members_with([*undated, week], "first", published) == ["first"]


def test_undated_town_report_finds_its_town_in_a_busy_governorate() -> None:
    # More reports of the governorate around its article's day, with figures like its own, than
    # a vague report may read: its own town's reports are few enough to say which one it is.
    busy = [clash(f"village-{n:03d}", village(n), 140) for n in range(PROBE_LIMIT + 1)]
    undated = clash("undated", ARIHA, 140, None)
    published = {undated.article_id: "2019-03-21"}
    linked = members_with([*busy, clash("ariha", ARIHA, 140), undated], "undated", published)
    assert linked == ["ariha", "undated"]
