"""Coverage charts of a review as server-side SVG: horizontal bars per component and per
area. The same markup goes into the report page and the PDF (WeasyPrint draws inline SVG).

Built with ElementTree, so every label (titles come from the standards catalogue, which
admins edit) is escaped by the serialiser; no markup can reach the page through a chart.
"""

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

WIDTH = 760
LABEL_WIDTH = 280
VALUE_WIDTH = 190
BAR_HEIGHT = 14
ROW_HEIGHT = 20
GROUP_HEIGHT = 22
TOP = 8
FONT = "'NAP Sans', 'DejaVu Sans', sans-serif"
TRACK = "#e9ecef"
TEXT = "#212529"
MUTED = "#555555"


@dataclass(frozen=True)
class Bar:
    """One bar: `share` is 0..1 of the full width; `value_label` says it in words."""

    label: str
    share: float
    value_label: str
    colour: str


@dataclass(frozen=True)
class BarGroup:
    title: str
    bars: Sequence[Bar]


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _text(parent: ET.Element, x: float, y: float, content: str, **attrs: str) -> None:
    element = ET.SubElement(parent, "text", {"x": f"{x:.1f}", "y": f"{y:.1f}", **attrs})
    element.text = str(content)  # a choice label may be lazy


def bar_chart_svg(*, title: str, description: str, groups: Sequence[BarGroup]) -> SafeString:
    """Horizontal bars, optionally in titled groups (a group with an empty title draws no
    heading row). `description` is the text alternative read with the chart."""
    headed = sum(1 for g in groups if g.title)
    rows = sum(len(g.bars) for g in groups)
    height = TOP * 2 + headed * GROUP_HEIGHT + max(rows, 1) * ROW_HEIGHT
    root = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "viewBox": f"0 0 {WIDTH} {height}",
            "width": str(WIDTH),
            "height": str(height),
            "role": "img",
            "aria-label": title,
            "font-family": FONT,
            "font-size": "10",
        },
    )
    ET.SubElement(root, "title").text = title
    ET.SubElement(root, "desc").text = description
    track_left, track_width = LABEL_WIDTH, WIDTH - LABEL_WIDTH - VALUE_WIDTH
    y = TOP
    for group in groups:
        if group.title:
            _text(root, 0, y + 15, _shorten(group.title, 70), fill=TEXT, **{"font-weight": "bold"})
            y += GROUP_HEIGHT
        for bar in group.bars:
            middle = y + ROW_HEIGHT / 2 + 3.5
            _text(root, 8, middle, _shorten(bar.label, 50), fill=TEXT)
            top = f"{y + (ROW_HEIGHT - BAR_HEIGHT) / 2:.1f}"
            ET.SubElement(
                root,
                "rect",
                {"x": str(track_left), "y": top, "width": str(track_width)}
                | {"height": str(BAR_HEIGHT), "fill": TRACK},
            )
            share = min(max(bar.share, 0.0), 1.0)
            if share:
                ET.SubElement(
                    root,
                    "rect",
                    {"x": str(track_left), "y": top, "width": f"{track_width * share:.1f}"}
                    | {"height": str(BAR_HEIGHT), "fill": bar.colour},
                )
            _text(root, track_left + track_width + 6, middle, bar.value_label, fill=MUTED)
            y += ROW_HEIGHT
    # Safe to mark: ElementTree escaped every text node and attribute it wrote.
    return mark_safe(ET.tostring(root, encoding="unicode"))  # noqa: S308


# --- the report's coverage charts ------------------------------------------------------

LEVEL_SHARES = {"not_covered": 0.0, "mentioned": 1 / 3, "concrete": 2 / 3, "complete": 1.0}
LEVEL_COLOURS = {
    "not_covered": "#dc3545",
    "mentioned": "#fd7e14",
    "concrete": "#0d6efd",
    "complete": "#198754",
}


def _score_colour(score: int) -> str:
    if score >= 67:
        return LEVEL_COLOURS["complete"]
    if score >= 34:
        return LEVEL_COLOURS["concrete"]
    return LEVEL_COLOURS["mentioned"] if score else LEVEL_COLOURS["not_covered"]


def coverage_charts(parts) -> dict[str, SafeString]:
    """Coverage per component (score 0–100) and per area (its level), for the components
    of a report (`assessment.selectors.ComponentPart`)."""
    by_component = bar_chart_svg(
        title=_("Coverage per component"),
        description=(
            _("Score of each component from 0 to 100 (the formula is in the report).")
            + " "
            + "; ".join(f"{p.component.title}: {p.score}" for p in parts)
        ),
        groups=[
            BarGroup(
                title="",
                bars=[
                    Bar(
                        p.component.title, p.score / 100, f"{p.score} / 100", _score_colour(p.score)
                    )
                    for p in parts
                ],
            )
        ],
    )
    by_area = bar_chart_svg(
        title=_("Coverage per area"),
        description=_("Level of each area, grouped by component.")
        + " "
        + "; ".join(f"{row.code} {row.title}: {row.level_label}" for p in parts for row in p.areas),
        groups=[
            BarGroup(
                title=p.component.title,
                bars=[
                    Bar(
                        f"{row.code} {row.title}",
                        LEVEL_SHARES.get(row.level, 0.0),
                        row.level_label,
                        LEVEL_COLOURS.get(row.level, TEXT),
                    )
                    for row in p.areas
                ],
            )
            for p in parts
        ],
    )
    return {"by_component": by_component, "by_area": by_area}
