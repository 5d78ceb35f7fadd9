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

Every text is read once into its words and their lemmas (cached by text), and the phrases
of all areas and principles are indexed together by their first word (`PhraseIndex`), so
a text is looked up once for all of them: a review of thousands of elements stays well
under a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import simplemma

WORD = re.compile(r"[^\W_]+")
POSSESSIVE = re.compile(r"['’]s\b")
CYRILLIC = re.compile(r"[а-яё]")
BUCKET = 3
# Words a phrase may skip in the text between two of its own words.
SKIPPABLE = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those"}
)


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


def _script(text: str) -> str:
    return "cyrillic" if CYRILLIC.search(text) else "latin"


def _language(word: str) -> str:
    return "ru" if CYRILLIC.search(word) else "en"


@lru_cache(maxsize=100_000)
def _lemma(word: str) -> str:
    return _fold(simplemma.lemmatize(word, lang=_language(word)).lower())


@lru_cache(maxsize=100_000)
def word_keys(word: str) -> frozenset[str]:
    """The forms a text word is compared by: itself and its lemma (ё read as е)."""
    return frozenset({_fold(word), _lemma(word)})


@lru_cache(maxsize=20_000)
def is_known_word(word: str) -> bool:
    return simplemma.is_known(word, lang=_language(word))


def words_of(text: str) -> list[str]:
    return WORD.findall(POSSESSIVE.sub("", (text or "").lower()))


@dataclass(frozen=True)
class Prepared:
    """A text read once: its words with their spans, and the keys of each word."""

    words: tuple[tuple[str, int, int], ...]  # (word, start, end) in the lowered text
    keys: tuple[frozenset[str], ...]
    positions: dict[str, tuple[int, ...]]  # key → the indexes of the words having it
    key_set: frozenset[str]
    scripts: frozenset[str]  # "cyrillic", "latin": which phrases can match at all
    text: str


@lru_cache(maxsize=50_000)
def prepared(text: str) -> Prepared:
    lowered = POSSESSIVE.sub(lambda m: " " * len(m.group(0)), (text or "").lower())
    words = tuple((m.group(0), m.start(), m.end()) for m in WORD.finditer(lowered))
    keys = tuple(word_keys(w) for w, _, _ in words)
    positions: dict[str, list[int]] = {}
    for index, word_keys_ in enumerate(keys):
        for key in word_keys_:
            positions.setdefault(key, []).append(index)
    scripts = frozenset(_script(word) for word, _, _ in words)
    return Prepared(
        words,
        keys,
        {k: tuple(v) for k, v in positions.items()},
        frozenset(positions),
        scripts,
        text or "",
    )


@dataclass(frozen=True)
class Term:
    """One word of a phrase: a lemma key set, or a stem."""

    keys: frozenset[str]
    stem: str = ""
    lemma: str = ""

    def matches(self, keys: frozenset[str]) -> bool:
        if self.stem:
            return any(key.startswith(self.stem) for key in keys)
        return not self.keys.isdisjoint(keys)


def phrase_terms(phrase: str) -> tuple[Term, ...]:
    terms = []
    for raw in re.findall(r"[^\W_]+\*?", POSSESSIVE.sub("", phrase.lower())):
        word = raw.rstrip("*")
        if raw.endswith("*") or not is_known_word(word):
            terms.append(Term(frozenset(), _fold(word)))
        else:
            terms.append(Term(word_keys(word), lemma=_lemma(word)))
    return tuple(terms)


def phrase_signature(phrase: str) -> tuple[str, ...]:
    """What a phrase matches, as its lemmas and stems: two phrases with the same
    signature ("рабочая группа", "рабочей группы") match the same words."""
    return tuple(f"{term.stem}*" if term.stem else term.lemma for term in phrase_terms(phrase))


@dataclass(frozen=True)
class Match:
    phrase: str  # as the framework writes it
    words: str  # as the plan writes it


