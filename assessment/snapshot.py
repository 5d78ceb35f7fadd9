"""One read of a plan and a framework, shaped for the checks, coverage and mapping.

Every rule, the coverage rating and the mapping read this snapshot and nothing else, so a
review issues the same small number of queries whatever the size of the plan: each table
is read once with `values()` (no model instances, no per-element queries) and the
many-to-many tags are read straight from their through tables.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from actionplan.models import Activity, BudgetLine, Indicator, Output, Responsibility, SubActivity
from consultation.selectors import consultation_facts
from monitoring.selectors import SpentOnLine, review_facts
from standards.models import Area, Component, Criterion, Framework, Principle
from strategy.models import (
    Chapter,
    Plan,
    Section,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
)

TAGGED_MODELS = {
    "chapter": Chapter,
    "goal": StrategicGoal,
    "objective": SpecificObjective,
    "activity": Activity,
}


@dataclass
class Element:
    """A plan element as the checks see it: its type, id, a short label and its text."""

    type: str
    id: int
    label: str
    text: str
    parent_id: int | None = None
    areas: set[str] = field(default_factory=set)
    principles: set[str] = field(default_factory=set)
    components: set[str] = field(default_factory=set)
    extra: dict = field(default_factory=dict)


@dataclass
class ActivityFacts:
    """What completeness needs to know about one activity."""

    lead: bool = False
    bodies: int = 0
    budget_lines: int = 0
    indicators: int = 0
    sub_activity_text: str = ""
    bodies_named: list[tuple[str, str, str]] = field(default_factory=list)  # name, kind, role
    budget_sources: set[str] = field(default_factory=set)


@dataclass
class ConsultationFacts:
    """What the plan's consultation shows of civil society participation: the comments by
    decision, the organisations heard and the elements whose comments were accepted."""

    counts: dict[str, int] = field(default_factory=dict)
    organisations: list[str] = field(default_factory=list)
    accepted: list[tuple[str, int | None]] = field(default_factory=list)

    @property
    def resolved(self) -> int:
        return self.counts.get("accepted", 0) + self.counts.get("declined", 0)


@dataclass
class MonitoringFacts:
    """What the plan's monitoring shows, from approved reports (`monitoring.selectors.
    review_facts`): its reporting periods with the reports owed and approved per body, each
    activity's latest status, each indicator's latest value and each budget line's spending
    in the published periods.
    Empty for a plan nobody monitors, which then reviews as it always did."""

    periods: list[dict] = field(default_factory=list)
    statuses: dict[int, tuple[str, str, str]] = field(default_factory=dict)
    indicator_values: dict[int, tuple] = field(default_factory=dict)
    spending: dict[int, SpentOnLine] = field(default_factory=dict)
    # The day of the review: what is past its end month or target year is judged from it.
    today: datetime.date = field(default_factory=datetime.date.today)

    @property
    def reported(self) -> list[dict]:
        """The periods that hold approved reports: reporting is in place."""
        return [p for p in self.periods if p["approved"]]


@dataclass
class Catalogue:
    """The framework's codes: components, areas, principles and criteria with keywords."""

    framework: Framework
    components: list[dict]
    areas: list[dict]
    principles: list[dict]
    criteria: list[dict]

    def area_component(self, area_code: str) -> str:
        for area in self.areas:
            if area["code"] == area_code:
                return area["component_code"]
        return ""

    def principle_phrases(self, principle: dict) -> dict[str, list[str]]:
        """The principle's phrases with those of its criteria, per language: a plan that
        names what a principle's criterion asks about follows the principle."""
        phrases = {language: list(words) for language, words in principle["keywords"].items()}
        for criterion in self.criteria:
            if criterion.get("principle__code") == principle["code"]:
                for language, words in criterion["keywords"].items():
                    known = phrases.setdefault(language, [])
                    known += [word for word in words if word not in known]
        return phrases

    def criteria_codes(self) -> set[str]:
        return {c["code"] for c in self.criteria}


@dataclass
class PlanSnapshot:
    plan: Plan
    catalogue: Catalogue
    sections: list[Element]
    stakeholders: list[dict]
    chapters: list[Element]
    goals: list[Element]
    objectives: list[Element]
    outputs: list[Element]
    activities: list[Element]
    indicators: list[dict]
    facts: dict[int, ActivityFacts]
    # What the source the plan was typed in from does not include, for the whole plan.
    not_in_source: frozenset[str] = frozenset()
    # Whether no activity lists anything its source lacks: most plans, and then no rule
    # needs to ask activity by activity.
    activities_complete: bool = True
    consultation: ConsultationFacts = field(default_factory=ConsultationFacts)
    monitoring: MonitoringFacts = field(default_factory=MonitoringFacts)

    def source_lacks(self, name: str, element: Element | None = None) -> bool:
        """Whether the plan's source does not include `name` (a field such as "lead",
        "timeframe", "budget"; or "activities", "sections" for the plan), for the whole
        plan or for `element`. A rule does not report what the source lacks as missing."""
        if name in self.not_in_source:
            return True
        if self.activities_complete or element is None:
            return False
        return name in element.extra.get("not_in_source", ())

    def elements(self, *types: str) -> list[Element]:
        groups = {
            "section": self.sections,
            "chapter": self.chapters,
            "goal": self.goals,
            "objective": self.objectives,
            "activity": self.activities,
        }
        return [e for t in types for e in groups[t]]

    @property
    def period(self) -> tuple[datetime.date, datetime.date]:
        return self.plan.period_months


def _join(*parts) -> str:
    return "\n".join(p for p in parts if p)


def _label(code: str, title: str) -> str:
    text = re.sub(r"\s+", " ", f"{code} {title}".strip())
    return text if len(text) <= 140 else text[:139] + "…"


def load_catalogue(framework: Framework) -> Catalogue:
    components = list(
        Component.objects.filter(framework=framework)
        .order_by("order", "code")
        .values("id", "code", "title")
    )
    areas = list(
        Area.objects.filter(framework=framework)
        .order_by("component__order", "order", "code")
        .values("id", "code", "title", "keywords", "component__code", "source_page")
    )
    for area in areas:
        area["component_code"] = area.pop("component__code")
    principles = list(
        Principle.objects.filter(framework=framework)
        .order_by("order", "code")
        .values("id", "code", "title", "keywords", "source_page")
    )
    criteria = list(
        Criterion.objects.filter(framework=framework)
        .order_by("order", "code")
        .values(
            "code",
            "question",
            "keywords",
            "area__code",
            "principle__code",
            "group",
            "source_page",
            "tier",
        )
    )
    return Catalogue(framework, components, areas, principles, criteria)


def _tags(plan: Plan, elements: dict[str, dict[int, Element]]) -> None:
    """Read the areas/principles/components tags of every tagged element by code."""
    for type_, model in TAGGED_MODELS.items():
        by_id = elements[type_]
        for attr, target in (("areas", "area"), ("principles", "principle")):
            through = getattr(model, attr).through
            owner = f"{model._meta.model_name}_id"
            rows = through.objects.filter(**{f"{model._meta.model_name}__plan": plan})
            for owner_id, code in rows.values_list(owner, f"{target}__code"):
                if owner_id in by_id:
                    getattr(by_id[owner_id], attr).add(code)
        through = model.components.through
        owner = f"{model._meta.model_name}_id"
        rows = through.objects.filter(**{f"{model._meta.model_name}__plan": plan})
        for owner_id, code in rows.values_list(owner, "component__code"):
            if owner_id in by_id:
                by_id[owner_id].components.add(code)


def plan_snapshot(*, plan: Plan, framework: Framework, monitoring: bool = True) -> PlanSnapshot:
    """Load everything the checks, coverage and mapping need, in a fixed number of queries.
    `monitoring=False` leaves the monitoring out, for a reader that needs none of it (the
    mapping of a saved review)."""
    chapters, goals, objectives = _load_strategy(plan)
    activities, facts = _load_activities(plan)
    elements = {"chapter": chapters, "goal": goals, "objective": objectives, "activity": activities}
    _tags(plan, elements)
    indicators = _load_indicators(plan, activities, facts)
    outputs = [
        Element(
            "output",
            o["id"],
            _label(o["code"], o["title"]),
            o["title"],
            parent_id=o["objective_id"],
        )
        for o in Output.objects.filter(plan=plan)
        .order_by("order", "pk")
        .values("id", "code", "title", "objective_id")
    ]
    return PlanSnapshot(
        plan=plan,
        catalogue=load_catalogue(framework),
        sections=_load_sections(plan),
        stakeholders=list(
            Stakeholder.objects.filter(plan=plan)
            .order_by("order", "name")
            .values("id", "name", "role", "kind")
        ),
        chapters=list(chapters.values()),
        goals=list(goals.values()),
        objectives=list(objectives.values()),
        outputs=outputs,
        activities=list(activities.values()),
        indicators=indicators,
        facts=facts,
        not_in_source=frozenset(plan.not_in_source or ()),
        activities_complete=not any(a.extra["not_in_source"] for a in activities.values()),
        consultation=ConsultationFacts(**consultation_facts(plan=plan)),
        monitoring=MonitoringFacts(**review_facts(plan=plan), today=timezone.localdate())
        if monitoring
        else MonitoringFacts(),
    )


def _load_sections(plan: Plan) -> list[Element]:
    return [
        Element(
            "section",
            s["id"],
            _label("", s["title"]),
            _join(s["title"], s["body"]),
            extra={"kind": s["kind"], "component": s["component__code"]},
        )
        for s in Section.objects.filter(plan=plan)
        .order_by("order", "pk")
        .values("id", "kind", "title", "body", "component__code")
    ]


def _load_strategy(plan: Plan):
    """Chapters, goals and objectives by id."""
    chapters = {
        c["id"]: Element(
            "chapter", c["id"], _label(c["code"], c["title"]), _join(c["title"], c["description"])
        )
        for c in Chapter.objects.filter(plan=plan)
        .order_by("order", "pk")
        .values("id", "code", "title", "description")
    }
    background_links = set(
        StrategicGoal.background_sections.through.objects.filter(
            strategicgoal__plan=plan
        ).values_list("strategicgoal_id", flat=True)
    )
    goals = {
        g["id"]: Element(
            "goal",
            g["id"],
            _label(g["code"], g["title"]),
            _join(g["title"], g["description"]),
            parent_id=g["chapter_id"],
            extra={
                "title": g["title"],
                "rationale": g["rationale"],
                "background": g["id"] in background_links,
            },
        )
        for g in StrategicGoal.objects.filter(plan=plan)
        .order_by("order", "pk")
        .values("id", "code", "title", "description", "rationale", "chapter_id")
    }
    objectives = {
        o["id"]: Element(
            "objective",
            o["id"],
            _label(o["code"], o["title"]),
            _join(o["title"], o["description"]),
            parent_id=o["goal_id"],
            extra={"title": o["title"]},
        )
        for o in SpecificObjective.objects.filter(plan=plan)
        .order_by("order", "pk")
        .values("id", "code", "title", "description", "goal_id")
    }
    return chapters, goals, objectives


def _load_indicators(plan: Plan, activities, facts) -> list[dict]:
    """Every indicator; counts each activity's own and its output's indicators."""
    indicators = list(
        Indicator.objects.filter(plan=plan)
        .order_by("order", "pk")
        .values(
            "id", "level", "definition", "unit", "baseline_value", "baseline_year", "target_value",
            "target_year", "means_of_verification", "frequency", "responsible_body_id",
            "goal_id", "objective_id", "output_id", "activity_id",
        )
    )  # fmt: skip
    output_indicators = {i["output_id"] for i in indicators if i["output_id"]}
    for indicator in indicators:
        if indicator["activity_id"] in facts:
            facts[indicator["activity_id"]].indicators += 1
    for activity in activities.values():
        if activity.extra["output_id"] in output_indicators:
            facts[activity.id].indicators += 1
    return indicators


def _load_activities(plan: Plan) -> tuple[dict[int, Element], dict[int, ActivityFacts]]:
    activities: dict[int, Element] = {}
    facts: dict[int, ActivityFacts] = {}
    rows = Activity.objects.filter(plan=plan).order_by("order", "pk")
    for a in rows.values(
        "id", "code", "title", "description", "objective_id", "output_id", "start_month",
        "end_month", "resources_as_written", "timeframe_as_written", "not_in_source",
    ):  # fmt: skip
        activities[a["id"]] = Element(
            "activity",
            a["id"],
            _label(a["code"], a["title"]),
            _join(a["title"], a["description"]),
            parent_id=a["objective_id"],
            extra={
                "title": a["title"],
                "output_id": a["output_id"],
                "start": a["start_month"],
                "end": a["end_month"],
                "resources_as_written": a["resources_as_written"],
                "timeframe_as_written": a["timeframe_as_written"],
                "not_in_source": frozenset(a["not_in_source"] or ()),
            },
        )
        facts[a["id"]] = ActivityFacts()
    subs = defaultdict(list)
    for activity_id, title in SubActivity.objects.filter(activity__plan=plan).values_list(
        "activity_id", "title"
    ):
        subs[activity_id].append(title)
    for activity_id, titles in subs.items():
        if activity_id in facts:
            facts[activity_id].sub_activity_text = "\n".join(titles)
            activities[activity_id].text = _join(activities[activity_id].text, *titles)
    responsibilities = Responsibility.objects.filter(activity__plan=plan).order_by(
        "activity_id", "-role", "order", "pk"
    )
    for activity_id, role, name, kind in responsibilities.values_list(
        "activity_id", "role", "stakeholder__name", "stakeholder__kind"
    ):
        facts[activity_id].bodies += 1
        facts[activity_id].lead |= role == Responsibility.Role.LEAD
        facts[activity_id].bodies_named.append((name, kind, role))
    for activity_id, source in BudgetLine.objects.filter(activity__plan=plan).values_list(
        "activity_id", "source"
    ):
        facts[activity_id].budget_lines += 1
        facts[activity_id].budget_sources.add(source)
    return activities, facts
