"""Forms of the action tier (outputs, activities and below) and of the workspace's filters.
They only clean input; like the strategy tier's (see strategy.forms.PlanElementForm) every
choice of a related object is limited to the plan being edited."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from actionplan.models import Activity, BudgetLine, Indicator, Output, Responsibility, SubActivity
from strategy.forms import TAGS, TEXTAREA, PlanElementForm, StakeholderForm
from strategy.models import Plan, Stakeholder
from strategy.validators import SOURCE_FIELD_LABELS, SOURCE_FIELDS

MONTH_WIDGET = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")
MONTH_FORMATS = ["%Y-%m", "%Y-%m-%d"]


class MonthField(forms.DateField):
    """A month picker; the model stores the first day of the month."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", MONTH_WIDGET)
        kwargs.setdefault("input_formats", MONTH_FORMATS)
        kwargs.setdefault("required", False)
        kwargs.setdefault("help_text", _("Year and month, e.g. 2020-03."))
        super().__init__(**kwargs)


class ActionElementForm(PlanElementForm):
    """A form for one element of the action tier: outputs are offered from the plan too."""

    def plan_choices(self, plan: Plan) -> dict:
        return {**super().plan_choices(plan), "output": Output.objects.filter(plan=plan)}


class OutputForm(ActionElementForm):
    class Meta:
        model = Output
        fields = ["objective", "code", "title", "description"]
        widgets = {"title": TEXTAREA, "description": TEXTAREA}


MAX_NEW_PARTNERS = 20


