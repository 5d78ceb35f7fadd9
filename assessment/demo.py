"""Review rounds and their follow-up for the demo plans (the `demo_reviews` command, which
`load_demo` runs). For each demo plan: a mid-term review, finalised; a change to the plan;
a final review, finalised; then a draft of the next plan (a copy) whose elements answer
some of the final review's recommendations. Every step is skipped when already done, so
running it again changes nothing. Reviews are finalised through the service, so whatever
finalising stores is stored."""

from __future__ import annotations

import datetime
from itertools import cycle

from django.db import transaction

from actionplan.models import Activity
from actionplan.services import activity_save
from assessment import follow_up_services, services
from assessment.assess import default_framework
from assessment.follow_up_selectors import follow_up_review
from assessment.models import Note, Priority, Review, SuggestedNote
from strategy.models import Plan, Stakeholder
from strategy.services import plan_copy

MID_TERM = "Mid-term review (demonstration)"
FINAL = "Final review (demonstration)"
NEXT_PLAN = "Next national action plan (demonstration draft)"
# The change made to the plan between the two rounds: it answers a recommendation the
# checks make of many plans (data collection and exchange).
ADDED_ACTIVITY = (
    "Set up a national system for collecting and exchanging data on trafficking cases, "
    "victims and prosecutions"
)
ACCEPTED = {MID_TERM: 5, FINAL: 8}
LINKED = 4  # of the final review's recommendations, the next plan answers this many


def demo_rounds(*, plan: Plan, reviewer, coordinator) -> Plan | None:
    """The two rounds of `plan` and the draft that follows it up; the draft, or None when
    no framework is loaded to review against."""
    framework = default_framework(plan)
    if framework is None:
        return None
    _round(plan=plan, framework=framework, reviewer=reviewer, title=MID_TERM)
    _plan_change(plan=plan)
    _round(plan=plan, framework=framework, reviewer=reviewer, title=FINAL)
    return _next_plan(plan=plan, coordinator=coordinator)


@transaction.atomic
def _round(*, plan: Plan, framework, reviewer, title: str) -> Review:
    review = plan.reviews.filter(title=title).first()
    if review is not None and review.is_final:
        return review
    if review is None:
        review = services.review_create(plan=plan, framework=framework, user=reviewer, title=title)
    open_recommendations = review.suggested_notes.filter(
        kind=Note.Kind.RECOMMENDATION, status=SuggestedNote.Status.OPEN, is_current=True
    ).order_by("pk")[: ACCEPTED[title]]
    for suggestion in open_recommendations:
        services.suggested_note_accept(suggestion=suggestion, user=reviewer)
    if not review.notes.filter(kind=Note.Kind.RECOMMENDATION).exists():
        services.note_create(
            review=review,
            kind=Note.Kind.RECOMMENDATION,
            scope=Note.Scope.OVERALL,
            text="Plan the review, monitoring and evaluation of the next plan from its start.",
            user=reviewer,
        )
    _prioritise(review=review, reviewer=reviewer)
    return services.review_finalise(review=review, user=reviewer)


def _prioritise(*, review: Review, reviewer) -> None:
    """Priorities in turn; every other recommendation addressed to a body of the plan."""
    bodies = list(review.plan.stakeholders.filter(kind=Stakeholder.Kind.GOVERNMENT)[:3])
    addressees = cycle([None, *bodies]) if bodies else cycle([None])
    priorities = cycle(Priority.values)
    for note in review.notes.filter(kind=Note.Kind.RECOMMENDATION).order_by("pk"):
        services.recommendation_update(
            note=note, user=reviewer, priority=next(priorities), addressee=next(addressees)
        )


@transaction.atomic
def _plan_change(*, plan: Plan) -> None:
    objective = plan.objectives.order_by("order", "pk").first()
    if objective is None or Activity.objects.filter(plan=plan, title=ADDED_ACTIVITY).exists():
        return
    start = plan.period_start + (plan.period_end - plan.period_start) // 2
    activity = Activity(
        plan=plan,
        objective=objective,
        title=ADDED_ACTIVITY,
        start_month=datetime.date(start, 1, 1),
        end_month=datetime.date(plan.period_end, 12, 1),
    )
    lead = plan.stakeholders.filter(kind=Stakeholder.Kind.GOVERNMENT).first()
    activity_save(
        activity=activity,
        lead=lead,
        partners=[],
        siblings=Activity.objects.filter(objective=objective),
    )


@transaction.atomic
def _next_plan(*, plan: Plan, coordinator) -> Plan:
    following = plan.next_plans.filter(title=NEXT_PLAN).first()
    if following is None:
        length = plan.period_end - plan.period_start
        following = plan_copy(
            source=plan,
            user=coordinator,
            title=NEXT_PLAN,
            period_start=plan.period_end + 1,
            period_end=plan.period_end + 1 + length,
        )
    review = follow_up_review(plan=following)
    recommendations = list(review.notes.filter(kind=Note.Kind.RECOMMENDATION).order_by("pk"))
    for note in recommendations[:LINKED]:
        kind, element = _answering_element(following, note)
        if element is not None:
            follow_up_services.recommendation_link(
                plan=following,
                recommendation=note,
                element_type=kind,
                element=element,
                user=coordinator,
            )
    if recommendations and not recommendations[0].follow_ups.filter(plan=following).exists():
        follow_up_services.recommendation_confirm(
            plan=following,
            recommendation=recommendations[0],
            status="partly",
            user=coordinator,
        )
    return following


def _answering_element(plan: Plan, note: Note):
    """A plausible answer in the next plan: the chapter about the recommendation's
    component, else the copy of the activity added between the rounds, else a goal."""
    if note.component_id:
        chapter = plan.chapters.filter(components=note.component_id).order_by("order").first()
        if chapter is not None:
            return "chapter", chapter
    activity = Activity.objects.filter(plan=plan, title=ADDED_ACTIVITY).first()
    if activity is not None:
        return "activity", activity
    return "goal", plan.goals.order_by("order", "pk").first()
