"""Resources in words and what a partial source lacks travel through the JSON format;
documents without them import as before."""

import pytest

from actionplan.exchange.json_document import PlanDocumentError
from actionplan.exchange.json_export import plan_export_json
from actionplan.exchange.json_import import plan_import_json


def _document(**activity) -> dict:
    return {
        "format": "nap-planner/plan",
        "version": 1,
        "plan": {"country": "A", "title": "Plan", "period_start": 2020, "period_end": 2022},
        "goals": [{"title": "Victims are identified", "objectives": [
            {"title": "Referral works", "activities": [{"title": "Train police", **activity}]}
        ]}],
    }  # fmt: skip


def _activity(document: dict) -> dict:
    return document["goals"][0]["objectives"][0]["activities"][0]


def test_it_keeps_resources_as_written_and_what_the_source_lacks(db):
    document = _document(resources_as_written="Donor funding", not_in_source=["lead"])
    document["plan"]["not_in_source"] = ["activities"]
    plan = plan_import_json(document=document)
    activity = plan.activities.get()
    assert (activity.resources_as_written, activity.not_in_source) == ("Donor funding", ["lead"])
    assert plan.not_in_source == ["activities"]
    exported = plan_export_json(plan=plan)
    assert _activity(exported)["resources_as_written"] == "Donor funding"
    assert _activity(exported)["not_in_source"] == ["lead"]
    assert exported["plan"]["not_in_source"] == ["activities"]


def test_it_leaves_both_out_of_a_plan_without_them(db):
    exported = plan_export_json(plan=plan_import_json(document=_document()))
    assert "resources_as_written" not in _activity(exported)
    assert "not_in_source" not in _activity(exported)
    assert "not_in_source" not in exported["plan"]


def test_it_refuses_an_unknown_field_name(db):
    with pytest.raises(PlanDocumentError) as error:
        plan_import_json(document=_document(not_in_source=["colour"]))
    assert "not_in_source" in str(error.value)


def test_it_refuses_markup_in_resources_as_written(db):
    with pytest.raises(PlanDocumentError) as error:
        plan_import_json(document=_document(resources_as_written="<b>donor</b>"))
    assert "resources_as_written" in str(error.value)
