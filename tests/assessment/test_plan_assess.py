from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment.assess import plan_assess
from assessment.models import Finding, Rating
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChapterFactory,
    IndicatorFactory,
    ResponsibilityFactory,
    SpecificObjectiveFactory,
    SubActivityFactory,
)


def _grow(plan, framework, activities: int):
    chapter = ChapterFactory(plan=plan)
    chapter.components.add(framework.components.first())
    for i in range(activities):
        objective = SpecificObjectiveFactory(goal__chapter=chapter, goal__plan=plan, plan=plan)
        objective.areas.add(framework.areas.order_by("code")[i % 5])
        activity = ActivityFactory(objective=objective, plan=plan, title=f"Improve things {i}")
        activity.principles.add(framework.principles.first())
        SubActivityFactory(activity=activity)
        ResponsibilityFactory(activity=activity)
        if i % 2:
            BudgetLineFactory(activity=activity)
            IndicatorFactory(activity=activity, plan=plan, unit="")


def _queries(plan, framework) -> int:
    with CaptureQueriesContext(connection) as context:
        plan_assess(plan=plan, framework=framework)
    return len(context.captured_queries)


def test_its_query_count_does_not_grow_with_the_plan(plan, framework):
    _grow(plan, framework, 5)
    small = _queries(plan, framework)
    _grow(plan, framework, 30)
    assert _queries(plan, framework) == small
    assert small <= 30


def test_it_writes_nothing(plan, framework, activity):
    result = plan_assess(plan=plan, framework=framework)
    assert result.findings and result.coverage
    assert not Finding.objects.exists()
    assert not Rating.objects.exists()


def test_its_json_has_the_documented_shape(plan, framework, activity):
    data = plan_assess(plan=plan, framework=framework).as_json()
    assert {"plan", "framework", "findings", "ratings", "scores", "strengths"} <= set(data)
    assert data["plan"] == plan.pk
    assert data["framework"] == f"{framework.code}@{framework.version}"
    finding = data["findings"][0]
    assert set(finding) == {"rule", "criterion", "area", "severity", "element", "message"}
    assert set(finding["element"]) == {"type", "id"}
    rating = data["ratings"][0]
    assert set(rating) == {"code", "kind", "level", "evidence"}
    assert set(data["scores"]) == {"overall", "components", "principles"}
    assert set(data["scores"]["components"]) == {"SF", "PR", "SP", "IP"}
    strength = data["strengths"][0]
    assert {"rule", "criterion", "element", "message"} <= set(strength)
    assert set(strength["element"]) == {"type", "id"}


def test_a_500_activity_generated_plan_costs_the_queries_of_a_small_one(framework, cast):
    from actionplan.synthetic import plan_generate
    from assessment.services import review_create, review_run

    counts = {}
    for size in (20, 500):
        plan = plan_generate(activities=size, seed=3)
        review = review_create(plan=plan, framework=framework, user=cast.reviewer)
        with CaptureQueriesContext(connection) as run:
            review_run(review=review)
        counts[size] = (_queries(plan, framework), len(run.captured_queries))
    assert counts[500] == counts[20]
