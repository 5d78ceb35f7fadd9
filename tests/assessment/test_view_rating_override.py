"""rating_override and suggestion_reject."""

from django.urls import reverse

from tests.assessment.conftest import login

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(name, rating):
    return reverse(f"assessment:{name}", args=[rating.review_id, rating.pk])


def test_override_returns_the_rating_and_the_new_scores(client, review, cast):
    rating = review.ratings.get(code="IP.6")
    response = login(client, cast.reviewer).post(
        _url("rating_override", rating),
        {"level": "complete", "justification": "An anti-corruption programme exists."},
        **HTMX,
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "computed: Not covered" in html
    assert 'hx-swap-oob="true"' in html and 'id="scores"' in html
    rating.refresh_from_db()
    assert rating.level == "complete"


def test_override_without_justification_explains_and_writes_nothing(client, review, cast):
    rating = review.ratings.get(code="IP.6")
    response = login(client, cast.reviewer).post(
        _url("rating_override", rating), {"level": "complete"}, **HTMX
    )
    html = response.content.decode()
    assert "Justify the level you set." in html
    # At its field, where the error summary links to it.
    assert f'aria-describedby="justification-{rating.pk}_error"' in html
    assert f'id="justification-{rating.pk}_error"' in html
    rating.refresh_from_db()
    assert rating.override_level == ""


def test_reject_removes_a_suggestion(client, plan, objective, framework, cast):
    from assessment.services import review_create
    from tests.factories import ActivityFactory

    activity = ActivityFactory(objective=objective, plan=plan, title="Run 3 awareness campaigns")
    review = review_create(plan=plan, framework=framework, user=cast.reviewer)
    rating = review.ratings.get(code="PR.1")
    response = login(client, cast.reviewer).post(
        _url("suggestion_reject", rating),
        {"element_type": "activity", "element_id": activity.pk},
        **HTMX,
    )
    assert response.status_code == 200
    rating.refresh_from_db()
    assert rating.computed_level == "not_covered"
    assert review.rejections.filter(code="PR.1", element_id=activity.pk).exists()


def test_reject_names_its_element_in_one_field_from_the_shared_form(
    client, plan, objective, framework, cast
):
    from assessment.services import review_create
    from tests.factories import ActivityFactory

    activity = ActivityFactory(objective=objective, plan=plan, title="Run 3 awareness campaigns")
    review = review_create(plan=plan, framework=framework, user=cast.reviewer)
    rating = review.ratings.get(code="PR.1")
    login(client, cast.reviewer)
    html = client.get(reverse("assessment:review_detail", args=[review.pk])).content.decode()
    assert f'name="element" value="activity:{activity.pk}"' in html
    response = client.post(
        _url("suggestion_reject", rating), {"element": f"activity:{activity.pk}"}
    )
    assert response.status_code == 302
    assert review.rejections.filter(code="PR.1", element_id=activity.pk).exists()
