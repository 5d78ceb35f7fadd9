from django.urls import reverse

from assessment.models import Review
from strategy.models import PlanStatus
from tests.assessment.conftest import login
from tests.factories import PlanFactory


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


def test_a_coordinator_cannot_start_a_review(client, plan, framework, cast):
    plan.memberships.create(user=cast.coordinator)
    response = login(client, cast.coordinator).post(_url(plan), {"framework": framework.pk})
    assert response.status_code == 403
    assert not Review.objects.exists()


def test_a_plan_the_reviewer_cannot_see_gives_404(client, framework, cast):
    draft = PlanFactory(framework=framework, status=PlanStatus.DRAFT)
    response = login(client, cast.reviewer).post(_url(draft), {"framework": framework.pk})
    assert response.status_code == 404


def test_it_refuses_other_methods(client, plan, cast):
    assert login(client, cast.reviewer).put(_url(plan)).status_code == 405
