from decimal import Decimal

from django.urls import reverse

from monitoring.models import ActivityReport
from tests.factories import BudgetLineFactory


def _url(m):
    return reverse(
        "monitoring:report_edit", args=[m.plan.pk, m.period.pk, m.body_a.pk, m.activity_a.pk]
    )


def _form(m, **changes):
    return {
        "status": "on_track",
        "reason": "",
        "progress": "Curriculum drafted.",
        f"indicator_{m.indicator.pk}": "12",
        f"measured_{m.indicator.pk}": "2019-06-30",
        f"spent_{m.budget_line.pk}": "120.50",
        "submit": "1",
    } | changes


def test_it_lets_a_focal_point_submit_a_report(client, cast, monitored):
    client.force_login(cast.focal_a)
    response = client.post(_url(monitored), _form(monitored))
    assert response.status_code == 302
    report = ActivityReport.objects.get()
    assert (report.state, report.body, report.updated_by) == (
        "submitted",
        monitored.body_a,
        cast.focal_a,
    )
    assert str(report.spendings.get().amount) == "120.50"


def test_it_shows_each_problem_beside_its_field_and_writes_nothing(client, cast, monitored):
    client.force_login(cast.focal_a)
    data = _form(monitored, status="delayed", **{f"spent_{monitored.budget_line.pk}": "-5"})
    response = client.post(_url(monitored), data)
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert f"spent_{monitored.budget_line.pk}" in errors
    assert not ActivityReport.objects.exists()
    response = client.post(_url(monitored), _form(monitored, status="delayed"))
    assert response.status_code == 422
    assert "reason" in response.context["form"].errors
    assert "Say why the activity is delayed or cancelled." in response.content.decode()
    assert not ActivityReport.objects.exists()


def test_it_shows_the_coordinators_comment_on_a_returned_report(client, cast, monitored):
    client.force_login(cast.focal_a)
    client.post(_url(monitored), _form(monitored))
    report = ActivityReport.objects.get()
    client.force_login(cast.coordinator)
    review = reverse("monitoring:report_review", args=[monitored.plan.pk, report.pk])
    client.post(review, {"decision": "return", "comment": "Add the trainees' number."})
    client.force_login(cast.focal_a)
    html = client.get(_url(monitored)).content.decode()
    assert "Add the trainees&#x27; number." in html
    assert 'data-testid="report-form"' in html


def test_each_budget_line_is_named_by_its_funding_so_two_alike_are_told_apart(
    client, cast, monitored
):
    activity = monitored.activity_a
    monitored.budget_line.description = "Printing"
    monitored.budget_line.save()
    BudgetLineFactory(
        activity=activity,
        description="Printing",
        source="donor",
        donor_name="European Union",
        amount=Decimal("300"),
    )
    BudgetLineFactory(activity=activity, description="", currency="USD", amount=Decimal("50"))
    client.force_login(cast.focal_a)
    html = client.get(_url(monitored)).content.decode()
    assert "Spent on “Printing” (State budget, EUR)" in html
    assert "Spent on “Printing” (European Union, EUR)" in html
    assert "Spent on the State budget line (USD)" in html
