"""Server-side SVG charts of a plan: the timeline (Gantt) and the budget by funding source.

Charts are built with ElementTree, so every user string (titles, donor names) is escaped
by the serialiser and no markup from a plan can reach the page. The same markup is meant
for the browser and for an A4 PDF page (WeasyPrint renders inline SVG): the drawing has
a fixed viewBox and scales to the width of its container. PDFs print the timeline as a
table instead (`timeline_table`), as WeasyPrint lays SVG text out glyph by glyph.
"""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SVG_NS = "http://www.w3.org/2000/svg"

# A4 portrait minus 2 cm margins is ~170 mm wide; 760 user units keep 9 px text legible
# there and at browser widths.
WIDTH = 760
PRINT_WIDTH_MM = 170
LABEL_WIDTH = 250
RIGHT_MARGIN = 12
AXIS_HEIGHT = 38
ROW_HEIGHT = 18
GROUP_HEIGHT = 22
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

BAR_COLOUR = "#0d6efd"
WHOLE_PERIOD_COLOUR = "#6c757d"
GRID_COLOUR = "#dee2e6"
GROUP_BAND = "#f1f3f5"
TEXT_COLOUR = "#212529"
MUTED_COLOUR = "#6c757d"

STATUS_COLOURS = {
    "secured": "#198754",
    "pledged": "#ffc107",
    "unfunded": "#dc3545",
}
STATUS_LABELS = {
    "secured": gettext_lazy("Secured"),
    "pledged": gettext_lazy("Pledged"),
    "unfunded": gettext_lazy("Unfunded"),
}


class Scheduled(Protocol):
    """What the timeline needs of an activity."""

    code: str
    title: str
    start_month: datetime.date | None
    end_month: datetime.date | None


@dataclass(frozen=True)
class TimelineGroup:
    """One chapter of the timeline and its activities, in plan order."""

    title: str
    activities: Sequence[Scheduled]


def _label(activity: Scheduled, limit: int = 44) -> str:
    text = f"{activity.code} {activity.title}".strip() if activity.code else activity.title
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _svg_root(width: int, height: int, title: str, description: str) -> ET.Element:
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"0 0 {width} {height}",
            # The width of an A4 portrait page's text with 2 cm margins, so a PDF needs
            # no extra CSS; pages scale it with CSS (width: 100%).
            "width": f"{PRINT_WIDTH_MM}mm",
            "height": f"{PRINT_WIDTH_MM * height / width:.1f}mm",
            "role": "img",
            "aria-label": title,
            "font-family": FONT,
            "font-size": "9",
            "preserveAspectRatio": "xMinYMin meet",
        },
    )
    # No ids: several charts share a page, so the accessible name is aria-label and the
    # <title>/<desc> pair, which screen readers and PDF tagging both read.
    ET.SubElement(root, "title").text = title
    ET.SubElement(root, "desc").text = description
    return root


def _text(parent: ET.Element, x: float, y: float, content: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, "text", {"x": f"{x:.1f}", "y": f"{y:.1f}", **attrs})
    element.text = str(content)  # a choice label may be lazy
    return element


def _rect(parent: ET.Element, x: float, y: float, w: float, h: float, **attrs: str):
    return ET.SubElement(
        parent,
        "rect",
        {"x": f"{x:.1f}", "y": f"{y:.1f}", "width": f"{max(w, 0):.1f}", "height": f"{h:.1f}"}
        | attrs,
    )


def _serialise(root: ET.Element) -> SafeString:
    # Safe to mark: ElementTree escaped every text node and attribute value it wrote, so
    # the user strings inside are inert.
    return mark_safe(ET.tostring(root, encoding="unicode", short_empty_elements=True))  # noqa: S308


# --- timeline ---------------------------------------------------------------------------


def _month_index(day: datetime.date, first_year: int) -> int:
    return (day.year - first_year) * 12 + day.month - 1


def _month_label(day: datetime.date | None) -> str:
    return date_format(day, "M Y") if day else ""


def timeline_description(period_start: int, period_end: int, groups: Sequence[TimelineGroup]):
    scheduled = sum(1 for g in groups for a in g.activities if a.start_month and a.end_month)
    total = sum(len(g.activities) for g in groups)
    return _(
        "Gantt chart of %(total)s activities in %(chapters)s chapters over the plan period "
        "%(start)s–%(end)s; %(unscheduled)s have no timeframe. "
        "Each bar runs from the activity's first to its last month."
    ) % {
        "total": total,
        "chapters": len(groups),
        "start": period_start,
        "end": period_end,
        "unscheduled": total - scheduled,
    }


