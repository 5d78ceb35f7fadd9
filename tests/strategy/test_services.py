import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from actionplan.models import Activity, BudgetLine, Indicator, Responsibility, SubActivity
from strategy.models import Plan, PlanMembership, Section, StrategicGoal
from strategy.services import plan_copy, plan_create_from_template, section_move
from tests.factories import (
    ActivityFactory,
    AreaFactory,
    BudgetLineFactory,
    ChapterFactory,
    ComponentFactory,
    FrameworkFactory,
    IndicatorFactory,
    OutputFactory,
    PlanFactory,
    PrincipleFactory,
    ResponsibilityFactory,
    SectionFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    SubActivityFactory,
)

pytestmark = pytest.mark.django_db


def test_it_lays_out_a_plan_from_the_framework_template(cast):
    framework = FrameworkFactory()
    for title in ("Supporting framework", "Prevention", "Protection", "Prosecution"):
        ComponentFactory(framework=framework, title=title)
    plan = Plan(country="Utopia", title="NAP", period_start=2024, period_end=2028)
    plan.framework = framework
    plan_create_from_template(plan=plan, user=cast.coordinator)

    chapters = list(plan.chapters.order_by("order").prefetch_related("components"))
    assert [c.title for c in chapters] == [
        "Supporting framework",
        "Prevention",
        "Protection",
        "Prosecution",
    ]
    assert all([comp.title for comp in c.components.all()] == [c.title] for c in chapters)
    kinds = list(plan.sections.order_by("order").values_list("kind", flat=True))
    assert kinds == ["preamble"] + ["background"] * 4 + ["stakeholders", "funding", "monitoring"]
    backgrounds = plan.sections.filter(kind=Section.Kind.BACKGROUND)
    assert {s.component.title for s in backgrounds} == {c.title for c in chapters}
    assert PlanMembership.objects.get(plan=plan).user == cast.coordinator


@pytest.fixture
def source(cast):
    framework = FrameworkFactory()
    component = ComponentFactory(framework=framework)
    area = AreaFactory(component=component)
    principle = PrincipleFactory(framework=framework)
    plan = PlanFactory(
        period_start=2014, period_end=2018, framework=framework, editors=[cast.coordinator]
    )
    background = SectionFactory(plan=plan, kind="background", component=component)
    ministry = StakeholderFactory(plan=plan, name="Ministry of Interior")
    ngo = StakeholderFactory(plan=plan, name="Clean World", kind="ngo")
    chapter = ChapterFactory(plan=plan, title="Prevention")
    chapter.components.add(component)
    objective = SpecificObjectiveFactory(goal__chapter=chapter, goal__plan=plan)
    objective.goal.background_sections.add(background)
    objective.goal.principles.add(principle)
    output = OutputFactory(objective=objective)
    early = ActivityFactory(
        objective=objective,
        output=output,
        title="Early campaign",
        start_month=datetime.date(2014, 3, 1),
        end_month=datetime.date(2015, 6, 1),
    )
    early.areas.add(area)
    ActivityFactory(
        objective=objective,
        title="Final evaluation",
        start_month=datetime.date(2018, 6, 1),
        end_month=datetime.date(2018, 12, 1),
    )
    SubActivityFactory(
        activity=early, start_month=datetime.date(2014, 3, 1), end_month=datetime.date(2014, 5, 1)
    )
    ResponsibilityFactory(activity=early, stakeholder=ministry, role="lead")
    ResponsibilityFactory(activity=early, stakeholder=ngo, role="partner")
    BudgetLineFactory(activity=early, amount=Decimal("1234.50"), source="donor", donor_name="EU")
    IndicatorFactory(activity=early, responsible_body=ngo, baseline_year=2013, target_year=2016)
    return plan


