"""A small but complete review built with factories: a framework of two components, two
principles and structural criteria; a plan with chapters, goals, activities, budgets and
indicators; ratings with evidence, findings and notes. `text` goes into every user field
the report prints, so tests can plant markup in all of them at once."""

import datetime
from decimal import Decimal
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

from django.core.management import call_command

from actionplan.models import BudgetLine
from assessment.models import Note, Rating
from assessment.services import note_create, review_create
from standards.models import Framework
from strategy.models import Plan
from tests import factories as f


def framework_build():
    framework = f.FrameworkFactory(version="2006.1", title="Guidelines")
    support = f.ComponentFactory(framework=framework, code="SF", title="Supporting framework")
    prevention = f.ComponentFactory(framework=framework, code="PR", title="Prevention")
    areas = {
        "SF.1": f.AreaFactory(component=support, code="SF.1", title="Coordination structures"),
        "SF.3": f.AreaFactory(component=support, code="SF.3", title="Data collection"),
        "PR.1": f.AreaFactory(component=prevention, code="PR.1", title="Awareness-raising"),
    }
    f.CriterionFactory(
        framework=framework,
        area=areas["SF.3"],
        group="",
        code="SF.3.1",
        question="Does the plan set up data collection and exchange?",
        guidance="A national database of victims and offenders.",
    )
    principles = {
        "P.GO": f.PrincipleFactory(framework=framework, code="P.GO", title="Government ownership"),
        "P.CS": f.PrincipleFactory(
            framework=framework, code="P.CS", title="Civil society participation"
        ),
    }
    for code, question in [
        ("ST.1", "Does the strategy open with a preamble?"),
        ("AP.1", "Does every activity have a lead body?"),
        ("IN.S", "Is the indicator specific and clear?"),
        ("IN.M", "Can the indicator be measured?"),
    ]:
        f.CriterionFactory(
            framework=framework,
            code=code,
            group=code.split(".")[0],
            question=question,
            guidance=f"Guidance for {code}.",
        )
    return SimpleNamespace(
        framework=framework, components=[support, prevention], areas=areas, principles=principles
    )


