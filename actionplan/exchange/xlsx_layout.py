"""The shape of the Excel activity matrix, shared by the exporter, the importer and the
template people fill in by hand, so the three can never disagree on a column.

The rule that lets one flat sheet carry the whole action plan:

- one row per activity; a row whose "activity code" and "activity" are both empty
  continues the activity above it, and so does a row that repeats them;
- each row may add one sub-activity, one budget line and one indicator to its activity,
  so an activity with two budget lines takes two rows;
- the activity's own columns (chapter to activity, lead body, partners, start, end) may
  be repeated on those extra rows or left empty; if repeated they must not differ.
"""

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

PLAN_SHEET = "Plan"
ACTIVITIES_SHEET = "Activities"
STAKEHOLDERS_SHEET = "Stakeholders"
INSTRUCTIONS_SHEET = "Instructions"

# Refused above these, with a message saying so: beyond them a plan is not an action
# plan any more, and the upload would hold a request for many seconds.
MAX_ACTIVITIES = 5000
MAX_ROWS = 20000
MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_UNZIPPED_BYTES = 80 * 1024 * 1024

# Excel reads a cell starting with one of these as a formula (or a DDE call).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    width: int
    help: str | Promise
    activity_level: bool = False
    optional: bool = False  # a workbook made before the column existed still imports


ACTIVITY_COLUMNS: tuple[Column, ...] = (
    Column(
        "chapter",
        "Chapter",
        24,
        gettext_lazy(
            "The plan's thematic chapter, optionally starting with its code: "
            "'2 Prevention of trafficking'."
        ),
        True,
    ),
    Column(
        "goal",
        "Goal",
        32,
        gettext_lazy(
            "Required. The strategic goal the activity serves, optionally starting with its "
            "code: 'G1 Victims are identified early'."
        ),
        True,
    ),
    Column(
        "objective",
        "Objective",
        32,
        gettext_lazy("Required. The specific objective under that goal, optionally with its code."),
        True,
    ),
    Column(
        "output", "Output", 28, gettext_lazy("Optional. The output the activity produces."), True
    ),
    Column(
        "activity_code",
        "Activity code",
        10,
        gettext_lazy(
            "Optional but recommended: unique per activity, e.g. 2.1.3. Rows with the same "
            "code belong to the same activity."
        ),
        True,
    ),
    Column(
        "activity", "Activity", 40, gettext_lazy("Required on the first row of an activity."), True
    ),
    Column(
        "sub_activity",
        "Sub-activity",
        32,
        gettext_lazy("Optional. One sub-activity per row, optionally starting with its code."),
    ),
    Column(
        "lead_body",
        "Lead body",
        24,
        gettext_lazy(
            "One responsible body, by name as on the Stakeholders sheet (capitals and "
            "spaces do not matter). A body not on that sheet is created."
        ),
        True,
    ),
    Column(
        "partners",
        "Partners",
        28,
        gettext_lazy("Other responsible bodies, separated by semicolons."),
        True,
    ),
    Column(
        "start",
        "Start",
        9,
        gettext_lazy(
            "First month: YYYY-MM (2015-03), YYYY-MM-DD, MM/YYYY, an Excel date, or a year "
            "alone (2015 means January 2015). Inside the plan period."
        ),
        True,
    ),
    Column(
        "end",
        "End",
        9,
        gettext_lazy(
            "Last month, in the same formats; a year alone means December of that year. Not "
            "before the start."
        ),
        True,
    ),
    Column("budget", "Budget", 12, gettext_lazy("An amount, zero or more, without currency sign.")),
    Column(
        "currency",
        "Currency",
        9,
        gettext_lazy("Required with a budget: ISO 4217 code, e.g. EUR, AZN."),
    ),
    Column("source", "Source", 10, gettext_lazy("Required with a budget: state, donor or other.")),
    Column(
        "donor", "Donor", 18, gettext_lazy("The donor's name; required when the source is donor.")
    ),
    Column(
        "budget_status",
        "Budget status",
        12,
        gettext_lazy("secured, pledged or unfunded (empty means unfunded)."),
    ),
    Column(
        "indicator",
        "Indicator",
        32,
        gettext_lazy("Optional. One indicator of the activity per row."),
    ),
    Column("unit", "Unit", 10, gettext_lazy("The indicator's unit, e.g. persons.")),
    Column("baseline", "Baseline", 10, gettext_lazy("The value at the start.")),
    Column("baseline_year", "Baseline year", 9, gettext_lazy("Four digits, e.g. 2018.")),
    Column("target", "Target", 10, gettext_lazy("The value to reach.")),
    Column(
        "target_year", "Target year", 9, gettext_lazy("Four digits, not before the baseline year.")
    ),
    Column(
        "means_of_verification",
        "Means of verification",
        28,
        gettext_lazy("Where the figure comes from, e.g. training attendance records."),
    ),
    Column(
        "resources_as_written",
        "Resources as written",
        28,
        gettext_lazy(
            "Optional. The resources as the plan states them in words, e.g. 'within the "
            "ministry's budget' or 'donor funding', beside or instead of budget lines."
        ),
        True,
        True,
    ),
)

BUDGET_KEYS = ("budget", "currency", "source", "donor", "budget_status")
INDICATOR_KEYS = (
    "indicator",
    "unit",
    "baseline",
    "baseline_year",
    "target",
    "target_year",
    "means_of_verification",
)

STAKEHOLDER_COLUMNS: tuple[Column, ...] = (
    Column("name", "Name", 40, gettext_lazy("Required, once per body.")),
    Column(
        "kind", "Kind", 26, gettext_lazy("government, ngo, international or other (empty: other).")
    ),
    Column("role", "Role", 60, gettext_lazy("Its role in the national response.")),
)

# Plan sheet: field label -> help. Read by label in column A, value in column B.
PLAN_FIELDS: dict[str, str | Promise] = {
    "Country": gettext_lazy("Required."),
    "Title": gettext_lazy("Required."),
    "Period": gettext_lazy("Required: first and last year, e.g. 2014-2018."),
    "Status": gettext_lazy("draft, consultation, adopted or archived (empty: draft)."),
    "Coordinating body": gettext_lazy("The national coordinator or coordination body."),
    "Adoption reference": gettext_lazy("The decree or order that adopted the plan."),
    "Framework": gettext_lazy(
        "The code of the international standard the plan follows, e.g. icmpd-2006 (empty: none)."
    ),
}

_CODE_AND_TITLE = re.compile(r"^(?P<code>[A-Za-z]{0,5}\d+(?:[.\-]\d+)*)[.:)]?\s+(?P<title>\S.*)$")


def split_code(text: str) -> tuple[str, str]:
    """'2.1 Prevention' -> ('2.1', 'Prevention'); text without a leading code -> ('', text)."""
    match = _CODE_AND_TITLE.match(text)
    if match and len(match["code"]) <= 20:
        return match["code"], match["title"].strip()
    return "", text


def join_code(code: str, title: str) -> str:
    return f"{code} {title}".strip() if code else title


def normalise_name(name: str) -> str:
    """How names are matched: capitals and runs of spaces do not matter."""
    return " ".join(name.split()).casefold()
