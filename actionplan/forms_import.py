from pathlib import Path

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionplan.exchange.json_document import MAX_DOCUMENT_BYTES
from actionplan.exchange.xlsx_layout import MAX_FILE_BYTES

# Extension -> kind of plan file the import page accepts.
IMPORT_KINDS = {".xlsx": "xlsx", ".json": "json"}
# Kind -> the largest file of that kind the import reads.
IMPORT_LIMITS = {"xlsx": MAX_FILE_BYTES, "json": MAX_DOCUMENT_BYTES}
MB = 1024 * 1024


class PlanImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Plan file"),
        help_text=format_lazy(
            gettext_lazy(
                "An Excel activity matrix (.xlsx) made from the template or exported "
                "from NAP Planner, or a NAP Planner plan document (.json); at most "
                "{size} MB (a plan document: {document_size} MB)."
            ),
            size=MAX_FILE_BYTES // MB,
            document_size=MAX_DOCUMENT_BYTES // MB,
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        extension = Path(upload.name).suffix.lower()
        if extension not in IMPORT_KINDS:
            allowed = ", ".join(IMPORT_KINDS)
            raise forms.ValidationError(
                _("“%(name)s” is not a file we can import; choose a %(allowed)s file.")
                % {"name": upload.name, "allowed": allowed}
            )
        limit = IMPORT_LIMITS[IMPORT_KINDS[extension]]
        if upload.size > limit:
            raise forms.ValidationError(
                _("The file is larger than %(size)s MB.") % {"size": limit // MB}
            )
        return upload

    @property
    def kind(self) -> str:
        return IMPORT_KINDS[Path(self.cleaned_data["file"].name).suffix.lower()]


class PlanImportConfirmForm(forms.Form):
    token = forms.CharField(max_length=64)
