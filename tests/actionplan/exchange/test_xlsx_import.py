"""plan_import_xlsx_preview / plan_import_xlsx: an activity matrix becomes a new plan."""

import datetime
from decimal import Decimal

import pytest

from actionplan.exchange.xlsx_export import plan_export_xlsx
from actionplan.exchange.xlsx_import import plan_import_xlsx, plan_import_xlsx_preview
from actionplan.models import Activity, BudgetLine
from strategy.models import Plan, PlanMembership, Stakeholder
from tests.actionplan.exchange.xlsx_workbooks import (
    PLAN,
    activity_row,
    continuation_row,
    matrix_bytes,
)
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChapterFactory,
    FrameworkFactory,
    IndicatorFactory,
    OutputFactory,
    PlanFactory,
    ResponsibilityFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
    SubActivityFactory,
)

NO_BUDGET = dict.fromkeys(("budget", "currency", "source", "budget_status"), "")


def describe(plan: Plan) -> dict:
    """What a person reading the plan sees, without database ids."""
    activities = []
    for a in plan.activities.order_by("order", "pk"):
        responsibilities = a.responsibilities.order_by("-role", "stakeholder__name")
        activities.append(
            (
                str(a.objective.goal.chapter or ""),
                str(a.objective.goal),
                str(a.objective),
                str(a.output or ""),
                a.code,
                a.title,
                a.start_month,
                a.end_month,
                [(r.stakeholder.name, r.role) for r in responsibilities],
                [str(s) for s in a.sub_activities.order_by("order", "pk")],
                [
                    (b.amount, b.currency, b.source, b.donor_name, b.status)
                    for b in a.budget_lines.order_by("order", "pk")
                ],
                [
                    (i.definition, i.unit, i.baseline_value, i.baseline_year)
                    + (i.target_value, i.target_year, i.means_of_verification)
                    for i in a.indicators.order_by("order", "pk")
                ],
            )
        )
    return {
        "plan": (plan.country, plan.title, plan.period_start, plan.period_end, plan.status)
        + (plan.coordinating_body, plan.adoption_reference, plan.framework_id),
        "stakeholders": sorted(plan.stakeholders.values_list("name", "kind", "role")),
        "activities": activities,
    }


def _rich_plan():
    framework = FrameworkFactory(code="icmpd-2006")
    plan = PlanFactory(
        country="Azerbaijan",
        title="NAP against trafficking",
        period_start=2014,
        period_end=2018,
        status="adopted",
        coordinating_body="Ministry of Internal Affairs",
        adoption_reference="Order No. 667",
        framework=framework,
    )
    bodies = [StakeholderFactory(plan=plan, name=n, role=f"Role of {n}") for n in "ABCD"]
    bodies[3].kind = Stakeholder.Kind.NGO
    bodies[3].save()
    for c in range(2):
        chapter = ChapterFactory(plan=plan, code=str(c + 1), title=f"Chapter {c}", order=c)
        goal = StrategicGoalFactory(plan=plan, chapter=chapter, code=f"G{c}", order=c)
        objective = SpecificObjectiveFactory(plan=plan, goal=goal, code=f"O{c}.1", order=c)
        output = OutputFactory(plan=plan, objective=objective, code=f"P{c}", order=c)
        for n in range(3):
            activity = ActivityFactory(
                plan=plan,
                objective=objective,
                output=output if n else None,
                code=f"{c}.{n}",
                title=f"=Activity {c}.{n}" if n == 2 else f"Activity {c}.{n}",
                order=c * 10 + n,
                start_month=datetime.date(2015, n + 1, 1),
                end_month=datetime.date(2017, 12, 1),
            )
            ResponsibilityFactory(activity=activity, stakeholder=bodies[n], role="lead")
            ResponsibilityFactory(activity=activity, stakeholder=bodies[3], role="partner")
            SubActivityFactory(activity=activity, code=f"{c}.{n}.1", order=1)
            SubActivityFactory(activity=activity, code="", title="Follow-up", order=2)
            BudgetLineFactory(activity=activity, amount=Decimal("1000.25"), order=1)
            BudgetLineFactory(
                activity=activity, source="donor", donor_name="EU", status="pledged", order=2
            )
            IndicatorFactory(activity=activity, baseline_year=2014, target_year=2018)
    return plan


