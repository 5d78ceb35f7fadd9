from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from standards.models import Framework
from tests.standards.samples import FIXTURES

pytestmark = pytest.mark.django_db


def test_it_loads_the_shipped_checklists_once():
    files = [str(FIXTURES / "icmpd-2006.yaml"), str(FIXTURES / "smart-indicators.yaml")]
    out = StringIO()
    call_command("load_standard", *files, stdout=out)
    assert "loaded icmpd-2006@1.2 as new" in out.getvalue()
    out = StringIO()
    call_command("load_standard", *files, stdout=out)
    assert out.getvalue().count("already loaded; nothing to change") == 2
    assert Framework.objects.count() == 2


def test_it_previews_with_dry_run():
    out = StringIO()
    call_command("load_standard", str(FIXTURES / "smart-indicators.yaml"), "--dry-run", stdout=out)
    assert "would load smart-indicators@1.0" in out.getvalue()
    assert "created: IN, IN.S, IN.M, IN.A, IN.R, IN.T" in out.getvalue()
    assert not Framework.objects.exists()


def test_it_reports_every_problem_and_fails(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("framework:\n  code: Bad Code\n  title: x\ncomponents: []\n")
    err = StringIO()
    with pytest.raises(CommandError, match="1 file"):
        call_command("load_standard", str(bad), stderr=err)
    assert "line 2, framework, field 'code'" in err.getvalue()
    assert "field 'version': required" in err.getvalue()
    assert not Framework.objects.exists()


def test_it_names_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No such file"):
        call_command("load_standard", str(tmp_path / "nowhere.yaml"))


def test_load_demo_loads_the_checklists_idempotently(settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert sorted(Framework.objects.values_list("code", flat=True)) == [
        "icmpd-2006",
        "smart-indicators",
    ]
