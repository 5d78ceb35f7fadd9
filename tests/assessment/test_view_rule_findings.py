"""rule_findings: the elements of one rule past the first ten, loaded on demand, and what
a plain request sees after acting on one of them."""

import pytest
from django.urls import reverse

from assessment.services import review_create
from assessment.workspace import SHOWN_PER_RULE
from tests.assessment.conftest import login
from tests.factories import ActivityFactory, BudgetLineFactory

HTMX = {"HTTP_HX_REQUEST": "true"}
RULE = "activity-vague"


@pytest.fixture
def long_review(plan, objective, framework, cast):
    BudgetLineFactory(activity=ActivityFactory(objective=objective, plan=plan))
    for i in range(SHOWN_PER_RULE + 3):
        ActivityFactory(objective=objective, plan=plan, title=f"Strengthen <i>cooperation</i> {i}")
    return review_create(plan=plan, framework=framework, user=cast.reviewer)


def _url(review):
    return reverse("assessment:rule_findings", args=[review.pk, RULE])


def _last(review):
    return review.findings.filter(rule=RULE).order_by("element_id", "pk").last()


def test_htmx_gets_the_elements_the_workspace_does_not_list(client, long_review, cast):
    html = login(client, cast.reviewer).get(_url(long_review), **HTMX).content.decode()
    assert "<html" not in html and html.count('id="finding-') == 3
    assert f'id="finding-{_last(long_review).pk}"' in html
    assert "&lt;i&gt;cooperation&lt;/i&gt;" in html and "<i>" not in html


def test_a_dismissal_past_the_tenth_leads_a_plain_request_to_the_rule_page(
    client, long_review, cast
):
    finding = _last(long_review)
    login(client, cast.reviewer)
    url = reverse("assessment:finding_dismiss", args=[long_review.pk, finding.pk])
    response = client.post(url, {"reason": "A pilot, deliberately open."})
    assert response.status_code == 302
    assert response.url == f"{_url(long_review)}#finding-{finding.pk}"
    html = client.get(response.url).content.decode()
    assert "Dismissed: A pilot, deliberately open." in html


def test_a_dismissal_among_the_first_ten_leads_back_to_the_workspace(client, long_review, cast):
    finding = long_review.findings.filter(rule=RULE).order_by("element_id", "pk").first()
    login(client, cast.reviewer)
    url = reverse("assessment:finding_dismiss", args=[long_review.pk, finding.pk])
    response = client.post(url, {"reason": "Concrete enough."})
    detail = reverse("assessment:review_detail", args=[long_review.pk])
    assert response.url == f"{detail}#finding-{finding.pk}"


def test_another_reviewer_reads_the_elements_without_controls(
    client, long_review, cast, other_reviewer
):
    html = login(client, other_reviewer).get(_url(long_review)).content.decode()
    assert html.count('id="finding-') == SHOWN_PER_RULE + 3
    assert "Reason to dismiss" not in html and "Dismiss</button>" not in html


def test_its_queries_do_not_grow_with_the_rule(
    client, long_review, cast, plan, objective, django_assert_max_num_queries
):
    from assessment.services import review_run

    login(client, cast.reviewer)
    with django_assert_max_num_queries(40) as small:
        client.get(_url(long_review))
    for i in range(20):
        ActivityFactory(objective=objective, plan=plan, title=f"Strengthen area {i}")
    review_run(review=long_review)
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(_url(long_review))
