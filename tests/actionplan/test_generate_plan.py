from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from strategy.models import Plan, PlanMembership

pytestmark = pytest.mark.django_db


def test_it_prints_the_new_plan_id_alone_on_the_last_line():
    out = StringIO()
    call_command("generate_plan", "--activities", "12", "--seed", "4", stdout=out)
    last = out.getvalue().strip().splitlines()[-1]
    plan = Plan.objects.get(pk=int(last))
    assert plan.activities.count() == 12


def test_it_makes_the_named_users_editors(cast):
    out = StringIO()
    call_command(
        "generate_plan", "--activities", "3", "--editor", cast.coordinator.username, stdout=out
    )
    plan = Plan.objects.get(pk=int(out.getvalue().split()[-1]))
    membership = PlanMembership.objects.get(plan=plan)
    assert (membership.user, membership.role) == (cast.coordinator, "editor")


def test_it_refuses_an_unknown_editor_without_creating_a_plan():
    with pytest.raises(CommandError, match="nobody-here"):
        call_command("generate_plan", "--activities", "3", "--editor", "nobody-here")
    assert not Plan.objects.exists()


def test_it_refuses_zero_activities():
    with pytest.raises(CommandError):
        call_command("generate_plan", "--activities", "0")


def test_it_generates_a_draft_unless_told_where_the_plan_stands():
    call_command("generate_plan", "--activities", "3", stdout=StringIO())
    call_command(
        "generate_plan",
        "--activities",
        "3",
        "--seed",
        "2",
        "--status",
        "adopted",
        stdout=StringIO(),
    )
    assert sorted(Plan.objects.values_list("status", flat=True)) == ["adopted", "draft"]


def test_skip_existing_generates_a_size_and_seed_once_and_prints_its_id_again():
    first, again = StringIO(), StringIO()
    call_command("generate_plan", "--activities", "4", "--seed", "3", stdout=first)
    call_command(
        "generate_plan", "--activities", "4", "--seed", "3", "--skip-existing", stdout=again
    )
    assert Plan.objects.count() == 1
    assert again.getvalue().split()[-1] == first.getvalue().split()[-1]
    assert "nothing generated" in again.getvalue()


def test_it_refuses_a_status_a_plan_cannot_have():
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("generate_plan", "--activities", "3", "--status", "approved")
    assert not Plan.objects.exists()
