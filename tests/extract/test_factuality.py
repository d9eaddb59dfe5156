"""Whether an event word reports something that happened (sitreport.extract.factuality).

The sentences below are samples written for these tests, not article text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitreport.records import Event


@pytest.mark.parametrize(
    ("text", "happened"),
    [
        # one condemns what happened
        ("The ministry condemned the air strike that killed 12 civilians in Ariha on Monday.", True),
        # one accuses of what is only claimed
        ("The ministry accused the rebels of shelling Ariha on Monday.", False),
    ],
)
def test_a_condemned_event_happened_an_alleged_one_is_a_claim(
    extract: Callable[..., list[Event]], text: str, happened: bool
) -> None:
    violent = [e for e in extract(text) if e.event_type in {"remote_violence", "casualties"}]
    assert bool(violent) == happened


@pytest.mark.parametrize(
    ("text", "happened"),
    [
        # reports suggesting a past killing tell a claimed event, whatever is asked of the reports
        ("The council asked for clarity on reports suggesting that troops killed 40 people in Ariha.", True),
        ("Reports suggest that 40 people were killed by shelling in Ariha on Monday.", True),
        # a suggestion of what should happen is a proposal
        ("The envoy suggested that the army shell Ariha on Monday.", False),
        # reports that do not suggest it tell nothing
        ("Reports did not suggest that troops killed 40 people in Ariha.", False),
    ],
)
def test_reports_suggesting_a_past_event_tell_it_a_suggestion_proposes(
    extract: Callable[..., list[Event]], text: str, happened: bool
) -> None:
    violent = [e for e in extract(text) if e.event_type in {"remote_violence", "casualties", "battles"}]
    assert bool(violent) == happened


@pytest.mark.parametrize(
    ("sentence", "told"),
    [
        # a past perfect of the sentence's own with a date of its own recalls an earlier happening
        ("The jets had also struck the village of Kafr Nabl on September 17, killing 9 people.", False),
        # under "said" the past perfect only follows the verb of saying: news
        ("The monitor said jets had struck the village of Kafr Nabl on October 4, killing 9 people.", True),
    ],
)
def test_an_earlier_happening_recalled_in_the_past_perfect_is_background(
    extract: Callable[..., list[Event]], sentence: str, told: bool
) -> None:
    text = "Air strikes hit the town of Ariha on Wednesday, killing 12 civilians. " + sentence
    events = extract(text, published="2016-10-06")
    nines = [q for e in events for q in e.quantities if q.category == "killed" and q.value == 9]
    assert bool(nines) == told


@pytest.mark.parametrize(
    ("text", "happened"),
    [
        # the subject of a verb of preventing or accusing is who or what acts
        ("Shelling on Ariha prevented the rescue of the wounded on Monday.", True),
        ("Clashes in Ariha and activists accuse the army of shelling Saraqib", True),
        # what did not come about takes its subject along
        ("The evacuation of Ariha collapsed on Monday.", False),
        # a clause inside the subject is still under the verb
        ("The prince, whose country backs rebels fighting the army, urged talks on Monday.", False),
    ],
)
def test_the_subject_of_a_nonfactual_verb_acts(
    extract: Callable[..., list[Event]], text: str, happened: bool
) -> None:
    kinds = {"remote_violence", "armed_clash", "evacuation"}
    assert bool([e for e in extract(text, title=text) if e.event_type in kinds]) == happened
