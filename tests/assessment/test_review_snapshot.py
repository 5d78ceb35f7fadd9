"""A final review is frozen: finalising stores the plan document, the result and the
report, and every reading of the review shows them whatever happens to the plan after."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplan.models import Activity
from assessment.models import ReviewSnapshot
from assessment.renderings import review_content_digest
from assessment.report import report_html
from assessment.services import review_finalise
from strategy.models import Chapter
from tests.assessment.report_data import review_build
from tests.factories import ReviewFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(cast):
    review = review_build(reviewer=cast.reviewer, activities=3)
    return review_finalise(review=review, user=cast.reviewer)


def _json(review) -> dict:
    out = StringIO()
    call_command("review", review.plan_id, review=review.pk, format="json", stdout=out)
    return json.loads(out.getvalue())


def _report_page(client, review) -> str:
    """The report article of the page (the page around it carries a fresh CSRF token)."""
    html = client.get(reverse("assessment:report", args=[review.pk])).content.decode()
    return html[html.index('<article class="report"') : html.index("</article>")]


def _change_the_plan(plan) -> None:
    """Edit, delete and re-tag plan elements: everything a report reads."""
    activities = list(Activity.objects.filter(plan=plan).order_by("pk"))
    activities[0].title = "A title written after the review"
    activities[0].save()
    activities[-1].delete()
    for chapter in Chapter.objects.filter(plan=plan):
        chapter.components.clear()
        chapter.areas.clear()
        chapter.title = "A chapter renamed after the review"
        chapter.save()
    plan.title = "A plan renamed after the review"
    plan.save()


def test_it_stores_the_plan_document_and_the_result_when_finalised(review):
    snapshot = ReviewSnapshot.objects.get(review=review)
    assert snapshot.plan_document["format"] == "nap-planner/plan"
    assert snapshot.plan_document["plan"]["title"] == review.plan.title
    assert snapshot.result["status"] == "final"
    assert {"findings", "ratings", "mapping", "scores", "suggestions", "notes"} <= set(
        snapshot.result
    )
    assert all("identity" in f["element"] for f in snapshot.result["findings"])
    assert "<h1" in snapshot.report_body


def test_it_keeps_the_report_the_pdf_and_the_json_after_the_plan_changes(client, cast, review):
    client.force_login(cast.reviewer)
    page, printed = _report_page(client, review), report_html(review)
    workspace = client.get(reverse("assessment:review_detail", args=[review.pk]))
    data, digest = _json(review), review_content_digest(review.pk)

    _change_the_plan(review.plan)

    assert _report_page(client, review) == page
    assert report_html(review) == printed
    assert _json(review) == data
    assert review_content_digest(review.pk) == digest
    after = client.get(reverse("assessment:review_detail", args=[review.pk]))
    assert "A chapter renamed after the review" not in after.content.decode()
    assert "A chapter renamed" not in workspace.content.decode()


def test_it_reads_a_draft_review_from_the_plan_as_it_is_now(client, cast):
    review = review_build(reviewer=cast.reviewer, activities=2)
    client.force_login(cast.reviewer)
    before = review_content_digest(review.pk)
    _change_the_plan(review.plan)
    assert "A plan renamed after the review" in _report_page(client, review)
    assert review_content_digest(review.pk) != before


def test_it_serves_the_pdf_of_the_snapshot_and_keeps_it_after_the_plan_changes(
    client, cast, review, download
):
    client.force_login(cast.reviewer)
    url = reverse("assessment:report_pdf", args=[review.pk])
    first = download(url)
    assert first.status_code == 200 and first.getvalue().startswith(b"%PDF-")
    _change_the_plan(review.plan)
    again = client.get(url)
    assert again.status_code == 200, "the kept file still shows what the review said"


def test_it_lists_the_rounds_in_queries_that_do_not_grow_with_their_number(client, cast, review):
    plan = review.plan
    plan.memberships.create(user=cast.coordinator, role="reader")
    client.force_login(cast.coordinator)
    url = reverse("assessment:plan_reviews", args=[plan.pk])
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(3):
        review_finalise(
            review=ReviewFactory(plan=plan, framework=review.framework, created_by=cast.reviewer),
            user=cast.reviewer,
        )
    with CaptureQueriesContext(connection) as four:
        html = client.get(url).content.decode()
    assert html.count("with the round before") == 3
    assert len(four) == len(one)
