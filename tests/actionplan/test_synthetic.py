from itertools import chain

import pytest

from actionplan.models import Activity, BudgetLine, Indicator, Responsibility, SubActivity
from actionplan.synthetic import plan_generate
from tests.factories import ComponentFactory, FrameworkFactory

pytestmark = pytest.mark.django_db


def _shape(plan):
    return [
        (
            a.objective.goal.chapter.title,
            a.objective.title,
            a.title,
            a.start_month,
            a.end_month,
            sorted((r.stakeholder.name, r.role) for r in a.responsibilities.all()),
            sorted(b.amount for b in a.budget_lines.all()),
        )
        for a in plan.activities.order_by("order").select_related("objective__goal__chapter")
    ]


def test_it_builds_exactly_the_requested_number_of_activities():
    plan = plan_generate(activities=37, seed=1)
    assert plan.activities.count() == 37
    assert plan.goals.exists() and plan.objectives.exists() and plan.outputs.exists()
    assert plan.stakeholders.count() >= 5


def test_it_builds_the_same_plan_for_the_same_seed():
    first, second = plan_generate(activities=30, seed=7), plan_generate(activities=30, seed=7)
    other = plan_generate(activities=30, seed=8)
    assert _shape(first) == _shape(second)
    assert _shape(first) != _shape(other)


def test_every_generated_row_passes_the_models_validation():
    plan = plan_generate(activities=60, seed=2)
    rows = chain(
        [plan],
        plan.stakeholders.all(),
        plan.chapters.all(),
        plan.goals.all(),
        plan.objectives.all(),
        plan.outputs.all(),
        plan.activities.all(),
        SubActivity.objects.filter(activity__plan=plan),
        Responsibility.objects.filter(activity__plan=plan),
        BudgetLine.objects.filter(activity__plan=plan),
        plan.indicators.all(),
    )
    for row in rows:
        row.full_clean()


def test_it_leaves_the_gaps_real_plans_have():
    plan = plan_generate(activities=300, seed=0)
    activities = Activity.objects.filter(plan=plan)
    total = activities.count()
    for gap in (
        activities.exclude(responsibilities__role="lead"),
        activities.filter(start_month__isnull=True),
        activities.filter(budget_lines__isnull=True),
        activities.filter(indicators__isnull=True),
    ):
        assert 0 < gap.count() < total / 2
    assert activities.filter(sub_activities__isnull=False).exists()
    assert activities.filter(responsibilities__role="partner").exists()
    assert BudgetLine.objects.filter(activity__plan=plan, source="donor").exists()
    levels = set(plan.indicators.values_list("level", flat=True))
    assert levels == {Indicator.Level.OUTPUT, Indicator.Level.OUTCOME, Indicator.Level.IMPACT}


def test_it_maps_chapters_to_the_current_icmpd_components():
    framework = FrameworkFactory(code="icmpd-2006")
    prevention = ComponentFactory(framework=framework, title="Prevention")
    ComponentFactory(framework=framework, title="Supporting framework")
    plan = plan_generate(activities=200, seed=0)
    assert plan.framework == framework
    chapter = plan.chapters.get(title__startswith="Prevention")
    assert list(chapter.components.all()) == [prevention]
    assert all(c.components.exists() for c in plan.chapters.all())


def test_it_refuses_an_empty_plan():
    with pytest.raises(ValueError):
        plan_generate(activities=0)


def test_a_grant_is_budgeted_in_its_donors_currency():
    plan = plan_generate(activities=200, seed=3)
    lines = BudgetLine.objects.filter(activity__plan=plan)
    us_grants = lines.filter(donor_name="US Department of State")
    assert set(us_grants.values_list("currency", flat=True)) == {"USD"}
    assert set(lines.exclude(pk__in=us_grants).values_list("currency", flat=True)) == {"EUR"}
