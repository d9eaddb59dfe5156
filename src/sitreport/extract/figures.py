"""Figures in a sentence: value and qualifier, what they count, and which event they belong to.

A figure's category comes from the noun it counts ("407 militants" -> fighters), unless the
noun is what a casualty or detention word happened to ("60 civilians dead" -> killed, kind
civilians). Numbers that count nothing in the lexicon (years, times, staff, percentages) are
not figures.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Span, Token

from sitreport.annotate.numbers import parse_quantity
from sitreport.extract.lexicon import ExtractionLexicon
from sitreport.extract.syntax import (
    ancestors_with_self,
    child_with_dep,
    conjuncts_and_appositions,
    of_object,
    tree_distance,
)
from sitreport.extract.triggers import Trigger, casualty_category, lemma
from sitreport.records import Qualifier

# Categories whose figures need the counted noun as their kind ("killed": civilians or fighters).
KIND_CATEGORIES = frozenset({"killed", "injured", "captured", "displaced", "weapons"})
MEASURE_WORDS = frozenset(
    {
        "%",
        "percent",
        "per",
        "gmt",
        "am",
        "pm",
        "a.m.",
        "p.m.",
        "km",
        "kilometres",
        "kilometers",
        "miles",
        "metres",
        "meters",
        "year",
        "years",
        "old",
    }
)


@dataclass(frozen=True)
class Figure:
    value: int
    qualifier: Qualifier
    category: str
    kind: str | None
    text: str
    start: int
    end: int
    anchor: Token
    owner: Trigger | None
    # one kind's part of the toll before it ("including 8 soldiers")
    part: bool = False


def is_number_token(token: Token, lexicon: ExtractionLexicon) -> bool:
    return (token.like_num and token.pos_ in ("NUM", "NOUN", "ADJ")) or lexicon.numbers.is_number_word(
        token.lower_
    )


def number_runs(sent: Span, lexicon: ExtractionLexicon) -> list[tuple[int, int]]:
    """Token ranges (sentence-relative) of consecutive number words: "two hundred and fifty"."""
    runs: list[tuple[int, int]] = []
    index = 0
    while index < len(sent):
        if not is_number_token(sent[index], lexicon):
            index += 1
            continue
        end = index + 1
        while end < len(sent) and (
            is_number_token(sent[end], lexicon) or joins_number_words(sent, end, lexicon)
        ):
            end += 1
        start = index
        if start > 0 and sent[start - 1].lower_ in lexicon.numbers.articles:
            start -= 1
        runs.append((start, end))
        index = end
    return runs


def joins_number_words(sent: Span, index: int, lexicon: ExtractionLexicon) -> bool:
    """ "two hundred and fifty", "twenty-five", "hundreds of thousands", "a quarter of a
    million", "half a million": one number; but "40 and 50" or "40-50" are the two ends of a range."""
    numbers = lexicon.numbers
    word, before = sent[index].lower_, sent[index - 1]
    following = sent[index + 1 : index + 3]
    if word in numbers.articles:
        fraction = before if before.lower_ != "of" or index < 2 else sent[index - 2]
        scale_follows = bool(following) and following[0].lower_ in numbers.scales
        return fraction.lower_ in numbers.fractions and scale_follows
    if word == "of" and len(following) == 2 and following[0].lower_ in numbers.articles:
        return before.lower_ in numbers.fractions and following[1].lower_ in numbers.scales
    if not following or not is_number_token(following[0], lexicon):
        return False
    after = following[0]
    if word == "and":
        return before.lower_ in numbers.scales
    if word == "-":
        return not (before.is_digit and after.is_digit)
    return word == "of"


def range_ends(sent: Span, runs: list[tuple[int, int]], lexicon: ExtractionLexicon) -> dict[int, Qualifier]:
    """Run index -> qualifier for runs that bound a range: the first a minimum, the second a maximum."""
    numbers = lexicon.numbers
    ends: dict[int, Qualifier] = {}
    for index, ((_, first_end), (second_start, _)) in enumerate(pairwise(runs)):
        if second_start != first_end + 1 or sent[first_end].lower_ not in numbers.range_joiners:
            continue
        opener = runs[index][0] > 0 and sent[runs[index][0] - 1].lower_ in numbers.range_openers
        if sent[first_end].lower_ in numbers.opener_joiners and not opener:
            continue
        ends[index], ends[index + 1] = "min", "max"
    return ends


