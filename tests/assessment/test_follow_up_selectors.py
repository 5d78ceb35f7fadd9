import io
import json
from io import StringIO

import pypdf
import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment import follow_up_services, services
from assessment.follow_up_selectors import (
    follow_up_status,
    latest_firing,
    plan_follow_up,
    review_firing,
)
from assessment.models import FollowUpStatus, Note
from assessment.report import report_context, report_html, report_pdf
from tests.assessment.follow_up_world import follow_up_world
from tests.factories import FindingFactory, ReviewFactory


@pytest.fixture
def world(cast, framework):
    return follow_up_world(cast, framework)


class Link:
    def __init__(self, element_type, element_id):
        self.element_type, self.element_id = element_type, element_id


RULES = frozenset({"activity-without-lead"})


@pytest.mark.parametrize(
    ("rules", "links", "firing", "status"),
    [
        (RULES, [], set(), "not_addressed"),
        (RULES, [], None, "not_addressed"),
        (RULES, [Link("activity", 1)], None, "partly"),
        (RULES, [Link("activity", 1)], {("activity-without-lead", "activity", 1)}, "partly"),
        (RULES, [Link("activity", 1)], {("activity-without-lead", "plan", None)}, "partly"),
        (RULES, [Link("activity", 1)], {("activity-without-lead", "activity", 2)}, "addressed"),
        (RULES, [Link("activity", 1)], {("other-rule", "activity", 1)}, "addressed"),
        (frozenset(), [Link("goal", 1)], None, "addressed"),
    ],
    ids=[
        "no-link",
        "no-link-not-assessed",
        "linked-not-assessed",
        "rule-fires-on-linked",
        "rule-fires-on-plan",
        "rule-fires-elsewhere",
        "other-rule-fires",
        "no-rule-linked",
    ],
)
def test_it_suggests_a_status_from_the_links_and_the_findings(rules, links, firing, status):
    assert follow_up_status(rules=rules, links=links, firing=firing) == status


def _link(world, user, note, kind):
    return follow_up_services.recommendation_link(
        plan=world.plan,
        recommendation=note,
        element_type=kind,
        element=world.element(kind),
        user=user,
    )


def test_a_recommendation_is_addressed_once_its_rule_stops_firing(world, cast):
    rule = world.from_finding.finding.rule
    activity = world.element("activity")
    _link(world, cast.coordinator, world.from_finding, "activity")
    review = ReviewFactory(plan=world.plan, framework=world.review.framework)
    finding = FindingFactory(
        review=review, rule=rule, element_type="activity", element_id=activity.pk
    )
    row = plan_follow_up(plan=world.plan, firing=latest_firing(plan=world.plan)).rows[0]
    assert row.rules == {rule} and row.suggested == FollowUpStatus.PARTLY
    finding.is_current = False
    finding.save()
    row = plan_follow_up(plan=world.plan, firing=latest_firing(plan=world.plan)).rows[0]
    assert row.suggested == FollowUpStatus.ADDRESSED


def test_it_lists_every_recommendation_with_its_links_and_confirmation(world, cast):
    _link(world, cast.coordinator, world.by_hand, "goal")
    follow_up_services.recommendation_confirm(
        plan=world.plan, recommendation=world.by_hand, status="partly", user=cast.coordinator
    )
    follow_up = plan_follow_up(plan=world.plan, firing=None)
    assert follow_up.review == world.review and not follow_up.assessed
    first, second = follow_up.rows
    assert first.recommendation == world.from_finding and first.suggested == "not_addressed"
    assert [str(link.element) for link in second.links] == [str(world.element("goal"))]
    assert second.suggested == "addressed" and second.status == "partly"


def test_it_follows_up_the_latest_final_review_of_the_previous_plan(world, cast):
    later = services.review_create(
        plan=world.previous, framework=world.review.framework, user=cast.reviewer
    )
    services.note_create(
        review=later, kind="recommendation", scope="overall", text="Later.", user=cast.reviewer
    )
    assert plan_follow_up(plan=world.plan, firing=None).review == world.review
    services.review_finalise(review=later, user=cast.reviewer)
    rows = plan_follow_up(plan=world.plan, firing=None).rows
    assert [row.recommendation.text for row in rows] == ["Later."]


def _count_queries(plan) -> int:
    with CaptureQueriesContext(connection) as queries:
        follow_up = plan_follow_up(plan=plan, firing=latest_firing(plan=plan))
        for row in follow_up.rows:
            row.as_json()  # every link's element and the addressee
    return len(queries)


