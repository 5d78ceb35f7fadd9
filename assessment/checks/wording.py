"""How a sentence is phrased: as an action (HOW) or as an outcome (WHAT), and how precise.

The Guidelines (ICMPD 2006, p.21–26) ask that the strategy state WHAT must be achieved
(goals and objectives phrased as outcomes or states) and the action plan HOW (concrete,
achievable activities). A reviewer reads this off the first words of a sentence, once the
plan's own label and numbering are set aside ("Strategic goal 2:", "Objective (b):",
"1.1.", "Цель 1."):

- an infinitive or imperative ("To ensure", "Conduct", "Обеспечить"), a verb-like gerund
  ("Strengthening cooperation", "Monitoring underlying problems") or a noun of doing
  ("Improvement of", "Organisation of", "Совершенствование") make an instruction;
- a subject with a state ("Victims are identified early", "Increased awareness of
  risks") makes an outcome;
- a heading that names a topic ("Prevention", "Coordination of anti-trafficking
  activities", "Legislative measures in the field of …", "Защита жертв") is neither.

An activity is *concrete* when it names a deliverable one could see delivered or count
(a law or amendment, a training of a named group, a campaign, a database, a shelter, a
study, a procedure or agreement, a body set up) or a quantity or frequency; it is *vague*
when it only intends ("consider", "take the initiative"), goes on without an end
("continue", "on an on-going basis", "regular" with no frequency), is worded as a result
("Increased awareness …"), or uses a generic verb ("improve", "engage with", "усилить")
with nothing countable. The word lists are about English and Russian usage in plans, not
about any country.
"""

from __future__ import annotations

import re
from functools import lru_cache

import simplemma

# --- labels and numbering ------------------------------------------------------------

_LABEL_WORDS = (
    r"(?:strategic|specific|operational|general|overall|thematic|immediate)?\s*"
    r"(?:goal|objective|aim|target|task|measure|activity|action|priority|direction|chapter"
    r"|section|component|pillar|output|outcome|result|problem|area|sub-?activity"
    r"|стратегическая\s+цель|цель|задача|мера|мероприятие|направление|раздел|глава"
    r"|приоритет|действие|компонент|результат|подпрограмма|пункт)"
)
_ENUMERATOR = (
    r"(?:no\.?\s*|№\s*)?"
    r"(?:\(?\d+(?:\.\d+)*\.?\)?|\(?[ivxlc]{1,6}(?:\.\d+)*[.)]?|\(?[a-zа-я]\)|[a-zа-я]\.)"
)
LABELLED = re.compile(
    rf"^\s*{_LABEL_WORDS}\s*(?:{_ENUMERATOR}\s*[:.\-–—)]*\s+|(?::|\s[\-–—])\s*)",
    re.IGNORECASE,
)
NUMBERING = re.compile(
    r"^\s*(?:[\-–•*]|\(?\d+(?:\.\d+)+\.?\)?|\(?\d+[.)]|\d+\s*(?=[:\-–—])"
    r"|\(?[ivxlc]{1,6}(?:\.\d+)+[.)]?|\(?[ivxlc]{1,6}[.)]|\(?[a-zа-я]\)|[a-zа-я]\.)"
    r"\s*[:\-–—]?\s+",
    re.IGNORECASE,
)


def strip_label(text: str) -> str:
    """The first line of a title without its label and numbering: "Strategic goal 2:
    Victims are identified" → "Victims are identified"."""
    line = (text or "").strip().split("\n", 1)[0].strip()
    for _ in range(3):
        labelled = LABELLED.match(line)
        stripped = line[labelled.end() :] if labelled else NUMBERING.sub("", line, count=1)
        if stripped == line or not stripped.strip():
            break
        line = stripped.strip()
    return line


# --- action or outcome ---------------------------------------------------------------

