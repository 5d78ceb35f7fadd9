import datetime

from django.utils import timezone

from actionplan.models import Responsibility
from assessment.strengths import STRENGTHS
from standards.models import Component
from strategy.models import Stakeholder
from tests.assessment.conftest import assess
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChapterFactory,
    CommentFactory,
    IndicatorFactory,
    ResponsibilityFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
)


def strengths_of(plan, framework) -> dict:
    return {s.rule: s for s in assess(plan, framework).strengths}


def _complete(activity):
    ResponsibilityFactory(activity=activity)
    BudgetLineFactory(activity=activity)
    IndicatorFactory(activity=activity, plan=activity.plan)
    return activity


def test_every_strength_rule_cites_a_criterion_and_suggests_a_note_kind():
    for rule in STRENGTHS.values():
        assert rule.kind in {"commendation", "practice"}
        assert rule.title and rule.message
    assert STRENGTHS["national-resource-plan"].kind == "practice"


def test_it_commends_complete_activities_with_their_evidence(plan, framework, objective):
    activities = [_complete(ActivityFactory(objective=objective, plan=plan)) for _ in range(3)]
    found = strengths_of(plan, framework)
    complete = found["activities-complete"]
    assert complete.message.startswith("3 of 3 activities carry a responsible body")
    assert (complete.criterion, complete.element_type) == ("AP.4", "plan")
    assert [e["id"] for e in complete.evidence] == [a.pk for a in activities]
    for rule, criterion in [
        ("every-activity-has-body", "AP.1"),
        ("specific-timeframes", "AP.2"),
        ("indicators-baseline-target", "IN.M"),
        ("results-chain", "ST.6"),
        ("goals-answer-problems", "ST.4"),
    ]:
        assert found[rule].criterion == criterion
    practice = found["national-resource-plan"]
    assert (practice.kind, practice.criterion) == ("practice", "AP.6")
    assert "state budget" in practice.message


def test_it_says_nothing_when_most_activities_are_bare(plan, framework, objective):
    _complete(ActivityFactory(objective=objective, plan=plan))
    for _ in range(3):
        ActivityFactory(objective=objective, plan=plan, start_month=None, end_month=None)
    found = strengths_of(plan, framework)
    for rule in ("activities-complete", "specific-timeframes", "every-activity-has-body"):
        assert rule not in found
    assert "national-resource-plan" not in found


def test_it_commends_a_named_civil_society_partner(plan, framework, activity):
    ngo = StakeholderFactory(plan=plan, name="Hope Shelter Foundation", kind=Stakeholder.Kind.NGO)
    generic = StakeholderFactory(plan=plan, name="NGOs", kind=Stakeholder.Kind.NGO)
    ResponsibilityFactory(activity=activity, stakeholder=ngo, role=Responsibility.Role.PARTNER)
    ResponsibilityFactory(activity=activity, stakeholder=generic, role=Responsibility.Role.PARTNER)
    found = strengths_of(plan, framework)["civil-society-partner"]
    assert "Hope Shelter Foundation" in found.message and found.criterion == "P.CS"


def test_a_generic_ngo_is_not_a_named_partner(plan, framework, activity):
    generic = StakeholderFactory(plan=plan, name="NGOs", kind=Stakeholder.Kind.NGO)
    ResponsibilityFactory(activity=activity, stakeholder=generic)
    assert "civil-society-partner" not in strengths_of(plan, framework)


def test_it_commends_reporting_to_the_coordinating_body(plan, framework, objective):
    reporting = ActivityFactory(
        objective=objective,
        plan=plan,
        title="Submit a half-yearly progress report to the National Coordinator",
    )
    ActivityFactory(
        objective=objective, plan=plan, title="Представлять отчёт в Национальную комиссию"
    )
    found = strengths_of(plan, framework)["reporting-built-in"]
    assert found.kind == "practice" and found.evidence[0]["id"] == reporting.pk
    assert found.message.startswith("2 activities report to the coordinating body")


