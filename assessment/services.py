"""Writes on reviews. Every function is keyword-only, validates with `full_clean()`, and
refuses to change a final review: finalising freezes findings, ratings and notes.

- `review_create` starts a review (reviewers only) and runs it;
- `review_run` re-runs checks and coverage: findings are upserted by `key`, so a dismissal
  survives; findings no longer raised become `is_current=False`; ratings keep overrides;
- `review_finalise` freezes the review and stores its snapshot (`review_snapshot_take`):
  the plan as a plan document, the result and the rendered report;
- `finding_dismiss` / `finding_restore`, `rating_override`, `suggestion_reject`;
- `note_create` (also from a finding's suggested recommendation), `note_update`,
  `note_delete`; a recommendation gets a reference (`R-<year>-<nn>`) when it is written,
  which never changes and is never given again in the review;
- `recommendation_update`: a recommendation's priority and addressee;
- `suggested_note_accept` / `suggested_note_reject` / `suggested_note_restore`: the
  commendations, practices and recommendations the engine suggests (saved by
  `review_run`, keyed so a decision survives re-runs).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from actionplan.exchange.json_export import plan_export_json
from assessment.assess import plan_assess
from assessment.follow_up_selectors import follow_up_record
from assessment.models import (
    CoverageLevel,
    Finding,
    Note,
    Priority,
    Rating,
    RejectedSuggestion,
    Review,
    ReviewSnapshot,
    SuggestedNote,
)
from assessment.report import report_body
from assessment.rounds import review_result
from assessment.suggestions import (
    FUNDING_CRITERIA,
    RECOMMENDATION_KEY,
    recommendations_from,
    suggested_notes,
)
from napplanner.roles import REVIEWER, has_role
from standards.models import Area, Component, Framework, Principle
from strategy.models import Plan, Stakeholder

FINDING_FIELDS = [
    "rule", "criterion_code", "area_code", "component_code", "severity", "element_type",
    "element_id", "element_label", "message", "citation", "recommendation", "is_current",
]  # fmt: skip
# Field validation only: uniqueness is guaranteed by the upsert-by-key below and held by
# the database; validating it (or the review foreign key) per row would cost a query each.
NO_QUERY_CLEAN = {"exclude": ["review", "area", "principle"], "validate_unique": False}


def _refuse_final(review: Review) -> None:
    if review.is_final:
        raise ValidationError(_("This review is final: it can no longer change."))


def _clean(obj) -> None:
    obj.full_clean(**NO_QUERY_CLEAN, validate_constraints=False)


@transaction.atomic
def review_create(*, plan: Plan, framework: Framework, user, title: str = "") -> Review:
    if not has_role(user, REVIEWER):
        raise ValidationError(_("Only reviewers can review a plan."))
    title = title or f"Review of {plan}"
    review = Review(plan=plan, framework=framework, created_by=user, title=title)
    review.full_clean()
    review.save()
    review.reviewers.add(user)
    review_run(review=review)
    return review


def _rejected(review: Review) -> frozenset:
    return frozenset(review.rejections.values_list("code", "element_type", "element_id"))


def _save_findings(review: Review, findings) -> None:
    rows = (
        (
            data.key,
            {
                "rule": data.rule,
                "criterion_code": data.criterion,
                "area_code": data.area,
                "component_code": data.component,
                "severity": data.severity,
                "element_type": data.element_type,
                "element_id": data.element_id,
                "element_label": data.element_label,
                "message": data.message,
                "citation": data.citation,
                "recommendation": data.recommendation,
            },
        )
        for data in findings
    )
    _upsert_current(review, Finding, rows, review.findings.all(), FINDING_FIELDS)


def _upsert_current(review: Review, model, rows, existing, fields: list[str]) -> None:
    """Upsert a review's rows by key: new keys are created, changed ones updated (only what
    changed is written, so a re-run of an unchanged plan writes nothing), and rows of
    `existing` no longer produced stop being current. Fields the engine does not produce
    (a dismissal, a decision) are never touched."""
    existing = {row.key: row for row in existing}
    new, changed = [], []
    for key, values in rows:
        values = {**values, "is_current": True}
        row = existing.pop(key, None)
        if row is None:
            row = model(review=review, key=key, **values)
            new.append(row)
        elif any(getattr(row, name) != value for name, value in values.items()):
            for name, value in values.items():
                setattr(row, name, value)
            changed.append(row)
        else:
            continue
        _clean(row)
    for gone in existing.values():
        if gone.is_current:
            gone.is_current = False
            changed.append(gone)
    model.objects.bulk_create(new, batch_size=500)
    model.objects.bulk_update(changed, fields, batch_size=500)


def _save_ratings(review: Review, coverage) -> None:
    existing = {(r.kind, r.code): r for r in review.ratings.all()}
    areas = dict(Area.objects.filter(framework=review.framework_id).values_list("code", "id"))
    principles = dict(
        Principle.objects.filter(framework=review.framework_id).values_list("code", "id")
    )
    new, changed = [], []
    for item in coverage:
        evidence = [e.as_json() for e in item.evidence]
        rating = existing.get((item.kind, item.code))
        if rating is None:
            rating = Rating(
                review=review,
                kind=item.kind,
                code=item.code,
                area_id=areas.get(item.code) if item.kind == "area" else None,
                principle_id=principles.get(item.code) if item.kind == "principle" else None,
            )
            new.append(rating)
        elif rating.computed_level != item.level or rating.evidence != evidence:
            changed.append(rating)
        else:
            continue
        rating.computed_level = item.level
        rating.evidence = evidence
        _clean(rating)
    Rating.objects.bulk_create(new, batch_size=500)
    Rating.objects.bulk_update(changed, ["computed_level", "evidence"], batch_size=500)


SUGGESTION_FIELDS = [
    "kind", "rule", "criterion_code", "component_code", "element_type", "element_id",
    "element_label", "text", "evidence", "is_current",
]  # fmt: skip


def _save_suggested_notes(review: Review, result) -> None:
    dismissed = set(review.findings.filter(dismissed=True).values_list("key", flat=True))
    suggested = suggested_notes(
        strengths=result.strengths, findings=result.findings, dismissed=dismissed
    )
    _upsert_suggested(review, suggested, review.suggested_notes.all())


def _refresh_recommendations(review: Review) -> None:
    """After a dismissal or a restore: the recommendations of the findings that count."""
    rows = review.findings.filter(is_current=True, dismissed=False).values_list(
        "key", "rule", "criterion_code", "component_code", "recommendation"
    )
    existing = review.suggested_notes.filter(key__startswith=RECOMMENDATION_KEY)
    _upsert_suggested(review, recommendations_from(rows), existing)


def _upsert_suggested(review: Review, suggested, existing) -> None:
    """Upsert suggested notes by key. A decided one keeps its decision (and an accepted one
    the note it became); one of `existing` no longer suggested stops being current."""
    rows = (
        (
            data.key,
            {
                "kind": data.kind,
                "rule": data.rule,
                "criterion_code": data.criterion,
                "component_code": data.component,
                "element_type": data.element_type,
                "element_id": data.element_id,
                "element_label": data.element_label,
                "text": data.text,
                "evidence": data.evidence,
            },
        )
        for data in suggested
    )
    _upsert_current(review, SuggestedNote, rows, existing, SUGGESTION_FIELDS)


@transaction.atomic
def review_run(*, review: Review) -> Review:
    """Re-run the checks and the coverage of a draft review; keeps dismissals/overrides."""
    _refuse_final(review)
    result = plan_assess(plan=review.plan, framework=review.framework, rejected=_rejected(review))
    _save_findings(review, result.findings)
    _save_ratings(review, result.coverage)
    _save_suggested_notes(review, result)
    review.checked_at = timezone.now()
    review.full_clean()
    review.save(update_fields=["checked_at", "updated_at"])
    return review


@transaction.atomic
def review_finalise(*, review: Review, user) -> Review:
    """Freeze the review and store what it reviewed and said (see `ReviewSnapshot`)."""
    _refuse_final(review)
    # The follow-up table changes with the next plan's links; the report keeps this one.
    review.follow_up_record = follow_up_record(review=review)
    review.status = Review.Status.FINAL
    review.finalised_at = timezone.now()
    review.finalised_by = user
    review.full_clean()
    review.save()
    review_snapshot_take(review=review)
    return review


def review_snapshot_take(*, review: Review) -> ReviewSnapshot:
    """Store the plan document, the result and the rendered report of a final review.
    Called once, by `review_finalise`; a final review is never reopened, so the snapshot
    never needs dropping: a new round is a new review."""
    if not review.is_final:
        raise ValidationError(_("Only a final review keeps a snapshot."))
    snapshot = ReviewSnapshot(
        review=review,
        plan_document=plan_export_json(plan=review.plan),
        result=review_result(review=review),
        report_body=report_body(review),
        taken_at=review.finalised_at,
    )
    snapshot.full_clean()
    snapshot.save()
    review.snapshot = snapshot
    return snapshot


@transaction.atomic
def finding_dismiss(*, finding: Finding, user, reason: str) -> Finding:
    _refuse_final(finding.review)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"dismissed_reason": _("Say why the finding does not apply.")})
    finding.dismissed = True
    finding.dismissed_reason = reason
    finding.dismissed_by = user
    finding.dismissed_at = timezone.now()
    finding.full_clean()
    finding.save()
    _refresh_recommendations(finding.review)
    return finding


@transaction.atomic
def finding_restore(*, finding: Finding, user) -> Finding:
    _refuse_final(finding.review)
    finding.dismissed = False
    finding.dismissed_reason = ""
    finding.dismissed_by = None
    finding.dismissed_at = None
    finding.full_clean()
    finding.save()
    _refresh_recommendations(finding.review)
    return finding


def rating_override(*, rating: Rating, user, level: str, justification: str) -> Rating:
    """Set (or, with an empty level, clear) a reviewer's level for a rating."""
    _refuse_final(rating.review)
    justification = (justification or "").strip()
    if level and level not in CoverageLevel.values:
        raise ValidationError({"override_level": _("Choose one of the coverage levels.")})
    if level and not justification:
        raise ValidationError({"override_justification": _("Justify the level you set.")})
    rating.override_level = level or ""
    rating.override_justification = justification if level else ""
    rating.overridden_by = user if level else None
    rating.overridden_at = timezone.now() if level else None
    rating.full_clean()
    rating.save()
    return rating


