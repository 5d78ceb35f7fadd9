"""The per-row lines of an activity in the matrix: its own values (lead body, partners,
timeframe), sub-activities, budget lines and indicators, as parts of the document."""

from django.utils.translation import gettext as _

from actionplan.exchange.json_document import month_format
from actionplan.exchange.xlsx_cells import (
    cell_amount,
    cell_choice,
    cell_currency,
    cell_month,
    cell_year,
)
from actionplan.exchange.xlsx_layout import BUDGET_KEYS, INDICATOR_KEYS, normalise_name, split_code
from actionplan.models import BudgetLine

# Field of a document's budget line or indicator -> the matrix column it comes from.
BUDGET_FIELDS = {
    "amount": "budget",
    "currency": "currency",
    "source": "source",
    "donor_name": "donor",
    "status": "budget_status",
    "description": "budget",
}
INDICATOR_FIELDS = {
    "definition": "indicator",
    "level": "indicator",
    "unit": "unit",
    "baseline_value": "baseline",
    "baseline_year": "baseline_year",
    "target_value": "target",
    "target_year": "target_year",
    "means_of_verification": "means_of_verification",
}


def split_names(text: str) -> list[str]:
    parts = text.replace("\n", ";").split(";")
    return [" ".join(p.split()) for p in parts if p.strip()]


class ActivityRowsMixin:
    """Used by DocumentBuilder; relies on its `_problem`, `_parse`, `_place` and `_body`
    methods."""

    def _activity_value(self, row, key, text, raw):
        """(comparable, value) of one activity-level cell, or None when it is unusable."""
        if key in ("start", "end"):
            month = self._parse(row, key, {key: raw}, lambda v: cell_month(v, end=key == "end"))
            return None if month is None else (month, month)
        names = split_names(text)
        if key == "lead_body" and len(names) > 1:
            self._problem(
                row,
                key,
                _("Give one lead body; put “%(name)s” and any other under Partners.")
                % {"name": names[1]},
            )
            return None
        if key == "lead_body":
            return normalise_name(names[0]), names[0]
        if key == "resources_as_written":
            return normalise_name(text), text.strip()
        return tuple(sorted(map(normalise_name, names))), names

    def _activity_values(self, entry, row, texts, cells) -> None:
        for key in ("lead_body", "partners", "start", "end", "resources_as_written"):
            raw = cells.get(key)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            found = self._activity_value(row, key, texts[key], raw)
            if found is None:
                continue
            seen = entry.values.get(key)
            if seen is None:
                entry.values[key] = (row, *found)
            elif seen[1] != found[0]:
                self._problem(
                    row,
                    key,
                    _(
                        "Differs from row %(row)s of the same activity; repeat the same value "
                        "or leave the cell empty."
                    )
                    % {"row": seen[0]},
                )

    def _activity_finish(self, entry) -> None:
        data, values = entry.data, entry.values
        for key in ("start", "end"):
            if key in values:
                data[key] = month_format(values[key][2])
                self._place(f"{entry.path}.{key}", values[key][0], key)
        if "resources_as_written" in values:
            row, _cell, text = values["resources_as_written"]
            data["resources_as_written"] = text
            self._place(f"{entry.path}.resources_as_written", row, "resources_as_written")
        named: set[int] = set()
        bodies = []
        if "lead_body" in values:
            bodies.append((values["lead_body"][2], "lead", values["lead_body"][0], "lead_body"))
        if "partners" in values:
            row = values["partners"][0]
            bodies += [(name, "partner", row, "partners") for name in values["partners"][2]]
        responsibilities = []
        for name, role, row, key in bodies:
            body = self._body(name, row, key)
            if id(body) in named:
                continue  # named twice: one responsibility is enough
            named.add(id(body))
            path = f"{entry.path}.responsibilities[{len(responsibilities)}]"
            self._place(path, row, key, "stakeholder", "role")
            responsibilities.append({"stakeholder": body["key"], "role": role})
        if responsibilities:
            data["responsibilities"] = responsibilities

    def _sub_activity(self, entry, row, texts) -> None:
        if not texts["sub_activity"]:
            return
        code, title = split_code(" ".join(texts["sub_activity"].split()))
        subs = entry.data.setdefault("sub_activities", [])
        path = f"{entry.path}.sub_activities[{len(subs)}]"
        self._place(path, row, "sub_activity", "code", "title")
        subs.append({"code": code, "title": title})

    def _required(self, row, texts, key, message) -> bool:
        if not texts[key]:
            self._problem(row, key, message)
        return bool(texts[key])

    def _lines(self, entry, name: str, row: int, fields: dict[str, str]) -> list:
        """The activity's list `name`, with the place of its next line recorded."""
        lines = entry.data.setdefault(name, [])
        path = f"{entry.path}.{name}[{len(lines)}]"
        self._place(path, row, next(iter(fields.values())))
        for field, key in fields.items():
            self._place(f"{path}.{field}", row, key)
        return lines

    def _budget_line(self, entry, row, texts, cells) -> None:
        if not any(texts[k] for k in BUDGET_KEYS):
            return
        given = [
            self._required(row, texts, "budget", _("Give the amount of this budget line.")),
            self._required(row, texts, "currency", _("Give the currency, e.g. EUR.")),
            self._required(row, texts, "source", _("Give the source: state, donor or other.")),
        ]
        if not all(given):
            return
        amount = self._parse(row, "budget", cells, cell_amount)
        currency = self._parse(row, "currency", cells, cell_currency)
        source = self._parse(
            row, "source", cells, lambda v: cell_choice(v, BudgetLine.Source, "funding source")
        )
        status = BudgetLine.Status.UNFUNDED
        if texts["budget_status"]:
            status = self._parse(
                row,
                "budget_status",
                cells,
                lambda v: cell_choice(v, BudgetLine.Status, "budget status"),
            )
        if None in (amount, currency, source, status):
            return
        self._lines(entry, "budget_lines", row, BUDGET_FIELDS).append(
            {
                "amount": str(amount),
                "currency": currency,
                "source": source,
                "donor_name": " ".join(texts["donor"].split()),
                "status": status,
            }
        )

    def _indicator(self, entry, row, texts, cells) -> None:
        if not any(texts[k] for k in INDICATOR_KEYS):
            return
        if not self._required(
            row, texts, "indicator", _("Give the indicator itself, not only its figures.")
        ):
            return
        years = {}
        for key in ("baseline_year", "target_year"):
            years[key] = self._parse(row, key, cells, cell_year) if texts[key] else None
            if texts[key] and years[key] is None:
                return
        self._lines(entry, "indicators", row, INDICATOR_FIELDS).append(
            {
                "level": "output",
                "definition": texts["indicator"],
                "unit": texts["unit"],
                "baseline_value": texts["baseline"],
                "target_value": texts["target"],
                "means_of_verification": texts["means_of_verification"],
                **years,
            }
        )