def hedge_start(sent: Span, start: int, lexicon: ExtractionLexicon) -> int:
    """Where the hedge in front of a number begins ("more than 250" -> the index of "more")."""
    # the word before the number, read once: most hedges already fail on their last word,
    # and each slice of the sentence builds new Token objects
    last = sent[start - 1].lower_ if start > 0 else None
    for phrase, _ in lexicon.numbers.hedges:
        begin = start - len(phrase)
        if begin < 0 or not phrase or phrase[-1] != last:
            continue
        words = sent[begin:start]
        # "handed over 20 tanks": a verb particle is not a hedge
        if words and tuple(t.lower_ for t in words) == phrase and not any(t.dep_ == "prt" for t in words):
            return begin
    return start


def is_measure_or_date(sent: Span, start: int, end: int, lexicon: ExtractionLexicon) -> bool:
    """Percentages, times, ages, distances and the day or year of a date are not figures."""
    following = sent[end].lower_ if end < len(sent) else ""
    preceding = sent[start - 1].lower_ if start > 0 else ""
    months = lexicon.dates.get("months", [])
    return (
        following in MEASURE_WORDS
        or following in months
        or preceding in months
        or (
            preceding in ("aged", "at", "in", "since", "of")
            and sent[end - 1].is_digit
            and len(sent[end - 1].text) == 4
        )
        or ":" in sent[end - 1].text
    )


def counted_noun(number: Token, lexicon: ExtractionLexicon) -> Token | None:
    """The noun a number counts, looking through "pieces of" and "dozens of", and through
    the other end of a range or a longer number ("40 and 50 families", "hundred and fifty")."""
    noun: Token | None
    if number.dep_ in ("conj", "quantmod", "compound") and number.head.i != number.i and number.head.like_num:
        return counted_noun(number.head, lexicon)
    if number.dep_ in ("nummod", "quantmod") and number.head.pos_ in ("NOUN", "PROPN"):
        noun = number.head
    else:
        noun = of_object(number)
    if noun is not None and lemma(noun) in lexicon.counting_nouns:
        noun = of_object(noun) or noun
    return noun


def noun_category(noun: Token, lexicon: ExtractionLexicon) -> str | None:
    category = lexicon.category_of(lemma(noun))
    modifiers = {child.lower_ for child in noun.children if child.dep_ in ("amod", "compound")}
    if category == "vehicles" and modifiers & lexicon.weapon_modifiers:
        return "weapons"
    return category


def is_common_noun(token: Token, lexicon: ExtractionLexicon) -> bool:
    """A word the noun lexicon knows: "Civilians" and "Children" are, "Syrian" and "DAESH" not."""
    word = token.lower_
    forms = {lemma(token), word, *lexicon.unsuffixed(word)}
    return any(form in lexicon.noun_classes for form in forms)


def kind_word(token: Token, lexicon: ExtractionLexicon) -> str:
    """Headline capitals are no part of what a figure counts: "15 Civilians" counts civilians."""
    return token.lower_ if token.is_title and is_common_noun(token, lexicon) else token.text


def counts_one_person(noun: Token, lexicon: ExtractionLexicon) -> bool:
    """ "one civilian", "a Child": a known noun of persons in the singular."""
    known = noun.lower_ in lexicon.noun_classes
    persons = lexicon.classes_of(noun.lower_) & lexicon.person_categories
    return known and bool(persons) and noun.morph.get("Number") == ["Sing"]


def other_plural(noun: Token, lexicon: ExtractionLexicon) -> str | None:
    """ "persons", "Persons": a plural of a noun whose plural the lexicon gives otherwise
    ("people")."""
    word = noun.lower_
    for singular in (lemma(noun), *lexicon.unsuffixed(word)):
        plural = lexicon.plurals.get(singular)
        if plural is not None and word not in (singular, plural):
            return plural
    return None