EN_ACTION_VERBS = frozenset(
    """
    achieve adopt amend analyse analyze apply approve arrange assess assist attract build
    carry collect combat conclude conduct continue cooperate coordinate create define deliver
    design determine develop draft elaborate eliminate enhance ensure establish examine expand
    facilitate finalise finalize form formulate guide harmonise harmonize hold identify
    implement improve include increase inform initiate install institutionalise introduce
    involve launch maintain make monitor mobilise mobilize organise organize oversee
    participate perform plan prepare prevent produce promote protect provide publish raise
    reduce reinforce render review revise set settle share strengthen study submit support
    take train undertake update upgrade foster encourage engage intensify
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)
# Nouns of doing: a title opening with one is an instruction in noun form.
EN_ACTION_NOUNS = frozenset(
    """
    improvement development strengthening enhancement organisation organization
    establishment creation provision conduct implementation introduction raising increase
    promotion elaboration adoption amendment revision harmonisation harmonization expansion
    extension reinforcement building holding preparation drafting formulation modernisation
    modernization optimisation optimization intensification activation facilitation
    mobilisation mobilization institutionalisation institutionalization upgrading updating
    ensuring attraction setting carrying taking making conducting organising organizing
    elimination streamlining
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)
# Gerunds that also name a field of work: "Monitoring and evaluation", "Training of
# professionals" are topics; "Monitoring underlying problems" (an object follows) is not.
EN_TOPIC_GERUNDS = frozenset(
    [
        "monitoring",
        "training",
        "reporting",
        "networking",
        "planning",
        "research",
        "counselling",
        "counseling",
        "networking",
        "policing",
    ]  # noqa: SIM905
)
# Modifiers a title may open with before its head word.
EN_MODIFIERS = frozenset(
    [
        "further",
        "continued",
        "continuous",
        "effective",
        "better",
        "comprehensive",
        "systematic",
        "sustainable",
        "overall",
        "joint",
    ]  # noqa: SIM905
)
PREPOSITIONS = frozenset("of for on in to and at with by from among within".split())  # noqa: SIM905
RU_ACTION_NOUNS = frozenset(
    """
    совершенствование развитие укрепление обеспечение повышение организация создание
    проведение усиление расширение улучшение формирование внедрение разработка принятие
    оказание осуществление реализация активизация гармонизация модернизация оптимизация
    популяризация информатизация институционализация мобилизация содействие продолжение
    введение установление налаживание наращивание привлечение подготовка информирование
    распространение издание выработка утверждение пересмотр обновление приведение
    координирование усовершенствование интенсификация стимулирование
    """.split()  # noqa: SIM905 (a word list reads better as prose)
)
RU_MODIFIERS = frozenset("дальнейшее дальнейший дальнейшего постоянное систематическое".split())  # noqa: SIM905
RU_INFINITIVE = re.compile(r"^\w+(?:ать|ять|еть|ить|оть|уть|ыть|ти|чь)(?:ся)?$")
CYRILLIC = re.compile(r"[а-яё]")


# Verbs that are also the noun of a field ("Support to victims", "Review of the plan").
EN_NOUN_TOO = frozenset(
    [
        "support",
        "study",
        "research",
        "review",
        "plan",
        "design",
        "return",
        "monitor",
        "train",
        "form",
        "set",
        "share",
        "increase",
        "conduct",
    ]  # noqa: SIM905
)


@lru_cache(maxsize=20_000)
def _lemma(word: str) -> str:
    lang = "ru" if CYRILLIC.search(word) else "en"
    return simplemma.lemmatize(word, lang=lang).lower().replace("ё", "е")


def _first_words(text: str) -> list[str]:
    return re.findall(r"[\w']+", strip_label(text).lower())


def is_phrased_as_action(text: str) -> bool:
    """True when the sentence, once its label is set aside, starts like an instruction
    rather than a result or a topic heading."""
    words = _first_words(text)
    while len(words) > 1 and (words[0] in EN_MODIFIERS or words[0] in RU_MODIFIERS):
        words = words[1:]
    if not words:
        return False
    first, following = words[0], (words[1] if len(words) > 1 else "")
    if first == "to" and following and not following.endswith("ed"):
        return True  # "To ensure …", "To attract …": an infinitive
    if first in EN_ACTION_NOUNS or _lemma(first) in RU_ACTION_NOUNS:
        return True  # "Improvement of …", "Совершенствование …"
    if first in EN_ACTION_VERBS:
        # "Support victims" instructs; "Support to victims", "Research on …" are topics.
        return following not in PREPOSITIONS or first not in EN_NOUN_TOO
    if first.endswith("ing") and len(first) > 5 and first not in {"during", "including"}:
        if first in EN_TOPIC_GERUNDS:
            return bool(following) and following not in PREPOSITIONS
        return _lemma(first) in EN_ACTION_VERBS or following not in PREPOSITIONS
    return bool(RU_INFINITIVE.match(first) and len(first) > 4 and _lemma(first) == first)


# --- concrete or vague ---------------------------------------------------------------


def _alternation(words) -> re.Pattern:
    return re.compile(r"(?<!\w)(?:" + "|".join(words) + ")", re.IGNORECASE)


