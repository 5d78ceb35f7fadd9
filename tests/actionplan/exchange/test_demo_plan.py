"""The demo plan in fixtures/plans/: Azerbaijan's NAP 2014–2018 as the seed's review
describes it. It must import, survive a round trip, and keep what the review found
(and leave out what it found missing)."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from actionplan.exchange.json_export import plan_export_json
from actionplan.exchange.json_import import plan_import_json
from actionplan.models import Activity, BudgetLine, Responsibility
from strategy.models import Plan, PlanMembership, PlanStatus, Section

DEMO = Path(settings.BASE_DIR) / "fixtures" / "plans" / "azerbaijan-2014-2018.json"


@pytest.fixture
def document():
    return json.loads(DEMO.read_text(encoding="utf-8"))


@pytest.fixture
def demo(icmpd_standard, document):
    assert document["plan"]["framework"] == {
        "code": icmpd_standard.code,
        "version": icmpd_standard.version,
    }
    return plan_import_json(document=document)


def test_it_is_in_the_canonical_form_of_an_export(demo, document):
    assert plan_export_json(plan=demo) == document


def test_it_says_it_is_a_reconstruction(demo):
    assert "reconstruction" in demo.description
    assert "not the official text" in demo.description


def test_it_has_the_adoption_facts_of_the_seed(demo):
    assert demo.status == PlanStatus.ADOPTED
    assert "No. 667" in demo.adoption_reference and "24.07.2014" in demo.adoption_reference
    assert "Main Department on Combating Trafficking in Human Beings" in demo.coordinating_body
    assert "Criminal Code of the Republic of Azerbaijan, Article 144" in demo.legal_basis
    assert (demo.period_start, demo.period_end) == (2014, 2018)


def test_it_has_eleven_chapters_mapped_to_the_components(demo):
    chapters = list(demo.chapters.order_by("order"))
    assert len(chapters) == 11
    mapping = {c.code: [t.code for t in c.components.all()] for c in chapters}
    assert mapping["2"] == mapping["3"] == ["SF"]
    assert mapping["4"] == mapping["5"] == ["PR"]
    assert mapping["6"] == mapping["7"] == mapping["8"] == ["SP"]
    assert mapping["9"] == ["IP"]


def test_prevention_has_ten_activities(demo):
    chapter = demo.chapters.get(code="4")
    assert Activity.objects.filter(objective__goal__chapter=chapter).count() == 10


def test_it_has_no_budget_lines_and_states_funding_only_in_words(demo):
    assert not BudgetLine.objects.filter(activity__plan=demo).exists()
    funding = demo.sections.get(kind=Section.Kind.FUNDING)
    assert "state budget" in funding.body and "grants" in funding.body


def test_it_has_no_background_analysis(demo):
    assert not demo.sections.filter(kind=Section.Kind.BACKGROUND).exists()


def test_many_activities_run_for_the_whole_period_and_some_have_no_lead(demo):
    activities = Activity.objects.filter(plan=demo)
    whole = activities.filter(start_month__year=2014, start_month__month=1, end_month__year=2018)
    assert whole.count() > activities.count() // 2
    with_lead = Responsibility.objects.filter(activity__plan=demo, role="lead").count()
    assert 0 < with_lead < activities.count()


def test_it_leaves_out_what_the_review_found_missing(document):
    text = json.dumps(document).lower()
    for missing in (
        "database",
        "data collection",
        "exchange of information",
        "monitor",
        "evaluat",
        "reflection period",
        "residence permit",
        "interpret",
        "cultural mediat",
        "corrupt",
    ):
        assert missing not in text, missing


def test_goals_and_activities_carry_no_area_tags(document):
    for chapter in document["chapters"]:
        for goal in chapter["goals"]:
            assert goal["tags"] == {"components": [], "areas": [], "principles": []}
            for objective in goal["objectives"]:
                for activity in objective["activities"]:
                    assert activity["tags"]["areas"] == []


def test_load_demo_loads_it_once_for_the_demo_coordinator(db, settings):
    settings.DEBUG = True
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    plans = Plan.objects.filter(country="Azerbaijan", period_start=2014, period_end=2018)
    assert plans.count() == 1
    editors = plans.get().memberships.filter(role=PlanMembership.Role.EDITOR)
    assert [m.user.username for m in editors] == ["coordinator"]
