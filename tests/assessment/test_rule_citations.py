"""Every rule and strength of the new modules cites a criterion of the shipped ICMPD 2006
checklist, gives its source and, for a rule, a recommendation."""

from pathlib import Path

import pytest
import yaml

from assessment.checks import REGISTRY
from assessment.strengths import STRENGTHS

CHECKLIST = Path(__file__).resolve().parents[2] / "fixtures" / "standards" / "icmpd-2006.yaml"
MODULES = ("timeline", "results", "resources", "bodies", "relevance", "balance")


def _codes(node) -> set[str]:
    codes = set()
    if isinstance(node, dict):
        if isinstance(node.get("code"), str):
            codes.add(node["code"])
        for value in node.values():
            codes |= _codes(value)
    elif isinstance(node, list):
        for item in node:
            codes |= _codes(item)
    return codes


CODES = _codes(yaml.safe_load(CHECKLIST.read_text(encoding="utf-8")))
NEW_RULES = [r for r in REGISTRY.values() if r.check.__module__.rsplit(".", 1)[-1] in MODULES]


@pytest.mark.parametrize("rule", NEW_RULES, ids=lambda r: r.code)
def test_each_new_rule_cites_the_checklist_and_its_source(rule):
    assert rule.criterion in CODES
    assert rule.severity in {"high", "medium", "low"}
    assert any(source in rule.rationale for source in ("ICMPD", "Annex 4", "M&E Handbook"))
    assert rule.recommendation.strip() and rule.title.strip()


@pytest.mark.parametrize("strength", list(STRENGTHS.values()), ids=lambda s: s.code)
def test_each_strength_cites_the_checklist(strength):
    assert strength.criterion == "" or strength.criterion in CODES
    assert strength.kind in {"commendation", "practice"}
