"""A plan that uses every part of the plan document: tags, indicators at each level,
outputs, sub-activities, responsibilities, budget lines and background sections."""

import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from actionplan.models import BudgetLine, Indicator, Responsibility
from standards.models import Framework
from strategy.models import PlanStatus, Section, Stakeholder
from tests.factories import (
    ActivityFactory,
    AreaFactory,
    BudgetLineFactory,
    ChapterFactory,
    ComponentFactory,
    FrameworkFactory,
    IndicatorFactory,
    OutputFactory,
    PlanFactory,
    PrincipleFactory,
    ResponsibilityFactory,
    SectionFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
    SubActivityFactory,
)


@pytest.fixture
def icmpd_standard(db):
    """The ICMPD 2006 checklist shipped in fixtures/standards/, loaded as load_demo does."""
    path = Path(settings.BASE_DIR) / "fixtures" / "standards" / "icmpd-2006.yaml"
    call_command("load_standard", str(path), stdout=StringIO())
    return Framework.objects.get(code="icmpd-2006", is_current=True)


@pytest.fixture
def framework(db):
    framework = FrameworkFactory(code="icmpd-2006", version="2006")
    sf = ComponentFactory(framework=framework, code="SF", title="Supporting framework")
    sp = ComponentFactory(framework=framework, code="SP", title="Support and protection")
    AreaFactory(component=sf, code="SF.3", title="Information management and data collection")
    AreaFactory(component=sp, code="SP.3", title="Social support and protection")
    PrincipleFactory(framework=framework, code="P.HR", title="Human rights-based approach")
    PrincipleFactory(framework=framework, code="P.GO", title="Government ownership")
    return framework


def _tag(element, framework, components=(), areas=(), principles=()):
    element.components.set(framework.components.filter(code__in=components))
    element.areas.set(framework.areas.filter(code__in=areas))
    element.principles.set(framework.principles.filter(code__in=principles))


@pytest.fixture
def complete_plan(framework):
    plan = PlanFactory(
        country="Utopia",
        title="National Action Plan against Trafficking in Human Beings",
        description="Adopted after a public consultation.",
        period_start=2019,
        period_end=2023,
        status=PlanStatus.ADOPTED,
        adoption_reference="Decree No. 12 of 3 March 2019",
        legal_basis="Law on combating trafficking\nCriminal Code, Art. 144",
        coordinating_body="National Coordinator",
        framework=framework,
        previous_plan=PlanFactory(
            country="Utopia", title="NAP 2014–2018", period_start=2014, period_end=2018
        ),
    )
    preamble = SectionFactory(plan=plan, kind=Section.Kind.PREAMBLE, title="Preamble")
    background = SectionFactory(
        plan=plan,
        kind=Section.Kind.BACKGROUND,
        title="Support and protection today",
        component=framework.components.get(code="SP"),
        body="Shelters exist in two cities only.",
    )
    ministry = StakeholderFactory(
        plan=plan, name="Ministry of Interior", abbreviation="MoI", role="Coordinates the response."
    )
    ngo = StakeholderFactory(plan=plan, name="Clean Hands", kind=Stakeholder.Kind.NGO)
    chapter = ChapterFactory(plan=plan, code="1", title="Protection", description="Victims first.")
    _tag(chapter, framework, components=["SP"])
    goal = StrategicGoalFactory(
        plan=plan,
        chapter=chapter,
        code="1.1",
        title="Victims recover and rebuild their lives",
        rationale="The background analysis found two shelters only.",
    )
    goal.background_sections.set([background, preamble])
    _tag(goal, framework, areas=["SP.3"], principles=["P.HR", "P.GO"])
    IndicatorFactory(
        activity=None, goal=goal, plan=plan, level=Indicator.Level.IMPACT, responsible_body=ministry
    )
    objective = SpecificObjectiveFactory(
        plan=plan, goal=goal, code="1.1.1", title="Every region has a shelter"
    )
    IndicatorFactory(
        activity=None,
        objective=objective,
        plan=plan,
        level=Indicator.Level.OUTCOME,
        frequency="",
        baseline_year=None,
    )
    output = OutputFactory(plan=plan, objective=objective, code="O1", title="Four shelters")
    IndicatorFactory(activity=None, output=output, plan=plan, definition="Shelters open")
    activity = ActivityFactory(
        plan=plan,
        objective=objective,
        output=output,
        code="1.1.1.1",
        title="Open a shelter in the north & then, < 50 km from the border",
        start_month=datetime.date(2019, 3, 1),
        end_month=datetime.date(2020, 6, 1),
    )
    _tag(activity, framework, areas=["SP.3"])
    ResponsibilityFactory(activity=activity, stakeholder=ministry, role=Responsibility.Role.LEAD)
    ResponsibilityFactory(activity=activity, stakeholder=ngo, role=Responsibility.Role.PARTNER)
    BudgetLineFactory(
        activity=activity, amount=Decimal("125000.50"), currency="EUR", description="Building works"
    )
    BudgetLineFactory(
        activity=activity,
        amount=Decimal("0"),
        currency="AZN",
        source=BudgetLine.Source.DONOR,
        donor_name="European Union",
        status=BudgetLine.Status.PLEDGED,
    )
    IndicatorFactory(activity=activity, plan=plan, responsible_body=ngo)
    SubActivityFactory(
        activity=activity,
        title="Find a building",
        start_month=datetime.date(2019, 3, 1),
        end_month=datetime.date(2019, 5, 1),
    )
    SubActivityFactory(activity=activity, title="Recruit staff", start_month=None, end_month=None)
    ActivityFactory(
        plan=plan,
        objective=objective,
        output=None,
        title="Vague activity",
        start_month=None,
        end_month=None,
    )
    lone_goal = StrategicGoalFactory(plan=plan, chapter=None, title="A goal outside chapters")
    SpecificObjectiveFactory(plan=plan, goal=lone_goal, title="Its objective")
    return plan


@pytest.fixture
def plan(complete_plan, cast):
    """The complete plan as a draft that only alice-coordinator may edit (and see)."""
    complete_plan.status = PlanStatus.DRAFT
    complete_plan.save()
    complete_plan.memberships.create(user=cast.coordinator, role="editor")
    return complete_plan
