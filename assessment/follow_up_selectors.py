"""Read side of the follow-up of recommendations: which review a plan follows up, and the
table of that review's recommendations with the elements of the plan linked to them,
the status the engine suggests and the one the coordinator confirmed. Each function
reads in a fixed number of queries, whatever the number of recommendations and links.

A plan follows up the recommendations of the latest final review of the plan it follows
(`plan.previous_plan`). The status the engine suggests for one recommendation (the
README documents it too, under "Follow-up of previous recommendations"):

- **not addressed**: no element of the plan is linked to it;
- **partly addressed**: elements are linked, but a rule that produced the recommendation
  still fires in the plan — on a linked element, or on the plan as a whole — or the plan
  has not been assessed yet, so nothing shows that the rule stopped firing;
- **addressed**: elements are linked and no rule that produced the recommendation fires
  on them or on the plan as a whole. A recommendation a reviewer wrote without a rule
  behind it counts as addressed once an element is linked to it.

The rules behind a recommendation are the rule of the finding it was written from, or
the rules of the suggested recommendation it was accepted from.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from actionplan.elements import KINDS
from assessment.models import (
    LINKED_ELEMENTS,
    ElementType,
    FollowUpStatus,
    Note,
    Priority,
    RecommendationFollowUp,
    RecommendationLink,
    Review,
    SuggestedNote,
)
from strategy.models import Plan

# (rule, element type, element id) of a finding that counts in the following plan.
Firing = set[tuple[str, str, int | None]]


@dataclass
class FollowUpRow:
    recommendation: Note
    rules: frozenset[str]
    links: list[RecommendationLink] = field(default_factory=list)
    suggested: str = FollowUpStatus.NOT_ADDRESSED
    confirmed: RecommendationFollowUp | None = None

    @property
    def suggested_label(self) -> str:
        return FollowUpStatus(self.suggested).label

    @property
    def status(self) -> str:
        """The confirmed status, else the suggested one."""
        return self.confirmed.status if self.confirmed else self.suggested

    def as_json(self) -> dict:
        """One entry of `follow_up[]` in `manage.py review --format json` (README.md)."""
        note, confirmed = self.recommendation, self.confirmed
        return {
            "reference": note.reference,
            "recommendation": note.text,
            "title": note.title,
            "addressee": note.addressee_label,
            "addressee_id": note.addressee_id,
            "priority": note.priority,
            "rules": sorted(self.rules),
            "linked": [
                {"type": link.element_type, "id": link.element_id, "label": str(link.element)}
                for link in self.links
            ],
            "suggested_status": self.suggested,
            "confirmed_status": confirmed.status if confirmed else None,
            "confirmed_by": confirmed.confirmed_by.get_username()
            if confirmed and confirmed.confirmed_by
            else None,
            "confirmed_at": confirmed.confirmed_at.isoformat() if confirmed else None,
        }


@dataclass
class FollowUp:
    """The recommendations `plan` follows up (from `review`, the final review of the plan
    it follows) and whether the suggested statuses rest on an assessment of the plan."""

    plan: Plan
    review: Review | None
    rows: list[FollowUpRow]
    assessed: bool

    def __bool__(self) -> bool:
        return self.review is not None


def follow_up_review(*, plan: Plan) -> Review | None:
    """The latest final review of the plan `plan` follows, whose recommendations it takes up."""
    if not plan.previous_plan_id:
        return None
    return (
        Review.objects.filter(plan_id=plan.previous_plan_id, status=Review.Status.FINAL)
        .select_related("plan")
        .order_by("-finalised_at", "-pk")
        .first()
    )


def review_firing(*, review: Review) -> Firing:
    """What a review of the following plan still finds: its current findings that count."""
    return set(
        review.findings.filter(is_current=True, dismissed=False).values_list(
            "rule", "element_type", "element_id"
        )
    )


def latest_firing(*, plan: Plan) -> Firing | None:
    """What the latest review of `plan` (draft or final) finds; None if none was made."""
    review = plan.reviews.order_by("-created_at", "-pk").first()
    return None if review is None else review_firing(review=review)


def assessment_firing(findings: Iterable) -> Firing:
    """The same from an unsaved assessment's findings (`FindingData`)."""
    return {(f.rule, f.element_type, f.element_id) for f in findings}


def follow_up_status(*, rules: frozenset[str], links, firing: Firing | None) -> str:
    """The status the engine suggests; the rule is in this module's docstring."""
    if not links:
        return FollowUpStatus.NOT_ADDRESSED
    if not rules:
        return FollowUpStatus.ADDRESSED
    if firing is None:
        return FollowUpStatus.PARTLY
    linked = {(link.element_type, link.element_id) for link in links}
    for rule, element_type, element_id in firing:
        if rule in rules and (
            element_type == ElementType.PLAN or (element_type, element_id) in linked
        ):
            return FollowUpStatus.PARTLY
    return FollowUpStatus.ADDRESSED


