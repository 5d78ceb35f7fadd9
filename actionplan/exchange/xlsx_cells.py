"""Reading an uploaded workbook safely and turning its cells into plan values.

Everything here raises `CellError` (a message about one cell) or `WorkbookRefused`
(the file as a whole cannot be read); the caller adds the sheet, row and column.
"""

import datetime
import io
import re
import zipfile
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook
from openpyxl.utils import range_boundaries
from openpyxl.workbook.workbook import Workbook

from actionplan.exchange.currencies import is_currency_code
from actionplan.exchange.xlsx_layout import (
    FORMULA_TRIGGERS,
    MAX_FILE_BYTES,
    MAX_UNZIPPED_BYTES,
)


class WorkbookRefused(Exception):
    pass


class CellError(ValueError):
    pass


def workbook_open(data: bytes) -> Workbook:
    """Open an .xlsx upload, refusing what is not one before openpyxl reads it."""
    if not data:
        raise WorkbookRefused(_("The file is empty."))
    if len(data) > MAX_FILE_BYTES:
        raise WorkbookRefused(
            _(
                "The file is larger than %(size)s MB; split the plan "
                "or remove what is not part of it (pictures, other sheets)."
            )
            % {"size": MAX_FILE_BYTES // (1024 * 1024)}
        )
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise WorkbookRefused(
            _(
                "This is an old-format Excel file (.xls) or another Office 97 file: "
                "open it in Excel and save it as an Excel workbook (.xlsx)."
            )
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unzipped = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise WorkbookRefused(_("This is not an Excel workbook (.xlsx).")) from exc
    if "word/document.xml" in names:
        raise WorkbookRefused(
            _(
                "This is a Word document renamed .xlsx, not an Excel workbook. Use the "
                "template (Download the template) and fill it in Excel."
            )
        )
    if "xl/workbook.xml" not in names:
        raise WorkbookRefused(_("This is not an Excel workbook (.xlsx)."))
    if unzipped > MAX_UNZIPPED_BYTES:
        raise WorkbookRefused(
            _(
                "The workbook unpacks to more than %(size)s MB, "
                "far more than an action plan needs; it was not read."
            )
            % {"size": MAX_UNZIPPED_BYTES // (1024 * 1024)}
        )
    try:
        # Formulas are kept as formulas (data_only=False) so they can be refused by cell.
        return load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise WorkbookRefused(
            _(
                "The workbook could not be read; it may be damaged. "
                "Open it in Excel and save it again."
            )
        ) from exc


def cell_text(value) -> str:
    """A cell as plain text; undoes the quote the exporter puts before formula triggers."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime.datetime | datetime.date):
        raise CellError(_("Expected text, found a date."))
    text = str(value).strip()
    if text.startswith("'") and text[1:2] and text[1:2] in FORMULA_TRIGGERS:
        text = text[1:]
    return text


NEGATIVE_AMOUNT = gettext_lazy("The amount %(amount)s is negative; a budget is zero or more.")
_AMOUNT = re.compile(r"^\d+(\.\d+)?$|^\d{1,3}(,\d{3})+(\.\d+)?$")


def cell_amount(value) -> Decimal:
    if isinstance(value, bool):
        raise CellError(_("Expected an amount, found TRUE/FALSE."))
    if isinstance(value, int | float | Decimal):
        amount = Decimal(str(value))
    else:
        text = cell_text(value).replace(" ", "").replace("\u00a0", "")
        if text.startswith("-") and _AMOUNT.match(text[1:]):
            raise CellError(NEGATIVE_AMOUNT % {"amount": text})
        if not _AMOUNT.match(text):
            raise CellError(
                _("“%(text)s” is not an amount; write digits only, e.g. 25000.50.") % {"text": text}
            )
        amount = Decimal(text.replace(",", ""))
    if not amount.is_finite():
        raise CellError(_("Expected an amount."))
    if amount < 0:
        raise CellError(NEGATIVE_AMOUNT % {"amount": amount})
    if amount != amount.quantize(Decimal("0.01")):
        raise CellError(_("The amount %(amount)s has more than two decimals.") % {"amount": amount})
    if amount >= Decimal("1e12"):
        raise CellError(_("The amount %(amount)s is too large.") % {"amount": amount})
    return amount.quantize(Decimal("0.01"))


def cell_year(value) -> int:
    text = cell_text(value)
    if not re.fullmatch(r"\d{4}", text) or not 1900 <= int(text) <= 2100:
        message = _("“%(text)s” is not a year; write four digits, e.g. 2018.")
        raise CellError(message % {"text": text})
    return int(text)


def cell_currency(value) -> str:
    code = cell_text(value).upper()
    if not is_currency_code(code):
        message = _("“%(code)s” is not an ISO 4217 currency code; write e.g. EUR or AZN.")
        raise CellError(message % {"code": code})
    return code


def cell_choice(value, choices, what: str) -> str:
    """Match a value or label of a TextChoices, ignoring capitals and spaces."""
    text = " ".join(cell_text(value).split()).casefold()
    for choice_value, label in choices.choices:
        if text in (choice_value.casefold(), str(label).casefold()):
            return choice_value
    allowed = ", ".join(v for v, _label in choices.choices)
    raise CellError(
        _("“%(text)s” is not a %(what)s; use one of: %(allowed)s.")
        % {"text": cell_text(value), "what": what, "allowed": allowed}
    )


_MONTH_FORMATS = (
    (re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})$"), False),
    (re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$"), True),
    (re.compile(r"^(?P<m>\d{1,2})/(?P<y>\d{4})$"), False),
)


def cell_month(value, *, end: bool) -> datetime.date:
    """A month as its first day. A year alone is January for a start, December for an end."""
    if isinstance(value, datetime.datetime | datetime.date):
        return datetime.date(value.year, value.month, 1)
    text = cell_text(value)
    if re.fullmatch(r"\d{4}", text):
        return datetime.date(int(text), 12 if end else 1, 1)
    for pattern, has_day in _MONTH_FORMATS:
        match = pattern.match(text)
        if not match:
            continue
        year, month = int(match["y"]), int(match["m"])
        try:
            datetime.date(year, month, int(match["d"]) if has_day else 1)
        except ValueError:
            raise CellError(_("“%(text)s” is not a real date.") % {"text": text}) from None
        return datetime.date(year, month, 1)
    raise CellError(
        _(
            "“%(text)s” is not a month we can read; write YYYY-MM (e.g. 2015-03), YYYY-MM-DD, "
            "MM/YYYY or a year alone."
        )
        % {"text": text}
    )


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]{1,3}[0-9]+:[A-Z]{1,3}[0-9]+)"')


def merged_ranges(ws) -> list[tuple[int, int, str]]:
    """Merged ranges of a sheet as (first row, first column, range).

    Read-only sheets (streamed, so a huge sheet stops being read at the limit) do not
    report merges, so they are read from the sheet's XML.
    """
    with ws._get_source() as source:
        xml = source.read()
    found = []
    for match in _MERGE.finditer(xml):
        ref = match[1].decode()
        min_col, min_row, _max_col, _max_row = range_boundaries(ref)
        found.append((min_row, min_col, ref))
    return found


MERGED_MESSAGE = gettext_lazy(
    "Cells {} are merged; unmerge them and repeat the value in each row instead."
)
FORMULA_MESSAGE = gettext_lazy("Formulas are not read; type the value itself.")
