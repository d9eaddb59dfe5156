"""Small questions about a dependency parse that several extraction steps ask."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token


def ancestors_with_self(token: Token) -> Iterator[Token]:
    yield token
    yield from token.ancestors


def tree_distance(a: Token, b: Token) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    up_a = {t.i: depth for depth, t in enumerate(ancestors_with_self(a))}
    for depth, t in enumerate(ancestors_with_self(b)):
        if t.i in up_a:
            return up_a[t.i] + depth
    return abs(a.i - b.i) + 100


def conjuncts_and_appositions(token: Token) -> list[Token]:
    """The token and every token coordinated or in apposition with it below it."""
    found = [token]
    for child in token.children:
        if child.dep_ in ("conj", "appos"):
            found.extend(conjuncts_and_appositions(child))
    return found


def of_object(token: Token, deps: tuple[str, ...] = ("pobj",), preposition: str = "of") -> Token | None:
    """X in "<token> of X" (or another preposition: "loaded with X")."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == preposition:
            for grandchild in child.children:
                if grandchild.dep_ in deps:
                    return grandchild
    return None


def is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


def child_with_dep(token: Token, *deps: str) -> Token | None:
    """The first child with the first of ``deps`` that the token has (deps in order of preference)."""
    children = list(token.children)
    for dep in deps:
        for child in children:
            if child.dep_ == dep:
                return child
    return None


def nearest_child_with_dep(token: Token, *deps: str) -> Token | None:
    """Like ``child_with_dep``, the child nearest the token on a tie: "10:42 GMT - the buses
    have left" has two subjects for the parser, and the buses are the ones next to the verb."""
    for dep in deps:
        children = [child for child in token.children if child.dep_ == dep]
        if children:
            return min(children, key=lambda child: abs(child.i - token.i))
    return None


def governing_verb(token: Token) -> Token | None:
    """The nearest verb at or above the token: the predicate a noun trigger depends on."""
    for candidate in ancestors_with_self(token):
        if candidate.pos_ in ("VERB", "AUX"):
            return candidate
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject, or for a participle or infinitive the subject of the verb it hangs off."""
    for candidate in ancestors_with_self(verb):
        subject = child_with_dep(candidate, "nsubj", "nsubjpass")
        if subject is not None:
            return subject
        if candidate.dep_ not in ("xcomp", "advcl", "conj", "acl", "pcomp"):
            return None
    return None


def span_root_outside(span: Span) -> Token:
    """The first token above the span's root that is not in the span (the root if none)."""
    head = span.root.head
    return head if head.i < span.start or head.i >= span.end else span.root


def token_span(tokens: list[Token]) -> tuple[int, int]:
    """First and last-plus-one token index of some tokens."""
    return min(t.i for t in tokens), max(t.i for t in tokens) + 1
