"""Two review rounds compared: the redline of the plan, findings resolved/new/persisting
matched across versions, and score movement."""

import pytest

from actionplan.exchange.json_export import plan_export_json
from actionplan.models import Activity
from assessment.compare import findings_compare, reviews_comparable, reviews_compare
from assessment.redline import plan_redline, word_diff
from assessment.rounds import Round, element_identity
from assessment.services import review_create, review_finalise
from strategy.services import plan_copy
from tests.factories import (
    ActivityFactory,
    PlanFactory,
    SpecificObjectiveFactory,
    SubActivityFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def activities(objective):
    plan = objective.plan
    return [
        ActivityFactory(plan=plan, objective=objective, code=code, title=title, order=n)
        for n, (code, title) in enumerate(
            [("1.1", "Train judges"), ("1.2", "Run a campaign"), ("1.3", "Print leaflets")]
        )
    ]


def _edit(objective, activities):
    """Reword 1.1, move 1.2 under a new objective, delete 1.3, add 1.4."""
    plan = objective.plan
    train, campaign, leaflets = activities
    train.title = "Train judges and prosecutors"
    train.save()
    elsewhere = SpecificObjectiveFactory(plan=plan, goal=objective.goal, code="1.B")
    campaign.objective = elsewhere
    campaign.save()
    leaflets.delete()
    ActivityFactory(plan=plan, objective=objective, code="1.4", title="Open a shelter")


def test_it_redlines_added_removed_moved_and_changed_elements(objective, activities):
    before = plan_export_json(plan=objective.plan)
    _edit(objective, activities)
    redline, identities = plan_redline(before, plan_export_json(plan=objective.plan))
    by_change = {(e.change, e.label) for e in redline}
    assert ("changed", "1.1 Train judges and prosecutors") in by_change
    assert ("moved", "1.2 Run a campaign") in by_change
    assert ("removed", "1.3 Print leaflets") in by_change
    assert ("added", "1.4 Open a shelter") in by_change
    changed = next(e for e in redline if e.label.startswith("1.1"))
    title = next(f for f in changed.fields if f["field"] == "title")
    assert title["diff"] == [["=", "Train judges"], ["+", "and prosecutors"]]
    old = element_identity("activity", "1.1", "Train judges")
    assert identities[old] == element_identity("activity", "1.1", "Train judges and prosecutors")


def test_it_follows_a_renumbered_element_by_its_title(objective, activities):
    before = plan_export_json(plan=objective.plan)
    Activity.objects.filter(pk=activities[2].pk).update(code="2.9")
    redline, _ = plan_redline(before, plan_export_json(plan=objective.plan))
    assert [(e.change, e.label) for e in redline] == [("changed", "2.9 Print leaflets")]


def test_it_diffs_words_and_keeps_markup_as_text():
    assert word_diff("a <b>", "a <i>") == [["=", "a"], ["-", "<b>"], ["+", "<i>"]]


def _finding(rule, identity, key="", dismissed=False):
    return {
        "key": key or f"{rule}:x:1",
        "rule": rule,
        "criterion": "",
        "area": "",
        "component": "",
        "severity": "high",
        "element": {
            "type": identity.split("|")[0],
            "id": 1,
            "label": identity,
            "identity": identity,
        },
        "message": rule,
        "dismissed": dismissed,
    }


def _round(findings):
    return Round(review=None, plan_document={}, result={"findings": findings}, frozen=True)


def test_it_matches_findings_by_rule_and_element_identity():
    old, renamed = "activity|1.1|train judges", "activity|1.1|train judges and prosecutors"
    before = _round(
        [
            _finding("no-lead", old),
            _finding("no-budget", old),
            _finding("no-indicator", "activity|1.3|x"),
            _finding("no-timeframe", "activity|1.5|y", dismissed=True),
        ]
    )
    after = _round([_finding("no-lead", renamed), _finding("no-monitoring", "plan||")])
    resolved, new, persisting = findings_compare(before, after, {old: renamed})
    assert [f["rule"] for f in persisting] == ["no-lead"]
    assert persisting[0]["element_before"] == old
    assert sorted(f["rule"] for f in resolved) == ["no-budget", "no-indicator"]
    assert [f["rule"] for f in new] == ["no-monitoring"]


def test_it_compares_a_final_round_with_the_plan_as_it_is_now(
    cast, plan, framework, objective, activities
):
    first = review_create(plan=plan, framework=framework, user=cast.reviewer)
    review_finalise(review=first, user=cast.reviewer)
    _edit(objective, activities)
    second = review_create(plan=plan, framework=framework, user=cast.reviewer)

    comparison = reviews_compare(a=second, b=first)

    assert comparison.before.review == first and comparison.before.frozen
    assert comparison.after.review == second and not comparison.after.frozen
    data = comparison.as_json()
    assert {"movement", "resolved", "new", "persisting", "redline"} <= set(data)
    kinds = {row["kind"] for row in data["movement"]}
    assert kinds == {"overall", "component", "area", "principle"}
    assert {"removed", "added", "moved", "changed"} <= {e["change"] for e in data["redline"]}
    assert data["persisting"], "what the edits did not touch persists"
    counted = [f for f in first.snapshot.result["findings"] if not f["dismissed"]]
    assert len(data["persisting"]) + len(data["resolved"]) == len(counted)
    now = second.findings.filter(is_current=True, dismissed=False).count()
    assert len(data["persisting"]) + len(data["new"]) == now


def test_it_compares_a_plan_with_its_successor_but_not_with_an_unrelated_plan(
    cast, plan, framework, activities
):
    first = review_finalise(
        review=review_create(plan=plan, framework=framework, user=cast.reviewer), user=cast.reviewer
    )
    successor = plan_copy(
        source=plan, user=cast.coordinator, title="Next plan", period_start=2019, period_end=2023
    )
    successor.status = "consultation"
    successor.save()
    second = review_create(plan=successor, framework=framework, user=cast.reviewer)
    unrelated = review_create(
        plan=PlanFactory(framework=framework, status="consultation"),
        framework=framework,
        user=cast.reviewer,
    )
    assert reviews_comparable(first, second) and reviews_comparable(second, first)
    assert not reviews_comparable(first, unrelated)
    comparison = reviews_compare(a=second, b=first)
    assert comparison.before.review == first
    assert not [e for e in comparison.redline if e.type == "activity"]


def test_it_keeps_alike_sub_activities_with_their_own_activity(objective, activities):
    for activity in activities:
        SubActivityFactory(activity=activity, code="a", title="Report to the coordinator")
    before = plan_export_json(plan=objective.plan)
    activities[0].delete()
    redline, _ = plan_redline(before, plan_export_json(plan=objective.plan))
    assert sorted((e.change, e.type) for e in redline) == [
        ("removed", "activity"),
        ("removed", "subactivity"),
    ]