class ActivityForm(ActionElementForm):
    lead = forms.ModelChoiceField(
        queryset=Stakeholder.objects.none(),
        required=False,
        label=_("Lead body"),
        help_text=_("The one body accountable for the activity."),
    )
    new_lead = forms.CharField(
        required=False,
        max_length=300,
        label=_("New lead body (not yet listed)"),
        help_text=_("Named here, it joins the plan's stakeholders and leads the activity."),
    )
    partners = forms.ModelMultipleChoiceField(
        queryset=Stakeholder.objects.none(),
        required=False,
        label=_("Partner bodies"),
        widget=forms.SelectMultiple(attrs={"size": 4}),
    )
    new_partners = forms.CharField(
        required=False,
        max_length=MAX_NEW_PARTNERS * 301,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("New partner bodies (not yet listed)"),
        help_text=_("One per line; each joins the plan's stakeholders as a partner."),
    )
    start_month = MonthField()
    end_month = MonthField()
    # A budget line and an indicator added here, without opening the activity's details.
    budget_amount = forms.DecimalField(
        required=False,
        max_digits=14,
        decimal_places=2,
        label=_("Add a budget line: amount"),
        help_text=_("From the state budget, not yet secured; change that under Details."),
    )
    budget_currency = forms.CharField(
        required=False, max_length=3, label=_("Currency"), help_text=_("e.g. EUR.")
    )
    new_indicator = forms.CharField(
        required=False,
        widget=TEXTAREA,
        label=_("Add an indicator: definition"),
        help_text=_("Its baseline, target and means of verification go under Details."),
    )
    not_in_source = forms.MultipleChoiceField(
        choices=[(name, SOURCE_FIELD_LABELS[name]) for name in SOURCE_FIELDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Not in the source"),
        help_text=_("What the source this activity was typed in from does not include."),
    )

    class Meta:
        model = Activity
        fields = [
            "objective",
            "output",
            "code",
            "title",
            "description",
            "start_month",
            "end_month",
            "timeframe_as_written",
            "resources_as_written",
            "not_in_source",
            *TAGS,
        ]
        widgets = {
            "title": TEXTAREA,
            "description": TEXTAREA,
            "timeframe_as_written": forms.TextInput,
            "resources_as_written": TEXTAREA,
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, plan=plan, **kwargs)
        self.fields["lead"].queryset = plan.stakeholders.all()
        self.fields["partners"].queryset = plan.stakeholders.all()
        if not plan.stakeholders.exists():
            hint = format_html(
                '<a href="{}">{}</a>',
                reverse("strategy:stakeholders", args=[plan.pk]),
                _("Bodies come from the Stakeholders page"),
            )
            self.fields["lead"].help_text = self.fields["partners"].help_text = hint
        if self.instance.pk and not self.is_bound:
            self.initial.update(self._bodies(self.instance))

    def object_values(self, obj) -> dict:
        return {**super().object_values(obj), **self._bodies(obj)}

    @staticmethod
    def _bodies(activity: Activity) -> dict:
        duties = list(activity.responsibilities.all())
        leads = [r.stakeholder_id for r in duties if r.role == Responsibility.Role.LEAD]
        partners = [r.stakeholder_id for r in duties if r.role == Responsibility.Role.PARTNER]
        return {"lead": leads[0] if leads else None, "partners": partners}

    def _new_body(self, name: str) -> Stakeholder:
        """A body not yet listed, checked as the Stakeholders page checks it; unsaved."""
        kind = Stakeholder._meta.get_field("kind").default
        body = StakeholderForm(
            {"name": name, "kind": kind}, instance=Stakeholder(plan=self.plan), plan=self.plan
        )
        if not body.is_valid():
            raise forms.ValidationError(body.errors["name"])
        return body.instance

    def clean_new_lead(self) -> Stakeholder | None:
        name = self.cleaned_data["new_lead"]
        return self._new_body(name) if name.strip() else None

    def clean_new_partners(self) -> list[Stakeholder]:
        """The bodies named one per line, each checked as a new lead is; unsaved."""
        names = [" ".join(line.split()) for line in self.cleaned_data["new_partners"].splitlines()]
        names = [name for name in names if name]
        if len(names) > MAX_NEW_PARTNERS:
            raise forms.ValidationError(
                _("Name at most %(count)d new partner bodies at a time."),
                params={"count": MAX_NEW_PARTNERS},
            )
        bodies, problems, seen = [], [], set()
        for name in names:
            if name.casefold() in seen:
                problems.append(_("%(name)s: named twice.") % {"name": name})
                continue
            seen.add(name.casefold())
            try:
                bodies.append(self._new_body(name))
            except forms.ValidationError as error:
                problems += [f"{name}: {message}" for message in error.messages]
        if problems:
            raise forms.ValidationError(problems)
        return bodies

    def clean(self):
        cleaned = super().clean()
        lead, partners = cleaned.get("lead"), cleaned.get("partners") or []
        if lead is not None and lead in partners:
            self.add_error("partners", _("The lead body cannot also be a partner."))
        if lead is not None and cleaned.get("new_lead") is not None:
            self.add_error("new_lead", _("Choose a listed lead body or name a new one, not both."))
        new_lead = cleaned.get("new_lead")
        if new_lead is not None and any(
            body.name.casefold() == new_lead.name.casefold()
            for body in cleaned.get("new_partners") or []
        ):
            self.add_error("new_partners", _("The new lead body cannot also be a partner."))
        cleaned["budget_line"] = self._budget_line(cleaned)
        return cleaned

    def clean_new_indicator(self) -> Indicator | None:
        definition = self.cleaned_data["new_indicator"].strip()
        if not definition:
            return None
        indicator = Indicator(plan=self.plan, definition=definition)
        try:
            indicator.clean_fields(exclude=["plan"])
        except ValidationError as error:
            raise forms.ValidationError(error.message_dict["definition"]) from error
        return indicator

    def _budget_line(self, cleaned: dict) -> BudgetLine | None:
        """The budget line the amount and currency describe (unsaved), checked as the
        budget line form checks it."""
        amount, currency = cleaned.get("budget_amount"), cleaned.get("budget_currency", "")
        if amount is None and not currency.strip():
            return None
        if amount is None:
            self.add_error("budget_amount", _("Give the amount of the budget line."))
            return None
        line = BudgetLine(amount=amount, currency=currency)
        try:
            line.clean_fields(exclude=["activity"])
            line.clean()
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                field = f"budget_{name}" if name in ("amount", "currency") else None
                self.add_error(field, messages)
            return None
        return line


class SubActivityForm(ActionElementForm):
    start_month = MonthField()
    end_month = MonthField()

    class Meta:
        model = SubActivity
        fields = ["code", "title", "description", "start_month", "end_month"]
        widgets = {"title": TEXTAREA, "description": TEXTAREA}


class ResponsibilityForm(ActionElementForm):
    class Meta:
        model = Responsibility
        fields = ["stakeholder", "role"]
        labels = {"stakeholder": "Body"}

    def clean_stakeholder(self):
        # The unique constraint would say so too, but in words about tables, above the form.
        body = self.cleaned_data["stakeholder"]
        duty = self.instance
        if duty.activity_id and (
            Responsibility.objects.filter(activity_id=duty.activity_id, stakeholder=body)
            .exclude(pk=duty.pk)
            .exists()
        ):
            raise forms.ValidationError(_("This body already has a role in the activity."))
        return body


class BudgetLineForm(ActionElementForm):
    class Meta:
        model = BudgetLine
        fields = ["description", "amount", "currency", "source", "donor_name", "status"]


class IndicatorForm(ActionElementForm):
    class Meta:
        model = Indicator
        fields = [
            "level",
            "definition",
            "unit",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "means_of_verification",
            "frequency",
            "responsible_body",
        ]
        widgets = {"definition": TEXTAREA, "means_of_verification": TEXTAREA}


class MissingData:
    LEAD = "lead"
    TIMEFRAME = "timeframe"
    BUDGET = "budget"
    INDICATOR = "indicator"
    CHOICES = [
        ("", "—"),
        (LEAD, "No lead body"),
        (TIMEFRAME, "No timeframe"),
        (BUDGET, "No budget"),
        (INDICATOR, "No indicator"),
    ]


class WorkspaceFilterForm(forms.Form):
    """GET parameters of the workspace; the options are drawn from the tree itself."""

    chapter = forms.IntegerField(required=False, min_value=1)
    body = forms.IntegerField(required=False, min_value=1)
    missing = forms.ChoiceField(choices=MissingData.CHOICES, required=False)
    q = forms.CharField(required=False, max_length=200)
    # Not a filter: a chapter drawn in full even if the page would load it on opening.
    open = forms.IntegerField(required=False, min_value=1)

    def filters(self) -> dict:
        """The valid filters; one malformed parameter does not discard the others."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "chapter_id": data.get("chapter"),
            "body_id": data.get("body"),
            "missing": data.get("missing") or "",
            "text": data.get("q") or "",
        }

    def opened_chapter(self) -> int | None:
        self.is_valid()
        return self.cleaned_data.get("open")
