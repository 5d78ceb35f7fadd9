"""What recording the history costs: at most 2 more queries for a save in the workspace,
none for the workspace page. The plan follows a framework, so its forms carry the
elements' tags and the history takes them from there (a plan that follows none has no tag
fields in its forms: the history reads the stored tags, one query more)."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import FrameworkFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("htmx")]

EXTRA_PER_SAVE = 2


@pytest.fixture
def branch(branch):
    branch.plan.framework = FrameworkFactory()
    branch.plan.save()
    return branch


def _edits(branch) -> dict:
    """One edit per kind of element, each changing a field and what it links to."""
    return {
        "chapter": (branch.chapter, {"code": "3", "title": "Prevention and awareness"}),
        "goal": (
            branch.goal,
            {"chapter": branch.chapter.pk, "code": "G1", "title": "Fewer victims"},
        ),
        "activity": (
            branch.activity,
            {
                "objective": branch.objective.pk,
                "code": "A1",
                "title": "Train teachers",
                "lead": branch.ngo.pk,
                "partners": [branch.ministry.pk],
            },
        ),
    }


def _queries(client, url, data=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.post(url, data) if data is not None else client.get(url)
    assert response.status_code == 200, response.content.decode()[:500]
    return len(queries)


@pytest.mark.parametrize("kind", ["chapter", "goal", "activity"])
def test_a_workspace_save_costs_at_most_two_queries_more_with_history(client, cast, branch, kind):
    client.force_login(cast.coordinator)
    element, data = _edits(branch)[kind]
    url = reverse("actionplan:element_edit", args=[branch.plan.pk, kind, element.pk])
    _queries(client, url, data)  # the first save may change more than the next ones
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        without = _queries(client, url, {**data, "title": data["title"] + " (1)"})
    with_history = _queries(client, url, {**data, "title": data["title"] + " (2)"})
    assert with_history - without <= EXTRA_PER_SAVE, (with_history, without)
    assert element.history.count() >= 2


def test_the_workspace_page_costs_no_query_more_with_history(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:workspace", args=[branch.plan.pk])
    _queries(client, url)
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        without = _queries(client, url)
    assert _queries(client, url) == without


def test_replacing_an_activitys_bodies_costs_at_most_two_queries_more(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element_edit", args=[branch.plan.pk, "activity", branch.activity.pk])
    data = {"objective": branch.objective.pk, "code": "A1", "title": "Train teachers"}
    ngo, ministry = branch.ngo.pk, branch.ministry.pk
    _queries(client, url, {**data, "lead": ngo, "partners": [ministry]})
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        without = _queries(client, url, {**data, "lead": ministry, "partners": [ngo]})
    with_history = _queries(client, url, {**data, "lead": ngo, "partners": [ministry]})
    assert with_history - without <= EXTRA_PER_SAVE, (with_history, without)


def test_removing_and_adding_bodies_costs_at_most_two_queries_more(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element_edit", args=[branch.plan.pk, "activity", branch.activity.pk])
    data = {"objective": branch.objective.pk, "code": "A1", "title": "Train teachers"}
    ngo, ministry = branch.ngo.pk, branch.ministry.pk
    _queries(client, url, {**data, "lead": ngo, "partners": []})
    with override_settings(SIMPLE_HISTORY_ENABLED=False):
        without = _queries(client, url, {**data, "lead": ministry, "partners": []})
    with_history = _queries(client, url, {**data, "lead": ngo, "partners": []})
    assert with_history - without <= EXTRA_PER_SAVE, (with_history, without)
    removed = branch.activity.responsibilities.model.history.filter(history_type="-")
    assert removed.filter(stakeholder_id=ministry).exists()
