"""Review rounds: what a review reviewed (the plan as a plan document, JSON v1) and what it
said (its result), frozen when the review is finalised and read live while it is a draft.

A plan element's identity across versions of a plan is its type, code and title, each
normalised (case folded, runs of white space made one, trailing punctuation dropped):
`element_identity("activity", "1.2.3", "Train  judges.")` is `activity|1.2.3|train judges`.
Database ids are not identities: a copy of a plan, an imported plan or the next plan has
new ids for the same elements. Sections have no code and use their kind; indicators use
their level and definition.
"""

from __future__ import annotations

from dataclasses import dataclass

from actionplan.exchange.json_export import plan_export_json
from actionplan.models import Activity, Indicator, Output, SubActivity
from assessment.mapping import review_mapping
from assessment.models import Review, ReviewSnapshot
from assessment.scoring import review_scores
from strategy.models import Chapter, Section, SpecificObjective, StrategicGoal

RESULT_VERSION = 1
# element type -> (queryset of the plan's elements, the two fields of its identity)
IDENTITY_FIELDS = {
    "section": (lambda plan: Section.objects.filter(plan=plan), ("kind", "title")),
    "chapter": (lambda plan: Chapter.objects.filter(plan=plan), ("code", "title")),
    "goal": (lambda plan: StrategicGoal.objects.filter(plan=plan), ("code", "title")),
    "objective": (lambda plan: SpecificObjective.objects.filter(plan=plan), ("code", "title")),
    "output": (lambda plan: Output.objects.filter(plan=plan), ("code", "title")),
    "activity": (lambda plan: Activity.objects.filter(plan=plan), ("code", "title")),
    "subactivity": (
        lambda plan: SubActivity.objects.filter(activity__plan=plan),
        ("code", "title"),
    ),
    "indicator": (lambda plan: Indicator.objects.filter(plan=plan), ("level", "definition")),
}
PLAN_IDENTITY = "plan||"


def normalise(text) -> str:
    return " ".join(str(text or "").casefold().split()).rstrip(" .;:,")


def element_identity(type_: str, code, title) -> str:
    return f"{type_}|{normalise(code)}|{normalise(title)}"


def plan_identities(plan) -> dict[tuple[str, int], str]:
    """(element type, id) -> identity, for every element of the plan: one query a type."""
    identities = {}
    for type_, (queryset, (first, second)) in IDENTITY_FIELDS.items():
        for pk, code, title in queryset(plan).values_list("pk", first, second):
            identities[(type_, pk)] = element_identity(type_, code, title)
    return identities


def _finding_json(finding, identities) -> dict:
    identity = identities.get((finding.element_type, finding.element_id))
    if finding.element_type == "plan":
        identity = PLAN_IDENTITY
    return {
        "key": finding.key,
        "rule": finding.rule,
        "criterion": finding.criterion_code,
        "area": finding.area_code,
        "component": finding.component_code,
        "severity": finding.severity,
        "element": {
            "type": finding.element_type,
            "id": finding.element_id,
            "label": finding.element_label,
            "identity": identity or f"{finding.element_type}|?|{normalise(finding.element_label)}",
        },
        "message": finding.message,
        "recommendation": finding.recommendation,
        "dismissed": finding.dismissed,
        "dismissed_reason": finding.dismissed_reason,
    }


def review_result(*, review: Review) -> dict:
    """The review's result as it stands: current findings (dismissed ones marked), ratings
    (override and evidence), scores, the chapters-to-components mapping, the engine's
    suggestions with the reviewers' decisions, and the notes. Each plan element carries its
    identity, so two rounds compare across versions of a plan."""
    identities = plan_identities(review.plan)
    scores = review_scores(review)
    mapping = review_mapping(review)
    return {
        "version": RESULT_VERSION,
        "review": review.pk,
        "plan": review.plan_id,
        "framework": review.framework.label,
        "status": review.status,
        "finalised_at": review.finalised_at.isoformat() if review.finalised_at else None,
        "scores": {**scores.as_json(), "areas": scores.areas},
        "findings": [
            _finding_json(f, identities)
            for f in review.findings.filter(is_current=True).order_by("rule", "key")
        ],
        "ratings": [
            {
                "kind": r.kind,
                "code": r.code,
                "level": r.level,
                "computed_level": r.computed_level,
                "override_justification": r.override_justification,
                "evidence": r.evidence,
            }
            for r in review.ratings.order_by("kind", "code")
        ],
        "mapping": [
            {
                "chapter": row.chapter_id,
                "label": row.label,
                "identity": identities.get(("chapter", row.chapter_id), ""),
                "components": [[code, suggested] for code, suggested in row.components],
            }
            for row in mapping.chapters
        ],
        "suggestions": [
            {
                "key": s.key,
                "kind": s.kind,
                "rule": s.rule,
                "component": s.component_code,
                "element": {"type": s.element_type, "label": s.element_label},
                "text": s.text,
                "status": s.status,
            }
            for s in review.suggested_notes.filter(is_current=True).order_by("kind", "key")
        ],
        "notes": [
            {
                "kind": n.kind,
                "scope": n.scope,
                "component": n.component.code if n.component else None,
                "title": n.title,
                "text": n.text,
            }
            for n in review.notes.select_related("component")
        ],
    }


@dataclass(frozen=True)
class Round:
    """One review's round: the plan it reviewed and what it said; `frozen` when read from
    the snapshot stored at finalisation, else the plan and the review as they are now."""

    review: Review
    plan_document: dict
    result: dict
    frozen: bool


def review_snapshot(review: Review):
    """The snapshot of a final review, or None (a draft, or a review finalised before
    snapshots were kept: that one reads live, as it always did)."""
    return getattr(review, "snapshot", None) if review.is_final else None


def review_frozen_body(*, review: Review) -> str | None:
    """The report body a final review's snapshot stored (and nothing else of it), or None."""
    if not review.is_final:
        return None
    return (
        ReviewSnapshot.objects.filter(review=review).values_list("report_body", flat=True).first()
    )


def review_round(*, review: Review) -> Round:
    snapshot = review_snapshot(review)
    if snapshot is not None:
        return Round(review, snapshot.plan_document, snapshot.result, True)
    document = plan_export_json(plan=review.plan)
    return Round(review, document, review_result(review=review), False)
