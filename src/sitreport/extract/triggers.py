"""Finding the words that report an event, and the thing each event happened to (its theme)."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from sitreport.extract.lexicon import ExtractionLexicon, TriggerRule
from sitreport.extract.mentions import ArticleMentions
from sitreport.extract.syntax import (
    child_with_dep,
    conjuncts_and_appositions,
    is_passive,
    nearest_child_with_dep,
    of_object,
)

# Adjectives used as modifiers ("wounded militants", "liberated area") describe a state,
# not an event this article reports; compounds ("evacuation deals") name a kind of thing.
MODIFIER_DEPS = frozenset({"amod", "compound"})
WILDCARD = "*"


@dataclass(frozen=True)
class Trigger:
    rule: TriggerRule
    token: Token
    tokens: tuple[Token, ...]
    theme: tuple[Token, ...]
    theme_classes: frozenset[str]
    # "The evacuation followed a ceasefire": a definite event noun with nothing of its own
    # refers back to an event already reported
    back_reference: bool = False

    @property
    def event_type(self) -> str:
        return self.rule.event_type


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def match_phrase(words: list[tuple[str, ...]], start: int, phrase: tuple[str, ...]) -> list[int] | None:
    """Sentence positions of ``phrase`` matched at ``start`` in (lemma, lower-case) ``words``;
    each "*" lets the next word come one position later ("warplane * * raid": up to two)."""
    matched: list[int] = []
    position = start
    gaps = 0
    for word in phrase:
        if word == WILDCARD:
            gaps += 1
            continue
        positions = range(position, position + (gaps if matched else 0) + 1)
        gaps = 0
        hit = next((p for p in positions if p < len(words) and word in words[p]), None)
        if hit is None:
            return None
        matched.append(hit)
        position = hit + 1
    return matched


def phrase_head(tokens: list[Token]) -> Token:
    """The token of a multi-word trigger whose head lies outside it."""
    indices = {t.i for t in tokens}
    return next((t for t in tokens if t.head.i not in indices or t.head.i == t.i), tokens[0])


def controller(token: Token) -> Token | None:
    """The unstated subject of an infinitive: "were forced to leave" (the passive subject),
    "forced the families to leave" (the object of the verb above)."""
    if token.dep_ != "xcomp":
        return None
    return child_with_dep(token.head, "dobj", "nsubjpass", "nsubj")


def misread_verb(token: Token, mentions: ArticleMentions) -> bool:
    """A headline's verb that the parser took for a noun: "Factions target regime forces" read
    as one noun phrase, "Aerial bombardment targets Aleppo" with "targets" a plural noun. In a
    headline whose root is no verb, a noun right after another noun or a named party (its
    subject) that either is the root or modifies a noun after it (its object) is that verb."""
    if token.tag_ not in ("NN", "NNS") or token.sent.root.pos_ == "VERB" or token.i == token.sent.start:
        return False
    if not (token.dep_ == "ROOT" or reads_as_modifier(token)):
        return False
    before = word_before(token)
    return before.pos_ in ("NOUN", "PROPN") or before.tag_ == "VBG" or mentions.actor_at(before) is not None


def word_before(token: Token) -> Token:
    """The word before the token, past a closing quote ("“Turkish forces” target YPG")."""
    before = token.doc[token.i - 1]
    while before.is_quote and before.i > token.sent.start:
        before = token.doc[before.i - 1]
    return before


def reads_as_modifier(token: Token) -> bool:
    """Read as a modifier or the subject of a noun after it: that noun is the verb's object."""
    head = token.head
    # "dep": a word the parser could not attach, hung on the noun after it
    return token.dep_ in ("compound", "nsubj", "dep") and head.i > token.i and head.pos_ in ("NOUN", "PROPN")


def misread_verb_theme(token: Token, role: str) -> Token | None:
    """The theme of a verb read as a noun: its subject is the word before it, its object the
    object (or the noun in apposition) the parse gave it, else the noun it was read as modifying."""
    if role == "subject":
        return word_before(token)
    return child_with_dep(token, "dobj", "appos") or (token.head if reads_as_modifier(token) else None)


def is_predicate_adjective(token: Token) -> bool:
    """ "leaves 8 fighters dead": an adjective after its noun says what became of it (one before
    it, "wounded militants", describes a state)."""
    return token.dep_ == "amod" and token.pos_ == "ADJ" and token.head.i < token.i


