"""Rule on relevance: general social or labour-market measures that say nothing of
trafficking, its victims or the groups at risk of it.

Such a measure may well help, but as written it belongs to any social programme; a
reviewer asks how it reaches the people the plan is for. Only activities worded as
general social or labour-market measures are judged, and the link may sit in the
activity or in the objective it serves.
"""

from __future__ import annotations

import re

from assessment.checks.registry import Context, Hit, rule

GENERAL_MEASURE = re.compile(
    r"\b(?:employment|unemploy\w*|jobs?|job\s+fairs?|labour\s+market|labor\s+market|"
    r"vocational|micro-?credits?|micro-?finance|income|poverty|social\s+(?:assistance|"
    r"benefits?|housing|services|protection|support)|housing|self-employment|"
    r"entrepreneur\w*|scholarships?|employability|"
    r"занятост\w*|трудоустройств\w*|безработ\w*|рабоч\w+\s+мест\w*|ярмарк\w*\s+ваканси\w*|"
    r"профессиональн\w+\s+(?:обучени|подготовк|образовани)\w*|микрокредит\w*|бедност\w*|"
    r"доход\w*|социальн\w+\s+(?:помощ|поддержк|защит|жиль|услуг)\w*|жиль\w*|"
    r"предпринимательств\w*)",
)
LINK = re.compile(
    r"(?:traffick\w*|\bthb\b|victims?\b|exploit\w*|forced\s+labou?r|slavery|servitude|"
    r"at[\s-]risk|risk\s+groups?|vulnerab\w*|smuggl\w*|prostitut\w*|survivors?|"
    r"торговл\w*\s+людьми|\bтл\b|жертв\w*|эксплуатац\w*|принудительн\w+\s+труд\w*|"
    r"групп\w*\s+риска|уязвим\w*|рабств\w*|пострадавш\w*)",
)
# The patterns are lower case and run on lowered text (much quicker than IGNORECASE).
# Word stems the measures above cannot do without: a plain substring test spares the
# regular expressions most activities of a large plan.
GENERAL_STEMS = (
    "employ", "job", "labour", "labor", "vocational", "credit", "financ", "income",
    "poverty", "social", "housing", "entrepreneur", "scholarship", "занят", "трудоустр",
    "безработ", "рабоч", "ярмарк", "профессиональн", "микрокредит", "бедност", "доход",
    "социальн", "жиль", "предприним",
)  # fmt: skip


def is_general_measure(text: str) -> bool:
    lowered = text.lower()
    return any(stem in lowered for stem in GENERAL_STEMS) and bool(GENERAL_MEASURE.search(lowered))


RELEVANCE = (
    "ICMPD 2006 Guidelines, p.39–43: reduction of vulnerability targets the groups at risk "
    "of trafficking (livelihood options, legal migration, non-discrimination); the "
    "review the product is modelled on reads each measure for the risk groups it serves."
)


@rule(
    code="activity-weakly-linked",
    severity="low",
    criterion="AP.5",
    title="Activity weakly linked to trafficking",
    rationale=RELEVANCE,
    message="The activity “{label}” is a general social or labour-market measure that names "
    "neither trafficking, its victims nor a group at risk: it is weakly linked to the plan's "
    "purpose.",
    recommendation="Say whom the measure is for (victims, a named group at risk of "
    "trafficking) and how it reduces their risk, or leave it to the general social "
    "programme it belongs to.",
)
def activity_weakly_linked(ctx: Context):
    objectives = {o.id: o.text for o in ctx.snapshot.objectives}
    for activity in ctx.snapshot.activities:
        if not is_general_measure(activity.text):
            continue
        objective = objectives.get(activity.parent_id, "")
        if LINK.search(activity.text.lower()) or LINK.search(objective.lower()):
            continue
        yield Hit("activity", activity.id, {"label": activity.label}, label=activity.label)