@transaction.atomic
def suggestion_reject(
    *, review: Review, code: str, element_type: str, element_id: int, user
) -> RejectedSuggestion:
    """Record that a keyword suggestion is not evidence, then re-run the review."""
    _refuse_final(review)
    rejection = RejectedSuggestion(
        review=review, code=code, element_type=element_type, element_id=element_id, rejected_by=user
    )
    rejection.full_clean()
    rejection.save()
    review_run(review=review)
    return rejection


def note_create(
    *,
    review: Review,
    kind: str,
    scope: str,
    text: str,
    user,
    component: Component | None = None,
    finding: Finding | None = None,
    title: str = "",
) -> Note:
    """A reviewer's note; with a finding and no text, its suggested recommendation."""
    _refuse_final(review)
    if finding is not None:
        if finding.review_id != review.pk:
            raise ValidationError({"finding": _("This finding belongs to another review.")})
        text = text or finding.recommendation
    if component is not None and component.framework_id != review.framework_id:
        raise ValidationError({"component": _("This component belongs to another framework.")})
    order = review.notes.count()
    with transaction.atomic():
        note = Note(
            review=review,
            kind=kind,
            scope=scope,
            component=component if scope == Note.Scope.COMPONENT else None,
            title=title,
            text=(text or "").strip(),
            finding=finding,
            order=order,
            created_by=user,
        )
        if note.kind == Note.Kind.RECOMMENDATION:
            note.reference = _reference_issue(review)
        note.full_clean()
        note.save()
    return note


