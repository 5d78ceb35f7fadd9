"""Who gets which status from each action plan URL (see tests/access.py for the world)."""

import pytest

from actionplan.models import PlanImportJob
from strategy.services import element_delete
from tests.access import (
    _,
    assert_row,
    cases,
    closed_plan,
    draft_plan,
    no_such_plan,
    nothing,
    plan,
    row,
)
from tests.factories import SubActivityFactory


def import_job(world) -> dict:
    """A background import of the coordinator's: no one else's business."""
    job = PlanImportJob.objects.create(
        user=world.cast.coordinator, name="plan.xlsx", kind="xlsx", status="done"
    )
    return {"job_id": job.pk}


def new_chapter(world) -> dict:
    return {"plan_id": world.plan.pk, "kind": "chapter"}


def activity(world) -> dict:
    return {"plan_id": world.plan.pk, "kind": "activity", "pk": world.activity.pk}


def chapter(world) -> dict:
    return {"plan_id": world.plan.pk, "pk": world.activity.objective.goal.chapter_id}


def foreign_chapter(world) -> dict:
    return {"plan_id": world.plan.pk, "pk": world.other_activity.objective.goal.chapter_id}


def foreign_activity(world) -> dict:
    return {"plan_id": world.plan.pk, "kind": "activity", "pk": world.other_activity.pk}


def activity_record(world) -> dict:
    record = world.activity.history.latest()
    return {"plan_id": world.plan.pk, "kind": "activity", "history_id": record.history_id}


def foreign_record(world) -> dict:
    record = world.other_activity.history.latest()
    return {"plan_id": world.plan.pk, "kind": "activity", "history_id": record.history_id}


def deletion(world) -> dict:
    element_delete(element=world.sub_activity)
    return {"plan_id": world.plan.pk, "event_id": world.plan.events.get().pk}


def foreign_deletion(world) -> dict:
    element_delete(element=SubActivityFactory(activity=world.other_activity))
    return {"plan_id": world.plan.pk, "event_id": world.other_plan.events.get().pk}