def test_it_copies_an_earlier_plan_into_a_new_period(source, cast):
    plan = plan_copy(
        source=source,
        user=cast.coordinator2,
        title="NAP 2019–2021",
        period_start=2019,
        period_end=2021,
    )
    assert plan.previous_plan == source and plan.status == "draft"
    assert plan.framework == source.framework
    assert plan.memberships.get().user == cast.coordinator2
    assert plan.sections.get().component == source.sections.get().component
    assert sorted(plan.stakeholders.values_list("name", flat=True)) == [
        "Clean World",
        "Ministry of Interior",
    ]
    chapter = plan.chapters.get()
    assert list(chapter.components.all()) == list(source.chapters.get().components.all())
    goal = StrategicGoal.objects.get(plan=plan)
    assert goal.chapter == chapter and goal.principles.count() == 1
    assert goal.background_sections.get().plan == plan
    early = Activity.objects.get(plan=plan, title="Early campaign")
    assert (early.start_month, early.end_month) == (
        datetime.date(2019, 3, 1),
        datetime.date(2020, 6, 1),
    )
    assert early.output.plan == plan and early.objective.plan == plan
    assert early.areas.count() == 1
    # 2018 moved by five years lies beyond 2021: the timeframe is dropped, not squeezed.
    late = Activity.objects.get(plan=plan, title="Final evaluation")
    assert late.start_month is None and late.end_month is None
    assert SubActivity.objects.get(activity=early).start_month == datetime.date(2019, 3, 1)
    roles = Responsibility.objects.filter(activity=early).values_list(
        "stakeholder__name", "role", "stakeholder__plan"
    )
    assert set(roles) == {
        ("Ministry of Interior", "lead", plan.pk),
        ("Clean World", "partner", plan.pk),
    }
    budget = BudgetLine.objects.get(activity=early)
    assert (budget.amount, budget.donor_name) == (Decimal("1234.50"), "EU")
    indicator = Indicator.objects.get(plan=plan)
    assert indicator.activity == early and indicator.responsible_body.plan == plan
    assert (indicator.baseline_year, indicator.target_year) == (2018, 2021)
    # The source is untouched.
    assert Activity.objects.filter(plan=source).count() == 2


def test_it_clips_a_timeframe_that_overruns_the_new_period(source, cast):
    plan = plan_copy(
        source=source, user=cast.coordinator, title="Short", period_start=2019, period_end=2019
    )
    early = Activity.objects.get(plan=plan, title="Early campaign")
    assert (early.start_month, early.end_month) == (
        datetime.date(2019, 3, 1),
        datetime.date(2019, 12, 1),
    )


def test_it_copies_in_a_fixed_number_of_queries(cast, django_assert_max_num_queries):
    def build(activities):
        plan = PlanFactory(period_start=2014, period_end=2018)
        objective = SpecificObjectiveFactory(goal__chapter__plan=plan, goal__plan=plan)
        body = StakeholderFactory(plan=plan)
        for _ in range(activities):
            activity = ActivityFactory(objective=objective)
            ResponsibilityFactory(activity=activity, stakeholder=body)
            BudgetLineFactory(activity=activity)
            IndicatorFactory(activity=activity)
        return plan

    small, large = build(2), build(40)
    counts = []
    for source in (small, large):
        with django_assert_max_num_queries(60) as captured:
            plan_copy(
                source=source,
                user=cast.coordinator,
                title="Copy",
                period_start=2019,
                period_end=2023,
            )
        counts.append(len(captured))
    assert counts[0] == counts[1]
    assert Activity.objects.filter(plan__title="Copy").count() == 42


def test_it_refuses_a_copy_with_an_impossible_period(source, cast):
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        plan_copy(
            source=source, user=cast.coordinator, title="Bad", period_start=2023, period_end=2019
        )
    assert not Plan.objects.filter(title="Bad").exists()


def test_it_moves_a_section_among_its_siblings():
    plan = PlanFactory()
    a, b, c = (SectionFactory(plan=plan, title=t, order=0) for t in "ABC")
    section_move(section=c, offset=-1)
    assert list(plan.sections.order_by("order").values_list("title", flat=True)) == ["A", "C", "B"]
    section_move(section=a, offset=-1)  # already first: stays
    assert list(plan.sections.order_by("order").values_list("title", flat=True)) == ["A", "C", "B"]
