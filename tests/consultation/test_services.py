"""The consultation's writes: what a comment keeps of its element, and decisions."""

import pytest
from django.core.exceptions import ValidationError

from consultation.models import Resolution
from consultation.selectors import consultation_summary
from consultation.services import comment_add, comment_resolve, reply_add
from tests.factories import CommentFactory, StrategicGoalFactory


def test_it_keeps_what_a_comment_was_about_after_the_element_is_deleted(cast, consulted):
    sub, author = consulted.sub, cast.consultee
    comment = comment_add(plan=consulted, kind="subactivity", element=sub, author=author, text="?")
    consulted.chapter.delete()
    summary = consultation_summary(plan=consulted)
    (group,) = summary.chapters
    assert group.label == "1 Prevention"
    assert group.comments[0].pk == comment.pk
    assert group.comments[0].element_label.endswith(consulted.sub.title)


def test_it_files_a_goal_outside_any_chapter_apart(cast, consulted):
    goal = StrategicGoalFactory(plan=consulted, chapter=None, code="G9", title="Data")
    author = cast.consultee
    comment = comment_add(plan=consulted, kind="goal", element=goal, author=author, text="Data?")
    assert (comment.chapter, comment.element_label) == (None, "G9 Data")
    assert consultation_summary(plan=consulted).chapters[0].label == "Outside any chapter"


def test_it_signs_the_working_groups_replies_with_no_organisation(cast, consulted):
    comment = CommentFactory(plan=consulted, author=cast.consultee)
    assert reply_add(comment=comment, author=cast.coordinator, text="Noted.").organisation == ""


def test_a_decision_needs_a_reason(cast, consulted):
    comment = CommentFactory(plan=consulted, author=cast.consultee)
    with pytest.raises(ValidationError):
        comment_resolve(comment=comment, resolution="accepted", reason=" ", user=cast.coordinator)


def test_a_decision_can_be_revised_and_names_who_took_it(cast, consulted):
    comment = CommentFactory(plan=consulted, author=cast.consultee)
    user = cast.coordinator
    comment_resolve(comment=comment, resolution="declined", reason="No budget.", user=user)
    comment_resolve(comment=comment, resolution="accepted", reason="Donor found.", user=user)
    comment.refresh_from_db()
    assert (comment.resolution, comment.reason) == (Resolution.ACCEPTED, "Donor found.")
    assert comment.resolved_by == cast.coordinator and comment.resolved_at