def noun_phrase_text(noun: Token, numbers: set[int], lexicon: ExtractionLexicon) -> str:
    """The counted noun with its modifiers: "armored vehicles", "pro-regime forces". A noun of
    persons is given in the plural ("one civilian" counts civilians), the lexicon's own ("three
    persons" counts people), so that a kind is one class whatever the number counted."""
    start = noun.i
    for token in reversed(list(noun.doc[noun.left_edge.i : noun.i])):
        if token.i in numbers or (
            token.dep_ in ("det", "quantmod", "nummod", "poss", "punct") and token.text != "-"
        ):
            break
        start = token.i
    modifiers = "".join(kind_word(t, lexicon) + t.whitespace_ for t in noun.doc[start : noun.i])
    head = lexicon.plural(noun.text) if counts_one_person(noun, lexicon) else kind_word(noun, lexicon)
    head = other_plural(noun, lexicon) or head
    return (modifiers + head).strip()


def noun_above_phrase(token: Token) -> Token:
    """The noun a prepositional phrase hangs off: "members" for "forces" in "11 members of (or
    from) the regime forces killed", where the parse gave the participle to "forces"."""
    while token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ in ("NOUN", "PROPN"):
        token = token.head.head
    return token


def owning_trigger(noun: Token | None, number: Token, triggers: list[Trigger]) -> Trigger | None:
    """The casualty/detention trigger whose theme is this noun (or this bare number), whose
    theme hangs off this noun ("11 members of the regime forces killed"), that is the
    counted noun itself ("8 casualties"), or that the bare number is the subject of ("5 dead,
    mostly children")."""
    counted = {number.i, noun.i if noun else -1}
    for trigger in triggers:
        # "8 casualties", "20 deaths": the figure may count the trigger word itself
        themes = {trigger.token.i} | {i for t in trigger.theme for i in (t.i, noun_above_phrase(t).i)}
        subject = noun is None and number.dep_ in ("nsubj", "nsubjpass") and number.head.i == trigger.token.i
        if trigger.rule.figure and (themes & counted or subject):
            return trigger
    return None


def trigger_after(token: Token, triggers: list[Trigger]) -> Trigger | None:
    """The casualty/detention trigger that is the very next word, but not a gerund: "killing
    20 injuring 30" is one verb's object after another's."""
    return next(
        (t for t in triggers if t.rule.figure and t.token.i == token.i + 1 and t.token.tag_ != "VBG"),
        None,
    )


def listed_owner(noun: Token | None, number: Token, triggers: list[Trigger]) -> Trigger | None:
    """ "4 Killed over 43 Injured", "2 Civilians Killed 7 Injured": a headline lists each
    figure before the word that says what became of it, which the parse often hangs elsewhere
    (43 as the object of "Killed"). Not "killed 30 wounded 40 in Homs", where the number after
    the word is its object: the word owns the figure before it only when what follows it, if a
    number, is listed the same way."""
    last = noun if noun is not None and noun.i > number.i else number
    trigger = trigger_after(last, triggers)
    after = next_token(trigger.token) if trigger is not None else None
    if after is None or not after.like_num:
        return trigger
    counted = next_token(after)
    listed = counted if counted is not None and counted.pos_ in ("NOUN", "PROPN") else after
    return trigger if trigger_after(listed, triggers) is not None else None


def next_token(token: Token) -> Token | None:
    return token.nbor() if token.i + 1 < len(token.doc) else None


def themeless_owner(
    noun: Token | None, number: Token, triggers: list[Trigger], lexicon: ExtractionLexicon
) -> Trigger | None:
    """ "in the province of Daraa 16 civilians were killed": with the commas stripped the parse
    leaves "killed" without a subject, so a casualty word with no theme takes the persons
    its sentence counts (the nearest such word in the parse)."""
    if noun is None or lexicon.category_of(lemma(noun)) not in lexicon.person_categories:
        return None
    themeless = [t for t in triggers if t.rule.figure and not t.theme]
    return min(themeless, key=lambda t: tree_distance(number, t.token), default=None)


