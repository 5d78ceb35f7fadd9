from django.urls import reverse

from monitoring.models import FocalPoint, MonitoringSetup, ReportingPeriod
from monitoring.services import focal_point_add, focal_point_remove
from strategy.models import PlanMembership
from tests.factories import UserFactory


def test_it_sets_the_rhythm_and_opens_the_next_period(client, cast, monitored):
    client.force_login(cast.coordinator)
    plan = monitored.plan
    client.post(reverse("monitoring:rhythm", args=[plan.pk]), {"rhythm": "quarterly"})
    assert MonitoringSetup.objects.get(plan=plan).rhythm == "quarterly"
    client.post(reverse("monitoring:period_add", args=[plan.pk]))
    assert ReportingPeriod.objects.filter(plan=plan).order_by("-start_month")[0].label == "2020 Q1"


def test_it_refuses_an_unknown_rhythm_beside_the_field(client, cast, monitored):
    client.force_login(cast.coordinator)
    response = client.post(reverse("monitoring:rhythm", args=[monitored.plan.pk]), {"rhythm": "x"})
    assert response.status_code == 422
    assert "rhythm" in response.context["rhythm_form"].errors
    assert not MonitoringSetup.objects.exists()


def test_it_makes_a_focal_point_a_reader_of_the_plan(client, cast, monitored):
    newcomer = UserFactory(username="nina-ngo")
    client.force_login(cast.coordinator)
    url = reverse("monitoring:focal_point_add", args=[monitored.plan.pk])
    response = client.post(url, {"username": "nina-ngo", "body": monitored.body_b.pk})
    assert response.status_code == 302
    assert FocalPoint.objects.filter(user=newcomer, body=monitored.body_b).exists()
    assert PlanMembership.objects.get(plan=monitored.plan, user=newcomer).role == "reader"
    response = client.post(url, {"username": "nobody", "body": monitored.body_b.pk})
    assert response.status_code == 422
    assert "No active user has this username." in response.content.decode()


def test_it_takes_the_reading_away_with_the_last_body_only(cast, monitored):
    newcomer = UserFactory(username="nina-ngo")
    first = focal_point_add(body=monitored.body_a, user=newcomer)
    second = focal_point_add(body=monitored.body_b, user=newcomer)
    focal_point_remove(focal_point=first)
    assert PlanMembership.objects.filter(plan=monitored.plan, user=newcomer).exists()
    focal_point_remove(focal_point=FocalPoint.objects.get(pk=second.pk))
    assert not PlanMembership.objects.filter(plan=monitored.plan, user=newcomer).exists()


def test_it_leaves_a_member_who_was_one_before(cast, monitored):
    point = focal_point_add(body=monitored.body_a, user=cast.coordinator2)
    focal_point_remove(focal_point=point)
    assert PlanMembership.objects.filter(plan=monitored.plan, user=cast.coordinator2).exists()
