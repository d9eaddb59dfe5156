"""An event while it is being read: the record plus what merging and confidence need."""

from __future__ import annotations

from dataclasses import dataclass, field

from sitreport.extract.dates import DateReading
from sitreport.records import Actor, Evidence, Place, Quantity

# Theme classes that tell two otherwise alike reports apart: civilians evacuated on one bus,
# fighters on another, are two events.
DISTINGUISHING_CLASSES = frozenset({"fighters", "civilians"})


@dataclass
class Candidate:
    event_type: str
    strength: float
    evidence: list[Evidence]
    headline_only: bool
    location: Place | None = None
    origin: Place | None = None
    destination: Place | None = None
    place_explicit: bool = False
    date: DateReading | None = None
    date_explicit: bool = False
    actors: list[Actor] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    ordinal: int | None = None
    theme_classes: frozenset[str] = frozenset()
    back_reference: bool = False
    # an execution or massacre: its toll stays its own, never folded into a strike or clash
    own_happening: bool = False
    # only ever told by a word of no particular kind ("attack"): joins a specific violent event
    generic: bool = False
    # a count of a happening already told ("the death toll rose to 16"): dated by the counting
    recount: bool = False
    # reported in the present perfect ("the first buses have left"): news of the day
    of_the_day: bool = False

    @property
    def distinguishing(self) -> frozenset[str]:
        return self.theme_classes & DISTINGUISHING_CLASSES
