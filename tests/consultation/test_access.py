"""Who gets which status from each consultation URL (see tests/access.py for the world).
The consultee and the coordinator write in `plan`'s threads; posts here are empty, so
whoever may write gets the form back with its error (422) and nothing is written."""

import pytest

from tests.access import _, assert_row, cases, closed_plan, draft_plan, plan, row
from tests.factories import CommentFactory


def activity(world) -> dict:
    return {"plan_id": world.plan.pk, "kind": "activity", "pk": world.activity.pk}


def foreign_activity(world) -> dict:
    return {"plan_id": world.plan.pk, "kind": "activity", "pk": world.other_activity.pk}


def comment(world) -> dict:
    made = CommentFactory(plan=world.plan, author=world.cast.consultee)
    return {"plan_id": world.plan.pk, "comment_id": made.pk}


def foreign_comment(world) -> dict:
    made = CommentFactory(plan=world.other_plan, author=world.cast.consultee)
    return {"plan_id": world.plan.pk, "comment_id": made.pk}


def closed_comment(world) -> dict:
    made = CommentFactory(plan=world.closed_plan, author=world.cast.consultee)
    return {"plan_id": world.closed_plan.pk, "comment_id": made.pk}


# fmt: off
TABLE = [
    #   URL name                         target            method  coord read cons rev  std  out  anon
    row("consultation:plan_thread",      plan,             "get",  200, 200, 200, 200, 404, 404, 302),
    row("consultation:plan_thread",      plan,             "post", 422, 403, 422, 403, 404, 404, 302),
    row("consultation:plan_thread",      plan,             "put",  405, _,   _,   _,   _,   _,   _),
    row("consultation:plan_thread",      closed_plan,      "get",  200, 200, 404, 200, 404, 404, 302),
    row("consultation:plan_thread",      closed_plan,      "post", 403, 403, 404, 403, 404, 404, 302),
    row("consultation:plan_thread",      draft_plan,       "get",  200, 404, 404, 404, 404, 404, 302),
    row("consultation:thread",           activity,         "get",  200, 200, 200, 200, 404, 404, 302),
    row("consultation:thread",           activity,         "post", 422, 403, 422, 403, 404, 404, 302),
    row("consultation:thread",           activity,         "put",  405, _,   _,   _,   _,   _,   _),
    row("consultation:thread",           foreign_activity, "get",  404, _,   404, _,   _,   _,   _),
    row("consultation:thread",           foreign_activity, "post", 404, _,   404, _,   _,   _,   _),
    row("consultation:comment_reply",    comment,          "post", 422, 403, 422, 403, 404, 404, 302),
    row("consultation:comment_reply",    comment,          "get",  405, _,   _,   _,   _,   _,   _),
    row("consultation:comment_reply",    foreign_comment,  "post", 404, _,   404, _,   _,   _,   _),
    row("consultation:comment_reply",    closed_comment,   "post", 403, 403, 404, 403, 404, 404, 302),
    row("consultation:comment_resolve",  comment,          "post", 422, 403, 403, 403, 404, 404, 302),
    row("consultation:comment_resolve",  comment,          "get",  405, _,   _,   _,   _,   _,   _),
    row("consultation:comment_resolve",  foreign_comment,  "post", 404, _,   _,   _,   _,   _,   _),
    row("consultation:comment_resolve",  closed_comment,   "post", 422, 403, 404, 403, 404, 404, 302),
    row("consultation:summary",          plan,             "get",  200, 200, 200, 200, 404, 404, 302),
    row("consultation:summary",          plan,             "post", 405, _,   _,   _,   _,   _,   _),
    row("consultation:summary",          closed_plan,      "get",  200, 200, 404, 200, 404, 404, 302),
    row("consultation:summary",          draft_plan,       "get",  200, 404, 404, 404, 404, 404, 302),
    row("consultation:summary_docx",     plan,             "get",  200, 200, 200, 200, 404, 404, 302),
    row("consultation:summary_docx",     plan,             "post", 405, _,   _,   _,   _,   _,   _),
    row("consultation:summary_docx",     closed_plan,      "get",  200, 200, 404, 200, 404, 404, 302),
    row("consultation:summary_pdf",      plan,             "get",  202, 202, 202, 202, 404, 404, 302),
    row("consultation:summary_pdf",      plan,             "post", 405, _,   _,   _,   _,   _,   _),
    row("consultation:summary_pdf",      draft_plan,       "get",  202, 404, 404, 404, 404, 404, 302),
]
# fmt: on


@pytest.mark.parametrize(("r", "role", "status"), cases(TABLE))
def test_it_answers_each_role_as_the_table_says(client, cast, r, role, status):
    assert_row(client, cast, r, role, status)
