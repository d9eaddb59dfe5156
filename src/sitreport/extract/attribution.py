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

from spacy.tokens import Doc, Span, Token

from sitreport.extract.lexicon import ExtractionLexicon
from sitreport.extract.mentions import ArticleMentions, SourceMention
from sitreport.extract.syntax import child_with_dep

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


class SourceTracker:
    """Sources sentence by sentence, remembering speakers and the last source named."""

    def __init__(self, doc: Doc, mentions: ArticleMentions, lexicon: ExtractionLexicon) -> None:
        self.doc = doc
        self.mentions = mentions
        self.lexicon = lexicon
        self.sources = accepted_sources(mentions.sources.mentions)
        self.speakers: dict[str, str] = {}
        self.last_source: str | None = None

    def is_attribution_verb(self, token: Token) -> bool:
        return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in self.lexicon.attribution_verbs

    def attribution_anchor(self, token: Token) -> Token | None:
        """The verb or marker that attributes the phrase ``token`` is in, if any."""
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

    def referred_source(self, subject: Token) -> str | None:
        """The source a speaker's name, a title or a pronoun refers back to."""
        names = [t for t in subject.subtree if t.pos_ == "PROPN"] or [subject]
        for token in reversed(names):
            if token.lower_ in self.speakers:
                return self.speakers[token.lower_]
        if subject.pos_ == "PROPN" or subject.lemma_.lower() in self.lexicon.back_references:
            return self.last_source
        return None

    def sentence_sources(self, sent: Span) -> list[str]:
        """Sources attributed in the sentence, in order; also updates the speaker memory."""
        found: list[str] = []
        covered: set[int] = set()
        for mention, name in self.sources:
            if not (sent.start_char <= mention.start < sent.end_char):
                continue
            token = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if token is None:
                continue
            anchor = self.attribution_anchor(token.root)
            if anchor is None:
                continue
            found.append(name)
            covered.add(anchor.i)
            self.remember_speaker(anchor, name)
        for actor in self.mentions.actors_in(sent):
            span = self.doc.char_span(actor.start, actor.end, alignment_mode="expand")
            anchor = self.attribution_anchor(span.root) if span is not None else None
            if anchor is not None and anchor.i not in covered:
                found.append(actor.name)
                covered.add(anchor.i)
        for token in sent:
            if token.i in covered or not self.is_attribution_verb(token):
                continue
            subject = child_with_dep(token, "nsubj")
            if subject is not None:
                referred = self.referred_source(subject)
                if referred:
                    found.append(referred)
                    self.remember_speaker(token, referred)
        unique = list(dict.fromkeys(found))
        if unique:
            self.last_source = unique[0]
        return unique

    def confirms_earlier_report(self, sent: Span) -> bool:
        """ "The news was confirmed by X": a sentence that only adds a source to what came before."""
        for token in sent:
            if self.is_attribution_verb(token):
                arguments = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
                if any(a.lemma_.lower() in self.lexicon.report_nouns for a in arguments):
                    return True
        return False
