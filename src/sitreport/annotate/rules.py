"""The model's attribute rules (POS, morphology and some lemmas from the tag, word and
dependency) applied through a table: the same result as spaCy's ``attribute_ruler``, for a
fraction of its cost.

The ruler runs a Matcher of some 180 patterns over every token of every document, which cost
as much as the parser on a corpus of headlines. Its patterns are fixed sequences of token
conditions that read only a token's own text, tag and dependency label; whether a condition
holds for a token therefore depends on ``(ORTH, TAG, DEP)`` alone. Its answer is found once
per ``(ORTH, TAG, DEP)`` met and remembered: a condition of plain equalities (a word, a tag, a
flag: nearly all of them) by looking its values up, any other (IN, NOT_IN, REGEX) by a Matcher
of one-token patterns run on a one-token doc. A document's matches are then read from those
answers and applied as the ruler applies them (in the order of its patterns, then of their
start), with the ruler's own function. A ruler with a condition of another kind (an operator,
another attribute) is kept as it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.attrs import DEP, ORTH, TAG
from spacy.language import Language
from spacy.lexeme import Lexeme
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs
from spacy.vocab import Vocab

__all__ = ["ATTRIBUTE_TABLE", "AttributeTable", "use_table"]

ATTRIBUTE_TABLE = "attribute_table"
RULER = "attribute_ruler"
# What a token condition may read for its answer to depend on (ORTH, TAG, DEP) only: the
# lexical attributes come from ORTH. NORM is not among them (sitreport.annotate.acronyms sets it).
OWN_ATTRIBUTES = frozenset({"ORTH", "TEXT", "LOWER", "IS_SPACE", "TAG", "DEP"})
Key = tuple[int, int, int]
# Each attribute of OWN_ATTRIBUTES as the Matcher reads it for a token with that key and lexeme
READERS: dict[str, Callable[[Key, Lexeme], int]] = {
    "ORTH": lambda key, _: key[0],
    "TEXT": lambda key, _: key[0],
    "LOWER": lambda _, lexeme: lexeme.lower,
    "IS_SPACE": lambda _, lexeme: int(lexeme.is_space),
    "TAG": lambda key, _: key[1],
    "DEP": lambda key, _: key[2],
}


@dataclass(frozen=True)
class Sequence:
    """One alternative of a ruler pattern: its conditions (ids into the condition matcher),
    the pattern's number (the ruler applies patterns in that order) and the matched token
    its attributes go to (the ruler's ``index`` made non-negative)."""

    pattern: int
    conditions: tuple[int, ...]
    target: int


def _own_condition(condition: dict[str, object]) -> bool:
    return set(condition) <= OWN_ATTRIBUTES


def _plain(condition: dict[str, object]) -> bool:
    """Whether the condition only asks for equalities (no IN, NOT_IN, REGEX, no number)."""
    return all(isinstance(value, str | bool) for value in condition.values())


@dataclass
class Equalities:
    """The plain conditions, answered by a lookup of the token's values: by the attributes a
    condition names, then by the values it asks for (ids as the Matcher compares them)."""

    vocab: Vocab
    by_attributes: dict[tuple[str, ...], dict[tuple[int, ...], list[int]]] = field(default_factory=dict)

    def add(self, number: int, condition: dict[str, object]) -> None:
        names = tuple(sorted(condition))
        values = tuple(self._id(condition[name]) for name in names)
        self.by_attributes.setdefault(names, {}).setdefault(values, []).append(number)

    def _id(self, value: object) -> int:
        return self.vocab.strings.add(value) if isinstance(value, str) else int(value)  # type: ignore[call-overload]

    def held_by(self, key: Key) -> list[int]:
        lexeme = self.vocab[key[0]]
        held: list[int] = []
        for names, by_values in self.by_attributes.items():
            held.extend(by_values.get(tuple(READERS[name](key, lexeme) for name in names), ()))
        return held


def _sequences(ruler: AttributeRuler) -> list[Sequence] | None:
    """The ruler's patterns as sequences, condition ids numbered in order; None when one of
    them reads more than a token's own (ORTH, TAG, DEP) or its index falls outside it."""
    sequences: list[Sequence] = []
    count = 0
    for number, pattern in enumerate(ruler.patterns):
        index = pattern.get("index", 0)
        for alternative in pattern["patterns"]:
            length = len(alternative)
            if not all(map(_own_condition, alternative)) or not -length <= index < length:
                return None
            sequences.append(Sequence(number, tuple(range(count, count + length)), index % length))
            count += length
    return sequences


class AttributeTable:
    """The pipeline component standing in for the ``attribute_ruler``."""

    def __init__(
        self,
        vocab: Vocab,
        conditions: tuple[Equalities, Matcher],
        sequences: list[Sequence],
        attrs: list[dict[int, int]],
    ) -> None:
        self.vocab = vocab
        self.equalities, self.others = conditions
        self.attrs = attrs
        # The sequences by their first condition: a token is only tried as the start of these
        self.by_first: dict[int, list[Sequence]] = {}
        for sequence in sequences:
            self.by_first.setdefault(sequence.conditions[0], []).append(sequence)
        self.held: dict[Key, frozenset[int]] = {}

    def held_by(self, key: Key) -> frozenset[int]:
        """The ids of the conditions a token with ``key`` = (ORTH, TAG, DEP) meets."""
        held = self.held.get(key)
        if held is None:
            held = frozenset(self.equalities.held_by(key)) | self._others_held_by(key)
            self.held[key] = held
        return held

    def _others_held_by(self, key: Key) -> frozenset[int]:
        if not len(self.others):
            return frozenset()
        orth, tag, dep = key
        probe = Doc(self.vocab, words=[self.vocab.strings[orth]])
        probe[0].tag = tag
        probe[0].dep = dep
        found = self.others(probe, allow_missing=True, as_spans=False)
        return frozenset(int(self.vocab.strings[match_id]) for match_id, _, _ in found)

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """(pattern, start, target token) of every match, in the order the ruler applies them."""
        held = [self.held_by(tuple(row)) for row in doc.to_array([ORTH, TAG, DEP]).tolist()]
        found: list[tuple[int, int, int]] = []
        for start, first in enumerate(held):
            for condition in first:
                for sequence in self.by_first.get(condition, ()):
                    rest = sequence.conditions[1:]
                    if start + len(rest) < len(held) and all(
                        c in held[start + 1 + k] for k, c in enumerate(rest)
                    ):
                        found.append((sequence.pattern, start, start + sequence.target))
        found.sort()
        return found

    def __call__(self, doc: Doc) -> Doc:
        for pattern, _, target in self.matches(doc):
            set_token_attrs(doc[target], self.attrs[pattern])
        return doc


def use_table(nlp: Language) -> None:
    """Put the table in the place of the pipeline's attribute_ruler, when it can stand in for it."""
    if RULER in nlp.pipe_names and _sequences(nlp.get_pipe(RULER)) is not None:
        nlp.add_pipe(ATTRIBUTE_TABLE, after=RULER)
        nlp.remove_pipe(RULER)


@Language.factory(ATTRIBUTE_TABLE)
def make_attribute_table(nlp: Language, name: str) -> AttributeTable:
    """The table of the pipeline's attribute_ruler (see ``use_table``)."""
    ruler = nlp.get_pipe(RULER)
    sequences = _sequences(ruler)
    if sequences is None:
        raise ValueError(f"the rules of {RULER} cannot be read from a table")
    equalities, others = Equalities(ruler.vocab), Matcher(ruler.vocab, validate=False)
    conditions = [each for pattern in ruler.patterns for sequence in pattern["patterns"] for each in sequence]
    for number, condition in enumerate(conditions):
        if _plain(condition):
            equalities.add(number, condition)
        else:
            others.add(str(number), [[condition]])
    return AttributeTable(ruler.vocab, (equalities, others), sequences, list(ruler.attrs))