@pytest.mark.django_db
def test_it_imports_an_exported_plan_into_an_equal_new_plan(cast):
    plan = _rich_plan()
    data = plan_export_xlsx(plan=plan)

    imported = plan_import_xlsx(file=data, user=cast.coordinator)

    assert imported.pk != plan.pk
    assert describe(imported) == describe(plan)


@pytest.mark.django_db
def test_it_reads_back_exported_text_that_looks_like_a_formula_as_typed(cast):
    plan = _rich_plan()
    activity = Activity.objects.filter(output__objective__goal__chapter__plan=plan).first()
    activity.title = "=1+1 is not a formula here"
    activity.save()

    imported = plan_import_xlsx(file=plan_export_xlsx(plan=plan), user=cast.coordinator)

    assert describe(imported) == describe(plan)


@pytest.mark.django_db
def test_it_previews_what_will_be_created_and_writes_nothing(cast):
    data = matrix_bytes(
        [
            activity_row(1, lead_body="Baku City Police", sub_activity="1 Draft the module"),
            continuation_row(budget=500, currency="EUR", source="donor", donor="EU"),
            activity_row(2, objective="O1.2 Victims are referred"),
        ]
    )

    preview = plan_import_xlsx_preview(file=data, user=cast.reviewer)

    assert preview.is_valid, [str(p) for p in preview.problems]
    assert preview.plan.title == PLAN["Title"]
    assert preview.counts == {
        "chapters": 1,
        "goals": 1,
        "objectives": 2,
        "outputs": 2,
        "activities": 2,
        "sub_activities": 1,
        "budget_lines": 3,
        "indicators": 2,
        "stakeholders": 4,
    }
    assert preview.new_bodies == ["Baku City Police"]
    assert preview.budget_totals == [("AZN", Decimal("50000.00")), ("EUR", Decimal("500.00"))]
    assert preview.goals == ["G1 Fewer people are trafficked for labour exploitation"]
    assert Plan.objects.count() == 0


@pytest.mark.django_db
def test_it_makes_the_importer_the_editor_and_creates_unknown_bodies(cast):
    data = matrix_bytes([activity_row(lead_body="Baku City Police", partners="")])

    plan = plan_import_xlsx(file=data, user=cast.reviewer)

    membership = PlanMembership.objects.get(plan=plan)
    assert (membership.user, membership.role) == (cast.reviewer, "editor")
    police = plan.stakeholders.get(name="Baku City Police")
    assert police.kind == Stakeholder.Kind.OTHER
    assert plan.activities.get().responsibilities.get().stakeholder == police
    assert Plan.objects.editable_by(cast.reviewer).filter(pk=plan.pk).exists()


@pytest.mark.django_db
def test_it_matches_bodies_by_name_ignoring_capitals_and_spaces(cast):
    data = matrix_bytes(
        [
            activity_row(
                lead_body="  ministry of LABOUR   and social protection ",
                partners="iom ;MINISTRY OF INTERNAL AFFAIRS",
            )
        ]
    )

    plan = plan_import_xlsx(file=data, user=cast.coordinator)

    assert plan.stakeholders.count() == 3
    names = sorted(plan.activities.get().stakeholders.values_list("name", flat=True))
    assert names == [
        "IOM",
        "Ministry of Internal Affairs",
        "Ministry of Labour and Social Protection",
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2015-03", "2016-11", ((2015, 3), (2016, 11))),
        ("2015-03-17", "2016-11-30", ((2015, 3), (2016, 11))),
        ("03/2015", "11/2016", ((2015, 3), (2016, 11))),
        (datetime.datetime(2015, 3, 17), datetime.datetime(2016, 11, 2), ((2015, 3), (2016, 11))),
        ("2015", "2016", ((2015, 1), (2016, 12))),
        (2015, 2015, ((2015, 1), (2015, 12))),
    ],
)
def test_it_reads_the_documented_date_formats(cast, start, end, expected):
    data = matrix_bytes([activity_row(start=start, end=end)])

    activity = plan_import_xlsx(file=data, user=cast.coordinator).activities.get()

    got = [(d.year, d.month) for d in (activity.start_month, activity.end_month)]
    assert tuple(got) == expected


