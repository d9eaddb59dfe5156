"""Where an event happened (location, origin, destination) and who took part in what role."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from sitreport.extract.lexicon import ExtractionLexicon
from sitreport.extract.syntax import ancestors_with_self, tree_distance
from sitreport.extract.triggers import Trigger
from sitreport.records import Actor, ActorRole, Place
from sitreport.resolve import ActorMention, PlaceMention

MOVEMENT_TYPES = frozenset({"evacuation", "deployment", "aid"})
# Movements that happen where they arrive: aid is delivered at its destination.
ARRIVAL_TYPES = frozenset({"aid"})
# Types whose theme suffers the act ("target"); for the others it is "affected".
HOSTILE_TYPES = frozenset({"armed_clash", "remote_violence", "detention", "siege", "territory_change"})
# Verbs whose object is the place left: "left Daraa", "evacuated the town".
DEPARTURE_VERBS = frozenset({"leave", "evacuate", "exit", "depart", "abandon", "flee", "quit"})
PLACE_LINKS = frozenset({"compound", "appos", "conj", "poss", "amod", "nmod"})
UNKNOWN_PRECISION = 9
UNKNOWN_DISTANCE = 1000


@dataclass
class PlaceRoles:
    location: list[PlaceMention] = field(default_factory=list)
    origin: list[PlaceMention] = field(default_factory=list)
    destination: list[PlaceMention] = field(default_factory=list)
    # passed on the way ("through the crossing"): the place only when nothing else is named
    transit: list[PlaceMention] = field(default_factory=list)


def most_precise(mentions: list[PlaceMention]) -> Place | None:
    """The most precise place (town before province before country), the first on a tie."""
    if not mentions:
        return None
    best = min(mentions, key=lambda m: (m.place.precision or UNKNOWN_PRECISION, m.start))
    return best.place


def closest_precise(doc: Doc, mentions: list[PlaceMention], trigger: Token) -> Place | None:
    """The most precise place; between equally precise ones, the nearest to the event word in
    the parse ("took Beit Jinn, 40 km from Damascus": Beit Jinn)."""

    def distance(mention: PlaceMention) -> int:
        root = mention_root(doc, mention.start, mention.end)
        return tree_distance(root, trigger) if root is not None else UNKNOWN_DISTANCE

    if not mentions:
        return None
    best = min(mentions, key=lambda m: (m.place.precision or UNKNOWN_PRECISION, distance(m), m.start))
    return best.place


def place_role(token: Token, lexicon: ExtractionLexicon) -> str:
    """ "from X"/"out of X"/"left X" -> origin; "to X"/"for X" -> destination; else location."""
    node = token
    while True:
        if node.dep_ == "pobj":
            preposition = node.head
            word = preposition.lower_
            if word == "of" and preposition.head.lower_ in lexicon.origin_prepositions:
                return "origin"
            if word == "of":
                node = preposition.head
                continue
            if word in lexicon.origin_prepositions:
                return "origin"
            if word in lexicon.destination_prepositions:
                return "destination"
            if word in lexicon.transit_prepositions:
                return "transit"
            return "location"
        if node.dep_ == "dobj" and node.head.lemma_.lower() in DEPARTURE_VERBS:
            return "origin"
        if node.dep_ in PLACE_LINKS and node.head.i != node.i:
            node = node.head
            continue
        return "location"


def mention_root(doc: Doc, start: int, end: int) -> Token | None:
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root if span is not None else None


def is_reference_point(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "near Y", "10 km north of Y", "on the outskirts of Y", "X, a suburb of Y": Y only says
    where the event's place lies."""
    node = token
    while node.dep_ in PLACE_LINKS and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj":
        return False
    preposition = node.head
    return (
        preposition.lower_ in lexicon.reference_prepositions
        or preposition.head.lemma_.lower() in lexicon.reference_nouns
    )


def without_reference_points(
    doc: Doc, mentions: list[PlaceMention], lexicon: ExtractionLexicon
) -> list[PlaceMention]:
    """The places the sentence locates the event at; none when it names only reference points,
    which are then the event's place for want of another ("clashes near Kafr Nabudah")."""

    def is_reference(mention: PlaceMention) -> bool:
        root = mention_root(doc, mention.start, mention.end)
        return root is not None and is_reference_point(root, lexicon)

    return [m for m in mentions if not is_reference(m)]


def place_roles(doc: Doc, places: list[PlaceMention], lexicon: ExtractionLexicon) -> PlaceRoles:
    roles = PlaceRoles()
    for mention in places:
        root = mention_root(doc, mention.start, mention.end)
        role = place_role(root, lexicon) if root is not None else "location"
        getattr(roles, role).append(mention)
    return roles


def movement_location(roles: PlaceRoles, event_type: str) -> Place | None:
    """Where a movement happened. Aid happens where it arrives, then where it is said to be or
    pass; where it came from is the last resort ("entered from Turkey through the crossing").
    Other movements happen where they start or at the place named; a place they only passed
    through counts when nothing else is named."""
    if event_type in ARRIVAL_TYPES:
        ranked = [roles.destination, roles.location, roles.transit, roles.origin]
    else:
        ranked = [roles.origin + roles.location, roles.transit]
    return next((place for group in ranked if (place := most_precise(group)) is not None), None)


def in_theme(root: Token, trigger: Trigger) -> bool:
    return any(root.i == t.i or root in t.subtree for t in trigger.theme)


def theme_role(trigger: Trigger) -> ActorRole:
    """ "Rebels surrendered", "troops entered the town": the active subject the event is about
    did it; an object or passive subject suffered it."""
    if trigger.theme and trigger.theme[0].dep_ == "nsubj":
        return "actor"
    return "target" if trigger.event_type in HOSTILE_TYPES else "affected"


def actor_role(root: Token, trigger: Trigger, lexicon: ExtractionLexicon) -> ActorRole:
    """Mediator near a brokering word, target or affected when it is the theme, else actor."""
    nearby = [root.doc[i] for i in range(max(root.i - 2, 0), min(root.i + 3, len(root.doc)))]
    climbing = list(ancestors_with_self(root))[:3]
    if any(
        t.lemma_.lower() in lexicon.mediator_words or t.lower_ in lexicon.mediator_words
        for t in nearby + climbing
    ):
        return "mediator"
    if in_theme(root, trigger):
        return theme_role(trigger)
    if (
        root.dep_ == "pobj"
        and root.head.lower_ in lexicon.opponent_prepositions
        and trigger.event_type in HOSTILE_TYPES
    ):
        return "target" if trigger.event_type != "armed_clash" else "actor"
    return "actor"


def event_actors(
    doc: Doc, trigger: Trigger, actors: list[ActorMention], lexicon: ExtractionLexicon
) -> list[Actor]:
    found: dict[tuple[str, str], Actor] = {}
    for mention in actors:
        root = mention_root(doc, mention.start, mention.end)
        if root is None:
            continue
        role = actor_role(root, trigger, lexicon)
        if mention.name in lexicon.affected_groups:
            # civilians and residents suffer events; one of them saying something is no party
            if not in_theme(root, trigger):
                continue
            role = "affected"
        actor = Actor(mention.name, role, mention.kind, mention.text, mention.inter)
        found.setdefault((mention.name, role), actor)
    return list(found.values())
