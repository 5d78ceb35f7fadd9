"""Two reviewers on the same rating override or note (napplanner/concurrency.py)."""

import pytest
from django.urls import reverse

from assessment.models import Note, Rating
from tests.concurrency import changed, editor, load, resolve
from tests.factories import StakeholderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(review, cast, other_reviewer):
    review.reviewers.add(other_reviewer)
    return editor(cast.reviewer), editor(other_reviewer)


@pytest.fixture
def rating(review):
    rating = review.ratings.get(code="IP.6")
    rating.override_level, rating.override_justification = "mentioned", "A first reason."
    rating.save()
    return rating


def _page(review):
    return reverse("assessment:review_detail", args=[review.pk])


def _override(rating):
    return reverse("assessment:rating_override", args=[rating.review_id, rating.pk])


def test_it_refuses_a_stale_override(review, rating, two):
    first, second = two
    url = _override(rating)
    form_first, form_second = load(first, _page(review), url), load(second, _page(review), url)
    first.post(url, changed(form_first, justification="Alice's reason."))

    response = second.post(url, changed(form_second, justification="Carl's reason."))

    assert response.status_code == 409
    html = response.content.decode()
    assert "Alice&#x27;s reason." in html and "Carl&#x27;s reason." in html
    rating.refresh_from_db()
    assert rating.override_justification == "Alice's reason."


def test_it_answers_htmx_with_the_conflict_in_place_of_the_rating(review, rating, two):
    first, second = two
    url = _override(rating)
    form_first, form_second = load(first, _page(review), url), load(second, _page(review), url)
    first.post(url, changed(form_first, justification="Alice's reason."))
    response = second.post(
        url, changed(form_second, justification="Carl's reason."), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 409
    html = response.content.decode()
    assert html.lstrip().startswith("<li") and f'id="rating-{rating.pk}"' in html


def test_it_merges_a_level_and_a_justification_changed_apart(review, rating, two):
    first, second = two
    url = _override(rating)
    form_first, form_second = load(first, _page(review), url), load(second, _page(review), url)
    first.post(url, changed(form_first, level="concrete"))

    response = second.post(
        url, changed(form_second, justification="Carl's reason."), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert "meanwhile; their change was kept" in response.content.decode()
    rating = Rating.objects.get(pk=rating.pk)
    assert (rating.override_level, rating.override_justification) == ("concrete", "Carl's reason.")


def test_a_rerun_meanwhile_is_not_put_back_by_an_override(review, rating, two):
    first, _ = two
    url = _override(rating)
    form = load(first, _page(review), url)
    Rating.objects.filter(pk=rating.pk).update(computed_level="complete")
    first.post(url, changed(form, justification="A better reason."))
    assert Rating.objects.get(pk=rating.pk).computed_level == "complete"


@pytest.fixture
def note(review, cast):
    return Note.objects.create(
        review=review, kind="recommendation", scope="overall", text="First text.",
        created_by=cast.reviewer,
    )  # fmt: skip


def _note_url(note):
    return reverse("assessment:note_update", args=[note.review_id, note.pk])


@pytest.mark.parametrize(
    ("resolution", "expected"), [("mine", "Carl's text."), ("theirs", "Alice's text.")]
)
def test_a_stale_note_is_refused_and_resolved_as_chosen(review, note, two, resolution, expected):
    first, second = two
    url = _note_url(note)
    form_first, form_second = load(first, _page(review), url), load(second, _page(review), url)
    first.post(url, changed(form_first, text="Alice's text."))
    conflict = second.post(url, changed(form_second, text="Carl's text."))
    assert conflict.status_code == 409

    assert resolve(second, conflict, url, resolution).status_code == 302
    assert Note.objects.get(pk=note.pk).text == expected


def test_a_note_deleted_meanwhile_answers_with_what_was_typed(review, note, two):
    first, second = two
    url = _note_url(note)
    form = load(first, _page(review), url)
    second.post(reverse("assessment:note_delete", args=[review.pk, note.pk]))

    response = first.post(url, changed(form, text="My long recommendation."))

    assert response.status_code == 409
    assert ">My long recommendation.</textarea>" in response.content.decode()


def _recommendation_url(note):
    return reverse("assessment:recommendation_update", args=[note.review_id, note.pk])


def test_a_stale_priority_is_refused_and_a_different_field_merges(review, note, two):
    """Two reviewers set a recommendation's priority and addressee at once."""
    body = StakeholderFactory(plan=review.plan, name="Ministry of Labour")
    first, second = two
    url = _recommendation_url(note)
    form_first, form_second = load(first, _page(review), url), load(second, _page(review), url)
    first.post(url, changed(form_first, priority="high"))

    conflict = second.post(url, changed(form_second, priority="low"))
    assert conflict.status_code == 409
    assert Note.objects.get(pk=note.pk).priority == "high"

    merged = second.post(url, changed(form_second, addressee=str(body.pk)))
    assert merged.status_code in (200, 302)
    note = Note.objects.get(pk=note.pk)
    assert (note.priority, note.addressee_id) == ("high", body.pk)
