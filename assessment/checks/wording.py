"""How a sentence is phrased: as an action (HOW) or as an outcome (WHAT), and how precise.

The Guidelines (ICMPD 2006, p.21–26) ask that the strategy state WHAT must be achieved
(goals and objectives phrased as outcomes or states) and the action plan HOW (concrete,
achievable activities). The seed's reviewers read this off the first words of a sentence:
an infinitive or imperative ("To ensure", "Conduct", "Обеспечить"), a gerund or an action
noun ("Strengthening", "Organisation of", "Проведение") make an action; a subject with a
state ("Victims are identified early", "Increased awareness of risks") makes an outcome.
The lists below are about English and Russian grammar, not about any country.
"""

from __future__ import annotations

import re
from functools import lru_cache

EN_ACTION_VERBS = frozenset(
    """
    achieve adopt amend analyse analyze apply approve arrange assess assist attract build
    carry collect combat conclude conduct continue cooperate coordinate create define deliver
    design determine develop draft elaborate eliminate enhance ensure establish examine expand
    facilitate finalise finalize form formulate harmonise harmonize hold identify implement
    improve include increase inform initiate install institutionalise introduce involve launch
    maintain make monitor mobilise mobilize organise organize participate perform plan prepare
    prevent produce promote protect provide publish raise reduce reinforce render review revise
    set settle share strengthen study submit support take train undertake update upgrade
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)
EN_ACTION_NOUN = re.compile(
    r"^(\w+(?:tion|sion|ment|ance|ence|ing))\s+(?:of|for|on|in|to|and)\b", re.IGNORECASE
)
RU_ACTION_NOUN_ENDINGS = ("ение", "ание", "ения", "ания", "ание", "ятие", "итие")
RU_ACTION_NOUNS = frozenset(
    """
    организация координация гармонизация реализация модернизация оптимизация интеграция
    активизация популяризация информатизация институционализация мобилизация
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)
RU_INFINITIVE = re.compile(r"^\w+(?:ать|ять|еть|ить|оть|уть|ыть|ти|чь)(?:ся)?$")
NUMBERING = re.compile(r"^\s*(?:[\-–•*]|\(?[0-9ivxa-zа-я]{1,4}(?:\.[0-9]+)*[.)]|\d+)\s+", re.I)

EN_GENERIC_VERBS = (
    "improve", "strengthen", "continue", "ensure", "take measures", "take necessary measures",
    "promote", "enhance", "support", "facilitate", "increase efficiency", "expand", "develop",
    "intensify", "raise the level", "pay attention", "work on", "cooperate",
)  # fmt: skip
RU_GENERIC_VERBS = (
    "совершенствова", "усилен", "усилить", "продолж", "обеспеч", "принят мер", "принять мер",
    "принятие мер", "содейств", "способствова", "развит", "развива", "повышен", "повысить",
    "укреплен", "укрепить", "активизац", "расширен", "расширить", "улучшен", "улучшить",
)  # fmt: skip
CONCRETE_OBJECTS = (
    # deliverables a reader can count or see delivered
    "training", "seminar", "workshop", "course", "curriculum", "module", "manual", "guideline",
    "handbook", "campaign", "leaflet", "brochure", "video", "website", "hotline", "database",
    "register", "registry", "survey", "study", "research", "report", "law", "amendment",
    "regulation", "decree", "order", "instruction", "procedure", "protocol", "agreement",
    "memorandum", "conference", "meeting", "shelter", "centre", "center", "programme",
    "program", "plan", "standard", "indicator", "tender", "grant",
    "тренинг", "семинар", "курс", "учебн", "модул", "пособи", "руководств", "методическ",
    "кампани", "буклет", "брошюр", "видео", "сайт", "горяч", "баз", "реестр", "опрос",
    "исследован", "доклад", "отчет", "отчёт", "закон", "поправк", "правил", "постановлен",
    "указ", "приказ", "инструкц", "процедур", "протокол", "соглашен", "меморандум",
    "конференц", "совещани", "приют", "центр", "программ", "стандарт", "индикатор", "грант",
)  # fmt: skip
QUANTITY = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|annual"
    r"|annually|quarterly|monthly|yearly|each|every|per)\b|(?:ежегодн|ежекварт|ежемесячн|кажд)",
    re.IGNORECASE,
)


def _first_words(text: str) -> list[str]:
    sentence = NUMBERING.sub("", (text or "").strip().split("\n", 1)[0]).strip()
    return re.findall(r"[\w'-]+", sentence.lower())


def is_phrased_as_action(text: str) -> bool:
    """True when the sentence starts like an instruction rather than a result."""
    words = _first_words(text)
    if not words:
        return False
    first = words[0]
    if first == "to" and len(words) > 1 and not words[1].endswith("ed"):
        return True  # "To ensure …", "To attract …": an infinitive
    if first in EN_ACTION_VERBS:
        return True
    if EN_ACTION_NOUN.match(" ".join(words[:3])):
        return True  # "Organisation of …", "Strengthening of …", "Development of …"
    if first.endswith("ing") and len(first) > 5 and first not in {"during", "including"}:
        return True  # "Strengthening cooperation …"
    if RU_INFINITIVE.match(first) and len(first) > 4:
        return True  # "Обеспечить …", "Провести …"
    return first in RU_ACTION_NOUNS or (len(first) > 5 and first.endswith(RU_ACTION_NOUN_ENDINGS))


def _alternation(words) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")", re.IGNORECASE)


GENERIC = _alternation(EN_GENERIC_VERBS + RU_GENERIC_VERBS)
CONCRETE = _alternation(CONCRETE_OBJECTS)


@lru_cache(maxsize=20_000)
def vague_reason(text: str) -> str | None:
    """Why an activity's wording is not concrete, or None when it reads as concrete.

    Vague: very short (under four words), or a generic verb ("improve", "strengthen",
    "take measures", "обеспечить") with neither a quantity nor a deliverable one could
    count or see delivered.
    """
    words = re.findall(r"[\w'-]+", text or "")
    if len(words) < 4:
        return "it is very short"
    lowered = " ".join(w.lower() for w in words)
    generic = GENERIC.search(lowered)
    if generic is None or QUANTITY.search(lowered) or CONCRETE.search(lowered):
        return None
    return f"“{generic.group(0)}” without a quantity or a deliverable"
