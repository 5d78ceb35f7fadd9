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


def _recommendations(findings: list[FindingData], dismissed: set[str]) -> list[Suggested]:
    """One suggestion per component and recommendation text, citing the rules behind it."""
    grouped: dict[tuple[str, str], Suggested] = {}
    for finding in findings:
        text = finding.recommendation.strip()
        if not text or finding.key in dismissed:
            continue
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        slot = (finding.component, text)
        if slot not in grouped:
            grouped[slot] = Suggested(
                key=f"{RECOMMENDATION}:{finding.component or 'plan'}:{digest}",
                kind=RECOMMENDATION,
                rule=finding.rule,
                criterion=finding.criterion,
                component=finding.component,
                element_type="plan",
                element_id=None,
                element_label="",
                text=text,
            )
        evidence = grouped[slot].evidence
        counted = next((e for e in evidence if e["rule"] == finding.rule), None)
        if counted is None:
            evidence.append({"rule": finding.rule, "count": 1})
        else:
            counted["count"] += 1
    return list(grouped.values())


def suggested_notes(
    *, strengths: list[StrengthData], findings: list[FindingData], dismissed: set[str]
) -> list[Suggested]:
    return [_from_strength(s) for s in strengths] + _recommendations(findings, dismissed)