def figure_category(
    noun: Token | None, owner: Trigger | None, numbers: set[int], lexicon: ExtractionLexicon
) -> tuple[str | None, str | None]:
    """Category and kind: the owning casualty/detention word's, else the counted noun's. A
    figure counting the casualty word itself ("4 martyrs", "14 of the dead") says who by no
    word: its kind is unknown, not "martyrs"."""
    phrase = noun_phrase_text(noun, numbers, lexicon) if noun is not None else None
    counted = casualty_category(noun, lexicon) if noun is not None else None
    if counted is not None and owner is not None and owner.token.i != noun.i:
        # "2 Civilians Killed 7 Injured": the figure counts another casualty word than its owner
        return counted, None
    if owner is not None and owner.rule.figure:
        return owner.rule.figure, None if noun is not None and noun.i == owner.token.i else phrase
    category = noun_category(noun, lexicon) if noun is not None else None
    return category, phrase if category in KIND_CATEGORIES else None


def restates_figure(number: Token, lexicon: ExtractionLexicon) -> bool:
    """ "while the Observatory put the number at 53": a figure for what was just counted."""
    preposition = number.head
    return (
        number.dep_ == "pobj"
        and preposition.lower_ == "at"
        and any(
            c.dep_ == "dobj" and c.lemma_.lower() in lexicon.report_nouns for c in preposition.head.children
        )
    )


def restated_category(number: Token, lexicon: ExtractionLexicon) -> str | None:
    """ "put the number of departing fighters and their families at 900": what the report
    noun counts; a count over several kinds of persons counts people."""
    report = child_with_dep(number.head.head, "dobj")
    counted = of_object(report, ("pobj", "pcomp")) if report is not None else None
    if counted is not None and counted.pos_ == "VERB":
        # "the number of departing fighters": the gerund's noun
        counted = child_with_dep(counted, "dobj", "nsubj")
    if counted is None:
        return None
    members = conjuncts_and_appositions(counted)
    categories = {noun_category(m, lexicon) for m in members} - {None}
    if len({lemma(m) for m in members}) > 1 and categories <= lexicon.person_categories:
        return "people"
    return next(iter(categories)) if len(categories) == 1 else None


def names_the_dead(token: Token, lexicon: ExtractionLexicon) -> bool:
    """A word whose figure counts the dead ("killed", "casualties"; kb/extraction/triggers.toml)."""
    rules = lexicon.lemma_index.get(lemma(token), ())
    return any(rule.figure == lexicon.toll_category for _, rule in rules)


def counts_the_dead(noun: Token, lexicon: ExtractionLexicon) -> bool:
    """ "the toll", "casualties", "the number of people killed", "the number of those who died"."""
    if lemma(noun) in lexicon.toll_nouns or names_the_dead(noun, lexicon):
        return True
    return lemma(noun) in lexicon.report_nouns and any(
        names_the_dead(t, lexicon) for t in noun.subtree if t.i != noun.i
    )


def reached_by_toll(number: Token, lexicon: ExtractionLexicon) -> bool:
    """ "the death toll rose to 61", "death toll from the attack at least 126", "shelling
    raises the toll to 9", "more casualties raise to 9 the number of people killed": the number
    is what a count of the dead amounts to (the noun above it, or the subject or object of the
    verb above it)."""
    for node in number.ancestors:
        if lemma(node) in lexicon.toll_nouns:
            return True
        if node.pos_ in ("VERB", "AUX"):
            return any(counts_the_dead(noun, lexicon) for noun in what_is_raised(node))
    return False


def what_is_raised(verb: Token) -> list[Token]:
    """The subject and object of a verb, with what stands in apposition to them ("more losses
    raise to 12, the number of people killed"); a verb joined to another by "and" with no
    subject of its own shares the other's ("the massacre claims more lives and raises to 41,
    the number of casualties")."""
    nouns = [child for child in verb.children if child.dep_ in ("nsubj", "nsubjpass", "dobj")]
    if verb.dep_ == "conj" and not any(n.dep_ in ("nsubj", "nsubjpass") for n in nouns):
        nouns += [child for child in verb.head.children if child.dep_ in ("nsubj", "nsubjpass")]
    return [member for noun in nouns for member in conjuncts_and_appositions(noun)]


