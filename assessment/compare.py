"""Two review rounds compared: score movement, findings resolved/new/persisting, and a
redline of the plan between the two plan documents.

Rounds compare when they review the same plan, or a plan and its successor (the later
plan's `previous_plan`). The earlier round is "before": the review of the previous plan,
else the one finalised first (a draft, read live, counts as now).

Findings that count are those not dismissed. A finding of one round is the same as a
finding of the other when the rule, the area, the criterion and the detail of its key
agree and its element is the same element across versions: the element identity of the
first round, followed through the redline's matching (see `assessment.redline`), equals
that of the second. Findings about the plan as a whole match by rule (and detail) alone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.utils.translation import gettext as _

from assessment import charts
from assessment.models import Review
from assessment.redline import RedlineEntry, plan_redline
from assessment.rounds import Round, review_round
from standards.models import Area, Component, Principle

MOVEMENT_KINDS = ("component", "area", "principle")
SCORE_KEYS = {"component": "components", "area": "areas", "principle": "principles"}
MODELS = {"component": Component, "area": Area, "principle": Principle}


def reviews_comparable(a: Review, b: Review) -> bool:
    """The same plan, or a plan and its successor."""
    if a.plan_id == b.plan_id:
        return True
    return a.plan.previous_plan_id == b.plan_id or b.plan.previous_plan_id == a.plan_id


def rounds_order(a: Review, b: Review) -> tuple[Review, Review]:
    """(before, after): the previous plan's review first, else the earlier finalised."""
    if a.plan_id != b.plan_id:
        return (b, a) if a.plan.previous_plan_id == b.plan_id else (a, b)

    def when(review):
        return (not review.is_final, review.finalised_at or review.created_at, review.pk)

    return (a, b) if when(a) <= when(b) else (b, a)


@dataclass
class Comparison:
    before: Round
    after: Round
    movement: list[dict]
    resolved: list[dict]
    new: list[dict]
    persisting: list[dict]
    redline: list[RedlineEntry]

    def as_json(self) -> dict:
        """`review PLAN_ID --compare-with REVIEW_ID --format json` (see README.md)."""
        return {
            "before": _round_json(self.before),
            "after": _round_json(self.after),
            "movement": self.movement,
            "resolved": self.resolved,
            "new": self.new,
            "persisting": self.persisting,
            "redline": [entry.as_json() for entry in self.redline],
        }

    def count(self, change: str) -> int:
        return sum(1 for entry in self.redline if entry.change == change)

    @property
    def redline_counts(self) -> dict[str, int]:
        return {c: self.count(c) for c in ("added", "removed", "moved", "changed")}

    def movement_of(self, kind: str) -> list[dict]:
        return [row for row in self.movement if row["kind"] == kind]

    def chart(self):
        """Component and principle scores before and after, as one SVG bar chart; the
        page's table of `movement` is its text alternative."""
        rows = self.movement_of("component") + self.movement_of("principle")
        label_before, label_after = _("Before"), _("After")
        groups = [
            charts.BarGroup(
                title=f"{row['code']} {row['title']}",
                bars=[
                    _score_bar(label_before, row["before"], charts.MUTED),
                    _score_bar(label_after, row["after"], charts.LEVEL_COLOURS["concrete"]),
                ],
            )
            for row in rows
        ]
        description = "; ".join(
            _("%(title)s: %(before)s before, %(after)s after")
            % {
                "title": row["title"],
                "before": _score(row["before"]),
                "after": _score(row["after"]),
            }
            for row in rows
        )
        return charts.bar_chart_svg(
            title=_("Score movement per component and principle"),
            description=description,
            groups=groups,
        )


def _score(value) -> str:
    return "—" if value is None else f"{value} / 100"


def _score_bar(label: str, value, colour: str) -> charts.Bar:
    return charts.Bar(label, (value or 0) / 100, _score(value), colour)


def _round_json(round_: Round) -> dict:
    review = round_.review
    return {
        "review": review.pk,
        "plan": review.plan_id,
        "status": review.status,
        "frozen": round_.frozen,
        "overall": round_.result["scores"]["overall"],
    }


def _titles(reviews) -> dict[tuple[str, str], str]:
    titles = {}
    frameworks = {r.framework_id for r in reviews}
    for kind, model in MODELS.items():
        for code, title in model.objects.filter(framework__in=frameworks).values_list(
            "code", "title"
        ):
            titles[(kind, code)] = title
    return titles


def score_movement(before: Round, after: Round) -> list[dict]:
    titles = _titles([before.review, after.review])
    rows = [
        {
            "kind": "overall",
            "code": "",
            "title": _("Overall"),
            "before": before.result["scores"]["overall"],
            "after": after.result["scores"]["overall"],
        }
    ]
    for kind in MOVEMENT_KINDS:
        old = before.result["scores"].get(SCORE_KEYS[kind], {})
        new = after.result["scores"].get(SCORE_KEYS[kind], {})
        for code in dict.fromkeys([*new, *old]):
            rows.append(
                {
                    "kind": kind,
                    "code": code,
                    "title": titles.get((kind, code), code),
                    "before": old.get(code),
                    "after": new.get(code),
                }
            )
    for row in rows:
        both = row["before"] is not None and row["after"] is not None
        row["change"] = row["after"] - row["before"] if both else None
    return rows


def _detail(key: str) -> str:
    parts = key.split(":", 3)
    return parts[3] if len(parts) == 4 else ""


def _finding_key(finding: dict, identity: str) -> tuple:
    detail = _detail(finding["key"])
    return (finding["rule"], identity, finding["area"], finding["criterion"], detail)


def _finding_row(finding: dict) -> dict:
    return {
        "rule": finding["rule"],
        "severity": finding["severity"],
        "component": finding["component"],
        "element": finding["element"]["label"],
        "element_type": finding["element"]["type"],
        "message": finding["message"],
    }


def findings_compare(before: Round, after: Round, identities: dict[str, str]):
    """(resolved, new, persisting): see the module's docstring for the matching."""
    counted = [f for f in before.result["findings"] if not f["dismissed"]]
    waiting = defaultdict(list)
    for finding in counted:
        identity = finding["element"]["identity"]
        waiting[_finding_key(finding, identities.get(identity, identity))].append(finding)
    new, persisting = [], []
    for finding in after.result["findings"]:
        if finding["dismissed"]:
            continue
        match = waiting.get(_finding_key(finding, finding["element"]["identity"]))
        if match:
            was = match.pop(0)
            persisting.append(
                {
                    **_finding_row(finding),
                    "element_before": was["element"]["label"],
                    "severity_before": was["severity"],
                }
            )
        else:
            new.append(_finding_row(finding))
    resolved = [_finding_row(f) for found in waiting.values() for f in found]
    return resolved, new, persisting


def reviews_compare(*, a: Review, b: Review) -> Comparison:
    """Compare two rounds; the caller checks `reviews_comparable` (and access) first."""
    first, second = rounds_order(a, b)
    before, after = review_round(review=first), review_round(review=second)
    redline, identities = plan_redline(before.plan_document, after.plan_document)
    resolved, new, persisting = findings_compare(before, after, identities)
    return Comparison(
        before, after, score_movement(before, after), resolved, new, persisting, redline
    )
