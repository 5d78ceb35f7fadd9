"""What the monitoring pages, the report and the exports read. Every reader runs a fixed
number of queries, however large the plan."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import NamedTuple

from django.db.models import Count, F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext

from actionplan.models import Activity, BudgetLine, Indicator, Responsibility
from monitoring.models import (
    ActivityReport,
    ActivityStatus,
    FocalPoint,
    IndicatorValue,
    PeriodStatus,
    ReportingPeriod,
    ReportState,
    Spending,
)
from standards.models import Component
from strategy.models import NO_CHAPTER, Chapter, Plan, PlanMembership, Stakeholder

STATUSES = [s.value for s in ActivityStatus]
NOT_REPORTED = "not_reported"
DONE = (ActivityStatus.COMPLETED, ActivityStatus.CANCELLED)


# --- the coordinator's desk and the focal point's list ----------------------------------


@dataclass
class BodyProgress:
    body: Stakeholder
    expected: int
    states: Counter = field(default_factory=Counter)

    @property
    def missing(self) -> int:
        return self.expected - sum(self.states.values())

    @property
    def handed_in(self) -> int:
        return self.states[ReportState.SUBMITTED] + self.states[ReportState.APPROVED]

    @property
    def complete(self) -> bool:
        return self.handed_in >= self.expected

    def is_late(self, period: ReportingPeriod, today: datetime.date) -> bool:
        return period.is_late(today) and not self.complete


def period_completeness(*, period: ReportingPeriod) -> list[BodyProgress]:
    """Per responsible body of the plan: how many reports it owes and in which state they are."""
    expected = dict(
        Responsibility.objects.filter(activity__plan_id=period.plan_id)
        .values_list("stakeholder_id")
        .annotate(n=Count("pk"))
    )
    bodies = Stakeholder.objects.filter(pk__in=expected).order_by("order", "name")
    states: dict[int, Counter] = defaultdict(Counter)
    for body_id, state, n in (
        period.reports.values_list("body_id", "state").annotate(n=Count("pk")).order_by()
    ):
        states[body_id][state] = n
    return [BodyProgress(body, expected[body.pk], states[body.pk]) for body in bodies]


def reports_for_review(*, period: ReportingPeriod) -> list[ActivityReport]:
    """The reports the coordinator has to act on or has approved, in plan order."""
    return list(
        period.reports.exclude(state=ReportState.DRAFT)
        .select_related("activity", "body")
        .order_by("activity__order", "activity_id", "body__name")
    )


@dataclass
class Duty:
    """An activity a body reports on, with its report so far (None before the first save)."""

    activity: Activity
    body: Stakeholder
    role: str
    report: ActivityReport | None


def body_duties(*, period: ReportingPeriod, body_ids) -> list[Duty]:
    """Every activity the given bodies lead or partner in, with their report of the period."""
    responsibilities = (
        Responsibility.objects.filter(activity__plan_id=period.plan_id, stakeholder_id__in=body_ids)
        .select_related("activity", "stakeholder")
        .order_by("stakeholder__name", "activity__order", "activity_id")
    )
    reports = {
        (r.activity_id, r.body_id): r
        for r in period.reports.filter(body_id__in=body_ids).select_related("period")
    }
    return [
        Duty(r.activity, r.stakeholder, r.role, reports.get((r.activity_id, r.stakeholder_id)))
        for r in responsibilities
    ]


def reminders_for(*, user, today: datetime.date | None = None) -> list[dict]:
    """What the home page reminds `user` of: reports their bodies owe in open periods, and,
    for the plans they coordinate, the bodies late with their reports."""
    today = today or timezone.localdate()
    if not getattr(user, "is_authenticated", False):
        return []
    reminders: list[dict] = []
    focal = list(FocalPoint.objects.filter(user=user).select_related("body"))
    if focal:
        periods = (
            ReportingPeriod.objects.filter(
                plan__stakeholders__in=[f.body_id for f in focal], status="open"
            )
            .select_related("plan")
            .distinct()
        )
        handed = Counter(
            (period_id, body_id)
            for period_id, body_id in ActivityReport.objects.filter(
                body_id__in=[f.body_id for f in focal],
                state__in=[ReportState.SUBMITTED, ReportState.APPROVED],
                period__status="open",
            ).values_list("period_id", "body_id")
        )
        owed = Counter(
            Responsibility.objects.filter(
                stakeholder_id__in=[f.body_id for f in focal]
            ).values_list("stakeholder_id", flat=True)
        )
        for period in periods:
            for point in focal:
                if point.body.plan_id != period.plan_id:
                    continue
                due = owed[point.body_id] - handed[(period.pk, point.body_id)]
                if due > 0:
                    reminders.append(
                        {"kind": "due", "period": period, "body": point.body, "count": due}
                    )
    return reminders + _late_bodies(user=user, today=today)


def _late_bodies(*, user, today: datetime.date) -> list[dict]:
    """Per open period past its due date in the plans `user` edits, the bodies that have
    not handed in every report: four queries, however many plans and periods."""
    coordinated = PlanMembership.objects.filter(user=user, role=PlanMembership.Role.EDITOR)
    periods = list(
        ReportingPeriod.objects.filter(
            plan__in=coordinated.values("plan_id"), status="open", due_on__lt=today
        ).select_related("plan")
    )
    if not periods:
        return []
    owed: dict[int, dict[int, int]] = defaultdict(dict)
    for plan_id, body_id, n in (
        Responsibility.objects.filter(activity__plan__in={p.plan_id for p in periods})
        .values_list("activity__plan_id", "stakeholder_id")
        .annotate(n=Count("pk"))
        .order_by()
    ):
        owed[plan_id][body_id] = n
    handed = {
        (period_id, body_id): n
        for period_id, body_id, n in ActivityReport.objects.filter(
            period__in=periods, state__in=[ReportState.SUBMITTED, ReportState.APPROVED]
        )
        .values_list("period_id", "body_id")
        .annotate(n=Count("pk"))
        .order_by()
    }
    late_ids = {
        p.pk: [b for b, n in owed[p.plan_id].items() if handed.get((p.pk, b), 0) < n]
        for p in periods
    }
    bodies = Stakeholder.objects.in_bulk({b for ids in late_ids.values() for b in ids})
    reminders = []
    for period in periods:
        late = sorted((bodies[b] for b in late_ids[period.pk]), key=lambda b: (b.order, b.name))
        if late:
            reminders.append({"kind": "late", "period": period, "bodies": late})
    return reminders


# --- the dashboard -----------------------------------------------------------------------


def stated_number(text: str) -> Decimal | None:
    """The number a baseline or target states ("1,200", "35 %"), or None for words."""
    try:
        value = Decimal(text.strip().replace(",", "").rstrip("%").strip())
    except (InvalidOperation, AttributeError):
        return None
    return value if value.is_finite() else None


@dataclass
class IndicatorSeries:
    indicator: Indicator
    baseline: Decimal | None
    target: Decimal | None
    values: list[tuple[ReportingPeriod, Decimal | None, datetime.date | None]]

    @property
    def latest(self) -> Decimal | None:
        reached = [v for _, v, _d in self.values if v is not None]
        return reached[-1] if reached else None

    @property
    def off_target(self) -> bool:
        """Not moving from the baseline towards the target by the latest value."""
        if self.latest is None or self.target is None or self.baseline is None:
            return False
        return moved_away(self.latest, baseline=self.baseline, target=self.target)


def moved_away(value: Decimal, *, baseline: Decimal, target: Decimal) -> bool:
    """Whether `value` lies on the far side of the baseline from the target: an indicator
    with a target above its baseline is to rise, one with a target below it to fall."""
    if target >= baseline:
        return value < baseline
    return value > baseline


def target_reached(value: Decimal, *, baseline: Decimal, target: Decimal) -> bool:
    if target >= baseline:
        return value >= target
    return value <= target


class Reported(NamedTuple):
    period_id: int
    activity_id: int
    body_id: int
    status: str
    reason: str


def _status_per_period(reports, leads: set[tuple[int, int]]) -> dict[int, dict]:
    """One report per activity and period: the lead body's, else any body's."""
    per_period: dict[int, dict] = defaultdict(dict)
    for report in reports:
        chosen = per_period[report.period_id].get(report.activity_id)
        if chosen is None or (report.activity_id, report.body_id) in leads:
            per_period[report.period_id][report.activity_id] = report
    return per_period


@dataclass(frozen=True)
class Delay:
    activity: Activity
    status_label: str
    reason: str


@dataclass
class Dashboard:
    plan: Plan
    periods: list[ReportingPeriod]
    latest_status: dict[int, str]
    by_chapter: list[tuple[str, Counter]]
    by_component: list[tuple[str, Counter]]
    trend: list[tuple[str, Counter]]
    overdue: list[Activity]
    indicators: list[IndicatorSeries]
    budget: dict[str, list[tuple[str, Decimal, Decimal]]]
    delays: list[Delay]
    activity_count: int


def visible_periods(*, plan: Plan, coordinator: bool):
    periods = plan.reporting_periods.all()
    return periods if coordinator else periods.filter(status="published")


def dashboard(
    *, plan: Plan, coordinator: bool, periods=None, today: datetime.date | None = None
) -> Dashboard:
    """The monitoring dashboard of a plan: coordinators see every period's approved reports,
    everyone else only the published periods'. `periods` narrows it further (a report
    shows the periods up to its own)."""
    today = today or timezone.localdate()
    visible = visible_periods(plan=plan, coordinator=coordinator)
    if periods is not None:
        visible = visible.filter(pk__in=periods.values("pk"))
    periods = list(visible.order_by("start_month"))
    period_ids = [p.pk for p in periods]
    activities = list(Activity.objects.filter(plan=plan).in_plan_order())
    # Rows, not model objects: a plan of 2,000 activities has tens of thousands of reports.
    reports = [
        Reported(*row)
        for row in ActivityReport.objects.counted()
        .filter(period_id__in=period_ids)
        .values_list("period_id", "activity_id", "body_id", "status", "reason")
    ]
    leads = set(
        Responsibility.objects.filter(activity__plan=plan, role="lead").values_list(
            "activity_id", "stakeholder_id"
        )
    )
    per_period = _status_per_period(reports, leads)
    latest: dict[int, str] = {}
    for period in periods:
        for activity_id, report in per_period[period.pk].items():
            latest[activity_id] = report.status

    def counts(ids) -> Counter:
        return Counter(latest.get(i, NOT_REPORTED) for i in ids)

    chapters = list(Chapter.objects.filter(plan=plan).order_by("order", "pk"))
    in_chapter: dict[int | None, list[int]] = defaultdict(list)
    for activity in activities:
        in_chapter[activity.chapter_ref].append(activity.pk)
    by_chapter = [(str(c), counts(in_chapter[c.pk])) for c in chapters if in_chapter[c.pk]]
    if in_chapter[None]:
        by_chapter.append((gettext(NO_CHAPTER), counts(in_chapter[None])))

    components = defaultdict(list)
    for chapter_id, component_id in Chapter.components.through.objects.filter(
        chapter__plan=plan
    ).values_list("chapter_id", "component_id"):
        components[component_id].extend(in_chapter[chapter_id])
    by_component = [
        (str(c), counts(components[c.pk]))
        for c in Component.objects.filter(pk__in=components).order_by("framework_id", "order", "pk")
    ]

    trend = [(p.label, Counter(r.status for r in per_period[p.pk].values())) for p in periods]
    current_month = today.replace(day=1)
    overdue = [
        a
        for a in activities
        if a.end_month and a.end_month < current_month and latest.get(a.pk) not in DONE
    ]
    by_id = {a.pk: a for a in activities}
    delays = [
        Delay(by_id[r.activity_id], ActivityStatus(r.status).label, r.reason)
        for r in (per_period[periods[-1].pk].values() if periods else [])
        if r.status in (ActivityStatus.DELAYED, ActivityStatus.CANCELLED)
    ]
    return Dashboard(
        plan=plan,
        periods=periods,
        latest_status=latest,
        by_chapter=by_chapter,
        by_component=by_component,
        trend=trend,
        overdue=overdue,
        indicators=indicator_series(plan=plan, periods=periods),
        budget=budget_spent(plan=plan, period_ids=period_ids),
        delays=delays,
        activity_count=len(activities),
    )


INDICATOR_FIELDS = (
    "plan_id",
    "definition",
    "unit",
    "baseline_value",
    "baseline_year",
    "target_value",
    "target_year",
)


def indicator_series(*, plan: Plan, periods: list[ReportingPeriod]) -> list[IndicatorSeries]:
    """Each indicator of the plan measured in one of the periods, with the value it reached
    per period (the latest measurement of the period), its baseline and target."""
    latest: dict[tuple[int, int], tuple] = {}
    values = (
        IndicatorValue.objects.filter(
            report__period__in=periods, report__state=ReportState.APPROVED
        )
        .order_by("measured_on", "pk")
        .values_list("indicator_id", "report__period_id", "value", "measured_on")
    )
    for indicator_id, period_id, value, measured_on in values:
        latest[(indicator_id, period_id)] = (value, measured_on)
    measured = {indicator_id for indicator_id, _period in latest}
    indicators = (
        Indicator.objects.filter(plan=plan, pk__in=measured)
        .only(*INDICATOR_FIELDS)
        .order_by("order", "pk")
    )
    series = []
    for indicator in indicators:
        row = []
        for period in periods:
            value, measured_on = latest.get((indicator.pk, period.pk), (None, None))
            row.append((period, value, measured_on))
        series.append(
            IndicatorSeries(
                indicator,
                stated_number(indicator.baseline_value),
                stated_number(indicator.target_value),
                row,
            )
        )
    return series


def budget_spent(*, plan: Plan, period_ids) -> dict[str, list[tuple[str, Decimal, Decimal]]]:
    """Per currency, per funding source: the amount planned and the amount spent in the
    given periods' approved reports. Currencies are never added together."""
    planned = {
        (row["currency"], row["source"]): row["total"]
        for row in BudgetLine.objects.filter(activity__plan=plan)
        .values("currency", "source")
        .annotate(total=Sum("amount"))
        .order_by()
    }
    spent = {
        (row["budget_line__currency"], row["budget_line__source"]): row["total"]
        for row in Spending.objects.filter(
            report__period_id__in=period_ids, report__state=ReportState.APPROVED
        )
        .values("budget_line__currency", "budget_line__source")
        .annotate(total=Sum("amount"))
        .order_by()
    }
    labels = dict(BudgetLine.Source.choices)
    result: dict[str, list[tuple[str, Decimal, Decimal]]] = {}
    for currency, source in sorted(set(planned) | set(spent)):
        result.setdefault(currency, []).append(
            (
                str(labels.get(source, source)),
                planned.get((currency, source)) or Decimal(0),
                spent.get((currency, source)) or Decimal(0),
            )
        )
    return result


