"""Bad input on every workspace form: a clear message on the field, nothing saved."""

import re

import pytest
from django.urls import reverse

from actionplan.models import Activity, BudgetLine, Indicator, Responsibility, SubActivity
from strategy.models import SpecificObjective

# The tree calls these endpoints through htmx; test_workspace_plain.py sends plain requests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("htmx")]


def _add(client, plan, kind, data, **parent):
    url = reverse("actionplan:element_add", args=[plan.pk, kind])
    url += "".join(f"?{name}={pk}" for name, pk in parent.items())
    response = client.post(url, data)
    assert response.status_code == 200
    return response.content.decode()


def _field_error(html: str, field: str) -> str:
    """The message crispy-forms draws beside the field (empty when there is none)."""
    match = re.search(rf'id="error_\d+_id_{field}"[^>]*>\s*<strong>(.*?)</strong>', html)
    return match.group(1) if match else ""


def _activity(branch, **overrides):
    return {
        "objective": branch.objective.pk,
        "code": "A9",
        "title": "Train prosecutors",
        "start_month": "2020-01",
        "end_month": "2020-06",
        **overrides,
    }


@pytest.fixture
def editor(client, cast):
    client.force_login(cast.coordinator)
    return client


def test_an_end_before_the_start_is_refused(editor, branch):
    html = _add(editor, branch.plan, "activity", _activity(branch, end_month="2019-12"))
    assert _field_error(html, "end_month") == "The end month cannot be before the start month."
    assert not Activity.objects.filter(code="A9").exists()


def test_a_timeframe_outside_the_plan_period_is_refused(editor, branch):
    html = _add(editor, branch.plan, "activity", _activity(branch, start_month="2017-05"))
    assert "outside the plan period (2019–2023)" in _field_error(html, "start_month")
    html = _add(
        editor, branch.plan, "subactivity",
        {"title": "Late", "start_month": "2023-06", "end_month": "2024-02"},
        activity=branch.activity.pk,
    )  # fmt: skip
    assert "outside the plan period" in _field_error(html, "end_month")
    assert not Activity.objects.filter(code="A9").exists()
    assert not SubActivity.objects.filter(title="Late").exists()


def test_an_impossible_month_is_refused(editor, branch):
    html = _add(editor, branch.plan, "activity", _activity(branch, start_month="2020-13"))
    assert _field_error(html, "start_month") == "Enter a valid date."
    assert not Activity.objects.filter(code="A9").exists()


def test_a_negative_amount_is_refused(editor, branch):
    html = _add(
        editor, branch.plan, "budgetline",
        {"amount": "-100", "currency": "EUR", "source": "state", "status": "secured"},
        activity=branch.activity.pk,
    )  # fmt: skip
    assert _field_error(html, "amount") == "An amount cannot be negative."
    assert BudgetLine.objects.count() == 1


def test_a_donor_without_a_name_and_a_bad_currency_are_refused(editor, branch):
    html = _add(
        editor, branch.plan, "budgetline",
        {"amount": "100", "currency": "E1", "source": "donor", "status": "pledged"},
        activity=branch.activity.pk,
    )  # fmt: skip
    assert _field_error(html, "donor_name") == "Name the donor."
    assert "three-letter ISO 4217" in _field_error(html, "currency")
    assert BudgetLine.objects.count() == 1


def test_a_second_lead_body_is_refused(editor, branch):
    html = _add(
        editor, branch.plan, "responsibility", {"stakeholder": branch.ngo.pk, "role": "lead"},
        activity=branch.activity.pk,
    )  # fmt: skip
    assert _field_error(html, "role") == "This activity already has a lead body."
    assert not Responsibility.objects.filter(stakeholder=branch.ngo).exists()


def test_the_lead_body_cannot_also_be_a_partner(editor, branch):
    data = _activity(branch, lead=branch.ngo.pk, partners=[branch.ngo.pk])
    html = _add(editor, branch.plan, "activity", data)
    assert _field_error(html, "partners") == "The lead body cannot also be a partner."
    assert not Activity.objects.filter(code="A9").exists()