def timeline_svg(
    *,
    period_start: int,
    period_end: int,
    groups: Sequence[TimelineGroup],
    title: str | None = None,
) -> SafeString:
    """A Gantt chart of the activities by chapter over the plan period (years, quarters)."""
    months = max((period_end - period_start + 1) * 12, 12)
    rows = sum(GROUP_HEIGHT + ROW_HEIGHT * max(len(g.activities), 1) for g in groups)
    height = AXIS_HEIGHT + max(rows, ROW_HEIGHT) + 6
    chart_left, chart_right = LABEL_WIDTH, WIDTH - RIGHT_MARGIN
    per_month = (chart_right - chart_left) / months

    root = _svg_root(
        WIDTH,
        height,
        title or _("Timeline of activities"),
        timeline_description(period_start, period_end, groups),
    )
    _draw_axis(root, period_start, months, per_month, height)
    y = float(AXIS_HEIGHT)
    for group in groups:
        _rect(root, 0, y, WIDTH, GROUP_HEIGHT, fill=GROUP_BAND)
        heading = _text(root, 4, y + 15, _truncate(group.title, 110), fill=TEXT_COLOUR)
        heading.set("font-weight", "bold")
        heading.set("font-size", "10")
        y += GROUP_HEIGHT
        if not group.activities:
            italic = {"font-style": "italic"}
            _text(root, 12, y + 12, _("No activities"), fill=MUTED_COLOUR, **italic)
            y += ROW_HEIGHT
        for activity in group.activities:
            _draw_activity(root, activity, y, period_start, months, per_month)
            y += ROW_HEIGHT
    if not groups:
        _text(root, 4, AXIS_HEIGHT + 12, _("The plan has no activities yet."), fill=MUTED_COLOUR)
    return _serialise(root)


