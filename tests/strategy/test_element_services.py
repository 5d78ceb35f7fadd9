import pytest
from django.core.exceptions import ValidationError

from actionplan.models import Activity
from strategy.services import element_delete, element_move, element_save
from tests.factories import ActivityFactory, ChapterFactory, PlanFactory

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