def test_it_names_a_component_with_a_chapter_of_its_own(plan, framework):
    chapter = ChapterFactory(plan=plan, title="Victims of trafficking")
    chapter.components.add(Component.objects.get(framework=framework, code="SP"))
    goal = StrategicGoalFactory(chapter=chapter, plan=plan)
    ActivityFactory(objective=SpecificObjectiveFactory(goal=goal, plan=plan), plan=plan)
    found = [s for s in assess(plan, framework).strengths if s.rule == "component-own-chapter"]
    assert [(s.element_type, s.element_id, s.component) for s in found] == [
        ("chapter", chapter.pk, "SP")
    ]


def test_it_commends_objectives_worded_as_results(plan, framework, objective):
    objective.title = "Improved referral of identified victims to assistance"
    objective.save()
    SpecificObjectiveFactory(goal=objective.goal, plan=plan, title="Train the police")
    found = strengths_of(plan, framework)["objectives-as-results"]
    assert found.criterion == "ST.5"
    assert found.message.startswith("2 of 3 goals and objectives are worded as the result")
    assert {e["type"] for e in found.evidence} == {"goal", "objective"}


def test_it_commends_concrete_deliverables(plan, framework, objective):
    ActivityFactory(
        objective=objective, plan=plan, title="Publish a handbook on the referral procedure"
    )
    found = strengths_of(plan, framework)["concrete-deliverables"]
    assert found.criterion == "AP.5"


def test_a_dated_deadline_inside_the_period_is_a_strength_the_whole_period_is_not(
    plan, framework, objective
):
    ActivityFactory(
        objective=objective,
        plan=plan,
        start_month=datetime.date(2019, 1, 1),
        end_month=datetime.date(2023, 12, 1),
    )
    assert "specific-timeframes" not in strengths_of(plan, framework)


def test_it_commends_a_chapter_dedicated_to_children(plan, framework):
    for title in ("Coordination", "Prevention"):
        ChapterFactory(plan=plan, title=title)
    children = ChapterFactory(plan=plan, title="Assistance and protection")
    StrategicGoalFactory(
        chapter=children, plan=plan, title="The rights of child victims are protected"
    )
    found = [s for s in assess(plan, framework).strengths if s.rule == "group-chapter"]
    assert [(s.element_id, s.criterion) for s in found] == [(children.pk, "P.BC")]
    assert "dedicated to child" in found[0].message


def test_a_plan_about_one_group_alone_is_not_a_dedicated_chapter(plan, framework):
    ChapterFactory(plan=plan, title="Protection of women and children")
    assert not [s for s in assess(plan, framework).strengths if s.rule == "group-chapter"]


def test_a_principle_carried_into_activities_names_them(plan, framework, objective):
    carried = ActivityFactory(
        objective=objective,
        plan=plan,
        title="Train 50 civil society counsellors on human rights of victims",
    )
    found = [s for s in assess(plan, framework).strengths if s.rule == "principle-in-activities"]
    assert found and all(s.criterion.startswith("P.") for s in found)
    assert any(
        {"type": "activity", "id": carried.pk}
        in [{"type": e["type"], "id": e["id"]} for e in s.evidence]
        for s in found
    )


def test_it_counts_a_consultation_with_decided_comments_as_civil_society_participation(
    plan, framework, objective
):
    activity = ActivityFactory(objective=objective, plan=plan)
    on_activity = {"element_kind": "activity", "element_id": activity.pk}
    decided = {"resolution": "accepted", "reason": "Done.", "resolved_at": timezone.now()}
    CommentFactory(plan=plan, organisation="La Strada", **on_activity, **decided)
    CommentFactory(plan=plan, organisation="IOM Mission")
    found = strengths_of(plan, framework)["consultation-heard"]
    assert found.criterion == "P.CS.1"
    assert "2 organisation(s) made 2 comments" in found.message
    assert "decided on 1 of them" in found.message
    assert [e["id"] for e in found.evidence] == [activity.pk]


def test_it_does_not_count_a_consultation_nobody_answered(plan, framework):
    CommentFactory(plan=plan)
    assert "consultation-heard" not in strengths_of(plan, framework)
