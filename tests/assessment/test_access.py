"""Who gets which status from each review URL (see tests/access.py for the world). The
reviewer is the review's reviewer; `others_review` is a review of the same plan by
another reviewer, which the cast's reviewer may read but not change."""

import pytest

from assessment.models import Note, SuggestedNote
from tests.access import _, assert_row, cases, draft_plan, nothing, plan, review, row


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


# fmt: off
TABLE = [
    #   URL name                        target           method  coord read rev  std  out  anon
    row("assessment:review_index",      nothing,         "get",  200, 200, 200, 200, 200, 302),
    row("assessment:review_index",      nothing,         "post", _,   _,   405, _,   _,   _),
    row("assessment:plan_reviews",      plan,            "get",  200, 200, 200, 404, 404, 302),
    row("assessment:plan_reviews",      plan,            "post", _,   _,   405, _,   _,   _),
    row("assessment:review_create",     plan,            "get",  403, 403, 200, 404, 404, 302),
    row("assessment:review_create",     plan,            "post", 403, 403, 400, 404, 404, 302),
    row("assessment:review_create",     plan,            "put",  _,   _,   405, _,   _,   _),
    row("assessment:review_create",     draft_plan,      "post", _,   _,   404, _,   _,   _),
    row("assessment:review_detail",     review,          "get",  200, 200, 200, 404, 404, 302),
    row("assessment:review_detail",     review,          "post", _,   _,   405, _,   _,   _),
    row("assessment:review_history",    review,          "get",  200, 200, 200, 404, 404, 302),
    row("assessment:review_history",    review,          "post", _,   _,   405, _,   _,   _),
    row("assessment:review_history",    draft_review,    "get",  200, 404, 404, 404, 404, 302),
    row("assessment:review_run",        review,          "post", 403, 403, 302, 404, 404, 302),
    row("assessment:review_run",        review,          "get",  _,   _,   405, _,   _,   _),
    row("assessment:review_run",        others_review,   "post", _,   _,   403, _,   _,   _),
    row("assessment:review_run",        final_review,    "post", 403, 403, 403, 404, 404, 302),
    row("assessment:review_finalise",   review,          "post", 403, 403, 302, 404, 404, 302),
    row("assessment:review_finalise",   review,          "get",  _,   _,   405, _,   _,   _),
    row("assessment:review_finalise",   others_review,   "post", _,   _,   403, _,   _,   _),
    row("assessment:rule_findings",     rule,            "get",  200, 200, 200, 404, 404, 302),
    row("assessment:rule_findings",     rule,            "post", _,   _,   405, _,   _,   _),
    row("assessment:rule_findings",     others_rule,     "get",  _,   _,   200, _,   _,   _),
    row("assessment:rule_findings",     unknown_rule,    "get",  _,   _,   404, _,   _,   _),
    row("assessment:finding_dismiss",   finding,         "post", 403, 403, 302, 404, 404, 302),
    row("assessment:finding_dismiss",   finding,         "get",  _,   _,   405, _,   _,   _),
    row("assessment:finding_dismiss",   others_finding,  "post", _,   _,   403, _,   _,   _),
    row("assessment:finding_dismiss",   foreign_finding, "post", _,   _,   404, _,   _,   _),
    row("assessment:finding_restore",   finding,         "post", 403, 403, 302, 404, 404, 302),
    row("assessment:finding_restore",   finding,         "get",  _,   _,   405, _,   _,   _),
    row("assessment:finding_restore",   others_finding,  "post", _,   _,   403, _,   _,   _),
    row("assessment:note_from_finding", finding,         "post", 403, 403, 302, 404, 404, 302),
    row("assessment:note_from_finding", finding,         "get",  _,   _,   405, _,   _,   _),
    row("assessment:note_from_finding", others_finding,  "post", _,   _,   403, _,   _,   _),
    row("assessment:rating_override",   rating,          "post", 403, 403, 302, 404, 404, 302),
    row("assessment:rating_override",   rating,          "get",  _,   _,   405, _,   _,   _),
    row("assessment:rating_override",   others_rating,   "post", _,   _,   403, _,   _,   _),
    row("assessment:rating_evidence",   rating,          "get",  200, 200, 200, 404, 404, 302),
    row("assessment:rating_evidence",   rating,          "post", _,   _,   405, _,   _,   _),
    row("assessment:rating_evidence",   others_rating,   "get",  _,   _,   200, _,   _,   _),
    row("assessment:suggestion_reject", rating,          "post", 403, 403, 302, 404, 404, 302),
    row("assessment:suggestion_reject", rating,          "get",  _,   _,   405, _,   _,   _),
    row("assessment:suggestion_reject", others_rating,   "post", _,   _,   403, _,   _,   _),
    row("assessment:note_create",       review,          "post", 403, 403, 302, 404, 404, 302),
    row("assessment:note_create",       review,          "get",  _,   _,   405, _,   _,   _),
    row("assessment:note_create",       others_review,   "post", _,   _,   403, _,   _,   _),
    row("assessment:note_create",       final_review,    "post", 403, 403, 403, 404, 404, 302),
    row("assessment:note_update",       note,            "post", 403, 403, 302, 404, 404, 302),
    row("assessment:note_update",       note,            "get",  _,   _,   405, _,   _,   _),
    row("assessment:note_update",       others_note,     "post", _,   _,   403, _,   _,   _),
    row("assessment:note_delete",       note,            "post", 403, 403, 302, 404, 404, 302),
    row("assessment:note_delete",       note,            "get",  _,   _,   405, _,   _,   _),
    row("assessment:note_delete",       others_note,     "post", _,   _,   403, _,   _,   _),
    row("assessment:suggested_notes",        review,            "get",  200,200,200,404,404,302),
    row("assessment:suggested_notes",        review,            "post", _,   _,   405, _,   _,   _),
    row("assessment:suggested_notes",        others_review,     "get",  _,   _,   200, _,   _,   _),
    row("assessment:suggested_note_accept",  suggestion,        "post", 403,403,302,404,404,302),
    row("assessment:suggested_note_accept",  suggestion,        "get",  _,   _,   405, _,   _,   _),
    row("assessment:suggested_note_accept",  others_suggestion, "post", _,   _,   403, _,   _,   _),
    row("assessment:suggested_note_reject",  suggestion,        "post", 403,403,302,404,404,302),
    row("assessment:suggested_note_reject",  suggestion,        "get",  _,   _,   405, _,   _,   _),
    row("assessment:suggested_note_reject",  others_suggestion, "post", _,   _,   403, _,   _,   _),
    row("assessment:suggested_note_restore", suggestion,        "post", 403,403,302,404,404,302),
    row("assessment:suggested_note_restore", suggestion,        "get",  _,   _,   405, _,   _,   _),
    row("assessment:suggested_note_restore", others_suggestion, "post", _,   _,   403, _,   _,   _),
    row("assessment:report",            review,          "get",  200, 200, 200, 404, 404, 302),
    row("assessment:report",            review,          "post", _,   _,   405, _,   _,   _),
    row("assessment:report",            draft_review,    "get",  200, 404, 404, 404, 404, 302),
    row("assessment:report_pdf",        review,          "get",  202, 202, 202, 404, 404, 302),
    row("assessment:report_pdf",        review,          "post", _,   _,   405, _,   _,   _),
]
# fmt: on


@pytest.mark.parametrize(("r", "role", "status"), cases(TABLE))
def test_it_answers_each_role_as_the_table_says(client, cast, r, role, status):
    assert_row(client, cast, r, role, status)
