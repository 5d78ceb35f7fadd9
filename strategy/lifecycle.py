"""A plan's lifecycle: the moves between its statuses, and who may make each.

    draft ──> consultation ──> adopted ──> archived
      │  <── (reason) ──┘ <── (reason) ──┘ <── (reason: reopened)
      └──────────────────────> adopted

- Going forward needs no reason; going back does, and so does reopening an archived plan:
  the history keeps it beside the move.
- An adopted plan may go back to consultation (an adoption recorded by mistake, or an
  amendment consulted on): a finished review keeps the plan document it reviewed, so
  reopening the plan does not change what a final review says.
- A draft may be adopted without a consultation (many plans are): the review engine then
  finds no consultation as evidence of civil society participation.
- There is no way back to drafting from adoption or archiving: an adopted plan's next
  version is a new plan copied from it.

Who: the plan's editors (coordinators or reviewers given the editor role on it, as
`Plan.objects.editable_by` says) and superusers, for every move, archived plans included
(editing them stays closed to everyone until they are reopened).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from strategy.models import Plan, PlanStatus

EDITORS = "editors"  # the plan's editors and superusers


@dataclass(frozen=True)
class StatusMove:
    source: str
    to: str
    label: Promise  # the button's text
    reason_required: bool
    who: str = EDITORS


_S = PlanStatus
# fmt: off
STATUS_MOVES: dict[tuple[str, str], StatusMove] = {
    (m.source, m.to): m
    for m in (
        StatusMove(_S.DRAFT,        _S.CONSULTATION, _("Open for consultation"),    False),
        StatusMove(_S.DRAFT,        _S.ADOPTED,      _("Mark as adopted"),          False),
        StatusMove(_S.CONSULTATION, _S.DRAFT,        _("Back to drafting"),         True),
        StatusMove(_S.CONSULTATION, _S.ADOPTED,      _("Mark as adopted"),          False),
        StatusMove(_S.ADOPTED,      _S.CONSULTATION, _("Reopen for consultation"),  True),
        StatusMove(_S.ADOPTED,      _S.ARCHIVED,     _("Archive"),                  False),
        StatusMove(_S.ARCHIVED,     _S.ADOPTED,      _("Reopen the archived plan"), True),
    )
}
# fmt: on


def may_steer(user, plan: Plan) -> bool:
    """Whether `user` may move `plan` in its lifecycle at all (one query)."""
    return Plan.objects.steered_by(user).filter(pk=plan.pk).exists()


def moves_from(status: str) -> list[StatusMove]:
    return [move for (source, _to), move in STATUS_MOVES.items() if source == status]