def plan_has_monitoring(*, plan: Plan) -> bool:
    return ReportingPeriod.objects.filter(plan=plan).exists()


def period_reports(*, period: ReportingPeriod, counted_only: bool = True):
    """The period's reports with their values and spendings, for the report and exports."""
    reports = period.reports.all()
    if counted_only:
        reports = reports.counted()
    return (
        reports.select_related("activity", "body")
        .prefetch_related("indicator_values__indicator", "spendings__budget_line")
        .order_by("body__order", "body__name", "activity__order", "activity_id")
    )


def monitoring_document(*, plan: Plan, coordinator: bool) -> dict:
    """The plan's monitoring data as JSON-ready values (the README lists the keys): per
    period, each activity's status per body, each indicator value and each spending, from
    approved reports. Amounts and values are strings, so no decimal is rounded. Rows are
    read as dictionaries: a large plan has tens of thousands of them."""
    periods = list(visible_periods(plan=plan, coordinator=coordinator).order_by("start_month"))
    counted = ActivityReport.objects.counted().filter(period__in=periods)
    activities = defaultdict(list)
    for row in counted.order_by("activity__order", "activity_id", "body__name").values(
        "period_id",
        "activity_id",
        "status",
        "reason",
        "progress",
        code=F("activity__code"),
        title=F("activity__title"),
        body_name=F("body__name"),
    ):
        period_id = row.pop("period_id")
        row["body"] = row.pop("body_name")
        activities[period_id].append(row)
    values = defaultdict(list)
    for row in (
        IndicatorValue.objects.filter(report__in=counted)
        .order_by("indicator__order", "indicator_id", "report__body__name")
        .values(
            "indicator_id",
            "value",
            "measured_on",
            period_id=F("report__period_id"),
            definition=F("indicator__definition"),
            body=F("report__body__name"),
            baseline=F("indicator__baseline_value"),
            target=F("indicator__target_value"),
        )
    ):
        values[row["period_id"]].append(
            {
                "indicator_id": row["indicator_id"],
                "indicator": row["definition"],
                "body": row["body"],
                "value": str(row["value"].normalize()),
                "measured_on": row["measured_on"].isoformat(),
                "baseline": row["baseline"],
                "target": row["target"],
            }
        )
    spending = defaultdict(list)
    for row in (
        Spending.objects.filter(report__in=counted)
        .order_by("report__activity__order", "budget_line_id", "report__body__name")
        .values(
            "budget_line_id",
            "amount",
            period_id=F("report__period_id"),
            activity_code=F("report__activity__code"),
            body=F("report__body__name"),
            currency=F("budget_line__currency"),
            planned=F("budget_line__amount"),
        )
    ):
        spending[row["period_id"]].append(
            {
                "budget_line_id": row["budget_line_id"],
                "activity_code": row["activity_code"],
                "body": row["body"],
                "amount": str(row["amount"]),
                "currency": row["currency"],
                "planned": str(row["planned"]),
            }
        )
    return {
        "plan": {"id": plan.pk, "title": plan.title, "country": plan.country},
        "periods": [
            {
                "label": p.label,
                "start_month": p.start_month.isoformat()[:7],
                "end_month": p.end_month.isoformat()[:7],
                "status": p.status,
                "activities": activities[p.pk],
                "indicator_values": values[p.pk],
                "spending": spending[p.pk],
            }
            for p in periods
        ],
    }


