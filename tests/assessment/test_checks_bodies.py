import pytest

from actionplan.models import Responsibility
from assessment.checks.bodies import generic_parts, is_generic_designation
from tests.assessment.conftest import assess, rules_of
from tests.factories import ActivityFactory, ResponsibilityFactory, StakeholderFactory


@pytest.mark.parametrize(
    "name",
    [
        "NGOs",
        "International organisations",
        "responsible institutions",
        "Relevant ministries",
        "local authorities",
        "Other Government agencies (e.g. Police)",
        "Law enforcement bodies",
        "Заинтересованные министерства и ведомства",
        "местные органы исполнительной власти",
        "неправительственные организации",
    ],
)
def test_it_knows_a_generic_designation(name):
    assert is_generic_designation(name)


@pytest.mark.parametrize(
    "name",
    [
        "Ministry of Labour and Social Protection",
        "Ministry of Local Government",
        "The Administration of the National Commission",
        "Police",
        "State Migration Service",
        "Министерство внутренних дел",
        "Government",
    ],
)
def test_it_knows_a_named_body(name):
    assert not is_generic_designation(name)


def test_it_finds_the_generic_parts_of_a_responsible_cell():
    assert generic_parts("Police, NGOs and local authorities") == ("NGOs", "local authorities")


def test_it_reports_generic_bodies_in_the_plan(plan, framework, activity):
    ResponsibilityFactory(activity=activity, stakeholder=StakeholderFactory(plan=plan, name="NGOs"))
    StakeholderFactory(plan=plan, name="Relevant ministries")
    finding = rules_of(assess(plan, framework))["generic-responsible-bodies"][0]
    assert "“NGOs”" in finding.message and "“Relevant ministries”" in finding.message
    assert (finding.criterion, finding.severity) == ("AP.1", "medium")


def test_named_bodies_raise_nothing(plan, framework, activity):
    ResponsibilityFactory(activity=activity, stakeholder=StakeholderFactory(plan=plan))
    assert "generic-responsible-bodies" not in rules_of(assess(plan, framework))


def test_it_counts_activities_shared_by_several_bodies_without_a_lead(plan, framework, objective):
    shared = ActivityFactory(objective=objective, plan=plan)
    for _ in range(2):
        ResponsibilityFactory(activity=shared, role=Responsibility.Role.PARTNER)
    led = ActivityFactory(objective=objective, plan=plan)
    ResponsibilityFactory(activity=led)
    ResponsibilityFactory(activity=led, role=Responsibility.Role.PARTNER)
    finding = rules_of(assess(plan, framework))["shared-responsibility-no-lead"][0]
    assert finding.message.startswith("1 of 2 activities are assigned to several bodies")
