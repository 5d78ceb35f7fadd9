"""What the review workspace shows, read from a saved review in a fixed number of queries."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from assessment.checks import REGISTRY
from assessment.checks.registry import SEVERITY_ORDER
from assessment.models import Finding, Note, Priority, Rating, Review, SuggestedNote
from assessment.scoring import FORMULA, review_scores

PLAN_AS_A_WHOLE = ("", _("The plan as a whole"))


# Per rule card, the page lists this many elements and loads the rest when asked, so a
# plan of thousands of activities still gives a small, readable (and quick) page.
SHOWN_PER_RULE = 10
# Per rating, the page lists this much evidence and loads the rest when asked.
EVIDENCE_SHOWN = 3


@dataclass
class RuleCard:
    """The findings of one rule: what the rule says is said once, the elements it concerns
    are listed inside (the plan as a whole first, then by component)."""

    rule: str
    severity: str = "low"
    findings: list[Finding] = field(default_factory=list)
    count: int = 0
    component_titles: dict[str, str] = field(default_factory=dict)

    @property
    def first(self) -> Finding:
        return self.findings[0]

    @property
    def title(self) -> str:
        registered = REGISTRY.get(self.rule)
        return registered.title if registered else self.rule

    @property
    def criteria(self) -> str:
        return ", ".join(dict.fromkeys(f.criterion_code for f in self.findings if f.criterion_code))

    @property
    def hidden(self) -> int:
        return self.count - len(self.findings)

    @property
    def open_finding(self) -> Finding | None:
        """The finding a note inserted from the card refers to: the first not dismissed."""
        return next((f for f in self.findings if not f.dismissed), None)

    @property
    def anchor(self) -> str:
        return f"rule-{self.rule}"


@dataclass
class SeverityGroup:
    severity: str
    cards: list[RuleCard]

    @property
    def count(self) -> int:
        return sum(card.count for card in self.cards)


def findings_by_rule(review: Review, *, show_all: bool = False, rule: str = ""):
    """Current findings grouped by severity, then rule; each rule card holds its first
    `SHOWN_PER_RULE` elements (the plan as a whole first, then by component) unless
    `show_all`. A rule whose elements differ in severity shows under the highest."""
    order = {
        code: i
        for i, code in enumerate(
            review.framework.components.order_by("order", "code").values_list("code", flat=True),
            start=1,
        )
    }
    findings = review.findings.filter(is_current=True)
    if rule:
        findings = findings.filter(rule=rule)
    findings = sorted(
        findings, key=lambda f: (f.rule, order.get(f.component_code, 0), f.element_id or 0, f.pk)
    )
    cards: dict[str, RuleCard] = {}
    for finding in findings:
        card = cards.get(finding.rule) or cards.setdefault(finding.rule, RuleCard(finding.rule))
        if card.count == 0 or SEVERITY_ORDER.get(finding.severity, 9) < SEVERITY_ORDER.get(
            card.severity, 9
        ):
            card.severity = finding.severity
        card.count += 1
        if show_all or card.count <= SHOWN_PER_RULE:
            card.findings.append(finding)
    groups: dict[str, SeverityGroup] = {}
    for card in sorted(cards.values(), key=lambda c: c.rule):
        groups.setdefault(card.severity, SeverityGroup(card.severity, [])).cards.append(card)
    return sorted(groups.values(), key=lambda g: SEVERITY_ORDER.get(g.severity, 9))


def rule_card(review: Review, *, rule: str) -> RuleCard | None:
    """One rule card with every element it concerns (what the page loads on demand)."""
    for group in findings_by_rule(review, show_all=True, rule=rule):
        return group.cards[0]
    return None


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
        "suggestion_count": sum(len(g.items) for g in groups.values()),
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
        "finding_groups": findings_by_rule(review, show_all=show_all),
        "show_all": show_all,
        "dismissed_count": review.findings.filter(is_current=True, dismissed=True).count(),
        "rating_groups": rating_groups,
        "principle_ratings": principles,
        "mapping": review_mapping(review),
        "notes": list(review.notes.select_related("component", "finding")),
        # Evaluated only where a recommendation's addressee can be changed.
        "addressees": review.plan.stakeholders.all(),
        "priorities": Priority.choices,
        "note_scopes": Note.Scope.choices,
        **suggestions_context(review),
    }
