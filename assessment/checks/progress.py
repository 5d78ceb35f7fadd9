"""Rules on what the plan's monitoring shows (`PlanSnapshot.monitoring`: approved reports
of the published periods): activities past their end month that their latest report does
not show completed or cancelled, activities that ended within the published periods with
no report at all, indicators off their target and budget lines spent beyond what they
planned. A plan nobody monitors gets none of them.

The review does not guess the status of an activity nobody has reported on: it says that
the monitoring cannot tell whether the activity was done. An indicator's direction comes
from its baseline and target, as the plan states them: a target above the baseline is to
be reached from below, one under it from above. An indicator whose baseline or target is not
a number, or whose target equals its baseline, is not judged (the SMART rules report what
it lacks). It is off target when its latest value lies on the far side of the baseline
from the target, or when its target year (else the plan's last year) is over and the
target is not reached.
"""

from __future__ import annotations

from decimal import Decimal

from assessment.checks.indicators import indicator_label
from assessment.checks.registry import Context, Hit, rule
from monitoring.models import ActivityStatus, PeriodStatus
from monitoring.selectors import DONE, moved_away, stated_number, target_reached

HANDBOOK = (
    "M&E Handbook (ICMPD 2010): monitoring gathers data on progress all along the "
    "implementation, so that what falls behind the plan is noticed while it can still be "
    "put right, and the periodic review weighs how far the plan succeeds."
)


def _amount(value: Decimal) -> str:
    return f"{value.normalize():f}"


@rule(
    code="activity-overdue",
    severity="medium",
    criterion="AP.2",
    title="Activity past its end month and not completed",
    rationale=HANDBOOK + " ICMPD 2006 Guidelines, p.18: a timeframe as detailed as possible, "
    "but realistic.",
    message="The activity “{label}” was to end by {end}; the latest approved report "
    "({period}) says it is {status}.{reason}",
    recommendation="Agree with the lead body what completing the activity still takes and by "
    "when, report on it in the next period, and revise the timeframe where it proved "
    "unrealistic.",
)
def activity_overdue(ctx: Context):
    monitoring = ctx.snapshot.monitoring
    if not monitoring.statuses:
        return
    this_month = monitoring.today.replace(day=1)
    for activity in ctx.snapshot.activities:
        end, reported = activity.extra["end"], monitoring.statuses.get(activity.id)
        if not end or end >= this_month or reported is None or reported[0] in DONE:
            continue
        status, reason, period = reported
        yield Hit(
            "activity",
            activity.id,
            {
                "label": activity.label,
                "end": end.strftime("%Y-%m"),
                "period": period,
                "status": status.replace("_", " "),
                "reason": f" The reason given: “{reason.strip()}”" if reason.strip() else "",
            },
            label=activity.label,
            severity="high" if status == ActivityStatus.NOT_STARTED else None,
        )


@rule(
    code="indicator-off-target",
    severity="medium",
    criterion="IN.A",
    title="Indicator off its target",
    rationale=HANDBOOK + " Annex 4, SMART indicators: an indicator is chosen so that one can "
    "act on what it shows.",
    message="The indicator “{label}” reached {value} (period {period}, measured {measured}) "
    "against a baseline of {baseline} and a target of {target} for {year}: {why}.",
    recommendation="Examine with the responsible body why the indicator is off target, decide "
    "the corrective action and report on it in the next period; where the target proves "
    "unrealistic, revise it and say why.",
)
def indicator_off_target(ctx: Context):
    monitoring = ctx.snapshot.monitoring
    if not monitoring.indicator_values:
        return
    last_year = ctx.snapshot.period[1].year
    for indicator in ctx.snapshot.indicators:
        reached = monitoring.indicator_values.get(indicator["id"])
        baseline = stated_number(indicator["baseline_value"])
        target = stated_number(indicator["target_value"])
        if reached is None or baseline is None or target is None or baseline == target:
            continue
        value, measured_on, period = reached
        year = indicator["target_year"] or last_year
        if moved_away(value, baseline=baseline, target=target):
            why = "it has moved away from the baseline, not towards the target"
        elif monitoring.today.year > year and not target_reached(
            value, baseline=baseline, target=target
        ):
            why = f"{year} is over and the target was not reached"
        else:
            continue
        label = indicator_label(indicator)
        values = {
            "label": label,
            "value": _amount(value),
            "period": period,
            "measured": measured_on.isoformat(),
            "baseline": _amount(baseline),
            "target": _amount(target),
            "year": year,
            "why": why,
        }
        yield Hit("indicator", indicator["id"], values, label=label)


@rule(
    code="activity-unreported",
    severity="medium",
    criterion="SF.5.1",
    title="Activity ended with no report on it",
    rationale=HANDBOOK + " ICMPD 2006 Guidelines, p.37: monitoring is the continuous "
    "collection of data on the progress of every activity.",
    message="The activity “{label}” was to end by {end}, within the reporting periods "
    "published so far ({periods}), and no approved report says whether it was done.",
    recommendation="Ask the responsible bodies to report on the activity, so that the next "
    "period says whether it was completed, is delayed or was cancelled, and follow up any "
    "body that has not reported.",
)
def activity_unreported(ctx: Context):
    monitoring = ctx.snapshot.monitoring
    published = [p for p in monitoring.periods if p["status"] == PeriodStatus.PUBLISHED]
    if not published:
        return
    first, last = published[0]["start_month"], published[-1]["end_month"]
    this_month = monitoring.today.replace(day=1)
    labels = ", ".join(p["label"] for p in published)
    for activity in ctx.snapshot.activities:
        end = activity.extra["end"]
        if (
            not end
            or not first <= end <= last
            or end >= this_month
            or activity.id in monitoring.statuses
            # Nobody owes a report on an activity without a responsible body; the rules on
            # responsibilities report that gap.
            or not ctx.snapshot.facts[activity.id].bodies
        ):
            continue
        yield Hit(
            "activity",
            activity.id,
            {"label": activity.label, "end": end.strftime("%Y-%m"), "periods": labels},
            label=activity.label,
        )


@rule(
    code="budget-overspent",
    severity="medium",
    criterion="SF.4.1",
    title="Budget line spent beyond what it planned",
    rationale=HANDBOOK + " ICMPD 2006 Guidelines, p.37: an approximate and realistic budget "
    "per activity, so that the resources needed are known and secured in time.",
    message="The activity “{label}” planned {planned} {currency} on its budget line "
    "“{line}”; the approved reports of the published periods record {spent} {currency} "
    "spent on it, {over} {currency} more.",
    recommendation="Explain the overrun with the lead body, revise the activity's budget and "
    "say where the additional funds come from, so that other activities are not left short.",
)
def budget_overspent(ctx: Context):
    spending = ctx.snapshot.monitoring.spending
    if not spending:
        return
    labels = {a.id: a.label for a in ctx.snapshot.activities}
    for line_id, line in spending.items():
        if line.spent <= line.planned or line.activity_id not in labels:
            continue
        label = labels[line.activity_id]
        yield Hit(
            "activity",
            line.activity_id,
            {
                "label": label,
                "line": line.description or "—",
                "currency": line.currency,
                "planned": _amount(line.planned),
                "spent": _amount(line.spent),
                "over": _amount(line.spent - line.planned),
            },
            # An activity may have several lines overspent: one finding each.
            detail=str(line_id),
            label=label,
        )
