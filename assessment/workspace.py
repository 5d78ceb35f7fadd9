"""What the review workspace shows, read from a saved review in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from assessment.checks.registry import SEVERITY_ORDER
from assessment.models import Finding, Note, Rating, Review, SuggestedNote
from assessment.scoring import FORMULA, review_scores

PLAN_AS_A_WHOLE = ("", "The plan as a whole")


# Per rule and group, the page shows this many findings unless asked for all of them,
# so a plan of thousands of activities still gives a readable (and quick) page.
SHOWN_PER_RULE = 10


@dataclass
class SeverityGroup:
    severity: str
    findings: list[Finding]
    hidden: dict[str, int] = field(default_factory=dict)  # rule -> findings not shown


@dataclass
class ComponentGroup:
    code: str
    title: str
    severities: list[SeverityGroup] = field(default_factory=list)
    count: int = 0


def _shown(items: list[Finding], show_all: bool) -> tuple[list[Finding], dict[str, int]]:
    if show_all:
        return items, {}
    shown, per_rule, hidden = [], {}, {}
    for finding in items:
        per_rule[finding.rule] = per_rule.get(finding.rule, 0) + 1
        if per_rule[finding.rule] <= SHOWN_PER_RULE:
            shown.append(finding)
        else:
            hidden[finding.rule] = hidden.get(finding.rule, 0) + 1
    return shown, hidden


def findings_by_component(
    review: Review, components: list[tuple[str, str]], *, show_all: bool = False
):
    """Current findings grouped by component (the plan as a whole first), then severity."""
    groups = {code: ComponentGroup(code, title) for code, title in [PLAN_AS_A_WHOLE, *components]}
    findings = review.findings.filter(is_current=True).order_by("rule", "element_id", "pk")
    buckets: dict[tuple[str, str], list[Finding]] = {}
    for finding in findings:
        code = finding.component_code if finding.component_code in groups else ""
        buckets.setdefault((code, finding.severity), []).append(finding)
    for (code, severity), items in sorted(
        buckets.items(), key=lambda kv: SEVERITY_ORDER.get(kv[0][1], 9)
    ):
        groups[code].severities.append(SeverityGroup(severity, *_shown(items, show_all)))
        groups[code].count += len(items)
    return [g for g in groups.values() if g.count]


@dataclass
class SuggestionGroup:
    code: str
    title: str
    items: list[SuggestedNote]


def suggestions_context(review: Review) -> dict:
    """The open suggested notes by component (the plan as a whole first) and the rejected
    ones, which a reviewer may restore."""
    components = list(
        review.framework.components.order_by("order", "code").values_list("code", "title")
    )
    current = list(review.suggested_notes.filter(is_current=True).exclude(status="accepted"))
    groups = {
        code: SuggestionGroup(code, title, []) for code, title in [PLAN_AS_A_WHOLE, *components]
    }
    for suggestion in current:
        if suggestion.is_open:
            code = suggestion.component_code if suggestion.component_code in groups else ""
            groups[code].items.append(suggestion)
    return {
        "suggestion_groups": [g for g in groups.values() if g.items],
        "rejected_suggestions": [s for s in current if s.status == SuggestedNote.Status.REJECTED],
    }


def scores_context(review: Review) -> dict:
    """What the scores table needs; also redrawn on its own after an override."""
    return {
        "scores": review_scores(review),
        "computed_scores": review_scores(review, computed=True),
        "component_titles": dict(review.framework.components.values_list("code", "title")),
        "principle_titles": dict(review.framework.principles.values_list("code", "title")),
        "formula": FORMULA,
    }


def workspace_context(review: Review, *, show_all: bool = False) -> dict:
    from assessment.mapping import review_mapping

    components = list(
        review.framework.components.order_by("order", "code").values_list("code", "title")
    )
    ratings = list(
        review.ratings.select_related("area__component", "principle").order_by("kind", "code")
    )
    area_order = dict(
        review.framework.areas.order_by("component__order", "order", "code").values_list(
            "code", "order"
        )
    )
    rating_groups = []
    for code, title in components:
        items = [r for r in ratings if r.area and r.area.component.code == code]
        items.sort(key=lambda r: (area_order.get(r.code, 0), r.code))
        rating_groups.append((code, title, items))
    principles = [r for r in ratings if r.kind == Rating.Kind.PRINCIPLE]
    return {
        **scores_context(review),
        "review": review,
        "finding_groups": findings_by_component(review, components, show_all=show_all),
        "show_all": show_all,
        "dismissed_count": review.findings.filter(is_current=True, dismissed=True).count(),
        "rating_groups": rating_groups,
        "principle_ratings": principles,
        "mapping": review_mapping(review),
        "notes": list(review.notes.select_related("component", "finding")),
        "note_scopes": Note.Scope.choices,
        **suggestions_context(review),
    }
