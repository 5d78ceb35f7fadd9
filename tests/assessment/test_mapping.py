from assessment.mapping import plan_mapping, review_mapping
from assessment.services import review_create
from tests.assessment.conftest import assess
from tests.factories import (
    ActivityFactory,
    ChapterFactory,
    SectionFactory,
    SpecificObjectiveFactory,
)


def _chapter(plan, title, activity_title):
    chapter = ChapterFactory(plan=plan, title=title)
    objective = SpecificObjectiveFactory(goal__chapter=chapter, goal__plan=plan, plan=plan)
    ActivityFactory(objective=objective, plan=plan, title=activity_title)
    return chapter


def test_it_maps_tagged_chapters_and_suggests_the_others(plan, framework):
    tagged = _chapter(plan, "Criminal prosecution", "Draft 1 manual")
    tagged.components.add(framework.components.get(code="IP"))
    untagged = _chapter(plan, "Publicity", "Run 4 awareness campaigns on television")
    result = assess(plan, framework)
    rows = {row.chapter_id: row.components for row in result.mapping.chapters}
    assert rows[tagged.pk] == [("IP", False)]
    assert rows[untagged.pk] == [("PR", True)]
    prevention = next(r for r in result.mapping.components if r.code == "PR")
    assert [(c.chapter_id, s) for c, s in prevention.chapters] == [(untagged.pk, True)]


def test_a_chapter_with_no_evidence_is_left_unmapped(plan, framework):
    lost = _chapter(plan, "Miscellaneous", "Draft 1 manual")
    assert [c.chapter_id for c in assess(plan, framework).mapping.unmapped] == [lost.pk]


def test_it_lists_the_provisions_evidencing_each_principle(plan, framework, activity):
    section = SectionFactory(plan=plan, kind="principles", body="Civil society takes part.")
    row = next(p for p in assess(plan, framework).mapping.principles if p.code == "P.CS")
    assert [(e.type, e.id) for e in row.provisions] == [("section", section.pk)]
    assert row.level == "mentioned"


def test_a_saved_review_maps_from_its_ratings(plan, framework, activity, cast):
    SectionFactory(plan=plan, kind="principles", body="Civil society takes part.")
    review = review_create(plan=plan, framework=framework, user=cast.reviewer)
    rating = review.ratings.get(code="P.CS")
    rating.override_level = "complete"
    rating.override_justification = "Seen in practice."
    rating.save()
    mapping = review_mapping(review)
    assert [p.code for p in mapping.principles] == ["P.GO", "P.CS", "P.HR", "P.ID", "P.SU"]
    assert next(p for p in mapping.principles if p.code == "P.CS").level == "complete"
    assert (
        mapping.chapters
        == plan_mapping(assess(plan, framework).snapshot, assess(plan, framework).coverage).chapters
    )
