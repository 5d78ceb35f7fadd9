"""Scores from coverage levels, by a formula a reader can check by hand.

    points(level)   = not_covered 0 · mentioned 1 · concrete 2 · complete 3
    area score      = points(area level) / 3 × 100
    component score = mean of the area scores of its areas (each area weighs the same)
    principle score = points(principle level) / 3 × 100
    overall score   = mean of the component scores (each component weighs the same)

A level set by a reviewer's override replaces the computed level; the computed value stays
visible beside it. Scores are rounded half up to whole numbers only at the end (a
component score is the mean of unrounded area scores). A component with no areas scores
0 and counts in the overall mean.

`FORMULA` is this text, shown on the review page; `review_scores(review)` scores a saved
review; `scores_from_coverage()` scores an unsaved assessment (`plan_assess`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext_lazy as _

from assessment.models import CoverageLevel, Rating, Review
from standards.models import Component

POINTS = {
    CoverageLevel.NOT_COVERED: 0,
    CoverageLevel.MENTIONED: 1,
    CoverageLevel.CONCRETE: 2,
    CoverageLevel.COMPLETE: 3,
}
MAX_POINTS = 3

FORMULA = [
    (_("Points per level"), _("not covered 0 · mentioned only 1 · concrete 2 · complete 3")),
    (_("Area score"), _("points ÷ 3 × 100")),
    (_("Component score"), _("mean of its areas' scores (equal weights)")),
    (_("Principle score"), _("points ÷ 3 × 100")),
    (_("Overall score"), _("mean of the component scores (equal weights)")),
    (
        _("Overrides"),
        _("a reviewer's level replaces the computed one; rounding half up at the end"),
    ),
]


def _round(value: Decimal) -> int:
    return int(value.quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def level_score(level: str) -> Decimal:
    return Decimal(POINTS[level]) * 100 / MAX_POINTS


@dataclass
class Scores:
    overall: int
    components: dict[str, int]
    principles: dict[str, int]
    areas: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict:
        return {
            "overall": self.overall,
            "components": self.components,
            "principles": self.principles,
        }


def scores_from_levels(
    *,
    components: list[str],
    areas: list[tuple[str, str, str]],
    principles: list[tuple[str, str]],
) -> Scores:
    """`areas` are (area code, component code, level); `principles` (code, level)."""
    area_scores = {code: level_score(level) for code, _component, level in areas}
    component_scores = {}
    for component in components:
        values = [area_scores[code] for code, comp, _level in areas if comp == component]
        component_scores[component] = sum(values) / len(values) if values else Decimal(0)
    overall = (
        sum(component_scores.values()) / len(component_scores) if component_scores else Decimal(0)
    )
    return Scores(
        overall=_round(overall),
        components={code: _round(v) for code, v in component_scores.items()},
        principles={code: _round(level_score(level)) for code, level in principles},
        areas={code: _round(v) for code, v in area_scores.items()},
    )


def scores_from_coverage(*, coverage, component_codes: list[str]) -> Scores:
    """Scores of an unsaved assessment (`assessment.coverage.Coverage` list)."""
    return scores_from_levels(
        components=component_codes,
        areas=[(c.code, c.component, c.level) for c in coverage if c.kind == "area"],
        principles=[(c.code, c.level) for c in coverage if c.kind == "principle"],
    )


def review_scores(review: Review, *, computed: bool = False) -> Scores:
    """Scores of a saved review from its ratings; overrides count unless `computed`."""
    component_codes = list(
        Component.objects.filter(framework=review.framework_id)
        .order_by("order", "code")
        .values_list("code", flat=True)
    )
    areas, principles = [], []
    ratings = review.ratings.select_related("area__component").order_by(
        "kind", "area__component__order", "area__order", "principle__order", "code"
    )
    for rating in ratings:
        level = rating.computed_level if computed else rating.level
        if rating.kind == Rating.Kind.AREA:
            component = rating.area.component.code if rating.area else ""
            areas.append((rating.code, component, level))
        else:
            principles.append((rating.code, level))
    return scores_from_levels(components=component_codes, areas=areas, principles=principles)
