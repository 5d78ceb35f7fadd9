import json

import pytest
from django.urls import reverse

from tests.factories import ActivityFactory

# The tree calls these endpoints through htmx; test_workspace_plain.py sends plain requests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("htmx")]


def _url(plan, kind, pk):
    return reverse("actionplan:element_move", args=[plan.pk, kind, pk])


@pytest.fixture
def second(branch):
    return ActivityFactory(plan=branch.plan, objective=branch.objective, code="A2")


def _codes(branch):
    return list(branch.objective.activities.order_by("order", "pk").values_list("code", flat=True))


def test_it_moves_an_activity_up_and_tells_the_page(client, cast, branch, second):
    client.force_login(cast.coordinator)
    response = client.post(_url(branch.plan, "activity", second.pk), {"direction": "up"})
    assert response.status_code == 204
    assert _codes(branch) == ["A2", "A1"]
    event = json.loads(response["HX-Trigger"])["nap:moved"]
    assert event == {"id": f"activity-{second.pk}", "direction": "up"}
    orders = sorted(branch.objective.activities.values_list("order", flat=True))
    assert orders == [0, 1]


def test_it_moves_down(client, cast, branch, second):
    client.force_login(cast.coordinator)
    client.post(_url(branch.plan, "activity", branch.activity.pk), {"direction": "down"})
    assert _codes(branch) == ["A2", "A1"]


def test_it_leaves_the_first_element_first(client, cast, branch, second):
    client.force_login(cast.coordinator)
    response = client.post(_url(branch.plan, "activity", branch.activity.pk), {"direction": "up"})
    assert response.status_code == 204
    assert "HX-Trigger" not in response
    assert _codes(branch) == ["A1", "A2"]


def test_it_refuses_an_unknown_direction(client, cast, branch, second):
    client.force_login(cast.coordinator)
    response = client.post(_url(branch.plan, "activity", second.pk), {"direction": "left"})
    assert response.status_code == 400
    assert _codes(branch) == ["A1", "A2"]


def test_it_does_not_reorder_responsible_bodies(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(_url(branch.plan, "responsibility", branch.lead.pk), {"direction": "up"})
    assert response.status_code == 400


def test_it_redraws_the_page_when_generated_codes_follow_a_move(client, cast, branch):
    branch.activity.code, branch.activity.order = "O1.1", 0
    branch.activity.save()
    ActivityFactory(plan=branch.plan, objective=branch.objective, code="O1.2", order=1)
    last = ActivityFactory(plan=branch.plan, objective=branch.objective, code="O1.3", order=2)
    client.force_login(cast.coordinator)
    response = client.post(_url(branch.plan, "activity", last.pk), {"direction": "up"})
    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"
    assert _codes(branch) == ["O1.1", "O1.2", "O1.3"]
    last.refresh_from_db()
    assert (last.order, last.code) == (1, "O1.2")