def casualty_category(token: Token, lexicon: ExtractionLexicon) -> str | None:
    """The figure category of a word that counts the dead or the wounded ("killed", "injured")."""
    rules = lexicon.lemma_index.get(lemma(token), ())
    return next((rule.figure for _, rule in rules if rule.figure in lexicon.joint_toll_categories), None)


def is_casualty_word(token: Token, lexicon: ExtractionLexicon) -> bool:
    return casualty_category(token, lexicon) is not None


def is_counted(token: Token) -> bool:
    """A number, or a noun a number or "a" counts ("2 Civilians", "A woman")."""
    return token.like_num or any(
        c.dep_ == "nummod" or (c.dep_ == "det" and c.lower_ in ("a", "an")) for c in token.children
    )


def verb_object(verb: Token, lexicon: ExtractionLexicon) -> Token | None:
    """The verb's object, unless the verb's subject is counted and a casualty participle of
    the object's own follows it: in "2 Civilians Killed 9 Injured" (a headline with its comma
    stripped) the 9 were injured, and "Killed" is a headline's passive, about its subject.
    "Gunmen killed 5 soldiers wounded earlier" keeps its object: no figure counts the gunmen."""
    obj = child_with_dep(verb, "dobj") or shared_object(verb, lexicon)
    subject = child_with_dep(verb, "nsubj")
    if obj is None or subject is None or not is_counted(subject):
        return obj
    after = [c for c in (*obj.children, *verb.children) if c.dep_ in ("acl", "advcl") and c.i > obj.i]
    # a participle with an object of its own ("killed 30 people injured 90") is no passive
    told_apart = any(
        c.tag_ == "VBN" and is_casualty_word(c, lexicon) and child_with_dep(c, "dobj") is None for c in after
    )
    return None if told_apart else obj


def shared_object(verb: Token, lexicon: ExtractionLexicon) -> Token | None:
    """ "kills and detains a young man": a verb with no object of its own shares the object of
    the verb joined to it by "and". Not two casualty words ("killing and injuring scores of
    people"): their one figure is a joint toll, read as such (``figures.joint_figures``)."""
    joined = child_with_dep(verb, "conj")
    if joined is None or joined.pos_ != "VERB" or child_with_dep(joined, "nsubj") is not None:
        return None
    if is_casualty_word(verb, lexicon) and is_casualty_word(joined, lexicon):
        return None
    return child_with_dep(joined, "dobj")


def listed_number(participle: Token) -> Token | None:
    """ "3 Killed 40 Injured": a headline lists a number right before the participle that
    says what became of it, which the parse hangs elsewhere (40 as a modifier of "Killed")."""
    before = participle.doc[participle.i - 1] if participle.i > participle.sent.start else None
    return before if participle.tag_ == "VBN" and before is not None and before.like_num else None


def theme_tokens(token: Token, role: str, lexicon: ExtractionLexicon, as_verb: bool = False) -> list[Token]:
    """What the event happened to: see the header of kb/extraction/triggers.toml."""
    head: Token | None
    if as_verb:
        head = misread_verb_theme(token, role)
    elif is_predicate_adjective(token):
        head = token.head
    elif token.dep_ == "acl":
        # "men being detained": a participle after a noun happened to that noun, unless it
        # has an object of its own ("a blast killed 16 people" with the comma-less
        # subject misread as a noun the verb modifies) or a passive subject ("Monitor: 6
        # people were killed", the clause hung off the name before the colon)
        head = child_with_dep(token, "dobj", "nsubjpass") or group_holding(token.head, lexicon) or token.head
    elif token.dep_ == "attr" and token.head.lemma_ == "be":
        # "the pocket was overrun", with the participle parsed as a noun
        head = child_with_dep(token.head, "nsubj", "nsubjpass")
    elif token.pos_ in ("VERB", "AUX"):
        if role == "subject" or is_passive(token):
            head = nearest_child_with_dep(token, "nsubjpass", "nsubj") or controller(token)
        else:
            head = verb_object(token, lexicon) or nearest_child_with_dep(token, "nsubj")
        head = head or listed_number(token)
    elif token.dep_ in ("oprd", "acomp", "xcomp") and token.pos_ == "ADJ":
        verb = token.head
        head = child_with_dep(verb, "dobj", "nsubjpass", "nsubj")
    else:
        head = of_object(token) or child_with_dep(token, "poss")
    if head is None:
        return []
    themes: list[Token] = []
    for member in conjuncts_and_appositions(head):
        themes.append(member)
        counted = of_object(member) if lemma(member) in lexicon.counting_nouns else None
        if counted is not None:
            themes.extend(conjuncts_and_appositions(counted))
    return themes + [load for member in themes for load in carried_load(member, lexicon)]


