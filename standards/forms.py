from django import forms
from django.utils.formats import number_format
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from standards.documents import FORMATS, MAX_BYTES


class ChecklistUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Checklist file"),
        help_text=format_lazy(
            gettext_lazy("YAML, JSON or XLSX, at most {size} MB."), size=MAX_BYTES // (1024 * 1024)
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FORMATS)}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                _("The file is %(size)s bytes; the limit is %(limit)s.")
                % {
                    "size": number_format(upload.size, force_grouping=True),
                    "limit": number_format(MAX_BYTES, force_grouping=True),
                }
            )
        return upload
