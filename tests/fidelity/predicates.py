"""Small predicates over a review's result, for stating what a careful reviewer concludes.

A predicate takes a `Reviewed` — the JSON of `review --format json` plus the plan's own
references to its elements (an activity's code as the plan prints it, "C1"/"G1"/"O1" for
the first chapter, goal and objective in document order, "plan" for the plan) — and says
whether the conclusion holds. Nothing here knows a country: the checks in `expected.py`
combine these with the references of each plan.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

# Findings that claim the plan lacks a topic altogether, which an excerpt cannot show.
ABSENCE_RULES = frozenset(
    {
        "area-without-activity",
        "criterion-not-addressed",
        "no-data-collection-activities",
        "no-monitoring-activities",
        "background-misses-component",
    }
)
COUNTED = re.compile(r"^(\d+) of (\d+) activities")
NOT_IN_SOURCE_RULE = "fields-not-in-source"


@dataclass
class Reviewed:
    data: dict
    refs: dict[str, tuple[str, int]]
    activity_count: int = 0
    _index: dict = field(default_factory=dict, init=False)

    def element(self, ref: str) -> tuple[str, int] | None:
        return self.refs.get(ref)

    def findings(self, rules: Iterable[str] = (), criteria: Iterable[str] = ()) -> list[dict]:
        rules, criteria = set(rules), set(criteria)
        return [
            f
            for f in self.data.get("findings", [])
            if f["rule"] in rules or (criteria and f["criterion"] in criteria)
        ]

    def rating(self, code: str) -> dict | None:
        return next((r for r in self.data.get("ratings", []) if r["code"] == code), None)


Predicate = Callable[[Reviewed], bool]


def _on(finding: dict, element: tuple[str, int] | None) -> bool:
    return element is not None and (finding["element"]["type"], finding["element"]["id"]) == (
        element
    )


def _covers_every_activity(result: Reviewed, finding: dict) -> bool:
    """A plan-level "N of M activities …" finding names them all when N is every activity."""
    if finding["element"]["type"] != "plan":
        return False
    counted = COUNTED.match(finding["message"])
    return bool(counted) and int(counted.group(1)) == result.activity_count


def _flagged(result: Reviewed, found: list[dict], ref: str) -> bool:
    element = result.element(ref)
    if any(_on(f, element) for f in found):
        return True
    return (
        element is not None
        and element[0] == "activity"
        and any(_covers_every_activity(result, f) for f in found)
    )


def _aggregates(rules: Iterable[str]) -> set[str]:
    """Each per-activity rule with its plan-level twin ("activity-x" → "activities-x")."""
    rules = set(rules)
    return rules | {"activities-" + r.removeprefix("activity-") for r in rules}


def flags(*rules: str, on: Iterable[str], criteria: Iterable[str] = ()) -> Predicate:
    """Every element in `on` has a finding of one of `rules` (or citing one of `criteria`)."""
    on = list(on)

    def holds(result: Reviewed) -> bool:
        found = result.findings(_aggregates(rules), criteria)
        return all(_flagged(result, found, ref) for ref in on)

    return holds


def flags_any(*rules: str, on: Iterable[str], criteria: Iterable[str] = ()) -> Predicate:
    """At least one element in `on` has such a finding."""
    on = list(on)

    def holds(result: Reviewed) -> bool:
        found = result.findings(_aggregates(rules), criteria)
        return any(_flagged(result, found, ref) for ref in on)

    return holds


def finds(*rules: str, criteria: Iterable[str] = ()) -> Predicate:
    """Some finding of one of `rules` (or citing one of `criteria`), on any element."""
    return lambda result: bool(result.findings(rules, criteria))


def noted_not_in_source(what: str) -> Predicate:
    """The review says the source does not include `what` (so it was not assessed)."""
    return lambda result: any(what in f["message"] for f in result.findings([NOT_IN_SOURCE_RULE]))


def rated(code: str, *levels: str) -> Predicate:
    def holds(result: Reviewed) -> bool:
        rating = result.rating(code)
        return rating is not None and rating["level"] in levels

    return holds


def covered(code: str) -> Predicate:
    """The area or principle is found in the plan (at least mentioned)."""
    return rated(code, "mentioned", "concrete", "complete")


def evidenced_by(code_prefix: str, on: Iterable[str]) -> Predicate:
    """Some area whose code starts with `code_prefix` counts one of `on` as evidence."""
    on = list(on)

    def holds(result: Reviewed) -> bool:
        wanted = {result.element(ref) for ref in on} - {None}
        return any(
            rating["code"].startswith(code_prefix)
            and any((e["type"], e["id"]) in wanted for e in rating["evidence"])
            for rating in result.data.get("ratings", [])
        )

    return holds


def mapped(chapter_ref: str, component: str) -> Predicate:
    """`mapping[]` maps the chapter to the component (suggested or set)."""

    def holds(result: Reviewed) -> bool:
        element = result.element(chapter_ref)
        return any(
            element == ("chapter", row["chapter"]) and component in row["components"]
            for row in result.data.get("mapping", [])
        )

    return holds


def strength(*criteria: str, on: Iterable[str] = ("plan",)) -> Predicate:
    """A reported strength citing one of `criteria`, on the plan or one of `on`."""
    on = list(on)

    def holds(result: Reviewed) -> bool:
        wanted = {result.element(ref) for ref in on} - {None}
        return any(
            s.get("criterion") in criteria and (s["element"]["type"], s["element"]["id"]) in wanted
            for s in result.data.get("strengths", [])
        )

    return holds


def claims_absence(*, components: Iterable[str] = (), balance: bool = True) -> Predicate:
    """A finding that says the plan lacks an area (of `components`, or any), that no activity
    plans monitoring or data collection, or (with `balance`) that a component holds no or
    few activities — none of which an excerpt of a plan can show."""
    prefixes = tuple(f"{c}." for c in components)

    def holds(result: Reviewed) -> bool:
        for finding in result.findings(ABSENCE_RULES):
            area = finding.get("area") or ""
            criterion = finding.get("criterion") or ""
            if not prefixes or area.startswith(prefixes) or criterion.startswith(prefixes):
                return True
        return balance and any(
            "balance" in f["rule"] or f["rule"].startswith("component-")
            for f in result.data.get("findings", [])
        )

    return holds


def never(reason: str) -> Predicate:
    """A conclusion no generic rule can reach from the plan document (`reason` says why)."""

    def holds(result: Reviewed) -> bool:
        return False

    holds.reason = reason
    return holds


def not_(predicate: Predicate) -> Predicate:
    return lambda result: not predicate(result)


def all_(*predicates: Predicate) -> Predicate:
    return lambda result: all(p(result) for p in predicates)


def any_(*predicates: Predicate) -> Predicate:
    return lambda result: any(p(result) for p in predicates)
