"""The page comparing two review rounds, and the plan's list of reviewed versions."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from assessment.services import review_create, review_finalise
from strategy.models import PlanMembership
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db

MARKUP = '<script>alert("x")</script>'


def _rounds(cast, plan, framework, objective, activities: int):
    """A final round, then the plan changed (every activity reworded, one added) and a
    draft round of it."""
    built = [
        ActivityFactory(plan=plan, objective=objective, code=f"1.{n}", title=f"Train judges {n}")
        for n in range(activities)
    ]
    first = review_create(plan=plan, framework=framework, user=cast.reviewer)
    review_finalise(review=first, user=cast.reviewer)
    for activity in built:
        activity.title = f"{activity.title} and prosecutors {MARKUP}"
        activity.save()
    ActivityFactory(plan=plan, objective=objective, code="9.9", title=f"Open a shelter {MARKUP}")
    second = review_create(plan=plan, framework=framework, user=cast.reviewer)
    return first, second


def _get(client, first, second):
    return client.get(reverse("assessment:review_compare", args=[second.pk, first.pk]))


def test_it_shows_movement_findings_and_an_escaped_redline(
    client, cast, plan, framework, objective
):
    first, second = _rounds(cast, plan, framework, objective, activities=2)
    client.force_login(cast.reviewer)
    response = _get(client, first, second)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="movement"' in html and "<svg" in html
    assert "1 added, 0 removed, 0 moved, 2 changed." in html
    assert "<ins>and prosecutors &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</ins>" in html
    assert MARKUP not in html
    assert ' style="' not in html.split("<main", 1)[-1]


def test_its_queries_do_not_grow_with_the_plan(client, cast, plan, framework, objective):
    client.force_login(cast.reviewer)
    counts = []
    for size in (1, 8):
        first, second = _rounds(cast, plan, framework, objective, activities=size)
        with CaptureQueriesContext(connection) as queries:
            assert _get(client, first, second).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_it_lists_the_reviewed_versions_on_the_plans_reviews_page(
    client, cast, plan, framework, objective
):
    first, second = _rounds(cast, plan, framework, objective, activities=1)
    review_finalise(review=second, user=cast.reviewer)
    PlanMembership.objects.create(plan=plan, user=cast.coordinator)
    client.force_login(cast.coordinator)
    html = client.get(reverse("assessment:plan_reviews", args=[plan.pk])).content.decode()
    rounds = html[html.index('data-testid="review-rounds"') :]
    score = first.snapshot.result["scores"]["overall"]
    assert f"{score} / 100" in rounds
    assert first.finalised_at.strftime("%Y-%m-%d") in rounds
    assert reverse("assessment:review_compare", args=[first.pk, second.pk]) in rounds


def test_it_offers_the_comparable_rounds_on_the_review_page(
    client, cast, plan, framework, objective
):
    first, second = _rounds(cast, plan, framework, objective, activities=1)
    client.force_login(cast.reviewer)
    html = client.get(reverse("assessment:review_detail", args=[second.pk])).content.decode()
    assert reverse("assessment:review_compare", args=[second.pk, first.pk]) in html
