"""What changed since I looked: the home page lists, per plan a user edits or comments on,
what others changed and commented since the user last opened its workspace."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consultation.models import Comment, ElementKind
from strategy.models import ChangeDigest, PlanMembership, PlanStatus, PlanVisit
from strategy.services import element_save, plan_status_change
from tests.factories import ChapterFactory, PlanFactory

pytestmark = pytest.mark.django_db


def _plan(cast, title="NAP 2024–2027"):
    plan = PlanFactory(title=title, status=PlanStatus.CONSULTATION, editors=[cast.coordinator])
    PlanMembership.objects.create(
        plan=plan, user=cast.consultee, role=PlanMembership.Role.CONSULTEE, organisation="CSO"
    )
    return plan


def _visit(user, plan, minutes_ago=60):
    seen = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    PlanVisit.objects.update_or_create(user=user, plan=plan, defaults={"seen_at": seen})


def _changes_by_others(cast, plan, chapters=1):
    """Chapters added and renamed by someone else, and a consultee's comment."""
    for chapter in ChapterFactory.create_batch(chapters, plan=plan):
        chapter.title = "Renamed by someone else"
        element_save(element=chapter)
    Comment.objects.create(
        plan=plan, author=cast.consultee, element_kind=ElementKind.PLAN, text="Add a budget."
    )


def _home(client, user):
    client.force_login(user)
    return client.get(reverse("home"))


def test_opening_the_workspace_records_the_visit(client, cast):
    plan = _plan(cast)
    client.force_login(cast.coordinator)
    client.get(reverse("actionplan:workspace", args=[plan.pk]))
    first = PlanVisit.objects.get(user=cast.coordinator, plan=plan).seen_at
    client.get(reverse("actionplan:workspace", args=[plan.pk]))
    assert PlanVisit.objects.get(user=cast.coordinator, plan=plan).seen_at >= first


def test_it_lists_the_changes_and_comments_since_the_visit_with_a_link(client, cast):
    plan = _plan(cast)
    _visit(cast.coordinator, plan)
    _changes_by_others(cast, plan)
    response = _home(client, cast.coordinator)
    [changes] = response.context["plan_changes"]
    assert changes.plan == plan
    assert "1 comment" in changes.said
    assert any("chapters" in said for said in changes.said)
    html = response.content.decode()
    assert 'data-testid="plan-changes"' in html
    assert reverse("actionplan:plan_history", args=[plan.pk]) + "?after=" in html


def test_the_link_shows_the_history_after_the_visit_only(client, cast):
    plan = _plan(cast)
    _changes_by_others(cast, plan)
    _visit(cast.coordinator, plan, minutes_ago=0)
    client.force_login(cast.coordinator)
    after = PlanVisit.objects.get(user=cast.coordinator, plan=plan).seen_at.isoformat()
    url = reverse("actionplan:plan_history", args=[plan.pk])
    assert client.get(url).context["entries"]
    assert not client.get(url, {"after": after}).context["entries"]


def test_nothing_shows_once_the_plan_is_opened_again(client, cast):
    plan = _plan(cast)
    _visit(cast.coordinator, plan)
    _changes_by_others(cast, plan)
    client.force_login(cast.coordinator)
    client.get(reverse("actionplan:workspace", args=[plan.pk]))
    assert not _home(client, cast.coordinator).context["plan_changes"]


def test_ones_own_changes_do_not_show(client, cast):
    plan = _plan(cast)
    _visit(cast.consultee, plan)
    Comment.objects.create(
        plan=plan, author=cast.consultee, element_kind=ElementKind.PLAN, text="Mine."
    )
    assert not _home(client, cast.consultee).context["plan_changes"]


def test_a_consultee_sees_the_comments_but_not_the_history(client, cast):
    plan = _plan(cast)
    _visit(cast.consultee, plan)
    _changes_by_others(cast, plan)
    Comment.objects.create(
        plan=plan, author=cast.coordinator, element_kind=ElementKind.PLAN, text="Noted."
    )
    [changes] = _home(client, cast.consultee).context["plan_changes"]
    assert changes.said == ["1 comment"] and not changes.in_history
    plan_status_change(plan=plan, user=cast.coordinator, to=PlanStatus.ADOPTED)
    assert not _home(client, cast.consultee).context["plan_changes"]  # no longer sees it


def test_a_reader_who_neither_edits_nor_comments_is_shown_nothing(client, cast):
    plan = _plan(cast)
    PlanMembership.objects.create(plan=plan, user=cast.coordinator2, role="reader")
    _visit(cast.coordinator2, plan)
    _changes_by_others(cast, plan)
    assert not _home(client, cast.coordinator2).context["plan_changes"]


def _home_queries(client, user) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home")).status_code == 200
    return len(queries)


def test_the_home_page_costs_the_same_queries_for_more_plans_and_changes(client, cast):
    plan = _plan(cast, "First")
    _visit(cast.coordinator, plan)
    _changes_by_others(cast, plan)
    few = _home_queries(client, cast.coordinator)
    for n in range(3):
        more = _plan(cast, f"Plan {n}")
        _visit(cast.coordinator, more)
        _changes_by_others(cast, more, chapters=3)
    _changes_by_others(cast, plan, chapters=4)
    assert len(_home(client, cast.coordinator).context["plan_changes"]) == 4
    assert _home_queries(client, cast.coordinator) == few


def test_the_digest_page_saves_the_choice(client, cast):
    client.force_login(cast.coordinator)
    url = reverse("change_digest")
    assert client.get(url).status_code == 200
    assert client.post(url, {"by_email": "on"}).status_code == 302
    assert ChangeDigest.objects.get(user=cast.coordinator).by_email
    assert client.post(url, {}).status_code == 302
    assert not ChangeDigest.objects.get(user=cast.coordinator).by_email


def test_the_digest_is_mailed_once_to_those_who_asked(client, cast):
    plan = _plan(cast)
    cast.coordinator.email = "alice@example.org"
    cast.coordinator.save()
    _visit(cast.coordinator, plan)
    ChangeDigest.objects.create(
        user=cast.coordinator,
        by_email=True,
        sent_at=timezone.now() - datetime.timedelta(minutes=90),
    )
    ChangeDigest.objects.create(user=cast.consultee, by_email=False)
    _changes_by_others(cast, plan)
    call_command("send_change_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]
    body = mail.outbox[0].body
    assert plan.title in body and "1 comment" in body
    assert reverse("actionplan:plan_history", args=[plan.pk]) in body
    call_command("send_change_digests", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert len(mail.outbox) == 1  # nothing new since
