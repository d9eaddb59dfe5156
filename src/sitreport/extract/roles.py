"""Where an event happened (location, origin, destination) and who took part in what role."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Token

from sitreport.extract.attribution import SourceTracker
from sitreport.extract.candidate import Candidate
from sitreport.extract.lexicon import ExtractionLexicon
from sitreport.extract.merge import REGION_PRECISION, lies_within, same_place
from sitreport.extract.syntax import (
    ancestors_with_self,
    child_with_dep,
    is_passive,
    subject_of,
    tree_distance,
)
from sitreport.extract.triggers import Trigger
from sitreport.records import Actor, ActorRole, Place
from sitreport.resolve import ActorMention, PlaceMention
from sitreport.resolve.forces import load_actor_phrases

# Types where one side hurts another: who tells of them is not thereby a party.
VIOLENT_TYPES = frozenset({"armed_clash", "remote_violence", "casualties", "detention", "siege"})
MOVEMENT_TYPES = frozenset({"evacuation", "deployment", "aid"})
# Movements that happen where they arrive: aid is delivered at its destination.
ARRIVAL_TYPES = frozenset({"aid"})
# Types whose theme suffers the act ("target"); for the others it is "affected".
HOSTILE_TYPES = frozenset({"armed_clash", "remote_violence", "detention", "siege", "territory_change"})
# Verbs whose object is the place left: "left Daraa", "evacuated the town".
DEPARTURE_VERBS = frozenset({"leave", "evacuate", "exit", "depart", "abandon", "flee", "quit"})
PLACE_LINKS = frozenset({"compound", "appos", "conj", "poss", "amod", "nmod"})
# Links from a name to the noun it modifies ("Hama countryside", "the Idlib front").
NAME_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# Links from a word to the noun of the phrase it is in.
NAME_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "conj", "cc"})
# Clauses of their own under an agent phrase: "warplanes, which took off from Hmeimim".
CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "parataxis", "appos"})
# An actor the sentence names with no link to an event that has no agent: most often the
# side that did it, named away from the verb ("in an air raid, the regime hit Douma again").
UNLINKED_ROLE: ActorRole = "actor"
# Rescuers, monitors and the UN (side "neutral" in kb/actors.csv) act in an event only when
# the parse says so ("the Red Crescent evacuated 200"); named otherwise they tell of it.
NEUTRAL_SIDE = "neutral"
UNKNOWN_PRECISION = 9
# the packaged role words (kb/actor_phrases.toml): the lexicon carries no knowledge-base folders
ROLE_WORDS = load_actor_phrases()
# the last words of the force nouns: "killed in Russian raids" tells who killed
FORCE_WORDS = frozenset(noun.split()[-1].lower() for noun in ROLE_WORDS.force_nouns)
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
    best = min(mentions, key=lambda m: (precision_of(m), m.start))
    return best.place


def closest_precise(doc: Doc, mentions: list[PlaceMention], trigger: Token) -> Place | None:
    """The most precise place; between equally precise ones, the nearest to the event word in
    the parse ("took Beit Jinn, 40 km from Damascus": Beit Jinn)."""

    def distance(mention: PlaceMention) -> int:
        root = mention_root(doc, mention.start, mention.end)
        return tree_distance(root, trigger) if root is not None else UNKNOWN_DISTANCE

    if not mentions:
        return None
    best = min(mentions, key=lambda m: (precision_of(m), distance(m), m.start))
    return best.place


def noun_of_name(token: Token) -> Token:
    """The noun a place name stands in: "Hama" in "Hama countryside" is "countryside"."""
    node = token
    while node.dep_ in NAME_MODIFIER_DEPS and node.head.i != node.i:
        node = node.head
    return node


def coordinated_places(
    doc: Doc, mentions: list[PlaceMention], chosen: Place, lexicon: ExtractionLexicon, headline: bool = False
) -> list[Place]:
    """Places joined by "and" to the event's place ("clashes in Daraa and Damascus",
    "bombardment targets Idlib and Aleppo"): each is the place of a happening of its own, as a
    coder records one event per location. A place inside another of them is not ("Aleppo city
    and its countryside", "Idlib and Idlib province" stay one). The parse tells the join, or
    the text: names with only a list joiner between them ("in Tal Abyad and Ras al-Ayn"), or,
    in a headline, any joiner between them (see ``clause_joined``)."""
    nouns = {id(m): noun_of_name(root) for m in mentions if (root := mention_root(doc, m.start, m.end))}
    joined = {t.i for m in mentions if m.place == chosen and id(m) in nouns for t in nouns[id(m)].conjuncts}
    listed = listed_with(doc.text, mentions, chosen, lexicon)
    if headline:
        listed |= clause_joined(doc, mentions, chosen)
    found: list[Place] = []
    for mention in mentions:
        noun = nouns.get(id(mention))
        place = mention.place
        by_parse = noun is not None and noun.i in joined
        if not (by_parse or id(mention) in listed) or not place.resolved:
            continue
        if not any(overlap(place, other) for other in [chosen, *found]):
            found.append(place)
    return found


def listed_with(
    text: str, mentions: list[PlaceMention], chosen: Place, lexicon: ExtractionLexicon
) -> set[int]:
    """Ids of the mentions in one list with a mention of ``chosen``: a run of names each
    separated from the next by a list joiner only."""
    ordered = sorted(mentions, key=lambda m: m.start)
    runs: list[list[PlaceMention]] = []
    for mention in ordered:
        gap = " ".join(text[runs[-1][-1].end : mention.start].split()).lower() if runs else None
        if gap is not None and gap in lexicon.place_list_joiners:
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return {id(m) for run in runs if len(run) > 1 and any(m.place == chosen for m in run) for m in run}


def clause_joined(doc: Doc, mentions: list[PlaceMention], chosen: Place) -> set[int]:
    """Ids of the mentions a coordinating word sets apart from a mention of ``chosen``.
    A headline chains its happenings with "and" ("clashes in Aleppo city, and renewed in
    Arima"; "gunmen kill two in Idlib and clashes in Salamiyah"), and the parser, trained on
    full sentences, often hangs the later places on the first event word: a place beyond the
    joiner is a happening of its own, whichever word the parse gives it to."""
    roots = {id(m): root for m in mentions if (root := mention_root(doc, m.start, m.end)) is not None}
    anchors = [roots[id(m)].i for m in mentions if m.place == chosen and id(m) in roots]

    def apart(i: int, j: int) -> bool:
        return any(t.dep_ == "cc" for t in doc[min(i, j) + 1 : max(i, j)])

    return {key for key, root in roots.items() if any(apart(root.i, a) for a in anchors)}


def overlap(a: Place, b: Place) -> bool:
    """One place is the other, or lies within it."""
    return same_place(a, b) or lies_within(a, b) or lies_within(b, a)


def place_role(token: Token, lexicon: ExtractionLexicon) -> str:
    """ "from X"/"out of X"/"left X" -> origin; "to X"/"for X" -> destination; else location."""
    return role_and_governor(token, lexicon)[0]


def role_and_governor(token: Token, lexicon: ExtractionLexicon) -> tuple[str, Token | None]:
    """The role of a place mention (see place_role) and the word its phrase hangs on: the verb
    of "fired from X" or "left X"; None when no preposition or verb gives the role."""
    node = token
    while True:
        if node.dep_ == "pobj":
            preposition = node.head
            word = preposition.lower_
            if word == "of" and preposition.head.lower_ in lexicon.origin_prepositions:
                return "origin", preposition.head.head
            if word == "of":
                node = preposition.head
                continue
            if word in lexicon.origin_prepositions:
                return "origin", preposition.head
            if word in lexicon.destination_prepositions:
                return "destination", preposition.head
            if word in lexicon.transit_prepositions:
                return "transit", preposition.head
            if word in lexicon.reference_prepositions:
                # "from positions near X": X only says where the place of the phrase lies
                node = preposition.head
                continue
            return "location", None
        if node.dep_ == "dobj" and node.head.lemma_.lower() in DEPARTURE_VERBS:
            return "origin", node.head
        if node.dep_ in PLACE_LINKS and node.head.i != node.i:
            node = node.head
            continue
        return "location", None


def is_launch_site(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "shells fired from positions near Kafranbel", "attacks launched from Jabal al-Zawiya":
    the place fire or an attack came from, not where it struck."""
    role, governor = role_and_governor(token, lexicon)
    return role == "origin" and governor is not None and governor.lemma_.lower() in lexicon.launch_verbs


def mention_root(doc: Doc, start: int, end: int) -> Token | None:
    at = _root_index(doc, start, end)
    return doc[at] if at is not None else None


@lru_cache(maxsize=256)
def _root_index(doc: Doc, start: int, end: int) -> int | None:
    """Each event of a sentence asks for the root of each of its mentions, and a char span
    and its root are slow to find. A Doc hashes by identity and the cache holds it, so an
    entry can only be read back for the same doc, which extraction never changes."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return span.root.i if span is not None else None


def is_reference_point(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "near Y", "10 km north of Y", "on the outskirts of Y", "X, a suburb of Y": Y only says
    where the event's place lies."""
    node = token
    while node.dep_ in PLACE_LINKS and node.head.i != node.i:
        node = node.head
    if node.dep_ != "pobj":
        return False
    preposition = node.head
    # the parser often hangs "of" in "attack in X town east of Y" on the event word: the word
    # just before the preposition tells as well
    before = preposition.nbor(-1) if preposition.i > 0 else preposition
    return (
        preposition.lower_ in lexicon.reference_prepositions
        or preposition.head.lemma_.lower() in lexicon.reference_nouns
        or before.lemma_.lower() in lexicon.reference_nouns
    )


def without_reference_points(
    doc: Doc, mentions: list[PlaceMention], lexicon: ExtractionLexicon
) -> list[PlaceMention]:
    """The places the sentence locates the event at; none when it names only reference points,
    which are then the event's place for want of another ("clashes near Kafr Nabudah"). A
    reference point yields to a region only when it does not lie inside it: in "an attack near
    Kafr Zita in Hama" the governorate only says where the village lies, and the village is the
    nearest the text comes to the event's place."""

    def is_reference(mention: PlaceMention) -> bool:
        root = mention_root(doc, mention.start, mention.end)
        return root is not None and is_reference_point(root, lexicon)

    references = [m for m in mentions if is_reference(m)]
    located = [m for m in mentions if m not in references]
    if located and all(precision_of(m) >= REGION_PRECISION for m in located):
        return located + [r for r in references if any(lies_within(r.place, m.place) for m in located)]
    return located


def without_launch_sites(
    doc: Doc, mentions: list[PlaceMention], lexicon: ExtractionLexicon
) -> list[PlaceMention]:
    """The places a violent act struck: where it was fired or launched from is not one, even as
    the sentence's only place (the event then takes the paragraph's or the story's place)."""

    def launched_from(mention: PlaceMention) -> bool:
        root = mention_root(doc, mention.start, mention.end)
        return root is not None and is_launch_site(root, lexicon)

    return [m for m in mentions if not launched_from(m)]


def precision_of(mention: PlaceMention) -> int:
    return mention.place.precision or UNKNOWN_PRECISION


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
    """Whether the mention is in the theme's phrase; for "civilians killed in regime shelling"
    the trigger's own clause hangs under the theme, and is not part of it."""
    own_clause = trigger.token.dep_ in ("acl", "relcl") and root in trigger.token.subtree
    return not own_clause and any(root.i == t.i or root in t.subtree for t in trigger.theme)


def theme_role(trigger: Trigger) -> ActorRole:
    """ "Rebels surrendered", "troops entered the town": the active subject the event is about
    did it; an object or passive subject suffered it."""
    if trigger.theme and trigger.theme[0].dep_ == "nsubj":
        return "actor"
    return suffering_role(trigger)


def suffering_role(trigger: Trigger) -> ActorRole:
    return "target" if trigger.event_type in HOSTILE_TYPES else "affected"


@lru_cache(maxsize=4)
def event_words(lexicon: ExtractionLexicon) -> frozenset[str]:
    """Lemmas that report an event on their own or end a phrase that does ("air strikes")."""
    last_words = {phrase[-1] for entries in lexicon.phrase_index.values() for _, _, phrase in entries}
    return frozenset(lexicon.lemma_index) | frozenset(last_words)


def is_event_word(token: Token, lexicon: ExtractionLexicon) -> bool:
    return token.lemma_.lower() in event_words(lexicon) or token.lower_ in event_words(lexicon)


@dataclass
class Participants:
    """Token indices of the phrases that say who did an event and whom it was aimed at."""

    agents: set[int] = field(default_factory=set)
    opposed: set[int] = field(default_factory=set)
    # the part of it told as a place or position hit ("an attack on army positions"): no
    # fighting back is told
    aimed: set[int] = field(default_factory=set)


class ParticipantReader:
    """Who did it: the subject of an active event verb ("regime planes killed 31"), the agent
    of a passive one ("killed by Russian warplanes"), the modifiers and "by" phrase of an event
    noun ("Russian air strikes", "an attack by IS"), the subject of a light verb over it
    ("IS launched an attack"), and the cause a toll is told with ("killed in regime shelling").
    What it was aimed at: "on" and "against" phrases ("strikes on an IS camp")."""

    def __init__(self, trigger: Trigger, lexicon: ExtractionLexicon) -> None:
        self.trigger = trigger
        self.lexicon = lexicon
        self.found = Participants()

    def read(self) -> Participants:
        for head in self.agent_heads(self.trigger.token):
            self.add_phrase(head, self.found.agents)
        for child in self.trigger.token.children:
            if self.is_opposing(child):
                self.oppose(child)
        return self.found

    def oppose(self, preposition: Token) -> None:
        indices = {t.i for t in preposition.subtree}
        self.found.opposed |= indices
        if preposition.lower_ in ROLE_WORDS.target_prepositions:
            self.found.aimed |= indices

    def is_opposing(self, child: Token) -> bool:
        """ "strikes on an IS camp", "fought against the regime": what the event was aimed at."""
        return child.dep_ == "prep" and child.lower_ in self.lexicon.opponent_prepositions

    def agent_heads(self, token: Token) -> list[Token]:
        heads = self.causes(token)
        if token.pos_ not in ("VERB", "AUX", "ADJ"):
            return [token, *heads, *self.light_verb_subjects(token)]
        agent = child_with_dep(token, "agent")
        if agent is not None:
            return [*(c for c in agent.children if c.dep_ == "pobj"), *heads]
        if token.dep_ == "relcl" and child_with_dep(token, "nsubj") in relative_subjects(token):
            # "the bombing that killed 12": the noun the clause is about did it
            return [token.head, *heads, *self.light_verb_subjects(token.head)]
        if token.dep_ in ("acl", "relcl") or is_passive(token):
            return heads
        if token.pos_ == "ADJ" and token.dep_ in ("oprd", "acomp"):
            # "the clashes left 30 dead"
            token = token.head
        subject = subject_of(token)
        return [subject, *heads] if subject is not None else heads

    def causes(self, token: Token) -> list[Token]:
        """ "killed in regime shelling", "died in clashes with IS": an event or force phrase
        in a prepositional phrase on the trigger (or on a verb joined to it: "were killed and
        others injured in air strikes") is what did it."""
        verbs = [token, *(c for c in token.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        return [
            grandchild
            for verb in verbs
            for child in verb.children
            if child.dep_ == "prep" and child.lower_ in ROLE_WORDS.cause_prepositions
            for grandchild in child.children
            if grandchild.dep_ == "pobj"
            and (grandchild.lower_ in FORCE_WORDS or is_event_word(grandchild, self.lexicon))
        ]

    def light_verb_subjects(self, noun: Token) -> list[Token]:
        """ "IS claimed responsibility for the attack", "warplanes carried out strikes"."""
        node = noun
        while node.dep_ in ("dobj", "pobj", "prep") and node.head.i != node.i:
            node = node.head
            if node.pos_ == "VERB":
                if node.lemma_.lower() not in self.lexicon.light_verbs | ROLE_WORDS.responsibility_verbs:
                    return []
                subject = subject_of(node)
                return [subject] if subject is not None else []
        return []

    def add_phrase(self, head: Token, into: set[int]) -> None:
        """The head and what hangs off it, except clauses of its own, the "of" phrase of an
        event noun (its theme: "the shelling of Douma") and what it was aimed at."""
        into.add(head.i)
        for child in head.children:
            if child.dep_ in CLAUSE_DEPS:
                continue
            if child.dep_ == "prep" and child.lower_ in ROLE_WORDS.party_prepositions:
                self.add_phrase(child, into)
            elif self.is_opposing(child):
                self.oppose(child)
            elif not (child.dep_ == "prep" and child.lower_ == "of" and is_event_word(head, self.lexicon)):
                self.add_phrase(child, into)


def relative_subjects(clause: Token) -> list[Token]:
    """The relative pronouns that make the clause's subject the noun it hangs off."""
    return [t for t in clause.children if t.dep_ == "nsubj" and t.tag_ in ("WDT", "WP")]


def has_pronoun(doc: Doc, indices: set[int]) -> bool:
    """ "the army said it killed": a pronoun stands for the agent the sentence attributes."""
    return any(doc[i].pos_ == "PRON" and doc[i].lower_ in ROLE_WORDS.agent_pronouns for i in indices)


def is_mediator(root: Token, lexicon: ExtractionLexicon) -> bool:
    nearby = [root.doc[i] for i in range(max(root.i - 2, 0), min(root.i + 3, len(root.doc)))]
    climbing = list(ancestors_with_self(root))[:3]
    return any(
        t.lemma_.lower() in lexicon.mediator_words or t.lower_ in lexicon.mediator_words
        for t in nearby + climbing
    )


def linked_role(
    root: Token, mention: ActorMention, trigger: Trigger, lexicon: ExtractionLexicon, found: Participants
) -> ActorRole | None:
    """The role the parse gives the actor in the event, None when nothing links them."""
    if is_mediator(root, lexicon):
        return "mediator"
    if in_theme(root, trigger):
        # civilians and residents suffer events, even as the subject of "left"
        return "affected" if mention.name in lexicon.affected_groups else theme_role(trigger)
    if mention.name in lexicon.affected_groups:
        # one of them saying something is no party ("residents recall")
        return None
    if root.i in found.agents:
        return "actor"
    if mention.holds_place or holds_by_agency(root) or is_counted(root):
        return suffering_role(trigger)
    if root.i in found.opposed:
        # the other side of a clash fought too, unless only a position of it was hit
        fought = trigger.event_type == "armed_clash" and root.i not in found.aimed
        return "actor" if fought else suffering_role(trigger)
    return None


def phrase_head(root: Token) -> Token:
    """The noun a name is part of: "Syrian army" in "Syrian army troops" is "troops"."""
    node = root
    while node.dep_ in NAME_DEPS and node.head.i != node.i:
        node = node.head
    return node


def is_counted(root: Token) -> bool:
    """ "120 were killed, including 35 regime forces": among those the event counts."""
    head = phrase_head(root)
    return head.dep_ == "pobj" and head.head.lower_ in ROLE_WORDS.counting_prepositions


def holds_by_agency(root: Token) -> bool:
    """ "districts dominated by the regime", "villages held by IS": the side holding a place,
    told as the agent of a holding participle."""
    head = phrase_head(root)
    agent = head.head
    return head.dep_ == "pobj" and agent.dep_ == "agent" and agent.head.lower_ in ROLE_WORDS.holding_words


def is_object_position(root: Token) -> bool:
    """ "targeted the Syrian army troops", "IS fighters were captured": a side named as what
    a verb acted on is not the one that did an event it is not linked to."""
    return phrase_head(root).dep_ in ("dobj", "nsubjpass")


@dataclass(frozen=True)
class Agency:
    """What the parse found of who did the event: an agent actor, or only a pronoun."""

    has_agent: bool
    pronoun_agent: bool


def unlinked_role(root: Token, event_type: str, tracker: SourceTracker, agency: Agency) -> ActorRole | None:
    """An armed side the sentence names away from the event: the one that did it when a
    pronoun agent stands for it ("the army said it killed") or when the event has no agent.
    A side telling of a deal, a surrender or an evacuation is one of its parties; one telling
    of violence may be reporting what the other side did."""
    if tracker.attribution_anchor(root) is not None:
        return "actor" if agency.pronoun_agent or event_type not in VIOLENT_TYPES else None
    return UNLINKED_ROLE if not (agency.has_agent or is_object_position(root)) else None


def event_actors(
    doc: Doc, trigger: Trigger, actors: list[ActorMention], lexicon: ExtractionLexicon, tracker: SourceTracker
) -> list[Actor]:
    """Each actor the sentence names with its part in the event (see docs/events.md, Actors).
    Whoever tells of it (an actor standing where a source does: "the army said") is no party,
    unless the parse makes it the agent or a pronoun agent stands for it ("said it killed")."""
    rooted = [(m, root) for m in actors if (root := mention_root(doc, m.start, m.end)) is not None]
    found = ParticipantReader(trigger, lexicon).read()
    roles = [(m, root, linked_role(root, m, trigger, lexicon, found)) for m, root in rooted]
    has_agent = any(role == "actor" for _, _, role in roles)
    agency = Agency(has_agent, not has_agent and has_pronoun(doc, found.agents))
    result: dict[tuple[str, str], Actor] = {}
    for mention, root, role in roles:
        if role is None and mention.side != NEUTRAL_SIDE and mention.name not in lexicon.affected_groups:
            role = unlinked_role(root, trigger.event_type, tracker, agency)
        if role is None:
            continue
        actor = Actor(mention.name, role, mention.kind, mention.text, mention.inter)
        result.setdefault((mention.name, role), actor)
    return list(result.values())


def doers(candidate: Candidate) -> list[Actor]:
    return [actor for actor in candidate.actors if actor.role == "actor"]


def inherit_agents(candidates: list[Candidate]) -> None:
    """Violence told without its doer ("air strikes killed 12", "the raids went on") was done
    by the side the article names doing violence: the doers of the nearest event of the same
    type, else of the nearest violent event (the earlier on a tie), save a side the event hit.
    Candidates in reading order."""
    violent = [c for c in candidates if c.event_type in VIOLENT_TYPES]
    donors = [(i, c) for i, c in enumerate(violent) if doers(c)]
    for index, candidate in enumerate(violent):
        if doers(candidate) or not donors:
            continue
        same_type = [(i, c) for i, c in donors if c.event_type == candidate.event_type]
        _, donor = min(same_type or donors, key=lambda d: (abs(d[0] - index), d[0]))
        # the side an event hit did not do it: "20 IS militants were killed" after "IS attacked"
        hit = {actor.name for actor in candidate.actors}
        candidate.actors.extend(actor for actor in doers(donor) if actor.name not in hit)