def review_build(*, reviewer, text="", activities=3, status="adopted", final=False):
    """A review of an adopted plan by `reviewer`; `text` is appended to every user field."""
    catalogue = framework_build()
    framework = catalogue.framework
    plan = f.PlanFactory(
        title=f"National Action Plan{text}",
        country=f"Azərbaycan{text}"[:100],  # the field holds 100 characters
        status=status,
        period_start=2014,
        period_end=2018,
        framework=framework,
        adoption_reference=f"Order 667 of 24.07.2014{text}",
        legal_basis=f"Law on combating trafficking in human beings{text}\nCriminal Code, Art 144",
        description=f"Reconstructed for the tests{text}",
    )
    f.SectionFactory(plan=plan, kind="preamble", title=f"Preamble{text}", body=f"Why{text}")
    f.SectionFactory(plan=plan, kind="funding", title="Funding", body=f"State budget{text}")
    ministry = f.StakeholderFactory(plan=plan, name=f"Ministry of Internal Affairs{text}")
    chapter = f.ChapterFactory(plan=plan, code="1", title=f"Coordination{text}")
    chapter.components.add(catalogue.components[0])
    goal = f.StrategicGoalFactory(plan=plan, chapter=chapter, title=f"Coordinated response{text}")
    objective = f.SpecificObjectiveFactory(plan=plan, goal=goal)
    built = []
    for n in range(activities):
        activity = f.ActivityFactory(
            plan=plan,
            objective=objective,
            code=f"1.{n + 1}",
            title=f"Set up a national database {n + 1}{text}",
            start_month=datetime.date(2015, 1 + n % 12, 1),
            end_month=datetime.date(2016, 1 + n % 12, 1),
        )
        activity.areas.add(catalogue.areas["SF.1"])
        f.ResponsibilityFactory(activity=activity, stakeholder=ministry)
        f.BudgetLineFactory(
            activity=activity,
            amount=Decimal("1000.00"),
            currency="AZN",
            source=BudgetLine.Source.DONOR if n % 2 else BudgetLine.Source.STATE,
            donor_name=f"Donor{text}" if n % 2 else "",
        )
        f.IndicatorFactory(activity=activity, plan=plan, definition=f"Records kept{text}")
        built.append(activity)

    review = f.ReviewFactory(
        plan=plan,
        framework=framework,
        created_by=reviewer,
        reviewers=[reviewer],
        title=f"Review of the NAP{text}",
        introduction=f"Requested by the ministry{text}",
        background=f"Source, transit and destination country{text}",
        status="final" if final else "draft",
        finalised_at=datetime.datetime(2026, 11, 2, tzinfo=datetime.UTC) if final else None,
    )
    evidence = [{"type": "activity", "id": a.pk, "suggested": False} for a in built]
    f.RatingFactory(
        review=review,
        kind=Rating.Kind.AREA,
        code="SF.1",
        area=catalogue.areas["SF.1"],
        computed_level="concrete" if built else "not_covered",
        evidence=evidence,
    )
    f.RatingFactory(
        review=review,
        kind=Rating.Kind.AREA,
        code="SF.3",
        area=catalogue.areas["SF.3"],
        computed_level="not_covered",
    )
    f.RatingFactory(
        review=review,
        kind=Rating.Kind.AREA,
        code="PR.1",
        area=catalogue.areas["PR.1"],
        computed_level="mentioned",
        override_level="complete",
        override_justification=f"Campaigns run every year{text}",
        evidence=[{"type": "goal", "id": goal.pk, "suggested": True}],
    )
    f.RatingFactory(
        review=review,
        kind=Rating.Kind.PRINCIPLE,
        code="P.GO",
        principle=catalogue.principles["P.GO"],
        computed_level="mentioned",
        evidence=[{"type": "chapter", "id": chapter.pk, "suggested": False}],
    )
    f.FindingFactory(
        review=review,
        rule="no-data-collection",
        component_code="SF",
        area_code="SF.3",
        severity="high",
        element_type="plan",
        element_id=plan.pk,
        element_label=plan.title,
        message=f"No activity collects or exchanges data{text}",
        recommendation="Plan activities related to data collection and exchange.",
    )
    f.FindingFactory(
        review=review,
        rule="goal-phrased-as-action",
        component_code="",
        severity="medium",
        element_type="goal",
        element_id=goal.pk,
        element_label=f"G1 {goal.title}",
        message="The goal is phrased as an action.",
    )
    f.NoteFactory(
        review=review,
        scope=Note.Scope.COMPONENT,
        component=catalogue.components[1],
        kind=Note.Kind.COMMENDATION,
        text=f"A separate chapter on children{text}",
    )
    f.NoteFactory(review=review, scope=Note.Scope.OVERALL, text=f"Separate strategy and plan{text}")
    f.NoteFactory(
        review=review, scope=Note.Scope.CONTENT, text=f"Foresee support for foreign victims{text}"
    )
    f.NoteFactory(
        review=review,
        scope=Note.Scope.FUNDING,
        kind=Note.Kind.PRACTICE,
        text=f"National resource plan{text}",
    )
    return review


ROOT = Path(__file__).resolve().parents[2]
STANDARD = ROOT / "fixtures" / "standards" / "icmpd-2006.yaml"
DEMO_PLAN = ROOT / "fixtures" / "plans" / "azerbaijan-2014-2018.json"


def demo_review_build(*, reviewer):
    """The demo review: the shipped ICMPD 2006 checklist and the demo plan (Azerbaijan's
    NAP 2014–2018, reconstructed), assessed by the engine, with a reviewer's notes."""
    call_command("load_standard", str(STANDARD), stdout=StringIO())
    out = StringIO()
    call_command("import_plan", str(DEMO_PLAN), stdout=out)
    plan = Plan.objects.get(pk=int(out.getvalue().strip().splitlines()[-1]))
    framework = Framework.objects.get(code="icmpd-2006", is_current=True)
    review = review_create(plan=plan, framework=framework, user=reviewer)
    finding = review.findings.filter(recommendation__gt="").order_by("pk").first()
    note_create(
        review=review,
        kind=Note.Kind.RECOMMENDATION,
        scope=Note.Scope.OVERALL,
        text="",
        finding=finding,
        user=reviewer,
    )
    note_create(
        review=review,
        kind=Note.Kind.COMMENDATION,
        scope=Note.Scope.COMPONENT,
        component=framework.components.get(code="SP"),
        user=reviewer,
        text="A separate chapter on children allows a beneficiary-tailored approach.",
    )
    note_create(
        review=review,
        kind=Note.Kind.PRACTICE,
        scope=Note.Scope.FUNDING,
        user=reviewer,
        text="National resource plan: total resources per area, funds awarded by donors, "
        "priority funding needs.",
    )
    return review
