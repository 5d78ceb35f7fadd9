from decimal import Decimal

import pytest
from django.urls import reverse

from tests.actionplan.plan_pages import plan_page_of_size
from tests.factories import ActivityFactory, BudgetLineFactory, PlanFactory

pytestmark = pytest.mark.django_db


def _url(plan):
    return reverse("actionplan:resources", args=[plan.pk])


def test_it_shows_totals_per_currency_and_the_unbudgeted_activities(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    funded = ActivityFactory(plan=plan, objective__goal__chapter__plan=plan, title="Hotline")
    BudgetLineFactory(activity=funded, amount=Decimal("1500"), status="secured")
    BudgetLineFactory(
        activity=funded,
        amount=Decimal("700"),
        currency="AZN",
        source="donor",
        donor_name="<EU>",
        status="pledged",
    )
    ActivityFactory(plan=plan, objective=funded.objective, title="Unbudgeted research")
    client.force_login(cast.coordinator)
    response = client.get(_url(plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="currency-EUR"' in html and 'data-testid="currency-AZN"' in html
    assert "Budget in EUR: 1,500.00" in html
    assert "Donor: &lt;EU&gt;" in html and "<EU>" not in html
    assert "Activities without any budget or resources (1 of 2)" in html
    assert "Unbudgeted research" in html


def test_it_says_when_there_is_no_budget_at_all(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    client.force_login(cast.coordinator)
    assert b"No activity has a budget line yet." in client.get(_url(plan)).content


@pytest.mark.parametrize("size", [6, 60])
def test_it_needs_the_same_number_of_queries_for_any_plan_size(
    client, cast, django_assert_max_num_queries, size
):
    url = plan_page_of_size(client, cast.coordinator, "actionplan:resources", size)
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.status_code == 200
    assert response.context["resource"].activity_count == size
