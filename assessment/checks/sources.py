"""What the plan's source did not give: a rule says nothing about a field that was never
imported.

A plan typed in from a partial source (a summary, a table whose columns were cut off)
records the fields its source does not show; a rule that would report such a field as
missing asks `field_known` first. The snapshot carries the plan-wide set as
`not_in_source` and, per element, `extra["not_in_source"]`; a plan without either knows
every field.
"""

from __future__ import annotations

from assessment.checks.registry import Context
from assessment.snapshot import Element


def field_known(ctx: Context, name: str, element: Element | None = None) -> bool:
    """Whether the plan's source shows field `name` (of `element`, or of the plan).

    Names: `text`, `lead`, `partners`, `timeframe`, `budget`, `indicators`, `outputs`
    (per activity or plan-wide), `activities` and `sections` (plan-wide)."""
    if name in getattr(ctx.snapshot, "not_in_source", ()):
        return False
    return element is None or name not in element.extra.get("not_in_source", ())


def known_activities(ctx: Context, name: str) -> list[Element]:
    """The activities whose source shows field `name`."""
    return [a for a in ctx.snapshot.activities if field_known(ctx, name, a)]
