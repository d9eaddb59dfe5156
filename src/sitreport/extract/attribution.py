"""Who reported what: the sources of each sentence, followed through one article.

A source counts for a sentence when it stands where reporting is attributed: subject of an
attribution verb ("SANA said", "the Observatory head Rami Abdelrahman said"), after "according
to", "citing", "quoted by", "confirmed by". Named speakers are remembered with the source they
were introduced with, so "Rudskoy said" and "the general said" later in the article resolve to
the organisation; pronouns ("he added", "it said") take the last source. Generic references
("the monitor", "state media") count only when the article names that source too, or resolve
to the last named source of the same kind.
"""

from __future__ import annotations

from itertools import takewhile

from spacy.tokens import Doc, Span, Token

from sitreport.extract.lexicon import ExtractionLexicon
from sitreport.extract.mentions import ArticleMentions
from sitreport.extract.syntax import child_with_dep
from sitreport.resolve import SourceMention

# Links climbed from a name to the phrase that attributes it: "the head of the Observatory",
# "a spokesman for the faction", "the monitor's head".
NAME_LINKS = frozenset({"poss", "compound", "appos", "pobj", "prep", "amod", "nmod", "conj", "npadvmod"})
MAX_CLIMB = 6


def accepted_sources(mentions: list[SourceMention]) -> list[tuple[SourceMention, str]]:
    """Each usable source mention with the canonical name it stands for (see module docstring)."""
    named = {m.name for m in mentions if not m.generic}
    accepted: list[tuple[SourceMention, str]] = []
    last_of_kind: dict[str | None, str] = {}
    for mention in mentions:
        if not mention.generic:
            last_of_kind[mention.kind] = mention.name
            accepted.append((mention, mention.name))
        elif mention.name in named:
            accepted.append((mention, mention.name))
        elif mention.kind in last_of_kind:
            accepted.append((mention, last_of_kind[mention.kind]))
    return accepted


def is_coordinated(phrase: Token) -> bool:
    """ "SANA and the Observatory", and "a monitor and state media", which the parser hangs
    as "monitor" (conj "state") under "media"; a conjunction inside a clause in the phrase
    ("the monitor, which has sources in Daraa and Quneitra") coordinates something else."""
    return any(token.dep_ == "conj" and not has_verb_between(token, phrase) for token in phrase.subtree)


def has_verb_between(token: Token, ancestor: Token) -> bool:
    return any(node.pos_ in ("VERB", "AUX") for node in takewhile(lambda n: n != ancestor, token.ancestors))


