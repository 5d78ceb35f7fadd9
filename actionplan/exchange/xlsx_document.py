"""From the rows of an activity matrix to a plan document (``nap-planner/plan`` v1),
with a map from each place in the document back to the cell it came from.

The reader checks what only a workbook can get wrong: a cell that is not a month, an
amount or a year; the rows of one activity that disagree; the goal or objective left
empty. What any plan document can get wrong (a timeframe outside the period, a donor
without a name, markup, a code too long) is for the importer to find: it names the JSON
path, and `WorkbookDocument.problem_at` turns that path back into the sheet, row and
column, so the person fixing the workbook is sent to the cell.
"""

import re
from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from actionplan.exchange.xlsx_cells import CellError, cell_choice, cell_text
from actionplan.exchange.xlsx_layout import (
    ACTIVITIES_SHEET,
    MAX_ACTIVITIES,
    PLAN_SHEET,
    STAKEHOLDERS_SHEET,
    normalise_name,
    split_code,
)
from actionplan.exchange.xlsx_rows import ActivityRowsMixin
from actionplan.exchange.xlsx_sheets import SheetRows
from napplanner.problems import Problem, cell_problem
from strategy.models import PlanStatus, Stakeholder

# Columns of the matrix that place the activity in the strategy.
HIERARCHY_KEYS = ("chapter", "goal", "objective", "output")
# Plan sheet label -> field of the document's plan.
PLAN_LABELS = {
    "Country": "country",
    "Title": "title",
    "Status": "status",
    "Coordinating body": "coordinating_body",
    "Adoption reference": "adoption_reference",
    "Framework": "framework",
}

# Field of a document's stakeholder -> its column on the Stakeholders sheet.
STAKEHOLDER_PLACES = (
    ("", "Name"),
    ("name", "Name"),
    ("key", "Name"),
    ("kind", "Kind"),
    ("role", "Role"),
)

Place = tuple[str, int | None, str | None]


@dataclass
class WorkbookDocument:
    """The plan document a workbook holds, where each of its parts came from, and the
    bodies its activities name that the Stakeholders sheet does not list."""

    document: dict
    places: dict[str, Place] = field(default_factory=dict)
    new_bodies: list[str] = field(default_factory=list)

    def place(self, path: str, sheet: str, row: int | None, column: str | None) -> None:
        self.places.setdefault(path, (sheet, row, column))

    def problem_at(self, path: str, message: str) -> Problem:
        """A problem the importer found at `path`, placed on the cell of the nearest
        part of the document that came from one."""
        while path:
            place = self.places.get(path)
            if place is not None:
                return cell_problem(*place, message)
            path = path[: max(path.rfind("."), path.rfind("["), 0)]
        return cell_problem("", None, None, message)


@dataclass
class _ActivityEntry:
    data: dict
    path: str
    row: int
    hierarchy: dict[str, str]
    values: dict[str, tuple] = field(default_factory=dict)


def plan_from_sheet(values: dict, problems: list[Problem], frameworks, result: WorkbookDocument):
    """The Plan sheet's values -> the document's plan; `frameworks` maps a code (or
    code@version) to a Framework."""
    plan: dict = {}

    def value(label, parse=cell_text, required=False):
        row, raw = values.get(label, (None, None))
        try:
            text = cell_text(raw)
            if not text:
                if required:
                    raise CellError(_("Give the plan's %(field)s.") % {"field": label.lower()})
                return None
            return parse(raw)
        except CellError as exc:
            problems.append(cell_problem(PLAN_SHEET, row, label, str(exc)))
            return None

    for label, name in PLAN_LABELS.items():
        if label in values:
            result.place(f"$.plan.{name}", PLAN_SHEET, values[label][0], label)
    period_row = values.get("Period", (None,))[0]
    for path in ("$.plan", "$.plan.period_start", "$.plan.period_end"):
        result.place(path, PLAN_SHEET, period_row, "Period")
    plan["country"] = value("Country", required=True) or ""
    plan["title"] = value("Title", required=True) or ""
    period = value("Period", required=True)
    match = re.fullmatch(r"(\d{4})\s*(?:-|–|—|/|to)\s*(\d{4})", period or "")
    if period and not match:
        message = _(
            "“%(period)s” is not a period; write the first and last year, e.g. 2014-2018."
        ) % {"period": period}
        problems.append(cell_problem(PLAN_SHEET, period_row, "Period", message))
    if match:
        plan["period_start"], plan["period_end"] = int(match[1]), int(match[2])
    plan["status"] = value("Status", lambda v: cell_choice(v, PlanStatus, "status")) or "draft"
    plan["coordinating_body"] = value("Coordinating body") or ""
    plan["adoption_reference"] = value("Adoption reference") or ""
    code = value("Framework")
    if code:
        framework = frameworks.get(code.casefold())
        if framework is None:
            row = values["Framework"][0]
            message = _(
                "No framework has the code “%(code)s”; leave it empty or use e.g. icmpd-2006."
            ) % {"code": code}
            problems.append(cell_problem(PLAN_SHEET, row, "Framework", message))
        else:
            plan["framework"] = {"code": framework.code, "version": framework.version}
    result.document["plan"] = plan
    return plan


