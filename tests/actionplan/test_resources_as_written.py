"""Resources given in words ("within the ministry's budget", "donor") are kept beside
budget lines: in the activity form, the resource plan page, Word and PDF."""

import io

import docx
import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from actionplan.exchange.docx_export import plan_export_docx
from actionplan.resources import resource_plan
from actionplan.selectors import plan_print_context
from tests.factories import ActivityFactory, BudgetLineFactory, PlanFactory

pytestmark = pytest.mark.django_db

WORDS = "Within the <ministry>'s budget"


def test_it_saves_resources_in_words_from_the_activity_form(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element_edit", args=[branch.plan.pk, "activity", branch.activity.pk])
    assert 'name="resources_as_written"' in client.get(url).content.decode()
    response = client.post(
        url,
        {"objective": branch.objective.pk, "title": "Train teachers", "resources_as_written":
         "Donor funding"},
    )  # fmt: skip
    assert response.status_code == 302  # a plain request goes back to the activity
    branch.activity.refresh_from_db()
    assert branch.activity.resources_as_written == "Donor funding"


def test_it_refuses_markup_in_resources_in_words(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element_edit", args=[branch.plan.pk, "activity", branch.activity.pk])
    client.post(
        url,
        {"objective": branch.objective.pk, "title": "Train teachers", "resources_as_written":
         "<b>donor</b>"},
    )  # fmt: skip
    branch.activity.refresh_from_db()
    assert branch.activity.resources_as_written == ""


def _plan_with_three_kinds_of_activity(editors=()):
    plan = PlanFactory(editors=list(editors))
    costed = ActivityFactory(plan=plan, objective__goal__chapter__plan=plan, title="Costed")
    BudgetLineFactory(activity=costed)
    ActivityFactory(
        plan=plan, objective=costed.objective, title="Said in words", resources_as_written=WORDS
    )
    ActivityFactory(plan=plan, objective=costed.objective, title="Says nothing")
    return plan


def test_the_resource_plan_tells_words_apart_from_nothing():
    resources = resource_plan(_plan_with_three_kinds_of_activity())
    assert [a.title for a in resources.in_words] == ["Said in words"]
    assert [a.title for a in resources.unbudgeted] == ["Says nothing"]


def test_the_resource_page_lists_activities_with_resources_in_words_apart(client, cast):
    plan = _plan_with_three_kinds_of_activity(editors=[cast.coordinator])
    client.force_login(cast.coordinator)
    html = client.get(reverse("actionplan:resources", args=[plan.pk])).content.decode()
    assert "Activities with resources in words only (1 of 3)" in html
    assert "Within the &lt;ministry&gt;&#x27;s budget" in html and "<ministry>" not in html
    assert "Activities without any budget or resources (1 of 3)" in html


def test_word_shows_resources_in_words_in_the_budget_column_and_the_resource_plan():
    document = docx.Document(
        io.BytesIO(plan_export_docx(plan=_plan_with_three_kinds_of_activity()))
    )
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert f"As written: {WORDS}" in cells
    texts = [p.text for p in document.paragraphs]
    assert "1 of 3 activities state their resources in words only, with no amount." in texts


def test_the_printed_plan_shows_resources_in_words_escaped():
    plan = _plan_with_three_kinds_of_activity()
    html = render_to_string("actionplan/plan_print.html", plan_print_context(plan=plan))
    assert "As written:</span> Within the &lt;ministry&gt;&#x27;s budget" in html
    assert "1 of 3 activities state their resources in words only" in html


def test_the_workspace_shows_resources_and_timeframe_in_words_escaped(client, cast, branch):
    ActivityFactory(
        plan=branch.plan,
        objective=branch.objective,
        start_month=None,
        end_month=None,
        resources_as_written="Donor & <state>",
        timeframe_as_written="Short term",
    )
    client.force_login(cast.coordinator)
    html = client.get(reverse("actionplan:workspace", args=[branch.plan.pk])).content.decode()
    assert "Donor &amp; &lt;state&gt;" in html and "<state>" not in html
    assert "Short term" in html


def test_the_activity_form_records_what_the_source_does_not_include(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element_edit", args=[branch.plan.pk, "activity", branch.activity.pk])
    assert 'name="not_in_source"' in client.get(url).content.decode()
    data = {"objective": branch.objective.pk, "title": "Train teachers"}
    client.post(url, {**data, "not_in_source": ["lead", "budget"]})
    branch.activity.refresh_from_db()
    assert branch.activity.not_in_source == ["lead", "budget"]
    client.post(url, {**data, "not_in_source": ["colour"]})
    branch.activity.refresh_from_db()
    assert branch.activity.not_in_source == ["lead", "budget"]  # refused, unchanged
