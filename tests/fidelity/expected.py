"""What a careful reviewer concludes from each plan of the corpus, as checks of a review.

One entry per structural finding of the corpus' `.expected.yaml` (weaknesses and strengths
all, cautions where a tool could reach them), keyed by the finding's id there, stated in
our own words; and the conclusions a review must not draw because the plan's copy is
partial (`MUST_NOT`). Elements are named by the plan's own references (see
`predicates.Reviewed`). A conclusion no generic rule can reach from a plan document is
still listed, with `never(...)`, so it counts as missed rather than disappearing.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.fidelity.predicates import (
    Predicate,
    all_,
    any_,
    claims_absence,
    covered,
    evidenced_by,
    finds,
    flags,
    flags_any,
    mapped,
    never,
    not_,
    noted_not_in_source,
    rated,
    strength,
)

ACTION_PHRASED = ("goal-phrased-as-action",)
ACTION_PHRASED_CRITERIA = ("ST.5",)
NO_LEAD = ("activity-without-lead", "activity-many-bodies-no-lead", "shared-responsibility-no-lead")
MISSING_FIELDS = (
    "activity-without-timeframe",
    "activity-without-budget",
    "activity-without-indicator",
)
VAGUE = ("activity-vague",)
NOT_SMART = ("indicators-not-measurable", "indicators-not-achievable")
CONCRETE_LEVELS = ("concrete", "complete")


@dataclass(frozen=True)
class Conclusion:
    id: str
    kind: str  # weakness | strength | caution | must-not
    says: str
    holds: Predicate


def _vague(*refs: str) -> Predicate:
    return flags(*VAGUE, on=refs)


def _concrete(*refs: str) -> Predicate:
    return all_(*(not_(flags(*VAGUE, on=[ref])) for ref in refs))


def _no_missing(*refs: str, rules=MISSING_FIELDS) -> Predicate:
    return all_(*(not_(flags(*rules, on=[ref])) for ref in refs))


def _objective_as_action(*refs: str) -> Predicate:
    return flags(*ACTION_PHRASED, on=refs, criteria=ACTION_PHRASED_CRITERIA)


def _strategy_as_action(*refs: str) -> Predicate:
    return any_(_objective_as_action(*refs), finds("strategy-not-distinct"))


W, S, C, N = "weakness", "strength", "caution", "must-not"

EXPECTED: dict[str, list[Conclusion]] = {
    "bulgaria-2017": [
        Conclusion(
            "BGR-01",
            S,
            "The complete activity carries resources and an indicator "
            "besides its bodies and deadline.",
            strength("AP.3", "AP.4", on=["plan", "Activity 1"]),
        ),
        Conclusion(
            "BGR-02",
            S,
            "The read activity has a dated deadline inside the period.",
            strength("AP.2", on=["plan", "Activity 1"]),
        ),
        Conclusion(
            "BGR-03",
            W,
            "Financing names a source but no amount.",
            # Only the complete activity states its resources: a plan-level "resources in
            # words only" finding is about it.
            any_(flags(criteria=["AP.3"], on=["Activity 1"]), finds("resources-in-words-only")),
        ),
        Conclusion(
            "BGR-04",
            W,
            "Responsibility is shared between bodies with no lead.",
            flags(*NO_LEAD, on=["Activity 1", "Activity 2"]),
        ),
        Conclusion(
            "BGR-05",
            W,
            "The only indicator is a yes/no output without baseline or target.",
            finds(*NOT_SMART),
        ),
        Conclusion(
            "BGR-06",
            W,
            "Goal and objectives are written as actions.",
            all_(flags(*ACTION_PHRASED, on=["G1"]), _strategy_as_action("O1")),
        ),
        Conclusion(
            "BGR-07",
            S,
            "Coordination, prevention and training each have an objective of their own.",
            all_(covered("SF.1"), covered("PR.1"), covered("PR.2")),
        ),
        Conclusion(
            "BGR-10",
            C,
            "A one-year programme is shorter than the medium-term horizon of a strategy; "
            "check how it rolls over.",
            flags(criteria=["ST.5"], on=["plan"]),
        ),
    ],
    "cyprus-2010-2012": [
        Conclusion(
            "CYP-01",
            S,
            "Chapters follow the components, coordination first.",
            all_(mapped("C1", "SF"), mapped("C2", "PR")),
        ),
        Conclusion(
            "CYP-02", W, "Targets are processes, not outcomes.", _strategy_as_action("O1", "O2")
        ),
        Conclusion(
            "CYP-03",
            S,
            "The coordination actions are concrete deliverables.",
            _concrete("I.1.", "I.2."),
        ),
        Conclusion("CYP-04", W, "The regular-informing action is not verifiable.", _vague("I.3.")),
        Conclusion(
            "CYP-05",
            S,
            "The revised referral handbook serves victims of every form of exploitation.",
            evidenced_by("SP.", ["I.2."]),
        ),
        Conclusion(
            "CYP-07",
            S,
            "Progress is reported action by action.",
            never("the evidence is a later implementation report, not plan text"),
        ),
        Conclusion(
            "CYP-10",
            C,
            "Responsible services are not in the source; check the plan "
            "before scoring accountability.",
            noted_not_in_source("lead"),
        ),
    ],
    "model-guidelines-2001": [
        Conclusion(
            "MOD-01",
            S,
            "Objective, activities, actors and indicators form one row.",
            strength("AP.4", "ST.6", on=["plan", "O1"]),
        ),
        Conclusion(
            "MOD-02",
            W,
            "Actors are generic and shared by the objective; no activity has a lead.",
            flags(*NO_LEAD, on=[f"bullet {n}" for n in range(1, 9)]),
        ),
        Conclusion(
            "MOD-03",
            W,
            "No activity shows a timeframe.",
            any_(
                flags("activity-without-timeframe", on=[f"bullet {n}" for n in range(1, 9)]),
                noted_not_in_source("timeframe"),
            ),
        ),
        Conclusion(
            "MOD-05",
            C,
            "The objective's indicators are completion statements without baseline or target.",
            finds(*NOT_SMART),
        ),
        Conclusion(
            "MOD-06",
            S,
            "Most activities are concrete research and review products.",
            _concrete(*(f"bullet {n}" for n in (1, 2, 4, 5, 7, 8))),
        ),
        Conclusion("MOD-07", W, "Two activities are open-ended.", _vague("bullet 3", "bullet 6")),
        Conclusion(
            "MOD-09",
            S,
            "Knowledge-building (data, legal review) comes first.",
            all_(rated("SF.3", *CONCRETE_LEVELS), covered("SF.2")),
        ),
    ],
    "moldova-2014-2016": [
        Conclusion(
            "MDA-01",
            S,
            "Problems, purpose, objective and activities form a chain.",
            strength("ST.4", "ST.6", on=["plan", "G1", "O1"]),
        ),
        Conclusion(
            "MDA-02",
            S,
            "Each problem cites the monitoring report it comes from.",
            strength("ST.4", on=["plan", "G1"]),
        ),
        Conclusion(
            "MDA-03",
            S,
            "The matrix splits costs into state, other and not covered.",
            never("the cost columns are known from the header only; no row fills them"),
        ),
        Conclusion(
            "MDA-04",
            S,
            "The matrix has a column for every activity field.",
            never("column headers are not part of a plan document"),
        ),
        Conclusion(
            "MDA-06",
            W,
            "The first activity is a state of affairs with no scale.",
            flags(criteria=["AP.5"], on=["1.1.1."]),
        ),
        Conclusion(
            "MDA-07",
            S,
            "The objective is a verifiable end state.",
            not_(_objective_as_action("O1")),
        ),
        Conclusion(
            "MDA-09",
            S,
            "Coordination, local level included, comes first.",
            all_(mapped("C1", "SF"), covered("SF.1")),
        ),
    ],
    "new-zealand-2009": [
        Conclusion(
            "NZL-01",
            S,
            "Every row names its responsible agency.",
            strength("AP.1", on=["plan", "1", "2", "3", "4", "5", "6"]),
        ),
        Conclusion(
            "NZL-02",
            W,
            "Four rows are shared between agencies with no lead.",
            all_(
                flags(*NO_LEAD, on=["1", "2", "5", "6"]), not_(flags_any(*NO_LEAD, on=["3", "4"]))
            ),
        ),
        Conclusion(
            "NZL-03",
            W,
            "Timetables are bands with no dates.",
            flags(criteria=["AP.2"], on=["1", "2", "3", "4", "5", "6"]),
        ),
        Conclusion(
            "NZL-04",
            W,
            "No action is costed.",
            flags("activity-without-budget", on=["1", "2", "3", "4", "5", "6"]),
        ),
        Conclusion(
            "NZL-05", W, "Measures are verification steps, not SMART indicators.", finds(*NOT_SMART)
        ),
        Conclusion(
            "NZL-06",
            S,
            "Several objectives are stated as results.",
            not_(
                flags_any(*ACTION_PHRASED, on=["O1", "O5", "O6"], criteria=ACTION_PHRASED_CRITERIA)
            ),
        ),
        Conclusion(
            "NZL-07",
            W,
            "Other objectives are actions repeating their action.",
            _objective_as_action("O2", "O3", "O4"),
        ),
        Conclusion(
            "NZL-08",
            S,
            "New actions are told apart from business as usual.",
            never("the row colours are not in the source"),
        ),
        Conclusion(
            "NZL-09",
            C,
            "Rows under the prevention heading serve data collection and "
            "international police cooperation.",
            all_(evidenced_by("SF.3", ["4", "5"]), evidenced_by("IP.2", ["6"])),
        ),
        Conclusion("NZL-12", W, "The regional engagement row is open-ended.", _vague("6")),
    ],
    "norway-2003-2005": [
        Conclusion(
            "NOR-01",
            S,
            "Every measure names its ministries, one of them leading.",
            strength("AP.1", on=["plan", "1.", "2.", "3.", "4."]),
        ),
        Conclusion(
            "NOR-02", W, "Two measures only promise to consider a step.", _vague("1.", "3.")
        ),
        Conclusion(
            "NOR-03", W, "The safe-places measure has no number, standard or date.", _vague("2.")
        ),
        Conclusion(
            "NOR-04", S, "The return and rehabilitation routines are concrete.", _concrete("4.")
        ),
        Conclusion(
            "NOR-05",
            W,
            "The summary gives no measure a deadline.",
            any_(
                flags("activity-without-timeframe", on=["1.", "2.", "3.", "4."]),
                noted_not_in_source("timeframe"),
            ),
        ),
        Conclusion(
            "NOR-06",
            W,
            "The summary gives no measure an indicator.",
            any_(
                flags("activity-without-indicator", on=["1.", "2.", "3.", "4."]),
                noted_not_in_source("indicators"),
            ),
        ),
        Conclusion(
            "NOR-08",
            S,
            "Human-rights framing and victims first.",
            all_(covered("P.HR"), covered("SP.2"), covered("SP.5")),
        ),
        Conclusion(
            "NOR-10",
            C,
            "The leading ministry of the shared measure is not in the source.",
            noted_not_in_source("lead"),
        ),
    ],
    "tajikistan-2006-2010": [
        Conclusion(
            "TJK-01",
            S,
            "The matrix ties measures to a problem, with columns for "
            "time, agencies and indicators.",
            never("column headers are not part of a plan document"),
        ),
        Conclusion(
            "TJK-02",
            W,
            "No measure has a cost or a funding source.",
            flags("activity-without-budget", on=[f"1.1.{n}." for n in range(1, 10)]),
        ),
        Conclusion(
            "TJK-03",
            W,
            "Timeframes are open-ended, with no end inside the period.",
            flags(criteria=["AP.2"], on=["1.1.1.", "1.1.2.", "1.1.3."]),
        ),
        Conclusion(
            "TJK-04",
            W,
            "Several measures are outcomes or continuing processes.",
            _vague("1.1.2.", "1.1.5.", "1.1.9."),
        ),
        Conclusion(
            "TJK-05",
            W,
            "The objective is a process, not an outcome.",
            flags(*ACTION_PHRASED, on=["G1"], criteria=ACTION_PHRASED_CRITERIA),
        ),
        Conclusion(
            "TJK-06",
            C,
            "The measures belong to data collection, legal framework, awareness and training.",
            all_(
                evidenced_by("SF.3", ["1.1.1.", "1.1.4.", "1.1.9."]),
                evidenced_by("PR.1", ["1.1.2.", "1.1.3."]),
                evidenced_by("PR.2", ["1.1.8."]),
            ),
        ),
        Conclusion(
            "TJK-09",
            S,
            "Hotlines, a legal compendium and trainer curricula are concrete.",
            _concrete("1.1.6.", "1.1.7.", "1.1.8."),
        ),
    ],
}

_ALL_ACTIVITY_RULES = (*MISSING_FIELDS, *NO_LEAD)
MUST_NOT: dict[str, list[Conclusion]] = {
    "bulgaria-2017": [
        Conclusion(
            "BGR-N1",
            N,
            "The activity known by one cell lacks cost, deadline or indicator.",
            not_(_no_missing("Activity 2")),
        ),
        Conclusion(
            "BGR-N2",
            N,
            "The programme lacks victim support or prosecution.",
            claims_absence(components=["SP", "IP"]),
        ),
        Conclusion(
            "BGR-N3",
            N,
            "The activity known by one cell is vague.",
            flags(*VAGUE, on=["Activity 2"]),
        ),
        Conclusion(
            "BGR-N4", N, "The programme plans no monitoring.", finds("no-monitoring-activities")
        ),
    ],
    "cyprus-2010-2012": [
        Conclusion(
            "CYP-N1",
            N,
            "Actions lack responsible service, deadline, indicator or budget.",
            not_(_no_missing("I.1.", "I.2.", "I.3.", "II.1.", "II.2.", rules=_ALL_ACTIVITY_RULES)),
        ),
        Conclusion("CYP-N2", N, "The plan has only the chapters read.", claims_absence()),
    ],
    "model-guidelines-2001": [
        Conclusion(
            "MOD-N1",
            N,
            "The model has only one objective or lacks topics.",
            any_(claims_absence(), flags("objective-without-activities", on=["O2"])),
        ),
        Conclusion(
            "MOD-N2",
            N,
            "Activities lack a timeframe or budget.",
            not_(
                _no_missing(
                    *(f"bullet {n}" for n in range(1, 9)),
                    rules=("activity-without-timeframe", "activity-without-budget"),
                )
            ),
        ),
    ],
    "moldova-2014-2016": [
        Conclusion(
            "MDA-N1",
            N,
            "The first activity lacks partners, deadline, costs or indicators.",
            not_(_no_missing("1.1.1.")),
        ),
        Conclusion("MDA-N2", N, "The plan covers only coordination.", claims_absence()),
    ],
    "new-zealand-2009": [
        Conclusion(
            "NZL-N1",
            N,
            "The plan has no protection or prosecution actions.",
            claims_absence(components=["SP", "IP"]),
        ),
        Conclusion(
            "NZL-N2", N, "The plan provides no resources at all.", finds("no-resource-plan")
        ),
        Conclusion(
            "NZL-N3",
            N,
            "The cut row has no indicator.",
            flags("activity-without-indicator", on=["6"]),
        ),
    ],
    "norway-2003-2005": [
        Conclusion(
            "NOR-N1",
            N,
            "The plan has only four measures or only a protection goal.",
            claims_absence(),
        ),
        Conclusion(
            "NOR-N2",
            N,
            "Measures 2 and 4 have no lead ministry.",
            flags_any(*NO_LEAD, on=["2.", "4."]),
        ),
        Conclusion(
            "NOR-N3",
            N,
            "The plan has no deadlines, indicators or costs.",
            not_(_no_missing("1.", "2.", "3.", "4.")),
        ),
    ],
    "tajikistan-2006-2010": [
        Conclusion(
            "TJK-N1",
            N,
            "Measures have no executing agency or indicator.",
            flags_any(
                *NO_LEAD, "activity-without-indicator", on=[f"1.1.{n}." for n in range(1, 10)]
            ),
        ),
        Conclusion(
            "TJK-N2",
            N,
            "Measures after the fourth have no timeframe.",
            flags_any("activity-without-timeframe", on=[f"1.1.{n}." for n in range(4, 10)]),
        ),
        Conclusion(
            "TJK-N3", N, "The programme covers only awareness and monitoring.", claims_absence()
        ),
        Conclusion("TJK-N4", N, "The programme has no budget at all.", finds("no-resource-plan")),
        Conclusion(
            "TJK-N5",
            N,
            "The programme lacks guiding principles.",
            claims_absence(components=["P"], balance=False),
        ),
    ],
}
