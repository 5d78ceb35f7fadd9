"""Import a ``nap-planner/plan`` version 1 document as a new plan.

Three passes, and nothing is written unless all pass: the JSON Schema; the references
inside the document (stakeholder, section and output keys, the framework and its tag
codes); the models' own rules (``full_clean()``: timeframe inside the period, end not
before start, amounts not negative, one lead body per activity, …). Every problem is
reported with its JSON path. The writing is one transaction of bulk inserts, so the
number of queries does not grow with the plan.

This is the one writer of a whole plan: a workbook reaches it as a document too (see
`plan_import`), and a preview runs the same passes without the writing.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionplan.exchange.json_document import (
    DocumentIssue,
    PlanDocumentError,
    document_check_schema,
    json_path,
    month_parse,
)
from actionplan.models import (
    Activity,
    BudgetLine,
    Indicator,
    Output,
    Responsibility,
    SubActivity,
)
from standards.models import Framework
from strategy.history import history_bulk_record, history_link_to_event, plan_event
from strategy.history_models import PlanEvent
from strategy.models import (
    Chapter,
    Plan,
    PlanMembership,
    Section,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
)

Path = list[str | int]
# Model fields that the document names differently.
DOCUMENT_NAMES = {"start_month": "start", "end_month": "end"}
TAG_FIELDS = ("components", "areas", "principles")
UNKNOWN_TAG = {
    "components": gettext_lazy('"%(code)s" is not a component of %(framework)s.'),
    "areas": gettext_lazy('"%(code)s" is not an area of %(framework)s.'),
    "principles": gettext_lazy('"%(code)s" is not a principle of %(framework)s.'),
}
WRITE_ORDER = (
    Section,
    Stakeholder,
    Chapter,
    StrategicGoal,
    SpecificObjective,
    Output,
    Activity,
    SubActivity,
    Responsibility,
    BudgetLine,
    Indicator,
)


def plan_import_json(
    *,
    document: dict,
    user=None,
    editors: Sequence = (),
    previous_plans=None,
    source: str = "",
) -> Plan:
    """Create a plan from a document. ``user`` (when given) and ``editors`` become its
    editors. ``previous_plans`` limits which existing plans ``plan.previous_plan`` may
    link to (by default, those ``user`` may see). The plan's history shows the import as
    one event naming ``source`` (the file's name)."""
    reader = _read(document, user=user, previous_plans=previous_plans)
    with transaction.atomic():
        plan = reader.write(source=source, user=user)
        people = {person.pk: person for person in [*editors, *([user] if user else [])]}
        PlanMembership.objects.bulk_create(
            PlanMembership(plan=plan, user=person, role=PlanMembership.Role.EDITOR)
            for person in people.values()
        )
    return plan


@dataclass
class PlanDraft:
    """What importing a document would create: the plan and its rows, unsaved."""

    plan: Plan
    rows: dict[type, list]

    def count(self, model: type) -> int:
        return len(self.rows.get(model, ()))


def plan_import_json_check(*, document: dict, user=None) -> PlanDraft:
    """Every check of `plan_import_json`, without writing: what the import would create.
    Raises PlanDocumentError as the import would."""
    reader = _read(document, user=user, previous_plans=None)
    return PlanDraft(plan=reader.plan, rows=reader.pending)


def _read(document: dict, *, user, previous_plans) -> "_DocumentReader":
    document_check_schema(document)
    if previous_plans is None and user is not None:
        previous_plans = Plan.objects.visible_to(user)
    reader = _DocumentReader(previous_plans=previous_plans)
    reader.read(document)
    if reader.issues:
        raise PlanDocumentError(reader.issues)
    return reader


def plan_find_existing(*, document: dict) -> Plan | None:
    """The plan a document would duplicate: same country, title and period."""
    plan = document.get("plan") if isinstance(document, dict) else None
    if not isinstance(plan, dict):
        return None
    return (
        Plan.objects.filter(
            country=plan.get("country"),
            title=plan.get("title"),
            period_start=plan.get("period_start"),
            period_end=plan.get("period_end"),
        )
        .order_by("pk")
        .first()
    )


class _DocumentReader:
    """Turns a schema-valid document into unsaved model instances, collecting every
    problem with its path, then writes them."""

    def __init__(self, *, previous_plans):
        self.previous_plans = previous_plans
        self.issues: list[DocumentIssue] = []
        self.plan: Plan | None = None
        self.framework: Framework | None = None
        self.framework_unknown = False
        self.codes: dict[str, dict] = {name: {} for name in TAG_FIELDS}
        self.pending: dict[type, list] = {model: [] for model in WRITE_ORDER}
        self.tag_links: list[tuple[object, str, list]] = []
        self.background_links: list[tuple[StrategicGoal, list[Section]]] = []
        self.sections: dict[str, Section] = {}
        self.stakeholders: dict[str, Stakeholder] = {}
        self.stakeholder_names: dict[str, Stakeholder] = {}
        self.output_keys: dict[str, Path] = {}

    # --- reporting -------------------------------------------------------------------

    def report(self, parts: Path, message: str) -> None:
        self.issues.append(DocumentIssue(json_path(parts), message))

    def validate(self, instance, parts: Path, *, exclude: Iterable[str] = ()) -> bool:
        """The model's own rules. Relations are set by this importer, not read from the
        document, so they are not re-checked row by row against the database."""
        relations = [f.name for f in instance._meta.concrete_fields if f.is_relation]
        try:
            instance.full_clean(
                exclude=[*relations, *exclude], validate_unique=False, validate_constraints=False
            )
        except ValidationError as exc:
            self.report_validation(exc, parts)
            return False
        return True

    def report_validation(self, exc: ValidationError, parts: Path) -> None:
        if not hasattr(exc, "error_dict"):
            for message in exc.messages:
                self.report(parts, message)
            return
        for field, messages in exc.message_dict.items():
            where = parts if field == "__all__" else [*parts, DOCUMENT_NAMES.get(field, field)]
            for message in messages:
                self.report(where, message)

    def add(self, instance, parts: Path, order: int | None = None):
        if order is not None:
            instance.order = order
        self.validate(instance, parts)
        self.pending[type(instance)].append(instance)
        return instance

    # --- reading ---------------------------------------------------------------------

    def read(self, document: dict) -> None:
        self._read_plan(document["plan"])
        for n, data in enumerate(document.get("sections", [])):
            self._read_section(data, ["sections", n], n)
        for n, data in enumerate(document.get("stakeholders", [])):
            self._read_stakeholder(data, ["stakeholders", n], n)
        for n, data in enumerate(document.get("chapters", [])):
            chapter = Chapter(plan=self.plan, **_texts(data, "code", "title", "description"))
            self.add(chapter, ["chapters", n], n)
            self._read_tags(chapter, data, ["chapters", n])
            for m, goal in enumerate(data.get("goals", [])):
                self._read_goal(goal, chapter, ["chapters", n, "goals", m])
        for n, data in enumerate(document.get("goals", [])):
            self._read_goal(data, None, ["goals", n])

    def _read_plan(self, data: dict) -> None:
        reference = data.get("framework")
        if reference:
            self._load_framework(reference)
        plan = Plan(
            **_texts(data, "country", "title", "description", "adoption_reference"),
            **_texts(data, "legal_basis", "coordinating_body"),
            period_start=data["period_start"],
            period_end=data["period_end"],
            status=data.get("status", Plan._meta.get_field("status").default),
            not_in_source=data.get("not_in_source", []),
            framework=self.framework,
            previous_plan=self._previous_plan(data.get("previous_plan")),
        )
        try:
            plan.full_clean(exclude=["framework", "previous_plan"])
        except ValidationError as exc:
            self.report_validation(exc, ["plan"])
        self.plan = plan

    def _load_framework(self, reference: dict) -> None:
        code, version = reference["code"], reference["version"]
        self.framework = Framework.objects.filter(code=code, version=version).first()
        if self.framework is None:
            self.framework_unknown = True
            self.report(
                ["plan", "framework"],
                _(
                    "The framework %(code)s version %(version)s is not loaded in this "
                    "installation; load that standard first, or remove the reference and the tags."
                )
                % {"code": code, "version": version},
            )
            return
        for name in TAG_FIELDS:
            related = getattr(self.framework, name)
            self.codes[name] = {item.code: item for item in related.all()}

    def _previous_plan(self, reference: dict | None) -> Plan | None:
        if not reference or self.previous_plans is None:
            return None
        return self.previous_plans.filter(**reference).order_by("pk").first()

    def _read_section(self, data: dict, parts: Path, n: int) -> None:
        section = Section(
            plan=self.plan,
            kind=data.get("kind", Section.Kind.OTHER),
            component=self._tag("components", data.get("component"), [*parts, "component"]),
            **_texts(data, "title", "body"),
        )
        self.add(section, parts, n)
        key = data.get("key")
        if key is not None:
            if key in self.sections:
                self.report(
                    [*parts, "key"], _('The section key "%(key)s" is used twice.') % {"key": key}
                )
            self.sections[key] = section

    def _read_stakeholder(self, data: dict, parts: Path, n: int) -> None:
        stakeholder = Stakeholder(
            plan=self.plan,
            kind=data.get("kind", Stakeholder.Kind.GOVERNMENT),
            **_texts(data, "name", "abbreviation", "role"),
        )
        self.add(stakeholder, parts, n)
        if stakeholder.name in self.stakeholder_names:
            self.report(
                [*parts, "name"],
                _('Another stakeholder is named "%(name)s": names are unique in a plan.')
                % {"name": stakeholder.name},
            )
        self.stakeholder_names.setdefault(stakeholder.name, stakeholder)
        key = data.get("key")
        if key is not None and key in self.stakeholders:
            self.report(
                [*parts, "key"], _('The stakeholder key "%(key)s" is used twice.') % {"key": key}
            )
        self.stakeholders[key if key is not None else stakeholder.name] = stakeholder

    def _stakeholder(self, reference: str | None, parts: Path) -> Stakeholder | None:
        if reference is None:
            return None
        found = self.stakeholders.get(reference) or self.stakeholder_names.get(reference)
        if found is None:
            message = _('No stakeholder in $.stakeholders has the key or name "%(reference)s".') % {
                "reference": reference
            }
            self.report(parts, message)
        return found

    def _tag(self, kind: str, code: str | None, parts: Path):
        if code is None:
            return None
        if self.framework is None:
            if not self.framework_unknown:
                message = _("A standard's code needs the plan's framework: set $.plan.framework.")
                self.report(parts, message)
            return None
        found = self.codes[kind].get(code)
        if found is None:
            message = UNKNOWN_TAG[kind] % {"code": code, "framework": self.framework.label}
            self.report(parts, message)
        return found

    def _read_tags(self, instance, data: dict, parts: Path) -> None:
        for name in TAG_FIELDS:
            codes = data.get("tags", {}).get(name, [])
            found = [self._tag(name, c, [*parts, "tags", name, i]) for i, c in enumerate(codes)]
            if found:
                self.tag_links.append((instance, name, [tag for tag in found if tag]))

    def _indicators(self, data: dict, subject: str, instance, parts: Path) -> None:
        for n, item in enumerate(data.get("indicators", [])):
            where = [*parts, "indicators", n]
            body = self._stakeholder(item.get("responsible_body"), [*where, "responsible_body"])
            indicator = Indicator(
                **_texts(item, "definition", "unit", "baseline_value", "target_value"),
                **_texts(item, "means_of_verification"),
                plan=self.plan,
                level=item.get("level", Indicator.Level.OUTPUT),
                baseline_year=item.get("baseline_year"),
                target_year=item.get("target_year"),
                frequency=item.get("frequency") or "",
                responsible_body=body,
                **{subject: instance},
            )
            self.add(indicator, where, len(self.pending[Indicator]))

    def _read_goal(self, data: dict, chapter: Chapter | None, parts: Path) -> None:
        goal = StrategicGoal(
            plan=self.plan,
            chapter=chapter,
            **_texts(data, "code", "title", "description", "rationale"),
        )
        self.add(goal, parts, len(self.pending[StrategicGoal]))
        self._read_tags(goal, data, parts)
        sections = []
        for n, key in enumerate(data.get("background_sections", [])):
            section = self.sections.get(key)
            if section is None:
                self.report(
                    [*parts, "background_sections", n],
                    _('No section has the key "%(key)s".') % {"key": key},
                )
            else:
                sections.append(section)
        if sections:
            self.background_links.append((goal, sections))
        self._indicators(data, "goal", goal, parts)
        for n, objective in enumerate(data.get("objectives", [])):
            self._read_objective(objective, goal, [*parts, "objectives", n])

    def _read_objective(self, data: dict, goal: StrategicGoal, parts: Path) -> None:
        objective = SpecificObjective(
            plan=self.plan, goal=goal, **_texts(data, "code", "title", "description")
        )
        self.add(objective, parts, len(self.pending[SpecificObjective]))
        self._read_tags(objective, data, parts)
        self._indicators(data, "objective", objective, parts)
        outputs: dict[str, Output] = {}
        for n, item in enumerate(data.get("outputs", [])):
            where = [*parts, "outputs", n]
            output = Output(
                plan=self.plan, objective=objective, **_texts(item, "code", "title", "description")
            )
            self.add(output, where, len(self.pending[Output]))
            if item["key"] in self.output_keys:
                first = json_path(self.output_keys[item["key"]])
                message = _('The output key "%(key)s" is used by %(first)s.')
                self.report([*where, "key"], message % {"key": item["key"], "first": first})
            self.output_keys.setdefault(item["key"], where)
            outputs[item["key"]] = output
            self._indicators(item, "output", output, where)
        for n, item in enumerate(data.get("activities", [])):
            self._read_activity(item, objective, outputs, [*parts, "activities", n])

    def _read_activity(self, data: dict, objective, outputs: dict, parts: Path) -> None:
        output = None
        if data.get("output") is not None:
            output = outputs.get(data["output"])
            if output is None:
                message = _('This objective has no output with the key "%(key)s".') % {
                    "key": data["output"]
                }
                self.report([*parts, "output"], message)
        activity = Activity(
            plan=self.plan,
            objective=objective,
            output=output,
            start_month=month_parse(data.get("start")),
            end_month=month_parse(data.get("end")),
            not_in_source=data.get("not_in_source", []),
            **_texts(data, "code", "title", "description", "resources_as_written"),
            **_texts(data, "timeframe_as_written"),
        )
        self.add(activity, parts, len(self.pending[Activity]))
        self._read_tags(activity, data, parts)
        self._read_responsibilities(data, activity, parts)
        for n, item in enumerate(data.get("budget_lines", [])):
            line = BudgetLine(
                activity=activity,
                amount=_amount(item["amount"]),
                currency=item["currency"],
                source=item.get("source", BudgetLine.Source.STATE),
                status=item.get("status", BudgetLine.Status.UNFUNDED),
                **_texts(item, "description", "donor_name"),
            )
            self.add(line, [*parts, "budget_lines", n], n)
        self._indicators(data, "activity", activity, parts)
        for n, item in enumerate(data.get("sub_activities", [])):
            sub = SubActivity(
                activity=activity,
                start_month=month_parse(item.get("start")),
                end_month=month_parse(item.get("end")),
                **_texts(item, "code", "title", "description"),
            )
            self.add(sub, [*parts, "sub_activities", n], len(self.pending[SubActivity]))

    def _read_responsibilities(self, data: dict, activity: Activity, parts: Path) -> None:
        lead: Path | None = None
        seen: set[int] = set()
        for n, item in enumerate(data.get("responsibilities", [])):
            where = [*parts, "responsibilities", n]
            stakeholder = self._stakeholder(item["stakeholder"], [*where, "stakeholder"])
            role = item.get("role", Responsibility.Role.PARTNER)
            if role == Responsibility.Role.LEAD:
                if lead is not None:
                    message = _("This activity already has a lead body (%(path)s).") % {
                        "path": json_path(lead)
                    }
                    self.report([*where, "role"], message)
                lead = lead or where
            if stakeholder is None:
                continue
            if id(stakeholder) in seen:
                message = _("This body is already responsible for the activity.")
                self.report([*where, "stakeholder"], message)
            seen.add(id(stakeholder))
            responsibility = Responsibility(activity=activity, stakeholder=stakeholder, role=role)
            self.add(responsibility, where, n)

    # --- writing ---------------------------------------------------------------------

    def write(self, *, source: str = "", user=None) -> Plan:
        self.plan.save()
        kind = PlanEvent.Kind.IMPORT
        with plan_event(plan=self.plan, kind=kind, source=source, user=user):
            history_link_to_event(element=self.plan)
            for model in WRITE_ORDER:
                model.objects.bulk_create(self.pending[model])
            tag_ids = self._write_links()
            for model in WRITE_ORDER:
                rows = self.pending[model]
                history_bulk_record(rows, model=model, tag_ids=tag_ids.get(model, {}))
        return self.plan

    def _write_links(self) -> dict[type, dict[int, dict[str, list[int]]]]:
        rows: dict[type, list] = {}
        links = [(i, name, tags) for i, name, tags in self.tag_links]
        links += [(goal, "background_sections", s) for goal, s in self.background_links]
        for instance, name, related in links:
            field = type(instance)._meta.get_field(name)
            through = field.remote_field.through
            source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
            rows.setdefault(through, []).extend(
                through(**{f"{source}_id": instance.pk, f"{target}_id": item.pk})
                for item in dict.fromkeys(related)
            )
        for through, objs in rows.items():
            through.objects.bulk_create(objs)
        # What the history records of each element's links, by model and element id.
        tag_ids: dict[type, dict[int, dict[str, list[int]]]] = {}
        for instance, name, related in links:
            of_model = tag_ids.setdefault(type(instance), {})
            tags = of_model.setdefault(instance.pk, {}).setdefault(name, [])
            tags.extend(dict.fromkeys(item.pk for item in related))
        return tag_ids


def _texts(data: dict, *names: str) -> dict[str, str]:
    return {name: data.get(name, "") for name in names}


def _amount(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None
