import pytest
from django.urls import reverse

# The tree calls these endpoints through htmx; test_workspace_plain.py sends plain requests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("htmx")]


def _url(plan, kind, pk, view="element"):
    return reverse(f"actionplan:{view}", args=[plan.pk, kind, pk])


def test_it_returns_the_element_as_the_tree_draws_it(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.get(_url(branch.plan, "activity", branch.activity.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'id="activity-{branch.activity.pk}-head"' in html
    assert "Lead: <b>Ministry of Education</b>" in html
    assert 'data-ws="edit"' in html


def test_it_shows_readers_the_element_without_controls(client, cast, branch):
    client.force_login(cast.reviewer)
    response = client.get(_url(branch.plan, "goal", branch.goal.pk))
    assert response.status_code == 200
    assert 'data-ws="edit"' not in response.content.decode()


def test_the_panel_lists_bodies_budget_and_indicators(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.get(_url(branch.plan, "activity", branch.activity.pk, "element_panel"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Ministry of Education" in html and "Lead" in html
    assert "25,000.00 EUR · State budget · Secured" in html
    assert branch.indicator.definition in html
    assert "+ Add budget line" in html


def test_the_panel_shows_readers_no_controls(client, cast, branch):
    client.force_login(cast.coordinator2)
    response = client.get(_url(branch.plan, "activity", branch.activity.pk, "element_panel"))
    assert response.status_code == 200
    html = response.content.decode()
    assert branch.indicator.definition in html
    assert "+ Add" not in html and 'data-ws="edit"' not in html


def test_the_panel_exists_only_for_elements_with_indicators(client, cast, branch):
    client.force_login(cast.coordinator)
    url = _url(branch.plan, "subactivity", branch.sub.pk, "element_panel")
    assert client.get(url).status_code == 404
