"""The extraction knowledge (kb/extraction/*.toml) as typed, read-only tables, loaded once."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitreport.annotate.kbdata import read_table
from sitreport.annotate.numbers import NumberLexicon, load_number_lexicon
from sitreport.errors import KnowledgeBaseError
from sitreport.records import EVENT_TYPES, QUANTITY_CATEGORIES


@dataclass(frozen=True)
class TriggerRule:
    """One way an event type is reported (see the header of kb/extraction/triggers.toml)."""

    event_type: str
    lemmas: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    pos: frozenset[str]
    theme: frozenset[str]
    theme_role: str
    theme_optional: bool
    theme_not: frozenset[str]
    figure: str | None
    strength: float
    own_happening: bool = False
    generic: bool = False
    recount: bool = False
    # a verb of a standing state ("control"): as a participle describing a noun ("the groups
    # controlling the area") it says who holds something, not that anything changed
    stative: bool = False
    # event types that, told in the same sentence, make the word part of their happening
    unless_with: frozenset[str] = frozenset()


@dataclass(frozen=True, eq=False)
class ExtractionLexicon:
    """Every extraction table; compared and hashed by identity, as it is loaded once."""

    triggers: tuple[TriggerRule, ...]
    # word -> (rule position, rule) for single-word rules; first word -> (position, rule, phrase)
    lemma_index: Mapping[str, tuple[tuple[int, TriggerRule], ...]]
    phrase_index: Mapping[str, tuple[tuple[int, TriggerRule, tuple[str, ...]], ...]]
    # event type -> figure categories it accepts
    accepted_figures: Mapping[str, frozenset[str]]
    # the type of a bare toll report, and the violent types a toll is folded into
    toll_event: str
    toll_bearers: frozenset[str]
    # nouns whose figure counts the dead ("the death toll rose to 61") and that category
    toll_nouns: frozenset[str]
    toll_category: str
    # categories one figure may count together ("kills and injures 16"): it bounds each
    joint_toll_categories: frozenset[str]
    # words that introduce the parts of a toll, and the categories of a toll that counts every kind
    toll_part_words: frozenset[str]
    whole_toll_categories: frozenset[str]
    # a death figure at least this large counts a war, not one happening
    war_scale_toll: int
    # noun lemma -> its classes, in nouns.toml order (quantity categories first)
    noun_classes: Mapping[str, tuple[str, ...]]
    # adjective lemma -> the classes it gives its noun ("humanitarian convoy": aid)
    modifier_classes: Mapping[str, tuple[str, ...]]
    derived_classes: Mapping[str, frozenset[str]]
    # singular noun -> its plural, where it is not the regular one
    plurals: Mapping[str, str]
    # endings taken off a word that may be a plural the tagger did not lemmatise
    plural_endings: tuple[str, ...]
    counting_nouns: frozenset[str]
    # nouns that count more of what the figure before them counted ("4 others")
    other_nouns: frozenset[str]
    cargo_verbs: frozenset[str]
    weapon_modifiers: frozenset[str]
    modal_auxiliaries: frozenset[str]
    negations: frozenset[str]
    nonfactual_governors: frozenset[str]
    evidential_governors: frozenset[str]
    # of those, the ones whose active subject did not happen either ("the evacuation collapsed")
    unrealised_subject_governors: frozenset[str]
    demanding_phrases: frozenset[tuple[str, ...]]
    implicative_governors: frozenset[str]
    conditional_markers: frozenset[str]
    presupposing_prepositions: frozenset[str]
    presupposing_phrases: frozenset[tuple[str, ...]]
    background_prepositions: frozenset[str]
    war_nouns: frozenset[str]
    onset_nouns: frozenset[str]
    earlier_times: frozenset[str]
    period_prepositions: frozenset[str]
    period_units: frozenset[str]
    war_prepositions: frozenset[str]
    light_verbs: frozenset[str]
    attribution_verbs: frozenset[str]
    attribution_markers: tuple[tuple[str, ...], ...]
    back_references: frozenset[str]
    back_reference_determiners: frozenset[str]
    source_kind_nouns: Mapping[str, str]
    report_nouns: frozenset[str]
    origin_prepositions: frozenset[str]
    destination_prepositions: frozenset[str]
    transit_prepositions: frozenset[str]
    reference_prepositions: frozenset[str]
    launch_verbs: frozenset[str]
    reference_nouns: frozenset[str]
    place_list_joiners: frozenset[str]
    place_prepositions: frozenset[str]
    # capitalised words after "in" that are no place: months, weekdays, languages, feasts
    not_places: frozenset[str]
    mediator_words: frozenset[str]
    opponent_prepositions: frozenset[str]
    affected_groups: frozenset[str]
    ordinals: Mapping[str, int]
    teaser_prefixes: tuple[str, ...]
    dates: Mapping[str, Any]
    numbers: NumberLexicon

    def classes_of(self, lemma: str) -> frozenset[str]:
        """Every class of a noun lemma, derived classes ("persons") included."""
        own = set(self.noun_classes.get(lemma.lower(), ()))
        own |= {name for name, members in self.derived_classes.items() if own & members}
        return frozenset(own)

    @property
    def person_categories(self) -> frozenset[str]:
        """The classes that count persons (nouns.toml, derived "persons")."""
        return self.derived_classes.get("persons", frozenset())

    def plural(self, word: str) -> str:
        """The plural of a singular noun: "civilian" -> "civilians", "casualty" -> "casualties",
        "person" -> "people" (``[plurals]`` in nouns.toml)."""
        word = word.lower()
        if word in self.plurals:
            return self.plurals[word]
        if word.endswith("y") and word[-2:-1] not in VOWELS:
            return word[:-1] + "ies"
        return word + ("es" if word.endswith(SIBILANT_ENDINGS) else "s")

    def unsuffixed(self, word: str) -> tuple[str, ...]:
        """``word`` without each plural ending it has: "clashes" -> "clashe", "clash"."""
        return tuple(word.removesuffix(ending) for ending in self.plural_endings if word.endswith(ending))

    def category_of(self, lemma: str) -> str | None:
        """The quantity category a counted noun gives its figure, if any."""
        for name in self.noun_classes.get(lemma.lower(), ()):
            if name in QUANTITY_CATEGORIES:
                return name
        return None


VOWELS = frozenset("aeiou")
SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


def words(values: Iterable[str]) -> frozenset[str]:
    return frozenset(value.lower() for value in values)


def phrase_tuple(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


def trigger_rule(entry: dict[str, Any]) -> TriggerRule:
    event_type = entry.get("type")
    if event_type not in EVENT_TYPES:
        raise KnowledgeBaseError(f"extraction/triggers.toml: unknown event type {event_type!r}")
    if not entry.get("lemmas") and not entry.get("phrases"):
        raise KnowledgeBaseError(f"extraction/triggers.toml: a {event_type} rule has no lemmas or phrases")
    return TriggerRule(
        event_type=event_type,
        lemmas=words(entry.get("lemmas", [])),
        phrases=tuple(phrase_tuple(p) for p in entry.get("phrases", [])),
        pos=frozenset(entry.get("pos", [])),
        theme=words(entry.get("theme", [])),
        theme_role=entry.get("theme_role", "object"),
        theme_optional=bool(entry.get("theme_optional", not entry.get("theme"))),
        theme_not=words(entry.get("theme_not", [])),
        figure=entry.get("figure"),
        strength=float(entry.get("strength", 0.7)),
        own_happening=bool(entry.get("own_happening", False)),
        generic=bool(entry.get("generic", False)),
        recount=bool(entry.get("recount", False)),
        stative=bool(entry.get("stative", False)),
        unless_with=frozenset(entry.get("unless_with", [])),
    )


def trigger_indexes(
    rules: tuple[TriggerRule, ...],
) -> tuple[
    dict[str, tuple[tuple[int, TriggerRule], ...]],
    dict[str, tuple[tuple[int, TriggerRule, tuple[str, ...]], ...]],
]:
    """Rules by the word that starts them, so a sentence is read once, not once per rule."""
    lemmas: dict[str, list[tuple[int, TriggerRule]]] = {}
    phrases: dict[str, list[tuple[int, TriggerRule, tuple[str, ...]]]] = {}
    for position, rule in enumerate(rules):
        for lemma in rule.lemmas:
            lemmas.setdefault(lemma, []).append((position, rule))
        for phrase in rule.phrases:
            phrases.setdefault(phrase[0], []).append((position, rule, phrase))
    return {k: tuple(v) for k, v in lemmas.items()}, {k: tuple(v) for k, v in phrases.items()}


def noun_class_table(classes: dict[str, list[str]]) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for name, nouns in classes.items():
        for noun in nouns:
            table.setdefault(noun.lower(), []).append(name)
    return {noun: tuple(names) for noun, names in table.items()}


@lru_cache(maxsize=8)
def load_extraction_lexicon(extra_dirs: tuple[Path, ...] = ()) -> ExtractionLexicon:
    """All extraction tables: the packaged files extended by each user folder's files."""
    triggers = read_table("triggers.toml", extra_dirs)
    nouns = read_table("nouns.toml", extra_dirs)
    cues = read_table("cues.toml", extra_dirs)
    factuality, attribution, roles = cues["factuality"], cues["attribution"], cues["roles"]
    dates = read_table("dates.toml", extra_dirs)
    rules = tuple(trigger_rule(entry) for entry in triggers.get("trigger", []))
    lemma_index, phrase_index = trigger_indexes(rules)
    return ExtractionLexicon(
        triggers=rules,
        lemma_index=lemma_index,
        phrase_index=phrase_index,
        accepted_figures={k: words(v) for k, v in triggers.get("figures", {}).items()},
        toll_event=triggers["tolls"]["event"],
        toll_bearers=words(triggers["tolls"]["bearers"]),
        toll_nouns=words(triggers["tolls"]["nouns"]),
        toll_category=triggers["tolls"]["category"],
        joint_toll_categories=words(triggers["tolls"].get("joint", [])),
        toll_part_words=words(triggers["tolls"].get("part_words", [])),
        whole_toll_categories=words(triggers["tolls"].get("whole_categories", [])),
        war_scale_toll=int(triggers["tolls"]["war_scale"]),
        noun_classes=noun_class_table(nouns.get("classes", {})),
        modifier_classes=noun_class_table(nouns.get("modifier_classes", {})),
        derived_classes={k: frozenset(v) for k, v in nouns.get("derived", {}).items()},
        plurals={k.lower(): v.lower() for k, v in nouns.get("plurals", {}).items()},
        plural_endings=tuple(nouns.get("plural_endings", {}).get("endings", [])),
        counting_nouns=words(nouns.get("counting", {}).get("nouns", [])),
        other_nouns=words(nouns.get("others", {}).get("nouns", [])),
        cargo_verbs=words(nouns.get("cargo", {}).get("verbs", [])),
        weapon_modifiers=words(nouns.get("weapon_modifiers", {}).get("words", [])),
        modal_auxiliaries=words(factuality["modal_auxiliaries"]),
        negations=words(factuality["negations"]),
        nonfactual_governors=words(factuality["nonfactual_governors"]),
        evidential_governors=words(factuality["evidential_governors"]),
        unrealised_subject_governors=words(factuality["unrealised_subject_governors"]),
        demanding_phrases=frozenset(phrase_tuple(p) for p in factuality["demanding_phrases"]),
        implicative_governors=words(factuality["implicative_governors"]),
        conditional_markers=words(factuality["conditional_markers"]),
        presupposing_prepositions=words(factuality["presupposing_prepositions"]),
        presupposing_phrases=frozenset(phrase_tuple(p) for p in factuality["presupposing_phrases"]),
        background_prepositions=words(factuality["background_prepositions"]),
        war_nouns=words(factuality["war_nouns"]),
        onset_nouns=words(factuality["onset_nouns"]),
        earlier_times=words(factuality["earlier_times"]),
        period_prepositions=words(factuality["period_prepositions"]),
        period_units=words(factuality["period_units"]),
        war_prepositions=words(factuality["war_prepositions"]),
        light_verbs=words(factuality["light_verbs"]),
        attribution_verbs=words(attribution["verbs"]),
        attribution_markers=tuple(
            sorted((phrase_tuple(m) for m in attribution["markers"]), key=len, reverse=True)
        ),
        back_references=words(attribution["back_references"]),
        back_reference_determiners=words(roles["back_reference_determiners"]),
        source_kind_nouns={k.lower(): v for k, v in attribution.get("kind_nouns", {}).items()},
        report_nouns=words(attribution["report_nouns"]),
        origin_prepositions=words(roles["origin_prepositions"]),
        destination_prepositions=words(roles["destination_prepositions"]),
        transit_prepositions=words(roles["transit_prepositions"]),
        reference_prepositions=words(roles["reference_prepositions"]),
        launch_verbs=words(roles.get("launch_verbs", [])),
        reference_nouns=words(roles["reference_nouns"]),
        place_list_joiners=words(roles["place_list_joiners"]),
        place_prepositions=words(roles["place_prepositions"]),
        not_places=words(roles["not_places"]) | words(dates["months"]) | words(dates["weekdays"]),
        mediator_words=words(roles["mediator_words"]),
        opponent_prepositions=words(roles["opponent_prepositions"]),
        affected_groups=frozenset(roles["affected_groups"]),
        ordinals={k.lower(): int(v) for k, v in roles["ordinals"].items()},
        teaser_prefixes=tuple(p.lower() for p in cues["teasers"]["prefixes"]),
        dates=dates,
        numbers=load_number_lexicon(extra_dirs),
    )
