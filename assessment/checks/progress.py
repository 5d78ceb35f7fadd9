"""Rules on what the plan's monitoring shows (`PlanSnapshot.monitoring`: approved reports
of the published periods): activities past their end month that their latest report does
not show completed or cancelled, and indicators off their target. A plan nobody monitors
gets none of them.

An activity nobody has reported on is not judged: the review does not guess a status (the
coordinator's desk shows the reports missing). An indicator's direction comes from its
baseline and target, as the plan states them: a target above the baseline is to be
reached from below, one under it from above. An indicator whose baseline or target is not
a number, or whose target equals its baseline, is not judged (the SMART rules report what
it lacks). It is off target when its latest value lies on the far side of the baseline
from the target, or when its target year (else the plan's last year) is over and the
target is not reached.
"""

from __future__ import annotations

from decimal import Decimal

from assessment.checks.indicators import indicator_label
from assessment.checks.registry import Context, Hit, rule
from monitoring.models import ActivityStatus
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
