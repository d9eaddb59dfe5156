"""Date expressions in a sentence and the calendar date they stand for.

Relative expressions resolve against the publication date: "Thursday" in a Thursday article
is that day, "Wednesday" the day before (the most recent such day not after publication,
dateparser's ``current_period`` reading); "yesterday" is the day before; "late July" the most
recent July. Without a publication date only expressions that carry a year resolve; the rest
keep their words and a key that still tells two different days apart ("Sunday" vs
"last year"). Nothing is ever guessed from the day the tool runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import dateparser

from sitreport.annotate.numbers import parse_quantity
from sitreport.extract.lexicon import ExtractionLexicon

DATEPARSER_SETTINGS = {"PREFER_DATES_FROM": "current_period", "REQUIRE_PARTS": ["year"]}
DAYS_PER_UNIT = {"day": 1, "week": 7}


@dataclass(frozen=True)
class DateReading:
    """A resolved (or knowingly unresolved) date: ``date`` is None when it cannot be known."""

    date: str | None
    precision: str | None
    text: str
    key: str


@dataclass(frozen=True)
class DateExpression:
    """A date in the text; ``text`` keeps a preposition in front ("on Wednesday", as the
    contract's ``date_text``), ``core`` is the date words alone."""

    start: int
    end: int
    text: str
    kind: str
    groups: tuple[str | None, ...]
    core: str


def alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True)
class DatePatterns:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    preposition: re.Pattern[str]


@lru_cache(maxsize=8)
def compile_patterns(lexicon: ExtractionLexicon) -> DatePatterns:
    table = lexicon.dates
    month_words = [m.lower() for m in table["months"]]
    # the first twelve are the full names; abbreviations map to the month they start
    full = month_words[:12]
    months = {m: full.index(next(f for f in full if f.startswith(m))) + 1 for m in month_words}
    weekdays = {w.lower(): i for i, w in enumerate(table["weekdays"])}
    mon, wd = alternation(month_words), alternation(list(weekdays))
    capital = alternation([m.capitalize() for m in month_words])
    parts, periods = alternation(table["day_parts"]), alternation(table["period_parts"])
    units = alternation(list(table["units"]))
    # "last week" is a date; "the past weeks" is not
    singular_units = alternation([word for word, unit in table["units"].items() if word == unit])
    offsets = alternation(table["before_words"] + table["after_words"])
    last_this = alternation(table["last_words"] + table["this_words"])
    same = alternation(table["same_day"] + table["previous_day"])
    sequels = alternation(table["next_words"] + table["previous_words"])
    specs = [
        ("day_month_year", rf"\b(\d{{1,2}})\s+({mon})\.?,?\s+(\d{{4}})\b"),
        ("month_day_year", rf"\b({mon})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"),
        ("month_year", rf"\b(?:(?:{periods})[\s-]+)?({mon})\s+(\d{{4}})\b"),
        # "on September 17", "17 September": no year, so the page's publication gives it; a
        # capitalised month only ("may 5" is no date)
        ("month_day", rf"\b(?-i:({capital}))\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?![.,]?\d)"),
        ("day_month", rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?-i:({capital}))\b"),
        ("month", rf"\b(?:(?:{periods})[\s-]+|(?:in|since|during|until|last|early|late)\s+)({mon})\b"),
        ("year", rf"\b(?:in|since|during|of|until|(?:{periods}))[\s-]+(\d{{4}})\b"),
        # "Saturdays blast": a possessive whose apostrophe scraping dropped (34 FA-KES articles)
        ("weekday", rf"\b({wd})s?(?:\s+({parts}))?\b"),
        ("same_day", rf"\b({same})\b"),
        ("sequel", rf"\bthe\s+({sequels})\s+({singular_units})\b"),
        ("last_unit", rf"\b({last_this})\s+({singular_units})\b"),
        ("offset", rf"\b([a-z]+|\d+)\s+({units})\s+({offsets})\b"),
    ]
    preposition = re.compile(rf"\b(?:{alternation(table['prepositions'])})\s+$", re.IGNORECASE)
    return DatePatterns(
        tuple((kind, re.compile(p, re.IGNORECASE)) for kind, p in specs), months, weekdays, preposition
    )


def find_date_expressions(text: str, offset: int, lexicon: ExtractionLexicon) -> list[DateExpression]:
    """Non-overlapping date expressions in ``text`` (offsets shifted by ``offset``)."""
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    compiled = compile_patterns(lexicon)
    for kind, pattern in compiled.patterns:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end in taken):
                continue
            taken.append(match.span())
            lead = compiled.preposition.search(text, 0, match.start())
            start = lead.start() if lead is not None else match.start()
            found.append(
                DateExpression(
                    start + offset,
                    match.end() + offset,
                    text[start : match.end()],
                    kind,
                    match.groups(),
                    match.group(0),
                )
            )
    return sorted(found, key=lambda e: e.start)


def most_recent_month(month: int, published: date) -> int:
    """The year of the most recent such month not after publication."""
    return published.year if month <= published.month else published.year - 1


def shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def unit_reading(unit: str, anchor: date, step: int, text: str) -> DateReading:
    """ "last week" (step -1) or "this month" (step 0) from an anchor day."""
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
        return DateReading(monday.isoformat(), "week", text, f"week:{monday.isoformat()}")
    if unit == "month":
        year, month = shift_months(anchor, step)
        return DateReading(f"{year:04d}-{month:02d}", "month", text, f"{year:04d}-{month:02d}")
    if unit == "year":
        return DateReading(f"{anchor.year + step:04d}", "year", text, f"{anchor.year + step:04d}")
    day = anchor + timedelta(days=step)
    return DateReading(day.isoformat(), "day", text, day.isoformat())


