"""A timeframe the plan states in words ("ongoing", "short term") is kept beside the start
and end months: in the activity form, the JSON format, Word and the plan PDF."""

import io

import docx
import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from actionplan.exchange.docx_export import plan_export_docx
from actionplan.exchange.json_export import plan_export_json
from actionplan.exchange.json_import import plan_import_json
from actionplan.selectors import plan_print_context
from tests.factories import ActivityFactory, PlanFactory

pytestmark = pytest.mark.django_db

WORDS = "Short term (< 6 months) & then ongoing"


def _plan():
    plan = PlanFactory()
    ActivityFactory(
        plan=plan,
        objective__goal__chapter__plan=plan,
        start_month=None,
        end_month=None,
        timeframe_as_written=WORDS,
    )
    return plan


def test_it_saves_the_timeframe_in_words_from_the_activity_form(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element_edit", args=[branch.plan.pk, "activity", branch.activity.pk])
    assert 'name="timeframe_as_written"' in client.get(url).content.decode()
    client.post(
        url,
        {"objective": branch.objective.pk, "title": "Train teachers", "timeframe_as_written":
         "Ongoing"},
    )  # fmt: skip
    branch.activity.refresh_from_db()
    assert branch.activity.timeframe_as_written == "Ongoing"


def test_it_travels_through_the_json_format():
    document = plan_export_json(plan=_plan())
    activity = document["chapters"][0]["goals"][0]["objectives"][0]["activities"][0]
    assert activity["timeframe_as_written"] == WORDS
    copy = plan_import_json(document=document)
    assert copy.activities.get().timeframe_as_written == WORDS


def test_word_and_the_printed_plan_show_it_escaped():
    plan = _plan()
    document = docx.Document(io.BytesIO(plan_export_docx(plan=plan)))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    assert f"As written: {WORDS}" in cells
    html = render_to_string("actionplan/plan_print.html", plan_print_context(plan=plan))
    assert "As written:</span> Short term (&lt; 6 months) &amp; then ongoing" in html
