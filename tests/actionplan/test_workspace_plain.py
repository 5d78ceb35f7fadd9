"""The workspace's endpoints without htmx (no JavaScript, a reloaded or bookmarked URL):
a form or a confirmation is a page of its own, and every change leads back to the tree
at the element."""

import pytest
from django.urls import reverse

from actionplan.models import Activity
from strategy.models import StrategicGoal

pytestmark = pytest.mark.django_db


def _tree(plan, anchor=""):
    return reverse("actionplan:workspace", args=[plan.pk]) + (f"#{anchor}" if anchor else "")


def test_it_sends_a_request_for_an_element_to_its_place_in_the_tree(client, cast, branch):
    client.force_login(cast.reviewer)
    url = reverse("actionplan:element", args=[branch.plan.pk, "goal", branch.goal.pk])
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == _tree(branch.plan, f"goal-{branch.goal.pk}")
    panel = reverse("actionplan:element_panel", args=[branch.plan.pk, "goal", branch.goal.pk])
    assert client.get(panel).url == _tree(branch.plan, f"goal-{branch.goal.pk}")


def test_it_offers_the_add_form_as_a_page(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element_add", args=[branch.plan.pk, "goal"])
    url += f"?chapter={branch.chapter.pk}"
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>New strategic goal" in html
    assert f'<form method="post" action="{url}"' in html
    assert "csrfmiddlewaretoken" in html


def test_it_adds_and_leads_back_to_the_new_element(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element_add", args=[branch.plan.pk, "goal"])
    data = {"chapter": branch.chapter.pk, "code": "G2", "title": "Children are protected"}
    response = client.post(url, data)
    goal = StrategicGoal.objects.get(code="G2")
    assert response.status_code == 302
    assert response.url == _tree(branch.plan, f"goal-{goal.pk}")


def test_it_shows_a_refused_form_again_as_a_page(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element_edit", args=[branch.plan.pk, "goal", branch.goal.pk])
    response = client.post(url, {"chapter": branch.chapter.pk, "title": ""})
    assert response.status_code == 422
    assert "<title>Edit strategic goal" in response.content.decode()


def test_it_edits_and_leads_back_to_the_element(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element_edit", args=[branch.plan.pk, "goal", branch.goal.pk])
    response = client.post(url, {"chapter": branch.chapter.pk, "title": "Renamed"})
    assert response.url == _tree(branch.plan, f"goal-{branch.goal.pk}")
    branch.goal.refresh_from_db()
    assert branch.goal.title == "Renamed"


def test_it_asks_before_deleting_on_a_page_and_leads_back_to_the_parent(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse(
        "actionplan:element_delete", args=[branch.plan.pk, "activity", branch.activity.pk]
    )
    html = client.get(url).content.decode()
    assert "Delete the activity “A1" in html
    assert "This also deletes 1 sub-activity" in html
    assert 'method="post"' in html
    response = client.post(url)
    assert response.url == _tree(branch.plan, f"objective-{branch.objective.pk}")
    assert not Activity.objects.filter(pk=branch.activity.pk).exists()


def test_it_moves_and_leads_back_to_the_element(client, cast, branch):
    client.force_login(cast.coordinator)
    second = StrategicGoal.objects.create(
        plan=branch.plan, chapter=branch.chapter, code="G2", title="Second", order=9
    )
    url = reverse("actionplan:element_move", args=[branch.plan.pk, "goal", second.pk])
    response = client.post(url, {"direction": "up"})
    assert response.url == _tree(branch.plan, f"goal-{second.pk}")
    codes = StrategicGoal.objects.filter(chapter=branch.chapter).order_by("order")
    assert [g.code for g in codes] == ["G2", "G1"]
