"""The notes a review suggests before the reviewer writes any: commendations and
successful practices from the strength rules, and recommendations from the findings —
grouped by component and said once, however many findings share them.

`suggested_notes(...)` computes them (no query); `services.review_run` saves them as
`SuggestedNote`s by key, so a draft report is never an empty shell and a reviewer's
accept or reject survives the next run.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from assessment.checks import FindingData
from assessment.strengths import StrengthData

RECOMMENDATION = "recommendation"
RECOMMENDATION_KEY = f"{RECOMMENDATION}:"
# Criteria about money: their notes belong in the report's funding section.
FUNDING_CRITERIA = frozenset({"AP.3", "AP.6"})


@dataclass
class Suggested:
    key: str
    kind: str
    rule: str
    criterion: str
    component: str
    element_type: str
    element_id: int | None
    element_label: str
    text: str
    evidence: list[dict] = field(default_factory=list)


def _from_strength(strength: StrengthData) -> Suggested:
    return Suggested(
        key=strength.key,
        kind=strength.kind,
        rule=strength.rule,
        criterion=strength.criterion,
        component=strength.component,
        element_type=strength.element_type,
        element_id=strength.element_id,
        element_label=strength.element_label,
        text=strength.message,
        evidence=strength.evidence,
    )


def recommendations_from(rows) -> list[Suggested]:
    """One suggestion per component and recommendation text, citing the rules behind it.
    `rows`: (key, rule, criterion, component, recommendation) of the findings that count."""
    grouped: dict[tuple[str, str], Suggested] = {}
    for _key, rule, criterion, component, recommendation in rows:
        text = recommendation.strip()
        if not text:
            continue
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        slot = (component, text)
        if slot not in grouped:
            grouped[slot] = Suggested(
                key=f"{RECOMMENDATION_KEY}{component or 'plan'}:{digest}",
                kind=RECOMMENDATION,
                rule=rule,
                criterion=criterion,
                component=component,
                element_type="plan",
                element_id=None,
                element_label="",
                text=text,
            )
        evidence = grouped[slot].evidence
        counted = next((e for e in evidence if e["rule"] == rule), None)
        if counted is None:
            evidence.append({"rule": rule, "count": 1})
        else:
            counted["count"] += 1
    return list(grouped.values())


def suggested_notes(
    *, strengths: list[StrengthData], findings: list[FindingData], dismissed: set[str]
) -> list[Suggested]:
    rows = [
        (f.key, f.rule, f.criterion, f.component, f.recommendation)
        for f in findings
        if f.key not in dismissed
    ]
    return [_from_strength(s) for s in strengths] + recommendations_from(rows)
