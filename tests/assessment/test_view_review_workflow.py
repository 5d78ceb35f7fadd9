"""review_run and review_finalise."""

from django.urls import reverse

from assessment.models import Review
from tests.assessment.conftest import login


def test_run_reruns_the_checks(client, review, cast):
    review.findings.all().delete()
    response = login(client, cast.reviewer).post(reverse("assessment:review_run", args=[review.pk]))
    assert response.status_code == 302
    assert review.findings.exists()


def test_finalise_freezes_the_review(client, review, cast):
    login(client, cast.reviewer)
    client.post(reverse("assessment:review_finalise", args=[review.pk]))
    review.refresh_from_db()
    assert review.status == Review.Status.FINAL
    response = client.post(reverse("assessment:review_run", args=[review.pk]))
    assert response.status_code == 403


def test_a_superuser_may_change_any_review(client, review, cast):
    login(client, cast.superuser)
    assert client.post(reverse("assessment:review_run", args=[review.pk])).status_code == 302