def test_it_reads_the_table_in_a_fixed_number_of_queries(world, cast):
    _link(world, cast.coordinator, world.by_hand, "goal")
    few = _count_queries(world.plan)
    for n in range(5):
        note = Note.objects.create(
            review=world.review, kind="recommendation", text=f"More {n}.", reference=f"X-{n}"
        )
        for kind in ("chapter", "objective", "activity"):
            _link(world, cast.coordinator, note, kind)
    assert _count_queries(world.plan) == few


def test_the_next_review_report_has_the_follow_up_table(world, cast):
    _link(world, cast.coordinator, world.by_hand, "goal")
    review = services.review_create(
        plan=world.plan, framework=world.review.framework, user=cast.reviewer
    )
    context = report_context(review)
    assert [r["reference"] for r in context["follow_up"]["rows"]] == [
        world.from_finding.reference,
        world.by_hand.reference,
    ]
    html = report_html(review, context)
    assert "Follow-up of previous recommendations" in html
    table = html.split('id="follow-up"')[1]
    assert world.by_hand.reference in table and str(world.element("goal")) in table
    assert "Not addressed" in table and "<td>Addressed</td>" in table


def test_the_pdf_has_the_follow_up_table(world, cast):
    _link(world, cast.coordinator, world.by_hand, "goal")
    review = services.review_create(
        plan=world.plan, framework=world.review.framework, user=cast.reviewer
    )
    reader = pypdf.PdfReader(io.BytesIO(report_pdf(review)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Follow-up of previous recommendations" in text
    assert world.by_hand.reference in text and "Not addressed" in text


def test_a_final_report_keeps_the_follow_up_it_was_finalised_with(world, cast):
    _link(world, cast.coordinator, world.by_hand, "goal")
    review = services.review_create(
        plan=world.plan, framework=world.review.framework, user=cast.reviewer
    )
    services.review_finalise(review=review, user=cast.reviewer)
    before = report_html(review).split('id="follow-up"')[1]
    goal = world.element("goal")
    assert str(goal) in before
    _link(world, cast.coordinator, world.from_finding, "chapter")
    follow_up_services.recommendation_confirm(
        plan=world.plan, recommendation=world.by_hand, status="partly", user=cast.coordinator
    )
    goal.delete()
    assert report_html(review).split('id="follow-up"')[1] == before


def test_a_report_of_a_plan_that_follows_nothing_has_no_follow_up(world, cast):
    html = report_html(world.review)
    assert "Follow-up of previous recommendations" not in html


def test_the_review_command_gives_the_follow_up_as_json(world, cast):
    _link(world, cast.coordinator, world.by_hand, "goal")
    out = StringIO()
    call_command("review", world.plan.pk, "--format", "json", stdout=out)
    follow_up = json.loads(out.getvalue())["follow_up"]
    by_hand = next(row for row in follow_up if row["reference"] == world.by_hand.reference)
    assert by_hand == {
        "reference": world.by_hand.reference,
        "recommendation": "Consult survivors when planning support.",
        "title": "",
        "addressee": "The national coordinator",
        "addressee_id": None,
        "priority": "medium",
        "rules": [],
        "linked": [
            {"type": "goal", "id": world.element("goal").pk, "label": str(world.element("goal"))}
        ],
        "suggested_status": "addressed",
        "confirmed_status": None,
        "confirmed_by": None,
        "confirmed_at": None,
    }
    assert {row["suggested_status"] for row in follow_up} == {"addressed", "not_addressed"}


def test_review_firing_leaves_dismissed_findings_out(world):
    review = ReviewFactory(plan=world.plan, framework=world.review.framework)
    FindingFactory(review=review, dismissed=True, dismissed_reason="Not relevant.")
    kept = FindingFactory(review=review)
    assert review_firing(review=review) == {(kept.rule, "activity", kept.element_id)}


def _report_queries(review) -> int:
    with CaptureQueriesContext(connection) as queries:
        report_html(review)
    return len(queries)


def test_the_report_reads_the_follow_up_in_a_fixed_number_of_queries(world, cast):
    review = services.review_create(
        plan=world.plan, framework=world.review.framework, user=cast.reviewer
    )
    _link(world, cast.coordinator, world.by_hand, "goal")
    few = _report_queries(review)
    for n in range(5):
        note = Note.objects.create(
            review=world.review, kind="recommendation", text=f"More {n}.", reference=f"X-{n}"
        )
        for kind in ("chapter", "objective", "activity"):
            _link(world, cast.coordinator, note, kind)
        follow_up_services.recommendation_confirm(
            plan=world.plan, recommendation=note, status="addressed", user=cast.coordinator
        )
    assert _report_queries(review) == few
