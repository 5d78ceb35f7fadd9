"""From the rows of an activity matrix to a graph of unsaved plan objects.

Nothing here touches the database except one look-up of the framework: the graph is
validated object by object (`full_clean` without the foreign-key look-ups, which would
cost a query per row) and only written once the whole workbook is free of problems.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from actionplan.exchange.xlsx_cells import CellError, Problem, cell_choice, cell_text
from actionplan.exchange.xlsx_layout import (
    ACTIVITIES_SHEET,
    MAX_ACTIVITIES,
    PLAN_SHEET,
    STAKEHOLDERS_SHEET,
    normalise_name,
    split_code,
)
from actionplan.exchange.xlsx_lines import ActivityLinesMixin
from actionplan.exchange.xlsx_sheets import SheetRows
from actionplan.models import Activity, BudgetLine, Indicator, Output, Responsibility, SubActivity
from strategy.models import (
    Chapter,
    Plan,
    PlanStatus,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
)

# Columns of the matrix that place the activity in the strategy.
HIERARCHY_KEYS = ("chapter", "goal", "objective", "output")

# Where a model field's validation message belongs in the workbook.
FIELD_COLUMNS = {
    Activity: {"code": "activity_code", "title": "activity", "start_month": "start"}
    | {"end_month": "end", "resources_as_written": "resources_as_written"}
    | {"__all__": "activity"},
    SubActivity: {"code": "sub_activity", "title": "sub_activity", "__all__": "sub_activity"},
    BudgetLine: {"amount": "budget", "donor_name": "donor", "status": "budget_status"}
    | {"currency": "currency", "source": "source", "description": "budget"},
    Indicator: {"definition": "indicator", "baseline_value": "baseline", "unit": "unit"}
    | {"target_value": "target", "baseline_year": "baseline_year"}
    | {"target_year": "target_year", "means_of_verification": "means_of_verification"},
}


@dataclass
class _ActivityEntry:
    activity: Activity
    row: int
    hierarchy: dict[str, str]
    values: dict[str, tuple[int, object]] = field(default_factory=dict)


@dataclass
class PlanGraph:
    plan: Plan
    stakeholders: dict[str, Stakeholder] = field(default_factory=dict)
    new_bodies: list[Stakeholder] = field(default_factory=list)
    chapters: dict[tuple, Chapter] = field(default_factory=dict)
    goals: dict[tuple, StrategicGoal] = field(default_factory=dict)
    objectives: dict[tuple, SpecificObjective] = field(default_factory=dict)
    outputs: dict[tuple, Output] = field(default_factory=dict)
    activities: dict[tuple, _ActivityEntry] = field(default_factory=dict)
    sub_activities: list[SubActivity] = field(default_factory=list)
    responsibilities: list[Responsibility] = field(default_factory=list)
    budget_lines: list[BudgetLine] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def full_clean_without_queries(obj) -> None:
    """Field and model rules, but not the foreign-key existence, uniqueness and constraint
    checks, which query the database and whose objects do not exist yet."""
    fks = [f.name for f in obj._meta.concrete_fields if f.is_relation]
    obj.full_clean(exclude=fks, validate_unique=False, validate_constraints=False)


_PLAN_FIELD_OF = {
    label: Plan._meta.get_field(name)
    for label, name in (
        ("Country", "country"),
        ("Title", "title"),
        ("Period", "period_end"),
        ("Status", "status"),
        ("Coordinating body", "coordinating_body"),
        ("Adoption reference", "adoption_reference"),
    )
}


def plan_from_sheet(values: dict, problems: list[Problem], frameworks) -> Plan:
    """The Plan sheet's values -> an unsaved Plan; `frameworks` maps a code to a Framework."""
    plan = Plan(status=PlanStatus.DRAFT)

    def value(label, parse=cell_text, required=False):
        row, raw = values.get(label, (None, None))
        try:
            text = cell_text(raw)
            if not text:
                if required:
                    raise CellError(f"Give the plan's {label.lower()}.")
                return None
            return parse(raw)
        except CellError as exc:
            problems.append(Problem(PLAN_SHEET, row, label, str(exc)))
            return None

    plan.country = value("Country", required=True) or ""
    plan.title = value("Title", required=True) or ""
    period = value("Period", required=True)
    match = re.fullmatch(r"(\d{4})\s*(?:-|–|—|/|to)\s*(\d{4})", period or "")
    if period and not match:
        row = values["Period"][0]
        message = f"“{period}” is not a period; write the first and last year, e.g. 2014-2018."
        problems.append(Problem(PLAN_SHEET, row, "Period", message))
    if match:
        plan.period_start, plan.period_end = int(match[1]), int(match[2])
    plan.status = value("Status", lambda v: cell_choice(v, PlanStatus, "status")) or "draft"
    plan.coordinating_body = value("Coordinating body") or ""
    plan.adoption_reference = value("Adoption reference") or ""
    code = value("Framework")
    if code:
        plan.framework = frameworks.get(code.casefold())
        if plan.framework is None:
            row = values["Framework"][0]
            message = f"No framework has the code “{code}”; leave it empty or use e.g. icmpd-2006."
            problems.append(Problem(PLAN_SHEET, row, "Framework", message))
    if not problems:
        columns = {f.name: label for label, f in _PLAN_FIELD_OF.items()} | {"__all__": "Period"}
        rows = {f.name: values[label][0] for label, f in _PLAN_FIELD_OF.items() if label in values}
        _validate(plan, problems, PLAN_SHEET, values.get("Period", (None,))[0], columns, rows)
    return plan


