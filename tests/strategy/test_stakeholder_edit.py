import pytest
from django.urls import reverse

from tests.factories import PlanFactory, StakeholderFactory

pytestmark = pytest.mark.django_db


def test_it_edits_a_stakeholder(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    body = StakeholderFactory(plan=plan, name="Old")
    client.force_login(cast.coordinator)
    url = reverse("strategy:stakeholder_edit", args=[plan.pk, body.pk])
    assert client.get(url).status_code == 200
    assert client.post(url, {"name": "New", "kind": "international"}).status_code == 302
    body.refresh_from_db()
    assert (body.name, body.kind) == ("New", "international")


def test_it_refuses_a_stakeholder_of_another_plan(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    other = StakeholderFactory(plan=PlanFactory(editors=[cast.coordinator]))
    client.force_login(cast.coordinator)
    assert (
        client.get(reverse("strategy:stakeholder_edit", args=[plan.pk, other.pk])).status_code
        == 404
    )
