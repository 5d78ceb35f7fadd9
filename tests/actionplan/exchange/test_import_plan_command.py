"""python manage.py import_plan FILE [--skip-existing] [--editor USERNAME ...]"""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from actionplan.exchange.json_export import plan_export_json
from strategy.models import Plan, PlanMembership


def _run(*args):
    out = StringIO()
    call_command("import_plan", *map(str, args), stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def plan_file(complete_plan, tmp_path):
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(plan_export_json(plan=complete_plan)), encoding="utf-8")
    return path


def test_it_prints_the_new_plan_id(plan_file, complete_plan):
    printed = _run(plan_file)
    plan = Plan.objects.get(pk=int(printed))
    assert plan.pk != complete_plan.pk
    assert plan_export_json(plan=plan) == plan_export_json(plan=complete_plan)


def test_it_skips_a_plan_that_exists_already(plan_file, complete_plan):
    count = Plan.objects.count()
    printed = _run(plan_file, "--skip-existing")
    assert printed == f"Plan {complete_plan.pk} already exists; plan.json skipped."
    assert Plan.objects.count() == count


def test_it_is_idempotent_with_skip_existing(plan_file, complete_plan, cast):
    complete_plan.delete()
    first = _run(plan_file, "--skip-existing", "--editor", "alice-coordinator")
    count = Plan.objects.count()
    _run(plan_file, "--skip-existing", "--editor", "alice-coordinator")
    assert Plan.objects.count() == count
    assert Plan.objects.filter(pk=int(first)).exists()


def test_it_makes_the_named_users_editors(plan_file, cast):
    printed = _run(plan_file, "--editor", cast.coordinator.username, cast.reviewer.username)
    editors = PlanMembership.objects.filter(plan_id=int(printed), role="editor")
    assert {m.user for m in editors} == {cast.coordinator, cast.reviewer}


def test_it_accepts_the_editor_option_repeated(plan_file, cast):
    printed = _run(plan_file, "--editor", cast.coordinator.username, "--editor", "rita-reviewer")
    assert PlanMembership.objects.filter(plan_id=int(printed)).count() == 2


def test_it_refuses_an_unknown_editor_and_writes_nothing(plan_file, cast):
    count = Plan.objects.count()
    with pytest.raises(CommandError, match="No user has the username: nobody"):
        _run(plan_file, "--editor", "nobody")
    assert Plan.objects.count() == count


def test_it_reports_a_bad_document_with_its_path(tmp_path, db):
    path = tmp_path / "bad.json"
    path.write_text('{"format": "nap-planner/plan", "version": 2, "plan": {}}')
    with pytest.raises(CommandError) as refused:
        _run(path)
    assert "nothing was written" in str(refused.value)
    assert "$.version: Version 2 is not supported" in str(refused.value)
    assert not Plan.objects.exists()


def test_it_reports_a_missing_file(tmp_path, db):
    with pytest.raises(CommandError, match="Cannot read"):
        _run(tmp_path / "missing.json")
