"""Who gets which status from each strategy URL (see tests/access.py for the world)."""

import pytest

from tests.access import _, assert_row, cases, closed_plan, draft_plan, nothing, plan, row


def section(world) -> dict:
    return {"plan_id": world.plan.pk, "section_id": world.section.pk}


def foreign_section(world) -> dict:
    return {"plan_id": world.plan.pk, "section_id": world.other_section.pk}


def draft_section(world) -> dict:
    return {"plan_id": world.draft_plan.pk, "section_id": world.draft_section.pk}


def membership(world) -> dict:
    return {"plan_id": world.plan.pk, "membership_id": world.membership.pk}


def stakeholder(world) -> dict:
    return {"plan_id": world.plan.pk, "stakeholder_id": world.stakeholder.pk}


def draft_stakeholder(world) -> dict:
    return {"plan_id": world.draft_plan.pk, "stakeholder_id": world.draft_stakeholder.pk}


def foreign_stakeholder(world) -> dict:
    return {"plan_id": world.plan.pk, "stakeholder_id": world.other_stakeholder.pk}


# fmt: off
TABLE = [
    #   URL name                       target               method    coord read cons rev  std  out  anon
    row("change_digest",               nothing,             "get",    200, 200, 200, 200, 200, 200, 302),
    row("change_digest",               nothing,             "post",   302, 302, 302, 302, 302, 302, 302),
    row("change_digest",               nothing,             "put",    405, _,   _,   _,   _,   _,   _),
    row("strategy:plan_create",        nothing,             "get",    200, 200, 403, 200, 403, 403, 302),
    row("strategy:plan_create",        nothing,             "post",   200, 200, 403, 200, 403, 403, 302),
    row("strategy:plan_create",        nothing,             "put",    405, _,   _,   _,   _,   _,   _),
    row("strategy:plan_details",       plan,                "get",    200, 200, 200, 200, 404, 404, 302),
    row("strategy:plan_details",       plan,                "post",   422, 403, 403, 403, 404, 404, 302),
    row("strategy:plan_details",       plan,                "delete", 405, _,   _,   _,   _,   _,   _),
    row("strategy:plan_details",       draft_plan,          "get",    200, 404, 404, 404, 404, 404, 302),
    row("strategy:plan_details",       draft_plan,          "post",   422, 404, 404, 404, 404, 404, 302),
    row("strategy:plan_status_change", plan,                "post",   302, 403, 403, 403, 404, 404, 302),
    row("strategy:plan_status_change", plan,                "get",    405, _,   _,   _,   _,   _,   _),
    row("strategy:plan_status_change", closed_plan,         "post",   302, 403, 404, 403, 404, 404, 302),
    row("strategy:plan_status_change", draft_plan,          "post",   302, 404, 404, 404, 404, 404, 302),
    row("strategy:section_create",     plan,                "get",    200, 403, 403, 403, 404, 404, 302),
    row("strategy:section_create",     plan,                "post",   200, 403, 403, 403, 404, 404, 302),
    row("strategy:section_create",     plan,                "put",    405, _,   _,   _,   _,   _,   _),
    row("strategy:section_edit",       section,             "get",    200, 403, 403, 403, 404, 404, 302),
    row("strategy:section_edit",       section,             "post",   200, 403, 403, 403, 404, 404, 302),
    row("strategy:section_edit",       section,             "put",    405, _,   _,   _,   _,   _,   _),
    row("strategy:section_edit",       foreign_section,     "get",    404, _,   _,   _,   _,   _,   _),
    row("strategy:section_edit",       draft_section,       "get",    200, 404, 404, 404, 404, 404, 302),
    row("strategy:section_delete",     section,             "get",    200, 403, 403, 403, 404, 404, 302),
    row("strategy:section_delete",     section,             "post",   302, 403, 403, 403, 404, 404, 302),
    row("strategy:section_delete",     section,             "put",    405, _,   _,   _,   _,   _,   _),
    row("strategy:section_delete",     foreign_section,     "post",   404, _,   _,   _,   _,   _,   _),
    row("strategy:section_delete",     draft_section,       "post",   302, 404, 404, 404, 404, 404, 302),
    row("strategy:section_move",       section,             "post",   400, 403, 403, 403, 404, 404, 302),
    row("strategy:section_move",       section,             "get",    405, _,   _,   _,   _,   _,   _),
    row("strategy:section_move",       foreign_section,     "post",   404, _,   _,   _,   _,   _,   _),
    row("strategy:membership_create",  plan,                "post",   422, 403, 403, 403, 404, 404, 302),
    row("strategy:membership_create",  plan,                "get",    405, _,   _,   _,   _,   _,   _),
    row("strategy:membership_delete",  membership,          "post",   302, 403, 403, 403, 404, 404, 302),
    row("strategy:membership_delete",  membership,          "get",    405, _,   _,   _,   _,   _,   _),
    row("strategy:stakeholders",       plan,                "get",    200, 200, 200, 200, 404, 404, 302),
    row("strategy:stakeholders",       plan,                "post",   422, 403, 403, 403, 404, 404, 302),
    row("strategy:stakeholders",       plan,                "put",    405, _,   _,   _,   _,   _,   _),
    row("strategy:stakeholders",       draft_plan,          "get",    200, 404, 404, 404, 404, 404, 302),
    row("strategy:stakeholder_edit",   stakeholder,         "get",    200, 403, 403, 403, 404, 404, 302),
    row("strategy:stakeholder_edit",   stakeholder,         "post",   200, 403, 403, 403, 404, 404, 302),
    row("strategy:stakeholder_edit",   stakeholder,         "put",    405, _,   _,   _,   _,   _,   _),
    row("strategy:stakeholder_edit",   foreign_stakeholder, "get",    404, _,   _,   _,   _,   _,   _),
    row("strategy:stakeholder_edit",   draft_stakeholder,   "get",    200, 404, 404, 404, 404, 404, 302),
    row("strategy:stakeholder_delete", stakeholder,         "get",    200, 403, 403, 403, 404, 404, 302),
    row("strategy:stakeholder_delete", stakeholder,         "post",   302, 403, 403, 403, 404, 404, 302),
    row("strategy:stakeholder_delete", stakeholder,         "put",    405, _,   _,   _,   _,   _,   _),
    row("strategy:stakeholder_delete", foreign_stakeholder, "post",   404, _,   _,   _,   _,   _,   _),
]
# fmt: on


@pytest.mark.parametrize(("r", "role", "status"), cases(TABLE))
def test_it_answers_each_role_as_the_table_says(client, cast, r, role, status):
    assert_row(client, cast, r, role, status)
