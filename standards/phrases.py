"""Which plan elements seem to address an area, principle or criterion: the framework's
phrases (per language, `{"en": [...], "ru": [...]}`) found in an element's text.

Plans say the same thing in many forms ("рабочая группа", "рабочими группами"; "train
police officers", "training of police"), so a phrase is compared with the text word by
word on lemmas (`simplemma`, English and Russian), not as a raw substring:

- a phrase word matches a text word with the same lemma or the same form
  ("victims" ~ "victim", "группами" ~ "группа");
- a phrase word ending in `*` is a stem and matches every word beginning with it
  ("coordinat*" ~ "coordination", "coordinating"); a phrase word the lemmatiser does not
  know is read as a stem too, so checklists written as stems ("законодательств") keep
  matching;
- the words of a phrase follow each other in the text, articles and possessives aside
  ("training of the police" matches "training of police").

Every text is read once into its words and their lemmas (cached by text), and each set of
phrases is indexed by the key of its first word, so one set intersection per text rules
out almost every phrase: a review of thousands of elements stays well under a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma

WORD = re.compile(r"[^\W_]+")
POSSESSIVE = re.compile(r"['’]s\b")
CYRILLIC = re.compile(r"[а-яё]")
# Words a phrase may skip in the text between two of its own words.
SKIPPABLE = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"}
)
MAX_PREFIX = 40


def keyword_list(keywords) -> tuple[str, ...]:
    """Flatten `{"en": [...], "ru": [...]}` (or a plain list) into unique phrases."""
    if isinstance(keywords, dict):
        values = [kw for words in keywords.values() for kw in (words or [])]
    else:
        values = list(keywords or [])
    seen = []
    for kw in values:
        kw = " ".join(str(kw).lower().split())
        if kw and kw not in seen:
            seen.append(kw)
    return tuple(seen)


def _fold(word: str) -> str:
    return word.replace("ё", "е")


def _language(word: str) -> str:
    return "ru" if CYRILLIC.search(word) else "en"


@lru_cache(maxsize=100_000)
def word_keys(word: str) -> frozenset[str]:
    """The forms a text word is compared by: itself and its lemma (ё read as е)."""
    lemma = simplemma.lemmatize(word, lang=_language(word)).lower()
    return frozenset({_fold(word), _fold(lemma)})


@lru_cache(maxsize=20_000)
def is_known_word(word: str) -> bool:
    return simplemma.is_known(word, lang=_language(word))


def words_of(text: str) -> list[str]:
    return WORD.findall(POSSESSIVE.sub("", (text or "").lower()))


@dataclass(frozen=True)
class Prepared:
    """A text read once: its words with their spans, their keys, and every key and word
    prefix present (for the first-word index)."""

    words: tuple[tuple[str, int, int], ...]  # (word, start, end) in the lowered text
    keys: tuple[frozenset[str], ...]
    all_keys: frozenset[str]
    prefixes: frozenset[str]
    text: str


@lru_cache(maxsize=50_000)
def prepared(text: str) -> Prepared:
    lowered = POSSESSIVE.sub(lambda m: " " * len(m.group(0)), (text or "").lower())
    words = tuple((m.group(0), m.start(), m.end()) for m in WORD.finditer(lowered))
    keys = tuple(word_keys(w) for w, _, _ in words)
    all_keys = frozenset().union(*keys) if keys else frozenset()
    prefixes = frozenset(
        key[:end] for key in all_keys for end in range(1, min(len(key), MAX_PREFIX) + 1)
    )
    return Prepared(words, keys, all_keys, prefixes, text or "")


@dataclass(frozen=True)
class Term:
    """One word of a phrase: a lemma key set, or a stem."""

    keys: frozenset[str]
    stem: str = ""

    def matches(self, keys: frozenset[str]) -> bool:
        if self.stem:
            return any(key.startswith(self.stem) for key in keys)
        return not self.keys.isdisjoint(keys)

    @property
    def index_keys(self) -> frozenset[str]:
        return frozenset({self.stem[:MAX_PREFIX]}) if self.stem else self.keys


def phrase_terms(phrase: str) -> tuple[Term, ...]:
    terms = []
    for raw in re.findall(r"[^\W_]+\*?", POSSESSIVE.sub("", phrase.lower())):
        word = raw.rstrip("*")
        if raw.endswith("*") or not is_known_word(word):
            terms.append(Term(frozenset(), _fold(word)))
        else:
            terms.append(Term(word_keys(word)))
    return tuple(terms)


@dataclass(frozen=True)
class Match:
    phrase: str  # as the framework writes it
    words: str  # as the plan writes it


class Matcher:
    """Finds the phrases of one keyword set in texts."""

    def __init__(self, keywords):
        self.entries: list[tuple[str, tuple[Term, ...]]] = []
        for phrase in keyword_list(keywords):
            terms = phrase_terms(phrase)
            if terms:
                self.entries.append((phrase, terms))
        # Longest first, so "data collection" is reported rather than "data".
        self.entries.sort(key=lambda e: (len(e[1]), len(e[0])), reverse=True)
        self.by_key: dict[str, list[tuple[str, tuple[Term, ...]]]] = {}
        for entry in self.entries:
            for key in entry[1][0].index_keys:
                self.by_key.setdefault(key, []).append(entry)
        self.lemma_keys = frozenset(
            k for _, terms in self.entries if not terms[0].stem for k in terms[0].keys
        )
        self.stem_keys = frozenset(
            terms[0].stem[:MAX_PREFIX] for _, terms in self.entries if terms[0].stem
        )

    def __bool__(self) -> bool:
        return bool(self.entries)

    def find(self, text: str) -> Match | None:
        """The longest phrase found in the text, with the words that matched it."""
        if not self.entries or not text:
            return None
        doc = prepared(text)
        hits = (self.lemma_keys & doc.all_keys) | (self.stem_keys & doc.prefixes)
        if not hits:
            return None
        seen = set()
        candidates = []
        for key in hits:
            for entry in self.by_key[key]:
                if id(entry) not in seen:
                    seen.add(id(entry))
                    candidates.append(entry)
        candidates.sort(key=lambda e: (len(e[1]), len(e[0])), reverse=True)
        for phrase, terms in candidates:
            span = _locate(doc, terms)
            if span:
                return Match(phrase, " ".join(doc.text[span[0] : span[1]].split()))
        return None

    def phrases_in(self, text: str) -> list[str]:
        """Every phrase found in the text, as the framework writes it."""
        if not self.entries or not text:
            return []
        doc = prepared(text)
        return [phrase for phrase, terms in self.entries if _locate(doc, terms)]

    def search(self, text: str) -> str | None:
        """The phrase found in the text (as the framework writes it), or None."""
        match = self.find(text)
        return match.phrase if match else None


def _locate(doc: Prepared, terms: tuple[Term, ...]) -> tuple[int, int] | None:
    """Where the phrase's words follow each other in the text (start, end), or None."""
    words, keys = doc.words, doc.keys
    count = len(words)
    for start in range(count):
        if not terms[0].matches(keys[start]):
            continue
        position, end = start, words[start][2]
        for term in terms[1:]:
            position += 1
            while position < count and words[position][0] in SKIPPABLE:
                if term.matches(keys[position]):
                    break
                position += 1
            if position >= count or not term.matches(keys[position]):
                break
            end = words[position][2]
        else:
            return words[start][1], end
    return None
