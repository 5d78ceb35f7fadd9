"""Rules on resources as the plan states them: in amounts, or only in words; from the
state, or from donors alone.

An activity's resources are its budget lines (amount, currency, source) and its
"resources as written" — what the plan says where a ministry clerk would type a figure
("within the existing budget", "donor funds"). An activity that says "donor" is told
apart from one that says nothing: the first is funded in words, the second is reported by
`activities-without-budget`.
"""

from __future__ import annotations

import re

from assessment.checks.registry import Context, Hit, rule
from assessment.checks.sources import field_known, known_activities
from assessment.snapshot import Element

BUDGET = (
    "M&E Handbook (ICMPD 2010), p.58: it is vital to draw an approximate and realistic "
    "budget to estimate the resources needed; successful practice: a national resource plan "
    "with the resources per area, the funds awarded by donors and the priority gaps."
)
OWNERSHIP = (
    "ICMPD 2006 Guidelines, p.21–26 (government ownership, sustainability): the state leads "
    "and funds the response, so that it outlasts external projects."
)
# A figure, not a year: grouped thousands, a number with a scale or a currency.
AMOUNT = re.compile(
    r"\d{1,3}(?:[\s.,]\d{3})+(?!\d)|"
    r"\d+(?:[.,]\d+)?\s*(?:thousand|million|billion|тыс|млн|млрд|[A-Z]{3}\b|[€$£₽])|"
    r"(?:\b[A-Z]{3}|[€$£₽])\s*\d",
)
DONOR = re.compile(
    r"\b(?:donors?|grants?|sponsors?|external\s+(?:funding|funds|sources|partners)|"
    r"international\s+(?:partners|organi[sz]ations|donors|assistance|funding|projects?)|"
    r"technical\s+assistance|project\s+funds|extra-?budgetary|"
    r"донор\w*|грант\w*|спонсор\w*|внебюджетн\w*|международн\w+\s+(?:организац|партнер|"
    r"партнёр|донор|помощ|проект)\w*|внешн\w+\s+(?:источник|финансирован)\w*)",
    re.IGNORECASE,
)
STATE = re.compile(
    r"\b(?:state|national|government|governmental|public|municipal|local|ministry'?s?|"
    r"regular|annual|existing|own|institutions?'?)\s+(?:budgets?|resources|funds|funding|"
    r"appropriations?)|\bwithin\s+(?:the\s+)?(?:existing|allocated|available|budget)|"
    r"from\s+the\s+budgets?\s+of|budget\s+of\s+the\b|"
    r"государственн\w+\s+бюджет\w*|республиканск\w+\s+бюджет\w*|местн\w+\s+бюджет\w*|"
    r"бюджет\w*\s+(?:министерств|ведомств|учреждени|исполнител)\w*|"
    r"в\s+пределах\s+(?:выделенных|предусмотренных|имеющихся)|текущего\s+финансирования",
    re.IGNORECASE,
)
DONOR_SHARE = 0.5


def resources_as_written(activity: Element) -> str:
    return (activity.extra.get("resources_as_written") or "").strip()


def _words_only(ctx: Context):
    def compute():
        stated = [
            a
            for a in known_activities(ctx, "budget")
            if ctx.snapshot.facts[a.id].budget_lines or resources_as_written(a)
        ]
        words = [
            a
            for a in stated
            if not ctx.snapshot.facts[a.id].budget_lines
            and not AMOUNT.search(resources_as_written(a))
        ]
        return stated, words

    return ctx.memo("resources:words", compute)


@rule(
    code="resources-in-words-only",
    severity="medium",
    criterion="AP.3",
    title="Resources stated in words, without amounts",
    rationale=BUDGET,
    message="{count} of {total} activities that state their resources give them only in "
    "words (e.g. “{example}”), with no amount: the plan cannot be costed.",
    recommendation="Estimate the cost of each activity (amount, currency) beside its "
    "source, so that absorbed work and new spending can be told apart and the funding gap "
    "shown.",
)
def resources_in_words_only(ctx: Context):
    if not field_known(ctx, "budget"):
        return
    stated, words = _words_only(ctx)
    if words:
        example = resources_as_written(words[0])
        example = example if len(example) <= 80 else example[:79] + "…"
        yield Hit(
            "plan",
            ctx.plan_id,
            {"count": len(words), "total": len(stated), "example": example},
            severity="high" if len(words) * 2 >= len(stated) else "medium",
        )


def _sources(ctx: Context, activity: Element) -> set[str]:
    """Where an activity's money comes from: "state", "donor", "other"."""
    sources = set(ctx.snapshot.facts[activity.id].budget_sources)
    written = resources_as_written(activity)
    if written:
        if DONOR.search(written):
            sources.add("donor")
        if STATE.search(written):
            sources.add("state")
    return sources


@rule(
    code="donor-dependent-activities",
    severity="medium",
    criterion="AP.6",
    title="Activities resting on donor money alone",
    rationale=OWNERSHIP + " " + BUDGET,
    message="{count} of {total} activities with a known source of funding rest on donor "
    "money alone; the response depends on external projects.",
    recommendation="Plan state funding for the core of the response (coordination, victim "
    "assistance) and show in the resource plan which donor-funded activities the state "
    "takes over, and when.",
)
def donor_dependent_activities(ctx: Context):
    if not field_known(ctx, "budget"):
        return
    known = [(a, _sources(ctx, a)) for a in known_activities(ctx, "budget")]
    known = [(a, s) for a, s in known if s]
    donor_only = [a for a, s in known if s == {"donor"}]
    if known and len(donor_only) / len(known) >= DONOR_SHARE:
        yield Hit("plan", ctx.plan_id, {"count": len(donor_only), "total": len(known)})
