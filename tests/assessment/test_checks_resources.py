from actionplan.models import Activity
from assessment.checks import REGISTRY
from assessment.checks.registry import Context
from assessment.snapshot import plan_snapshot
from tests.factories import ActivityFactory, BudgetLineFactory


def _hits(code, plan, framework, written: dict, not_in_source=()):
    """Run one rule with each activity's resources as the plan words them."""
    for activity_id, text in written.items():
        Activity.objects.filter(pk=activity_id).update(resources_as_written=text)
    snapshot = plan_snapshot(plan=plan, framework=framework)
    snapshot.not_in_source = frozenset(not_in_source)
    return list(REGISTRY[code].check(Context(snapshot, [], {})))


def _activities(objective, n):
    return [ActivityFactory(objective=objective, plan=objective.plan) for _ in range(n)]


def test_it_reports_resources_given_in_words_only(plan, framework, objective):
    a, b, c = _activities(objective, 3)
    BudgetLineFactory(activity=c)
    written = {a.pk: "Within the existing budget of the ministry", b.pk: "EUR 12,000 (donor)"}
    [hit] = _hits("resources-in-words-only", plan, framework, written)
    assert (hit.values["count"], hit.values["total"]) == (1, 3)
    assert hit.values["example"] == "Within the existing budget of the ministry"


def test_it_says_nothing_of_resources_the_source_did_not_give(plan, framework, objective):
    (a,) = _activities(objective, 1)
    written = {a.pk: "From the budget of the institutions"}
    assert _hits("resources-in-words-only", plan, framework, written, {"budget"}) == []


def test_it_reports_activities_resting_on_donor_money_alone(plan, framework, objective):
    a, b, c, d = _activities(objective, 4)
    BudgetLineFactory(activity=a, source="donor", donor_name="A foundation")
    written = {
        b.pk: "Donor funds",
        c.pk: "Международные организации (гранты)",
        d.pk: "State budget and donor co-funding",
    }
    [hit] = _hits("donor-dependent-activities", plan, framework, written)
    assert (hit.values["count"], hit.values["total"]) == (3, 4)
    assert REGISTRY["donor-dependent-activities"].criterion == "AP.6"


def test_state_funding_keeps_the_donor_share_low(plan, framework, objective):
    a, b, c = _activities(objective, 3)
    BudgetLineFactory(activity=a)
    BudgetLineFactory(activity=b)
    written = {c.pk: "Grant of an international organisation"}
    assert _hits("donor-dependent-activities", plan, framework, written) == []