def _reference_issue(review: Review) -> str:
    """The review's next recommendation reference. The counter is raised in the database
    (and so locked until the transaction ends): two reviewers adding at once get two."""
    Review.objects.filter(pk=review.pk).update(recommendation_count=F("recommendation_count") + 1)
    review.recommendation_count = (
        Review.objects.filter(pk=review.pk).values_list("recommendation_count", flat=True).get()
    )
    return f"R-{review.created_at.year}-{review.recommendation_count:02d}"


def note_update(*, note: Note, user, text: str, kind: str | None = None, title: str | None = None):
    _refuse_final(note.review)
    note.text = (text or "").strip()
    if kind is not None:
        note.kind = kind
    if title is not None:
        note.title = title
    with transaction.atomic():
        if note.kind == Note.Kind.RECOMMENDATION and not note.reference:
            note.reference = _reference_issue(note.review)
        # The author may have left (SET_NULL); that must not block editing the note.
        note.full_clean(exclude=["created_by"])
        note.save()
    return note


def recommendation_update(
    *, note: Note, user, priority: str, addressee: Stakeholder | None
) -> Note:
    """Set a recommendation's priority and its addressee: a body of the reviewed plan, or
    none for the national coordinator."""
    _refuse_final(note.review)
    if note.kind != Note.Kind.RECOMMENDATION:
        raise ValidationError(_("Only a recommendation has a priority and an addressee."))
    if priority not in Priority.values:
        raise ValidationError({"priority": _("Choose a priority: high, medium or low.")})
    if addressee is not None and addressee.plan_id != note.review.plan_id:
        raise ValidationError({"addressee": _("The addressee must be a body of this plan.")})
    note.priority = priority
    note.addressee = addressee
    note.addressee_name = addressee.name if addressee is not None else ""
    note.full_clean(exclude=["created_by"])
    note.save(update_fields=["priority", "addressee", "addressee_name"])
    return note


