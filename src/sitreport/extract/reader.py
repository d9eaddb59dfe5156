"""Reading one article sentence by sentence into event candidates."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from sitreport.annotate import BODY_OFFSET, doc_text
from sitreport.extract.attribution import SourceTracker
from sitreport.extract.candidate import Candidate
from sitreport.extract.dates import (
    DateExpression,
    DateReading,
    find_date_expressions,
    is_history,
    resolve_date,
)
from sitreport.extract.factuality import (
    is_describing_participle,
    is_habitual,
    is_recalled,
    is_reported_fact,
    is_teaser,
)
from sitreport.extract.figures import Figure, assign_figures, counts_a_war, find_figures
from sitreport.extract.lexicon import ExtractionLexicon
from sitreport.extract.mentions import ArticleMentions
from sitreport.extract.merge import within_governorate_named
from sitreport.extract.roles import (
    MOVEMENT_TYPES,
    closest_precise,
    coordinated_places,
    event_actors,
    mention_root,
    most_precise,
    movement_location,
    place_roles,
    precision_of,
    without_launch_sites,
    without_reference_points,
)
from sitreport.extract.syntax import (
    ancestors_with_self,
    child_with_dep,
    governing_verb,
    span_root_outside,
    tree_distance,
)
from sitreport.extract.triggers import Trigger, find_triggers
from sitreport.kb.gazetteer import COUNTRY_KIND
from sitreport.records import Article, Evidence, Place, Quantity
from sitreport.resolve import ActorMention, PlaceMention

HEADLINE = -1
# Links of a clause that hangs under another: adverbial, relative, clausal complements.
SUBORDINATE_DEPS = frozenset({"advcl", "pcomp", "relcl", "acl", "ccomp"})
# Links of a verb that tells something of its own (not a participle inside a name: "Istanbul-based").
CLAUSE_DEPS = frozenset({"advcl", "relcl", "ccomp", "conj", "ROOT"})


def dates_verb(verb: Token, trigger: Token) -> bool:
    """Whether a date on ``verb`` can date ``trigger``: the verb is the trigger's own predicate
    (or above it), or hangs below the trigger ("a truce agreed on Friday" for the truce)."""
    return verb in trigger.ancestors or trigger in verb.ancestors


def is_present_perfect(token: Token) -> bool:
    """ "have left", "has fallen": the verb reporting the event is in the present perfect."""
    verb = token if token.pos_ in ("VERB", "AUX") else governing_verb(token)
    return (
        verb is not None
        and verb.tag_ == "VBN"
        and any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in verb.children)
    )


def in_offset_clause(span: Span, trigger: Token) -> bool:
    """ "two days after an initial group left": the trigger is in the clause the offset word
    introduces, so it happened before the anchor, not after it."""
    direction = span[-1]
    clause = direction.head if direction.dep_ == "mark" else direction
    return trigger in clause.subtree


def headline_owner(root: Token, triggers: list[Trigger]) -> int:
    """The trigger a headline's place belongs to: the last event word before it, else the
    first. Headlines chain "event at place" ("shelling targets Raqqa and clashes break out in
    Damascus"), and the parser, trained on full sentences, often links such a chain wrongly:
    the order of the words is the surer guide there."""
    before = [i for i, trigger in enumerate(triggers) if trigger.token.i < root.i]
    return max(before, key=lambda i: triggers[i].token.i) if before else min(
        range(len(triggers)), key=lambda i: triggers[i].token.i
    )


def in_subordinate_clause(token: Token) -> bool:
    """Whether the word lies in a clause under another ("the first since the siege began")."""
    return any(t.dep_ in SUBORDINATE_DEPS for t in ancestors_with_self(token))


def is_untitled_line(article: Article) -> bool:
    """An article that is one line and no title (a headline too long for cleaning to take it
    as one, a feed item): the line is a headline, and is read like one."""
    return not (article.title or "").strip() and "\n" not in article.text.strip()


def own_or_shared(own: list[PlaceMention], shared: list[PlaceMention]) -> list[PlaceMention]:
    """A trigger's own places; the sentence's when it has none, or only countries ("militants of
    the Islamic State in Iraq were killed in battles in the Idlib countryside": the country
    names the group's reach, the sentence's smaller place says where they died)."""
    if all(m.place.kind == COUNTRY_KIND for m in own):
        return own + [m for m in shared if m not in own]
    return own


@dataclass
class SentenceContext:
    sent: Span
    # sent.text, read once: spaCy rebuilds it from new Token objects at every read
    text: str
    paragraph: int
    in_headline: bool
    sources: list[str]
    # the headline, or a body sentence that starts by repeating it (scraped pages often do):
    # headlines tell past news in the present ("army kills 62 rebels")
    headline_style: bool = False


@dataclass
class TriggerShare:
    """What of its sentence a trigger gets: the places, actors and figures nearest to it."""

    places: list[PlaceMention]
    actors: list[ActorMention]
    figures: list[Figure]


class ArticleReader:
    """Per-article memory: paragraphs, the main place, sources so far, the last dated event."""

    def __init__(
        self,
        article: Article,
        doc: Doc,
        mentions: ArticleMentions,
        lexicon: ExtractionLexicon,
        published: date | None,
    ) -> None:
        self.article = article
        self.doc = doc
        self.text = doc_text(doc)
        self.mentions = mentions
        self.lexicon = lexicon
        self.published = published
        self.body_offset: int = doc.user_data.get(BODY_OFFSET, 0)
        self.tracker = SourceTracker(doc, mentions, lexicon)
        self.paragraph_starts = self.find_paragraph_starts()
        self.main_place = self.find_main_place()
        self.untitled_line = is_untitled_line(article)
        self.last_in_paragraph: dict[int, Candidate] = {}
        self.anchor: date | None = None
        self.candidates: list[Candidate] = []

    def find_paragraph_starts(self) -> list[int]:
        text = self.text
        starts = [self.body_offset]
        position = text.find("\n\n", self.body_offset)
        while position != -1:
            starts.append(position + 2)
            position = text.find("\n\n", position + 2)
        return starts

    def paragraph_of(self, offset: int) -> int:
        return HEADLINE if offset < self.body_offset else bisect_right(self.paragraph_starts, offset) - 1

    def find_main_place(self) -> Place | None:
        """The most precise place of the headline and the first paragraph: where the story is.
        A town named like its governorate yields to another town of that governorate named
        there: the name may mean the governorate."""
        lead_end = self.paragraph_starts[1] if len(self.paragraph_starts) > 1 else len(self.text)
        mentions = [
            m for m in self.mentions.places.within(0, lead_end) if not self.speaks_there(self.root_of(m))
        ]
        if not mentions:
            return None

        def governorate_named(mention: PlaceMention) -> bool:
            return any(within_governorate_named(other.place, mention.place) for other in mentions)

        return min(mentions, key=lambda m: (precision_of(m), governorate_named(m), m.start)).place

    def root_of(self, mention: PlaceMention) -> Token | None:
        return mention_root(self.doc, mention.start, mention.end)

    def speaks_there(self, root: Token | None) -> bool:
        """ "a local activist who uses the name Abu al-Hassan said that...", "Sabra said in Turkey
        that...": the name is a speaker, or where one spoke, not the story's place. Only the name
        itself: in "the Khan Shaykhun massacre claims the lives of 7" the place only qualifies the
        subject; and only before what is said (a clause): "targets Der-Ezzor, casualties reported"
        says nothing more, and the parser made the town a subject of "reported"."""
        if root is None:
            return False
        if self.tracker.told_there(root):
            return True
        return (
            root.dep_ == "nsubj"
            and self.tracker.is_attribution_verb(root.head)
            and child_with_dep(root.head, "ccomp") is not None
        )

    def names_a_teller(self, root: Token | None) -> bool:
        """ "Syria's official SANA news agency said", "Sabra said in Turkey": the place names who
        told what the sentence says, or where it was told, not where it happened. A verb of
        saying that merely follows the place's phrase is not its verb when a clause stands between
        ("Kurds live in the suburbs of Damascus where the incident occurred Sino told journalists")."""
        if root is None or self.tracker.parsed_anchor(root) is not None:
            return True
        adjacent = self.tracker.verb_right_after(root)
        if adjacent is not None and not any(t.dep_ in CLAUSE_DEPS for t in self.doc[root.i + 1 : adjacent.i]):
            return True
        return self.tracker.told_there(root)

    def read(self) -> list[Candidate]:
        previous: SentenceContext | None = None
        for sent in self.doc.sents:
            # a sentence's text is the doc text between its ends (Span.text drops the
            # whitespace after the last token, as end_char does)
            text = self.text[sent.start_char : sent.end_char]
            if not text.strip() or is_teaser(text, self.lexicon):
                continue
            context = self.context(sent, text, previous)
            self.read_sentence(context)
            previous = context
        return self.candidates

    def context(self, sent: Span, text: str, previous: SentenceContext | None) -> SentenceContext:
        """Sources of the sentence; unattributed sentences continue the previous one's report."""
        paragraph = self.paragraph_of(sent.start_char)
        sources = self.tracker.sentence_sources(sent, paragraph == HEADLINE)
        if not sources and previous is not None and previous.paragraph == paragraph != HEADLINE:
            sources = previous.sources
        in_headline = paragraph == HEADLINE
        headline_style = in_headline or self.untitled_line or self.restates_title(sent, text)
        return SentenceContext(sent, text, paragraph, in_headline, sources, headline_style)

    def restates_title(self, sent: Span, text: str) -> bool:
        """A body sentence that starts by repeating the title, or that is part of the title the
        body starts with (a line of headlines glued by semicolons: each is a sentence)."""
        title = (self.article.title or "").strip()
        if not title:
            return False
        start = sent.start_char - self.body_offset
        within_title = self.article.text.startswith(title) and start + len(text.rstrip()) <= len(title)
        return within_title or text.lstrip().startswith(title)

    def read_sentence(self, context: SentenceContext) -> None:
        every_trigger = find_triggers(context.sent, self.lexicon, self.mentions, context.headline_style)
        # A place goes to the nearest event word even when that event did not happen:
        # "persuaded by an amnesty, chose to stop fighting Damascus" gives the amnesty no place.
        owned = self.places_by_trigger(context.sent, every_trigger, context.headline_style)
        # every party the sentence names takes part in its events ("left under a
        # Russian-brokered truce": Russia is a party of the departure too), its sources too
        # ("according to a spokesman for the faction, which took part")
        actors = self.mentions.actors_in(context.sent)
        factual = [
            i
            for i, t in enumerate(every_trigger)
            if is_reported_fact(t.token, self.lexicon, running_totals=not t.rule.recount)
            and (context.headline_style or not is_habitual(t.token))
            and not (t.rule.stative and is_describing_participle(t.token))
        ]
        if not factual:
            if context.sources and self.tracker.confirms_earlier_report(context.sent):
                self.add_confirmation(context.sources)
            return
        triggers = [every_trigger[i] for i in factual]
        shared = [m for i in factual for m in owned[i]]
        figures = assign_figures(find_figures(context.sent, self.lexicon, triggers), triggers, self.lexicon)
        # a toll raised over weeks or since an onset: the new deaths are news, its figure a running total
        for index, trigger in enumerate(triggers):
            if trigger.rule.recount and not is_reported_fact(trigger.token, self.lexicon):
                figures.pop(index, None)
        dates = find_date_expressions(context.text, context.sent.start_char, self.lexicon)
        for index, trigger in enumerate(triggers):
            own_figures = figures.get(index, [])
            kept = [f for f in own_figures if not counts_a_war(f, self.lexicon)]
            if own_figures and not kept:
                # "more than 300,000 people have been killed": the war's toll, not a happening
                continue
            share = TriggerShare(own_or_shared(owned[factual[index]], shared), actors, kept)
            candidate = self.candidate(context, trigger, share, dates)
            if self.is_background(candidate, context, trigger):
                continue
            self.candidates.append(candidate)
            self.candidates.extend(self.at_joined_places(candidate, share.places, context.headline_style))
            if not context.in_headline:
                self.last_in_paragraph[context.paragraph] = candidate

    def is_background(self, candidate: Candidate, context: SentenceContext, trigger: Trigger) -> bool:
        """History ("captured the town in 2012"), an earlier happening recalled with its own
        date ("had also targeted the troops on September 17" in an October report), or "the
        departure" with no departure before it; a headline needs nothing before it ("the
        fighting continues in Jobar" is news)."""
        return self.is_earlier(candidate, context, trigger) or self.is_dangling(candidate, context, trigger)

    def is_earlier(self, candidate: Candidate, context: SentenceContext, trigger: Trigger) -> bool:
        """Dated well before publication, or (told in the past perfect) some days before it."""
        if not candidate.date_explicit:
            return False
        if is_history(candidate.date, self.published, self.lexicon):
            return True
        recalled = not context.in_headline and is_recalled(trigger.token)
        return recalled and is_history(candidate.date, self.published, self.lexicon, "recalled_days")

    def is_dangling(self, candidate: Candidate, context: SentenceContext, trigger: Trigger) -> bool:
        """ "the departure" with no departure told before it."""
        # an untitled line takes a headline's tense ("warplanes renew the shelling on Douma" is
        # news), but its "since the siege began" still refers back
        subordinate = self.untitled_line and in_subordinate_clause(trigger.token)
        told_as_news = context.in_headline or (context.headline_style and not subordinate)
        return candidate.back_reference and not told_as_news and not any(
            c.event_type == candidate.event_type for c in self.candidates
        )

    def add_confirmation(self, sources: list[str]) -> None:
        """ "The news was confirmed by X": X also reports the story's main (headline) events."""
        main = [c for c in self.candidates if any(e.start == e.end for e in c.evidence)] or self.candidates[
            :1
        ]
        for candidate in main:
            candidate.sources.extend(s for s in sources if s not in candidate.sources)

    def places_by_trigger(
        self, sent: Span, triggers: list[Trigger], headline_style: bool
    ) -> list[list[PlaceMention]]:
        """The places of the sentence, each given to the trigger nearest to it in the parse;
        in a headline, to the event word told before it (see ``headline_owner``)."""
        owned: list[list[PlaceMention]] = [[] for _ in triggers]
        for mention in self.mentions.places_in(sent):
            root = self.root_of(mention)
            # "Syria's official SANA news agency said": a place naming the source is not the event's
            if root is None or not triggers or self.names_a_teller(root):
                continue
            if headline_style:
                nearest = headline_owner(root, triggers)
            else:
                nearest = min(range(len(triggers)), key=lambda i: tree_distance(root, triggers[i].token))
            owned[nearest].append(mention)
        return owned

    def event_date(self, trigger: Trigger, dates: list[DateExpression]) -> DateReading | None:
        """The date expression nearest the trigger that dates it: not the day of the report,
        not a date on another verb ("followed a ceasefire agreed on Friday" dates the ceasefire)."""
        options: list[tuple[int, DateExpression, Span]] = []
        for expression in dates:
            span = self.doc.char_span(expression.start, expression.end, alignment_mode="expand")
            if span is None:
                continue
            if not self.dates_trigger(governing_verb(span_root_outside(span)), trigger.token):
                continue
            options.append((tree_distance(span.root, trigger.token), expression, span))
        if not options:
            return None
        _, expression, span = min(options, key=lambda o: o[0])
        inverted = in_offset_clause(span, trigger.token)
        reading = resolve_date(expression, self.published, self.anchor, self.lexicon, inverted)
        if reading.date and reading.precision == "day":
            self.anchor = date.fromisoformat(reading.date)
        return reading

    def dates_trigger(self, governor: Token | None, trigger: Token) -> bool:
        """Whether a date hanging off ``governor`` can be the trigger's date."""
        if governor is None or governor.i == trigger.i:
            return True
        # "SANA reported on Monday": the day of the report, not of the event
        return not self.tracker.is_attribution_verb(governor) and dates_verb(governor, trigger)

    def evidence(self, context: SentenceContext) -> Evidence:
        sent = context.sent
        if sent.start_char < self.body_offset:
            # The headline is not part of article.text: its span points into article.title.
            words = context.text.strip()
            return Evidence(0, len(words), words, part="title")
        # A sentence span runs on over the paragraph break that ends it; the evidence does not.
        words = context.text.rstrip()
        start = sent.start_char - self.body_offset
        return Evidence(start, start + len(words), words)

    def quantity(self, figure: Figure, sources: list[str], in_headline: bool) -> Quantity:
        start = None if in_headline else figure.start - self.body_offset
        end = None if in_headline else figure.end - self.body_offset
        return Quantity(
            figure.category,
            figure.value,
            figure.qualifier,
            figure.kind,
            self.tracker.figure_source(figure.anchor, sources),
            figure.text,
            start,
            end,
        )

    def ordinal(self, trigger: Trigger) -> int | None:
        for token in trigger.theme:
            for child in token.children:
                if child.lower_ in self.lexicon.ordinals:
                    return self.lexicon.ordinals[child.lower_]
        return None

    def candidate(
        self, context: SentenceContext, trigger: Trigger, share: TriggerShare, dates: list[DateExpression]
    ) -> Candidate:
        candidate = Candidate(
            event_type=trigger.event_type,
            strength=trigger.rule.strength,
            evidence=[self.evidence(context)],
            headline_only=context.in_headline,
            actors=event_actors(self.doc, trigger, share.actors, self.lexicon, self.tracker),
            quantities=[self.quantity(f, context.sources, context.in_headline) for f in share.figures],
            sources=list(context.sources),
            ordinal=self.ordinal(trigger),
            theme_classes=trigger.theme_classes,
            back_reference=trigger.back_reference,
            own_happening=trigger.rule.own_happening,
            generic=trigger.rule.generic,
            recount=trigger.rule.recount,
        )
        self.place(candidate, trigger, share.places, context.paragraph)
        candidate.date = self.event_date(trigger, dates)
        candidate.date_explicit = candidate.date is not None
        previous = self.last_in_paragraph.get(context.paragraph)
        if candidate.date is None and previous is not None and not context.in_headline:
            candidate.date = previous.date
        candidate.of_the_day = is_present_perfect(trigger.token)
        return candidate

    def at_joined_places(
        self, candidate: Candidate, places: list[PlaceMention], headline_style: bool
    ) -> list[Candidate]:
        """The same report at each place joined to its own by "and" ("clashes in Daraa and
        Damascus"): one event per place. Figures stay on the first: they count the lot, and a
        second copy would count them twice."""
        chosen = candidate.location
        if candidate.event_type in MOVEMENT_TYPES or chosen is None or not candidate.place_explicit:
            return []
        located = without_reference_points(self.doc, places, self.lexicon) or places
        joined = coordinated_places(self.doc, located, chosen, self.lexicon, headline_style)
        return [
            replace(
                candidate,
                location=place,
                quantities=[],
                actors=list(candidate.actors),
                evidence=list(candidate.evidence),
                sources=list(candidate.sources),
            )
            for place in joined
        ]

    def place(
        self, candidate: Candidate, trigger: Trigger, places: list[PlaceMention], paragraph: int
    ) -> None:
        """Location (and origin/destination for movements); else the paragraph's or story's place.

        A place that only says where another lies ("10 km north of Y") yields to the place it
        locates. A movement happens where it starts: the town left beats the region it lies
        in ("left Rastan in the Homs countryside"), and a region named as location only wins
        when it is more precise than the origin. Aid happens where it arrives ("delivered
        food to Sarmada"); a place passed on the way ("through the crossing") is the last resort.
        """
        located = without_reference_points(self.doc, places, self.lexicon) or places
        if candidate.event_type in MOVEMENT_TYPES:
            roles = place_roles(self.doc, located, self.lexicon)
            candidate.origin = most_precise(roles.origin)
            candidate.destination = most_precise(roles.destination)
            candidate.location = movement_location(roles, candidate.event_type)
        else:
            struck = without_launch_sites(self.doc, located, self.lexicon)
            candidate.location = closest_precise(self.doc, struck, trigger.token)
        candidate.place_explicit = candidate.location is not None
        if candidate.location is None:
            previous = self.last_in_paragraph.get(paragraph)
            candidate.location = previous.location if previous is not None else None
            candidate.location = candidate.location or self.main_place