def _truncate(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _draw_axis(root: ET.Element, first_year: int, months: int, per_month: float, height: int):
    axis = ET.SubElement(root, "g", {"aria-hidden": "true"})
    for month in range(0, months + 1, 3):
        x = LABEL_WIDTH + month * per_month
        is_year = month % 12 == 0
        ET.SubElement(
            axis,
            "line",
            {
                "x1": f"{x:.1f}",
                "x2": f"{x:.1f}",
                "y1": "20" if is_year else "28",
                "y2": str(height - 4),
                "stroke": "#adb5bd" if is_year else GRID_COLOUR,
                "stroke-width": "1" if is_year else "0.5",
            },
        )
        if month < months:
            year = first_year + month // 12
            if is_year:
                _text(axis, x + 3, 15, str(year), fill=TEXT_COLOUR, **{"font-weight": "bold"})
            _text(
                axis, x + 2, 34, f"Q{month % 12 // 3 + 1}", fill=MUTED_COLOUR, **{"font-size": "7"}
            )


def _draw_activity(root, activity: Scheduled, y: float, first_year: int, months, per_month):
    row = ET.SubElement(root, "g")
    start, end = activity.start_month, activity.end_month
    when = f"{_month_label(start)} – {_month_label(end)}" if start and end else _("no timeframe")
    full = " ".join(f"{activity.code} {activity.title}".split())
    ET.SubElement(row, "title").text = f"{full}: {when}"
    _text(row, 12, y + 12, _label(activity), fill=TEXT_COLOUR)
    if not (start and end):
        _text(
            row,
            LABEL_WIDTH + 4,
            y + 12,
            _("no timeframe"),
            fill=MUTED_COLOUR,
            **{"font-style": "italic"},
        )
        return
    first = max(_month_index(start, first_year), 0)
    last = min(_month_index(end, first_year), months - 1)
    if last < first:  # entirely outside the period: show nothing misleading
        _text(row, LABEL_WIDTH + 4, y + 12, _("outside the plan period"), fill=MUTED_COLOUR)
        return
    whole = first == 0 and last == months - 1
    _rect(
        row,
        LABEL_WIDTH + first * per_month,
        y + 4,
        (last - first + 1) * per_month,
        ROW_HEIGHT - 8,
        fill=WHOLE_PERIOD_COLOUR if whole else BAR_COLOUR,
        rx="2",
    )


# --- budget -----------------------------------------------------------------------------


def format_amount(amount: Decimal) -> str:
    return f"{amount:,.0f}".replace(",", "\u202f")


def budget_svg(
    *,
    currency: str,
    rows: Iterable[tuple[str, Mapping[str, Decimal]]],
    title: str | None = None,
) -> SafeString:
    """Stacked horizontal bars, one per funding source (or chapter), split by status
    (secured, pledged, unfunded). Amounts of one currency only: currencies are never
    added together."""
    rows = [(label, dict(amounts)) for label, amounts in rows]
    default_title = _("Budget by funding source and status (%(currency)s)")
    title = title or default_title % {"currency": currency}
    bar_height, gap, legend_height = 16, 8, 26
    height = legend_height + max(len(rows), 1) * (bar_height + gap) + 8
    chart_left, chart_right = LABEL_WIDTH, WIDTH - 90
    largest = max((sum(a.values(), Decimal(0)) for _label, a in rows), default=Decimal(0))
    scale = (chart_right - chart_left) / float(largest) if largest else 0.0

    summary = "; ".join(
        f"{label}: "
        + ", ".join(
            f"{STATUS_LABELS[s].lower()} {format_amount(a.get(s, Decimal(0)))}"
            for s in STATUS_COLOURS
        )
        for label, a in rows
    )
    description = _("Amounts in %(currency)s.") % {"currency": currency}
    root = _svg_root(WIDTH, height, title, f"{description} {summary or _('No budget.')}")
    _draw_legend(root)
    y = float(legend_height)
    for label, amounts in rows:
        row = ET.SubElement(root, "g")
        total = sum(amounts.values(), Decimal(0))
        ET.SubElement(row, "title").text = f"{label}: {format_amount(total)} {currency}"
        _text(row, 4, y + 12, _truncate(label, 44), fill=TEXT_COLOUR)
        x = float(chart_left)
        for status, colour in STATUS_COLOURS.items():
            width = float(amounts.get(status, 0)) * scale
            if width > 0:
                _rect(row, x, y, width, bar_height, fill=colour)
                x += width
        _text(row, x + 4, y + 12, f"{format_amount(total)} {currency}", fill=TEXT_COLOUR)
        y += bar_height + gap
    if not rows:
        _text(root, 4, legend_height + 12, _("No budget lines yet."), fill=MUTED_COLOUR)
    return _serialise(root)


def _draw_legend(root: ET.Element) -> None:
    legend = ET.SubElement(root, "g", {"aria-hidden": "true"})
    x = float(LABEL_WIDTH)
    for status, colour in STATUS_COLOURS.items():
        _rect(legend, x, 6, 10, 10, fill=colour)
        _text(legend, x + 14, 15, str(STATUS_LABELS[status]), fill=TEXT_COLOUR)
        x += 80


# --- timeline for print -----------------------------------------------------------------


@dataclass(frozen=True)
class TimelineBar:
    """One activity's row of the printed timeline; `left` and `width` are percentages of
    the plan period, written out as CSS numbers (never localised)."""

    label: str
    when: str
    left: str = ""
    width: str = ""
    whole: bool = False
    note: str = ""

    @property
    def classes(self) -> str:
        """The bar's place as classes of static/print/timeline.css (whole percentages): a
        page's Content-Security-Policy allows no style attribute."""
        if not self.width:
            return ""
        left = round(float(self.left))
        width = max(1, min(round(float(self.width)), 100 - left))
        return f"tl-l-{left} tl-w-{width}"


@dataclass(frozen=True)
class Span:
    """Anything the timeline can draw a bar for: an objective spans its activities."""

    code: str
    title: str
    start_month: datetime.date | None
    end_month: datetime.date | None


@dataclass(frozen=True)
class TimelineTable:
    """The timeline as a table for print: one column per year of the plan period, one row
    per activity with a bar across the months it runs."""

    years: list[int]
    quarters: bool
    groups: list[tuple[str, list[TimelineBar]]]


def timeline_table(
    *, period_start: int, period_end: int, groups: Sequence[TimelineGroup]
) -> TimelineTable:
    """The Gantt of `timeline_svg` as table rows. WeasyPrint lays out SVG text letter by
    letter (a text layout per glyph), so a printed timeline of hundreds of activities is
    many times cheaper as HTML text beside plain boxes than as a drawing."""
    years = list(range(period_start, max(period_end, period_start) + 1))
    months = len(years) * 12
    return TimelineTable(
        years=years,
        # Quarter labels stay legible up to eight years across a landscape page.
        quarters=len(years) <= 8,
        groups=[
            (
                _truncate(group.title, 110),
                [timeline_bar(a, first_year=period_start, months=months) for a in group.activities],
            )
            for group in groups
        ],
    )


def timeline_bar(activity: Scheduled, *, first_year: int, months: int) -> TimelineBar:
    """Where `activity` runs within a period of `months` from January of `first_year`."""
    label = _label(activity, limit=60)
    start, end = activity.start_month, activity.end_month
    if not (start and end):
        return TimelineBar(label, "", note=_("no timeframe"))
    when = f"{_month_label(start)} – {_month_label(end)}"
    first = max(_month_index(start, first_year), 0)
    last = min(_month_index(end, first_year), months - 1)
    if last < first:  # entirely outside the period: show nothing misleading
        return TimelineBar(label, when, note=_("outside the plan period"))
    return TimelineBar(
        label,
        when,
        left=f"{100 * first / months:.2f}",
        width=f"{100 * (last - first + 1) / months:.2f}",
        whole=first == 0 and last == months - 1,
    )
