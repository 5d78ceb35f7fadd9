"""The report page and its PDF download: who may get them, and how."""

import pytest
from django.urls import reverse

from tests.assessment.report_data import review_build

pytestmark = pytest.mark.django_db


@pytest.fixture
def review(cast):
    return review_build(reviewer=cast.reviewer, activities=2)


def test_it_shows_the_report_page_with_buttons_to_the_pdf(client, cast, review):
    client.force_login(cast.reviewer)
    response = client.get(reverse("assessment:report", args=[review.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Review of the NAP" in html
    assert reverse("assessment:report_pdf", args=[review.pk]) in html
    assert 'class="watermark"' in html
    assert "print/report-screen.css" in html


def test_it_downloads_the_pdf(client, cast, review, download):
    client.force_login(cast.reviewer)
    response = download(reverse("assessment:report_pdf", args=[review.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith('attachment; filename="review-')
    assert response.getvalue().startswith(b"%PDF-")


def test_it_lets_a_member_of_the_plan_read_the_report(client, cast, review):
    review.plan.memberships.create(user=cast.coordinator, role="reader")
    client.force_login(cast.coordinator)
    assert client.get(reverse("assessment:report", args=[review.pk])).status_code == 200


@pytest.mark.parametrize("name", ["assessment:report", "assessment:report_pdf"])
def test_it_sends_an_anonymous_visitor_to_sign_in(client, review, name):
    response = client.get(reverse(name, args=[review.pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_it_offers_the_report_on_the_review_page(client, cast, review):
    client.force_login(cast.reviewer)
    html = client.get(reverse("assessment:review_detail", args=[review.pk])).content.decode()
    assert f'href="{reverse("assessment:report", args=[review.pk])}"' in html
    assert f'href="{reverse("assessment:report_pdf", args=[review.pk])}"' in html
    assert "watermarked DRAFT" in html
