from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionplan.exchange.xlsx_layout import MAX_FILE_BYTES
from monitoring.models import ActivityReport, MonitoringSetup
from monitoring.services import IndicatorEntry
from strategy.models import Stakeholder


class RhythmForm(forms.ModelForm):
    class Meta:
        model = MonitoringSetup
        fields = ["rhythm"]


class FocalPointForm(forms.Form):
    username = forms.CharField(label=gettext_lazy("Username"), max_length=150)
    body = forms.ModelChoiceField(
        label=gettext_lazy("Responsible body"), queryset=Stakeholder.objects.none()
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = Stakeholder.objects.filter(plan=plan).order_by(
            "order", "name"
        )

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active user has this username."))
        return user


class ReportForm(forms.ModelForm):
    """A body's report on one activity: its status and progress, then one pair of fields
    (value, date) per indicator of the activity and one amount per budget line."""

    class Meta:
        model = ActivityReport
        fields = ["status", "reason", "progress"]
        widgets = {
            "reason": forms.Textarea(attrs={"rows": 2}),
            "progress": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, indicators=(), budget_lines=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.indicators = list(indicators)
        self.budget_lines = list(budget_lines)
        report = self.instance if self.instance.pk else None
        values = {v.indicator_id: v for v in report.indicator_values.all()} if report else {}
        spent = {s.budget_line_id: s for s in report.spendings.all()} if report else {}
        for indicator in self.indicators:
            value = values.get(indicator.pk)
            self.fields[f"indicator_{indicator.pk}"] = forms.DecimalField(
                label=_("Value reached: %(indicator)s") % {"indicator": indicator.definition},
                required=False,
                max_digits=16,
                decimal_places=4,
                initial=value.value if value else None,
                localize=True,
            )
            self.fields[f"measured_{indicator.pk}"] = forms.DateField(
                label=_("Date measured"),
                required=False,
                initial=value.measured_on if value else None,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
        for line in self.budget_lines:
            spending = spent.get(line.pk)
            # Two lines of one activity may share a description: the funding tells them apart.
            funding = line.donor_name or line.get_source_display()
            if line.description:
                label = _("Spent on “%(line)s” (%(funding)s, %(currency)s)") % {
                    "line": line.description,
                    "funding": funding,
                    "currency": line.currency,
                }
            else:
                label = _("Spent on the %(funding)s line (%(currency)s)") % {
                    "funding": funding,
                    "currency": line.currency,
                }
            self.fields[f"spent_{line.pk}"] = forms.DecimalField(
                label=label,
                required=False,
                min_value=0,
                max_digits=14,
                decimal_places=2,
                initial=spending.amount if spending else None,
                localize=True,
            )

    def indicator_entries(self):
        return [
            IndicatorEntry(
                indicator,
                self.cleaned_data.get(f"indicator_{indicator.pk}"),
                self.cleaned_data.get(f"measured_{indicator.pk}"),
            )
            for indicator in self.indicators
        ]

    def spendings(self):
        return {line: self.cleaned_data.get(f"spent_{line.pk}") for line in self.budget_lines}

    def indicator_fields(self):
        return [(i, self[f"indicator_{i.pk}"], self[f"measured_{i.pk}"]) for i in self.indicators]

    def spending_fields(self):
        return [(line, self[f"spent_{line.pk}"]) for line in self.budget_lines]


class CollectionUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Filled-in collection workbook (.xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Choose the .xlsx workbook you downloaded here."))
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than %(mb)s MB.") % {"mb": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload


class CollectionConfirmForm(forms.Form):
    token = forms.CharField(max_length=64)
