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