def _validate(obj, problems, sheet, row, columns: dict[str, str], rows=None) -> None:
    """full_clean, with each message placed on the column (and row) of its field."""
    try:
        full_clean_without_queries(obj)
    except ValidationError as exc:
        _place(exc, problems, sheet, row, columns, rows or {})


def _place(exc: ValidationError, problems, sheet, row, columns, rows) -> None:
    for name, messages in exc.message_dict.items():
        column = columns.get(name, columns.get("__all__", name))
        problems.extend(Problem(sheet, rows.get(name, row), column, m) for m in messages)


class GraphBuilder(ActivityLinesMixin):
    """Reads the Stakeholders and Activities rows into a PlanGraph."""

    def __init__(self, plan: Plan, problems: list[Problem]):
        self.graph = PlanGraph(plan=plan, problems=problems)
        self.problems = problems
        self.headers: dict[str, str] = {}
        self.current: _ActivityEntry | None = None
        self.over_limit = False

    # --- helpers -----------------------------------------------------------------------

    def _problem(self, row: int, key: str | None, message: str) -> None:
        column = self.headers.get(key, key) if key else None
        self.problems.append(Problem(ACTIVITIES_SHEET, row, column, message))

    def _parse(self, row, key, cells, parse):
        try:
            return parse(cells.get(key))
        except CellError as exc:
            self._problem(row, key, str(exc))
            return None

    def _validate_row(self, obj, row: int, rows=None) -> None:
        try:
            full_clean_without_queries(obj)
        except ValidationError as exc:
            self._place_row(exc, obj, row, rows)

    def _place_row(self, exc: ValidationError, obj, row: int, rows=None) -> None:
        columns = {
            name: self.headers.get(key, key) for name, key in FIELD_COLUMNS[type(obj)].items()
        }
        _place(exc, self.problems, ACTIVITIES_SHEET, row, columns, rows or {})

    def _texts(self, row, cells) -> dict[str, str]:
        texts = {}
        for key, raw in cells.items():
            try:
                texts[key] = cell_text(raw)
            except CellError:
                texts[key] = ""  # a date; only the start and end columns read one
                if key not in ("start", "end"):
                    self._problem(row, key, "Expected text, found a date.")
        return texts

    # --- stakeholders ------------------------------------------------------------------

    def stakeholders_read(self, table: SheetRows) -> None:
        for row, cells in table:
            texts = self._texts(row, cells)
            name = " ".join(texts["name"].split())
            if not name:
                self.problems.append(
                    Problem(STAKEHOLDERS_SHEET, row, "Name", "Give the body's name.")
                )
                continue
            key = normalise_name(name)
            if key in self.graph.stakeholders:
                message = f"“{name}” is listed twice; list each body once."
                self.problems.append(Problem(STAKEHOLDERS_SHEET, row, "Name", message))
                continue
            kind = Stakeholder.Kind.OTHER
            if texts["kind"]:
                try:
                    kind = cell_choice(texts["kind"], Stakeholder.Kind, "kind of body")
                except CellError as exc:
                    self.problems.append(Problem(STAKEHOLDERS_SHEET, row, "Kind", str(exc)))
            body = Stakeholder(
                plan=self.graph.plan,
                name=name,
                kind=kind,
                role=texts["role"],
                order=len(self.graph.stakeholders),
            )
            _validate(body, self.problems, STAKEHOLDERS_SHEET, row, {"name": "Name"})
            self.graph.stakeholders[key] = body

    def _body(self, name: str) -> Stakeholder:
        name = " ".join(name.split())
        key = normalise_name(name)
        body = self.graph.stakeholders.get(key)
        if body is None:
            body = Stakeholder(
                plan=self.graph.plan,
                name=name,
                kind=Stakeholder.Kind.OTHER,
                order=len(self.graph.stakeholders),
            )
            self.graph.stakeholders[key] = body
            self.graph.new_bodies.append(body)
        return body

    # --- activities --------------------------------------------------------------------

    def activities_read(self, table: SheetRows) -> None:
        self.headers = table.headers
        for row, cells in table:
            texts = self._texts(row, cells)
            entry = self._activity_for(row, texts)
            if self.over_limit:
                break
            if entry is None:
                continue
            self._activity_values(entry, row, texts, cells)
            self._sub_activity(entry, row, texts)
            self._budget_line(entry, row, texts, cells)
            self._indicator(entry, row, texts, cells)
        if not self.graph.activities and not self.problems:
            self._problem(None, None, "The sheet has no activities; fill in at least one row.")
        for entry in self.graph.activities.values():
            self._activity_finish(entry)

    def _activity_for(self, row: int, texts: dict[str, str]) -> _ActivityEntry | None:
        code, title = texts["activity_code"], " ".join(texts["activity"].split())
        hierarchy = {k: " ".join(texts[k].split()) for k in HIERARCHY_KEYS}
        if not code and not title:
            if self.current is None:
                self._problem(row, "activity", "Name the activity; no activity above continues.")
            else:
                self._same_hierarchy(self.current, row, hierarchy)
            return self.current
        if code:
            key = ("code", normalise_name(code))
        else:
            key = ("title", *map(normalise_name, hierarchy.values()), normalise_name(title))
        entry = self.graph.activities.get(key)
        if entry is not None:
            if title and normalise_name(title) != normalise_name(entry.activity.title):
                self._problem(
                    row,
                    "activity_code",
                    f"The activity code “{code}” is already used on row {entry.row} for "
                    "another activity; give each activity its own code.",
                )
                return None
            self._same_hierarchy(entry, row, hierarchy)
        else:
            entry = self._activity_new(row, code, title, hierarchy)
            if entry is not None:
                self.graph.activities[key] = entry
        self.current = entry
        return entry

    def _activity_new(self, row, code, title, hierarchy) -> _ActivityEntry | None:
        missing = [
            (key, message)
            for key, message in (
                ("activity", "Name the activity on its first row."),
                ("goal", "Give the strategic goal this activity serves."),
                ("objective", "Give the specific objective this activity serves."),
            )
            if not (title if key == "activity" else hierarchy[key])
        ]
        for key, message in missing:
            self._problem(row, key, message)
        if missing:
            return None
        if len(self.graph.activities) >= MAX_ACTIVITIES:
            self._problem(
                row,
                None,
                f"More than {MAX_ACTIVITIES:,} activities: at most {MAX_ACTIVITIES:,} can "
                "be imported at once. Split the plan into several workbooks.",
            )
            self.over_limit = True
            return None
        objective, output = self._hierarchy_nodes(row, hierarchy)
        activity = Activity(
            plan=self.graph.plan,
            objective=objective,
            output=output,
            code=code,
            title=title,
            order=len(self.graph.activities),
        )
        return _ActivityEntry(activity=activity, row=row, hierarchy=hierarchy)

    def _same_hierarchy(self, entry: _ActivityEntry, row: int, hierarchy) -> None:
        for key in HIERARCHY_KEYS:
            if hierarchy[key] and normalise_name(hierarchy[key]) != normalise_name(
                entry.hierarchy[key]
            ):
                self._problem(
                    row,
                    key,
                    f"“{hierarchy[key]}” differs from row {entry.row}, where this activity "
                    "starts; repeat the same text or leave the cell empty.",
                )

    def _node(self, store: dict, key: tuple, row: int, column: str, make):
        node = store.get(key)
        if node is None:
            code, title = split_code(key[-1][1])
            node = make(code=code, title=title, order=len(store))
            _validate(node, self.problems, ACTIVITIES_SHEET, row, {"__all__": column})
            store[key] = node
        return node

    def _hierarchy_nodes(self, row: int, h: dict[str, str]):
        """The chapter, goal, objective and output of a row, made once per distinct text."""
        plan, g = self.graph.plan, self.graph
        named = {k: (normalise_name(v), v) for k, v in h.items()}
        chapter = None
        if h["chapter"]:
            chapter = self._node(
                g.chapters,
                (named["chapter"],),
                row,
                self.headers["chapter"],
                lambda **kw: Chapter(plan=plan, **kw),
            )
        goal_key = (named["chapter"], named["goal"])
        goal = self._node(
            g.goals,
            goal_key,
            row,
            self.headers["goal"],
            lambda **kw: StrategicGoal(plan=plan, chapter=chapter, **kw),
        )
        objective_key = (*goal_key, named["objective"])
        objective = self._node(
            g.objectives,
            objective_key,
            row,
            self.headers["objective"],
            lambda **kw: SpecificObjective(plan=plan, goal=goal, **kw),
        )
        output = None
        if h["output"]:
            output = self._node(
                g.outputs,
                (*objective_key, named["output"]),
                row,
                self.headers["output"],
                lambda **kw: Output(plan=plan, objective=objective, **kw),
            )
        return objective, output
