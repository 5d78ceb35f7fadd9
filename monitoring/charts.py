"""The monitoring dashboard's charts, drawn on the server as SVG with the plan charts'
primitives (ElementTree escapes every user string). Colours and sizes are attributes,
never style, as the pages' Content-Security-Policy forbids inline style. Each chart has a
<title> and a <desc>; the pages print the same figures as a table beside it."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from actionplan.charts import (
    LABEL_WIDTH,
    MUTED_COLOUR,
    TEXT_COLOUR,
    WIDTH,
    _rect,
    _serialise,
    _svg_root,
    _text,
    _truncate,
)
from monitoring.models import ActivityStatus

NOT_REPORTED = "not_reported"
STATUS_COLOURS = {
    ActivityStatus.COMPLETED.value: "#198754",
    ActivityStatus.ON_TRACK.value: "#0d6efd",
    ActivityStatus.NOT_STARTED.value: "#adb5bd",
    ActivityStatus.DELAYED.value: "#fd7e14",
    ActivityStatus.CANCELLED.value: "#dc3545",
    NOT_REPORTED: "#e9ecef",
}
PLANNED_COLOUR = "#6c757d"
SPENT_COLOUR = "#0d6efd"


def _figure(value: Decimal) -> str:
    """An indicator value as people write it: no trailing zeros, localised."""
    value = value.normalize()
    return number_format(value.quantize(Decimal(1)) if value == value.to_integral() else value)


def status_label(status: str) -> str:
    if status == NOT_REPORTED:
        return _("Not reported")
    return str(ActivityStatus(status).label)


def _legend(root: ET.Element, items: list[tuple[str, str]]) -> None:
    legend = ET.SubElement(root, "g", {"aria-hidden": "true"})
    x = 4.0
    for label, colour in items:
        _rect(legend, x, 6, 10, 10, fill=colour, stroke="#ced4da")
        _text(legend, x + 14, 15, label, fill=TEXT_COLOUR)
        x += 14 + 6 * len(label) + 16


def status_bars_svg(*, title: str, rows: list[tuple[str, Counter]]) -> SafeString:
    """One stacked bar per row (chapter, component or period): its activities by status."""
    bar_height, gap, legend_height = 16, 8, 26
    height = legend_height + max(len(rows), 1) * (bar_height + gap) + 8
    left, right = LABEL_WIDTH, WIDTH - 60
    largest = max((sum(c.values()) for _, c in rows), default=0)
    scale = (right - left) / largest if largest else 0.0
    summary = "; ".join(
        f"{label}: "
        + ", ".join(f"{status_label(s)} {number_format(c[s])}" for s in STATUS_COLOURS if c[s])
        for label, c in rows
    )
    root = _svg_root(WIDTH, height, title, summary or _("Nothing reported yet."))
    _legend(root, [(status_label(s), colour) for s, colour in STATUS_COLOURS.items()])
    y = float(legend_height)
    for label, counts in rows:
        row = ET.SubElement(root, "g")
        ET.SubElement(row, "title").text = f"{label}: {number_format(sum(counts.values()))}"
        _text(row, 4, y + 12, _truncate(label, 44), fill=TEXT_COLOUR)
        x = float(left)
        for status, colour in STATUS_COLOURS.items():
            width = counts[status] * scale
            if width > 0:
                _rect(row, x, y, width, bar_height, fill=colour)
                x += width
        _text(row, x + 4, y + 12, number_format(sum(counts.values())), fill=TEXT_COLOUR)
        y += bar_height + gap
    if not rows:
        _text(root, 4, legend_height + 12, _("Nothing reported yet."), fill=MUTED_COLOUR)
    return _serialise(root)


def budget_spent_svg(*, currency: str, rows: list[tuple[str, Decimal, Decimal]]) -> SafeString:
    """Per funding source two bars, planned and spent, of one currency only."""
    bar_height, gap, legend_height = 10, 10, 26
    height = legend_height + max(len(rows), 1) * (2 * bar_height + gap) + 8
    left, right = LABEL_WIDTH, WIDTH - 110
    largest = max((max(p, s) for _, p, s in rows), default=Decimal(0))
    scale = (right - left) / float(largest) if largest else 0.0
    title = _("Budget planned and spent by funding source (%(currency)s)") % {"currency": currency}
    summary = "; ".join(
        _("%(source)s: planned %(planned)s, spent %(spent)s")
        % {
            "source": label,
            "planned": number_format(planned, 2, force_grouping=True),
            "spent": number_format(spent, 2, force_grouping=True),
        }
        for label, planned, spent in rows
    )
    root = _svg_root(WIDTH, height, title, summary or _("No budget."))
    _legend(root, [(_("Planned"), PLANNED_COLOUR), (_("Spent"), SPENT_COLOUR)])
    y = float(legend_height)
    for label, planned, spent in rows:
        row = ET.SubElement(root, "g")
        _text(row, 4, y + 14, _truncate(label, 44), fill=TEXT_COLOUR)
        for amount, colour, offset in (
            (planned, PLANNED_COLOUR, 0),
            (spent, SPENT_COLOUR, bar_height),
        ):
            width = float(amount) * scale
            _rect(row, left, y + offset, width, bar_height - 1, fill=colour)
            _text(
                row,
                left + width + 4,
                y + offset + 8,
                f"{number_format(amount, 2, force_grouping=True)} {currency}",
                fill=TEXT_COLOUR,
                **{"font-size": "8"},
            )
        y += 2 * bar_height + gap
    return _serialise(root)


def indicator_svg(
    *,
    title: str,
    baseline: Decimal | None,
    target: Decimal | None,
    values: list[tuple[str, Decimal | None]],
) -> SafeString:
    """One indicator: a column per period with the value reached, between a baseline line
    and a target line."""
    height, top, bottom = 150, 24, 126
    left, right = 60, WIDTH - 20
    known = [v for _, v in values if v is not None] + [
        v for v in (baseline, target) if v is not None
    ]
    highest = max(known, default=Decimal(0))
    scale = (bottom - top) / float(highest) if highest > 0 else 0.0
    parts = [_("baseline %s") % _figure(baseline)] if baseline is not None else []
    parts += [_("target %s") % _figure(target)] if target is not None else []
    parts += [f"{label}: {_figure(v) if v is not None else _('no value')}" for label, v in values]
    root = _svg_root(WIDTH, height, title, "; ".join(parts))
    ET.SubElement(
        root,
        "line",
        {
            "x1": str(left),
            "x2": str(right),
            "y1": str(bottom),
            "y2": str(bottom),
            "stroke": MUTED_COLOUR,
        },
    )
    step = (right - left) / max(len(values), 1)
    for index, (label, value) in enumerate(values):
        x = left + index * step + step * 0.25
        if value is not None:
            h = float(max(value, Decimal(0))) * scale
            _rect(root, x, bottom - h, step * 0.5, h, fill=SPENT_COLOUR)
            _text(root, x, bottom - h - 3, _figure(value), fill=TEXT_COLOUR)
        _text(root, x, bottom + 14, _truncate(label, 16), fill=TEXT_COLOUR)
    for value, label, colour in (
        (baseline, _("Baseline"), MUTED_COLOUR),
        (target, _("Target"), "#198754"),
    ):
        if value is None:
            continue
        y = bottom - float(value) * scale
        ET.SubElement(
            root,
            "line",
            {
                "x1": str(left),
                "x2": str(right),
                "y1": f"{y:.1f}",
                "y2": f"{y:.1f}",
                "stroke": colour,
                "stroke-dasharray": "4 3",
            },
        )
        _text(root, 4, y + 3, label, fill=colour)
    return _serialise(root)
