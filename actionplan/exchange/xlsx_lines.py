"""The per-row lines of an activity in the matrix: its own values (lead body, partners,
timeframe), sub-activities, budget lines and indicators."""

from django.core.exceptions import ValidationError

from actionplan.exchange.xlsx_cells import (
    cell_amount,
    cell_choice,
    cell_currency,
    cell_month,
    cell_year,
)
from actionplan.exchange.xlsx_layout import BUDGET_KEYS, INDICATOR_KEYS, normalise_name, split_code
from actionplan.models import BudgetLine, Indicator, Responsibility, SubActivity


def split_names(text: str) -> list[str]:
    parts = text.replace("\n", ";").split(";")
    return [" ".join(p.split()) for p in parts if p.strip()]


class ActivityLinesMixin:
    """Used by GraphBuilder; relies on its `_problem`, `_parse`, `_validate_row` and
    `_body` methods and on `graph`."""

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
                f"Give one lead body; put “{names[1]}” and any other under Partners.",
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
                    f"Differs from row {seen[0]} of the same activity; repeat the same value "
                    "or leave the cell empty.",
                )

    def _activity_finish(self, entry) -> None:
        activity, values = entry.activity, entry.values
        activity.start_month = values["start"][2] if "start" in values else None
        activity.end_month = values["end"][2] if "end" in values else None
        if "resources_as_written" in values:
            activity.resources_as_written = values["resources_as_written"][2]
        rows = {f"{k}_month": values[k][0] for k in ("start", "end") if k in values}
        self._validate_row(activity, entry.row, rows)
        lead = values.get("lead_body")
        named = set()
        if lead:
            body = self._body(lead[2])
            named.add(id(body))
            self.graph.responsibilities.append(
                Responsibility(activity=activity, stakeholder=body, role="lead", order=0)
            )
        for order, name in enumerate(values.get("partners", (0, 0, []))[2], start=1):
            body = self._body(name)
            if id(body) in named:
                continue  # named twice: one responsibility is enough
            named.add(id(body))
            self.graph.responsibilities.append(
                Responsibility(activity=activity, stakeholder=body, role="partner", order=order)
            )

    def _sub_activity(self, entry, row, texts) -> None:
        if not texts["sub_activity"]:
            return
        code, title = split_code(" ".join(texts["sub_activity"].split()))
        order = len(self.graph.sub_activities)
        sub = SubActivity(activity=entry.activity, code=code, title=title, order=order)
        self._validate_row(sub, row)
        self.graph.sub_activities.append(sub)

    def _required(self, row, texts, key, message) -> bool:
        if not texts[key]:
            self._problem(row, key, message)
        return bool(texts[key])

    def _budget_line(self, entry, row, texts, cells) -> None:
        if not any(texts[k] for k in BUDGET_KEYS):
            return
        given = [
            self._required(row, texts, "budget", "Give the amount of this budget line."),
            self._required(row, texts, "currency", "Give the currency, e.g. EUR."),
            self._required(row, texts, "source", "Give the source: state, donor or other."),
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
        line = BudgetLine(
            activity=entry.activity,
            amount=amount,
            currency=currency,
            source=source,
            donor_name=" ".join(texts["donor"].split()),
            status=status,
            order=len(self.graph.budget_lines),
        )
        self._validate_row(line, row)
        self.graph.budget_lines.append(line)

    def _indicator(self, entry, row, texts, cells) -> None:
        if not any(texts[k] for k in INDICATOR_KEYS):
            return
        if not self._required(
            row, texts, "indicator", "Give the indicator itself, not only its figures."
        ):
            return
        years = {}
        for key in ("baseline_year", "target_year"):
            years[key] = self._parse(row, key, cells, cell_year) if texts[key] else None
            if texts[key] and years[key] is None:
                return
        indicator = Indicator(
            plan=self.graph.plan,
            activity=entry.activity,
            level=Indicator.Level.OUTPUT,
            definition=texts["indicator"],
            unit=texts["unit"],
            baseline_value=texts["baseline"],
            target_value=texts["target"],
            means_of_verification=texts["means_of_verification"],
            order=len(self.graph.indicators),
            **years,
        )
        try:
            # Not full_clean: its one-subject rule reads ids, which unsaved objects lack;
            # the subject here is always the row's activity.
            indicator.clean_fields(exclude=["plan", "activity", "goal", "objective", "output"])
            baseline, target = years["baseline_year"], years["target_year"]
            if baseline and target and target < baseline:
                raise ValidationError(
                    {"target_year": "The target year cannot precede the baseline year."}
                )
        except ValidationError as exc:
            self._place_row(exc, indicator, row)
            return
        self.graph.indicators.append(indicator)
