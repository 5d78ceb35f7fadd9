import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from assessment.models import Finding, Review
from tests.assessment.catalogue import icmpd_like_framework
from tests.factories import ActivityFactory, PlanFactory


def _run(*args) -> dict:
    out = StringIO()
    call_command("review", *args, stdout=out)
    return json.loads(out.getvalue())


def test_it_prints_the_assessment_as_json(plan, framework, activity):
    data = _run(str(plan.pk), "--format", "json")
    assert data["plan"] == plan.pk
    assert data["framework"] == "icmpd-2006@2006.1"
    rules = {f["rule"] for f in data["findings"]}
    assert {"no-monitoring-activities", "activities-without-budget"} <= rules
    sf5 = next(r for r in data["ratings"] if r["code"] == "SF.5")
    assert (sf5["kind"], sf5["level"], sf5["evidence"]) == ("area", "not_covered", [])
    assert 0 <= data["scores"]["overall"] <= 100
    assert set(data["scores"]["principles"]) == {"P.GO", "P.CS", "P.HR", "P.ID", "P.SU"}


def test_it_writes_nothing(plan, framework, activity):
    _run(str(plan.pk))
    assert not Review.objects.exists()
    assert not Finding.objects.exists()


def test_it_defaults_to_the_current_icmpd_framework_for_a_plan_without_one(db):
    framework = icmpd_like_framework()
    plan = PlanFactory(framework=None)
    assert _run(str(plan.pk))["framework"] == framework.label


def test_it_takes_a_framework_code(plan, activity):
    other = icmpd_like_framework(code="other-standard", version="2")
    assert _run(str(plan.pk), "--framework", "other-standard")["framework"] == other.label


def test_it_refuses_an_unknown_plan_framework_or_format(plan, activity):
    with pytest.raises(CommandError, match="no plan"):
        call_command("review", "999999", stdout=StringIO())
    with pytest.raises(CommandError, match="No current framework"):
        call_command("review", str(plan.pk), "--framework", "nope", stdout=StringIO())
    with pytest.raises(CommandError):
        call_command("review", str(plan.pk), "--format", "docx", stdout=StringIO())


def test_suggested_evidence_names_the_phrase_and_the_plan_words_that_matched(db):
    framework = icmpd_like_framework()
    activity = ActivityFactory(title="Set up a national database of trafficking cases")
    data = _run(str(activity.plan.pk), "--framework", framework.code)
    suggested = [
        e
        for r in data["ratings"]
        for e in r["evidence"]
        if e["suggested"] and (e["type"], e["id"]) == ("activity", activity.pk)
    ]
    assert suggested, "the activity evidences an area by the checklist's phrases"
    assert all(e["keyword"] and e["matched"] for e in suggested)
    assert any(e["matched"].lower() in activity.title.lower() for e in suggested)
