"""Forms of the review workspace: they only clean input; services do the work."""

from django import forms
from django.utils.translation import gettext_lazy as _

from assessment.models import CoverageLevel, ElementType, FollowUpStatus, Note, Priority
from napplanner.concurrency import VersionedForm
from standards.models import Component, Framework
from strategy.models import Stakeholder
from strategy.validators import PLAIN_TEXT


class ReviewStartForm(forms.Form):
    framework = forms.ModelChoiceField(
        queryset=Framework.objects.filter(is_current=True).order_by("code"),
        help_text=_("The standard to review the plan against (its current version)."),
    )


class DismissForm(forms.Form):
    reason = forms.CharField(
        max_length=2000,
        strip=True,
        validators=PLAIN_TEXT,
        help_text=_("Why the finding does not apply to this plan."),
    )


class OverrideForm(VersionedForm, forms.Form):
    level = forms.ChoiceField(
        choices=[("", "Computed level (no override)")] + list(CoverageLevel.choices),
        required=False,
        label=_("Level"),
    )
    justification = forms.CharField(
        max_length=4000,
        required=False,
        validators=PLAIN_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
        label=_("Justification"),
    )

    def clean(self):
        data = super().clean()
        if data.get("level") and not data.get("justification"):
            self.add_error("justification", _("Justify the level you set."))
        return data

    def object_values(self, rating) -> dict:
        return {"level": rating.override_level, "justification": rating.override_justification}


class RejectForm(forms.Form):
    """The suggested element to reject, as two fields or as one `element` ("type:id"): the
    workspace's reject buttons share one form per rating, each button naming its element."""

    element_type = forms.ChoiceField(choices=ElementType.choices)
    element_id = forms.IntegerField(min_value=1)

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and data.get("element") and not data.get("element_type"):
            element_type, _, element_id = data["element"].partition(":")
            data = {"element_type": element_type, "element_id": element_id}
        super().__init__(data, *args, **kwargs)


class NoteForm(forms.Form):
    kind = forms.ChoiceField(choices=Note.Kind.choices)
    scope = forms.ChoiceField(choices=Note.Scope.choices)
    component = forms.ModelChoiceField(queryset=Component.objects.none(), required=False)
    title = forms.CharField(max_length=300, required=False, validators=PLAIN_TEXT)
    text = forms.CharField(
        max_length=10000, validators=PLAIN_TEXT, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, framework=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["component"].queryset = Component.objects.filter(framework=framework)

    def clean(self):
        data = super().clean()
        if data.get("scope") == Note.Scope.COMPONENT and not data.get("component"):
            self.add_error("component", _("Choose the component this note is about."))
        return data


class NoteTextForm(VersionedForm, forms.Form):
    text = forms.CharField(
        max_length=10000,
        validators=PLAIN_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Text of the note"),
    )

    def object_values(self, note) -> dict:
        return {"text": note.text}


class SuggestedNoteAcceptForm(forms.Form):
    """The suggestion's text, as the reviewer edited it (empty keeps the suggested text)."""

    text = forms.CharField(
        max_length=10000,
        required=False,
        validators=PLAIN_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RecommendationForm(VersionedForm, forms.Form):
    """A recommendation's priority and addressee (a body of the reviewed plan, or none for
    the national coordinator). Versioned as every edit form: two reviewers setting them
    at once meet the conflict view rather than overwrite each other."""

    priority = forms.ChoiceField(choices=Priority.choices, label=_("Priority"))
    addressee = forms.ModelChoiceField(
        queryset=Stakeholder.objects.none(),
        required=False,
        label=_("Addressee"),
        empty_label=_("The national coordinator"),
    )

    def __init__(self, *args, plan=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["addressee"].queryset = Stakeholder.objects.filter(plan=plan)

    def object_values(self, note) -> dict:
        return {"priority": note.priority, "addressee": note.addressee_id}


class RecommendationChoiceForm(forms.Form):
    recommendation = forms.IntegerField(min_value=1, label=_("Recommendation"))


class RecommendationLinkForm(RecommendationChoiceForm):
    """A recommendation and the element (`kind:id`) that answers it."""

    element = forms.RegexField(
        regex=r"^(chapter|goal|objective|output|activity):[0-9]+$",
        label=_("Element of this plan"),
        error_messages={"invalid": _("Choose an element of this plan.")},
    )

    @property
    def element_type(self) -> str:
        return self.cleaned_data["element"].partition(":")[0]

    @property
    def element_id(self) -> int:
        return int(self.cleaned_data["element"].partition(":")[2])


class FollowUpConfirmForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", _("Not confirmed"))] + list(FollowUpStatus.choices),
        required=False,
        label=_("Confirmed status"),
    )
