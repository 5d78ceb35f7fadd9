import pytest
from django.urls import reverse

from actionplan.models import Activity, BudgetLine, SubActivity
from strategy.models import StrategicGoal
from tests.factories import StrategicGoalFactory

# The tree calls these endpoints through htmx; test_workspace_plain.py sends plain requests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("htmx")]


def _url(plan, kind, pk):
    return reverse("actionplan:element_delete", args=[plan.pk, kind, pk])


def test_it_asks_first_and_says_what_goes_with_it(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.get(_url(branch.plan, "goal", branch.goal.pk))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Delete the strategic goal" in html
    assert (
        "This also deletes 1 specific objective, 1 output, 1 activity, 1 sub-activity, "
        "1 responsible body, 1 budget line, 1 indicator."
    ) in html
    assert StrategicGoal.objects.filter(pk=branch.goal.pk).exists()


def test_it_says_which_activities_stay_when_an_output_goes(client, cast, branch):
    branch.activity.output = branch.output
    branch.activity.save()
    client.force_login(cast.coordinator)
    html = client.get(_url(branch.plan, "output", branch.output.pk)).content.decode()
    assert "Nothing else is deleted." in html
    assert "1 activity stays in the plan without its output." in html


def test_it_deletes_the_element_and_what_hangs_from_it(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(_url(branch.plan, "goal", branch.goal.pk))
    assert response.status_code == 200
    assert response.content == b""
    assert not StrategicGoal.objects.filter(pk=branch.goal.pk).exists()
    assert not Activity.objects.filter(pk=branch.activity.pk).exists()
    assert not SubActivity.objects.filter(pk=branch.sub.pk).exists()


def test_it_redraws_the_activity_when_its_budget_line_goes(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(_url(branch.plan, "budgetline", branch.line.pk))
    assert response.status_code == 200
    assert not BudgetLine.objects.filter(pk=branch.line.pk).exists()
    html = response.content.decode()
    assert 'hx-swap-oob="true"' in html
    assert 'Budget: <em class="text-danger">none</em>' in html


def test_it_redraws_the_page_when_generated_codes_close_the_gap(client, cast, branch):
    numbered = [
        StrategicGoalFactory(plan=branch.plan, chapter=branch.chapter, code=code, order=order)
        for code, order in (("3.2", 998), ("3.3", 999))
    ]
    client.force_login(cast.coordinator)
    response = client.post(_url(branch.plan, "goal", numbered[0].pk))
    assert response["HX-Refresh"] == "true"
    numbered[1].refresh_from_db()
    assert numbered[1].code == "3.2"
