"""How two spellings of one name are recognised as the same: the rules in kb/names.json.

A name is compared through its *key*: accents and apostrophes off, Arabic articles
("al-", "as-", "ad-"...) dropped, and the usual transliteration swings folded
("Deraa", "Dar'a", "Dara'a" and "Daraa" all give ``dara``). The rules are data so that
another region's conventions are a file change, not a code change.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import groupby
from pathlib import Path

from sitreport.errors import KnowledgeBaseError

WORD_PATTERN = re.compile(r"\w+")


def _single_letters(text: str) -> str:
    """'tallbisah' -> 'talbisah'. groupby is several times faster than a regex here, and the
    gazetteer's keys are built at every load."""
    return "".join(letter for letter, _ in groupby(text))


@lru_cache(maxsize=4)
def _possessive(apostrophes: str) -> re.Pattern[str]:
    return re.compile(rf"(?<=\w)[{re.escape(apostrophes)}]s\b")


def _consonant_y(key: str, at: int, vowels: str) -> bool:
    """Whether the 'y' at ``at`` is a consonant: between vowels, the first not an 'i'."""
    before, after = key[at - 1], key[at + 1 : at + 2]
    return before in vowels and before != "i" and after != "" and after in vowels


@dataclass(frozen=True)
class NameRules:
    """The contents of kb/names.json (see docs/knowledge-base.md)."""

    apostrophes: str
    articles: frozenset[str]
    place_fillers: frozenset[str]
    spelling_rules: tuple[tuple[str, str], ...]
    vowel_y_to_i: bool
    drop_final_h_after: int
    name_parts: frozenset[str]
    person_cues: frozenset[str]
    fuzzy_min_score: float
    fuzzy_min_length: int
    home_countries: frozenset[str]
    region_countries: frozenset[str]
    context_window: int
    compass_city_min_population: int
    # The consonant skeleton ('loose key') that vowel swings leave alone: 'Meskin'/'Miskin'.
    loose_vowels: str = ""
    loose_endings: tuple[tuple[str, str], ...] = ()
    loose_min_letters: int = 0
    # A loose match also needs spelling keys this alike (rapidfuzz ratio, 0-100).
    loose_min_ratio: float = 0.0
    # Words that open Arabic place names ('Tal', 'Kafr'): a known name after one is part of
    # another name ('Tal Mardikh' is not Mardikh).
    name_prefixes: frozenset[str] = frozenset()
    # Articles that scrapers and writers glue onto a name ('Albukamal').
    glued_articles: tuple[str, ...] = ()
    # From this size a town abroad may be meant without its country being named.
    foreign_city_min_population: int = 0
    # "Kafr Zita in Hama", "Maasaran, Idlib": the word between a place and a governorate's
    # name that makes the name the governorate the place lies in, not its capital; the words
    # saying what the place is ("town", "village") may stand before it.
    locating_words: frozenset[str] = frozenset()
    place_kind_words: frozenset[str] = frozenset()
    # 'al-Azraq field', 'Rukban camp': the word after a name that says which kind of place it
    # is, and the gazetteer kind it asks for among namesakes (a field is a site, not a village).
    site_words: tuple[tuple[str, str], ...] = ()
    # Role nouns written in lower case before a person's name ("official Angela Kane",
    # "activist Mansoor Hussain"): a place name in the capitalised run after one is the person's.
    person_roles: frozenset[str] = frozenset()
    # Word forms already computed: a text repeats its words, a gazetteer its name parts.
    _forms: dict[str, tuple[str, str]] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _unmark: dict[int, None] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _loose: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)
    _content: dict[tuple[str, frozenset[str]], list[str]] = field(
        default_factory=dict, compare=False, hash=False, repr=False
    )

    def __post_init__(self) -> None:
        self._unmark.update(dict.fromkeys(map(ord, self.apostrophes)))

    @classmethod
    def read(cls, path: Path) -> NameRules:
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            return cls(
                apostrophes=raw["apostrophes"],
                articles=frozenset(raw["articles"]),
                place_fillers=frozenset(raw["place_fillers"]),
                spelling_rules=tuple((old, new) for old, new in raw["spelling_rules"]),
                vowel_y_to_i=bool(raw["vowel_y_to_i"]),
                drop_final_h_after=int(raw["drop_final_h_after"]),
                name_parts=frozenset(raw["name_parts"]),
                person_cues=frozenset(raw["person_cues"]),
                fuzzy_min_score=float(raw["fuzzy_min_score"]),
                fuzzy_min_length=int(raw["fuzzy_min_length"]),
                home_countries=frozenset(raw["home_countries"]),
                region_countries=frozenset(raw["region_countries"]),
                context_window=int(raw["context_window"]),
                compass_city_min_population=int(raw["compass_city_min_population"]),
                # Optional: a user's names.json without them gets no loose matching.
                loose_vowels=str(raw.get("loose_vowels", "")),
                loose_endings=tuple((old, new) for old, new in raw.get("loose_endings", ())),
                loose_min_letters=int(raw.get("loose_min_letters", 0)),
                loose_min_ratio=float(raw.get("loose_min_ratio", 0)),
                foreign_city_min_population=int(raw.get("foreign_city_min_population", 0)),
                glued_articles=tuple(raw.get("glued_articles", ())),
                name_prefixes=frozenset(raw.get("name_prefixes", ())),
                locating_words=frozenset(raw.get("locating_words", ())),
                place_kind_words=frozenset(raw.get("place_kind_words", ())),
                site_words=tuple((word, kind) for word, kind in raw.get("site_words", ())),
                person_roles=frozenset(raw.get("person_roles", ())),
            )
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise KnowledgeBaseError(f"{path}: not a valid names file ({error})") from error

    def fold(self, word: str) -> str:
        """Lower case, accents and apostrophes off: 'Dara’a' -> 'daraa'."""
        if word.isascii():
            return word.casefold().translate(self._unmark)
        decomposed = unicodedata.normalize("NFKD", word)
        plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
        return plain.translate(self._unmark)

    def word_key(self, word: str) -> str:
        """The spelling-insensitive form of one word: 'Deraa' -> 'dara', 'Khowein' -> 'khuwain'."""
        return self.word_forms(word)[1]

    def word_forms(self, word: str) -> tuple[str, str]:
        """(folded, key) of a word, computed once per distinct word."""
        forms = self._forms.get(word)
        if forms is None:
            forms = self._forms[word] = (self.fold(word), self._spelling_key(word))
        return forms

    def _spelling_key(self, word: str) -> str:
        key = self.fold(word)
        for old, new in self.spelling_rules:
            key = key.replace(old, new)
        if self.vowel_y_to_i and len(key) > 1:
            key = key[0] + key[1:].replace("y", "i")
        key = _single_letters(key)
        if len(key) > self.drop_final_h_after and key.endswith("h"):
            key = key[:-1]
        return key

    def loose_word_key(self, word: str) -> str:
        """A word's consonant skeleton ('Meskin' -> 'mskn', 'Maarat' -> 'mr'): spelling rules,
        a construct ending off ('Maarat'/'Ma'ra'), a leading vowel as 'a' ('Idlib'/'Edlib'),
        inner vowels out (a 'y' too, unless it stands between vowels after a/u: 'Daraya' is
        not 'Daraa', while 'Shaykh' is 'Sheikh'), doubled letters single. Empty when no loose
        vowels are configured."""
        loose = self._loose.get(word)
        if loose is None:
            loose = self._loose[word] = self._skeleton(word)
        return loose

    def _skeleton(self, word: str) -> str:
        key = self.fold(word)
        if not self.loose_vowels or not key:
            return ""
        for old, new in self.spelling_rules:
            key = key.replace(old, new)
        key = _single_letters(key)
        if len(key) > self.drop_final_h_after and key.endswith("h"):
            key = key[:-1]
        for ending, replacement in self.loose_endings:
            if key.endswith(ending) and len(key) > len(ending) + 2:
                key = key[: -len(ending)] + replacement
                break
        head = "a" if key[0] in self.loose_vowels else key[0]
        body = "".join(
            ch
            for at, ch in enumerate(key[1:], start=1)
            if ch not in self.loose_vowels and (ch != "y" or _consonant_y(key, at, self.loose_vowels))
        )
        return _single_letters(head + body)

    def words_loose_key(self, words: list[str]) -> str:
        """The loose key of a name split into content words; empty when too short to trust."""
        key = " ".join(self.loose_word_key(word) for word in words)
        return key if len(key.replace(" ", "")) >= self.loose_min_letters > 0 else ""

    def is_article(self, word: str) -> bool:
        return self.fold(word) in self.articles

    def content_words(self, name: str, fillers: frozenset[str] = frozenset()) -> list[str]:
        """The words of a name that count for matching: articles (and ``fillers``) left out.
        A possessive is dropped as the tokenizer drops it from text ("Syria's border").
        Computed once per name: the gazetteer's two indexes read every alias."""
        words = self._content.get((name, fillers))
        if words is None:
            words = self._content[(name, fillers)] = self._content_words(name, fillers)
        return list(words)

    def _content_words(self, name: str, fillers: frozenset[str]) -> list[str]:
        unmarked = name.translate(self._unmark)
        if unmarked != name:  # most names have no apostrophe: spare them the possessive pattern
            unmarked = _possessive(self.apostrophes).sub("", name).translate(self._unmark)
        skipped = self.articles | fillers
        words = WORD_PATTERN.findall(unmarked.replace("_", " "))
        return [word for word in words if self.word_forms(word)[0] not in skipped]

    def name_key(self, name: str, fillers: frozenset[str] = frozenset()) -> str:
        """The key of a whole name: its content words' keys ('Deir ez-Zor' -> 'dair zur')."""
        return self.words_key(self.content_words(name, fillers))

    def words_key(self, words: list[str]) -> str:
        """The key of a name already split into its content words."""
        return " ".join(self.word_key(word) for word in words)
