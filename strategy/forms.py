"""Forms of the strategy tier. They clean input only; services and models do the rest."""

from __future__ import annotations

from django import forms
from django.contrib.auth import get_user_model
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from napplanner.concurrency import VersionedForm
from napplanner.roles import COORDINATOR, REVIEWER, has_role
from standards.models import Component, Framework
from strategy.models import (
    ChangeDigest,
    Chapter,
    Plan,
    PlanMembership,
    Section,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
)
from strategy.validators import PLAIN_TEXT, PLAN_SOURCE_FIELDS, SOURCE_FIELD_LABELS

YEAR_MIN, YEAR_MAX = 1990, 2100
TEXTAREA = forms.Textarea(attrs={"rows": 2})
# The framework's components, areas and principles an element serves.
TAGS = ["components", "areas", "principles"]


def year_field(label: str, help_text: str = "") -> forms.IntegerField:
    year_range = format_lazy(
        _("Give a year from {first} to {last}."), first=YEAR_MIN, last=YEAR_MAX
    )
    return forms.IntegerField(
        label=label,
        min_value=YEAR_MIN,
        max_value=YEAR_MAX,
        help_text=help_text,
        error_messages={
            "min_value": year_range,
            "max_value": year_range,
            "invalid": _("Give the year as four digits, e.g. 2024."),
        },
    )


