from pathlib import Path

from django import forms

from actionplan.exchange.json_document import MAX_DOCUMENT_BYTES
from actionplan.exchange.xlsx_layout import MAX_FILE_BYTES

# Extension -> kind of plan file the import page accepts.
IMPORT_KINDS = {".xlsx": "xlsx", ".json": "json"}
# Kind -> the largest file of that kind the import reads.
IMPORT_LIMITS = {"xlsx": MAX_FILE_BYTES, "json": MAX_DOCUMENT_BYTES}
MB = 1024 * 1024


class PlanImportForm(forms.Form):
    file = forms.FileField(
        label="Plan file",
        help_text="An Excel activity matrix (.xlsx) made from the template or exported "
        "from NAP Planner, or a NAP Planner plan document (.json); at most "
        f"{MAX_FILE_BYTES // MB} MB (a plan document: {MAX_DOCUMENT_BYTES // MB} MB).",
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = Path(upload.name).suffix.lower()
        if extension not in IMPORT_KINDS:
            allowed = ", ".join(IMPORT_KINDS)
            raise forms.ValidationError(
                f"“{upload.name}” is not a file we can import; choose a {allowed} file."
            )
        limit = IMPORT_LIMITS[IMPORT_KINDS[extension]]
        if upload.size > limit:
            raise forms.ValidationError(f"The file is larger than {limit // MB} MB.")
        return upload

    @property
    def kind(self) -> str:
        return IMPORT_KINDS[Path(self.cleaned_data["file"].name).suffix.lower()]


class PlanImportConfirmForm(forms.Form):
    token = forms.CharField(max_length=64)
