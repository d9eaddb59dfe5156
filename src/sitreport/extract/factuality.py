"""Whether a trigger reports something that happened, or a plan, denial, claim or background.

Walks from the trigger up the parse: a negation, a denying or planning verb, a conditional, an
infinitive that is not "began to", "since <year>" or a running total ("since the offensive began",
"in the last two months"), a toll of the whole war ("the war has
killed", "killed in the conflict") or (for a noun) a modal or copular predicate
anywhere on the way makes it a non-event. The walk stops at a coordinated clause with its own
subject: "denied a deal, but SANA reported evacuations" keeps the evacuations; and at the object
of a presupposing preposition: "asked Congress to act in response to an attack" keeps the attack.
"""

from __future__ import annotations

from spacy.tokens import Token

from sitreport.extract.lexicon import ExtractionLexicon
from sitreport.extract.syntax import ancestors_with_self, child_with_dep, governing_verb, of_object

YEAR_DIGITS = 4
SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# What hangs on a governor without being in its scope: who or what acts, and (in a headline's
# comma splice "16 casualties in X, forces try to ...") a clause the parser could not attach
OUTSIDE_SCOPE = ("nsubj", "csubj", "dep")


def is_teaser(text: str, lexicon: ExtractionLexicon) -> bool:
    """A "Read more: ..." line (a sentence's text) links to another story; cleaning drops
    most, this drops the rest."""
    return text.strip().lower().startswith(lexicon.teaser_prefixes)


def is_negated(token: Token, lexicon: ExtractionLexicon) -> bool:
    return any(
        child.dep_ in ("neg", "det", "advmod", "preconj") and child.lower_ in lexicon.negations
        for child in token.children
    )


def has_modal(token: Token, lexicon: ExtractionLexicon) -> bool:
    return any(child.dep_ == "aux" and child.lower_ in lexicon.modal_auxiliaries for child in token.children)


def is_perfect(token: Token) -> bool:
    """ "to have been killed": the perfect tells of what is over."""
    return token.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children)