@pytest.mark.django_db
def test_it_reads_extra_rows_as_lines_of_the_same_activity(cast):
    data = matrix_bytes(
        [
            activity_row(1),
            continuation_row(budget="1,500.50", currency="eur", source="Donor", donor="EU"),
            activity_row(1, indicator="Number of cases referred", **NO_BUDGET),
            continuation_row(sub_activity="Pilot the module"),
        ]
    )

    plan = plan_import_xlsx(file=data, user=cast.coordinator)

    activity = plan.activities.get()
    lines = list(activity.budget_lines.order_by("order").values_list("amount", "currency"))
    assert lines == [(Decimal("25000.00"), "AZN"), (Decimal("1500.50"), "EUR")]
    assert activity.budget_lines.get(currency="EUR").source == BudgetLine.Source.DONOR
    assert activity.indicators.count() == 2
    assert [s.title for s in activity.sub_activities.all()] == ["Pilot the module"]
    assert activity.responsibilities.count() == 3


@pytest.mark.django_db
def test_it_reads_rows_without_codes_and_without_optional_columns(cast):
    row = {**continuation_row(), **{k: activity_row()[k] for k in ("goal", "objective")}}
    row.update(activity="Publish a hotline number", start="", end="")
    plan = plan_import_xlsx(file=matrix_bytes([row], stakeholders=[]), user=cast.coordinator)

    activity = plan.activities.get()
    assert (activity.code, activity.title, activity.start_month) == ("", row["activity"], None)
    assert activity.objective.goal.chapter is None
    assert activity.objective.goal.code == "G1"


def _rows(n):
    rows = []
    for i in range(1, n + 1):
        rows.append(activity_row(i, objective=f"O{i % 7} Objective {i % 7}"))
        rows.append(continuation_row(budget=10, currency="EUR", source="other"))
    return rows


@pytest.mark.django_db
def test_it_writes_in_a_bounded_number_of_queries_whatever_the_size(
    cast, django_assert_max_num_queries
):
    small, large = matrix_bytes(_rows(50)), matrix_bytes(_rows(300))

    # Each table's history is one more bulk insert, of wider rows: on SQLite, which caps
    # the parameters of a query, its batches are about as many again as the rows'.
    with django_assert_max_num_queries(80):
        plan_import_xlsx(file=small, user=cast.coordinator)
    with django_assert_max_num_queries(80):
        plan_import_xlsx(file=large, user=cast.coordinator)

    assert Activity.objects.count() == 350
    assert BudgetLine.objects.count() == 700


def test_it_places_what_the_importer_finds_on_the_cell_it_came_from(cast):
    rows = [
        activity_row(1),
        activity_row(2),
        continuation_row(budget=100, currency="EUR", source="donor", donor=""),
        activity_row(3, start="2014-01", end="2019-06"),
    ]
    data = matrix_bytes(rows)

    preview = plan_import_xlsx_preview(file=data, user=cast.coordinator)

    messages = [str(problem) for problem in preview.problems]
    assert len(messages) == 2, messages
    assert messages[0].startswith("Activities sheet, row 4, column “Donor”:")
    assert messages[1].startswith("Activities sheet, row 5, column “End”:")
    assert Plan.objects.count() == 0
