"""Automated checks of a plan against a framework: see `registry` for how rules work.

Importing this package registers every rule: `strategy` (goals, objectives, background),
`actions` (activities, responsibilities, timeframes, budget), `indicators` (SMART),
`gaps` (coverage gaps and unanswered criteria), `timeline` (how deadlines spread over the
period), `results` (indicators of goals and objectives), `resources` (amounts or words,
state or donors), `bodies` (named bodies and leads), `relevance` (links to trafficking)
`balance` (between components) and `progress` (what the plan's monitoring reports).
"""

from assessment.checks import (  # noqa: F401 (registers)
    actions,
    balance,
    bodies,
    gaps,
    indicators,
    progress,
    relevance,
    resources,
    results,
    strategy,
    timeline,
)
from assessment.checks.registry import REGISTRY, FindingData, Rule, run_checks

__all__ = ["REGISTRY", "FindingData", "Rule", "run_checks"]
