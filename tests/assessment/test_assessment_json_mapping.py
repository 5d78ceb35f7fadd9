"""`review --format json` gives the chapters' mapping to the components."""

from tests.assessment.conftest import assess
from tests.factories import ChapterFactory


def test_it_gives_a_chapters_own_components_as_not_suggested(plan, framework, objective):
    chapter = objective.goal.chapter
    chapter.components.add(framework.components.get(code="PR"))
    [row] = [r for r in assess(plan, framework).as_json()["mapping"] if r["chapter"] == chapter.pk]
    assert row == {"chapter": chapter.pk, "components": ["PR"], "suggested": False}


def test_it_lists_every_chapter_in_order_even_without_a_component(plan, framework, objective):
    empty = ChapterFactory(plan=plan, title="Final provisions", description="")
    mapping = assess(plan, framework).as_json()["mapping"]
    assert [r["chapter"] for r in mapping] == [objective.goal.chapter_id, empty.pk]
    assert mapping[1] == {"chapter": empty.pk, "components": [], "suggested": False}


def test_it_marks_components_found_from_the_evidence_as_suggested(plan, framework, objective):
    objective.title = "Awareness-raising campaigns reach the public"
    objective.save()
    rows = assess(plan, framework).as_json()["mapping"]
    assert rows[0]["components"] and rows[0]["suggested"]
