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
