"""The one problem type of every import (plans from Excel or JSON, checklists from YAML,
JSON or Excel): a reason the file cannot be loaded, placed where its author can find it.

``where`` is the place in the file (``Activities sheet, row 5``, ``line 3, framework``,
``$.chapters[0].title``); ``field`` the field or column at that place, named the way the
file names it (``column “Budget”`` in a workbook, ``field 'code'`` in a text file).
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    where: str
    field: str
    message: str
    # How the file calls `field`: a workbook has columns, a text file fields.
    field_kind: str = "field"

    def __str__(self) -> str:
        parts = [part for part in (self.where, self._field_label()) if part]
        return f"{', '.join(parts)}: {self.message}" if parts else self.message

    def _field_label(self) -> str:
        if not self.field:
            return ""
        if self.field_kind == "column":
            return _("column “%(name)s”") % {"name": self.field}
        return _("field '%(name)s'") % {"name": self.field}


def cell_problem(sheet: str, row: int | None, column: str | None, message: str) -> Problem:
    """A problem in a cell of a workbook, or a row, or a whole sheet."""
    where = [_("%(sheet)s sheet") % {"sheet": sheet}] if sheet else []
    if row:
        where.append(_("row %(row)s") % {"row": row})
    return Problem(", ".join(where), column or "", message, field_kind="column")


def file_problem(message: str) -> Problem:
    """A problem of the file as a whole."""
    return Problem("", "", message)
