"""The plan itself as a PDF: its strategy and action plan, for those who may see it."""

import io

import pypdf
import pytest
from django.urls import reverse

from actionplan.selectors import plan_print_context
from napplanner import pdf
from tests import factories as f
from tests import pdf_fetches
from tests.assessment.report_data import review_build

fetched = pdf_fetches.fetched  # the fixture, shared with the other print tests

pytestmark = pytest.mark.django_db

HOSTILE = ' <img src="http://evil.example/x.png"> file:///etc/passwd <style>*{}</style>'


def _plan(cast, **kwargs):
    plan = review_build(reviewer=cast.reviewer, **kwargs).plan
    plan.memberships.create(user=cast.coordinator, role="editor")
    return plan


@pytest.fixture
def pdf_of(client, download):
    def get(user, plan):
        client.force_login(user)
        return download(reverse("actionplan:plan_pdf", args=[plan.pk]))

    return get


def _text(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    # Table cells wrap: compare the words, not the line breaks.
    return reader, " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_it_downloads_the_plan_with_its_strategy_and_activities(client, cast, pdf_of):
    plan = _plan(cast)
    response = pdf_of(cast.coordinator, plan)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="')
    reader, text = _text(response.getvalue())
    assert reader.metadata.title == plan.title
    for expected in ("National strategy", "Action plan", "Coordinated response", "1.2"):
        assert expected in text
    assert "Set up a national database 1" in text and "Ministry of Internal Affairs (lead)" in text
    assert f"Page 1 of {len(reader.pages)}" in text
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == [
        "National strategy",
        "Action plan",
        "Timeline",
        "National resource plan",
        "Stakeholders",
        "Legal basis",
    ]


def test_it_draws_each_activity_in_its_row_and_each_objective_in_the_timeline(cast):
    plan = _plan(cast, activities=3)
    context = plan_print_context(plan=plan)
    [activity, *_] = context["parts"][0]["goals"][0].objectives.all()[0].activities.all()
    # Jan 2015 - Jan 2016 in a plan of 2014-2018: from month 12 of 60, for 13 months.
    assert (activity.timeline_bar.left, activity.timeline_bar.width) == ("20.00", "21.67")
    [(chapter, [objective])] = context["objective_timeline"].groups
    assert chapter.endswith("Coordination")
    assert objective.when == "Jan 2015 – Mar 2016"  # from the first activity to the last


def test_it_watermarks_a_draft_plan(client, cast, pdf_of):
    plan = f.PlanFactory(status="draft", editors=[cast.coordinator])
    _, text = _text(pdf_of(cast.coordinator, plan).getvalue())
    assert "DRAFT" in text and "The plan has no strategic goals yet." in text


def test_it_shows_markup_as_text_and_fetches_only_static_files(client, cast, fetched, pdf_of):
    plan = _plan(cast, text=HOSTILE)
    _, text = _text(pdf_of(cast.coordinator, plan).getvalue())
    assert '<img src="http://evil.example/x.png">' in text and "file:///etc/passwd" in text
    assert fetched.opened == []
    assert all(url.startswith(f"{pdf.STATIC_ORIGIN}/static/") for url in fetched.urls)


def test_it_reads_the_plan_in_queries_that_do_not_grow_with_it(cast, django_assert_max_num_queries):
    small = _plan(cast, activities=2)
    with django_assert_max_num_queries(20) as queries:
        plan_print_context(plan=small)
    large = _plan(cast, activities=25)
    with django_assert_max_num_queries(len(queries.captured_queries)):
        plan_print_context(plan=large)
