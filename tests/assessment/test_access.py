"""Who gets which status from each review URL (see tests/access.py for the world). The
reviewer is the review's reviewer; `others_review` is a review of the same plan by
another reviewer, which the cast's reviewer may read but not change."""

import pytest
from django.utils import timezone

from assessment.models import Note, RecommendationLink, SuggestedNote
from strategy.models import PlanStatus
from tests.access import _, assert_row, cases, draft_plan, nothing, plan, review, row
from tests.factories import PlanFactory, ReviewFactory


def others_review(world) -> dict:
    return {"review_id": world.others_review.pk}


def final_review(world) -> dict:
    return {"review_id": world.final_review.pk}


def draft_review(world) -> dict:
    return {"review_id": world.draft_review.pk}


def finding(world) -> dict:
    return {"review_id": world.review.pk, "finding_id": world.finding.pk}


def others_finding(world) -> dict:
    return {"review_id": world.others_review.pk, "finding_id": world.others_finding.pk}


def foreign_finding(world) -> dict:
    return {"review_id": world.review.pk, "finding_id": world.others_finding.pk}


def rating(world) -> dict:
    return {"review_id": world.review.pk, "rating_id": world.rating.pk}


def others_rating(world) -> dict:
    return {"review_id": world.others_review.pk, "rating_id": world.others_rating.pk}


def note(world) -> dict:
    return {"review_id": world.review.pk, "note_id": world.note.pk}


def others_note(world) -> dict:
    return {"review_id": world.others_review.pk, "note_id": world.others_note.pk}


def _suggested(review) -> int:
    return SuggestedNote.objects.create(
        review=review,
        key="access-table",
        kind=Note.Kind.RECOMMENDATION,
        rule="no-monitoring",
        element_type="plan",
        text="Plan the monitoring of the plan.",
    ).pk


def suggestion(world) -> dict:
    return {"review_id": world.review.pk, "suggestion_id": _suggested(world.review)}


def others_suggestion(world) -> dict:
    review = world.others_review
    return {"review_id": review.pk, "suggestion_id": _suggested(review)}


def rule(world) -> dict:
    return {"review_id": world.review.pk, "rule": world.finding.rule}


def others_rule(world) -> dict:
    return {"review_id": world.others_review.pk, "rule": world.others_finding.rule}


def unknown_rule(world) -> dict:
    return {"review_id": world.review.pk, "rule": "no-such-rule"}


def final_note(world) -> dict:
    note = Note.objects.create(review=world.final_review, kind="recommendation", text="Fixed.")
    return {"review_id": world.final_review.pk, "note_id": note.pk}


def _followed(world):
    """Make `plan` follow a plan with a final review that made one recommendation, and
    link the plan's activity to it; return that recommendation and the link."""
    if not hasattr(world, "followed"):
        previous = PlanFactory(status=PlanStatus.CONSULTATION)
        previous_review = ReviewFactory(
            plan=previous, status="final", finalised_at=timezone.now(), framework=world.framework
        )
        note = Note.objects.create(
            review=previous_review, kind="recommendation", text="Plan data.", reference="R-1"
        )
        activity = world.activity
        world.plan.previous_plan = previous
        world.plan.save()
        link = RecommendationLink.objects.create(
            recommendation=note, plan=world.plan, activity=activity
        )
        world.followed = (note, link)
    return world.followed


def follow_up_plan(world) -> dict:
    _followed(world)
    return {"plan_id": world.plan.pk}


def follow_up_note(world) -> dict:
    note, _link = _followed(world)
    return {"plan_id": world.plan.pk, "note_id": note.pk}


def foreign_note(world) -> dict:
    """A recommendation of a review `plan` does not follow up (of `plan` itself)."""
    _followed(world)
    return {"plan_id": world.plan.pk, "note_id": world.note.pk}


def follow_up_link(world) -> dict:
    _note, link = _followed(world)
    return {"plan_id": world.plan.pk, "link_id": link.pk}


def foreign_link(world) -> dict:
    """A link of another plan, asked for under `plan`."""
    note, _link = _followed(world)
    other = RecommendationLink.objects.create(
        recommendation=note, plan=world.other_plan, activity=world.other_activity
    )
    return {"plan_id": world.plan.pk, "link_id": other.pk}


def follow_up_element(world) -> dict:
    _followed(world)
    return {"plan_id": world.plan.pk, "kind": "activity", "pk": world.activity.pk}


def follow_up_foreign_element(world) -> dict:
    _followed(world)
    return {"plan_id": world.plan.pk, "kind": "activity", "pk": world.other_activity.pk}


def follow_up_unknown_kind(world) -> dict:
    _followed(world)
    return {"plan_id": world.plan.pk, "kind": "indicator", "pk": world.indicator.pk}