def group_holding(token: Token, lexicon: ExtractionLexicon) -> Token | None:
    """The group a noun is counted in: in "a humanitarian convoy of 14 trucks set off" the
    participle hangs on the trucks, and the convoy they make up is what set off."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "of" or preposition.dep_ != "prep":
        return None
    holder = preposition.head
    return holder if "groups" in lexicon.classes_of(lemma(holder)) else None


def carried_load(token: Token, lexicon: ExtractionLexicon) -> list[Token]:
    """ "trucks carrying food", "ambulances carrying wounded fighters", "lorries loaded with
    flour": what vehicles carry is what their arrival or departure is about."""
    load: list[Token] = []
    for verb in token.children:
        if verb.dep_ != "acl" or lemma(verb) not in lexicon.cargo_verbs:
            continue
        carried = child_with_dep(verb, "dobj") or of_object(verb, ("pobj",), "with")
        if carried is not None:
            load.extend(conjuncts_and_appositions(carried))
    return load


def classes_of_theme(
    theme: list[Token], lexicon: ExtractionLexicon, mentions: ArticleMentions
) -> frozenset[str]:
    classes: set[str] = set()
    for token in theme:
        classes |= noun_classes(token, lexicon)
        for child in token.children:
            if child.dep_ == "compound":
                classes |= lexicon.classes_of(lemma(child))
            elif child.dep_ == "amod":
                classes |= set(lexicon.modifier_classes.get(lemma(child), ()))
        if mentions.place_at(token) is not None:
            classes |= {"place"}
        if mentions.actor_at(token) is not None:
            classes |= {"actor"}
        if token.like_num:
            classes |= {"number"}
    return frozenset(classes)


def noun_classes(token: Token, lexicon: ExtractionLexicon) -> frozenset[str]:
    """The classes of a noun by its lemma, else by its plural ending taken off: the lemmatizer
    reads some plurals as other words ("Corpses" as "corps")."""
    classes = lexicon.classes_of(lemma(token))
    if classes or token.tag_ not in ("NNS", "NNPS"):
        return classes
    return frozenset(c for form in lexicon.unsuffixed(token.lower_) for c in lexicon.classes_of(form))


def theme_fits(rule: TriggerRule, theme: list[Token], classes: frozenset[str]) -> bool:
    if classes & rule.theme_not:
        return False
    if not theme or not classes:
        return rule.theme_optional
    return not rule.theme or bool(classes & rule.theme)


