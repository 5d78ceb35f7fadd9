"""rating_evidence: a rating's evidence past the first few, loaded on demand."""

import pytest
from django.urls import reverse

from assessment.workspace import EVIDENCE_SHOWN
from tests.assessment.conftest import login

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def rating(review):
    rating = review.ratings.get(code="IP.6")
    rating.evidence = [
        {"type": "activity", "id": n, "label": f"Activity <b>{n}</b>", "suggested": True}
        for n in range(1, EVIDENCE_SHOWN + 5)
    ]
    rating.save()
    return rating


def _url(rating):
    return reverse("assessment:rating_evidence", args=[rating.review_id, rating.pk])


def test_the_workspace_lists_the_first_items_and_offers_the_rest(client, review, rating, cast):
    login(client, cast.reviewer)
    html = client.get(reverse("assessment:review_detail", args=[review.pk])).content.decode()
    card = html.split(f'id="rating-{rating.pk}"')[1].split('id="rating-')[0]
    assert card.count('name="element"') == EVIDENCE_SHOWN
    assert "Show 4 more" in card and f'href="{_url(rating)}"' in card


def test_htmx_gets_the_remaining_items_escaped(client, rating, cast):
    html = login(client, cast.reviewer).get(_url(rating), **HTMX).content.decode()
    assert "<html" not in html and html.count("<li>") == 4
    assert f"Activity &lt;b&gt;{EVIDENCE_SHOWN + 4}&lt;/b&gt;" in html
    assert "Activity &lt;b&gt;1&lt;/b&gt;" not in html


def test_a_plain_request_gets_a_page_with_all_evidence_and_the_override(client, rating, cast):
    html = login(client, cast.reviewer).get(_url(rating)).content.decode()
    assert "<html" in html and html.count('name="element"') == EVIDENCE_SHOWN + 4
    assert "Save level" in html


def test_a_reader_gets_no_controls(client, rating, cast):
    html = login(client, cast.coordinator).get(_url(rating)).content.decode()
    assert "Activity &lt;b&gt;1&lt;/b&gt;" in html
    assert 'name="element"' not in html and "Save level" not in html


def test_a_suggestion_shows_the_plan_words_that_matched_the_checklist_phrase(client, rating, cast):
    rating.evidence = [
        {"type": "goal", "id": 1, "label": "G1", "suggested": True}
        | {"keyword": "victim identification", "matched": "<i>identifying</i> victims"}
    ]
    rating.save()
    html = login(client, cast.reviewer).get(_url(rating)).content.decode()
    assert (
        "the plan says “&lt;i&gt;identifying&lt;/i&gt; victims” for “victim identification”" in html
    )
