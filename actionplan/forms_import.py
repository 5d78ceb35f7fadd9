from pathlib import Path

from django import forms

from actionplan.exchange.xlsx_layout import MAX_FILE_BYTES

# Extension -> kind of plan file the import page accepts.
IMPORT_KINDS = {".xlsx": "xlsx", ".json": "json"}


class PlanImportForm(forms.Form):
    file = forms.FileField(
        label="Plan file",
        help_text="An Excel activity matrix (.xlsx) made from the template or exported "
        "from NAP Planner, or a NAP Planner plan document (.json); at most "
        f"{MAX_FILE_BYTES // (1024 * 1024)} MB.",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = Path(upload.name).suffix.lower()
        if extension not in IMPORT_KINDS:
            allowed = ", ".join(IMPORT_KINDS)
            raise forms.ValidationError(
                f"“{upload.name}” is not a file we can import; choose a {allowed} file."
            )
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                f"The file is larger than {MAX_FILE_BYTES // (1024 * 1024)} MB."
            )
        return upload

    @property
    def kind(self) -> str:
        return IMPORT_KINDS[Path(self.cleaned_data["file"].name).suffix.lower()]


class PlanImportConfirmForm(forms.Form):
    token = forms.CharField(max_length=64)
