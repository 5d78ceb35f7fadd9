"""`load_demo` gives the demo plan two final review rounds and a draft of the next plan
that follows up the final review's recommendations; a second run changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from assessment.assess import default_framework, plan_assess
from assessment.demo import ADDED_ACTIVITY
from assessment.follow_up_selectors import plan_follow_up
from assessment.models import RecommendationFollowUp, RecommendationLink, Review
from strategy.models import Plan, PlanStatus

pytestmark = pytest.mark.django_db


def _counts() -> tuple:
    return (
        Plan.objects.count(),
        Review.objects.count(),
        RecommendationLink.objects.count(),
        RecommendationFollowUp.objects.count(),
    )


def test_the_demo_has_two_rounds_and_a_follow_up_that_is_not_empty(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    following = Plan.objects.get(previous_plan__isnull=False)
    demo = following.previous_plan
    rounds = list(demo.reviews.order_by("finalised_at"))
    assert [r.status for r in rounds] == ["final", "final"]
    assert rounds[0].finalised_at < rounds[1].finalised_at
    assert all(r.notes.filter(kind="recommendation").exclude(reference="") for r in rounds)
    assert following.status == PlanStatus.DRAFT
    follow_up = plan_follow_up(plan=following, firing=None)
    assert follow_up.review == rounds[1]
    assert any(row.links for row in follow_up.rows)
    assert any(not row.links for row in follow_up.rows)
    assert any(row.confirmed for row in follow_up.rows)
    # The plan changed between the rounds, so the two rounds find different things.
    assert demo.activities.filter(title=ADDED_ACTIVITY).exists()
    keys = [set(r.findings.filter(is_current=True).values_list("key", flat=True)) for r in rounds]
    assert keys[0] != keys[1]

    before = _counts()
    call_command("load_demo", stdout=StringIO())
    assert _counts() == before


def test_a_review_of_the_demo_plan_sees_its_monitoring_and_the_final_rounds_keep_theirs(
    settings,
):
    """The rounds are finalised before `load_demo` adds the monitoring data, so they keep
    the plan as it was reviewed then; a review now reads the approved reports."""
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    demo = Plan.objects.get(previous_plan__isnull=False).previous_plan
    for review in demo.reviews.all():
        rules = set(review.findings.filter(is_current=True).values_list("rule", flat=True))
        assert "no-monitoring-activities" in rules
        assert not rules & {"activity-overdue", "indicator-off-target"}
    result = plan_assess(plan=demo, framework=default_framework(demo))
    rules = [f.rule for f in result.findings]
    assert rules.count("activity-overdue") >= 10 and "no-monitoring-activities" not in rules
    sf5 = next(c for c in result.coverage if c.code == "SF.5")
    published = demo.reporting_periods.get(status="published")
    assert [(e.type, e.id) for e in sf5.evidence] == [("period", published.pk)]
    # Some reports came in after the due date, and the second period is open past it.
    assert "reporting-kept" not in {s.rule for s in result.strengths}
