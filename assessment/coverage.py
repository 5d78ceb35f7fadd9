"""Coverage: how well the plan covers each area and each guiding principle of a framework.

For every area and principle the plan gets one of four levels (`CoverageLevel`):

- **not_covered** — no plan element addresses it;
- **mentioned** — only sections, chapters, goals or objectives address it (the strategy
  names it, but no activity carries it out);
- **concrete** — at least one activity addresses it;
- **complete** — activities address it and every one of them is complete: a lead body, a
  timeframe, a budget line and an indicator (its own or its output's).

Evidence is the list of plan elements that led to the level, each marked `suggested` or
not. It comes from two sources:

1. **tags** — a chapter, goal, objective or activity tagged with the area or principle.
   Chapter *component* tags are context for the mapping only, never area evidence: a
   chapter about "prevention" says nothing about which prevention areas it covers.
2. **keyword suggestions** — the framework's phrases for the area or principle (all
   languages) found in an element's text on lemmas (`standards.phrases`); the evidence
   keeps the phrase and the plan's words that matched it. A suggestion counts,
   marked `suggested: true`, until a reviewer rejects it (`RejectedSuggestion`), so a plan
   imported without tags still gets a meaningful first assessment.

Principles are also evidenced by the plan's sections (e.g. its "guiding principles"
section): a principle named there is at least *mentioned*.

Monitoring in place is evidence too: each reporting period (open, closed or published)
that holds approved reports from the responsible bodies counts for the review, monitoring and
evaluation area and its criterion on regular monitoring (`REPORTING_AREA`,
`REPORTING_CRITERION`), as evidence of type `period`. The plan is then monitored in
practice, which rates the area at least *concrete*, as an activity would.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assessment.models import CoverageLevel
from assessment.snapshot import ActivityFacts, Element, PlanSnapshot
from standards.phrases import PhraseIndex

LEVELS = [
    CoverageLevel.NOT_COVERED,
    CoverageLevel.MENTIONED,
    CoverageLevel.CONCRETE,
    CoverageLevel.COMPLETE,
]
MENTION_TYPES = ("section", "chapter", "goal", "objective")
ANSWER_TYPES = ("goal", "objective", "activity")
# Where reporting periods with approved reports count (the ICMPD 2006 catalogue's codes;
# a framework without them gets no such evidence).
REPORTING_AREA, REPORTING_CRITERION = "SF.5", "SF.5.1"


@dataclass
class Evidence:
    type: str
    id: int
    suggested: bool
    label: str = ""
    keyword: str = ""  # the framework's phrase that matched
    matched: str = ""  # the plan's words that matched it

    def as_json(self) -> dict:
        return {
            "type": self.type,
            "id": self.id,
            "suggested": self.suggested,
            "label": self.label,
            "keyword": self.keyword,
            "matched": self.matched,
        }


@dataclass
class Coverage:
    kind: str  # "area" | "principle"
    code: str
    title: str
    component: str  # the area's component code; "" for a principle
    level: str
    evidence: list[Evidence] = field(default_factory=list)
    # criterion code → the goals, objectives and activities of `evidence` that answer it
    # (criteria of the area with phrases of their own only)
    criteria: dict[str, list[Evidence]] = field(default_factory=dict)

    @property
    def activities(self) -> list[Evidence]:
        return [e for e in self.evidence if e.type == "activity"]


def activity_is_complete(facts: ActivityFacts, element: Element) -> bool:
    has_timeframe = bool(element.extra.get("start") and element.extra.get("end"))
    return facts.lead and has_timeframe and facts.budget_lines > 0 and facts.indicators > 0


def _suggestions(snapshot: PlanSnapshot, entries) -> dict[tuple[str, str], dict]:
    """(kind, code) → {(element type, id): Match}: every element's text read once against
    the phrases of every area, principle and criterion."""
    index = PhraseIndex({(kind, e["code"]): e["keywords"] for kind, e in entries})
    found: dict[tuple[str, str], dict] = {}
    for element in snapshot.elements(*MENTION_TYPES, "activity"):
        for owner, match in index.find_all(element.text).items():
            found.setdefault(owner, {})[(element.type, element.id)] = match
    return found


def _tagged(snapshot: PlanSnapshot) -> dict[tuple[str, str], list[Element]]:
    """(kind, code) → the elements tagged with that area or principle, in plan order."""
    tagged: dict[tuple[str, str], list[Element]] = {}
    for element in snapshot.elements(*MENTION_TYPES, "activity"):
        for code in element.areas:
            tagged.setdefault(("area", code), []).append(element)
        for code in element.principles:
            tagged.setdefault(("principle", code), []).append(element)
    return tagged


def _evidence_for(
    code: str, *, tagged: list[Element], matches: dict, labels: dict, rejected: frozenset
) -> list[Evidence]:
    """Tagged elements first, then suggestions (in plan order) not rejected."""
    evidence = [Evidence(e.type, e.id, False, e.label) for e in tagged]
    seen = {(e.type, e.id) for e in tagged}
    for key, match in matches.items():
        if key not in seen and (code, *key) not in rejected:
            evidence.append(Evidence(*key, True, labels[key], match.phrase, match.words))
    return evidence


def _level(snapshot: PlanSnapshot, evidence: list[Evidence]) -> str:
    activity_ids = [e.id for e in evidence if e.type == "activity"]
    if activity_ids:
        by_id = {a.id: a for a in snapshot.activities}
        if all(activity_is_complete(snapshot.facts[i], by_id[i]) for i in activity_ids):
            return CoverageLevel.COMPLETE
        return CoverageLevel.CONCRETE
    if any(e.type == "period" for e in evidence):
        return CoverageLevel.CONCRETE
    return CoverageLevel.MENTIONED if evidence else CoverageLevel.NOT_COVERED


def plan_coverage(snapshot: PlanSnapshot, *, rejected: frozenset = frozenset()) -> list[Coverage]:
    """One `Coverage` per area (in framework order), then one per principle.

    `rejected` holds `(code, element_type, element_id)` triples a reviewer rejected.
    """
    catalogue = snapshot.catalogue
    entries = [("area", a) for a in catalogue.areas] + [
        ("principle", p | {"keywords": catalogue.principle_phrases(p)})
        for p in catalogue.principles
    ]
    criteria = [c for c in catalogue.criteria if c["area__code"] and c["keywords"]]
    suggestions = _suggestions(snapshot, entries + [("criterion", c) for c in criteria])
    tagged = _tagged(snapshot)
    labels = {(e.type, e.id): e.label for e in snapshot.elements(*MENTION_TYPES, "activity")}
    reporting = [
        Evidence("period", p["id"], False, p["label"]) for p in snapshot.monitoring.reported
    ]
    results = []
    for kind, entry in entries:
        evidence = _evidence_for(
            entry["code"],
            tagged=tagged.get((kind, entry["code"]), []),
            matches=suggestions.get((kind, entry["code"]), {}),
            labels=labels,
            rejected=rejected,
        )
        if kind == "area" and entry["code"] == REPORTING_AREA:
            evidence += reporting
        component = entry["component_code"] if kind == "area" else ""
        results.append(
            Coverage(
                kind, entry["code"], entry["title"], component, _level(snapshot, evidence), evidence
            )
        )
    areas = {c.code: c for c in results if c.kind == "area"}
    for criterion in criteria:
        area = areas.get(criterion["area__code"])
        if area is not None:
            area.criteria[criterion["code"]] = _answers(
                area, suggestions.get(("criterion", criterion["code"]), {})
            )
            if criterion["code"] == REPORTING_CRITERION:
                area.criteria[criterion["code"]] += reporting
    return results


def _answers(area: Coverage, matches: dict) -> list[Evidence]:
    """The area's goals, objectives and activities that contain one of a criterion's
    phrases, with the phrase and the words that matched. A word used in another context
    ("adoption by foreign citizens" for foreign victims) does not count: the element must
    address the area too."""
    return [
        Evidence(item.type, item.id, item.suggested, item.label, match.phrase, match.words)
        for item in area.evidence
        if item.type in ANSWER_TYPES and (match := matches.get((item.type, item.id)))
    ]
