"""What the plan's source did not give: a rule says nothing about a field that was never
imported.

A plan typed in from a partial source (a summary, a table whose columns were cut off)
records the fields its source does not show; a rule that would report such a field as
missing asks `field_known` first (the snapshot's `source_lacks`, read from the plan's and
each activity's `not_in_source`).
"""

from __future__ import annotations

from assessment.checks.registry import Context
from assessment.snapshot import Element


def field_known(ctx: Context, name: str, element: Element | None = None) -> bool:
    """Whether the plan's source shows field `name` (of `element`, or of the plan).

    Names: `text`, `lead`, `partners`, `timeframe`, `budget`, `indicators`, `outputs`
    (per activity or plan-wide), `activities` and `sections` (plan-wide)."""
    return not ctx.snapshot.source_lacks(name, element)


def known_activities(ctx: Context, name: str) -> list[Element]:
    """The activities whose source shows field `name`."""
    return [a for a in ctx.snapshot.activities if field_known(ctx, name, a)]
