import json

import pytest
from django.urls import reverse

from tests.factories import AreaFactory, ChapterFactory, FrameworkFactory, StrategicGoalFactory

# The tree calls these endpoints through htmx; test_workspace_plain.py sends plain requests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("htmx")]


def _url(plan, kind, pk):
    return reverse("actionplan:element_edit", args=[plan.pk, kind, pk])


def test_it_offers_the_element_in_a_form(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.get(_url(branch.plan, "activity", branch.activity.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Edit activity" in html
    assert branch.activity.title in html
    assert 'value="2019-03"' in html  # the month picker shows the stored month
    assert f'<option value="{branch.ministry.pk}" selected>' in html  # the lead body
    assert f'hx-target="#activity-{branch.activity.pk}-head"' in html


def test_it_saves_and_returns_the_redrawn_element(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, "chapter", branch.chapter.pk),
        {"code": "3", "title": "Prevention and awareness"},
    )
    assert response.status_code == 200
    branch.chapter.refresh_from_db()
    assert branch.chapter.title == "Prevention and awareness"
    html = response.content.decode()
    assert f'id="chapter-{branch.chapter.pk}-head"' in html
    assert "Prevention and awareness" in html  # also the chapter's heading, out of band
    focus = json.loads(response["HX-Trigger-After-Settle"])["nap:focus"]
    assert focus == {"id": f"chapter-{branch.chapter.pk}-head", "said": "Saved."}


def test_it_replaces_the_lead_and_the_partners_of_an_activity(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, "activity", branch.activity.pk),
        {
            "objective": branch.objective.pk,
            "code": "A1",
            "title": "Train teachers",
            "lead": branch.ngo.pk,
            "partners": [branch.ministry.pk],
        },
    )
    assert response.status_code == 200
    duties = {(r.stakeholder, r.role) for r in branch.activity.responsibilities.all()}
    assert duties == {(branch.ngo, "lead"), (branch.ministry, "partner")}
    branch.activity.refresh_from_db()
    assert branch.activity.start_month is None  # the timeframe was cleared
    assert "Timeframe: <em" in response.content.decode()


def test_it_redraws_the_page_when_a_goal_moves_to_another_chapter(client, cast, branch):
    other = ChapterFactory(plan=branch.plan)
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, "goal", branch.goal.pk),
        {"chapter": other.pk, "code": "G1", "title": branch.goal.title},
    )
    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"
    branch.goal.refresh_from_db()
    assert branch.goal.chapter == other


def test_it_tags_an_activity_with_areas_of_the_plans_framework_only(client, cast, branch):
    framework = FrameworkFactory(code="icmpd-2006")
    branch.plan.framework = framework
    branch.plan.save()
    awareness = AreaFactory(framework=framework, component__framework=framework)
    foreign = AreaFactory()
    client.force_login(cast.coordinator)
    url = _url(branch.plan, "activity", branch.activity.pk)
    data = {"objective": branch.objective.pk, "code": "A1", "title": "Train teachers"}
    response = client.post(url, {**data, "areas": [foreign.pk]})
    assert "Select a valid choice" in response.content.decode()
    assert not branch.activity.areas.exists()
    client.post(url, {**data, "areas": [awareness.pk]})
    assert list(branch.activity.areas.all()) == [awareness]


def test_it_offers_no_tags_for_a_plan_without_framework(client, cast, branch):
    client.force_login(cast.coordinator)
    html = client.get(_url(branch.plan, "activity", branch.activity.pk)).content.decode()
    assert 'name="areas"' not in html


def test_it_redraws_the_page_when_generated_codes_below_follow_a_new_code(client, cast, branch):
    numbered = StrategicGoalFactory(plan=branch.plan, chapter=branch.chapter, code="3.2", order=999)
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, "chapter", branch.chapter.pk), {"code": "4", "title": "Prevention"}
    )
    assert response.status_code == 200
    assert response["HX-Refresh"] == "true"
    numbered.refresh_from_db()
    branch.goal.refresh_from_db()
    assert (numbered.code, branch.goal.code) == ("4.2", "G1")


def test_it_edits_a_budget_line_which_has_no_code(client, cast, branch):
    client.force_login(cast.coordinator)
    url = _url(branch.plan, "budgetline", branch.line.pk)
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"amount": "500", "currency": "EUR", "source": "state", "status": "secured"}
    )
    assert response.status_code == 200
    branch.line.refresh_from_db()
    assert branch.line.amount == 500