def recommendations_of(review: Review) -> list[Note]:
    return list(
        review.notes.filter(kind=Note.Kind.RECOMMENDATION)
        .select_related("finding", "component")
        .order_by("pk")
    )


def _rules_of(recommendations: list[Note]) -> dict[int, frozenset[str]]:
    rules: dict[int, set[str]] = {note.pk: set() for note in recommendations}
    for note in recommendations:
        if note.finding is not None:
            rules[note.pk].add(note.finding.rule)
    accepted = SuggestedNote.objects.filter(note__in=[n.pk for n in recommendations]).values_list(
        "note_id", "rule", "evidence"
    )
    for note_id, rule, evidence in accepted:
        rules[note_id].add(rule)
        rules[note_id].update(e["rule"] for e in evidence or () if e.get("rule"))
    return {pk: frozenset(found) for pk, found in rules.items()}


def plan_links(*, plan: Plan, review: Review):
    """The links of `plan`'s elements to the recommendations of `review`."""
    return RecommendationLink.objects.filter(
        plan=plan, recommendation__review=review
    ).select_related(*LINKED_ELEMENTS)


def plan_follow_up(*, plan: Plan, firing: Firing | None) -> FollowUp:
    """The follow-up table of `plan`. `firing` is what the engine still finds in the plan
    (`review_firing`, `latest_firing`, `assessment_firing`); None if it was not assessed."""
    review = follow_up_review(plan=plan)
    if review is None:
        return FollowUp(plan=plan, review=None, rows=[], assessed=False)
    recommendations = recommendations_of(review)
    rules = _rules_of(recommendations)
    rows = {
        note.pk: FollowUpRow(recommendation=note, rules=rules[note.pk]) for note in recommendations
    }
    for link in plan_links(plan=plan, review=review):
        rows[link.recommendation_id].links.append(link)
    confirmations = RecommendationFollowUp.objects.filter(
        plan=plan, recommendation__review=review
    ).select_related("confirmed_by")
    for confirmed in confirmations:
        rows[confirmed.recommendation_id].confirmed = confirmed
    for row in rows.values():
        row.suggested = follow_up_status(rules=row.rules, links=row.links, firing=firing)
    return FollowUp(plan=plan, review=review, rows=list(rows.values()), assessed=firing is not None)


def linkable_elements(*, plan: Plan) -> list[tuple[str, list[tuple[str, str]]]]:
    """The chapters, goals and objectives of `plan`, by kind, as (`kind:id`, label) choices:
    what the follow-up panel links; outputs and activities link from their own panel."""
    groups = []
    for slug in ("chapter", "goal", "objective"):
        kind = KINDS[slug]
        elements = kind.of_plan(plan).order_by("order", "pk").only("pk", "code", "title")
        groups.append((kind.label, [(f"{slug}:{e.pk}", str(e)) for e in elements]))
    return [(label, choices) for label, choices in groups if choices]


def element_follow_up(*, plan: Plan, element_type: str, element) -> dict:
    """The recommendations one element answers and those it may still be linked to."""
    review = follow_up_review(plan=plan)
    if review is None:
        return {"follow_up_review": None, "element_links": [], "unlinked": []}
    links = list(
        plan_links(plan=plan, review=review)
        .filter(**{element_type: element})
        .select_related("recommendation")
    )
    linked = {link.recommendation_id for link in links}
    return {
        "follow_up_review": review,
        "element_links": links,
        "unlinked": [n for n in recommendations_of(review) if n.pk not in linked],
    }


def follow_up_record(*, review: Review) -> dict | None:
    """The report's follow-up table as data (`FollowUpRow.as_json` per row, with the
    followed review): what a final review keeps. None when the plan follows up nothing."""
    follow_up = plan_follow_up(plan=review.plan, firing=review_firing(review=review))
    if not follow_up:
        return None
    followed = follow_up.review
    return {
        "review": {
            "id": followed.pk,
            "title": str(followed),
            "plan": followed.plan.title,
            "finalised_at": followed.finalised_at.isoformat(),
        },
        "rows": [row.as_json() for row in follow_up.rows],
    }


def _labelled(row: dict) -> dict:
    confirmed = row.get("confirmed_status")
    return {
        **row,
        "priority_label": Priority(row["priority"]).label if row.get("priority") else "",
        "suggested_label": FollowUpStatus(row["suggested_status"]).label,
        "confirmed_label": FollowUpStatus(confirmed).label if confirmed else "",
    }


def report_follow_up(*, review: Review) -> dict:
    """The report's "Follow-up of previous recommendations": the recommendations of the
    final review of the plan this plan follows, their status judged by what this review
    finds; for a final review, the table as it stood when it was finalised."""
    record = review.follow_up_record
    if not (review.is_final and record is not None):
        record = follow_up_record(review=review)
    if not record:
        return {"follow_up": None}
    followed = record["review"]
    return {
        "follow_up": {
            **followed,
            "finalised_at": datetime.datetime.fromisoformat(followed["finalised_at"]),
            "rows": [_labelled(row) for row in record["rows"]],
        }
    }
