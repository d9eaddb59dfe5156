"""Places named in a text, found straight from the gazetteer and resolved by context.

spaCy's NER calls Quneitra a PERSON and Daraa an ORG, so places are not taken from entity
labels: every run of words is looked up in the gazetteer by name key (exact spellings and
transliteration variants alike), capitalised runs it does not know are tried fuzzily for
misspellings, and the words around a name (``northern``, ``province``, ``village of``) turn it
into an area or mark an unknown name as a place. A name shared by several places is settled
by the governorates and places the article names near it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz, process

from sitreport.kb import KnowledgeBase
from sitreport.kb.gazetteer import ADMIN1_KIND, CITY_KIND, COUNTRY_KIND, PlaceEntry, distance_km
from sitreport.kb.phrases import COMPASS, NOT_PLACE_EFFECTS, PlacePhrase
from sitreport.records import Place
from sitreport.resolve.choose import Context, choose
from sitreport.resolve.named import name_matches
from sitreport.resolve.tokens import NameMatch, Token, find_names, tokenize

# A fuzzy match is tried on at most this many words at once.
FUZZY_MAX_WORDS = 3
# A word that only adds this many letters to a place name is derived from it ('Homsi', 'Syrian').
DERIVED_SUFFIX_MAX = 3
DERIVED_STEM_MIN = 4
# An article written onto a name ('Alghantou') is read off only before this many letters.
GLUED_NAME_MIN = 5
# A possessive whose apostrophe a scraper dropped ('Aleppos') is read off only a name this
# long: a shorter one plus 's' is too often another word ('Hamas' is not Hama's).
POSSESSIVE_NAME_MIN = 5
AREA_PRECISION = 2
# Kinds of rows that are towns and villages: abroad, these need their country named.
SETTLEMENT_KINDS = frozenset({"populated_place", "village", "town"})
REGION_PRECISION = 3
# The kind of the curated rows that are quarters of a city, and how far from every place
# named around it such a quarter is surely not meant.
QUARTER_KIND = "district"
QUARTER_STRAY_KM = 50.0


@dataclass(frozen=True)
class PlaceMention:
    start: int
    end: int
    text: str
    place: Place
    score: float
    reason: str
    # The Arabic names of the gazetteer entry the mention resolved through, if any.
    arabic_names: tuple[str, ...] = ()


@dataclass
class _Found:
    """A name found in the text, before the choice between the places it may be."""

    first: int  # token index of the name's first word
    last: int
    start: int  # character span, words around the name included
    end: int
    candidates: list[int]
    score: float
    reason: str
    key: str = ""  # the name key matched
    spelling: str = ""  # the name's words as written, folded ('sinjar')
    loose: bool = False  # matched by consonant skeleton only
    opens_sentence: bool = False  # one word, the first of its sentence ('Main roads were cut')
    effects: list[str] = field(default_factory=list)
    # The phrase words as written before and after the name ('southern', 'Old City of').
    phrase_before: str = ""
    phrase_after: str = ""


def find_places(text: str, kb: KnowledgeBase) -> list[PlaceMention]:
    """Every place named in ``text``; unknown names after a place cue come back unresolved."""
    return _find(text, kb, Context())


def resolve_place(name: str, kb: KnowledgeBase, context: Sequence[Place] = ()) -> Place:
    """The place ``name`` refers to, or a named miss (``resolved=False``) when none is known."""
    known = [p for p in context if p.resolved and p.lat is not None and p.lon is not None]
    prior = Context(
        admin1_in_article=frozenset(p.admin1 for p in known if p.admin1),
        points=tuple((float(p.lat), float(p.lon)) for p in known),  # type: ignore[arg-type]
        countries_in_article=frozenset(p.country for p in known if p.country),
    )
    mentions = [m for m in _find(name, kb, prior) if m.place.resolved]
    if not mentions:
        return Place(name=name.strip(), mention=name, resolved=False)
    widest = max(mentions, key=lambda m: m.end - m.start)
    return replace(widest.place, mention=name)


def explain_places(text: str, kb: KnowledgeBase) -> list[dict[str, object]]:
    """One row per place mention, with how it was resolved (for ``sitreport kb places``)."""
    return [
        {
            "mention": m.text,
            "name": m.place.name,
            "resolved": m.place.resolved,
            "kind": m.place.kind,
            "precision": m.place.precision,
            "admin1": m.place.admin1,
            "admin2": m.place.admin2,
            "country": m.place.country,
            "lat": m.place.lat,
            "lon": m.place.lon,
            "geonames_id": m.place.geonames_id,
            "score": round(m.score, 2),
            "reason": m.reason,
            "arabic": " | ".join(m.arabic_names) or None,
        }
        for m in find_places(text, kb)
    ]


def _find(text: str, kb: KnowledgeBase, prior: Context) -> list[PlaceMention]:
    tokens = tokenize(text, kb.rules)
    guards = _Guards(text, tokens, kb)
    found = _exact(tokens, kb, guards)
    demonyms = _place_demonyms(tokens, kb, guards.claimed)
    named = _countries_named([f for f in found if not f.loose], demonyms, kb) | prior.countries_in_article
    found = _settle_loose(_without_unnamed_abroad(found, kb, named))
    found += _without_unnamed_abroad(_glued_words(tokens, kb, guards, found), kb, named)
    found += _without_unnamed_abroad(_stripped_possessives(tokens, kb, guards, found), kb, named)
    found += _without_unnamed_abroad(_fuzzy(tokens, kb, guards, found), kb, named)
    for item in found:
        _read_phrases(item, tokens, text, kb.place_phrases)
    _read_locating_governorates(found, text, kb)
    found = _quarters_of_towns(found, tokens, text, kb)
    found = _without_weak_strangers(found, kb, prior.admin1_in_article)
    found = _without_stray_quarters(found, kb)
    misses = _named_misses(tokens, text, kb, found)
    contexts = _article_context(found, demonyms, kb, prior)
    mentions = [
        _mention(item, text, tokens, kb, context) for item, context in zip(found, contexts, strict=True)
    ]
    return sorted(mentions + misses, key=lambda m: m.start)


def _exact(tokens: list[Token], kb: KnowledgeBase, guards: _Guards) -> list[_Found]:
    """Names matched by spelling key, and by consonant skeleton ('loose'): which of the two
    to keep where they overlap is settled once namesakes abroad are out (``_settle_loose``)."""
    skip = kb.rules.articles | kb.rules.place_fillers
    exact_matches = _spelt_as_places(find_names(tokens, kb.places.names, skip), tokens, kb, guards.text)
    loose_matches = _loose_names(tokens, kb, skip, _settled_spans(exact_matches, kb))
    found = []
    for match, loose in [*((m, False) for m in exact_matches), *((m, True) for m in loose_matches)]:
        if guards.allow(match.first, match.last, match.start, match.end):
            content = _content(tokens, match, skip)
            found.append(
                _Found(
                    match.first,
                    match.last,
                    match.start,
                    match.end,
                    [h.entry for h in match.hits],
                    1.0,
                    f"{'loose spelling' if loose else 'known name'} '{match.key}'",
                    key=" ".join(tokens[i].key for i in content),
                    spelling=" ".join(tokens[i].folded for i in content),
                    loose=loose,
                    opens_sentence=match.first == match.last and tokens[match.first].sentence_start,
                )
            )
    return found


def _spelt_as_places(
    matches: list[NameMatch], tokens: list[Token], kb: KnowledgeBase, text: str
) -> list[NameMatch]:
    """A one-word match on an English look-alike ('Nearly', whose key is Narli's) counts only
    for the places spelt exactly as the text writes it, the article included or, when the
    text surely writes one ('al-Dana', 'Al Dana'; not 'at Dana'), left out. A word that names
    a place only with its article anyway (``name_parts``: 'al-Sham' of 'Fateh al-Sham') gains
    nothing from it."""
    kept = []
    for match in matches:
        token = tokens[match.first]
        if match.first == match.last and token.folded in kb.places.english_lookalike_words:
            article = _surely_article(tokens, match, text) and token.folded not in kb.rules.name_parts
            entries = kb.places.entries
            hits = tuple(h for h in match.hits if _spelt_alike(token, entries[h.entry], kb, article))
            match = replace(match, hits=hits)
        if match.hits:
            kept.append(match)
    return kept


def _surely_article(tokens: list[Token], match: NameMatch, text: str) -> bool:
    """An article hyphened to the name or capitalised: 'at', 'an', 'as' alone are English."""
    if not match.has_article:
        return False
    article = tokens[match.first - 1]
    return article.capitalised or text[article.end : tokens[match.first].start] == "-"


def _spelt_alike(token: Token, entry: PlaceEntry, kb: KnowledgeBase, has_article: bool) -> bool:
    if has_article and _written_as(entry, token.folded, kb):
        return True
    return any(kb.rules.fold(name) == token.folded for name in entry.names)


def _settled_spans(exact: list[NameMatch], kb: KnowledgeBase) -> list[tuple[int, int]]:
    """Token spans of exact matches that a home-country place may be: no filter will drop
    them, so no loose match inside one can win (and none need be read)."""
    home = kb.rules.home_countries
    return [
        (m.first, m.last) for m in exact if any(kb.places.entries[h.entry].country in home for h in m.hits)
    ]


def _loose_names(
    tokens: list[Token], kb: KnowledgeBase, skip: frozenset[str], settled: list[tuple[int, int]]
) -> list[NameMatch]:
    """Skeleton matches whose spelling keys are still alike (``loose_min_ratio``): 'Meskin'
    for 'Miskin', never 'Monitor' for 'Mentar'. A one-word one must not open a sentence nor
    be a given name ('Bashar'). Matches inside a ``settled`` span are not read."""
    # Only capitalised words are read loosely: a place's loose spelling is a proper name.
    loose_tokens = [
        token.with_key(kb.rules.loose_word_key(token.text) if token.capitalised else "") for token in tokens
    ]
    kept = []
    for match in find_names(loose_tokens, kb.places.loose_names, skip):
        if any(first <= match.first and match.last <= last for first, last in settled):
            continue
        if match.first == match.last and not _may_be_loose_word(tokens[match.first], kb):
            continue
        key = kb.rules.words_key([tokens[i].text for i in _content(tokens, match, skip)])
        hits = tuple(hit for hit in match.hits if _alike(key, kb.places.entries[hit.entry], kb))
        if hits:
            kept.append(replace(match, hits=hits))
    return kept


def _may_be_loose_word(token: Token, kb: KnowledgeBase) -> bool:
    """A word read loosely as a place must not open a sentence, be a given name ('Bashar'),
    an English look-alike ('Britain'), or a word built on a name ('Israeli'); a bare 's' is
    the possessive a scraper left without its apostrophe ('Aleppos')."""
    return not (
        token.sentence_start
        or token.folded in kb.rules.person_cues
        or token.folded in kb.places.english_lookalike_words
        or any(_derived_from(token.key, cut, kb) for cut in range(1, DERIVED_SUFFIX_MAX + 1))
    )


def _derived_from(key: str, cut: int, kb: KnowledgeBase) -> bool:
    """Whether ``key`` is a whole name (of a few letters at least) plus ``cut`` letters other
    than a bare 's', of a place words are made from: a country, a province, or a town of the
    home country ('Israeli', 'Homsi'). 'Marashdah' is no word made from Turkey's Marash."""
    stem = key[:-cut]
    if len(stem) < DERIVED_STEM_MIN or key[-cut:] == "s":
        return False
    return any(_makes_words(kb.places.entries[hit.entry], kb) for hit in kb.places.names.get(stem))


def _makes_words(entry: PlaceEntry, kb: KnowledgeBase) -> bool:
    return entry.kind in (ADMIN1_KIND, COUNTRY_KIND) or entry.country in kb.rules.home_countries


def _alike(key: str, entry: PlaceEntry, kb: KnowledgeBase) -> bool:
    """Whether ``key`` is close to the key of one of the entry's names."""
    return any(fuzz.ratio(key, name) >= kb.rules.loose_min_ratio for name in kb.places.name_keys(entry))


def _settle_loose(found: list[_Found]) -> list[_Found]:
    """A loose match counts where it reads more words than the exact matches inside it
    ('Ma'ra al-Nu'man' as one name, not 'Ma'ra' alone) or where no exact match is."""
    exact = [item for item in found if not item.loose]
    loose = [item for item in found if item.loose and not any(_covers(other, item) for other in exact)]
    exact = [item for item in exact if not any(_covers(wider, item) for wider in loose)]
    return sorted(exact + loose, key=lambda item: item.start)


def _content(tokens: list[Token], match: NameMatch, skip: frozenset[str]) -> list[int]:
    """The match's words without the articles and fillers read past."""
    return [i for i in range(match.first, match.last + 1) if tokens[i].folded not in skip]


def _place_demonyms(
    tokens: list[Token], kb: KnowledgeBase, actor_spans: list[tuple[int, int]]
) -> list[tuple[int, str]]:
    """(offset, country) of the demonyms that tell where: 'the Turkish border town'. One inside
    an actor's name ('Turkish forces', 'Turkish army') is the actor's nationality, and a
    country's troops act abroad: read as naming Turkey, it let Turkey's namesakes of Syrian
    towns in ('Ras al-Ayn' as Ceylanpinar)."""
    return [
        (t.start, kb.demonyms[t.folded])
        for t in tokens
        if t.folded in kb.demonyms and not any(s <= t.start and t.end <= e for s, e in actor_spans)
    ]


def _countries_named(
    found: list[_Found], demonyms: list[tuple[int, str]], kb: KnowledgeBase
) -> frozenset[str]:
    """Countries the text names: by a demonym, a country, a province, a big city, or a town
    abroad that only one country has and that is named by its own name ('Arsal')."""
    named = {country for _, country in demonyms}
    for item in found:
        entries = [kb.places.entries[i] for i in item.candidates]
        countries = {e.country for e in entries}
        if len(countries) != 1 or countries <= kb.rules.home_countries:
            continue  # the home country needs no naming
        if any(_names_its_country(e, item.key, kb) for e in entries) or not _weak(item, entries, kb):
            named.add(entries[0].country)
    return frozenset(named)


def _names_its_country(entry: PlaceEntry, key: str, kb: KnowledgeBase) -> bool:
    """A country by any of its names; a province, or a big city, by its own name ('Hatay',
    'Erbil'; not 'Awsat' of Israel's Central District)."""
    if entry.kind == COUNTRY_KIND:
        return True
    big = entry.kind == ADMIN1_KIND or entry.population >= kb.rules.foreign_city_min_population
    return big and _own_name(entry, key, kb)


def _own_name(entry: PlaceEntry, key: str, kb: KnowledgeBase) -> bool:
    return kb.rules.name_key(entry.name, kb.rules.place_fillers) == key


def _weak(item: _Found, entries: list[PlaceEntry], kb: KnowledgeBase) -> bool:
    """Matched only loosely, fuzzily, by a stray alternate name ('Salem' of Jerusalem), by a
    spelling none of the places is written with ('Kane' for Qana), or by one capitalised word
    opening a sentence, which may be any word ('Main roads were cut': not Jordan's Ma'in)."""
    return (
        item.opens_sentence
        or item.loose
        or item.score < 1.0
        or not any(_own_name(e, item.key, kb) for e in entries)
        or not any(_written_as(e, item.spelling, kb) for e in entries)
    )


def _written_as(entry: PlaceEntry, spelling: str, kb: KnowledgeBase) -> bool:
    fillers = kb.rules.place_fillers
    return any(
        " ".join(kb.rules.fold(word) for word in kb.rules.content_words(name, fillers)) == spelling
        for name in entry.names
    )


def _without_unnamed_abroad(found: list[_Found], kb: KnowledgeBase, named: frozenset[str]) -> list[_Found]:
    """A town abroad whose country the text does not name is a candidate only when it is a
    big city named by its own name, or when no home-country place shares the name and the
    match is not weak: 'Get' is not Kiryat Gat, 'al-Hamadaniyeh' not Iraq's Hamdaniya, in an
    article about Syria, while 'Arsal' is still Lebanon's. Names left with none are dropped."""
    kept = []
    home = kb.rules.home_countries
    for item in found:
        entries = {i: kb.places.entries[i] for i in dict.fromkeys(item.candidates)}
        if all(e.country in home for e in entries.values()):
            kept.append(item)
            continue
        has_home = any(e.country in home for e in entries.values())
        needs_naming = has_home or _weak(item, list(entries.values()), kb)
        item.candidates = [
            i for i, entry in entries.items() if _may_be_meant(entry, item.key, kb, named, needs_naming)
        ]
        if item.candidates:
            kept.append(item)
    return kept


def _may_be_meant(
    entry: PlaceEntry, key: str, kb: KnowledgeBase, named: frozenset[str], needs_naming: bool
) -> bool:
    if entry.country in kb.rules.home_countries or entry.country in named:
        return True
    if entry.kind not in SETTLEMENT_KINDS | {ADMIN1_KIND} or _names_its_country(entry, key, kb):
        return True
    return not needs_naming


def _read_locating_governorates(found: list[_Found], text: str, kb: KnowledgeBase) -> None:
    """'near Kafr Zita in Hama', 'Maasaran, Idlib', 'Atareb town in Aleppo': a governorate's
    name right after a place of that governorate, joined by a locating word (``locating_words``),
    says where the place lies: it names the governorate, not its capital."""
    ordered = sorted(found, key=lambda item: item.start)
    for before, item in pairwise(ordered):
        if "admin1" in item.effects or not _locating_gap(text[before.end : item.start], kb):
            continue
        entries = kb.places.entries
        governorates = {entries[i].admin1 for i in item.candidates if entries[i].kind == ADMIN1_KIND}
        inside = {entries[i].admin1 for i in before.candidates if entries[i].kind in SETTLEMENT_KINDS}
        if governorates & inside:
            item.effects.append("admin1")


def _locating_gap(gap: str, kb: KnowledgeBase) -> bool:
    """Whether the words between two names are a locating word, after what the first one is."""
    words = re.findall(r"\w+|,", gap.casefold())
    while words and words[0] in kb.rules.place_kind_words:
        words = words[1:]
    return len(words) == 1 and words[0] in kb.rules.locating_words


def _without_weak_strangers(
    found: list[_Found], kb: KnowledgeBase, article_admin1: frozenset[str]
) -> list[_Found]:
    """A weak match none of whose places lies in a governorate named nearby is another name
    that happens to look alike. A loose match is tested only where a governorate is named as
    an area ('the village of Umm Batnah' in a report on southern Idlib is not Quneitra's Umm
    Batinah), and then a town nearby counts too: 'Jabal al-Turkman ... north of Latakia' stays
    Latakia's mountain beside a 'Rif Dimashq' named in the same line. A fuzzy one, weaker
    still, yields to any governorate a place nearby surely lies in ('Tal Mardikh' beside Deir
    ez-Zor is not Aleppo's Tall Madiq), or, for a name resolved alone (``resolve_place``), to
    the governorates of the article's places. Such names stay named misses."""
    window = kb.rules.context_window
    strong = [item for item in found if not (item.loose or item.score < 1.0)]
    areas = _Nearby([(i.start, _admin1_of(i, kb)) for i in strong if _names_an_area(i, kb)], window)
    places = _Nearby([(i.start, _admin1_of(i, kb)) for i in strong], window)
    kept = []
    for item in found:
        around = frozenset()
        if item.loose:
            around = areas.around(item.start)
            if around:
                around |= places.around(item.start)
        elif item.score < 1.0:
            around = places.around(item.start) or article_admin1
        if around and not any(kb.places.entries[i].admin1 in around for i in item.candidates):
            continue
        kept.append(item)
    return kept


def _without_stray_quarters(found: list[_Found], kb: KnowledgeBase) -> list[_Found]:
    """A city quarter called by one word ('Shaar' of Aleppo) is meant only near the places
    named around it: where they all lie over QUARTER_STRAY_KM away ('Shaer in Homs province',
    the gas field), the word is another place that shares the quarter's name, and the quarter
    is no candidate. A longer name ('Old City of Homs', 'Daraa al-Balad') is the quarter's own.
    A name left with no candidate is dropped rather than put in the wrong city."""
    window, entries = kb.rules.context_window, kb.places.entries
    settled = [(item.start, entries[i]) for item in found if _settled(item, kb) for i in item.candidates]
    kept = []
    for item in found:
        if item.first == item.last and any(entries[i].kind == QUARTER_KIND for i in item.candidates):
            around = [e for start, e in settled if start != item.start and abs(start - item.start) <= window]
            item.candidates = [i for i in item.candidates if not _stray(entries[i], around)]
        if item.candidates:
            kept.append(item)
    return kept


def _quarters_of_towns(
    found: list[_Found], tokens: list[Token], text: str, kb: KnowledgeBase
) -> list[_Found]:
    """'the Shahba neighbourhood of Aleppo' (phrase effect ``quarter``): the quarter is near the
    town named right after it, so its namesakes over QUARTER_STRAY_KM from that town are not
    meant (Shahba of As-Suwayda). With none near, the gazetteer lacks the quarter: the two names
    become one mention, a district of the town at the town's point."""
    entries = kb.places.entries
    merged: list[_Found] = []
    towns: set[int] = set()
    for item in found:
        town = _town_after(item, found, tokens) if "quarter" in item.effects else None
        if "quarter" in item.effects:
            item.end = tokens[item.last + 1].end  # 'Sukkari neighbourhood', not '... of'
        if town is None:
            merged.append(item)
            continue
        around = [entries[i] for i in town.candidates]
        near = [i for i in item.candidates if not _far_from_all(entries[i], around)]
        if near:
            item.candidates = near
            merged.append(item)
        else:
            towns.add(id(town))
            quarter = text[item.start : town.start].strip()
            effects = [*town.effects, "district"]
            merged.append(
                replace(town, start=item.start, first=item.first, effects=effects, phrase_before=quarter)
            )
    return [item for item in merged if id(item) not in towns]


def _town_after(item: _Found, found: list[_Found], tokens: list[Token]) -> _Found | None:
    """The name written right after ``item``'s words, in the same run of words, with the words
    before it that it was read with ('eastern Aleppo')."""
    following = next((i for i in range(item.last + 1, len(tokens)) if tokens[i].start >= item.end), None)
    if following is None or not _touches(tokens, following - 1, following):
        return None
    return next((other for other in found if other.start == tokens[following].start), None)


def _far_from_all(entry: PlaceEntry, around: list[PlaceEntry]) -> bool:
    return all(distance_km(entry.lat, entry.lon, other.lat, other.lon) > QUARTER_STRAY_KM for other in around)


def _settled(item: _Found, kb: KnowledgeBase) -> bool:
    """A strong match whose candidates share one governorate ('Homs': the city or its
    province): roughly where it is is not in doubt."""
    return _admin1_of(item, kb) is not None and not (item.loose or item.score < 1.0)


def _stray(entry: PlaceEntry, around: list[PlaceEntry]) -> bool:
    return entry.kind == QUARTER_KIND and bool(around) and _far_from_all(entry, around)


def _names_an_area(item: _Found, kb: KnowledgeBase) -> bool:
    """A governorate named as such, or as a part or the countryside of it."""
    if {"admin1", "countryside"} & set(item.effects) or any(e in COMPASS for e in item.effects):
        return True
    return all(kb.places.entries[i].kind == ADMIN1_KIND for i in item.candidates)


def _covers(wider: _Found, narrower: _Found) -> bool:
    return wider.first <= narrower.first and narrower.last <= wider.last


def _glued_words(
    tokens: list[Token], kb: KnowledgeBase, guards: _Guards, found: list[_Found]
) -> list[_Found]:
    """A capitalised word nothing matched that is two words written as one: an article on a
    known one-word name ('Alghantou', 'Albukamal': ``glued_articles``, never 'ar' or 'as',
    which open 'Arabian' and 'Asayish'), or a word that opens Arabic place names on the rest
    of a known two-word name ('Kafrsajna', 'Kafarbetna': ``name_prefixes``, the rest matched
    by spelling key or consonant skeleton). GLUED_NAME_MIN letters at least after the cut."""
    covered = {i for item in found for i in range(item.first, item.last + 1)}
    results = []
    for index, token in enumerate(tokens):
        if index in covered or not token.capitalised or token.text.isupper():
            continue
        hit = _glued_article(token, kb) or _glued_prefix(token, kb)
        if hit and guards.allow(index, index, token.start, token.end):
            hits, key, reason = hit
            results.append(_Found(index, index, token.start, token.end, hits, 1.0, reason, key=key))
    return results


def _glued_article(token: Token, kb: KnowledgeBase) -> tuple[list[int], str, str] | None:
    for article in kb.rules.glued_articles:
        rest = token.text[len(article) :]
        if not token.folded.startswith(article) or len(rest) < GLUED_NAME_MIN:
            continue
        key = kb.rules.word_key(rest)
        hits = [h.entry for h in kb.places.names.get(key) if not h.needs_article]
        if hits:
            return hits, key, f"known name '{key}' with its article written on"
    return None


@lru_cache(maxsize=8)
def _longest_first(prefixes: frozenset[str]) -> tuple[str, ...]:
    """Longest first, in a fixed order: "Tallbisa" opens with "tall" as well as "tal", and a
    set's order changes from run to run. Sorted once, not for every capitalised word."""
    return tuple(sorted(prefixes, key=lambda p: (-len(p), p)))


def _glued_prefix(token: Token, kb: KnowledgeBase) -> tuple[list[int], str, str] | None:
    for prefix in _longest_first(kb.rules.name_prefixes):
        if not token.folded.startswith(prefix) or len(token.text) - len(prefix) < GLUED_NAME_MIN:
            continue
        words = [token.text[: len(prefix)], token.text[len(prefix) :]]
        key = kb.rules.words_key(words)
        hits = [h.entry for h in kb.places.names.get(key)]
        if not hits:
            loose = kb.places.loose_names.get(kb.rules.words_loose_key(words))
            hits = [h.entry for h in loose if _alike(key, kb.places.entries[h.entry], kb)]
        if hits:
            return hits, key, f"known name '{key}' written as one word"
    return None


def _stripped_possessives(
    tokens: list[Token], kb: KnowledgeBase, guards: _Guards, found: list[_Found]
) -> list[_Found]:
    """'Aleppos eastern districts', 'Syrias army': a capitalised word nothing matched that is a
    one-word name spelt as a place writes it (POSSESSIVE_NAME_MIN letters at least; not
    'Allies' for Aley) plus the 's' of a possessive whose apostrophe the page lost."""
    covered = {i for item in found for i in range(item.first, item.last + 1)}
    results = []
    for index, token in enumerate(tokens):
        stem = token.text[:-1]
        if index in covered or not token.capitalised or token.text.isupper():
            continue
        if not token.folded.endswith("s") or len(stem) < POSSESSIVE_NAME_MIN:
            continue
        key, spelling = kb.rules.word_key(stem), kb.rules.fold(stem)
        entries = kb.places.entries
        hits = [
            h.entry
            for h in kb.places.names.get(key)
            if not h.needs_article and _written_as(entries[h.entry], spelling, kb)
        ]
        if hits and guards.allow(index, index, token.start, token.end):
            reason = f"known name '{key}' with a possessive 's' whose apostrophe was lost"
            results.append(_Found(index, index, token.start, token.end, hits, 1.0, reason, key=key))
    return results


def _fuzzy(tokens: list[Token], kb: KnowledgeBase, guards: _Guards, found: list[_Found]) -> list[_Found]:
    """Misspellings: capitalised words nothing matched, close enough to one known name."""
    covered = {i for item in found for i in range(item.first, item.last + 1)}
    results = []
    for chain in _capitalised_chains(tokens, kb, covered):
        position = 0
        while position < len(chain):
            hit = _fuzzy_at(tokens, chain, position, kb, guards)
            if hit is None:
                position += 1
                continue
            results.append(hit)
            position += hit.last - chain[position] + 1
    return results


def _fuzzy_at(
    tokens: list[Token], chain: list[int], position: int, kb: KnowledgeBase, guards: _Guards
) -> _Found | None:
    for size in range(min(FUZZY_MAX_WORDS, len(chain) - position), 0, -1):
        words = chain[position : position + size]
        first, last = words[0], words[-1]
        if size == 1 and (tokens[first].sentence_start or tokens[first].folded in kb.rules.person_cues):
            continue  # 'Meanwhile' opening a sentence is a word, 'Maher' a man: no misspelt place
        query = " ".join(tokens[i].key for i in words)
        if len(query) < kb.rules.fuzzy_min_length:
            continue
        if query in kb.places.english_lookalikes or _built_on_a_name(query, kb):
            continue
        choices = kb.places.fuzzy_choices(query)
        best = process.extractOne(query, choices, scorer=fuzz.ratio, score_cutoff=kb.rules.fuzzy_min_score)
        if best is None or _derived(query, best[0]):
            continue
        if not guards.allow(first, last, tokens[first].start, tokens[last].end):
            continue
        entries = [hit.entry for hit in kb.places.names.get(best[0])]
        reason = f"spelling close to '{best[0]}' ({best[1]:.0f}%)"
        return _Found(first, last, tokens[first].start, tokens[last].end, entries, best[1] / 100, reason)
    return None


def _derived(query: str, key: str) -> bool:
    """'homsi' from 'hums', 'syrian' from 'syria': a word built on the name, not the name."""
    longer, shorter = (query, key) if len(query) > len(key) else (key, query)
    return longer.startswith(shorter) and len(longer) - len(shorter) <= DERIVED_SUFFIX_MAX


def _built_on_a_name(query: str, kb: KnowledgeBase) -> bool:
    """'Syrian', 'Iraqi', 'Homsi': a known name plus a short ending is an adjective or a
    family name made from the place, not a misspelling of another place."""
    return any(query[:-cut] in kb.places.names.prefixes for cut in range(1, DERIVED_SUFFIX_MAX + 1))


def _capitalised_chains(tokens: list[Token], kb: KnowledgeBase, covered: set[int]) -> list[list[int]]:
    """Runs of joined capitalised words (articles read past) that no name has claimed."""
    chains: list[list[int]] = []
    skip = kb.rules.articles | kb.rules.place_fillers
    for index, token in enumerate(tokens):
        if token.folded in skip:
            continue
        usable = token.capitalised and not token.text.isupper() and index not in covered
        if not usable:
            chains.append([])
            continue
        if chains and chains[-1] and token.joined:
            chains[-1].append(index)
        else:
            chains.append([index])
    return [chain for chain in chains if chain]


class _Guards:
    """Reasons a matched name is not a place here."""

    def __init__(self, text: str, tokens: list[Token], kb: KnowledgeBase) -> None:
        self.text = text
        self.tokens = tokens
        self.kb = kb
        # Actors and sources whose names contain a place name ('Ahrar al-Sham').
        named = [*name_matches(text, kb.actor_names, kb), *name_matches(text, kb.source_names, kb)]
        self.claimed = [(m.start, m.end) for m in named]
        # 'SANA', 'IS': an acronym of an actor or source is never a place, even one spelt alike.
        self.acronyms = {(m.start, m.end) for m in named if any(hit.exact for hit in m.hits)}
        self.lowercase_words = {t.folded for t in tokens if t.text.islower()}
        # 'Old City' alone: a district phrase names a quarter of whichever town it is written
        # with, so on its own it is no place (GeoNames files Jerusalem's under that name).
        self.district_words = {
            p.words for p in kb.place_phrases if p.effect == "district" and p.position == "after"
        }
        self.not_place_phrases = [p for p in kb.place_phrases if p.effect in NOT_PLACE_EFFECTS]

    def allow(self, first: int, last: int, start: int, end: int) -> bool:
        return not (
            self._inside_other_name(start, end)
            or self._in_person_name(first)
            or self._opens_person_name(first, last)
            or self._after_name_prefix(first)
            or self._common_word(first, last)
            or self._names_a_patron_or_outlet(first, last)
            or tuple(t.folded for t in self.tokens[first : last + 1]) in self.district_words
        )

    def _inside_other_name(self, start: int, end: int) -> bool:
        if (start, end) in self.acronyms:
            return True
        return any(s <= start and end <= e and (e - s) > (end - start) for s, e in self.claimed)

    def _in_person_name(self, first: int) -> bool:
        """'Abu Al-Majd Al-Homsi', 'President Bashar al-Assad', 'Dr. Darwish': a name after a
        person cue (an abbreviated title's full stop included), or after a role noun written in
        lower case ('official Angela Kane'; in a title-case headline 'Activist' may open anything)."""
        if first > 0 and self._abbreviated_title(first - 1, first):
            return True
        index = first - 1
        while index >= 0 and self.tokens[index + 1].joined:
            token = self.tokens[index]
            if token.folded in self.kb.rules.person_cues or (
                token.text.islower() and token.folded in self.kb.rules.person_roles
            ):
                return True
            if not (token.capitalised or token.is_article):
                return False
            index -= 1
        return False

    def _after_name_prefix(self, first: int) -> bool:
        """'Tal Mardikh' is not Mardikh, nor 'Kafr Nabl' Nabl: a known name right after a word
        that opens Arabic place names (``name_prefixes``) is part of another, longer name."""
        index = first - 1
        while index >= 0 and self.tokens[index].is_article and self.tokens[index + 1].joined:
            index -= 1
        if index < 0 or not self.tokens[index + 1].joined:
            return False
        token = self.tokens[index]
        return token.capitalised and token.folded in self.kb.rules.name_prefixes

    def _abbreviated_title(self, title: int, name: int) -> bool:
        gap = self.text[self.tokens[title].end : self.tokens[name].start]
        return self.tokens[title].folded in self.kb.rules.person_cues and gap.strip() == "."

    def _opens_person_name(self, first: int, last: int) -> bool:
        """'Omar Abdullah said': a given name (a person cue) followed by a capitalised word."""
        after = last + 1
        return (
            first == last
            and self.tokens[first].folded in self.kb.rules.person_cues
            and after < len(self.tokens)
            and self.tokens[after].joined
            and self.tokens[after].capitalised
        )

    def _names_a_patron_or_outlet(self, first: int, last: int) -> bool:
        """'pro-Turkey factions', 'Ankara-loyal', 'backed by Iran': the name says whom an armed
        group answers to, not where it is; counted as a place, it also named that country, which
        let its namesakes abroad in ('Ras al-Ayn' read as Turkey's Ceylanpinar). 'Al Mayadeen TV'
        names who reports, not the town of Deir ez-Zor."""
        tokens = self.tokens
        return any(
            _spells(tokens, first - len(p.words), p.words) and _touches(tokens, first - 1, first)
            if p.position == "before"
            else _spells(tokens, last + 1, p.words) and _touches(tokens, last, last + 1)
            for p in self.not_place_phrases
        )

    def _common_word(self, first: int, last: int) -> bool:
        """A one-word name opening a sentence that the text also uses as an ordinary word."""
        token = self.tokens[first]
        return first == last and token.sentence_start and token.folded in self.lowercase_words


def _read_phrases(item: _Found, tokens: list[Token], text: str, phrases: list[PlacePhrase]) -> None:
    """Widen the mention over the words around it that change what it names: at most one
    phrase on each side, the longest that fits ('south-western', not 'western')."""
    name_start = _index_of_start(tokens, item)
    word_before = tokens[name_start - 1].folded if name_start > 0 else ""
    word_after = tokens[item.last + 1].folded if item.last + 1 < len(tokens) else ""
    before = next(
        (
            p
            for p in phrases
            if p.position == "before"
            and p.effect != "cue"
            and p.words[-1] == word_before
            and _spells(tokens, name_start - len(p.words), p.words)
            and _touches(tokens, name_start - 1, name_start)
        ),
        None,
    )
    after = next(
        (
            p
            for p in phrases
            if p.position == "after"
            and p.words[0] == word_after
            and _spells(tokens, item.last + 1, p.words)
            and _touches(tokens, item.last, item.last + 1)
        ),
        None,
    )
    if before and before.effect == "city":
        _add_effect(item, before)  # 'the cities of': says what the names are, and is no part of either
    elif before:
        item.start = tokens[name_start - len(before.words)].start
        _add_effect(item, before)
        item.phrase_before = text[item.start : tokens[name_start - 1].end]
    if after:
        item.end = tokens[item.last + len(after.words)].end
        _add_effect(item, after)
        item.phrase_after = text[tokens[item.last + 1].start : item.end]


def _add_effect(item: _Found, phrase: PlacePhrase) -> None:
    if phrase.effect not in item.effects:
        item.effects.append(phrase.effect)


def _index_of_start(tokens: list[Token], item: _Found) -> int:
    index = item.first
    while index > 0 and tokens[index].start > item.start:
        index -= 1
    return index


def _spells(tokens: list[Token], begin: int, words: tuple[str, ...]) -> bool:
    """Whether the tokens from ``begin`` are ``words``, written as one phrase."""
    end = begin + len(words)
    if begin < 0 or end > len(tokens):
        return False
    if any(tokens[begin + k].folded != word for k, word in enumerate(words)):
        return False
    return all(tokens[i].joined for i in range(begin + 1, end))


def _touches(tokens: list[Token], left: int, right: int) -> bool:
    """Whether token ``right`` follows token ``left`` inside one run of words."""
    return 0 <= left < right < len(tokens) and all(tokens[i].joined for i in range(left + 1, right + 1))


def _article_context(
    found: list[_Found], demonyms: list[tuple[int, str]], kb: KnowledgeBase, prior: Context
) -> list[Context]:
    """For each name: the governorates and countries named near it, the governorates named
    anywhere in the article, and the points of the places named without ambiguity. A name's
    own contribution never decides its own choice: an ambiguous name adds no point, and only
    a governorate or country all its candidates share."""
    settled = [(item.start, _admin1_of(item, kb)) for item in found]
    countries = [(item.start, _country_of(item, kb)) for item in found]
    countries += demonyms
    everywhere = prior.admin1_in_article | {a for _, a in settled if a}
    points = tuple(dict.fromkeys(prior.points + tuple(p for item in found if (p := _point_of(item, kb)))))
    window = kb.rules.context_window

    admin1_near, countries_near = _Nearby(settled, window), _Nearby(countries, window)
    return [
        Context(
            admin1_nearby=admin1_near.around(item.start),
            countries_nearby=countries_near.around(item.start),
            admin1_in_article=everywhere,
            points=points,
        )
        for item in found
    ]


class _Nearby:
    """Values named at character offsets, looked up by window: sorted once and bisected, so
    a dense article does not compare every name with every other."""

    def __init__(self, named: list[tuple[int, str | None]], window: int) -> None:
        self.named = sorted((start, value) for start, value in named if value)
        self.starts = [start for start, _ in self.named]
        self.window = window

    def around(self, start: int) -> frozenset[str]:
        """Values within the window of ``start``, except those named at ``start`` itself."""
        low = bisect_left(self.starts, start - self.window)
        high = bisect_right(self.starts, start + self.window)
        return frozenset(value for at, value in self.named[low:high] if at != start)


def _point_of(item: _Found, kb: KnowledgeBase) -> tuple[float, float] | None:
    """Where a name surely is: the point of its only candidate, if that is a town or site
    (a country's or governorate's point says little about which namesake is meant)."""
    if len(set(item.candidates)) != 1:
        return None
    entry = kb.places.entries[item.candidates[0]]
    return (entry.lat, entry.lon) if entry.precision <= AREA_PRECISION else None


def _admin1_of(item: _Found, kb: KnowledgeBase) -> str | None:
    """The governorate a name surely lies in: the one all its candidates share, if any."""
    admin1s = {kb.places.entries[i].admin1 for i in item.candidates}
    return admin1s.pop() if len(admin1s) == 1 else None


def _country_of(item: _Found, kb: KnowledgeBase) -> str | None:
    """The country a name surely lies in: the one all its candidates share, if any."""
    countries = {kb.places.entries[i].country for i in item.candidates}
    return countries.pop() if len(countries) == 1 else None


def _mention(
    item: _Found, text: str, tokens: list[Token], kb: KnowledgeBase, context: Context
) -> PlaceMention:
    want_admin1 = bool({"admin1", "countryside"} & set(item.effects))
    # Read only between namesakes: most names have one candidate, and spellings cost a fold each.
    spelt: frozenset[int] = frozenset()
    kind = None
    if len(set(item.candidates)) > 1:
        spelt = frozenset(i for i in item.candidates if _written_as(kb.places.entries[i], item.spelling, kb))
        kind = _kind_written(item, tokens, kb)
    entry, why = choose(item.candidates, kb, context, want_admin1, spelt, kind)
    place = _place(entry, item, kb)
    place.mention = text[item.start : item.end]
    reason = "; ".join(part for part in (item.reason, why, _effect_reason(item)) if part)
    return PlaceMention(item.start, item.end, place.mention, place, item.score, reason, entry.arabic_names)


def _kind_written(item: _Found, tokens: list[Token], kb: KnowledgeBase) -> str | None:
    """The kind of place the word right after the name says it is ('field': a site)."""
    after = item.last + 1
    if not _touches(tokens, item.last, after):
        return None
    return next((kind for word, kind in kb.rules.site_words if tokens[after].folded == word), None)


def _effect_reason(item: _Found) -> str:
    return f"read as {', '.join(item.effects)}" if item.effects else ""


def _place(entry: PlaceEntry, item: _Found, kb: KnowledgeBase) -> Place:
    if "admin1" in item.effects and entry.precision == 1:
        entry = kb.places.admin1_of(entry) or entry
    if "countryside" in item.effects and entry.precision == 1:
        entry = _governorate_named_alike(entry, kb)
    compass = next((effect for effect in item.effects if effect in COMPASS), None)
    if compass:
        return _compass_part(_governorate_named_alike(entry, kb), compass, item.phrase_before, kb)
    if "district" in item.effects:
        return _district(entry, item)
    place = _entry_place(entry)
    if "city" in item.effects and entry.kind not in (ADMIN1_KIND, COUNTRY_KIND):
        place.kind = CITY_KIND
    countryside = "countryside" in item.effects and entry.kind not in (ADMIN1_KIND, COUNTRY_KIND)
    if "area" in item.effects or countryside:
        place.precision = max(place.precision or 1, AREA_PRECISION)
        place.kind = "area"
    return place


def _entry_place(entry: PlaceEntry) -> Place:
    return Place(
        name=entry.name,
        admin1=entry.admin1,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        geonames_id=entry.geonames_id,
        kind=entry.kind,
        precision=entry.precision,
        admin2=entry.admin2,
        admin3=entry.admin3,
    )


def _governorate_named_alike(entry: PlaceEntry, kb: KnowledgeBase) -> PlaceEntry:
    """'southern Idlib', 'northern Hama': a compass part of a town that gives its name to its
    governorate means the governorate's part, unless the city is big enough to have parts of
    its own ('southern Damascus', 'west Mosul')."""
    if entry.kind in (ADMIN1_KIND, COUNTRY_KIND) or entry.population >= kb.rules.compass_city_min_population:
        return entry
    governorate = kb.places.admin1_of(entry)
    same_name = governorate and kb.rules.name_key(governorate.name) == kb.rules.name_key(entry.name)
    return governorate if governorate and same_name else entry


def _district(entry: PlaceEntry, item: _Found) -> Place:
    """'the Old City of Mosul', "Mosul's Old City": a district of the named town, at its point.
    The district's name is a proper name, title-cased whatever the text did ('old city of')."""
    before, after = _title(item.phrase_before), _title(item.phrase_after)
    name = f"{before} {entry.name}" if before else f"{entry.name} {after}"
    precision = max(entry.precision, AREA_PRECISION)
    return Place(name, entry.admin1, entry.country, entry.lat, entry.lon, None, "district", precision)


def _title(phrase: str) -> str:
    """Title case: short joining words ('of') stay lower-case."""
    return " ".join(word.capitalize() if len(word) > 2 else word for word in phrase.split())


def _compass_part(entry: PlaceEntry, compass: str, phrase: str, kb: KnowledgeBase) -> Place:
    """'northern Syria': the matching part of the box the country's known places span;
    'southern Damascus': the area around the town's point."""
    name = f"{phrase} {entry.name}"
    if entry.kind not in (ADMIN1_KIND, COUNTRY_KIND):
        precision = max(entry.precision, AREA_PRECISION)
        return Place(name, entry.admin1, entry.country, entry.lat, entry.lon, None, "area", precision)
    admin1 = entry.admin1 if entry.kind == ADMIN1_KIND else None
    box = kb.places.extents.get((entry.country, admin1))
    lat, lon = entry.lat, entry.lon
    if box:
        north_share, east_share = COMPASS[compass]
        lat = (box.south + box.north) / 2 + north_share * (box.north - box.south)
        lon = (box.west + box.east) / 2 + east_share * (box.east - box.west)
    return Place(name, admin1, entry.country, round(lat, 4), round(lon, 4), None, "region", REGION_PRECISION)


def _named_misses(
    tokens: list[Token], text: str, kb: KnowledgeBase, found: list[_Found]
) -> list[PlaceMention]:
    """'the village of Foo' with Foo unknown: a place by the words around it, kept unresolved.

    A known name found inside, but not at the start of, the words after the cue ('Qassab' in
    'the village of Bir Qassab al-Sharqi') is not the place meant, and is dropped from ``found``.
    """
    cues = [p for p in kb.place_phrases if p.effect == "cue"]
    first_words = {c.words[0] for c in cues}
    misses = []
    for index in range(len(tokens)):
        if tokens[index].folded not in first_words:
            continue
        cue = next((c for c in cues if _spells(tokens, index, c.words)), None)
        after = index + len(cue.words) if cue else 0
        if cue is None or not _touches(tokens, after - 1, after):
            continue
        chain = _name_after(tokens, after)
        if not chain:
            continue
        start, end = tokens[chain[0]].start, tokens[chain[-1]].end
        if any(item.start <= start < item.end for item in found):
            continue  # a known name opens the words after the cue: that is the place meant
        found[:] = [item for item in found if item.end <= start or item.start >= end]
        name = text[start:end]
        place = Place(name=name, mention=name, resolved=False)
        misses.append(
            PlaceMention(start, end, name, place, 0.0, f"unknown name after '{' '.join(cue.words)}'")
        )
    return misses


def _name_after(tokens: list[Token], index: int) -> list[int]:
    """The capitalised words (with their articles) that start at ``index``."""
    chain: list[int] = []
    while index < len(tokens) and (not chain or tokens[index].joined):
        token = tokens[index]
        if not (token.capitalised or token.is_article):
            break
        chain.append(index)
        index += 1
    while chain and tokens[chain[-1]].is_article:
        chain.pop()
    return chain
