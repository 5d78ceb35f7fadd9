import pytest
from django.urls import reverse

from strategy.models import PlanMembership, Stakeholder
from tests.actionplan.plan_pages import plan_page_of_size
from tests.factories import (
    ActivityFactory,
    IndicatorFactory,
    PlanFactory,
    ResponsibilityFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db


def _url(plan):
    return reverse("strategy:stakeholders", args=[plan.pk])


def test_it_lists_stakeholders_with_the_activities_they_lead_and_support(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    police = StakeholderFactory(plan=plan, name="Police", role="Investigates")
    StakeholderFactory(plan=plan, name="Idle NGO", kind="ngo")
    led = ActivityFactory(plan=plan, objective__goal__chapter__plan=plan, title="Raids")
    helped = ActivityFactory(plan=plan, objective=led.objective, title="Shelter visits")
    ResponsibilityFactory(activity=led, stakeholder=police, role="lead")
    ResponsibilityFactory(activity=helped, stakeholder=police, role="partner")
    client.force_login(cast.coordinator)
    response = client.get(_url(plan))
    assert response.status_code == 200
    police_row, idle_row = response.content.decode().split('data-testid="stakeholder"')[1:]
    assert "Investigates" in police_row and "Raids" in police_row
    assert "Shelter visits" in police_row
    assert "1 activity" in police_row
    assert "Non-governmental organisation" in idle_row
    assert "stakeholder-form" in idle_row


def test_it_adds_a_stakeholder(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    client.force_login(cast.coordinator)
    response = client.post(
        _url(plan), {"name": "  Ministry of   Labour ", "kind": "government", "role": "Inspects"}
    )
    assert response.status_code == 302
    assert plan.stakeholders.get().name == "Ministry of Labour"


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"name": "police"}, "name", "already has a stakeholder of this name"),
        ({"name": "<b>Bold</b>"}, "name", "plain text only"),
        ({"role": "<a href=x>link</a>"}, "role", "plain text only"),
        ({"kind": "cartel"}, "kind", "Select a valid choice"),
    ],
)
def test_it_refuses_bad_input(client, cast, data, field, message):
    plan = PlanFactory(editors=[cast.coordinator])
    StakeholderFactory(plan=plan, name="Police")
    client.force_login(cast.coordinator)
    response = client.post(_url(plan), {"name": "New body", "kind": "ngo", **data})
    assert response.status_code == 422
    assert message in " ".join(response.context["form"].errors[field])
    assert plan.stakeholders.count() == 1


def test_it_asks_before_deleting_and_says_what_goes_with_it(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    body = StakeholderFactory(plan=plan)
    ResponsibilityFactory(
        activity__plan=plan,
        activity__objective__goal__chapter__plan=plan,
        stakeholder=body,
        role="lead",
    )
    IndicatorFactory(activity=body.responsibilities.get().activity, responsible_body=body)
    client.force_login(cast.coordinator)
    url = reverse("strategy:stakeholder_delete", args=[plan.pk, body.pk])
    html = client.get(url).content.decode()
    assert "no longer leads 1 activity nor supports 0" in html
    assert "1 indicator loses its responsible body" in html
    assert client.post(url).status_code == 302
    assert not Stakeholder.objects.filter(pk=body.pk).exists()


def test_it_shows_a_reader_no_form(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    StakeholderFactory(plan=plan, name="Kept")
    PlanMembership.objects.create(plan=plan, user=cast.coordinator2, role="reader")
    client.force_login(cast.coordinator2)
    response = client.get(_url(plan))
    assert response.status_code == 200 and b"stakeholder-form" not in response.content


@pytest.mark.parametrize("size", [6, 60])
def test_it_needs_the_same_number_of_queries_for_any_plan_size(
    client, cast, django_assert_max_num_queries, size
):
    url = plan_page_of_size(client, cast.coordinator, "strategy:stakeholders", size)
    with django_assert_max_num_queries(10):
        response = client.get(url)
    assert response.content.decode().count("<li>") == size * 2