def counts_others(noun: Token | None, previous: Figure, lexicon: ExtractionLexicon) -> bool:
    """ "3 casualties in the bombing on Nawa and 4 others in a landmine explosion": "others"
    joined to the noun the figure before counted counts more of the same. Not "four killed,
    25 others injured", where a word of its own says what became of the others."""
    return (
        noun is not None
        and lemma(noun) in lexicon.other_nouns
        and noun.dep_ == "conj"
        and noun.head.i == previous.anchor.i
    )


def is_toll_part(token: Token, previous: Figure | None, lexicon: ExtractionLexicon) -> bool:
    """ "64 people were killed, including 8 soldiers and 16 civilians": the counted noun (or a
    noun joined to it) is the object of a word that introduces the parts of the toll before it."""
    if previous is None or previous.category not in lexicon.joint_toll_categories:
        return False
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in lexicon.toll_part_words


def read_figure(
    sent: Span,
    run: tuple[int, int],
    lexicon: ExtractionLexicon,
    triggers: list[Trigger],
    previous: Figure | None,
) -> Figure | None:
    start, end = run
    begin = hedge_start(sent, start, lexicon)
    parsed = parse_quantity(sent[begin:end].text, lexicon.numbers)
    if parsed is None:
        return None
    number = sent[end - 1]
    noun = counted_noun(number, lexicon)
    owner = (
        listed_owner(noun, number, triggers)
        or owning_trigger(noun, number, triggers)
        or themeless_owner(noun, number, triggers, lexicon)
    )
    category, kind = figure_category(noun, owner, {t.i for t in sent[begin:end]}, lexicon)
    part = owner is None and previous is not None and is_toll_part(noun or number, previous, lexicon)
    if part and previous is not None:
        category, owner = previous.category, previous.owner
        kind = noun_phrase_text(noun, {t.i for t in sent[begin:end]}, lexicon) if noun is not None else None
    if (category is None or category in lexicon.person_categories) and reached_by_toll(number, lexicon):
        category = lexicon.toll_category
    if category is None and restates_figure(number, lexicon):
        if previous is not None:
            category, kind, owner = previous.category, previous.kind, previous.owner
        else:
            category = restated_category(number, lexicon)
    if category is None and previous is not None and counts_others(noun, previous, lexicon):
        # more of the same category, for whichever event is nearest (not the first figure's own)
        category = previous.category
    if category is None:
        return None
    last = noun.i + 1 if noun is not None and noun.i >= number.i else end + sent.start
    span = sent.doc[sent.start + begin : max(last, sent.start + end)]
    return Figure(
        parsed.value,
        parsed.qualifier,
        category,
        kind,
        span.text,
        span.start_char,
        span.end_char,
        noun or number,
        owner,
        part,
    )


def find_figures(sent: Span, lexicon: ExtractionLexicon, triggers: list[Trigger]) -> list[Figure]:
    figures: list[Figure] = []
    runs = number_runs(sent, lexicon)
    ranges = range_ends(sent, runs, lexicon)
    for index, run in enumerate(runs):
        if is_measure_or_date(sent, run[0], run[1], lexicon):
            continue
        figure = read_figure(sent, run, lexicon, triggers, figures[-1] if figures else None)
        if figure is not None:
            figures.append(replace(figure, qualifier=ranges[index]) if index in ranges else figure)
    owners = {figure.owner.token.i for figure in figures if figure.owner is not None}
    joint = [bound for figure in figures for bound in joint_figures(figure, triggers, owners, lexicon)]
    return with_whole_tolls(joint, lexicon)


def counts_a_war(figure: Figure, lexicon: ExtractionLexicon) -> bool:
    """A death figure no one happening reaches ([tolls] war_scale): the toll of a war."""
    return figure.category == lexicon.toll_category and figure.value >= lexicon.war_scale_toll


