"""The rule registry: small, generic checks of a plan's structure and text.

A rule is a function decorated with `@rule(...)`. The decorator records what a reader of
the finding needs: a stable `code` (e.g. `goal-phrased-as-action`), a severity (high,
medium, low), the criterion of the standard it cites (e.g. `ST.5`, `AP.3`, `IN.T`), the
area when it concerns one, a rationale citing the source (ICMPD 2006 Guidelines page, the
M&E Handbook, Annex 4 of the review the product is modelled on), a message template and a
suggested recommendation in the voice of a review.

A rule receives a `Context` (the plan snapshot, the coverage and helpers) and yields
`Hit`s — one per plan element it concerns, with the values its message needs. Rules read
the snapshot only, never the database, so running all of them costs no query. Nothing in
a rule is written for one country.

`run_checks(snapshot, coverage)` runs every rule and returns `FindingData` records whose
`key` (`rule:element_type:element_id[:detail]`) is stable across runs, so a saved finding
is updated in place and its dismissal survives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from assessment.coverage import Coverage
from assessment.snapshot import Element, PlanSnapshot

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    criterion: str
    area: str | None
    title: str
    rationale: str
    message: str
    recommendation: str
    check: Callable


@dataclass
class Hit:
    element_type: str
    element_id: int
    values: dict = field(default_factory=dict)
    detail: str = ""
    label: str = ""
    severity: str | None = None
    criterion: str | None = None
    area: str | None = None


@dataclass
class FindingData:
    key: str
    rule: str
    criterion: str
    area: str
    component: str
    severity: str
    element_type: str
    element_id: int
    element_label: str
    message: str
    citation: str
    recommendation: str

    def as_json(self) -> dict:
        return {
            "rule": self.rule,
            "criterion": self.criterion,
            "area": self.area or None,
            "severity": self.severity,
            "element": {"type": self.element_type, "id": self.element_id},
            "message": self.message,
        }


REGISTRY: dict[str, Rule] = {}


def rule(
    *,
    code: str,
    severity: str,
    criterion: str,
    title: str,
    rationale: str,
    message: str,
    recommendation: str,
    area: str | None = None,
):
    """Register a check. `message` is a `str.format` template filled from `Hit.values`."""

    def register(check: Callable[[Context], Iterable[Hit]]):
        if code in REGISTRY:
            raise ValueError(f"Rule {code} is registered twice.")
        REGISTRY[code] = Rule(
            code, severity, criterion, area, title, rationale, message, recommendation, check
        )
        return check

    return register


class Context:
    """What a rule may read: the snapshot, the coverage and lookups derived from them."""

    def __init__(self, snapshot: PlanSnapshot, coverage: list[Coverage], chapter_components):
        self.snapshot = snapshot
        self.coverage = {(c.kind, c.code): c for c in coverage}
        self.chapter_components = chapter_components
        self.plan_id = snapshot.plan.pk
        self._objectives = {o.id: o for o in snapshot.objectives}
        self._goals = {g.id: g for g in snapshot.goals}
        self._chapters = {c.id: c for c in snapshot.chapters}
        self._memo: dict = {}
        self._elements = {
            (e.type, e.id): e for e in snapshot.elements("chapter", "goal", "objective", "activity")
        }

    def memo(self, key: str, compute: Callable):
        """Compute once per run what a plan-level rule and its per-element twin share."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]

    def area(self, code: str) -> Coverage | None:
        return self.coverage.get(("area", code))

    def has_criterion(self, code: str) -> bool:
        return code in self.snapshot.catalogue.criteria_codes()

    def chain(self, element: Element) -> list[Element]:
        """The element and its ancestors: activity → objective → goal → chapter."""
        chain = [element]
        lookups = {"activity": self._objectives, "objective": self._goals, "goal": self._chapters}
        while element.type in lookups and element.parent_id in lookups[element.type]:
            element = lookups[element.type][element.parent_id]
            chain.append(element)
        return chain

    def component_of(self, element_type: str, element_id: int) -> str:
        """The component a finding on this element belongs to, "" for the plan as a whole."""
        element = self._elements.get((element_type, element_id))
        if element is None:
            return ""
        catalogue = self.snapshot.catalogue
        for link in self.chain(element):
            if link.components:
                return sorted(link.components)[0]
            for area_code in sorted(link.areas):
                component = catalogue.area_component(area_code)
                if component:
                    return component
            if link.type == "chapter" and self.chapter_components.get(link.id):
                return self.chapter_components[link.id][0][0]
        return ""


def _finding(ctx: Context, rule_: Rule, hit: Hit) -> FindingData:
    key = f"{rule_.code}:{hit.element_type}:{hit.element_id}"
    if hit.detail:
        key += f":{hit.detail}"
    area = hit.area if hit.area is not None else (rule_.area or "")
    component = (
        ctx.snapshot.catalogue.area_component(area)
        if area
        else ctx.component_of(hit.element_type, hit.element_id)
    )
    return FindingData(
        key=key[:200],
        rule=rule_.code,
        criterion=hit.criterion or rule_.criterion,
        area=area,
        component=component,
        severity=hit.severity or rule_.severity,
        element_type=hit.element_type,
        element_id=hit.element_id,
        element_label=hit.label[:300],
        message=rule_.message.format(**hit.values),
        citation=rule_.rationale,
        recommendation=rule_.recommendation,
    )


def run_checks(
    snapshot: PlanSnapshot, coverage: list[Coverage], chapter_components: dict | None = None
) -> list[FindingData]:
    """Every registered rule over the snapshot; findings sorted by severity, then rule."""
    ctx = Context(snapshot, coverage, chapter_components or {})
    findings = []
    for rule_ in REGISTRY.values():
        findings.extend(_finding(ctx, rule_, hit) for hit in rule_.check(ctx))
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.rule, f.key))
    return findings