def follow_up_element_link(world) -> dict:
    _note, link = _followed(world)
    return {**follow_up_element(world), "link_id": link.pk}


def draft_follow_up(world) -> dict:
    return {"plan_id": world.draft_plan.pk}


def rounds(world) -> dict:
    return {"review_id": world.review.pk, "other_id": world.final_review.pk}


def hidden_round(world) -> dict:
    """A review of `draft_plan`, which the reviewer may not see."""
    return {"review_id": world.review.pk, "other_id": world.draft_review.pk}


def unrelated_round(world) -> dict:
    """A review of `other_plan`, which the coordinator may see but which is neither `plan`
    nor its previous plan nor its successor."""
    other = ReviewFactory(plan=world.other_plan, framework=world.framework)
    return {"review_id": world.review.pk, "other_id": other.pk}


# fmt: off
TABLE = [
    #   URL name                        target           method  coord read cons rev  std  out  anon
    row("assessment:review_index",      nothing,         "get",  200, 200, 200, 200, 200, 200, 302),
    row("assessment:review_index",      nothing,         "post", _,   _,   _,   405, _,   _,   _),
    row("assessment:plan_reviews",      plan,            "get",  200, 200, 404, 200, 404, 404, 302),
    row("assessment:plan_reviews",      plan,            "post", _,   _,   _,   405, _,   _,   _),
    row("assessment:review_create",     plan,            "get",  403, 403, 404, 200, 404, 404, 302),
    row("assessment:review_create",     plan,            "post", 403, 403, 404, 400, 404, 404, 302),
    row("assessment:review_create",     plan,            "put",  _,   _,   _,   405, _,   _,   _),
    row("assessment:review_create",     draft_plan,      "post", _,   _,   _,   404, _,   _,   _),
    row("assessment:review_detail",     review,          "get",  200, 200, 404, 200, 404, 404, 302),
    row("assessment:review_detail",     review,          "post", _,   _,   _,   405, _,   _,   _),
    row("assessment:review_run",        review,          "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:review_run",        review,          "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:review_run",        others_review,   "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:review_run",        final_review,    "post", 403, 403, 404, 403, 404, 404, 302),
    row("assessment:review_finalise",   review,          "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:review_finalise",   review,          "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:review_finalise",   others_review,   "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:rule_findings",     rule,            "get",  200, 200, 404, 200, 404, 404, 302),
    row("assessment:rule_findings",     rule,            "post", _,   _,   _,   405, _,   _,   _),
    row("assessment:rule_findings",     others_rule,     "get",  _,   _,   _,   200, _,   _,   _),
    row("assessment:rule_findings",     unknown_rule,    "get",  _,   _,   _,   404, _,   _,   _),
    row("assessment:finding_dismiss",   finding,         "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:finding_dismiss",   finding,         "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:finding_dismiss",   others_finding,  "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:finding_dismiss",   foreign_finding, "post", _,   _,   _,   404, _,   _,   _),
    row("assessment:finding_restore",   finding,         "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:finding_restore",   finding,         "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:finding_restore",   others_finding,  "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:note_from_finding", finding,         "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:note_from_finding", finding,         "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:note_from_finding", others_finding,  "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:rating_override",   rating,          "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:rating_override",   rating,          "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:rating_override",   others_rating,   "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:rating_evidence",   rating,          "get",  200, 200, 404, 200, 404, 404, 302),
    row("assessment:rating_evidence",   rating,          "post", _,   _,   _,   405, _,   _,   _),
    row("assessment:rating_evidence",   others_rating,   "get",  _,   _,   _,   200, _,   _,   _),
    row("assessment:suggestion_reject", rating,          "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:suggestion_reject", rating,          "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:suggestion_reject", others_rating,   "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:note_create",       review,          "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:note_create",       review,          "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:note_create",       others_review,   "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:note_create",       final_review,    "post", 403, 403, 404, 403, 404, 404, 302),
    row("assessment:note_update",       note,            "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:note_update",       note,            "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:note_update",       others_note,     "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:note_delete",       note,            "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:note_delete",       note,            "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:note_delete",       others_note,     "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:suggested_notes",        review,            "get",  200, 200, 404, 200, 404, 404, 302),
    row("assessment:suggested_notes",        review,            "post", _,   _,   _,   405, _,   _,   _),
    row("assessment:suggested_notes",        others_review,     "get",  _,   _,   _,   200, _,   _,   _),
    row("assessment:suggested_note_accept",  suggestion,        "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:suggested_note_accept",  suggestion,        "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:suggested_note_accept",  others_suggestion, "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:suggested_note_reject",  suggestion,        "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:suggested_note_reject",  suggestion,        "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:suggested_note_reject",  others_suggestion, "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:suggested_note_restore", suggestion,        "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:suggested_note_restore", suggestion,        "get",  _,   _,   _,   405, _,   _,   _),
    row("assessment:suggested_note_restore", others_suggestion, "post", _,   _,   _,   403, _,   _,   _),
    row("assessment:report",            review,          "get",  200, 200, 404, 200, 404, 404, 302),
    row("assessment:report",            review,          "post", _,   _,   _,   405, _,   _,   _),
    row("assessment:report",            draft_review,    "get",  200, 404, 404, 404, 404, 404, 302),
    row("assessment:report_pdf",        review,          "get",  202, 202, 404, 202, 404, 404, 302),
    row("assessment:report_pdf",        review,          "post", _,   _,   _,   405, _,   _,   _),
    row("assessment:review_compare",    rounds,          "get",  200, 200, 404, 200, 404, 404, 302),
    row("assessment:review_compare",    rounds,          "post", _,   _, _,   405, _,   _,   _),
    row("assessment:review_compare",    hidden_round,    "get",  _,   _, _,   404, _,   _,   _),
    row("assessment:review_compare",    unrelated_round, "get",  404, _, 404,   _,   _,   _,   _),
    # A recommendation's priority and addressee: the review's reviewers, while a draft.
    row("assessment:recommendation_update", note,        "post", 403, 403, 404, 302, 404, 404, 302),
    row("assessment:recommendation_update", note,        "get",  _,   _, _,   405, _,   _,   _),
    row("assessment:recommendation_update", others_note, "post", _,   _, _,   403, _,   _,   _),
    row("assessment:recommendation_update", final_note,  "post", 403, 403, 404, 403, 404, 404, 302),
    # The follow-up in the plan that follows: its readers read, its editors change.
    row("assessment:follow_up",         follow_up_plan,  "get",  200, 200, 404, 200, 404, 404, 302),
    row("assessment:follow_up",         follow_up_plan,  "post", 405, _, 405,   _,   _,   _,   _),
    row("assessment:follow_up",         draft_follow_up, "get",  200, 404, 404, 404, 404, 404, 302),
    row("assessment:follow_up_link",    follow_up_plan,  "post", 302, 403, 403, 403, 404, 404, 302),
    row("assessment:follow_up_link",    follow_up_plan,  "get",  405, _, 405,   _,   _,   _,   _),
    row("assessment:follow_up_link",    draft_follow_up, "post", _,   404, 404, 404, _,   _,   _),
    row("assessment:follow_up_unlink",  follow_up_link,  "post", 302, 403, 403, 403, 404, 404, 302),
    row("assessment:follow_up_unlink",  follow_up_link,  "get",  405, _, 405,   _,   _,   _,   _),
    row("assessment:follow_up_unlink",  foreign_link,    "post", 404, _, _,   _,   _,   _,   _),
    row("assessment:follow_up_confirm", follow_up_note,  "post", 302, 403, 403, 403, 404, 404, 302),
    row("assessment:follow_up_confirm", follow_up_note,  "get",  405, _, 405,   _,   _,   _,   _),
    row("assessment:follow_up_confirm", foreign_note,    "post", 404, _, _,   _,   _,   _,   _),
    row("assessment:follow_up_element", follow_up_element, "get",  200, 200, 404, 200, 404, 404, 302),
    row("assessment:follow_up_element", follow_up_element, "post", 302, 403, 403, 403, 404, 404, 302),
    row("assessment:follow_up_element", follow_up_element, "put",  405, _, 405,   _,   _,   _,   _),
    row("assessment:follow_up_element", follow_up_foreign_element, "get", 404, _, 404, _, _, _,  _),
    row("assessment:follow_up_element", follow_up_unknown_kind,    "get", 404, _, 404, _, _, _,  _),
    row("assessment:follow_up_element_unlink", follow_up_element_link, "post", 302, 403, 403, 403, 404, 404, 302),  # noqa: E501
    row("assessment:follow_up_element_unlink", follow_up_element_link, "get",  405, _, 405,   _,   _,   _,   _),  # noqa: E501
    row("assessment:review_history",    review,          "get",  200, 200, 404, 200, 404, 404, 302),
    row("assessment:review_history",    review,          "post", _,   _, _,   405, _,   _,   _),
    row("assessment:review_history",    draft_review,    "get",  200, 404, 404, 404, 404, 404, 302),
]
# fmt: on


@pytest.mark.parametrize(("r", "role", "status"), cases(TABLE))
def test_it_answers_each_role_as_the_table_says(client, cast, r, role, status):
    assert_row(client, cast, r, role, status)