def day_reading(day: date, text: str) -> DateReading:
    return DateReading(day.isoformat(), "day", text, day.isoformat())


@lru_cache(maxsize=4096)
def parse_absolute(text: str) -> date | None:
    """dateparser's reading of a full date; cached, as the same dates recur across articles."""
    parsed = dateparser.parse(text, settings=DATEPARSER_SETTINGS)
    return parsed.date() if parsed is not None else None


def day_in_year(month: int, day: int, published: date, text: str) -> DateReading:
    """ "September 17" in a page published in October 2016: the most recent such day not
    after publication; not a day of the calendar ("February 30"): unresolved."""
    year = published.year if (month, day) <= (published.month, published.day) else published.year - 1
    try:
        return day_reading(date(year, month, day), text)
    except ValueError:
        return DateReading(None, None, text, f"day:{text.lower()}")


def resolve_absolute(expression: DateExpression) -> DateReading | None:
    parsed = parse_absolute(expression.core)
    return day_reading(parsed, expression.text) if parsed is not None else None


def resolve_date(
    expression: DateExpression,
    published: date | None,
    anchor: date | None,
    lexicon: ExtractionLexicon,
    inverted: bool = False,
) -> DateReading:
    """The date an expression stands for (see the module docstring)."""
    patterns = compile_patterns(lexicon)
    table = lexicon.dates
    text, groups = expression.text, expression.groups
    unresolved = DateReading(None, None, text, f"{expression.kind}:{expression.core.lower()}")
    if expression.kind in ("day_month_year", "month_day_year"):
        return resolve_absolute(expression) or unresolved
    if expression.kind == "month_year":
        month = patterns.months[(groups[0] or "").lower()]
        return DateReading(f"{groups[1]}-{month:02d}", "month", text, f"{groups[1]}-{month:02d}")
    if expression.kind == "year":
        return DateReading(groups[0], "year", text, groups[0] or text)
    if published is None:
        return unresolved
    if expression.kind in ("month_day", "day_month"):
        month_word, day_digits = groups if expression.kind == "month_day" else groups[::-1]
        return day_in_year(patterns.months[(month_word or "").lower()], int(day_digits or 0), published, text)
    if expression.kind == "month":
        month = patterns.months[(groups[0] or "").lower()]
        year = most_recent_month(month, published)
        return DateReading(f"{year:04d}-{month:02d}", "month", text, f"{year:04d}-{month:02d}")
    if expression.kind == "weekday":
        back = (published.weekday() - patterns.weekdays[(groups[0] or "").lower()]) % 7
        return day_reading(published - timedelta(days=back), text)
    if expression.kind == "same_day":
        back = 1 if (groups[0] or "").lower() in table["previous_day"] else 0
        return day_reading(published - timedelta(days=back), text)
    if expression.kind == "sequel":
        if anchor is None:
            return unresolved
        step = -1 if (groups[0] or "").lower() in table["previous_words"] else 1
        return unit_reading(table["units"][(groups[1] or "").lower()], anchor, step, text)
    if expression.kind == "last_unit":
        step = 0 if (groups[0] or "").lower() in table["this_words"] else -1
        return unit_reading(table["units"][(groups[1] or "").lower()], published, step, text)
    return resolve_offset(expression, published, anchor, lexicon, inverted) or unresolved


def resolve_offset(
    expression: DateExpression,
    published: date,
    anchor: date | None,
    lexicon: ExtractionLexicon,
    inverted: bool = False,
) -> DateReading | None:
    """ "three days ago" counts from publication; "two days earlier" from the event before it.

    ``inverted``: the event is the one inside the "after"/"before" clause ("it came two days
    after an initial group left"), so it lies the other way from the anchor.
    """
    count_word, unit_word, direction = (g or "" for g in expression.groups)
    if count_word.lower() in lexicon.dates["single_words"]:
        count = 1
    else:
        parsed = parse_quantity(count_word, lexicon.numbers)
        if parsed is None:
            return None
        count = parsed.value
    unit = lexicon.dates["units"][unit_word.lower()]
    sign = -1 if direction.lower() in lexicon.dates["before_words"] else 1
    sign = -sign if inverted else sign
    base = published if direction.lower() == "ago" else anchor
    if base is None or unit not in DAYS_PER_UNIT:
        return None
    return day_reading(base + timedelta(days=sign * count * DAYS_PER_UNIT[unit]), expression.text)


def period_end(reading: DateReading) -> date | None:
    """The last day a resolved reading may stand for ("2015" -> 2015-12-31)."""
    if reading.date is None:
        return None
    parts = [int(p) for p in reading.date.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        year, month = shift_months(date(parts[0], parts[1], 1), 1)
        return date(year, month, 1) - timedelta(days=1)
    return date(*parts) + timedelta(days=6 if reading.precision == "week" else 0)


def is_history(
    reading: DateReading, published: date | None, lexicon: ExtractionLexicon, limit_key: str = "history_days"
) -> bool:
    """A date well before publication ("captured the town in 2012") recalls history, not news;
    ``limit_key`` names the number of days in dates.toml that "well before" means."""
    end = period_end(reading)
    limit = timedelta(days=int(lexicon.dates[limit_key]))
    return published is not None and end is not None and end < published - limit


def publication_day(published: str | None) -> date | None:
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None
