"""Automated checks of a plan against a framework: see `registry` for how rules work.

Importing this package registers every rule: `strategy` (goals, objectives, background),
`actions` (activities, responsibilities, timeframes, budget), `indicators` (SMART) and
`gaps` (coverage gaps and unanswered criteria).
"""

from assessment.checks import actions, gaps, indicators, strategy  # noqa: F401 (registers)
from assessment.checks.registry import REGISTRY, FindingData, Rule, run_checks

__all__ = ["REGISTRY", "FindingData", "Rule", "run_checks"]
