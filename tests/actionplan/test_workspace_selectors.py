from decimal import Decimal

import pytest

from actionplan.workspace_selectors import activity_summaries, deletion_consequences, plan_tree
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    IndicatorFactory,
    ResponsibilityFactory,
    StakeholderFactory,
)

pytestmark = pytest.mark.django_db


def test_plan_tree_nests_chapters_goals_objectives_and_activities(branch):
    tree = plan_tree(branch.plan)
    (chapter,) = tree.chapters
    (goal,) = chapter.goals
    (objective,) = goal.objectives
    assert (chapter.chapter, goal.goal, objective.objective) == (
        branch.chapter,
        branch.goal,
        branch.objective,
    )
    assert objective.outputs == [branch.output]
    assert objective.activities == [branch.activity]
    assert objective.activities[0].sub_activity_list == [branch.sub]
    assert tree.activity_count == tree.shown_activity_count == 1
    assert not tree.filtered


def test_activity_summaries_total_the_budget_per_currency(branch):
    BudgetLineFactory(activity=branch.activity, amount=Decimal("500"), currency="AZN")
    BudgetLineFactory(activity=branch.activity, amount=Decimal("1000.50"), currency="EUR")
    (activity,) = activity_summaries([branch.activity], plan=branch.plan)
    assert activity.budget_totals == ["500 AZN", "26,000 EUR"]
    assert activity.lead == branch.ministry
    assert activity.indicator_count == 1


def test_activity_summaries_tell_lead_from_partners(branch):
    activity = ActivityFactory(plan=branch.plan, objective=branch.objective, start_month=None,
                               end_month=None)  # fmt: skip
    partner = StakeholderFactory(plan=branch.plan)
    ResponsibilityFactory(activity=activity, stakeholder=partner, role="partner")
    (summary,) = activity_summaries([activity], plan=branch.plan)
    assert summary.lead is None
    assert summary.partners == [partner]
    assert summary.timeframe_label == ""
    assert summary.budget_totals == []


def test_deletion_consequences_count_everything_below(branch):
    IndicatorFactory(activity=None, objective=branch.objective, plan=branch.plan)
    consequences = deletion_consequences(branch.objective)
    assert consequences["deletes"] == [
        "1 output",
        "1 activity",
        "1 sub-activity",
        "1 responsible body",
        "1 budget line",
        "2 indicators",
    ]
    assert deletion_consequences(branch.line) == {"deletes": [], "unlinks": []}


def test_deletion_consequences_do_not_count_as_unlinked_what_goes_anyway(branch):
    branch.activity.output = branch.output
    branch.activity.save()
    assert deletion_consequences(branch.objective)["unlinks"] == []
    assert deletion_consequences(branch.output)["unlinks"] == [
        "1 activity stays in the plan without its output"
    ]
