"""What changed on a user's plans since they last looked: the home page's list and the
mailed digest (send_change_digests).

A user follows the plans they edit or comment on (editor or consultee) and have opened
(a `PlanVisit`, written when they open its workspace). The tiers above count their own
changes (the history's lines, the consultation's comments) through a counter they register
here in their AppConfig.ready, as strategy may not import them. Each counter is one query
whatever the number of plans and changes: it compares each row's date with the user's
visit of its plan in a subquery.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import DateTimeField, Expression, OuterRef, Subquery, Value
from django.db.models.functions import Greatest

from strategy.models import Plan, PlanMembership, PlanVisit

# counter(*, user, plan_ids, since) -> [(plan_id, what, count)], e.g. (3, "2 activities",
# 2): `since(ref)` is the moment after which a row counts, for the plan whose id is in the
# row's column `ref` ("plan_id", "activity__plan_id").
Counter = Callable[..., list[tuple[int, str, int]]]
# (counter, whether it counts what the plan's history shows: only for its working group)
_COUNTERS: list[tuple[Counter, bool]] = []
FOLLOWING = [PlanMembership.Role.EDITOR, PlanMembership.Role.CONSULTEE]


def change_counter_register(counter: Counter, *, history: bool) -> None:
    """Count changes for the home page and the digest; `history`: they are lines of the
    plan's history, which a consultee does not see."""
    if (counter, history) not in _COUNTERS:
        _COUNTERS.append((counter, history))


@dataclass
class PlanChanges:
    plan: Plan
    seen_at: datetime
    lines: list[tuple[str, int]] = field(default_factory=list)  # (what, how many)
    in_history: bool = False  # whether the lines link to the plan's history

    @property
    def said(self) -> list[str]:
        return [what for what, _count in self.lines]

    @property
    def total(self) -> int:
        return sum(count for _what, count in self.lines)


def followed_visits(*, user) -> list[PlanVisit]:
    """The user's visits of the plans they follow and may still see, plans with them;
    `role` is the user's role on the plan."""
    visible = Plan.objects.visible_to(user).values("pk")
    role = PlanMembership.objects.filter(user=user, plan_id=OuterRef("plan_id")).values("role")
    return list(
        PlanVisit.objects.filter(user=user, plan__in=visible)
        .annotate(role=Subquery(role[:1]))
        .filter(role__in=FOLLOWING)
        .select_related("plan")
        .order_by("plan__country", "plan__title")
    )


def _since(user, after: datetime | None) -> Callable[[str], Expression]:
    def since(ref: str) -> Expression:
        seen = PlanVisit.objects.filter(user=user, plan_id=OuterRef(ref)).values("seen_at")[:1]
        seen = Subquery(seen, output_field=DateTimeField())
        if after is None:
            return seen
        return Greatest(seen, Value(after, output_field=DateTimeField()))

    return since


def plan_changes(*, user, after: datetime | None = None) -> list[PlanChanges]:
    """Per plan the user follows, what changed since their last visit (and since `after`,
    when given: a digest tells only what the last one did not), by others; plans where
    nothing did are left out. A fixed number of queries."""
    visits = followed_visits(user=user)
    if not visits:
        return []
    found = {v.plan_id: PlanChanges(plan=v.plan, seen_at=v.seen_at) for v in visits}
    working_group = [v.plan_id for v in visits if v.role != PlanMembership.Role.CONSULTEE]
    since = _since(user, after)
    for counter, history in _COUNTERS:
        plan_ids = working_group if history else list(found)
        if not plan_ids:
            continue
        for plan_id, what, count in counter(user=user, plan_ids=plan_ids, since=since):
            if count and plan_id in found:
                found[plan_id].lines.append((what, count))
                found[plan_id].in_history |= history
    return [changes for changes in found.values() if changes.lines]
