"""`review PLAN_ID --compare-with REVIEW_ID --format json` and `--review ID --format json`."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from assessment.models import Review
from assessment.services import review_create, review_finalise
from tests.factories import ActivityFactory, PlanFactory

pytestmark = pytest.mark.django_db
KEYS = {"before", "after", "movement", "resolved", "new", "persisting", "redline"}


def _run(*args) -> dict:
    out = StringIO()
    call_command("review", *[str(a) for a in args], stdout=out)
    return json.loads(out.getvalue())


@pytest.fixture
def first(cast, plan, framework, activity):
    review = review_create(plan=plan, framework=framework, user=cast.reviewer)
    return review_finalise(review=review, user=cast.reviewer)


def test_it_compares_the_plan_as_it_is_now_with_a_round_and_writes_nothing(first, objective):
    ActivityFactory(plan=first.plan, objective=objective, code="7.7", title="Open a shelter")
    data = _run(first.plan_id, "--compare-with", first.pk, "--format", "json")
    assert set(data) >= KEYS
    assert data["before"]["review"] == first.pk and data["before"]["frozen"]
    assert not data["after"]["frozen"]
    assert {"change": "added", "label": "7.7 Open a shelter"}.items() <= data["redline"][0].items()
    assert {row["kind"] for row in data["movement"]} >= {"overall", "component", "area"}
    assert Review.objects.count() == 1


def test_it_compares_two_saved_rounds(cast, first, framework):
    second = review_create(plan=first.plan, framework=framework, user=cast.reviewer)
    data = _run(first.plan_id, "--review", second.pk, "--compare-with", first.pk)
    assert (data["before"]["review"], data["after"]["review"]) == (first.pk, second.pk)
    assert data["redline"] == [] and data["new"] == [] and data["resolved"] == []


def test_it_prints_a_final_rounds_result(first):
    data = _run(first.plan_id, "--review", first.pk, "--format", "json")
    assert data == first.snapshot.result


def test_it_refuses_a_review_of_an_unrelated_plan(first, framework):
    other = PlanFactory(framework=framework)
    with pytest.raises(CommandError, match="do not compare"):
        _run(other.pk, "--compare-with", first.pk)
    with pytest.raises(CommandError, match="no review with id"):
        _run(first.plan_id, "--compare-with", 999_999)
