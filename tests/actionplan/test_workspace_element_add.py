import datetime

import pytest
from django.urls import reverse

from actionplan.models import Activity, BudgetLine, Indicator, SubActivity
from strategy.models import Chapter, StrategicGoal

# The tree calls these endpoints through htmx; test_workspace_plain.py sends plain requests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("htmx")]


def _url(plan, kind, **parent):
    url = reverse("actionplan:element_add", args=[plan.pk, kind])
    return url + "".join(f"?{name}={pk}" for name, pk in parent.items())


def test_it_offers_a_blank_form_with_the_parent_chosen(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.get(_url(branch.plan, "goal", chapter=branch.chapter.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "New strategic goal" in html
    assert f'<option value="{branch.chapter.pk}" selected>' in html


def test_it_adds_a_goal_at_the_end_of_its_chapter(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, "goal", chapter=branch.chapter.pk),
        {"chapter": branch.chapter.pk, "code": "G2", "title": "Children are protected"},
    )
    assert response.status_code == 200
    goal = StrategicGoal.objects.get(code="G2")
    assert (goal.plan, goal.chapter) == (branch.plan, branch.chapter)
    assert goal.order > branch.goal.order
    html = response.content.decode()
    assert f'hx-swap-oob="beforeend:#chapter-{branch.chapter.pk}-goals"' in html
    assert "Children are protected" in html


def test_it_adds_a_chapter(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(_url(branch.plan, "chapter"), {"code": "4", "title": "Protection"})
    assert response.status_code == 200
    assert Chapter.objects.filter(plan=branch.plan, title="Protection").exists()
    assert 'hx-swap-oob="beforeend:#plan-chapters"' in response.content.decode()


def test_it_adds_an_activity_with_its_bodies_and_timeframe(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, "activity", objective=branch.objective.pk),
        {
            "objective": branch.objective.pk,
            "output": branch.output.pk,
            "code": "A2",
            "title": "Train teachers",
            "start_month": "2020-02",
            "end_month": "2020-06",
            "lead": branch.ngo.pk,
            "partners": [branch.ministry.pk],
        },
    )
    assert response.status_code == 200
    activity = Activity.objects.get(code="A2")
    assert activity.start_month == datetime.date(2020, 2, 1)
    duties = {(r.stakeholder, r.role) for r in activity.responsibilities.all()}
    assert duties == {(branch.ngo, "lead"), (branch.ministry, "partner")}
    assert "Lead: <b>Clean World</b>" in response.content.decode()


def test_it_adds_a_sub_activity_and_redraws_the_activity(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, "subactivity", activity=branch.activity.pk), {"title": "Hire trainers"}
    )
    assert response.status_code == 200
    assert SubActivity.objects.filter(activity=branch.activity, title="Hire trainers").exists()
    html = response.content.decode()
    assert f"beforeend:#activity-{branch.activity.pk}-subactivities" in html


def test_it_adds_a_budget_line_and_updates_the_activity_total(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, "budgetline", activity=branch.activity.pk),
        {"amount": "5000", "currency": "eur", "source": "donor", "donor_name": "EU",
         "status": "pledged"},
    )  # fmt: skip
    assert response.status_code == 200
    line = BudgetLine.objects.get(activity=branch.activity, source="donor")
    assert line.currency == "EUR"
    html = response.content.decode()
    assert f'id="activity-{branch.activity.pk}-head"' in html and 'hx-swap-oob="true"' in html
    assert "30,000 EUR" in html


def test_it_adds_an_indicator_to_an_objective(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, "indicator", objective=branch.objective.pk),
        {"level": "outcome", "definition": "Share of victims referred within 48 hours"},
    )
    assert response.status_code == 200
    indicator = Indicator.objects.get(level="outcome")
    assert (indicator.plan, indicator.objective) == (branch.plan, branch.objective)
    html = response.content.decode()
    assert f"beforeend:#objective-{branch.objective.pk}-indicators" in html
    # The objective's own count is redrawn out of band.
    assert f'id="objective-{branch.objective.pk}-head"' in html
    assert ">1 indicator</button>" in html


def test_it_answers_404_for_a_parent_of_another_plan(client, cast, branch, other_plan_branch):
    client.force_login(cast.coordinator)
    url = _url(branch.plan, "subactivity", activity=other_plan_branch.activity.pk)
    assert client.post(url, {"title": "Elsewhere"}).status_code == 404
    assert client.get(_url(branch.plan, "subactivity", activity="abc")).status_code == 404
    assert not SubActivity.objects.filter(title="Elsewhere").exists()


def test_it_answers_404_without_the_parent_it_needs(client, cast, branch):
    client.force_login(cast.coordinator)
    assert client.get(_url(branch.plan, "budgetline")).status_code == 404


def test_it_answers_404_for_an_unknown_kind(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.get(f"/plans/{branch.plan.pk}/plan/add/")
    assert response.status_code == 404


def test_it_numbers_a_goal_added_without_a_code_after_its_chapter(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, "goal", chapter=branch.chapter.pk),
        {"chapter": branch.chapter.pk, "code": "", "title": "Children are protected"},
    )
    assert response.status_code == 200
    goal = StrategicGoal.objects.get(title="Children are protected")
    assert goal.code == "3.2"  # chapter "3", after its goal G1
    assert 'aria-label="Edit goal 3.2"' in response.content.decode()
