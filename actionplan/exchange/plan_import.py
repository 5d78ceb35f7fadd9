"""Importing a plan file of any kind: the file is read into a plan document, which the
one importer (`json_import`) validates and writes. A reader gives the document and says
where in the file each part of it came from, so a problem the importer finds at a JSON
path is reported at the sheet, row and column of a workbook, or at the path of a JSON
file."""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from actionplan.exchange.json_document import PlanDocumentError
from actionplan.exchange.json_import import PlanDraft, plan_import_json, plan_import_json_check
from actionplan.models import Activity, BudgetLine, Indicator, Output, SubActivity
from napplanner.problems import Problem
from strategy.models import Chapter, Plan, SpecificObjective, Stakeholder, StrategicGoal

PREVIEW_LIST_LIMIT = 50


class ImportRejected(Exception):
    """The file has problems; nothing was written."""

    def __init__(self, problems: list[Problem]):
        super().__init__(f"{len(problems)} problem(s) in the file")
        self.problems = problems


@dataclass
class SourceDocument:
    """A plan document read from a file, with the way back from a JSON path to the place
    in the file, and the bodies the file names without listing them."""

    document: dict
    problem_at: Callable[[str, str], Problem]
    new_bodies: list[str] = field(default_factory=list)


@dataclass
class ImportPreview:
    """What an import will create, or the problems that stop it."""

    plan: Plan | None = None
    counts: dict[str, int] = field(default_factory=dict)
    chapters: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    activities: list[str] = field(default_factory=list)
    stakeholders: list[str] = field(default_factory=list)
    new_bodies: list[str] = field(default_factory=list)
    budget_totals: list[tuple[str, Decimal]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.problems

    @property
    def more_activities(self) -> int:
        return max(0, self.counts.get("activities", 0) - len(self.activities))


COUNTED = {
    "chapters": Chapter,
    "goals": StrategicGoal,
    "objectives": SpecificObjective,
    "outputs": Output,
    "activities": Activity,
    "sub_activities": SubActivity,
    "budget_lines": BudgetLine,
    "indicators": Indicator,
    "stakeholders": Stakeholder,
}


def _listed(draft: PlanDraft, model: type) -> list[str]:
    return [str(row) for row in draft.rows.get(model, [])[:PREVIEW_LIST_LIMIT]]


def _describe(draft: PlanDraft, new_bodies: list[str]) -> ImportPreview:
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for line in draft.rows.get(BudgetLine, []):
        totals[line.currency] += line.amount
    new = set(new_bodies)
    return ImportPreview(
        plan=draft.plan,
        counts={name: draft.count(model) for name, model in COUNTED.items()},
        chapters=_listed(draft, Chapter),
        goals=_listed(draft, StrategicGoal),
        objectives=_listed(draft, SpecificObjective),
        activities=_listed(draft, Activity),
        stakeholders=[b.name for b in draft.rows.get(Stakeholder, []) if b.name not in new],
        new_bodies=list(new_bodies),
        budget_totals=sorted(totals.items()),
    )


def _placed(source: SourceDocument, exc: PlanDocumentError) -> list[Problem]:
    return [source.problem_at(issue.path, issue.message) for issue in exc.issues]


def plan_file_preview(*, read: Callable[[], SourceDocument], user) -> ImportPreview:
    """Read and check the whole file; say what confirming would create."""
    try:
        source = read()
    except ImportRejected as exc:
        return ImportPreview(problems=exc.problems)
    try:
        draft = plan_import_json_check(document=source.document, user=user)
    except PlanDocumentError as exc:
        return ImportPreview(problems=_placed(source, exc))
    return _describe(draft, source.new_bodies)


def plan_file_import(*, read: Callable[[], SourceDocument], user, name: str = "") -> Plan:
    """Create a new plan from the file, with `user` as its editor; all or nothing. The
    plan's history names the file (`name`).

    Raises ImportRejected (and writes nothing) when the file has any problem."""
    source = read()
    try:
        return plan_import_json(document=source.document, user=user, source=name)
    except PlanDocumentError as exc:
        raise ImportRejected(_placed(source, exc)) from exc
