"""Keyword suggestions: which plan elements seem to address an area, principle or criterion.

Keywords come from the framework, per language (`{"en": [...], "ru": [...]}`); all
languages are tried, since a plan may mix them. A keyword matches case-insensitively at
the start of a word, so a stem ("monitor", "мониторинг") also matches its inflected
forms ("monitoring", "мониторинга"), while "ban" does not match "urban".
"""

from __future__ import annotations

import re
from functools import lru_cache


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


@lru_cache(maxsize=512)
def _pattern(keywords: tuple[str, ...]) -> re.Pattern | None:
    if not keywords:
        return None
    # Longest first, so "data collection" wins over "data" in the reported match.
    words = sorted(keywords, key=len, reverse=True)
    parts = [r"\s+".join(re.escape(w) for w in kw.split()) for kw in words]
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + ")", re.IGNORECASE)


class Matcher:
    """Matches one keyword set against texts."""

    def __init__(self, keywords):
        self.keywords = keyword_list(keywords)
        self.pattern = _pattern(self.keywords)

    def __bool__(self) -> bool:
        return self.pattern is not None

    def search(self, text: str) -> str | None:
        """The first keyword found in the text, or None."""
        if self.pattern is None or not text:
            return None
        found = self.pattern.search(text)
        return found.group(0).lower() if found else None
