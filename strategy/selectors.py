"""Read-side of the strategy tier: what its pages read, each in a fixed number of queries."""

from django.db.models import QuerySet

from strategy.lifecycle import StatusMove, may_steer, moves_from
from strategy.models import Plan, Section


def home_plans(*, user) -> QuerySet[Plan]:
    """The plans `user` may see, by country and newest period first."""
    return Plan.objects.visible_to(user).order_by("country", "-period_start")


def plan_sections(*, plan: Plan) -> QuerySet[Section]:
    """The plan's narrative sections in their order, each with its component."""
    return plan.sections.select_related("component").order_by("order", "pk")


def plan_status_moves(*, plan: Plan, user) -> list[StatusMove]:
    """The lifecycle moves `user` may make on `plan` now (its details page's buttons)."""
    return moves_from(plan.status) if may_steer(user, plan) else []
