from assessment.coverage import plan_coverage
from assessment.snapshot import plan_snapshot
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChapterFactory,
    CriterionFactory,
    IndicatorFactory,
    ResponsibilityFactory,
    SectionFactory,
    SpecificObjectiveFactory,
)


def _coverage(plan, framework, rejected=frozenset()):
    snapshot = plan_snapshot(plan=plan, framework=framework)
    return {c.code: c for c in plan_coverage(snapshot, rejected=rejected)}


def test_an_area_nothing_addresses_is_not_covered(plan, framework, activity):
    assert _coverage(plan, framework)["IP.6"].level == "not_covered"
    assert _coverage(plan, framework)["IP.6"].evidence == []


def test_a_tagged_objective_only_mentions_an_area(plan, framework, objective):
    objective.areas.add(framework.areas.get(code="SP.1"))
    coverage = _coverage(plan, framework)["SP.1"]
    assert coverage.level == "mentioned"
    assert [(e.type, e.id, e.suggested) for e in coverage.evidence] == [
        ("objective", objective.pk, False)
    ]


def test_a_keyword_in_an_activity_makes_it_concrete_and_suggested(plan, framework, objective):
    activity = ActivityFactory(objective=objective, plan=plan, title="Run 3 awareness campaigns")
    coverage = _coverage(plan, framework)["PR.1"]
    assert coverage.level == "concrete"
    assert [(e.type, e.id, e.suggested) for e in coverage.evidence] == [
        ("activity", activity.pk, True)
    ]
    assert coverage.evidence[0].keyword == "awareness"


def test_complete_activities_make_an_area_complete(plan, framework, objective):
    activity = ActivityFactory(objective=objective, plan=plan, title="Run 3 awareness campaigns")
    ResponsibilityFactory(activity=activity)
    BudgetLineFactory(activity=activity)
    assert _coverage(plan, framework)["PR.1"].level == "concrete"  # no indicator yet
    IndicatorFactory(activity=activity, plan=plan)
    assert _coverage(plan, framework)["PR.1"].level == "complete"


def test_a_rejected_suggestion_no_longer_counts(plan, framework, objective):
    activity = ActivityFactory(objective=objective, plan=plan, title="Run 3 awareness campaigns")
    coverage = _coverage(plan, framework, frozenset({("PR.1", "activity", activity.pk)}))
    assert coverage["PR.1"].level == "not_covered"


def test_a_principles_section_mentions_a_principle(plan, framework, activity):
    section = SectionFactory(plan=plan, kind="principles", body="Respect for human rights.")
    coverage = _coverage(plan, framework)["P.HR"]
    assert coverage.level == "mentioned"
    assert [(e.type, e.id) for e in coverage.evidence] == [("section", section.pk)]


def test_chapter_component_tags_are_not_area_evidence(plan, framework):
    chapter = ChapterFactory(plan=plan, title="Chapter one")
    chapter.components.add(framework.components.get(code="IP"))
    objective = SpecificObjectiveFactory(goal__chapter=chapter, goal__plan=plan, plan=plan)
    ActivityFactory(objective=objective, plan=plan, title="Draft 1 manual for judges")
    assert _coverage(plan, framework)["IP.1"].level == "not_covered"


def test_russian_keywords_match_inflected_words(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, title="Провести мониторинга 2 раза в год")
    assert _coverage(plan, framework)["SF.5"].level == "concrete"


def test_evidence_shows_the_phrase_and_the_words_that_matched(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, title="Open 2 Shelters in the north")
    evidence = _coverage(plan, framework)["SP.3"].evidence[0]
    assert (evidence.keyword, evidence.matched) == ("shelter", "Shelters")
    assert evidence.as_json()["matched"] == "Shelters"


def test_russian_phrases_match_on_lemmas(plan, framework, objective):
    ActivityFactory(objective=objective, plan=plan, title="Организация сбора данных о жертвах")
    assert _coverage(plan, framework)["SF.3"].level == "concrete"


def test_a_principle_criterion_phrase_mentions_its_principle(plan, framework, objective):
    CriterionFactory(
        framework=framework,
        code="P.HR.1",
        group="",
        principle=framework.principles.get(code="P.HR"),
        keywords={"en": ["non-criminalisation of victims"]},
    )
    objective.title = "Ensure the non-criminalisation of victims for offences they were forced into"
    objective.save()
    coverage = _coverage(plan, framework)["P.HR"]
    assert coverage.level == "mentioned"
    assert [(e.type, e.keyword) for e in coverage.evidence] == [
        ("objective", "non-criminalisation of victims")
    ]
