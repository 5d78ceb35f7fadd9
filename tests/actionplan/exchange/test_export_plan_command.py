"""python manage.py export_plan PLAN_ID --format json [--output FILE]"""

import json
from io import StringIO

import docx
import pytest
from django.core.management import CommandError, call_command

from actionplan.exchange.json_export import plan_export_json


def test_it_prints_the_plan_as_json(complete_plan):
    out = StringIO()
    call_command("export_plan", str(complete_plan.pk), "--format", "json", stdout=out)
    assert json.loads(out.getvalue()) == plan_export_json(plan=complete_plan)


def test_it_writes_the_file_given(complete_plan, tmp_path):
    path = tmp_path / "plan.json"
    call_command("export_plan", str(complete_plan.pk), "--output", str(path), stderr=StringIO())
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["plan"]["title"] == complete_plan.title
    # Text is written as text, not as \\u escapes, so the file reads well.
    assert "2014–2018" in path.read_text(encoding="utf-8")


def test_it_refuses_an_unknown_plan(db):
    with pytest.raises(CommandError, match="No plan has the id 999999"):
        call_command("export_plan", "999999", stdout=StringIO())


def test_it_writes_a_word_file(complete_plan, tmp_path):
    path = tmp_path / "plan.docx"
    call_command(
        "export_plan",
        str(complete_plan.pk),
        "--format",
        "docx",
        "--output",
        str(path),
        stderr=StringIO(),
    )
    document = docx.Document(str(path))
    assert document.paragraphs[0].text == complete_plan.title