def counts_every_kind(figure: Figure, lexicon: ExtractionLexicon) -> bool:
    """A toll of "people", or a bare number ("183 killed"): every kind of dead is in it."""
    anchor = figure.anchor
    return anchor.like_num or lexicon.category_of(lemma(anchor)) in lexicon.whole_toll_categories


def with_whole_tolls(figures: list[Figure], lexicon: ExtractionLexicon) -> list[Figure]:
    """The parts of a toll kept beside a toll that counts every kind, which then stands as the
    whole (no kind: the parts are not summed with it); parts of a toll of one kind ("20 civilians,
    including 5 children") are left out, being no kind of their own beside it."""
    kept: list[Figure] = []
    whole: int | None = None
    for figure in figures:
        if not figure.part:
            whole = len(kept)
            kept.append(figure)
        elif whole is not None and (kept[whole].kind is None or counts_every_kind(kept[whole], lexicon)):
            kept[whole] = replace(kept[whole], kind=None)
            kept.append(figure)
    return kept


def has_own_subject(token: Token) -> bool:
    """ "a woman was killed and 30 others were injured": two joined casualty words, each with
    a subject of its own, count different persons ("warplanes kill and wound 23 civilians"
    share theirs)."""
    return any(child.dep_ in ("nsubj", "nsubjpass") for child in token.children)


def joint_figures(
    figure: Figure, triggers: list[Trigger], owners: set[int], lexicon: ExtractionLexicon
) -> list[Figure]:
    """ "kills and injures 16 persons": the figure of one casualty word joined by "and" to
    another of a different category counts both together, so it is the most each can be
    (killed at most 16, injured at most 16). An "at least" figure bounds neither: left as read.
    A joined word that owns a figure of its own (``owners``: "killing 3 children and injuring
    17 people", "five were killed and seven injured") is counted by that figure, not this one."""
    owner = figure.owner
    joint = lexicon.joint_toll_categories
    if owner is None or owner.rule.figure not in joint or figure.qualifier == "min":
        return [figure]
    joined = {token.i for token in owner.token.conjuncts}
    partners = [
        t
        for t in triggers
        if t.token.i in joined
        and t.token.i not in owners
        and not (has_own_subject(t.token) and has_own_subject(owner.token))
        and t.rule.figure in joint
        and t.rule.figure != owner.rule.figure
    ]
    if not partners:
        return [figure]
    bound = replace(figure, qualifier="max")
    return [bound, *(replace(bound, category=p.rule.figure, owner=p) for p in partners)]


def in_other_clause(
    anchor: Token, trigger: Trigger, triggers: list[Trigger], lexicon: ExtractionLexicon
) -> bool:
    """ "250 were evacuated, and nearly 3,000 civilians remain": a figure under a verb with its
    own subject that reports no event (and attributes nothing) is not the trigger's."""
    above_trigger = {t.i for t in ancestors_with_self(trigger.token)}
    event_words = {t.token.i for t in triggers}
    for node in ancestors_with_self(anchor):
        if node.i in above_trigger:
            return False
        if (
            node.pos_ in ("VERB", "AUX")
            and node.i not in event_words
            and node.lemma_.lower() not in lexicon.attribution_verbs
            and child_with_dep(node, "nsubj", "nsubjpass") is not None
        ):
            return True
    return False


def assign_figures(
    figures: list[Figure], triggers: list[Trigger], lexicon: ExtractionLexicon
) -> dict[int, list[Figure]]:
    """Figures per trigger index: the owning trigger, else the nearest one that accepts the category."""
    assigned: dict[int, list[Figure]] = {}
    for figure in figures:
        candidates = [
            (0 if trigger is figure.owner else 1, tree_distance(figure.anchor, trigger.token), index)
            for index, trigger in enumerate(triggers)
            if figure.category in lexicon.accepted_figures.get(trigger.event_type, frozenset())
            and not in_other_clause(figure.anchor, trigger, triggers, lexicon)
        ]
        if candidates:
            assigned.setdefault(min(candidates)[2], []).append(figure)
    return assigned
