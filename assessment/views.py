"""The review workspace. Views are thin: one access helper per object, forms clean the
input, services write. Every edit answers an htmx request with the partial it changed
(rendered by the same view) and a plain request with a redirect to the page that shows
it. What the workspace loads on demand (a rule's further elements, a rating's further
evidence, the suggested notes) answers htmx with the list and a plain request with a page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from assessment import services
from assessment.access import can_change_review, get_review_for_reviewer, get_review_for_user
from assessment.forms import (
    DismissForm,
    NoteForm,
    NoteTextForm,
    OverrideForm,
    RecommendationForm,
    RejectForm,
    ReviewStartForm,
    SuggestedNoteAcceptForm,
)
from assessment.models import Note, Priority, Review
from assessment.selectors import comparable_reviews, plan_review_rounds
from assessment.workspace import (
    EVIDENCE_SHOWN,
    SHOWN_PER_RULE,
    rule_card,
    scores_context,
    suggestions_context,
    workspace_context,
)
from napplanner.concurrency import ObjectGone, edit_save, gone_response, merged_note, vanished
from napplanner.htmx import partial_or_redirect
from napplanner.roles import REVIEWER, has_role
from strategy.access import get_plan_for_working_group
from strategy.models import Plan


def _detail_url(review: Review, anchor: str = "") -> str:
    return reverse("assessment:review_detail", args=[review.pk]) + anchor


def _back(review: Review, anchor: str = ""):
    return redirect(_detail_url(review, anchor))


def _errors(exc: ValidationError) -> str:
    return " ".join(exc.messages)


@require_GET
@login_required
def review_index(request):
    reviews = (
        Review.objects.visible_to(request.user)
        .select_related("plan", "framework")
        .order_by("-created_at")
    )
    plans = Plan.objects.visible_to(request.user, consultees=False).order_by(
        "country", "-period_start", "title"
    )
    return render(
        request,
        "assessment/review_index.html",
        {"reviews": reviews, "plans": plans, "is_reviewer": has_role(request.user, REVIEWER)},
    )


@require_GET
@login_required
def plan_reviews(request, plan_id: int):
    plan = get_plan_for_working_group(request, plan_id)
    reviews = plan.reviews.select_related("framework").order_by("-created_at")
    return render(
        request,
        "assessment/plan_reviews.html",
        {
            "plan": plan,
            "reviews": reviews,
            "rounds": plan_review_rounds(plan=plan),
            "is_reviewer": has_role(request.user, REVIEWER),
            "form": ReviewStartForm(initial={"framework": plan.framework_id}),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def review_create(request, plan_id: int):
    plan = get_plan_for_working_group(request, plan_id)
    if not has_role(request.user, REVIEWER):
        raise PermissionDenied(_("Only reviewers can review a plan."))
    form = ReviewStartForm(request.POST or None, initial={"framework": plan.framework_id})
    if request.method == "POST" and form.is_valid():
        review = services.review_create(
            plan=plan, framework=form.cleaned_data["framework"], user=request.user
        )
        messages.success(request, _("The review has started: the checks have run."))
        return _back(review)
    status = 400 if request.method == "POST" else 200
    return render(
        request, "assessment/review_create.html", {"plan": plan, "form": form}, status=status
    )


@require_GET
@login_required
def review_detail(request, review_id: int):
    review = get_review_for_user(request, review_id)
    context = workspace_context(review, show_all=request.GET.get("all") == "1")
    context["can_change"] = can_change_review(request.user, review)
    context["note_form"] = NoteForm(framework=review.framework)
    context["comparable"] = comparable_reviews(review=review, user=request.user)
    return render(request, "assessment/review_detail.html", context)


@require_POST
@login_required
def review_run(request, review_id: int):
    review = get_review_for_reviewer(request, review_id)
    services.review_run(review=review)
    messages.success(request, _("The checks ran again; dismissals and overrides were kept."))
    return _back(review)


@require_POST
@login_required
def review_finalise(request, review_id: int):
    review = get_review_for_reviewer(request, review_id)
    services.review_finalise(review=review, user=request.user)
    messages.success(request, _("The review is final: it can no longer change."))
    return _back(review)


def _finding_page(review, finding) -> str:
    """Where a plain request sees the finding again: the workspace, or the page of its rule
    when the workspace lists it among the elements loaded on demand."""
    card = rule_card(review, rule=finding.rule)
    shown = [f.pk for f in card.findings[:SHOWN_PER_RULE]] if card else []
    if not finding.is_current or finding.pk in shown:
        return _detail_url(review, f"#finding-{finding.pk}")
    url = reverse("assessment:rule_findings", args=[review.pk, finding.rule])
    return f"{url}#finding-{finding.pk}"


def _finding_response(request, review, finding, error=""):
    return partial_or_redirect(
        request,
        "assessment/_finding.html",
        {"review": review, "finding": finding, "can_change": True, "error": error},
        redirect_to="" if request.htmx else _finding_page(review, finding),
        error=error,
    )


@require_GET
@login_required
def rule_findings(request, review_id: int, rule: str):
    """Every element one rule concerns: to htmx the elements after the first `from` (the
    page lists those already), to a plain request a page with the whole rule card."""
    review = get_review_for_user(request, review_id)
    card = rule_card(review, rule=rule)
    if card is None:
        raise Http404("No such findings in this review.")
    context = {
        "review": review,
        "card": card,
        "findings": card.findings[SHOWN_PER_RULE:],
        "can_change": can_change_review(request.user, review),
    }
    return partial_or_redirect(
        request,
        "assessment/_rule_findings_more.html",
        context,
        page="assessment/rule_findings.html",
    )


@require_POST
@login_required
def finding_dismiss(request, review_id: int, finding_id: int):
    review = get_review_for_reviewer(request, review_id)
    finding = get_object_or_404(review.findings, pk=finding_id)
    form = DismissForm(request.POST)
    if not form.is_valid():
        return _finding_response(request, review, finding, _("Say why the finding does not apply."))
    services.finding_dismiss(finding=finding, user=request.user, reason=form.cleaned_data["reason"])
    return _finding_response(request, review, finding)


@require_POST
@login_required
def finding_restore(request, review_id: int, finding_id: int):
    review = get_review_for_reviewer(request, review_id)
    finding = get_object_or_404(review.findings, pk=finding_id)
    services.finding_restore(finding=finding, user=request.user)
    return _finding_response(request, review, finding)


@require_GET
@login_required
def rating_evidence(request, review_id: int, rating_id: int):
    """A rating's evidence: to htmx the items after those the workspace lists, to a plain
    request a page with the rating and all of its evidence."""
    review = get_review_for_user(request, review_id)
    rating = get_object_or_404(review.ratings.select_related("area", "principle"), pk=rating_id)
    context = {
        "review": review,
        "rating": rating,
        "evidence": rating.evidence[EVIDENCE_SHOWN:],
        "can_change": can_change_review(request.user, review),
        "show_all": True,
    }
    return partial_or_redirect(
        request, "assessment/_evidence_more.html", context, page="assessment/rating_evidence.html"
    )


def _rating_response(request, review, rating, error="", notice="", field_errors=None):
    """The rating; `field_errors` (a form's errors) shows the override's problems at its
    fields, where the error summary links to them."""

    def context():
        return {
            **scores_context(review),
            "review": review,
            "rating": rating,
            "can_change": True,
            "error": error,
            "field_errors": field_errors or {},
            "notice": notice,
            "oob": True,
            "show_all": False,
        }

    return partial_or_redirect(
        request,
        "assessment/_rating_response.html",
        context,
        redirect_to=_detail_url(review, f"#rating-{rating.pk}"),
        error=error,
    )


@require_POST
@login_required
def rating_override(request, review_id: int, rating_id: int):
    review = get_review_for_reviewer(request, review_id)
    rating = get_object_or_404(review.ratings, pk=rating_id)
    form = OverrideForm(request.POST, instance=rating)
    saved = edit_save(
        request,
        form,
        save=lambda: services.rating_override(
            rating=rating,
            user=request.user,
            level=form.cleaned_data["level"],
            justification=form.cleaned_data["justification"],
        ),
        what=_("the level of %(code)s") % {"code": rating.code},
        cancel_url=_detail_url(review, f"#rating-{rating.pk}"),
        target_id=f"rating-{rating.pk}",
        context={"review": review, "wrapper": "li"},
    )
    if isinstance(saved, HttpResponse):
        return saved
    if not saved:
        error = " ".join(e for errors in form.errors.values() for e in errors)
        return _rating_response(request, review, rating, error, field_errors=form.errors)
    return _rating_response(request, review, rating, notice=merged_note(form))


@require_POST
@login_required
def suggestion_reject(request, review_id: int, rating_id: int):
    review = get_review_for_reviewer(request, review_id)
    rating = get_object_or_404(review.ratings, pk=rating_id)
    form = RejectForm(request.POST)
    if not form.is_valid():
        return _rating_response(request, review, rating, _("Choose a suggested element."))
    try:
        services.suggestion_reject(
            review=review,
            code=rating.code,
            element_type=form.cleaned_data["element_type"],
            element_id=form.cleaned_data["element_id"],
            user=request.user,
        )
    except ValidationError as exc:
        return _rating_response(request, review, rating, _errors(exc))
    rating.refresh_from_db()
    return _rating_response(request, review, rating)


def _notes_response(request, review, form=None, error="", invalid_note=None, note_errors=()):
    """The notes; `form`, a note being added with its problems, or `invalid_note`, the id
    of a note whose new text was refused (`note_errors`), shown at their fields."""

    def context():
        return {
            "review": review,
            "notes": list(review.notes.select_related("component", "finding")),
            "addressees": review.plan.stakeholders.all(),
            "priorities": Priority.choices,
            "can_change": True,
            "note_form": form or NoteForm(framework=review.framework),
            "error": error,
            "invalid_note": invalid_note,
            "invalid_note_errors": list(note_errors),
        }

    return partial_or_redirect(
        request,
        "assessment/_notes.html",
        context,
        redirect_to=_detail_url(review, "#notes"),
        error=error,
    )


@require_POST
@login_required
def note_create(request, review_id: int):
    review = get_review_for_reviewer(request, review_id)
    form = NoteForm(request.POST, framework=review.framework)
    if not form.is_valid():
        error = " ".join(e for errors in form.errors.values() for e in errors)
        return _notes_response(request, review, form, error)
    services.note_create(review=review, user=request.user, **form.cleaned_data)
    return _notes_response(request, review)


@require_POST
@login_required
def note_from_finding(request, review_id: int, finding_id: int):
    review = get_review_for_reviewer(request, review_id)
    finding = get_object_or_404(review.findings, pk=finding_id)
    component = review.framework.components.filter(code=finding.component_code).first()
    services.note_create(
        review=review,
        user=request.user,
        kind="recommendation",
        scope="component" if component else "overall",
        component=component,
        finding=finding,
        text="",
    )
    return _notes_response(request, review)


@require_POST
@login_required
def note_update(request, review_id: int, note_id: int):
    review = get_review_for_reviewer(request, review_id)
    note = review.notes.filter(pk=note_id).first()
    if note is None:
        if not vanished(request, Note, note_id):
            raise Http404("No such note in this review.")
        return _note_gone(request, review, NoteTextForm(request.POST))
    form = NoteTextForm(request.POST, instance=note)
    saved = edit_save(
        request,
        form,
        save=lambda: services.note_update(
            note=note, user=request.user, text=form.cleaned_data["text"]
        ),
        what=_("the note"),
        cancel_url=_detail_url(review, "#notes"),
        target_id="notes-list",
        context={"review": review},
    )
    if isinstance(saved, HttpResponse):
        return saved
    if not saved:
        errors = form.errors.get("text") or [_("A note needs a text.")]
        return _notes_response(
            request, review, error=" ".join(errors), invalid_note=note.pk, note_errors=errors
        )
    return _notes_response(request, review)


def _note_gone(request, review, form):
    return gone_response(
        request,
        ObjectGone(form),
        what=_("the note"),
        back_url=_detail_url(review, "#notes"),
        target_id="notes-list",
        context={"review": review},
    )


@require_POST
@login_required
def recommendation_update(request, review_id: int, note_id: int):
    """A recommendation's priority and addressee, set while the review is a draft."""
    review = get_review_for_reviewer(request, review_id)
    note = review.notes.filter(pk=note_id, kind=Note.Kind.RECOMMENDATION).first()
    if note is None:
        if not vanished(request, Note, note_id):
            raise Http404("No such recommendation in this review.")
        return _note_gone(request, review, RecommendationForm(request.POST, plan=review.plan))
    form = RecommendationForm(request.POST, instance=note, plan=review.plan)
    saved = edit_save(
        request,
        form,
        save=lambda: services.recommendation_update(
            note=note,
            user=request.user,
            priority=form.cleaned_data["priority"],
            addressee=form.cleaned_data["addressee"],
        ),
        what=_("the recommendation %(reference)s") % {"reference": note.reference},
        cancel_url=_detail_url(review, "#notes"),
        target_id="notes-list",
        context={"review": review},
    )
    if isinstance(saved, HttpResponse):
        return saved
    if not saved:
        error = " ".join(e for errors in form.errors.values() for e in errors)
        return _notes_response(request, review, error=error)
    return _notes_response(request, review)


@require_POST
@login_required
def note_delete(request, review_id: int, note_id: int):
    review = get_review_for_reviewer(request, review_id)
    note = get_object_or_404(review.notes, pk=note_id)
    services.note_delete(note=note, user=request.user)
    return _notes_response(request, review)


@require_GET
@login_required
def suggested_notes(request, review_id: int):
    """The suggested notes, which the workspace loads when the reader reaches them: the
    list to htmx, a page with it (and the notes an accept adds to) to a plain request."""
    review = get_review_for_user(request, review_id)
    can_change = can_change_review(request.user, review)

    def context():
        return {
            **suggestions_context(review),
            "review": review,
            "notes": list(review.notes.select_related("component", "finding")),
            "addressees": review.plan.stakeholders.all(),
            "priorities": Priority.choices,
            "note_form": NoteForm(framework=review.framework),
            "can_change": can_change,
        }

    return partial_or_redirect(
        request,
        "assessment/_suggested_notes.html",
        context,
        page="assessment/suggested_notes.html",
    )


def _suggestions_response(request, review, error=""):
    """The suggestions partial and, out of band, the notes list an accept added to."""

    def context():
        return {
            **suggestions_context(review),
            "review": review,
            "notes": list(review.notes.select_related("component", "finding")),
            "addressees": review.plan.stakeholders.all(),
            "priorities": Priority.choices,
            "note_form": NoteForm(framework=review.framework),
            "can_change": True,
            "error": error,
            "oob": True,
        }

    return partial_or_redirect(
        request,
        "assessment/_suggested_response.html",
        context,
        redirect_to=reverse("assessment:suggested_notes", args=[review.pk]),
        error=error,
    )


def _suggestion(review, suggestion_id: int):
    return get_object_or_404(review.suggested_notes, pk=suggestion_id, is_current=True)


@require_POST
@login_required
def suggested_note_accept(request, review_id: int, suggestion_id: int):
    review = get_review_for_reviewer(request, review_id)
    suggestion = _suggestion(review, suggestion_id)
    form = SuggestedNoteAcceptForm(request.POST)
    if not form.is_valid():
        error = " ".join(e for errors in form.errors.values() for e in errors)
        return _suggestions_response(request, review, error)
    try:
        services.suggested_note_accept(
            suggestion=suggestion, user=request.user, text=form.cleaned_data["text"]
        )
    except ValidationError as exc:
        return _suggestions_response(request, review, _errors(exc))
    return _suggestions_response(request, review)


@require_POST
@login_required
def suggested_note_reject(request, review_id: int, suggestion_id: int):
    review = get_review_for_reviewer(request, review_id)
    suggestion = _suggestion(review, suggestion_id)
    try:
        services.suggested_note_reject(suggestion=suggestion, user=request.user)
    except ValidationError as exc:
        return _suggestions_response(request, review, _errors(exc))
    return _suggestions_response(request, review)


@require_POST
@login_required
def suggested_note_restore(request, review_id: int, suggestion_id: int):
    review = get_review_for_reviewer(request, review_id)
    suggestion = _suggestion(review, suggestion_id)
    try:
        services.suggested_note_restore(suggestion=suggestion, user=request.user)
    except ValidationError as exc:
        return _suggestions_response(request, review, _errors(exc))
    return _suggestions_response(request, review)
