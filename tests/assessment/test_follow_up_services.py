import pytest
from django.core.exceptions import ValidationError

from assessment import follow_up_services, services
from assessment.models import FollowUpStatus, Note, RecommendationLink
from tests.assessment.follow_up_world import follow_up_world, reviewed_plan
from tests.factories import ChapterFactory, PlanFactory, StakeholderFactory


@pytest.fixture
def world(cast, framework):
    return follow_up_world(cast, framework)


def _recommend(review, user, text="Plan the monitoring of the plan."):
    return services.note_create(
        review=review, kind=Note.Kind.RECOMMENDATION, scope=Note.Scope.OVERALL, text=text, user=user
    )


def test_it_gives_each_recommendation_a_reference_of_its_review(cast, framework):
    _, review = reviewed_plan(cast, framework, recommendations=3)
    year = review.created_at.year
    references = list(review.notes.order_by("pk").values_list("reference", flat=True))
    assert references == [f"R-{year}-01", f"R-{year}-02", f"R-{year}-03"]


def test_it_never_gives_a_reference_twice_even_after_a_deletion(cast, framework):
    _, review = reviewed_plan(cast, framework, recommendations=2)
    last = review.notes.order_by("pk").last()
    services.note_delete(note=last, user=cast.reviewer)
    again = _recommend(review, cast.reviewer)
    assert again.reference == f"R-{review.created_at.year}-03"


def test_an_edit_keeps_the_reference(cast, framework):
    _, review = reviewed_plan(cast, framework, recommendations=1)
    note = review.notes.get()
    before = note.reference
    services.note_update(note=note, user=cast.reviewer, text="Another wording.")
    services.recommendation_update(note=note, user=cast.reviewer, priority="high", addressee=None)
    note.refresh_from_db()
    assert note.reference == before and note.text == "Another wording."


def test_a_commendation_has_no_reference(cast, framework):
    _, review = reviewed_plan(cast, framework)
    note = services.note_create(
        review=review, kind="commendation", scope="overall", text="Good.", user=cast.reviewer
    )
    assert note.reference == ""


def test_it_sets_priority_and_addressee_to_a_body_of_the_plan(cast, framework):
    plan, review = reviewed_plan(cast, framework, recommendations=1)
    note = review.notes.get()
    body = plan.stakeholders.get()
    services.recommendation_update(note=note, user=cast.reviewer, priority="high", addressee=body)
    note.refresh_from_db()
    assert (note.priority, note.addressee_label) == ("high", "Ministry of Labour")
    services.recommendation_update(note=note, user=cast.reviewer, priority="low", addressee=None)
    note.refresh_from_db()
    assert note.addressee_label == "The national coordinator"


def test_it_refuses_an_addressee_of_another_plan(cast, framework):
    _, review = reviewed_plan(cast, framework, recommendations=1)
    foreign = StakeholderFactory(plan=PlanFactory())
    with pytest.raises(ValidationError, match="body of this plan"):
        services.recommendation_update(
            note=review.notes.get(), user=cast.reviewer, priority="high", addressee=foreign
        )


def test_a_final_review_keeps_priority_and_addressee(world, cast):
    with pytest.raises(ValidationError, match="final"):
        services.recommendation_update(
            note=world.by_hand, user=cast.reviewer, priority="low", addressee=None
        )


def test_it_links_an_element_once(world, cast):
    goal = world.element("goal")
    for _ in range(2):
        follow_up_services.recommendation_link(
            plan=world.plan,
            recommendation=world.by_hand,
            element_type="goal",
            element=goal,
            user=cast.coordinator,
        )
    assert RecommendationLink.objects.filter(recommendation=world.by_hand).count() == 1


def test_it_refuses_a_recommendation_of_another_plans_review(world, cast, framework):
    _, other_review = reviewed_plan(cast, framework, recommendations=1)
    foreign = other_review.notes.get()
    with pytest.raises(ValidationError, match="final review of the plan this plan follows"):
        follow_up_services.recommendation_link(
            plan=world.plan,
            recommendation=foreign,
            element_type="goal",
            element=world.element("goal"),
            user=cast.coordinator,
        )
    assert not RecommendationLink.objects.exists()


def test_it_refuses_an_element_of_another_plan(world, cast):
    with pytest.raises(ValidationError, match="another plan"):
        follow_up_services.recommendation_link(
            plan=world.plan,
            recommendation=world.by_hand,
            element_type="chapter",
            element=ChapterFactory(plan=world.previous),
            user=cast.coordinator,
        )


def test_a_plan_that_follows_no_reviewed_plan_follows_nothing_up(world, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    with pytest.raises(ValidationError, match="follows no plan"):
        follow_up_services.recommendation_confirm(
            plan=plan, recommendation=world.by_hand, status="addressed", user=cast.coordinator
        )


def test_a_confirmation_records_who_and_when_and_can_be_taken_back(world, cast):
    confirmed = follow_up_services.recommendation_confirm(
        plan=world.plan, recommendation=world.by_hand, status="partly", user=cast.coordinator
    )
    assert confirmed.status == FollowUpStatus.PARTLY
    assert confirmed.confirmed_by == cast.coordinator and confirmed.confirmed_at
    again = follow_up_services.recommendation_confirm(
        plan=world.plan, recommendation=world.by_hand, status="addressed", user=cast.coordinator
    )
    assert again.pk == confirmed.pk and again.status == "addressed"
    follow_up_services.recommendation_confirm(
        plan=world.plan, recommendation=world.by_hand, status="", user=cast.coordinator
    )
    assert not world.by_hand.follow_ups.exists()