# Only intends: nothing will exist at the end but a consideration.
HEDGES = _alternation(
    (
        r"consider(?:ing|ation of)?\b", r"examin(?:e|ing) the (?:possibility|feasibility)",
        r"explor(?:e|ing) (?:the )?(?:possibilit|option|way)", r"tak(?:e|ing) the initiative",
        r"look(?:ing)? into", r"will be (?:examined|considered|explored)",
        r"study(?:ing)? the (?:possibility|feasibility)", r"seek(?:ing)? to",
        r"рассмотр\w* (?:возможност|вопрос)", r"изуч\w* возможност", r"прораб\w* вопрос",
        r"рассмотрени\w* (?:возможност|вопрос)",
    )
)  # fmt: skip
# Goes on without an end or a frequency.
OPEN_ENDED = _alternation(
    (
        r"continu(?:e|ing|ation of)\b", r"on an? (?:on-?going|continuous|permanent|regular) basis",
        r"on-?going\b", r"continuously", r"constantly", r"permanently", r"regular(?:ly)?\b",
        r"systematic(?:ally)?\b", r"periodic(?:al|ally)?\b", r"as (?:needed|necessary|required)",
        r"where (?:needed|necessary|appropriate)", r"further\b",
        r"продолж\w+", r"на (?:постоянной|регулярной|систематической) основе", r"постоянн\w*",
        r"регулярн\w*", r"систематическ\w*", r"периодическ\w*", r"по мере необходимости",
        r"дальнейш\w+",
    )
)  # fmt: skip
# The object of the activity left open: "Produce and circulate relevant reports", "Take
# the necessary measures", "Принять необходимые меры".
UNSPECIFIED_OBJECT = re.compile(
    r"^(?:[\w-]+(?:,\s*|\s+and\s+|\s+и\s+))*[\w-]+\s+(?:all\s+|the\s+|все\s+)?"
    r"(?:relevant|necessary|various|соответствующ\w*|необходим\w*|различн\w*)\b",
    re.IGNORECASE,
)
# An activity written as the result it should bring.
RESULT_OPENER = re.compile(
    r"^(?:increased|improved|enhanced|strengthened|reduced|better|greater|raised|"
    r"повышен[аоы]?|улучшен[аоы]?|усилен[аоы]?|снижен[аоы]?|укреплен[аоы]?)\b",
    re.IGNORECASE,
)
GENERIC = _alternation(
    (
        r"improv\w*", r"strengthen\w*", r"ensur\w*", r"take (?:all )?(?:necessary )?measures",
        r"taking (?:all )?(?:necessary )?measures", r"promot\w*", r"enhanc\w*", r"support\b",
        r"supporting", r"facilitat\w*", r"increas\w* (?:the )?efficiency", r"expand\w*",
        r"develop(?:ing|ment)? (?:of )?(?:the )?(?:cooperation|co-operation|partnership|"
        r"relations|capacit|work|activit)", r"intensif\w*", r"raise the level",
        r"pay(?:ing)? attention", r"work(?:ing)? (?:on|with|towards)", r"cooperat\w*",
        r"co-operat\w*", r"collaborat\w*", r"engag\w*", r"foster\w*", r"encourag\w*",
        r"contribut\w*", r"advoca\w*", r"consultanc\w*", r"collect\w* (?:of )?information",
        r"circulat\w*", r"disseminat\w*", r"inform(?:ing)?\b", r"updates?\b", r"address\w*",
        r"combat\w*", r"counter\w*", r"raise awareness", r"raising awareness",
        r"provi\w+ (?:of )?(?:\w+ ){0,2}assistance",
        r"совершенствова\w*", r"усил\w+", r"обеспеч\w+", r"принят\w* мер", r"приним\w* мер",
        r"содейств\w*", r"способствова\w*", r"развит\w+", r"развива\w+", r"повыш\w+",
        r"повыс\w+", r"укреп\w+", r"активиз\w+", r"расшир\w+", r"улучш\w+", r"взаимодейств\w*",
        r"сотруднич\w*", r"участ\w+", r"осуществл\w+", r"информирова\w+", r"распростран\w+",
        r"проведение работы", r"проводить работу", r"оказ\w+ (?:\w+ ){0,2}помощ\w*",
        r"противодейств\w*", r"оказ\w+ содейств\w*",
    )
)  # fmt: skip
# Things one could see delivered whatever the verb. Bodies and systems that already exist
# ("mechanism", "centre", "commission", "fund", "plan") are not among them: "Strengthen the
# referral mechanism" delivers nothing one could count; "Set up a commission" is concrete
# by its verb, not by its noun.
DELIVERABLES = _alternation(
    (
        # documents and rules
        r"law\b", r"laws\b", r"amendment", r"draft\w*", r"regulation", r"by-?law", r"decree",
        r"order\b", r"instruction", r"procedure", r"routine", r"protocol", r"agreement",
        r"memorand", r"guideline", r"guidance", r"handbook", r"manual", r"curricul",
        r"programmes?\b", r"programs?\b", r"strategy", r"standard", r"indicators\b",
        r"methodolog", r"checklist", r"code of conduct", r"proposals?\b", r"report\b",
        r"reports\b", r"report to\b", r"publication", r"collection of", r"compendium",
        r"classification", r"materials?\b", r"leaflet", r"brochure", r"booklet", r"poster",
        r"logo\b", r"video", r"website", r"web-?page", r"columns?\b", r"database", r"data base",
        r"register",
        # services and bodies
        r"hot ?lines?", r"hot-lines?", r"trust lines?", r"helpline", r"shelter",
        r"post of", r"budget", r"grants?\b", r"tender",
        # events and learning
        r"train\b", r"training", r"trainings", r"seminar", r"workshop", r"course", r"module",
        r"campaign", r"conference", r"meeting", r"event\b", r"competition", r"round table",
        r"study\b", r"studies", r"research", r"survey", r"assessment", r"analysis", r"audit",
        r"evaluation", r"inspection", r"mapping",
        # Russian
        r"закон", r"поправк", r"законопроект", r"правил", r"постановлени", r"указ\b", r"приказ",
        r"инструкц", r"процедур", r"регламент", r"порядок", r"положени", r"протокол",
        r"соглашени", r"меморандум", r"руководств", r"пособи", r"методическ", r"справочник",
        r"сборник", r"памятк", r"учебн", r"программ", r"стратеги", r"концепци",
        r"стандарт", r"индикатор", r"доклад", r"отчет", r"отчёт", r"предложени",
        r"буклет", r"брошюр", r"листовк", r"плакат", r"видео", r"сайт", r"баз\w* данных",
        r"реестр", r"горяч\w+ лини", r"телефон\w* доверия", r"приют",
        r"бюджет", r"грант", r"тренинг",
        r"семинар", r"курс", r"модул", r"кампани", r"конференци", r"совещани", r"заседани",
        r"круглый стол", r"круглых стол", r"конкурс", r"исследовани", r"опрос", r"анализ",
        r"оценк", r"проверк", r"обучени", r"подготовк\w* (?:кадров|специалист|сотрудник)",
    )
)  # fmt: skip
# A number counts something ("12 seminars", "45 days", "30 %") or dates ("by 2026"); a
# bare trailing number ("Measure 3") does not.
QUANTITY = re.compile(
    r"\d+(?:[.,]\d+)?\s*(?:%|[^\W\d_]+)|\b(?:19|20)\d\d\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|annual"
    r"|annually|quarterly|monthly|yearly|weekly|biannual|biennial|twice|once a|each|every|per)\b"
    r"|(?:ежегодн|ежекварт|ежемесячн|еженедельн|кажд|дважды|раз в)",
    re.IGNORECASE,
)