def is_counted_thing(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "39 artillery pieces": a trigger word that is itself a counted figure is not an event."""
    return lexicon.category_of(lemma(token)) is not None and child_with_dep(token, "nummod") is not None


def is_back_reference(token: Token, theme: list[Token], lexicon: ExtractionLexicon) -> bool:
    return (
        token.pos_ == "NOUN"
        and not theme
        and any(c.dep_ == "det" and c.lower_ in lexicon.back_reference_determiners for c in token.children)
    )


def can_trigger(
    token: Token, rule: TriggerRule, lexicon: ExtractionLexicon, as_verb: bool, modifiers: bool = False
) -> bool:
    """Whether the word may be read by the rule; with ``modifiers`` a word the parse made a
    modifier may too when it modifies a verb (see ``find_triggers``)."""
    if as_verb:
        return not rule.pos or "VERB" in rule.pos
    if rule.pos and token.pos_ not in rule.pos:
        return False
    modifier = token.dep_ in MODIFIER_DEPS and not is_predicate_adjective(token)
    if modifier and modifiers:
        modifier = not modifies_verb(token, lexicon)
    return not modifier and not is_counted_thing(token, lexicon)


def modifies_verb(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "Shells target areas", "Heavy shelling target the town": a noun or gerund that modifies,
    or stands right before, a verb or an event verb the parse took for a noun ("target") is that
    verb's subject. A participle or adjective ("the besieged town") describes a state, and a
    modifier of a plain noun ("evacuation deal talks") names a kind of thing."""
    if token.pos_ == "ADJ" or token.tag_ == "VBN":
        return False
    after = token.doc[token.i + 1] if token.i + 1 < token.sent.end else None
    return any(
        word.i != token.i and (word.pos_ == "VERB" or is_event_verb(word, lexicon))
        for word in (token.head, after)
        if word is not None
    )


def is_event_verb(token: Token, lexicon: ExtractionLexicon) -> bool:
    """Whether a rule of the lexicon reads the word as a verb."""
    return any(
        not rule.pos or "VERB" in rule.pos
        for form in (lemma(token), token.lower_)
        for _, rule in lexicon.lemma_index.get(form, ())
    )


def rule_trigger(
    rule: TriggerRule,
    tokens: list[Token],
    lexicon: ExtractionLexicon,
    mentions: ArticleMentions,
    headline: bool = False,
    modifiers: bool = False,
) -> Trigger | None:
    head = phrase_head(tokens)
    as_verb = headline and len(tokens) == 1 and misread_verb(head, mentions)
    if len(tokens) == 1 and not can_trigger(head, rule, lexicon, as_verb, modifiers):
        return None
    theme = theme_tokens(head, rule.theme_role, lexicon, as_verb)
    classes = classes_of_theme(theme, lexicon, mentions)
    back_reference = len(tokens) == 1 and is_back_reference(head, theme, lexicon)
    # a phrase is its own evidence of the type, but still not for a theme the rule rules out
    if classes & rule.theme_not or (
        len(tokens) == 1 and not back_reference and not theme_fits(rule, theme, classes)
    ):
        return None
    return Trigger(rule, head, tuple(tokens), tuple(theme), classes, back_reference)


def phrase_matches(
    sent: list[Token], words: list[tuple[str, ...]], lexicon: ExtractionLexicon
) -> list[tuple[int, int, TriggerRule, list[Token]]]:
    """Every phrase rule matching in the sentence, as (rule position, start, rule, tokens)."""
    found = []
    for start, forms in enumerate(words):
        for form in set(forms):
            for position, rule, phrase in lexicon.phrase_index.get(form, ()):
                matched = match_phrase(words, start, phrase)
                if matched is not None:
                    found.append((position, start, rule, [sent[i] for i in matched]))
    return sorted(found, key=lambda match: (match[0], match[1]))


def word_forms(token: Token, lexicon: ExtractionLexicon) -> tuple[str, ...]:
    """Lemma and lower case; for a capitalised proper noun ("Violent Clashes continue"), whose
    lemma is the word itself, also the lower case without a plural ending."""
    forms = (lemma(token), token.lower_)
    if token.pos_ != "PROPN" or not token.is_title:
        return forms
    return forms + lexicon.unsuffixed(token.lower_)


def word_triggers(
    sent: list[Token],
    words: list[tuple[str, ...]],
    claimed: set[int],
    context: tuple[ExtractionLexicon, ArticleMentions, bool],
    modifiers: bool = False,
) -> list[Trigger]:
    """The one-word triggers of the sentence outside ``claimed``; ``context`` is the lexicon,
    the mentions and whether the sentence is a headline."""
    lexicon, mentions, headline = context
    found = []
    for token, forms in zip(sent, words, strict=True):
        if token.i in claimed:
            continue
        candidates = sorted(
            {item for form in set(forms) for item in lexicon.lemma_index.get(form, ())}, key=lambda c: c[0]
        )
        for _, rule in candidates:
            trigger = rule_trigger(rule, [token], lexicon, mentions, headline, modifiers)
            if trigger is not None:
                found.append(trigger)
                break
    return found


def find_triggers(
    sent: Span, lexicon: ExtractionLexicon, mentions: ArticleMentions, headline: bool = False
) -> list[Trigger]:
    """Every event word in the sentence; a word takes the first rule that fits it, phrases first.
    In a ``headline`` a verb the parser read as a noun is read as the verb (``misread_verb``),
    and when no word reports an event, an event word the parse made a modifier of a verb does
    (``modifies_verb``): a headline tells of an event, and "Shells target areas", "Heavy
    shelling target the town", parsed as one noun phrase, make its subject a modifier."""
    # the sentence's tokens made once: spaCy builds new Token objects at every iteration
    sent_tokens = list(sent)
    words = [word_forms(token, lexicon) for token in sent_tokens]
    found: list[Trigger] = []
    claimed: set[int] = set()
    for _, _, rule, tokens in phrase_matches(sent_tokens, words, lexicon):
        if claimed & {t.i for t in tokens}:
            continue
        trigger = rule_trigger(rule, tokens, lexicon, mentions)
        if trigger is not None:
            found.append(trigger)
            claimed |= {t.i for t in tokens}
    context = (lexicon, mentions, headline)
    found += word_triggers(sent_tokens, words, claimed, context) or (
        word_triggers(sent_tokens, words, claimed, context, modifiers=True) if headline and not found else []
    )
    told = {t.event_type for t in found}
    # "arrested 15 men during a raid on homes": the raid is the arrests' own, no strike
    return sorted((t for t in found if not t.rule.unless_with & told), key=lambda t: t.token.i)