# --- what a review of the plan reads --------------------------------------------------


class SpentOnLine(NamedTuple):
    """A budget line and the money spent on it in the published periods."""

    activity_id: int
    description: str
    currency: str
    planned: Decimal
    spent: Decimal


def review_facts(*, plan: Plan) -> dict:
    """What a review needs to know of the plan's monitoring, from approved reports only:
    one query for a plan without reporting periods, six for any other.

    - `periods`: every period in order, with its dates and status, how many reports each
      responsible body owes (`owed`), how many of them were approved (`approved`) and how
      many of those were handed in by the due date (`on_time`), per body id;
    - `statuses`: per activity, its latest status (the lead body's, else any body's) in
      the published periods, with the reason and the period's label;
    - `indicator_values`: per indicator, the latest value reached in the published
      periods, with the date measured and the period's label;
    - `spending`: per budget line with money spent in the published periods, its activity,
      description, currency, the amount planned and the amount spent in them all.

    Statuses and values are read from published periods only: until the coordinator
    publishes a period, its reports are not for every reader of the plan, and a review's
    report is."""
    periods = list(
        ReportingPeriod.objects.filter(plan=plan)
        .order_by("start_month", "pk")
        .values("id", "label", "start_month", "end_month", "due_on", "status")
    )
    if not periods:
        return {"periods": [], "statuses": {}, "indicator_values": {}, "spending": {}}
    owed: Counter = Counter()
    leads = set()
    for activity_id, body_id, role in Responsibility.objects.filter(
        activity__plan=plan
    ).values_list("activity_id", "stakeholder_id", "role"):
        owed[body_id] += 1
        if role == Responsibility.Role.LEAD:
            leads.add((activity_id, body_id))
    by_id = {p["id"]: p for p in periods}
    for period in periods:
        period.update(owed=dict(owed), approved=Counter(), on_time=Counter())
    approved = ActivityReport.objects.counted().filter(period__plan=plan)
    # Counted by the database: a large plan's periods hold tens of thousands of reports.
    for period_id, body_id, n, on_time in (
        approved.values_list("period_id", "body_id")
        .annotate(
            n=Count("pk"),
            on_time=Count("pk", filter=Q(submitted_at__date__lte=F("period__due_on"))),
        )
        .order_by()
    ):
        by_id[period_id]["approved"][body_id] = n
        by_id[period_id]["on_time"][body_id] = on_time
    per_period = _status_per_period(
        [
            Reported(*row)
            for row in approved.filter(period__status=PeriodStatus.PUBLISHED).values_list(
                "period_id", "activity_id", "body_id", "status", "reason"
            )
        ],
        leads,
    )
    statuses = {}
    for period in periods:
        for activity_id, report in per_period.get(period["id"], {}).items():
            statuses[activity_id] = (report.status, report.reason, period["label"])
    values = {}
    for indicator_id, label, value, measured_on in (
        IndicatorValue.objects.filter(
            report__period__plan=plan,
            report__state=ReportState.APPROVED,
            report__period__status=PeriodStatus.PUBLISHED,
        )
        .order_by("report__period__start_month", "measured_on", "pk")
        .values_list("indicator_id", "report__period__label", "value", "measured_on")
    ):
        values[indicator_id] = (value, measured_on, label)
    spending = {
        row["budget_line_id"]: SpentOnLine(
            activity_id=row["budget_line__activity_id"],
            description=row["budget_line__description"],
            currency=row["budget_line__currency"],
            planned=row["budget_line__amount"],
            spent=row["spent"],
        )
        for row in Spending.objects.filter(
            report__period__plan=plan,
            report__state=ReportState.APPROVED,
            report__period__status=PeriodStatus.PUBLISHED,
        )
        .values(
            "budget_line_id",
            "budget_line__activity_id",
            "budget_line__description",
            "budget_line__currency",
            "budget_line__amount",
        )
        .annotate(spent=Sum("amount"))
        .order_by("budget_line_id")
    }
    return {
        "periods": periods,
        "statuses": statuses,
        "indicator_values": values,
        "spending": spending,
    }