@lru_cache(maxsize=20_000)
def vague_reason(text: str, *, result_wording: bool = False) -> str | None:
    """Why an activity's wording is not concrete, or None when it reads as concrete.

    `result_wording=True` reads a text meant to describe a result (an indicator, an
    expected outcome), for which "Increased …" is the right form, not a fault."""
    body = strip_label(text) if text else ""
    body = " ".join([body, *(text or "").split("\n")[1:]]).strip()
    words = re.findall(r"[\w'-]+", body)
    deliverable = DELIVERABLES.search(body)
    quantity = QUANTITY.search(body)
    if len(words) < 3 and not deliverable:
        return "it is very short"
    hedge = HEDGES.search(body)
    if hedge:
        return f"“{hedge.group(0).strip()}” commits to nothing one could see delivered"
    opener = None if result_wording else RESULT_OPENER.match(body)
    if opener:
        return f"it is worded as a result (“{opener.group(0)}”), not as an action"
    unspecified = UNSPECIFIED_OBJECT.match(body)
    if unspecified and not quantity:
        return f"“{unspecified.group(0)}” does not say which"
    open_ended = OPEN_ENDED.search(body)
    if open_ended and not quantity:
        return f"“{open_ended.group(0).strip()}” without an end, a frequency or a quantity"
    generic = GENERIC.search(body)
    if generic and not (deliverable or quantity):
        return f"“{generic.group(0).strip()}” without a quantity or a deliverable"
    return None


def wording_scores(cases) -> tuple[float, float, int]:
    """(precision, recall, count) of `vague_reason` flagging the vague sentences of a
    labelled set `[(text, "concrete" | "vague"), ...]`; other labels are left out."""
    flagged = true_vague = hits = count = 0
    for text, label in cases:
        if label not in ("concrete", "vague"):
            continue
        count += 1
        predicted = vague_reason(text) is not None
        flagged += predicted
        true_vague += label == "vague"
        hits += predicted and label == "vague"
    precision = hits / flagged if flagged else 1.0
    recall = hits / true_vague if true_vague else 1.0
    return precision, recall, count
