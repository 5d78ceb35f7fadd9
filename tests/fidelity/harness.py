"""Import each corpus plan through the real importer, review it, and score the review
against the expected conclusions and the corpus' wording labels.

Used by `tests/fidelity/test_fidelity.py` (inside a test database) and `bench/fidelity.py`
(on a throw-away one). Needs the ICMPD 2006 checklist loaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actionplan.exchange.json_import import plan_import_json
from actionplan.models import Activity
from assessment.assess import plan_assess
from standards.models import Framework
from strategy.models import Chapter, SpecificObjective, StrategicGoal
from tests.fidelity.corpus import CorpusPlan, corpus_plans
from tests.fidelity.expected import EXPECTED, MUST_NOT, Conclusion
from tests.fidelity.predicates import Reviewed, flags


@dataclass
class PlanResult:
    name: str
    reached: list[Conclusion] = field(default_factory=list)
    missed: list[Conclusion] = field(default_factory=list)
    contradicted: list[Conclusion] = field(default_factory=list)
    # (activity ref, label, predicted vague) for rows labelled concrete or vague
    wording: list[tuple[str, str, bool]] = field(default_factory=list)


@dataclass
class CorpusResult:
    plans: list[PlanResult]

    @property
    def reached_ids(self) -> set[str]:
        return {c.id for p in self.plans for c in p.reached}

    @property
    def expected_count(self) -> int:
        return sum(len(p.reached) + len(p.missed) for p in self.plans)

    @property
    def contradicted(self) -> list[Conclusion]:
        return [c for p in self.plans for c in p.contradicted]

    def wording_scores(self) -> tuple[float, float, int]:
        """Precision and recall of "vague" over every labelled row."""
        rows = [row for p in self.plans for row in p.wording]
        flagged = [label for _, label, vague in rows if vague]
        true_positives = flagged.count("vague")
        vague_rows = sum(1 for _, label, _ in rows if label == "vague")
        precision = true_positives / len(flagged) if flagged else 1.0
        recall = true_positives / vague_rows if vague_rows else 1.0
        return precision, recall, len(rows)


def review_refs(plan) -> tuple[dict[str, tuple[str, int]], int]:
    """The plan's own references → (element type, id); and how many activities it has."""
    refs: dict[str, tuple[str, int]] = {"plan": ("plan", plan.pk)}
    for prefix, model, type_ in (
        ("C", Chapter, "chapter"),
        ("G", StrategicGoal, "goal"),
        ("O", SpecificObjective, "objective"),
    ):
        ids = model.objects.filter(plan=plan).order_by("order", "pk").values_list("pk", flat=True)
        refs.update({f"{prefix}{n}": (type_, pk) for n, pk in enumerate(ids, start=1)})
    activities = list(Activity.objects.filter(plan=plan).values_list("code", "pk"))
    refs.update({code: ("activity", pk) for code, pk in activities if code})
    return refs, len(activities)


def review_corpus_plan(corpus_plan: CorpusPlan, framework: Framework) -> Reviewed:
    plan = plan_import_json(document=corpus_plan.importable())
    data = plan_assess(plan=plan, framework=framework).as_json()
    refs, count = review_refs(plan)
    return Reviewed(data, refs, count)


def score_plan(corpus_plan: CorpusPlan, reviewed: Reviewed) -> PlanResult:
    result = PlanResult(corpus_plan.name)
    for conclusion in EXPECTED.get(corpus_plan.name, []):
        (result.reached if conclusion.holds(reviewed) else result.missed).append(conclusion)
    result.contradicted = [c for c in MUST_NOT.get(corpus_plan.name, []) if c.holds(reviewed)]
    for ref, label in corpus_plan.wording.items():
        if label in ("concrete", "vague"):
            vague = flags("activity-vague", on=[ref])
            result.wording.append((ref, label, vague(reviewed)))
    return result


def corpus_review(framework: Framework) -> CorpusResult:
    return CorpusResult([score_plan(p, review_corpus_plan(p, framework)) for p in corpus_plans()])