class PhraseIndex:
    """The phrases of several keyword sets (by owner: an area, a criterion …) indexed by
    their first word, so that a text is read once for all of them.

    Phrases are read per script, the first time a text in that script comes: a plan
    with no Cyrillic word never loads the Russian dictionary (seconds and megabytes)."""

    def __init__(self, keyword_sets: dict):
        self.by_lemma: dict[str, list[tuple]] = {}
        # Stems by their first BUCKET letters: a text word looks up one bucket, not every
        # stem.
        self.by_stem: dict[str, list[tuple[str, tuple]]] = {}
        self.pending: dict[str, list[tuple]] = {}  # script → [(owner, phrase)] not yet read
        for owner, keywords in keyword_sets.items():
            for phrase in keyword_list(keywords):
                self.pending.setdefault(_script(phrase), []).append((owner, phrase))
        self.size = sum(len(phrases) for phrases in self.pending.values())
        self.entries: list[tuple] = []  # (rank, owner, phrase, terms) of the scripts read

    def __bool__(self) -> bool:
        return bool(self.size)

    def _read(self, scripts) -> None:
        for script in scripts:
            for owner, phrase in self.pending.pop(script, ()):
                terms = phrase_terms(phrase)
                if not terms:
                    continue
                # Longest first, so "data collection" is reported rather than "data".
                entry = ((-len(terms), -len(phrase), len(self.entries)), owner, phrase, terms)
                self.entries.append(entry)
                stem = terms[0].stem
                if stem:
                    self.by_stem.setdefault(stem[:BUCKET], []).append((stem, entry))
                else:
                    for key in terms[0].keys:
                        self.by_lemma.setdefault(key, []).append(entry)

    def _prepared(self, text: str) -> Prepared:
        doc = prepared(text)
        if self.pending:
            self._read(doc.scripts)
        return doc

    def _candidates(self, doc: Prepared) -> dict[int, tuple[tuple, list[str]]]:
        """rank → (entry, the text's keys its first word matches), for every entry whose
        first word is in the text."""
        found: dict[int, tuple[tuple, list[str]]] = {}
        for key in doc.positions:
            for entry in self.by_lemma.get(key, ()):
                found.setdefault(entry[0], (entry, []))[1].append(key)
            for bucket in {key[:1], key[:2], key[:BUCKET]}:
                for stem, entry in self.by_stem.get(bucket, ()):
                    if key.startswith(stem):
                        found.setdefault(entry[0], (entry, []))[1].append(key)
        return found

    def find_all(self, text: str) -> dict:
        """owner → the longest of its phrases found in the text, with the words matched."""
        if not self.size or not text:
            return {}
        doc = self._prepared(text)
        found = self._candidates(doc)
        result = {}
        for rank in sorted(found):
            (_, owner, phrase, terms), keys = found[rank]
            if owner in result or not all(
                term.stem or not term.keys.isdisjoint(doc.key_set) for term in terms[1:]
            ):
                continue  # resolved already, or a later word is nowhere in the text
            starts = sorted({i for key in keys for i in doc.positions[key]})
            span = _locate(doc, terms, starts)
            if span:
                result[owner] = Match(phrase, " ".join(doc.text[span[0] : span[1]].split()))
        return result


class Matcher(PhraseIndex):
    """Finds the phrases of one keyword set in texts."""

    def __init__(self, keywords):
        super().__init__({None: keywords})

    def find(self, text: str) -> Match | None:
        """The longest phrase found in the text, with the words that matched it."""
        return self.find_all(text).get(None)

    def phrases_in(self, text: str) -> list[str]:
        """Every phrase found in the text, as the framework writes it."""
        if not self.size or not text:
            return []
        doc = self._prepared(text)
        return [
            phrase
            for _, _, phrase, terms in sorted(self.entries)
            if _locate(doc, terms, range(len(doc.words)))
        ]

    def search(self, text: str) -> str | None:
        """The phrase found in the text (as the framework writes it), or None."""
        match = self.find(text)
        return match.phrase if match else None


def _locate(doc: Prepared, terms: tuple[Term, ...], starts) -> tuple[int, int] | None:
    """Where the phrase's words follow each other in the text (start, end), or None;
    `starts` are the indexes of the words its first word may be."""
    words, keys = doc.words, doc.keys
    count = len(words)
    for start in starts:
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
