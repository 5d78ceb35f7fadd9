"""review_index and plan_reviews."""

from django.urls import reverse

from tests.assessment.conftest import login


def test_the_index_lists_visible_reviews_and_plans(client, review, cast):
    response = login(client, cast.reviewer).get(reverse("assessment:review_index"))
    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("assessment:review_detail", args=[review.pk]) in html
    assert reverse("assessment:review_create", args=[review.plan_id]) in html


def test_the_index_hides_reviews_of_plans_the_user_cannot_see(client, review, cast):
    html = login(client, cast.outsider).get(reverse("assessment:review_index")).content.decode()
    assert reverse("assessment:review_detail", args=[review.pk]) not in html


def test_the_plan_page_lists_its_reviews(client, review, cast):
    url = reverse("assessment:plan_reviews", args=[review.plan_id])
    html = login(client, cast.coordinator).get(url).content.decode()
    assert reverse("assessment:review_detail", args=[review.pk]) in html
    assert "Start review" not in html  # coordinators do not review


def test_home_links_reviewers_to_reviews(client, cast):
    html = login(client, cast.reviewer).get(reverse("home")).content.decode()
    assert reverse("assessment:review_index") in html
