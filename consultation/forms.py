from django import forms
from django.utils.translation import gettext_lazy as _

from consultation.models import TEXT_LIMIT, Resolution
from strategy.validators import PLAIN_TEXT


class CommentForm(forms.Form):
    text = forms.CharField(
        label=_("Your comment"),
        max_length=TEXT_LIMIT,
        validators=PLAIN_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ReplyForm(forms.Form):
    text = forms.CharField(
        label=_("Reply"),
        max_length=TEXT_LIMIT,
        validators=PLAIN_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ResolveForm(forms.Form):
    resolution = forms.ChoiceField(
        label=_("Decision"),
        choices=[(Resolution.ACCEPTED, _("Accept")), (Resolution.DECLINED, _("Decline"))],
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("What was changed, or why not: the organisation reads it."),
        max_length=TEXT_LIMIT,
        validators=PLAIN_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
