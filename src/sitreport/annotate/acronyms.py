"""A party's acronym that spells an English word is read as the name it is.

"IS targets regime forces in Aleppo": the tagger and parser see the token's NORM "is" (their
embeddings are keyed by it) and read the verb "is", so the headline's verb "targets" becomes a
plural noun and no event is found. An actor alias of the knowledge base written in capitals
whose lower case is a function word ("IS" for the Islamic State) is given, before the
pipeline's first component reads it, the NORM of another capitalised alias of the same party
("ISIS"): the parse then takes it for the name. In a line written in capitals ("THE OFFENSIVE
IS OVER") the capitals say nothing, and the word keeps its norm.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import ORTH
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from sitreport.kb.aliases import ActorEntry

__all__ = ["ACRONYM_NAMES", "AcronymNames", "acronym_norms"]

ACRONYM_NAMES = "acronym_names"


def is_acronym(alias: str) -> bool:
    return alias.isalpha() and alias.isupper() and len(alias) > 1


def acronym_norms(actors: Iterable[ActorEntry]) -> dict[str, str]:
    """Each capitalised alias that spells a function word, with the norm it is read by: the
    lower case of the party's first capitalised alias that spells none."""
    norms: dict[str, str] = {}
    for actor in actors:
        acronyms = [a for a in actor.aliases if is_acronym(a)]
        plain = next((a.lower() for a in acronyms if a.lower() not in STOP_WORDS), None)
        if plain is None:
            continue
        norms.update({a: plain for a in acronyms if a.lower() in STOP_WORDS})
    return norms


def in_capitals(token: Token) -> bool:
    """Whether most words of the token's line are written in capitals."""
    text = token.doc.text
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    words = [w for w in text[start : end if end != -1 else len(text)].split() if w.isalpha()]
    return sum(w.isupper() for w in words) * 2 > len(words)


class AcronymNames:
    """The pipeline component; ``norms`` is set from the knowledge base the run uses."""

    def __init__(self) -> None:
        self.norms: dict[str, str] = {}

    def __call__(self, doc: Doc) -> Doc:
        # The words are compared as ORTH ids in one array: a loop over the doc would build a
        # Token for every word of every article, for a name most articles do not write.
        names = {get_string_id(name) for name in self.norms}
        for at in (at for at, orth in enumerate(doc.to_array(ORTH).tolist()) if orth in names):
            token = doc[at]
            if not in_capitals(token):
                token.norm_ = self.norms[token.text]
        return doc


@Language.factory(ACRONYM_NAMES)
def make_acronym_names(nlp: Language, name: str) -> AcronymNames:
    return AcronymNames()
