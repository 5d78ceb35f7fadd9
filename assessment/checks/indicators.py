"""Rules on indicators: are they SMART (Annex 4 of the review the product is modelled on)?

Each SMART criterion is checked on every indicator from its fields:

- `IN.S` specific — a definition that says what is counted (not vague, not a few words,
  not a bare "level of …" without a unit);
- `IN.M` measurable — a unit, a baseline and a means of verification;
- `IN.A` achievable — a target value to reach;
- `IN.R` relevant — a responsible body that collects it and acts on it;
- `IN.T` time-bound — a target year and a collection frequency.

As for activities, a plan-level finding says how many indicators fail a criterion (or
that the plan sets no indicator at all), and one low finding per indicator follows when
only some fail.
"""

from __future__ import annotations

import re

from assessment.checks.registry import Context, Hit, rule
from assessment.checks.wording import vague_reason

# "Level of public awareness" names a quality, not what is counted or how.
VAGUE_MEASURE = re.compile(
    r"^\s*(?:the\s+)?(?:level|degree|extent|quality|effectiveness|efficiency|improvement|"
    r"strengthening|уровень|степень|качество|эффективность|улучшение)\b",
    re.IGNORECASE,
)


def _is_specific(indicator: dict) -> bool:
    definition = indicator["definition"]
    if VAGUE_MEASURE.match(definition) and not indicator["unit"].strip():
        return False
    return vague_reason(definition) is None


ANNEX4 = (
    "Annex 4, SMART indicators for monitoring; M&E Handbook (ICMPD 2010): both levels must "
    "have an initially planned set of SMART indicators referring to the intended change."
)
SMART = {
    "IN.S": (
        "specific",
        "state clearly what is counted",
        _is_specific,
    ),
    "IN.M": (
        "measurable",
        "have a unit, a baseline and a means of verification",
        lambda i: bool(
            i["unit"].strip() and i["baseline_value"].strip() and i["means_of_verification"].strip()
        ),
    ),
    "IN.A": ("achievable", "set a target value", lambda i: bool(i["target_value"].strip())),
    "IN.R": (
        "relevant",
        "name the body that collects and acts on it",
        lambda i: i["responsible_body_id"] is not None,
    ),
    "IN.T": (
        "time-bound",
        "have a target year and a collection frequency",
        lambda i: bool(i["target_year"] and i["frequency"]),
    ),
}


def _source_may_hold_indicators(ctx: Context) -> bool:
    """Whether a plan without indicators may have them in the part of its source that was
    not typed in: then "the plan sets no indicators" is not assessed."""
    snapshot = ctx.snapshot
    return snapshot.source_lacks("activities") or any(
        snapshot.source_lacks("indicators", a) for a in snapshot.activities
    )


def indicator_label(indicator: dict) -> str:
    text = " ".join(indicator["definition"].split())
    return text if len(text) <= 140 else text[:139] + "…"


def _failing(ctx: Context, code: str, passes) -> tuple[list[dict], list[dict]]:
    indicators = ctx.snapshot.indicators
    return indicators, ctx.memo(code, lambda: [i for i in indicators if not passes(i)])


def _register(code: str, adjective: str, requirement: str, passes) -> None:
    @rule(
        code=f"indicators-not-{adjective}",
        severity="high",
        criterion=code,
        title=f"Indicators not {adjective}",
        rationale=ANNEX4,
        message="{summary}",
        recommendation="Set SMART indicators for both levels: each with a definition, unit, "
        "baseline, target, target year, means of verification, frequency and responsible body.",
    )
    def aggregate(ctx: Context):
        indicators, failing = _failing(ctx, code, passes)
        if not indicators and _source_may_hold_indicators(ctx):
            return
        if not indicators:
            summary = f"The plan sets no indicators, so none is {adjective}."
            yield Hit("plan", ctx.plan_id, {"summary": summary})
        elif failing:
            summary = (
                f"{len(failing)} of {len(indicators)} indicators are not {adjective}: "
                f"each should {requirement}."
            )
            severity = "high" if len(failing) * 2 >= len(indicators) else "medium"
            yield Hit("plan", ctx.plan_id, {"summary": summary}, severity=severity)

    @rule(
        code=f"indicator-not-{adjective}",
        severity="low",
        criterion=code,
        title=f"Indicator not {adjective}",
        rationale=ANNEX4,
        message="The indicator “{label}” is not " + adjective + ": it should " + requirement + ".",
        recommendation="Complete the indicator: it should " + requirement + ".",
    )
    def each(ctx: Context):
        indicators, failing = _failing(ctx, code, passes)
        if len(failing) < len(indicators):
            for indicator in failing:
                label = indicator_label(indicator)
                yield Hit("indicator", indicator["id"], {"label": label}, label=label)


for _code, (_adjective, _requirement, _passes) in SMART.items():
    _register(_code, _adjective, _requirement, _passes)