# fmt: off
TABLE = [
    #   URL name                          target            method    coord read cons rev  std  out  anon
    row("actionplan:workspace",           plan,             "get",    200, 200, 200, 200, 404, 404, 302),
    row("actionplan:workspace",           plan,             "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:workspace",           draft_plan,       "get",    200, 404, 404, 404, 404, 404, 302),
    row("actionplan:workspace",           closed_plan,      "get",    200, 200, 404, 200, 404, 404, 302),
    row("actionplan:chapter_tree",        chapter,          "get",    302, 302, 302, 302, 404, 404, 302),
    row("actionplan:chapter_tree",        chapter,          "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:chapter_tree",        foreign_chapter,  "get",    404, _,   _,   _,   _,   _,   _),
    row("actionplan:timeline",            plan,             "get",    200, 200, 200, 200, 404, 404, 302),
    row("actionplan:timeline",            plan,             "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:timeline",            draft_plan,       "get",    200, 404, 404, 404, 404, 404, 302),
    row("actionplan:timeline",            closed_plan,      "get",    200, 200, 404, 200, 404, 404, 302),
    row("actionplan:resources",           plan,             "get",    200, 200, 200, 200, 404, 404, 302),
    row("actionplan:resources",           plan,             "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:resources",           draft_plan,       "get",    200, 404, 404, 404, 404, 404, 302),
    row("actionplan:resources",           closed_plan,      "get",    200, 200, 404, 200, 404, 404, 302),
    row("actionplan:element_add",         new_chapter,      "get",    200, 403, 403, 403, 404, 404, 302),
    row("actionplan:element_add",         new_chapter,      "post",   422, 403, 403, 403, 404, 404, 302),
    row("actionplan:element_add",         new_chapter,      "put",    405, _,   _,   _,   _,   _,   _),
    row("actionplan:element",             activity,         "get",    302, 302, 302, 302, 404, 404, 302),
    row("actionplan:element",             activity,         "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:element",             foreign_activity, "get",    404, _,   _,   _,   _,   _,   _),
    row("actionplan:element_edit",        activity,         "get",    200, 403, 403, 403, 404, 404, 302),
    row("actionplan:element_edit",        activity,         "post",   422, 403, 403, 403, 404, 404, 302),
    row("actionplan:element_edit",        activity,         "delete", 405, _,   _,   _,   _,   _,   _),
    row("actionplan:element_edit",        foreign_activity, "get",    404, _,   _,   _,   _,   _,   _),
    row("actionplan:element_edit",        foreign_activity, "post",   404, _,   _,   _,   _,   _,   _),
    row("actionplan:element_delete",      activity,         "get",    200, 403, 403, 403, 404, 404, 302),
    row("actionplan:element_delete",      activity,         "post",   302, 403, 403, 403, 404, 404, 302),
    row("actionplan:element_delete",      activity,         "put",    405, _,   _,   _,   _,   _,   _),
    row("actionplan:element_delete",      foreign_activity, "post",   404, _,   _,   _,   _,   _,   _),
    row("actionplan:element_move",        activity,         "post",   400, 403, 403, 403, 404, 404, 302),
    row("actionplan:element_move",        activity,         "get",    405, _,   _,   _,   _,   _,   _),
    row("actionplan:element_move",        foreign_activity, "post",   404, _,   _,   _,   _,   _,   _),
    row("actionplan:element_panel",       activity,         "get",    302, 302, 302, 302, 404, 404, 302),
    row("actionplan:element_panel",       activity,         "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:element_panel",       foreign_activity, "get",    404, _,   _,   _,   _,   _,   _),
    row("actionplan:export_json",         plan,             "get",    200, 200, 404, 200, 404, 404, 302),
    row("actionplan:export_json",         plan,             "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:export_json",         draft_plan,       "get",    200, 404, 404, 404, 404, 404, 302),
    row("actionplan:export_json",         closed_plan,      "get",    200, 200, 404, 200, 404, 404, 302),
    row("actionplan:export_json",         no_such_plan,     "get",    404, _,   _,   _,   _,   _,   _),
    row("actionplan:export_docx",         plan,             "get",    200, 200, 200, 200, 404, 404, 302),
    row("actionplan:export_docx",         plan,             "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:export_docx",         draft_plan,       "get",    200, 404, 404, 404, 404, 404, 302),
    row("actionplan:export_docx",         closed_plan,      "get",    200, 200, 404, 200, 404, 404, 302),
    row("actionplan:export_xlsx",         plan,             "get",    200, 200, 200, 200, 404, 404, 302),
    row("actionplan:export_xlsx",         plan,             "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:export_xlsx",         draft_plan,       "get",    200, 404, 404, 404, 404, 404, 302),
    row("actionplan:export_xlsx",         closed_plan,      "get",    200, 200, 404, 200, 404, 404, 302),
    row("actionplan:plan_pdf",            plan,             "get",    202, 202, 202, 202, 404, 404, 302),
    row("actionplan:plan_pdf",            plan,             "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:plan_pdf",            draft_plan,       "get",    202, 404, 404, 404, 404, 404, 302),
    row("actionplan:plan_pdf",            closed_plan,      "get",    202, 202, 404, 202, 404, 404, 302),
    row("actionplan:plan_import",         nothing,          "get",    200, 200, 403, 200, 403, 403, 302),
    row("actionplan:plan_import",         nothing,          "post",   400, 400, 403, 400, 403, 403, 302),
    row("actionplan:plan_import",         nothing,          "put",    405, _,   _,   _,   _,   _,   _),
    row("actionplan:plan_import_confirm", nothing,          "post",   302, 302, 403, 302, 403, 403, 302),
    row("actionplan:plan_import_confirm", nothing,          "get",    405, _,   _,   _,   _,   _,   _),
    row("actionplan:import_job",          import_job,       "get",    200, 404, 404, 404, 404, 404, 302),
    row("actionplan:import_job",          import_job,       "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:import_template",     nothing,          "get",    200, 200, 403, 200, 403, 403, 302),
    row("actionplan:import_template",     nothing,          "post",   405, _,   _,   _,   _,   _,   _),
    row("actionplan:element_history",     activity,         "get",    302, 302, 404, 302, 404, 404, 302),
    row("actionplan:element_history",     activity,         "post",   405, _, _,   _,   _,   _,   _),
    row("actionplan:element_history",     foreign_activity, "get",    404, _, _,   _,   _,   _,   _),
    row("actionplan:plan_history",        plan,             "get",    200, 200, 404, 200, 404, 404, 302),
    row("actionplan:plan_history",        plan,             "post",   405, _, _,   _,   _,   _,   _),
    row("actionplan:plan_history",        draft_plan,       "get",    200, 404, 404, 404, 404, 404, 302),
    row("actionplan:plan_history",        no_such_plan,     "get",    404, _, _,   _,   _,   _,   _),
    row("actionplan:version_restore",     activity_record,  "post",   302, 403, 404, 403, 404, 404, 302),
    row("actionplan:version_restore",     activity_record,  "get",    405, _, _,   _,   _,   _,   _),
    row("actionplan:version_restore",     foreign_record,   "post",   404, _, _,   _,   _,   _,   _),
    row("actionplan:deletion_restore",    deletion,         "post",   302, 403, 404, 403, 404, 404, 302),
    row("actionplan:deletion_restore",    deletion,         "get",    405, _, _,   _,   _,   _,   _),
    row("actionplan:deletion_restore",    foreign_deletion, "post",   404, _, _,   _,   _,   _,   _),
]
# fmt: on


@pytest.mark.parametrize(("r", "role", "status"), cases(TABLE))
def test_it_answers_each_role_as_the_table_says(client, cast, r, role, status):
    assert_row(client, cast, r, role, status)
