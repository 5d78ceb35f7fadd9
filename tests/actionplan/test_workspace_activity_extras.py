"""A budget line and an indicator added from the activity's own form."""

import pytest
from django.urls import reverse

from actionplan.models import Activity, BudgetLine, Indicator

# The tree calls these endpoints through htmx; test_workspace_plain.py sends plain requests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("htmx")]


def _add_url(branch):
    url = reverse("actionplan:element_add", args=[branch.plan.pk, "activity"])
    return f"{url}?objective={branch.objective.pk}"


def _edit_url(branch):
    return reverse("actionplan:element_edit", args=[branch.plan.pk, "activity", branch.activity.pk])


def _data(branch, **extra):
    return {"objective": branch.objective.pk, "code": "A9", "title": "Open a shelter", **extra}


def test_it_adds_a_budget_line_and_an_indicator_with_a_new_activity(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _add_url(branch),
        _data(
            branch,
            budget_amount="12000",
            budget_currency="eur",
            new_indicator="Number of victims sheltered",
        ),
    )
    assert response.status_code == 200
    activity = Activity.objects.get(code="A9")
    line = activity.budget_lines.get()
    assert (line.amount, line.currency, line.source) == (12000, "EUR", "state")
    indicator = activity.indicators.get()
    assert (indicator.plan, indicator.definition) == (branch.plan, "Number of victims sheltered")
    html = response.content.decode()
    assert "Budget: 12,000 EUR" in html
    assert "1 indicator" in html


def test_it_adds_one_more_line_when_an_activity_is_edited(client, cast, branch):
    lines = branch.activity.budget_lines.count()
    client.force_login(cast.coordinator)
    response = client.post(
        _edit_url(branch),
        {
            "objective": branch.objective.pk,
            "code": branch.activity.code,
            "title": branch.activity.title,
            "budget_amount": "500",
            "budget_currency": "EUR",
        },
    )
    assert response.status_code == 200
    assert branch.activity.budget_lines.count() == lines + 1


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        ({"budget_currency": "EUR"}, "budget_amount", "Give the amount"),
        ({"budget_amount": "100", "budget_currency": "E1"}, "budget_currency", "ISO 4217"),
        ({"budget_amount": "-5", "budget_currency": "EUR"}, "budget_amount", "negative"),
        ({"new_indicator": "<script>x</script>"}, "new_indicator", "plain text"),
    ],
)
def test_it_refuses_a_bad_line_or_indicator_and_saves_nothing(
    client, cast, branch, extra, field, message
):
    counts = (BudgetLine.objects.count(), Indicator.objects.count())
    client.force_login(cast.coordinator)
    response = client.post(_add_url(branch), _data(branch, **extra))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert not Activity.objects.filter(code="A9").exists()
    assert (BudgetLine.objects.count(), Indicator.objects.count()) == counts


def test_it_refuses_a_reader(client, cast, branch):
    client.force_login(cast.coordinator2)
    response = client.post(
        _add_url(branch), _data(branch, budget_amount="1", budget_currency="EUR")
    )
    assert response.status_code == 403
    assert not Activity.objects.filter(code="A9").exists()


def test_it_refuses_a_wrong_method(client, cast, branch):
    client.force_login(cast.coordinator)
    assert client.put(_add_url(branch)).status_code == 405
