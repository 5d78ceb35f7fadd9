"""`plan_assess`: the whole automated assessment of a plan, computed and never saved.

    snapshot = plan_snapshot(plan, framework)     # a fixed number of queries
    coverage = plan_coverage(snapshot)            # a level per area and principle
    mapping  = plan_mapping(snapshot, coverage)   # chapters × components, principles
    findings = run_checks(snapshot, coverage)     # every registered rule
    strengths = run_strengths(snapshot, coverage) # what the plan does well
    scores   = scores_from_coverage(coverage)     # the formula in assessment.scoring

`review_run` saves the result into a review; the `review` command prints it as JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assessment.checks import FindingData, run_checks
from assessment.coverage import Coverage, plan_coverage
from assessment.mapping import Mapping, chapter_components, plan_mapping
from assessment.scoring import Scores, scores_from_coverage
from assessment.snapshot import PlanSnapshot, plan_snapshot
from assessment.strengths import StrengthData, run_strengths
from standards.models import Framework
from strategy.models import Plan

DEFAULT_FRAMEWORK_CODE = "icmpd-2006"


@dataclass
class Assessment:
    plan: Plan
    framework: Framework
    snapshot: PlanSnapshot
    findings: list[FindingData]
    coverage: list[Coverage]
    scores: Scores
    mapping: Mapping
    strengths: list[StrengthData] = field(default_factory=list)

    def as_json(self) -> dict:
        """The shape of `manage.py review --format json` (documented in README.md)."""
        return {
            "plan": self.plan.pk,
            "framework": self.framework.label,
            "findings": [f.as_json() for f in self.findings],
            "ratings": [
                {
                    "code": c.code,
                    "kind": c.kind,
                    "level": str(c.level),
                    "evidence": [
                        {
                            "type": e.type,
                            "id": e.id,
                            "suggested": e.suggested,
                            "keyword": e.keyword,
                            "matched": e.matched,
                        }
                        for e in c.evidence
                    ],
                }
                for c in self.coverage
            ],
            "scores": self.scores.as_json(),
            "mapping": self.mapping.as_json(),
            "strengths": [s.as_json() for s in self.strengths],
        }


def default_framework(plan: Plan, code: str | None = None) -> Framework | None:
    """The framework to review a plan against: the given code's current version; else the
    plan's own framework; else the current ICMPD 2006 catalogue."""
    if code:
        return Framework.objects.filter(code=code, is_current=True).first()
    if plan.framework_id:
        return plan.framework
    return Framework.objects.filter(code=DEFAULT_FRAMEWORK_CODE, is_current=True).first()


def plan_assess(
    *, plan: Plan, framework: Framework, rejected: frozenset = frozenset()
) -> Assessment:
    """Assess a plan against a framework. Writes nothing.

    `rejected` holds `(code, element_type, element_id)` keyword suggestions a reviewer
    rejected; they no longer count as evidence.
    """
    snapshot = plan_snapshot(plan=plan, framework=framework)
    coverage = plan_coverage(snapshot, rejected=rejected)
    chapters = chapter_components(snapshot, coverage)
    findings = run_checks(snapshot, coverage, chapters)
    scores = scores_from_coverage(
        coverage=coverage, component_codes=[c["code"] for c in snapshot.catalogue.components]
    )
    return Assessment(
        plan,
        framework,
        snapshot,
        findings,
        coverage,
        scores,
        plan_mapping(snapshot, coverage),
        run_strengths(snapshot, coverage, chapters),
    )