class SourceTracker:
    """Sources sentence by sentence, remembering speakers and the last source of each kind."""

    def __init__(self, doc: Doc, mentions: ArticleMentions, lexicon: ExtractionLexicon) -> None:
        self.doc = doc
        self.mentions = mentions
        self.lexicon = lexicon
        self.sources = accepted_sources(mentions.sources.mentions)
        self.kind_of = {name: mention.kind for mention, name in self.sources}
        self.first_of_kind: dict[str | None, str] = {}
        for mention, name in self.sources:
            self.first_of_kind.setdefault(mention.kind, name)
        self.last_of_kind: dict[str | None, str] = {}
        self.speakers: dict[str, str] = {}
        self.last_source: str | None = None
        # attribution verb or marker (token index) -> the source it introduces
        self.anchored: dict[int, str] = {}
        # anchors with several sources ("a monitor and state media said"): a figure under
        # them is the teller's summary, given by neither alone
        self.joint: set[int] = set()

    def is_attribution_verb(self, token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.lexicon.attribution_verbs

    def verb_right_after(self, token: Token) -> Token | None:
        """ "..., the Syrian Observatory for Human Rights said.": the parser often hangs a long
        trailing source off the sentence before it, but a name followed at once by "said"
        is that verb's subject whatever the parse says."""
        following = self.doc[token.right_edge.i + 1] if token.right_edge.i + 1 < len(self.doc) else None
        if following is None or following.i <= token.i:
            return None
        # "..., Syrian state television reports.": a closing "reports" is a verb, whatever its tag
        closing = following.i + 1 >= len(self.doc) or self.doc[following.i + 1].is_punct
        if self.is_attribution_verb(following) or (
            closing and following.lemma_.lower() in self.lexicon.attribution_verbs
        ):
            return following
        return None

    def attribution_anchor(self, token: Token) -> Token | None:
        """The verb or marker that attributes the phrase ``token`` is in, if any."""
        adjacent = self.verb_right_after(token)
        return adjacent if adjacent is not None else self.parsed_anchor(token)

    def parsed_anchor(self, token: Token) -> Token | None:
        """The attributing verb or marker the parse links the phrase ``token`` is in to."""
        node = token
        for _ in range(MAX_CLIMB):
            head = node.head
            if node.dep_ in ("nsubj", "nsubjpass") and self.is_attribution_verb(head):
                return head
            if node.dep_ == "pobj" and self.is_marker(head):
                return head
            if node.dep_ == "dobj" and head.lower_ in ("citing", "quoting"):
                return head
            if node.dep_ not in NAME_LINKS or head.i == node.i:
                return None
            node = head
        return None

    def told_there(self, token: Token) -> bool:
        """ "George Sabra said in Turkey the attack killed 1,300": the place of a phrase hanging
        by a preposition on an attribution verb is where the telling happened. Only on a teller's
        own verb: in "reported clashes in Daraa" or "attacks were reported in Hama" the parser
        may hang the place on the verb, though it says where the clashes were."""
        preposition = token.head
        verb = preposition.head
        return (
            token.dep_ == "pobj"
            and preposition.dep_ == "prep"
            and self.is_attribution_verb(verb)
            and child_with_dep(verb, "nsubj") is not None
            and child_with_dep(verb, "dobj") is None
        )

    def is_marker(self, preposition: Token) -> bool:
        """ "according to", "quoted by", "confirmed by" (an agent of an attribution verb)."""
        words = (preposition.head.lower_, preposition.lower_)
        if any(marker[-2:] == words or marker == words[1:] for marker in self.lexicon.attribution_markers):
            return preposition.lower_ != "by" or self.is_attribution_verb(preposition.head)
        return preposition.dep_ == "agent" and self.is_attribution_verb(preposition.head)

    def remember_speaker(self, anchor: Token, source: str) -> None:
        """Names and titles in the attributed subject now stand for ``source``."""
        subject = child_with_dep(anchor, "nsubj")
        if subject is None:
            return
        for token in subject.subtree:
            if token.pos_ == "PROPN" or token.lemma_.lower() in self.lexicon.back_references:
                self.speakers.setdefault(token.lower_, source)

    def referred_source(self, phrase: Token) -> str | None:
        """The source a speaker's name, a title, a kind noun or a pronoun refers back to."""
        owner = child_with_dep(phrase, "poss")
        # "the agency's reporter", "the monitor's head": the possessor is the source
        if owner is not None and owner.pos_ != "PRON":
            referred = self.referred_source(owner)
            if referred is not None:
                return referred
        names = [t for t in phrase.subtree if t.pos_ == "PROPN"] or [phrase]
        for token in reversed(names):
            if token.lower_ in self.speakers:
                return self.speakers[token.lower_]
        kind = self.lexicon.source_kind_nouns.get(phrase.lemma_.lower())
        if kind is not None:
            # "the Observatory": the last monitor named, or the one the article names later
            return self.last_of_kind.get(kind) or self.first_of_kind.get(kind)
        if phrase.pos_ == "PROPN" or phrase.lemma_.lower() in self.lexicon.back_references:
            return self.last_source
        return None

    def unnamed_attributions(self, sent: Span, covered: set[int]) -> list[tuple[Token, Token]]:
        """(anchor, phrase) pairs of attributions no known name filled: "he said", "according to X"."""
        pairs: list[tuple[Token, Token]] = []
        for token in sent:
            if token.i in covered:
                continue
            if self.is_attribution_verb(token):
                subject = child_with_dep(token, "nsubj")
                if subject is not None:
                    pairs.append((token, subject))
            elif token.dep_ == "prep" and self.is_marker(token):
                pairs.extend((token, child) for child in token.children if child.dep_ == "pobj")
        return pairs

    def headline_source(self, sent: Span) -> str | None:
        """ "Fighters leave district: monitor": a headline's trailing credit after a colon."""
        colons = [t for t in sent if t.text == ":"]
        if not colons or colons[-1].i >= sent.end - 1:
            return None
        credit = self.doc[colons[-1].i + 1 : sent.end]
        return self.referred_source(credit.root)

    def named_sources(self, sent: Span, covered: set[int]) -> list[str]:
        """Known sources and actors standing in an attribution position."""
        found: list[str] = []
        named = [
            (m.start, m.end, name) for m, name in self.sources if sent.start_char <= m.start < sent.end_char
        ]
        named += [(a.start, a.end, a.name) for a in self.mentions.actors_in(sent)]
        for start, end, name in sorted(named):
            span = self.doc.char_span(start, end, alignment_mode="expand")
            anchor = self.attribution_anchor(span.root) if span is not None else None
            if anchor is None or (anchor.i in covered and name not in found and name not in self.kind_of):
                continue
            found.append(name)
            covered.add(anchor.i)
            self.anchor(anchor, name)
            self.remember_speaker(anchor, name)
        return found

    def sentence_sources(self, sent: Span, in_headline: bool = False) -> list[str]:
        """Sources attributed in the sentence, in order; also updates the speaker memory."""
        covered: set[int] = set()
        found = self.named_sources(sent, covered)
        for anchor, phrase in self.unnamed_attributions(sent, covered):
            referred = self.referred_source(phrase)
            if referred:
                found.append(referred)
                self.anchor(anchor, referred)
                self.remember_speaker(anchor, referred)
        if in_headline and not found:
            credit = self.headline_source(sent)
            found += [credit] if credit else []
        unique = list(dict.fromkeys(found))
        for name in unique:
            self.last_of_kind[self.kind_of.get(name)] = name
        if unique:
            self.last_source = unique[0]
        return unique

    def anchor(self, anchor: Token, source: str) -> None:
        """Remember who ``anchor`` attributes to; two sources are joint only as coordinated
        subjects (a name in apposition is often the parser's mistake, not a second teller)."""
        subject = child_with_dep(anchor, "nsubj")
        told_jointly = subject is not None and is_coordinated(subject)
        if self.anchored.setdefault(anchor.i, source) != source and told_jointly:
            self.joint.add(anchor.i)

    def figure_source(self, token: Token, sentence_sources: list[str]) -> str | None:
        """The source whose attribution covers ``token``: "SANA said 45 ..., while the
        Observatory put the number at 53" gives 45 to SANA and 53 to the Observatory; none
        when several tell it together; else the sentence's first source."""
        for node in [token, *token.ancestors]:
            if node.i in self.anchored:
                return None if node.i in self.joint else self.anchored[node.i]
        return sentence_sources[0] if sentence_sources else None

    def confirms_earlier_report(self, sent: Span) -> bool:
        """ "The news was confirmed by X": a sentence that only adds a source to what came before."""
        for token in sent:
            if self.is_attribution_verb(token):
                arguments = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
                if any(a.lemma_.lower() in self.lexicon.report_nouns for a in arguments):
                    return True
        return False