class DocumentBuilder(ActivityRowsMixin):
    """Reads the Stakeholders and Activities rows into the document."""

    def __init__(self, result: WorkbookDocument, problems: list[Problem]):
        self.result = result
        self.document = result.document
        self.problems = problems
        self.headers: dict[str, str] = {}
        self.current: _ActivityEntry | None = None
        self.over_limit = False
        self.bodies: dict[str, dict] = {}
        self.nodes: dict[str, dict[tuple, tuple[dict, str]]] = {k: {} for k in HIERARCHY_KEYS}
        self.activities: dict[tuple, _ActivityEntry] = {}

    # --- helpers -----------------------------------------------------------------------

    def _problem(self, row: int | None, key: str | None, message: str) -> None:
        column = self.headers.get(key, key) if key else None
        self.problems.append(cell_problem(ACTIVITIES_SHEET, row, column, message))

    def _place(self, path: str, row: int, key: str, *fields: str) -> None:
        """`path` and its `fields` came from the row's cell in the column `key`."""
        column = self.headers.get(key, key)
        for name in ("", *fields):
            self.result.place(f"{path}.{name}" if name else path, ACTIVITIES_SHEET, row, column)

    def _parse(self, row, key, cells, parse):
        try:
            return parse(cells.get(key))
        except CellError as exc:
            self._problem(row, key, str(exc))
            return None

    def _texts(self, row, cells) -> dict[str, str]:
        texts = {}
        for key, raw in cells.items():
            try:
                texts[key] = cell_text(raw)
            except CellError:
                texts[key] = ""  # a date; only the start and end columns read one
                if key not in ("start", "end"):
                    self._problem(row, key, _("Expected text, found a date."))
        return texts

    # --- stakeholders ------------------------------------------------------------------

    def stakeholders_read(self, table: SheetRows) -> None:
        stakeholders = self.document.setdefault("stakeholders", [])
        for row, cells in table:
            texts = self._texts(row, cells)
            name = " ".join(texts["name"].split())
            if not name:
                problem = cell_problem(STAKEHOLDERS_SHEET, row, "Name", _("Give the body's name."))
                self.problems.append(problem)
                continue
            key = normalise_name(name)
            if key in self.bodies:
                message = _("“%(name)s” is listed twice; list each body once.") % {"name": name}
                self.problems.append(cell_problem(STAKEHOLDERS_SHEET, row, "Name", message))
                continue
            kind = Stakeholder.Kind.OTHER
            if texts["kind"]:
                try:
                    kind = cell_choice(texts["kind"], Stakeholder.Kind, "kind of body")
                except CellError as exc:
                    self.problems.append(cell_problem(STAKEHOLDERS_SHEET, row, "Kind", str(exc)))
            path = f"$.stakeholders[{len(stakeholders)}]"
            for name_of_field, column in STAKEHOLDER_PLACES:
                where = f"{path}.{name_of_field}" if name_of_field else path
                self.result.place(where, STAKEHOLDERS_SHEET, row, column)
            body = {"key": f"s{len(stakeholders) + 1}", "name": name, "kind": kind}
            body["role"] = texts["role"]
            stakeholders.append(body)
            self.bodies[key] = body

    def _body(self, name: str, row: int, key: str) -> dict:
        """The stakeholder a lead body or partner names; one the Stakeholders sheet does
        not list is added, of kind other."""
        name = " ".join(name.split())
        normalised = normalise_name(name)
        body = self.bodies.get(normalised)
        if body is None:
            stakeholders = self.document.setdefault("stakeholders", [])
            self._place(f"$.stakeholders[{len(stakeholders)}]", row, key, "name", "key")
            body = {"key": f"s{len(stakeholders) + 1}", "name": name, "kind": "other"}
            stakeholders.append(body)
            self.bodies[normalised] = body
            self.result.new_bodies.append(name)
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
        if not self.activities and not self.problems:
            self._problem(None, None, _("The sheet has no activities; fill in at least one row."))
        for entry in self.activities.values():
            self._activity_finish(entry)

    def _activity_for(self, row: int, texts: dict[str, str]) -> _ActivityEntry | None:
        code, title = texts["activity_code"], " ".join(texts["activity"].split())
        hierarchy = {k: " ".join(texts[k].split()) for k in HIERARCHY_KEYS}
        if not code and not title:
            if self.current is None:
                self._problem(row, "activity", _("Name the activity; no activity above continues."))
            else:
                self._same_hierarchy(self.current, row, hierarchy)
            return self.current
        if code:
            key = ("code", normalise_name(code))
        else:
            key = ("title", *map(normalise_name, hierarchy.values()), normalise_name(title))
        entry = self.activities.get(key)
        if entry is not None:
            if title and normalise_name(title) != normalise_name(entry.data["title"]):
                self._problem(
                    row,
                    "activity_code",
                    _(
                        "The activity code “%(code)s” is already used on row %(row)s for "
                        "another activity; give each activity its own code."
                    )
                    % {"code": code, "row": entry.row},
                )
                return None
            self._same_hierarchy(entry, row, hierarchy)
        else:
            entry = self._activity_new(row, code, title, hierarchy)
            if entry is not None:
                self.activities[key] = entry
        self.current = entry
        return entry

    def _activity_new(self, row, code, title, hierarchy) -> _ActivityEntry | None:
        missing = [
            (key, message)
            for key, message in (
                ("activity", _("Name the activity on its first row.")),
                ("goal", _("Give the strategic goal this activity serves.")),
                ("objective", _("Give the specific objective this activity serves.")),
            )
            if not (title if key == "activity" else hierarchy[key])
        ]
        for key, message in missing:
            self._problem(row, key, message)
        if missing:
            return None
        if len(self.activities) >= MAX_ACTIVITIES:
            self._problem(
                row,
                None,
                _(
                    "More than %(limit)s activities: at most %(limit)s can "
                    "be imported at once. Split the plan into several workbooks."
                )
                % {"limit": number_format(MAX_ACTIVITIES, force_grouping=True)},
            )
            self.over_limit = True
            return None
        (objective, objective_path), output = self._hierarchy_nodes(row, hierarchy)
        activities = objective.setdefault("activities", [])
        path = f"{objective_path}.activities[{len(activities)}]"
        data = {"code": code, "title": title}
        if output is not None:
            data["output"] = output["key"]
        activities.append(data)
        self._place(path, row, "activity", "title")
        self._place(path, row, "activity_code", "code")
        self._place(path, row, "output", "output")
        return _ActivityEntry(data=data, path=path, row=row, hierarchy=hierarchy)

    def _same_hierarchy(self, entry: _ActivityEntry, row: int, hierarchy) -> None:
        for key in HIERARCHY_KEYS:
            if hierarchy[key] and normalise_name(hierarchy[key]) != normalise_name(
                entry.hierarchy[key]
            ):
                self._problem(
                    row,
                    key,
                    _(
                        "“%(text)s” differs from row %(row)s, where this activity "
                        "starts; repeat the same text or leave the cell empty."
                    )
                    % {"text": hierarchy[key], "row": entry.row},
                )

    def _node(self, kind: str, named: tuple, row: int, siblings: list, path: str, **extra):
        """The chapter, goal, objective or output a row names, made on its first row:
        (its part of the document, its path)."""
        found = self.nodes[kind].get(named)
        if found is None:
            code, title = split_code(named[-1][1])
            node = {"code": code, "title": title, **extra}
            path = f"{path}[{len(siblings)}]"
            siblings.append(node)
            self._place(path, row, kind, "code", "title")
            found = self.nodes[kind][named] = (node, path)
        return found

    def _hierarchy_nodes(self, row: int, h: dict[str, str]):
        """The objective (with its path) and the output of a row."""
        named = {k: (normalise_name(v), v) for k, v in h.items()}
        document = self.document
        goals, goals_path = document.setdefault("goals", []), "$.goals"
        if h["chapter"]:
            chapters = document.setdefault("chapters", [])
            chapter, path = self._node("chapter", (named["chapter"],), row, chapters, "$.chapters")
            goals, goals_path = chapter.setdefault("goals", []), f"{path}.goals"
        goal_key = (named["chapter"], named["goal"])
        goal, goal_path = self._node("goal", goal_key, row, goals, goals_path)
        objective_key = (*goal_key, named["objective"])
        objectives = goal.setdefault("objectives", [])
        objective = self._node(
            "objective", objective_key, row, objectives, f"{goal_path}.objectives"
        )
        output = None
        if h["output"]:
            outputs = objective[0].setdefault("outputs", [])
            key = f"o{len(self.nodes['output']) + 1}"
            output, _output_path = self._node(
                "output",
                (*objective_key, named["output"]),
                row,
                outputs,
                f"{objective[1]}.outputs",
                key=key,
            )
        return objective, output
