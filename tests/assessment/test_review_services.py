"""review_create, review_run and review_finalise."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment.models import Review
from assessment.services import (
    finding_dismiss,
    rating_override,
    review_create,
    review_finalise,
    review_run,
)
from tests.factories import ActivityFactory, BudgetLineFactory


def test_it_starts_a_review_with_findings_and_ratings(plan, framework, activity, cast):
    review = review_create(plan=plan, framework=framework, user=cast.reviewer)
    assert review.status == Review.Status.DRAFT
    assert list(review.reviewers.all()) == [cast.reviewer]
    assert review.findings.filter(rule="no-monitoring-activities").exists()
    assert review.ratings.count() == framework.areas.count() + framework.principles.count()
    assert review.checked_at is not None


def test_a_coordinator_cannot_start_a_review(plan, framework, cast):
    with pytest.raises(ValidationError):
        review_create(plan=plan, framework=framework, user=cast.coordinator)
    assert not Review.objects.exists()


def test_rerunning_keeps_dismissals_and_overrides(plan, framework, activity, cast):
    review = review_create(plan=plan, framework=framework, user=cast.reviewer)
    finding = review.findings.get(rule="no-monitoring-activities")
    finding_dismiss(finding=finding, user=cast.reviewer, reason="Monitored by parliament.")
    rating = review.ratings.get(code="SF.5")
    rating_override(rating=rating, user=cast.reviewer, level="mentioned", justification="Law.")
    review_run(review=review)
    finding.refresh_from_db()
    rating.refresh_from_db()
    assert finding.dismissed and finding.is_current
    assert finding.dismissed_reason == "Monitored by parliament."
    assert (rating.override_level, rating.computed_level) == ("mentioned", "not_covered")


def test_a_finding_that_no_longer_applies_is_no_longer_current(plan, framework, activity, cast):
    review = review_create(plan=plan, framework=framework, user=cast.reviewer)
    assert review.findings.get(rule="activities-without-budget").is_current
    BudgetLineFactory(activity=activity)
    review_run(review=review)
    assert not review.findings.get(rule="activities-without-budget").is_current


def test_a_run_costs_the_same_queries_for_a_bigger_plan(plan, framework, objective, cast):
    ActivityFactory(objective=objective, plan=plan, title="Improve things")
    review = review_create(plan=plan, framework=framework, user=cast.reviewer)

    def run():
        with CaptureQueriesContext(connection) as context:
            review_run(review=review)
        return len(context.captured_queries)

    small = run()
    for i in range(25):
        ActivityFactory(objective=objective, plan=plan, title=f"Strengthen area {i}")
    # New findings and suggested notes in one batch insert each; changed findings, ratings
    # and suggested notes in one update each.
    assert run() <= small + 5
    assert run() == small


def test_a_final_review_refuses_every_change(plan, framework, activity, cast):
    review = review_create(plan=plan, framework=framework, user=cast.reviewer)
    review_finalise(review=review, user=cast.reviewer)
    assert review.finalised_at and review.finalised_by == cast.reviewer
    finding = review.findings.first()
    with pytest.raises(ValidationError):
        review_run(review=review)
    with pytest.raises(ValidationError):
        finding_dismiss(finding=finding, user=cast.reviewer, reason="No.")
    with pytest.raises(ValidationError):
        review_finalise(review=review, user=cast.reviewer)