def test_a_body_of_another_plan_is_refused(editor, branch, other_plan_branch):
    foreign = other_plan_branch.stakeholder
    html = _add(
        editor, branch.plan, "responsibility", {"stakeholder": foreign.pk, "role": "partner"},
        activity=branch.activity.pk,
    )  # fmt: skip
    assert "Select a valid choice" in _field_error(html, "stakeholder")
    html = _add(editor, branch.plan, "activity", _activity(branch, lead=foreign.pk))
    assert "Select a valid choice" in _field_error(html, "lead")
    html = _add(
        editor, branch.plan, "indicator",
        {"level": "output", "definition": "Trained", "responsible_body": foreign.pk},
        activity=branch.activity.pk,
    )  # fmt: skip
    assert "Select a valid choice" in _field_error(html, "responsible_body")
    assert not Responsibility.objects.filter(stakeholder=foreign).exists()
    assert not Activity.objects.filter(code="A9").exists()


def test_an_objective_or_output_of_another_plan_is_refused(editor, branch, other_plan_branch):
    data = _activity(branch, objective=other_plan_branch.objective.pk)
    html = _add(editor, branch.plan, "activity", data)
    assert "Select a valid choice" in _field_error(html, "objective")
    html = _add(
        editor, branch.plan, "objective",
        {"goal": other_plan_branch.objective.goal.pk, "title": "Elsewhere"},
    )  # fmt: skip
    assert "Select a valid choice" in _field_error(html, "goal")
    assert not Activity.objects.filter(code="A9").exists()
    assert not SpecificObjective.objects.filter(title="Elsewhere").exists()


def test_an_output_of_another_objective_is_refused(editor, branch):
    other_objective = SpecificObjective.objects.create(
        plan=branch.plan, goal=branch.goal, title="Another objective"
    )
    data = _activity(branch, objective=other_objective.pk, output=branch.output.pk)
    html = _add(editor, branch.plan, "activity", data)
    assert _field_error(html, "output") == "This output belongs to another objective."
    assert not Activity.objects.filter(code="A9").exists()


def test_a_target_before_the_baseline_is_refused(editor, branch):
    html = _add(
        editor, branch.plan, "indicator",
        {"level": "output", "definition": "Trained", "baseline_year": "2020",
         "target_year": "2018"},
        activity=branch.activity.pk,
    )  # fmt: skip
    assert _field_error(html, "target_year") == "The target year cannot precede the baseline."
    assert Indicator.objects.count() == 1


def test_a_required_text_left_empty_is_refused(editor, branch):
    html = _add(editor, branch.plan, "chapter", {"title": ""})
    assert _field_error(html, "title") == "This field is required."


def test_markup_is_refused_on_its_field_and_shown_escaped(editor, branch):
    title = '<img src=x onerror="alert(1)"> Train <b>judges</b>'
    html = _add(editor, branch.plan, "activity", _activity(branch, title=title))
    assert _field_error(html, "title").startswith("Remove the markup")
    assert not Activity.objects.filter(code="A9").exists()
    assert "<img src=x" not in html and "<b>judges</b>" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; Train &lt;b&gt;judges&lt;/b&gt;" in html


def test_comparisons_with_angle_brackets_are_plain_text(editor, branch):
    title = "Reach children < 18 years and families with income <5 % of the median"
    _add(editor, branch.plan, "activity", _activity(branch, title=title))
    assert Activity.objects.get(code="A9").title == title


def test_markup_in_an_invalid_form_is_redisplayed_escaped(editor, branch):
    data = _activity(branch, title="<script>alert(1)</script>", end_month="2019-01")
    html = _add(editor, branch.plan, "activity", data)
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_same_body_twice_on_one_activity_is_refused(editor, branch):
    html = _add(
        editor, branch.plan, "responsibility",
        {"stakeholder": branch.ministry.pk, "role": "partner"},
        activity=branch.activity.pk,
    )  # fmt: skip
    assert _field_error(html, "stakeholder") == "This body already has a role in the activity."
    assert branch.activity.responsibilities.count() == 1
