import pytest
from django.core.exceptions import ValidationError

from actionplan.models import Activity
from actionplan.services import activity_save, element_delete, element_move, element_save
from tests.factories import ActivityFactory, ChapterFactory, PlanFactory, StakeholderFactory

pytestmark = pytest.mark.django_db


def test_element_save_puts_a_new_element_after_its_siblings():
    plan = PlanFactory()
    ChapterFactory(plan=plan, order=7)
    chapter = ChapterFactory.build(plan=plan, title="New")
    element_save(element=chapter, siblings=plan.chapters.all())
    assert chapter.order == 8


def test_element_save_validates_before_writing():
    plan = PlanFactory(period_start=2019, period_end=2023)
    activity = ActivityFactory.build(
        plan=plan, objective=ActivityFactory(plan=plan).objective, start_month=None
    )
    with pytest.raises(ValidationError):
        element_save(element=activity)
    assert Activity.objects.count() == 1


def test_activity_save_hands_the_lead_to_a_former_partner():
    activity = ActivityFactory()
    first, second, third = StakeholderFactory.create_batch(3, plan=activity.plan)
    activity_save(activity=activity, lead=first, partners=[second, third])
    activity_save(activity=activity, lead=second, partners=[first])
    duties = {(r.stakeholder, r.role) for r in activity.responsibilities.all()}
    assert duties == {(second, "lead"), (first, "partner")}


def test_activity_save_refuses_a_lead_that_is_also_a_partner():
    activity = ActivityFactory()
    body = StakeholderFactory(plan=activity.plan)
    with pytest.raises(ValidationError):
        activity_save(activity=activity, lead=body, partners=[body])
    assert not activity.responsibilities.exists()


def test_activity_save_refuses_a_body_of_another_plan_and_writes_nothing():
    activity = ActivityFactory(title="Before")
    foreign = StakeholderFactory()
    activity.title = "After"
    with pytest.raises(ValidationError):
        activity_save(activity=activity, lead=foreign, partners=[])
    activity.refresh_from_db()
    assert activity.title == "Before"
    assert not activity.responsibilities.exists()


def test_element_move_renumbers_the_siblings_without_gaps():
    plan = PlanFactory()
    chapters = [ChapterFactory(plan=plan, order=n, code=str(n)) for n in (3, 10, 42)]
    assert element_move(element=chapters[2], siblings=plan.chapters.all(), direction="up")
    ordered = list(plan.chapters.order_by("order").values_list("code", "order"))
    assert ordered == [("3", 0), ("42", 1), ("10", 2)]
    assert not element_move(element=chapters[0], siblings=plan.chapters.all(), direction="up")


def test_element_delete_removes_the_element():
    activity = ActivityFactory()
    element_delete(element=activity)
    assert not Activity.objects.exists()
