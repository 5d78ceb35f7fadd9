"""A plan's lifecycle: every move the table allows, by whom, with its reason, in the
history; every other move refused and nothing written."""

import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from strategy.history_models import PlanEvent
from strategy.lifecycle import STATUS_MOVES
from strategy.models import PlanMembership, PlanStatus
from strategy.services import plan_status_change
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db

MOVES = list(STATUS_MOVES.values())
REFUSED_MOVES = [
    (source, to)
    for source, to in itertools.permutations(PlanStatus.values, 2)
    if (source, to) not in STATUS_MOVES
]


def _url(plan, name="strategy:plan_status_change"):
    return reverse(name, args=[plan.pk])


def _plan(cast, status):
    plan = PlanFactory(status=status, editors=[cast.coordinator])
    for user, role in (
        (cast.coordinator2, PlanMembership.Role.READER),
        (cast.consultee, PlanMembership.Role.CONSULTEE),
    ):
        PlanMembership.objects.create(plan=plan, user=user, role=role)
    return plan


@pytest.mark.parametrize("move", MOVES, ids=lambda m: f"{m.source}-{m.to}")
def test_it_makes_each_allowed_move_as_an_event_of_the_history(client, cast, move):
    plan = _plan(cast, move.source)
    client.force_login(cast.coordinator)
    reason = "Comments came in late." if move.reason_required else ""
    response = client.post(_url(plan), {"to": move.to, "reason": reason}, follow=True)
    plan.refresh_from_db()
    assert plan.status == move.to
    event = PlanEvent.objects.get(plan=plan, kind=PlanEvent.Kind.STATUS)
    assert (event.history_user, event.status_from, event.status_to, event.reason) == (
        cast.coordinator,
        move.source,
        move.to,
        reason,
    )
    assert "went from" in response.content.decode()
    # The plan's own historical row belongs to the move, so the history shows one line.
    assert plan.history.latest().history_event == event


@pytest.mark.parametrize("move", MOVES, ids=lambda m: f"{m.source}-{m.to}")
def test_a_superuser_may_make_each_move(cast, move):
    plan = PlanFactory(status=move.source)
    plan_status_change(plan=plan, user=cast.superuser, to=move.to, reason="Checked.")
    plan.refresh_from_db()
    assert plan.status == move.to


@pytest.mark.parametrize(("source", "to"), REFUSED_MOVES)
def test_it_refuses_every_move_the_table_does_not_have(cast, source, to):
    plan = _plan(cast, source)
    with pytest.raises(ValidationError):
        plan_status_change(plan=plan, user=cast.coordinator, to=to, reason="Because.")
    plan.refresh_from_db()
    assert plan.status == source
    assert not PlanEvent.objects.filter(plan=plan).exists()


@pytest.mark.parametrize("move", [m for m in MOVES if m.reason_required])
def test_a_move_back_needs_a_reason(client, cast, move):
    plan = _plan(cast, move.source)
    client.force_login(cast.coordinator)
    response = client.post(_url(plan), {"to": move.to, "reason": "  "}, follow=True)
    assert "Say why the plan goes back." in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == move.source
    assert not PlanEvent.objects.filter(plan=plan).exists()


@pytest.mark.parametrize("who", ["coordinator2", "consultee", "reviewer", "outsider"])
@pytest.mark.parametrize("move", MOVES, ids=lambda m: f"{m.source}-{m.to}")
def test_only_the_plans_editors_may_move_it(cast, who, move):
    plan = _plan(cast, move.source)
    with pytest.raises(PermissionDenied):
        plan_status_change(plan=plan, user=getattr(cast, who), to=move.to, reason="Because.")
    plan.refresh_from_db()
    assert plan.status == move.source
    assert not PlanEvent.objects.filter(plan=plan).exists()


def test_an_editor_without_a_coordinators_role_may_not_move_it(cast):
    plan = PlanFactory(status=PlanStatus.DRAFT, editors=[cast.outsider])
    with pytest.raises(PermissionDenied):
        plan_status_change(plan=plan, user=cast.outsider, to=PlanStatus.CONSULTATION)


def test_a_move_from_a_status_changed_meanwhile_is_refused(cast):
    plan = _plan(cast, PlanStatus.DRAFT)
    stale = type(plan).objects.get(pk=plan.pk)
    plan_status_change(plan=plan, user=cast.coordinator, to=PlanStatus.CONSULTATION)
    with pytest.raises(ValidationError):
        plan_status_change(plan=stale, user=cast.coordinator, to=PlanStatus.ADOPTED)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONSULTATION


def test_the_details_page_offers_the_moves_the_user_may_make(client, cast):
    plan = _plan(cast, PlanStatus.CONSULTATION)
    client.force_login(cast.coordinator)
    html = client.get(_url(plan, "strategy:plan_details")).content.decode()
    assert 'data-testid="status-move-draft"' in html
    assert 'data-testid="status-move-adopted"' in html
    assert 'data-testid="status-move-archived"' not in html
    assert 'name="status"' not in html  # the details form no longer sets it
    for who in (cast.coordinator2, cast.consultee, cast.reviewer):
        client.force_login(who)
        html = client.get(_url(plan, "strategy:plan_details")).content.decode()
        assert 'data-testid="status-move' not in html


def test_an_archived_plan_is_read_only_for_everyone_until_reopened(client, cast):
    plan = _plan(cast, PlanStatus.ARCHIVED)
    details = _url(plan, "strategy:plan_details")
    data = {"country": plan.country, "title": "Changed", "period_start": plan.period_start}
    for who in (cast.coordinator, cast.superuser):
        client.force_login(who)
        assert client.post(details, data).status_code == 403
        html = client.get(details).content.decode()
        assert 'data-testid="plan-details-form"' not in html
        assert 'data-testid="status-move-adopted"' in html
    client.force_login(cast.coordinator)
    client.post(_url(plan), {"to": PlanStatus.ADOPTED, "reason": "An amendment is due."})
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ADOPTED
    assert 'data-testid="plan-details-form"' in client.get(details).content.decode()


def test_restoring_an_earlier_version_of_the_plan_keeps_its_status(client, cast):
    plan = _plan(cast, PlanStatus.DRAFT)
    plan.save()  # a first record, in draft
    plan_status_change(plan=plan, user=cast.coordinator, to=PlanStatus.CONSULTATION)
    record = plan.history.filter(status=PlanStatus.DRAFT).latest()
    client.force_login(cast.coordinator)
    url = reverse("actionplan:version_restore", args=[plan.pk, "plan", record.history_id])
    client.post(url)
    plan.refresh_from_db()
    assert plan.status == PlanStatus.CONSULTATION
