from django.urls import reverse

from assessment.models import Review
from tests.assessment.conftest import login


def _url(plan):
    return reverse("assessment:review_create", args=[plan.pk])


def test_it_shows_the_start_form(client, plan, cast):
    response = login(client, cast.reviewer).get(_url(plan))
    assert response.status_code == 200
    assert "Start review" in response.content.decode()


def test_a_reviewer_starts_a_review_and_lands_in_the_workspace(client, plan, framework, cast):
    response = login(client, cast.reviewer).post(_url(plan), {"framework": framework.pk})
    review = Review.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("assessment:review_detail", args=[review.pk])
    assert review.findings.exists() and review.ratings.exists()
    assert list(review.reviewers.all()) == [cast.reviewer]


def test_a_bad_framework_is_refused_and_nothing_written(client, plan, cast):
    response = login(client, cast.reviewer).post(_url(plan), {"framework": "999999"})
    assert response.status_code == 400
    assert not Review.objects.exists()
