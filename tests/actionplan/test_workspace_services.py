import pytest
from django.core.exceptions import ValidationError

from actionplan.services import activity_save
from tests.factories import ActivityFactory, StakeholderFactory

pytestmark = pytest.mark.django_db


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
