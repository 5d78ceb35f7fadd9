"""What a plan does well: a registry of strength rules, the twin of the findings' rules.

A review names strengths as well as gaps (the commendations and successful practices of
the review the product is modelled on). A strength rule is a function decorated with
`@strength(...)`: a stable `code`, the criterion of the standard it shows met, the kind
of note it suggests (commendation or successful practice), a title and a message
template. It reads the same `Context` as the checks — the snapshot and the coverage,
never the database — and yields `Praise`s: the element it concerns (the plan, a chapter,
a goal …), the values of its message and the elements that show it (evidence).

`run_strengths(...)` returns `StrengthData` records with a `key` stable across runs, so
a reviewer's decision on a suggested commendation (accepted into a note, or rejected)
survives re-running the review. Nothing here is written for one country.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from assessment.checks.bodies import is_generic_designation
from assessment.checks.registry import Context
from assessment.checks.resources import resources_as_written
from assessment.checks.sources import field_known, known_activities
from assessment.checks.wording import is_phrased_as_action, strip_label, vague_reason
from assessment.coverage import Coverage
from assessment.models import CoverageLevel
from assessment.snapshot import Element, PlanSnapshot

COMMENDATION, PRACTICE = "commendation", "practice"
MOST = 0.75
EVIDENCE_SHOWN = 10


@dataclass(frozen=True)
class StrengthRule:
    code: str
    criterion: str
    kind: str
    title: str
    message: str
    check: Callable


@dataclass
class Praise:
    element_type: str
    element_id: int
    values: dict = field(default_factory=dict)
    evidence: list = field(default_factory=list)  # Elements, or coverage Evidence
    detail: str = ""
    label: str = ""
    criterion: str | None = None
    component: str | None = None


@dataclass
class StrengthData:
    key: str
    rule: str
    criterion: str
    kind: str
    component: str
    element_type: str
    element_id: int
    element_label: str
    message: str
    evidence: list[dict]

    def as_json(self) -> dict:
        return {
            "rule": self.rule,
            "criterion": self.criterion,
            "kind": self.kind,
            "element": {"type": self.element_type, "id": self.element_id},
            "message": self.message,
            "evidence": [{"type": e["type"], "id": e["id"]} for e in self.evidence],
        }


STRENGTHS: dict[str, StrengthRule] = {}


def strength(*, code: str, criterion: str, title: str, message: str, kind: str = COMMENDATION):
    """Register a strength rule. `message` is a `str.format` template of `Praise.values`."""

    def register(check: Callable[[Context], Iterable[Praise]]):
        if code in STRENGTHS:
            raise ValueError(f"Strength {code} is registered twice.")
        STRENGTHS[code] = StrengthRule(code, criterion, kind, title, message, check)
        return check

    return register


def _most(part: int, whole: int) -> bool:
    return whole > 0 and part / whole >= MOST


def _plan(ctx: Context, values: dict, evidence: Iterable[Element] = (), **kwargs) -> Praise:
    return Praise("plan", ctx.plan_id, values, list(evidence), **kwargs)


@strength(
    code="component-own-chapter",
    criterion="ST.7",
    title="A chapter of its own for a component",
    message="The component “{component}” has a chapter of its own: “{chapter}”.",
)
def component_own_chapter(ctx: Context):
    chapters = {c.id: c for c in ctx.snapshot.chapters}
    titles = {c["code"]: c["title"] for c in ctx.snapshot.catalogue.components}
    seen = set()
    for chapter_id, mapped in ctx.chapter_components.items():
        if len(mapped) != 1 or chapter_id not in chapters:
            continue
        code = mapped[0][0]
        if code in seen:
            continue
        seen.add(code)
        chapter = chapters[chapter_id]
        yield Praise(
            "chapter",
            chapter.id,
            {"component": titles.get(code, code), "chapter": chapter.label},
            [chapter],
            label=chapter.label,
            component=code,
        )


# Groups a chapter may be dedicated to, with the principle such a chapter serves.
GROUPS = (
    (
        re.compile(r"\b(?:child\w*|minors?|juvenile\w*|детей|дети|детск\w*|несовершеннолетн\w*)"),
        "P.BC",
    ),
    (re.compile(r"\b(?:wom[ae]n|girls?|женщин\w*|девочек|девушек)"), "P.GE"),
    (
        re.compile(
            r"\b(?:migrants?|refugees?|asylum|disabilit\w*|мигрант\w*|беженц\w*|инвалид\w*)"
        ),
        "P.HR",
    ),
)
MIN_CHAPTERS = 3


@strength(
    code="group-chapter",
    criterion="P.HR",
    title="A chapter dedicated to a group at risk",
    message="The chapter “{chapter}” is dedicated to {group} as a vulnerable group and as "
    "victims, so measures can be tailored to them.",
)
def group_chapter(ctx: Context):
    chapters = ctx.snapshot.chapters
    if len(chapters) < MIN_CHAPTERS:  # one of several, not the plan's whole scope
        return
    goals_of: dict[int, list[str]] = {}
    for goal in ctx.snapshot.goals:
        goals_of.setdefault(goal.parent_id, []).append(goal.extra["title"].lower())
    for chapter in chapters:
        title = chapter.label.lower()
        goals = goals_of.get(chapter.id, [])
        for pattern, principle in GROUPS:
            match = pattern.search(title)
            if match is None and goals and all(pattern.search(g) for g in goals):
                match = pattern.search(goals[0])
            if match:
                yield Praise(
                    "chapter",
                    chapter.id,
                    {"chapter": chapter.label, "group": match.group(0)},
                    [chapter],
                    detail=principle,
                    label=chapter.label,
                    criterion=principle,
                )
                break


_BODY_EN = (
    r"(?:coordinat\w*|commission|council|secretariat|working\s+group|rapporteur|committee|"
    r"parliament|government)"
)
_BODY_RU = (
    r"(?:координ\w*|комисси\w*|совет\w*|секретариат\w*|рабоч\w+\s+групп\w*|"
    r"правительств\w*|парламент\w*)"
)
# Reporting TO a body ("submit a report to the National Coordinator", "inform the
# Commission"), not information FOR someone ("information materials for officials").
REPORTING = re.compile(
    r"\b(?:report\w*|submit\w*|brief\w*|present\w*)\b[^.;]{0,60}?\bto\s+(?:the\s+)?"
    r"[^.;]{0,40}?\b"
    + _BODY_EN
    + r"|\binform(?:s|ing)?\s+(?:the\s+)?[^.;]{0,40}?\b"
    + _BODY_EN
    + r"|(?:отч[её]т\w*|доклад\w*|информаци\w*|представл\w*)[^.;]{0,60}?\bв[о]?\s+[^.;]{0,40}?"
    + _BODY_RU
    + r"|информир\w*\s+[^.;]{0,40}?"
    + _BODY_RU
)  # lower case, run on lowered text (much quicker than IGNORECASE)


REPORTING_STEMS = ("report", "inform", "submit", "brief", "отч", "доклад", "представл")


def _reports(text: str) -> bool:
    lowered = text.lower()
    return any(stem in lowered for stem in REPORTING_STEMS) and bool(REPORTING.search(lowered))


@strength(
    code="reporting-built-in",
    criterion="SF.5",
    kind=PRACTICE,
    title="Reporting to the coordinating body built into activities",
    message="{count} activities report to the coordinating body (e.g. “{example}”): "
    "monitoring is part of the work, not an afterthought.",
)
def reporting_built_in(ctx: Context):
    reporting = [a for a in ctx.snapshot.activities if _reports(a.text)]
    if reporting:
        yield _plan(ctx, {"count": len(reporting), "example": reporting[0].label}, reporting)


def _complete(ctx: Context, activity: Element) -> bool:
    facts = ctx.snapshot.facts[activity.id]
    return bool(
        facts.bodies
        and activity.extra["start"]
        and (facts.budget_lines or resources_as_written(activity))
        and facts.indicators
    )


def _fully_known(ctx: Context) -> list[Element]:
    names = ("lead", "timeframe", "budget", "indicators")
    return [a for a in ctx.snapshot.activities if all(field_known(ctx, n, a) for n in names)]


@strength(
    code="activities-complete",
    criterion="AP.4",
    title="Activities carry a responsible body, timeframe, resources and indicator",
    message="{count} of {total} activities carry a responsible body, a timeframe, their "
    "resources and an indicator — every field the action plan needs.",
)
def activities_complete(ctx: Context):
    pool = _fully_known(ctx)
    complete = [a for a in pool if _complete(ctx, a)]
    if _most(len(complete), len(pool)):
        yield _plan(ctx, {"count": len(complete), "total": len(pool)}, complete)


def _specific(ctx: Context, activity: Element) -> bool:
    """A timeframe that is not the plan period restated (within a month or so of both ends)."""
    first, last = ctx.snapshot.period
    start, end = activity.extra["start"], activity.extra["end"]
    if not (start and end):
        return False
    return not (start <= first.replace(month=2) and end >= last.replace(month=11))


@strength(
    code="specific-timeframes",
    criterion="AP.2",
    title="Specific timeframes inside the period",
    message="{count} of {total} activities have a timeframe of their own inside the plan "
    "period, not the period restated.",
)
def specific_timeframes(ctx: Context):
    pool = known_activities(ctx, "timeframe")
    specific = [a for a in pool if _specific(ctx, a)]
    if _most(len(specific), len(pool)):
        yield _plan(ctx, {"count": len(specific), "total": len(pool)}, specific)


@strength(
    code="every-activity-has-body",
    criterion="AP.1",
    title="Every activity names its responsible body",
    message="Every activity ({total}) names the body responsible for it.",
)
def every_activity_has_body(ctx: Context):
    pool = [
        a
        for a in ctx.snapshot.activities
        if field_known(ctx, "lead", a) or field_known(ctx, "partners", a)
    ]
    if pool and all(ctx.snapshot.facts[a.id].bodies for a in pool):
        yield _plan(ctx, {"total": len(pool)}, pool)


@strength(
    code="indicators-baseline-target",
    criterion="IN.M",
    title="Indicators with baselines and targets",
    message="{count} of {total} indicators state a baseline and a target, so progress can "
    "be measured against where the plan started.",
)
def indicators_baseline_target(ctx: Context):
    indicators = ctx.snapshot.indicators
    measured = [
        i for i in indicators if str(i["baseline_value"]).strip() and str(i["target_value"]).strip()
    ]
    if _most(len(measured), len(indicators)):
        yield _plan(ctx, {"count": len(measured), "total": len(indicators)})


@strength(
    code="civil-society-partner",
    criterion="P.CS",
    title="Civil society is a named partner",
    message="Named civil-society organisations take part in {count} activities (e.g. “{name}”).",
)
def civil_society_partner(ctx: Context):
    named, with_ngo = [], []
    for activity in ctx.snapshot.activities:
        bodies = ctx.snapshot.facts[activity.id].bodies_named
        ngos = [n for n, kind, _ in bodies if kind == "ngo" and not is_generic_designation(n)]
        if ngos:
            with_ngo.append(activity)
            named.extend(ngos)
    if with_ngo:
        yield _plan(ctx, {"count": len(with_ngo), "name": named[0]}, with_ngo)


@strength(
    code="consultation-heard",
    criterion="P.CS.1",
    title="Civil society was consulted on the plan",
    message="The plan was opened to consultation: {organisations} organisation(s) made "
    "{count} comments, and the working group decided on {resolved} of them with its "
    "reasons ({accepted} accepted).",
)
def consultation_heard(ctx: Context):
    """A consultation counts once its comments have been answered: comments alone show
    that the plan was shown, decisions with reasons that the views were weighed."""
    consultation = ctx.snapshot.consultation
    if not consultation.resolved:
        return
    kinds = ("chapter", "goal", "objective", "activity")
    by_ref = {(e.type, e.id): e for e in ctx.snapshot.elements(*kinds)}
    by_ref.update({("output", e.id): e for e in ctx.snapshot.outputs})
    changed = [by_ref[ref] for ref in dict.fromkeys(consultation.accepted) if ref in by_ref]
    values = {
        "organisations": len(consultation.organisations),
        "count": sum(consultation.counts.values()),
        "resolved": consultation.resolved,
        "accepted": consultation.counts.get("accepted", 0),
    }
    yield _plan(ctx, values, changed)


@strength(
    code="reporting-kept",
    criterion="SF.5.1",
    kind=PRACTICE,
    title="A reporting discipline kept",
    message="Each of the {count} reporting periods due so far ({periods}) was closed with "
    "approved reports from all {bodies} responsible bodies, handed in by the due date: "
    "the plan is monitored as it is implemented.",
)
def reporting_kept(ctx: Context):
    """Every period that is closed, or past its due date, holds every report each
    responsible body owes, approved and handed in on time; an open period not yet due is
    still under way and does not count either way."""
    monitoring = ctx.snapshot.monitoring
    due = [p for p in monitoring.periods if p["status"] != "open" or p["due_on"] < monitoring.today]
    if not due or not due[0]["owed"]:
        return
    for period in due:
        if period["status"] == "open":
            return
        if any(period["on_time"][body] < owed for body, owed in period["owed"].items()):
            return
    values = {
        "count": len(due),
        "periods": ", ".join(p["label"] for p in due),
        "bodies": len(due[0]["owed"]),
    }
    yield _plan(ctx, values, [Element("period", p["id"], p["label"], "") for p in due])


@strength(
    code="national-resource-plan",
    criterion="AP.6",
    kind=PRACTICE,
    title="A national resource plan",
    message="{count} of {total} activities are costed in budget lines with their source "
    "({sources}): together they make a national resource plan per area and source.",
)
def national_resource_plan(ctx: Context):
    pool = known_activities(ctx, "budget")
    costed = [a for a in pool if ctx.snapshot.facts[a.id].budget_lines]
    if _most(len(costed), len(pool)):
        sources = set()
        for activity in costed:
            sources |= ctx.snapshot.facts[activity.id].budget_sources
        names = {"state": "state budget", "donor": "donors", "other": "other sources"}
        listed = ", ".join(names.get(s, s) for s in sorted(sources)) or "stated"
        yield _plan(ctx, {"count": len(costed), "total": len(pool), "sources": listed}, costed)


# A result names a state reached: "Improved referral …", "Victims are identified early",
# "… established"; a relative clause ("children who are victims") is not one.
RESULT = re.compile(
    r"^\s*\w+ed\b|\b\w+ed\s*\.?\s*$|"
    r"\b(?:is|are|were|has\s+been|have\s+been|will\s+be|becomes?)\s+"
    r"(?:\w+ly\s+|better\s+|more\s+|well\s+|fully\s+)?(?:\w+(?:ed|en)|able|aware|safe)\b|"
    r"\b\w+(?:ован|влен|шен|жен|чен|ден|нен|тен|зан|дан|бран)[аоы]?\b",
    re.IGNORECASE,
)


def _result_worded(element: Element) -> bool:
    title = strip_label(element.extra.get("title", element.text))
    return bool(RESULT.search(title)) and not is_phrased_as_action(title)


@strength(
    code="objectives-as-results",
    criterion="ST.5",
    title="Goals and objectives worded as results",
    message="{count} of {total} goals and objectives are worded as the result to achieve "
    "(e.g. “{example}”), not as actions.",
)
def objectives_as_results(ctx: Context):
    pool = ctx.snapshot.goals + ctx.snapshot.objectives
    results = [e for e in pool if _result_worded(e)]
    if results:
        yield _plan(
            ctx,
            {"count": len(results), "total": len(pool), "example": results[0].label},
            results,
        )


DELIVERABLE = re.compile(
    r"\b(?:law|amendments?|regulations?|decree|handbook|manual|guidelines?|procedures?|"
    r"protocol|standard\s+operating|curricul\w*|training|seminars?|workshops?|campaigns?|"
    r"database|register|shelters?|centres?|centers?|hotlines?|helplines?|stud(?:y|ies)|"
    r"research|survey|assessment|analysis|report|compendium|materials?|brochures?|"
    r"leaflets?|agreements?|memorand\w*|routines?|strategy|programmes?|"
    r"закон\w*|поправк\w*|положени\w*|постановлени\w*|инструкци\w*|руководств\w*|"
    r"методическ\w*|тренинг\w*|семинар\w*|курс\w*|кампани\w*|баз\w*\s+данных|реестр\w*|"
    r"приют\w*|центр\w*|горяч\w+\s+лини\w*|исследовани\w*|анализ\w*|доклад\w*|отч[её]т\w*|"
    r"сборник\w*|брошюр\w*|памятк\w*|соглашени\w*|меморандум\w*|программ\w*)\b",
)  # lower case, run on lowered text


@strength(
    code="concrete-deliverables",
    criterion="AP.5",
    title="Concrete deliverables",
    message="{count} of {total} activities name a concrete deliverable (e.g. “{example}”).",
)
def concrete_deliverables(ctx: Context):
    pool = known_activities(ctx, "text")
    concrete = [
        a
        for a in pool
        if DELIVERABLE.search(a.extra["title"].lower()) and vague_reason(a.extra["title"]) is None
    ]
    if concrete and len(concrete) * 2 >= len(pool):
        yield _plan(
            ctx,
            {"count": len(concrete), "total": len(pool), "example": concrete[0].label},
            concrete,
        )


@strength(
    code="results-chain",
    criterion="ST.6",
    title="A complete results chain",
    message="Every strategic goal ({goals}) splits into specific objectives and the "
    "objectives into activities: a results chain a reviewer can follow.",
)
def results_chain(ctx: Context):
    goals, objectives = ctx.snapshot.goals, ctx.snapshot.objectives
    with_objectives = {o.parent_id for o in objectives}
    with_activities = {a.parent_id for a in ctx.snapshot.activities}
    if not goals or not all(g.id in with_objectives for g in goals):
        return
    if field_known(ctx, "activities"):
        chained = all(o.id in with_activities for o in objectives)
    else:  # a partial source: what was read is chained
        chained = any(o.id in with_activities for o in objectives)
    if chained:
        yield _plan(ctx, {"goals": len(goals)}, goals)


@strength(
    code="goals-answer-problems",
    criterion="ST.4",
    title="Goals answer the problems the plan states",
    message="{count} of {total} strategic goals state the problem or the background finding "
    "they answer.",
)
def goals_answer_problems(ctx: Context):
    goals = ctx.snapshot.goals
    grounded = [
        g for g in goals if g.extra.get("background") or g.extra.get("rationale", "").strip()
    ]
    if _most(len(grounded), len(goals)):
        yield _plan(ctx, {"count": len(grounded), "total": len(goals)}, grounded)


@strength(
    code="objectives-with-indicators",
    criterion="AP.4",
    title="Objectives with indicators of their own",
    message="{count} of {total} specific objectives carry indicators of their own.",
)
def objectives_with_indicators(ctx: Context):
    objectives = ctx.snapshot.objectives
    own = {i["objective_id"] for i in ctx.snapshot.indicators if i.get("objective_id")}
    measured = [o for o in objectives if o.id in own]
    if _most(len(measured), len(objectives)):
        yield _plan(ctx, {"count": len(measured), "total": len(objectives)}, measured)


@strength(
    code="principle-in-activities",
    criterion="",
    title="A guiding principle carried into activities",
    message="The guiding principle “{principle}” is carried into concrete activities.",
)
def principle_in_activities(ctx: Context):
    done = (CoverageLevel.CONCRETE, CoverageLevel.COMPLETE)
    for (kind, code), item in ctx.coverage.items():
        if kind == "principle" and item.level in done:
            activities = [e for e in item.evidence if e.type == "activity"]
            yield _plan(ctx, {"principle": item.title}, activities, detail=code, criterion=code)


def _evidence(elements) -> list[dict]:
    """The first elements (plan elements or coverage evidence) that show a strength."""
    return [{"type": e.type, "id": e.id, "label": e.label} for e in elements[:EVIDENCE_SHOWN]]


def _record(ctx: Context, rule: StrengthRule, praise: Praise) -> StrengthData:
    key = f"{rule.code}:{praise.element_type}:{praise.element_id}"
    if praise.detail:
        key += f":{praise.detail}"
    component = praise.component
    if component is None:
        component = ctx.component_of(praise.element_type, praise.element_id)
    return StrengthData(
        key=key[:200],
        rule=rule.code,
        criterion=praise.criterion or rule.criterion,
        kind=rule.kind,
        component=component,
        element_type=praise.element_type,
        element_id=praise.element_id,
        element_label=praise.label[:300],
        message=rule.message.format(**praise.values),
        evidence=_evidence(praise.evidence),
    )


def run_strengths(
    snapshot: PlanSnapshot, coverage: list[Coverage], chapter_components: dict | None = None
) -> list[StrengthData]:
    """Every registered strength rule over the snapshot, in registry order."""
    ctx = Context(snapshot, coverage, chapter_components or {})
    return [_record(ctx, rule, praise) for rule in STRENGTHS.values() for praise in rule.check(ctx)]
