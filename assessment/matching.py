"""Keyword suggestions: which plan elements seem to address an area, principle or criterion.

Keywords come from the framework, per language (`{"en": [...], "ru": [...]}`); all
languages are tried, since a plan may mix them. A keyword matches case-insensitively at
the start of a word, so a stem ("monitor", "мониторинг") also matches its inflected
forms ("monitoring", "мониторинга"), while "ban" does not match "urban".
"""

from __future__ import annotations

import re
from functools import lru_cache

WORD = re.compile(r"\w+")


def keyword_list(keywords) -> tuple[str, ...]:
    """Flatten `{"en": [...], "ru": [...]}` (or a plain list) into unique keywords."""
    if isinstance(keywords, dict):
        values = [kw for words in keywords.values() for kw in (words or [])]
    else:
        values = list(keywords or [])
    seen = []
    for kw in values:
        kw = str(kw).strip().lower()
        if kw and kw not in seen:
            seen.append(kw)
    return tuple(seen)


@lru_cache(maxsize=50_000)
def normalise(text: str) -> str:
    """Lower case, one space between words: what keywords are compared with."""
    return " ".join((text or "").lower().split())


def find_at_word_start(text: str, keyword: str) -> bool:
    """Whether `keyword` occurs in the normalised `text` at the start of a word.

    Plain substring search and a look at the character before: much faster than one
    regular expression per keyword set over thousands of plan elements."""
    index = text.find(keyword)
    while index != -1:
        if index == 0 or not (text[index - 1].isalnum() or text[index - 1] == "_"):
            return True
        index = text.find(keyword, index + 1)
    return False


MAX_PREFIX = 40


@lru_cache(maxsize=50_000)
def _prepared(text: str) -> tuple[str, frozenset[str]]:
    """The normalised text and every prefix of every word in it."""
    text = normalise(text)
    prefixes = {
        word[:end]
        for word in set(WORD.findall(text))
        for end in range(1, min(len(word), MAX_PREFIX) + 1)
    }
    return text, frozenset(prefixes)


class Matcher:
    """Matches one keyword set against texts.

    Each text is read once into the set of the prefixes of its words; a keyword can only
    match where its first word starts a word of the text, so one set intersection per text
    rules out almost every keyword, and only the few left are looked for in the text.
    Reviewing a plan of thousands of elements against dozens of keyword sets stays well
    under a second this way.
    """

    def __init__(self, keywords):
        entries = []
        for keyword in keyword_list(keywords):
            keyword = " ".join(keyword.split())
            lead = WORD.match(keyword)
            entries.append(
                (keyword, lead.group(0)[:MAX_PREFIX] if lead else "", WORD.fullmatch(keyword))
            )
        # Longest first, so "data collection" is reported rather than "data".
        self.entries = sorted(entries, key=lambda e: len(e[0]), reverse=True)
        self.by_lead: dict[str, list] = {}
        for entry in self.entries:
            self.by_lead.setdefault(entry[1], []).append(entry)
        self.leads = frozenset(lead for lead in self.by_lead if lead)
        self.unindexed = self.by_lead.get("", [])

    def __bool__(self) -> bool:
        return bool(self.entries)

    def search(self, text: str) -> str | None:
        """The first keyword found in the text, or None."""
        if not self.entries or not text:
            return None
        text, prefixes = _prepared(text)
        hits = self.leads & prefixes
        if not hits and not self.unindexed:
            return None
        candidates = [entry for lead in hits for entry in self.by_lead[lead]]
        candidates += self.unindexed
        candidates.sort(key=lambda e: len(e[0]), reverse=True)
        for keyword, _, single_word in candidates:
            if single_word or find_at_word_start(text, keyword):
                return keyword
        return None
