"""Export → import → export gives the same document: nothing is lost or changed."""

import json

import jsonschema
import pytest

from actionplan.exchange.json_document import plan_schema
from actionplan.exchange.json_export import plan_export_json
from actionplan.exchange.json_import import plan_import_json
from actionplan.models import Activity, Indicator
from actionplan.synthetic import plan_generate
from strategy.models import Plan, PlanMembership


def _round_trip(plan):
    first = plan_export_json(plan=plan)
    # Through text, as a file would carry it.
    copy = plan_import_json(
        document=json.loads(json.dumps(first)), previous_plans=Plan.objects.all()
    )
    return first, copy, plan_export_json(plan=copy)


def test_it_round_trips_every_part_of_a_plan(complete_plan):
    first, copy, second = _round_trip(complete_plan)
    assert copy.pk != complete_plan.pk
    assert second == first


def test_it_keeps_the_content(complete_plan):
    document = plan_export_json(plan=complete_plan)
    activity = document["chapters"][0]["goals"][0]["objectives"][0]["activities"][0]
    assert activity["title"] == "Open a shelter in the north & then, < 50 km from the border"
    assert activity["start"] == "2019-03" and activity["end"] == "2020-06"
    assert activity["responsibilities"] == [
        {"stakeholder": "moi", "role": "lead"},
        {"stakeholder": "clean-hands", "role": "partner"},
    ]
    assert [b["amount"] for b in activity["budget_lines"]] == ["125000.50", "0.00"]
    assert activity["tags"] == {"components": [], "areas": ["SP.3"], "principles": []}
    assert document["plan"]["framework"] == {"code": "icmpd-2006", "version": "2006"}
    assert document["plan"]["previous_plan"]["title"] == "NAP 2014–2018"


def test_it_writes_a_document_the_schema_accepts(complete_plan):
    jsonschema.Draft202012Validator(plan_schema()).validate(plan_export_json(plan=complete_plan))


def test_it_links_the_previous_plan_when_it_exists_here(complete_plan):
    copy = plan_import_json(
        document=plan_export_json(plan=complete_plan), previous_plans=Plan.objects.all()
    )
    assert copy.previous_plan == complete_plan.previous_plan


def test_it_makes_the_importer_and_the_editors_editors(complete_plan, cast):
    copy = plan_import_json(
        document=plan_export_json(plan=complete_plan),
        user=cast.reviewer,
        editors=[cast.coordinator, cast.reviewer],
    )
    members = PlanMembership.objects.filter(plan=copy, role=PlanMembership.Role.EDITOR)
    assert {m.user for m in members} == {cast.reviewer, cast.coordinator}


def test_it_imports_a_500_activity_plan_in_bulk(big_plan, django_assert_max_num_queries):
    document = plan_export_json(plan=big_plan)
    # About 3,500 rows and as many historical rows: inserts go by batches (SQLite limits
    # the parameters per query).
    with django_assert_max_num_queries(115):
        copy = plan_import_json(document=document)
    assert Activity.objects.filter(plan=copy).count() == 500
    assert plan_export_json(plan=copy) == document


def test_it_exports_a_500_activity_plan_in_a_bounded_number_of_queries(
    big_plan, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30):
        document = plan_export_json(plan=big_plan)
    activities = [
        a
        for chapter in document["chapters"]
        for goal in chapter["goals"]
        for objective in goal["objectives"]
        for a in objective["activities"]
    ]
    assert len(activities) == 500
    assert Indicator.objects.filter(plan=big_plan).count() > 0


@pytest.fixture
def big_plan(icmpd_standard):
    plan = plan_generate(activities=500)
    assert plan.framework == icmpd_standard
    return plan


def test_the_schema_file_is_a_valid_draft_2020_12_schema():
    schema = plan_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
