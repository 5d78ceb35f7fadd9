from decimal import Decimal

import pytest

from actionplan.models import BudgetLine
from actionplan.resources import NO_COMPONENT, resource_plan
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChapterFactory,
    ComponentFactory,
    PlanFactory,
    SpecificObjectiveFactory,
)

pytestmark = pytest.mark.django_db


def _activity(chapter, **kwargs):
    objective = SpecificObjectiveFactory(goal__chapter=chapter, goal__plan=chapter.plan)
    return ActivityFactory(objective=objective, **kwargs)


@pytest.fixture
def plan():
    plan = PlanFactory()
    prevention = ComponentFactory(title="Prevention")
    protection = ComponentFactory(title="Protection")
    awareness = ChapterFactory(plan=plan, title="Awareness", order=1)
    awareness.components.add(prevention)
    shelters = ChapterFactory(plan=plan, title="Shelters", order=2)
    shelters.components.add(prevention, protection)
    a1, a2 = _activity(awareness, title="Campaign"), _activity(shelters, title="Shelter")
    BudgetLineFactory(activity=a1, amount=Decimal("100"), status="secured")
    BudgetLineFactory(activity=a1, amount=Decimal("50"), status="unfunded", source="other")
    BudgetLineFactory(
        activity=a2, amount=Decimal("70"), status="pledged", source="donor", donor_name="EU"
    )
    BudgetLineFactory(activity=a2, amount=Decimal("999"), currency="USD", status="secured")
    _activity(shelters, title="Forgotten training")
    ChapterFactory(plan=plan, title="Unmapped")
    return plan


def test_it_never_adds_currencies_together(plan):
    resource = resource_plan(plan)
    assert [c.currency for c in resource.currencies] == ["EUR", "USD"]
    eur, usd = resource.currencies
    assert eur.total.total == Decimal("220")
    assert usd.total.total == Decimal("999")


def test_it_totals_by_chapter_source_and_status(plan):
    eur = resource_plan(plan).currencies[0]
    assert [label.split(" ", 1)[1] for label in eur.by_chapter] == ["Awareness", "Shelters"]
    awareness, shelters = eur.by_chapter.values()
    assert (awareness.secured, awareness.unfunded, awareness.total) == (100, 50, 150)
    assert shelters.pledged == 70
    assert list(eur.by_source) == ["State budget", "Donor: EU", "Other"]
    assert eur.by_source["Donor: EU"].pledged == 70


def test_it_counts_a_chapter_towards_each_component_it_serves(plan):
    eur = resource_plan(plan).currencies[0]
    totals = {label.split(" ", 1)[1]: a.total for label, a in eur.by_component.items()}
    assert totals == {"Prevention": Decimal("220"), "Protection": Decimal("70")}
    assert NO_COMPONENT not in eur.by_component


def test_it_lists_activities_without_any_budget(plan):
    resource = resource_plan(plan)
    assert [a.title for a in resource.unbudgeted] == ["Forgotten training"]
    assert resource.activity_count == 3


def test_it_keeps_each_donor_apart(plan):
    activity = plan.activities.first()
    BudgetLineFactory(
        activity=activity, amount=5, source=BudgetLine.Source.DONOR, donor_name="UNODC"
    )
    eur = resource_plan(plan).currencies[0]
    assert list(eur.by_source) == ["State budget", "Donor: EU", "Donor: UNODC", "Other"]


def test_it_needs_the_same_number_of_queries_for_a_large_plan(django_assert_num_queries):
    plan = PlanFactory()
    chapter = ChapterFactory(plan=plan)
    chapter.components.add(ComponentFactory())
    objective = SpecificObjectiveFactory(goal__chapter=chapter, goal__plan=plan)
    for n in range(60):
        activity = ActivityFactory(objective=objective)
        if n % 3:
            BudgetLineFactory(activity=activity, currency=["EUR", "AZN"][n % 2])
    with django_assert_num_queries(5):
        resource = resource_plan(plan)
    assert len(resource.unbudgeted) == 20