class PlanForm(VersionedForm, forms.ModelForm):
    period_start = year_field(_("First year"), _("First year of the plan period."))
    period_end = year_field(_("Last year"), _("Last year of the plan period."))
    not_in_source = forms.MultipleChoiceField(
        choices=[(name, SOURCE_FIELD_LABELS[name]) for name in PLAN_SOURCE_FIELDS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Not in the source"),
        help_text=_(
            "When the plan is typed in from a partial source (a summary, a table cut off): "
            "what that source does not include. A review does not report it as missing."
        ),
    )

    class Meta:
        model = Plan
        fields = [
            "country",
            "title",
            "description",
            "period_start",
            "period_end",
            "status",
            "coordinating_body",
            "adoption_reference",
            "legal_basis",
            "framework",
            "previous_plan",
            "not_in_source",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "legal_basis": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # A stored plan changes status only by a move of its lifecycle (with its
            # reason, in the history): strategy.services.plan_status_change.
            del self.fields["status"]
        frameworks = Framework.objects.latest_versions()
        if self.instance.framework_id:  # keep an older version a plan already follows
            frameworks = frameworks | Framework.objects.filter(pk=self.instance.framework_id)
        self.fields["framework"].queryset = frameworks.order_by("title")
        previous = Plan.objects.visible_to(user, consultees=False).order_by(
            "country", "-period_start", "title"
        )
        if self.instance.pk:
            previous = previous.exclude(pk=self.instance.pk)
        self.fields["previous_plan"].queryset = previous
        self.fields["previous_plan"].error_messages["invalid_choice"] = _(
            "Choose one of the plans you can see."
        )
        self.fields["framework"].error_messages["invalid_choice"] = _(
            "Choose one of the frameworks in the list."
        )


class PlanStart:
    BLANK = "blank"
    TEMPLATE = "template"
    COPY = "copy"
    CHOICES = [
        (BLANK, "A blank plan"),
        (
            TEMPLATE,
            "The framework's model structure: one chapter per component, a preamble "
            "and background-analysis sections",
        ),
        (COPY, "A copy of an earlier plan, its timeframes moved into the new period"),
    ]


class PlanCreateForm(PlanForm):
    start = forms.ChoiceField(
        label=_("Start from"),
        choices=PlanStart.CHOICES,
        initial=PlanStart.BLANK,
        widget=forms.RadioSelect,
    )
    source_plan = forms.ModelChoiceField(
        label=_("Plan to copy"),
        queryset=Plan.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Choose one of the plans you can see.")},
        help_text=_(
            "Its sections, stakeholders, goals, objectives and activities are copied; "
            "it becomes the previous plan."
        ),
    )

    field_order = ["start", "source_plan"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.fields["source_plan"].queryset = self.fields["previous_plan"].queryset
        self.default_framework = Framework.objects.default()
        if self.default_framework:
            self.fields["framework"].initial = self.default_framework.pk

    def clean(self):
        cleaned = super().clean()
        start = cleaned.get("start")
        if start == PlanStart.TEMPLATE and not cleaned.get("framework"):
            # The model structure is the framework's: left empty, the current one is meant
            # (an error here would sit far below the choice that caused it).
            if self.default_framework and "framework" not in self.errors:
                cleaned["framework"] = self.instance.framework = self.default_framework
            else:
                self.add_error(
                    "framework", _("Choose the framework whose structure the plan follows.")
                )
        copying = start == PlanStart.COPY and "source_plan" not in self.errors
        if copying and not cleaned.get("source_plan"):
            self.add_error("source_plan", _("Choose the plan to copy."))
        return cleaned


class SectionForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Section
        fields = ["kind", "component", "title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = (
            Component.objects.filter(framework_id=plan.framework_id).order_by("order", "code")
            if plan.framework_id
            else Component.objects.none()
        )
        self.fields["component"].error_messages["invalid_choice"] = _(
            "Choose a component of the plan's framework."
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("component") and cleaned.get("kind") != Section.Kind.BACKGROUND:
            self.add_error("component", _("Only a background analysis names a component."))
        return cleaned


class StakeholderForm(VersionedForm, forms.ModelForm):
    class Meta:
        model = Stakeholder
        fields = ["name", "abbreviation", "kind", "role"]
        widgets = {"role": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_name(self):
        name = " ".join(self.cleaned_data["name"].split())
        others = self.plan.stakeholders.filter(name__iexact=name).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("The plan already has a stakeholder of this name."))
        return name


class MembershipForm(forms.Form):
    username = forms.CharField(max_length=150)
    role = forms.ChoiceField(
        choices=PlanMembership.Role.choices, initial=PlanMembership.Role.READER
    )
    organisation = forms.CharField(
        label=_("Organisation (consultees)"),
        max_length=200,
        required=False,
        validators=PLAIN_TEXT,
        help_text=_("Who a consultee speaks for, e.g. a civil society organisation."),
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean(self):
        cleaned = super().clean()
        username = cleaned.get("username", "").strip()
        if not username:
            return cleaned
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is not None and self.plan.memberships.filter(user=user).exists():
            # The member list is on the same page, so this tells nothing new.
            self.add_error("username", _("This user is already a member of the plan."))
        elif user is None or not self._may_take(user, cleaned.get("role")):
            # One answer for "no such account" and "this account may not take the role", so
            # the form cannot be used to find out which user names exist.
            self.add_error(
                "username",
                _(
                    "This user name cannot be given that role: it must belong to an active "
                    "account, and only coordinators and reviewers can edit a plan."
                ),
            )
        cleaned["user"] = user
        consultee = cleaned.get("role") == PlanMembership.Role.CONSULTEE
        if consultee and not cleaned.get("organisation", "").strip():
            self.add_error("organisation", _("Name the organisation a consultee comments for."))
        if not consultee:
            cleaned["organisation"] = ""
        return cleaned

    @staticmethod
    def _may_take(user, role) -> bool:
        if role != PlanMembership.Role.EDITOR:
            return True
        return has_role(user, COORDINATOR) or has_role(user, REVIEWER)


# --- the strategy tier in the plan workspace ------------------------------------------


class PlanElementForm(VersionedForm, forms.ModelForm):
    """A form for one element of `plan` in the workspace. Every choice of a related object
    is limited to that plan, so an id from another plan is refused as an invalid choice on
    its field before any model rule runs (the models refuse markup in text, see
    strategy.validators)."""

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan
        for name, queryset in self.plan_choices(plan).items():
            if name in self.fields:
                self.fields[name].queryset = queryset
        self._limit_tags()

    def plan_choices(self, plan: Plan) -> dict:
        """Per field naming another element, the elements of `plan` it may name."""
        return {
            "chapter": plan.chapters.all(),
            "goal": plan.goals.all(),
            "objective": plan.objectives.all(),
            "stakeholder": plan.stakeholders.all(),
            "responsible_body": plan.stakeholders.all(),
            "background_sections": plan.sections.filter(kind="background"),
        }

    def _limit_tags(self):
        framework_id = self.plan.framework_id
        for name in TAGS:
            if name not in self.fields:
                continue
            if framework_id is None:
                del self.fields[name]
                continue
            field = self.fields[name]
            field.queryset = field.queryset.model.objects.filter(framework_id=framework_id)
            field.required = False
            field.widget.attrs["size"] = 4


class ChapterForm(PlanElementForm):
    class Meta:
        model = Chapter
        fields = ["code", "title", "description", *TAGS]
        widgets = {"description": TEXTAREA}


class StrategicGoalForm(PlanElementForm):
    class Meta:
        model = StrategicGoal
        fields = [
            "chapter",
            "code",
            "title",
            "description",
            "rationale",
            "background_sections",
            *TAGS,
        ]
        widgets = {"title": TEXTAREA, "description": TEXTAREA, "rationale": TEXTAREA}
        help_texts = {
            "background_sections": _("The parts of the background analysis this goal answers.")
        }


class SpecificObjectiveForm(PlanElementForm):
    class Meta:
        model = SpecificObjective
        fields = ["goal", "code", "title", "description", *TAGS]
        widgets = {"title": TEXTAREA, "description": TEXTAREA}


class PlanStatusForm(forms.Form):
    to = forms.ChoiceField(choices=Plan._meta.get_field("status").choices)
    reason = forms.CharField(
        label=_("Reason"), required=False, max_length=1000, validators=PLAIN_TEXT, widget=TEXTAREA
    )


class ChangeDigestForm(forms.ModelForm):
    class Meta:
        model = ChangeDigest
        fields = ["by_email"]