def note_delete(*, note: Note, user) -> None:
    _refuse_final(note.review)
    note.delete()


def _note_scope(review: Review, suggestion: SuggestedNote) -> tuple[str, Component | None]:
    component = None
    if suggestion.component_code:
        component = review.framework.components.filter(code=suggestion.component_code).first()
    if component is not None:
        return Note.Scope.COMPONENT, component
    if suggestion.criterion_code in FUNDING_CRITERIA:
        return Note.Scope.FUNDING, None
    return Note.Scope.OVERALL, None


def _refuse_decided(suggestion: SuggestedNote) -> None:
    if not suggestion.is_open:
        raise ValidationError(_("This suggestion has already been decided."))


@transaction.atomic
def suggested_note_accept(*, suggestion: SuggestedNote, user, text: str = "") -> Note:
    """Accept a suggestion into a note of its kind, with the reviewer's text if given."""
    review = suggestion.review
    _refuse_final(review)
    _refuse_decided(suggestion)
    scope, component = _note_scope(review, suggestion)
    note = note_create(
        review=review,
        kind=suggestion.kind,
        scope=scope,
        component=component,
        text=(text or "").strip() or suggestion.text,
        user=user,
    )
    suggestion.status = SuggestedNote.Status.ACCEPTED
    suggestion.note = note
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.full_clean()
    suggestion.save()
    return note


def suggested_note_reject(*, suggestion: SuggestedNote, user) -> SuggestedNote:
    """Reject a suggestion: it stays out of the workspace and the report, re-runs included."""
    _refuse_final(suggestion.review)
    _refuse_decided(suggestion)
    suggestion.status = SuggestedNote.Status.REJECTED
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.full_clean()
    suggestion.save()
    return suggestion


def suggested_note_restore(*, suggestion: SuggestedNote, user) -> SuggestedNote:
    """Take back a rejection: the suggestion is open again."""
    _refuse_final(suggestion.review)
    if suggestion.status != SuggestedNote.Status.REJECTED:
        raise ValidationError(_("Only a rejected suggestion can be restored."))
    suggestion.status = SuggestedNote.Status.OPEN
    suggestion.decided_by = None
    suggestion.decided_at = None
    suggestion.full_clean()
    suggestion.save()
    return suggestion
