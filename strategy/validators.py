"""Plan text is plain text wherever it is shown (pages, PDF, Word, Excel), so markup in it
is a mistake to point out, not content to keep. The rule sits on the model fields, so
every way in — forms, the JSON and Excel imports — refuses it with the field's name."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# An HTML tag or comment: "<" directly followed by a letter, "/" or "!". Plain
# comparisons such as "< 5 %" or "<5 years" stay allowed.
MARKUP = re.compile(r"<\s*[/!]?[a-zA-Z][^>]*>|<!--")

MARKUP_MESSAGE = _("Remove the markup (text in angle brackets such as <b>): plain text only.")


def validate_plain_text(value) -> None:
    if isinstance(value, str) and MARKUP.search(value):
        raise ValidationError(MARKUP_MESSAGE, code="markup")


PLAIN_TEXT = [validate_plain_text]


# What a plan typed in from a partial source (a summary, a table cut off) may lack. Per
# element: its own fields; for the whole plan also "activities" (only some of them are in
# the source) and "sections" (the narrative parts are not).
SOURCE_FIELDS = ("text", "lead", "partners", "timeframe", "budget", "indicators", "outputs")
PLAN_SOURCE_FIELDS = (*SOURCE_FIELDS, "activities", "sections")
SOURCE_FIELD_LABELS = {
    "text": _("wording"),
    "lead": _("lead"),
    "partners": _("partners"),
    "timeframe": _("timeframe"),
    "budget": _("budget"),
    "indicators": _("indicators"),
    "outputs": _("outputs"),
    "activities": _("all the activities (the source holds some of them)"),
    "sections": _("the narrative parts (preamble, background, funding, monitoring)"),
}


def _check_source_fields(value, allowed: tuple[str, ...]) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError(_("A list of field names is expected."), code="invalid")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise ValidationError(
            _("Unknown field names: %(names)s. Known: %(known)s."),
            code="unknown",
            params={"names": ", ".join(unknown), "known": ", ".join(allowed)},
        )


def validate_source_fields(value) -> None:
    _check_source_fields(value, SOURCE_FIELDS)


def validate_plan_source_fields(value) -> None:
    _check_source_fields(value, PLAN_SOURCE_FIELDS)