def is_unrealised_infinitive(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "to liberate Idlib", "chose to stop fighting": an infinitive whose verb above is no
    "began". A perfect infinitive is over, not planned: "1,400 are estimated to have been
    killed", "he is said to have died" report deaths (the verb above may still deny them)."""
    infinitive = any(child.dep_ == "aux" and child.tag_ == "TO" for child in token.children)
    return (
        infinitive
        and not is_perfect(token)
        and token.head.lemma_.lower() not in lexicon.implicative_governors
    )


def is_conditional(token: Token, lexicon: ExtractionLexicon) -> bool:
    return any(
        child.dep_ == "mark" and child.lower_ in lexicon.conditional_markers for child in token.children
    )


def is_year(token: Token) -> bool:
    return token.is_digit and len(token.text) == YEAR_DIGITS


def names_war(noun: Token, lexicon: ExtractionLexicon) -> bool:
    """ "the war", "the conflict", "the start of the war", "three years of conflict": the whole
    war, its onset, or years of it."""
    word = noun.lemma_.lower()
    if word in lexicon.onset_nouns or word in lexicon.period_units:
        inner = of_object(noun)
        return inner is not None and inner.lemma_.lower() in lexicon.war_nouns
    return word in lexicon.war_nouns


def reaches_back(obj: Token, lexicon: ExtractionLexicon) -> bool:
    """ "since 2011", "since March 2011", "since the start of the war", "since then": a period
    as long as the war, or a total counted from a time told before. "Since Sunday" is not: a
    battle's toll over its days is the toll coders give that battle."""
    months = lexicon.dates.get("months", [])
    return (
        is_year(obj)
        or obj.lower_ in months
        or obj.lower_ in lexicon.earlier_times
        or any(is_year(c) for c in obj.children)
        or names_war(obj, lexicon)
    )


def prepositional_objects(token: Token, prepositions: frozenset[str]) -> list[Token]:
    """X in "<token> since X", "<token> in X", "<token> since then" for the given prepositions."""
    return [
        obj
        for child in token.children
        if child.dep_ == "prep" and child.lower_ in prepositions
        for obj in child.children
        if obj.dep_ in ("pobj", "pcomp")
    ]


def is_long_period(obj: Token, lexicon: ExtractionLexicon) -> bool:
    """ "the last two months", "the past week": a stretch of weeks or more back from the report."""
    return obj.lemma_.lower() in lexicon.period_units and any(
        child.lower_ in lexicon.dates.get("last_words", []) for child in obj.children
    )


def is_milestone(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "the first convoy since the truce", "the deadliest attack since 2013": one happening
    measured against a period, not a count over it."""
    return any(
        child.dep_ == "amod" and (child.tag_ == "JJS" or child.lower_ in lexicon.ordinals)
        for child in token.children
    )


def since_clauses(token: Token, lexicon: ExtractionLexicon) -> list[Token]:
    """ "since the offensive began", "since the army launched its assault": a past-tense clause
    that "since" introduces (a present-tense one gives a reason: "since the army holds the road")."""
    return [
        clause
        for clause in token.children
        if clause.dep_ == "advcl"
        and clause.tag_ in ("VBD", "VBN")
        and any(m.dep_ == "mark" and m.lower_ in lexicon.background_prepositions for m in clause.children)
    ]


def is_background(token: Token, lexicon: ExtractionLexicon, from_subject: bool = False) -> bool:
    """A state or a running total: "since 2011", "since the offensive began", "in the last two
    months". Reached from its subject, a verb's period tells of the verb, not of the subject's
    event: "the death of 20 raises the toll to 490 since the escalation began" (the 20 stay)."""
    if is_milestone(token, lexicon):
        return False
    if any(reaches_back(o, lexicon) for o in prepositional_objects(token, lexicon.background_prepositions)):
        return True
    if from_subject:
        return False
    if any(is_long_period(o, lexicon) for o in prepositional_objects(token, lexicon.period_prepositions)):
        return True
    return bool(since_clauses(token, lexicon))


def counts_the_war(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "the war has killed", "killed in the conflict", "the war, which has killed", "the
    conflict's death toll": a toll of the whole war is background, never one happening's."""
    if token.dep_ == "relcl" and names_war(token.head, lexicon):
        return True
    agents = [c for c in token.children if c.dep_ in ("nsubj", "poss")]
    agents += prepositional_objects(token, lexicon.war_prepositions)
    return any(names_war(agent, lexicon) for agent in agents)


def is_demanded(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "called for a ceasefire": the object of a demand is not something that happened."""
    preposition = token.head
    return token.dep_ == "pobj" and (preposition.head.lemma_.lower(), preposition.lower_) in (
        lexicon.demanding_phrases
    )


def is_demanding(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "have pushed for more aid", "called for a truce": the verb of a demand is advocacy, even
    when the verb alone would report an event ("pushed the rebels out"). The "for" may head a
    phrase or mark a clause ("pushed for more convoys to be sent")."""
    markers = [c for c in token.children if c.dep_ == "prep"]
    markers += [m for c in token.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"]
    return any((token.lemma_.lower(), m.lower_) in lexicon.demanding_phrases for m in markers)


def is_habitual(token: Token) -> bool:
    """ "Almost all aid still enters through the crossing": an event verb in the simple present
    tells what usually happens. Only for the body: headlines tell past news in the present.
    Only the "-s" form: the tagger takes some irregular pasts ("retook") for a plural present."""
    return token.pos_ == "VERB" and token.tag_ == "VBZ" and not any(
        child.dep_ in ("aux", "auxpass") for child in token.children
    )


def is_describing_participle(token: Token) -> bool:
    """ "the organisations controlling the area": a present participle modifying a noun."""
    return token.tag_ == "VBG" and token.dep_ == "acl"


def is_earlier_aside(token: Token) -> bool:
    """ "southern Idlib, from which they had launched attacks": a past-perfect relative clause
    recalls something earlier to describe a place or group; it is not this article's news."""
    return token.dep_ == "relcl" and has_past_perfect(token)


def has_past_perfect(token: Token) -> bool:
    """The word is told in the past perfect ("had targeted")."""
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in token.children)


def is_recalled(token: Token) -> bool:
    """ "The bombers had also targeted the troops on September 17": a past perfect of the
    sentence's own main clause places its event before the story's. Not one under a verb of
    saying ("the monitor said 30 had been killed"): there the past perfect only follows "said"."""
    chain = list(ancestors_with_self(token))
    if any(node.dep_ == "ccomp" for node in chain):
        return False
    return any(has_past_perfect(node) for node in chain)


def is_copular_noun(token: Token, verb: Token | None) -> bool:
    """ "The clashes were the biggest challenge", "X is the guarantor of the ceasefire".

    The complement itself is not: "the pocket was overrun" (a participle parsed as a noun).
    """
    if token.dep_ == "attr":
        return False
    if (
        verb is None
        or token.pos_ not in ("NOUN", "PROPN")
        or verb.lemma_ != "be"
        or verb.dep_ in ("aux", "auxpass")
    ):
        return False
    return not any(child.dep_ == "expl" for child in verb.children)


def is_predicated_of_nonfact(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "The alternative was an assault", "the plan is a truce": a complement naming what a
    plan, option or alternative would be did not happen."""
    if token.dep_ != "attr" or token.head.lemma_ != "be":
        return False
    subject = child_with_dep(token.head, "nsubj")
    return subject is not None and subject.lemma_.lower() in lexicon.nonfactual_governors


def own_participle(noun: Token, lexicon: ExtractionLexicon) -> Token | None:
    """ "part of a deal reached last week": a noun with its own past participle is asserted by
    it, whatever the clause it sits in predicates ("a deal proposed last week", "a truce not
    yet signed" are not)."""
    for child in noun.children:
        # the tagger takes some reduced relatives for pasts: "a truce agreed on Friday" (VBD)
        if child.dep_ != "acl" or child.tag_ not in ("VBN", "VBD"):
            continue
        if child.lemma_.lower() in lexicon.nonfactual_governors:
            continue
        if not any(t.dep_ == "neg" or t.lower_ in lexicon.negations for t in child.subtree):
            return child
    return None


def is_presupposed(token: Token, lexicon: ExtractionLexicon) -> bool:
    """ "following an attack", "in response to an attack", "punish Syria for an attack": the
    object of a presupposing preposition happened, whatever is planned or asked above it."""
    if token.dep_ not in ("pobj", "pcomp"):
        return False
    preposition = token.head
    word = preposition.lower_
    return word in lexicon.presupposing_prepositions or (
        (preposition.head.lemma_.lower(), word) in lexicon.presupposing_phrases
    )


def presupposition(token: Token, lexicon: ExtractionLexicon) -> Token | None:
    """The lowest node at or above the token that a presupposing preposition governs."""
    return next((node for node in ancestors_with_self(token) if is_presupposed(node, lexicon)), None)


def starts_own_clause(token: Token) -> bool:
    """A coordinated verb with its own subject does not share the first verb's negation."""
    return token.dep_ == "conj" and any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)


def is_stray_subject(token: Token) -> bool:
    """ "Violent clashes in X and the regime forces try to advance": a headline's verbless
    clause that the parser hung, as a second subject, on the next clause's verb. A verb has one
    subject; the other is a clause of its own, not what the verb tries, plans or denies."""
    return token.dep_ in SUBJECTS and any(
        child.dep_ in SUBJECTS and child.i != token.i for child in token.head.children
    )


def is_evidence_of_past(governor: Token, clause: Token, lexicon: ExtractionLexicon) -> bool:
    """An evidential governor ("reports suggesting that ...") over a clause that tells a past
    event: the event is a source's claim, reported as such. Any other governor of the
    nonfactual list makes a plan, a claim or a denial."""
    if governor.lemma_.lower() not in lexicon.evidential_governors or is_negated(governor, lexicon):
        return False
    return clause.dep_ == "ccomp" and tells_past(clause)


def tells_past(verb: Token) -> bool:
    """A verb in the past or the perfect: "forces killed", "300 were killed", "have died"."""
    if verb.tag_ == "VBD":
        return True
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(aux.tag_ in ("VBD", "VBZ", "VBP") for aux in auxiliaries)


def governs(governor: Token, child: Token, token: Token, lexicon: ExtractionLexicon) -> bool:
    """Whether a nonfactual governor makes the trigger ``token`` below it (through ``child``) a
    plan, a claim or a denial. Not when the trigger is, or is named within, the governor's
    active subject, which is who or what acts: "the shelling prevents the rescue" (the shelling
    happened), "Clashes and airstrikes in X and activists accuse ..." (a headline's verbless
    clause hung on the next clause's verb), nor in a clause the parser left unattached. A
    clause inside the subject is no exception ("the prince, whose country backs rebels
    fighting Assad, urged"), and the verbs of what did not come about take their subject
    along ("the evacuation collapsed")."""
    word = governor.lemma_.lower()
    if word not in lexicon.nonfactual_governors:
        return False
    if child.dep_ not in OUTSIDE_SCOPE or word in lexicon.unrealised_subject_governors:
        return True
    return any(node.pos_ in ("VERB", "AUX") for node in path_below(token, child))


def path_below(token: Token, child: Token) -> list[Token]:
    """The words from ``token`` up to its ancestor ``child``, ``child`` excluded."""
    path = []
    for node in ancestors_with_self(token):
        if node.i == child.i:
            break
        path.append(node)
    return path


def is_reported_fact(token: Token, lexicon: ExtractionLexicon, running_totals: bool = True) -> bool:
    """True when the trigger reports an event that took place (see the module docstring). With
    ``running_totals`` False a count over weeks or since an onset does not make it background:
    "more martyrs raise the toll to 30 within the past two weeks" still tells of new deaths."""
    top = presupposition(token, lexicon)
    predicate = token if token.pos_ in ("VERB", "AUX") else own_participle(token, lexicon)
    # a stray subject has no predicate: the verb it hangs on is the next clause's
    predicate = predicate or (None if is_stray_subject(token) else governing_verb(token))
    if top is not None and predicate is not None and predicate in top.ancestors:
        # "to punish Syria for an attack": the verb above the presupposition is not the attack's
        predicate = None
    if predicate is not None and has_modal(predicate, lexicon):
        return False
    if is_copular_noun(token, predicate) or is_predicated_of_nonfact(token, lexicon):
        return False
    if is_demanding(token, lexicon):
        return False
    node, child, from_subject = token, token, not running_totals
    while True:
        if is_negated(node, lexicon) or is_conditional(node, lexicon):
            return False
        if is_background(node, lexicon, from_subject):
            return False
        if counts_the_war(node, lexicon):
            return False
        if is_earlier_aside(node) or is_demanded(node, lexicon):
            return False
        if is_unrealised_infinitive(node, lexicon):
            return False
        if node.i != token.i and governs(node, child, token, lexicon):
            return is_evidence_of_past(node, child, lexicon)
        if node.head.i == node.i or starts_own_clause(node) or is_stray_subject(node) or node == top:
            return True
        from_subject = from_subject or node.dep_ in SUBJECTS
        node, child = node.head, node
