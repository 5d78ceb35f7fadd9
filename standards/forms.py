from django import forms

from standards.documents import FORMATS, MAX_BYTES


class ChecklistUploadForm(forms.Form):
    file = forms.FileField(
        label="Checklist file",
        help_text=f"YAML, JSON or XLSX, at most {MAX_BYTES // (1024 * 1024)} MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(FORMATS)}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size:,} bytes; the limit is {MAX_BYTES:,}."
            )
        return upload
