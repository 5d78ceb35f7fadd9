from django import template
from django.utils.translation import gettext_lazy as _

from assessment.forms import NoteTextForm, OverrideForm, RecommendationForm
from assessment.models import CoverageLevel
from assessment.workspace import EVIDENCE_SHOWN as RATING_EVIDENCE_SHOWN
from napplanner.concurrency import VERSION_FIELD

register = template.Library()

LEVEL_CLASSES = {
    "not_covered": "text-bg-danger",
    "mentioned": "text-bg-warning",
    "concrete": "text-bg-info",
    "complete": "text-bg-success",
}
SEVERITY_CLASSES = {
    "high": "text-bg-danger",
    "medium": "text-bg-warning",
    "low": "text-bg-secondary",
}
LEVEL_LABELS = dict(CoverageLevel.choices)


@register.simple_tag
def loaded_version(obj, form: str = ""):
    """The hidden field with the version of a rating or note its edit form was drawn at
    (napplanner.concurrency); without an id, as a page draws many such forms. `form`
    "recommendation" names a recommendation's priority and addressee form."""
    if obj._meta.model_name != "note":
        form_class = OverrideForm
    else:
        form_class = RecommendationForm if form == "recommendation" else NoteTextForm
    return form_class(instance=obj, auto_id=False)[VERSION_FIELD]


@register.filter
def level_class(level: str) -> str:
    return LEVEL_CLASSES.get(level, "text-bg-light")


@register.filter
def level_label(level: str) -> str:
    return LEVEL_LABELS.get(level, level)


@register.filter
def severity_class(severity: str) -> str:
    return SEVERITY_CLASSES.get(severity, "text-bg-light")


@register.filter
def get_item(mapping, key):
    return mapping.get(key, "") if mapping else ""


@register.simple_tag
def coverage_levels():
    return CoverageLevel.choices


EVIDENCE_SHOWN = 25


@register.filter
def shown(items, show_all=False):
    """The first items of a long evidence list, unless the page shows everything."""
    return items if show_all else items[:EVIDENCE_SHOWN]


@register.filter
def hidden_count(items, show_all=False) -> int:
    return 0 if show_all else max(len(items) - EVIDENCE_SHOWN, 0)


@register.filter
def evidence_shown(items, show_all=False):
    """The first items of a rating's evidence; the page loads the rest when asked."""
    return items if show_all else items[:RATING_EVIDENCE_SHOWN]


@register.filter
def evidence_hidden(items, show_all=False) -> int:
    return 0 if show_all else max(len(items) - RATING_EVIDENCE_SHOWN, 0)


@register.filter
def has_suggested(items) -> bool:
    """Whether any evidence item is a keyword suggestion a reviewer may reject."""
    return any(item.get("suggested") for item in items)


# What the comparison of two rounds names: element types, changed fields and severities.
ROUND_LABELS = {
    "plan": _("plan"),
    "section": _("section"),
    "stakeholder": _("stakeholder"),
    "chapter": _("chapter"),
    "goal": _("strategic goal"),
    "objective": _("specific objective"),
    "output": _("output"),
    "activity": _("activity"),
    "subactivity": _("sub-activity"),
    "indicator": _("indicator"),
    "code": _("code"),
    "title": _("title"),
    "name": _("name"),
    "abbreviation": _("abbreviation"),
    "description": _("description"),
    "rationale": _("rationale"),
    "body": _("text"),
    "definition": _("definition"),
    "start": _("start"),
    "end": _("end"),
    "timeframe_as_written": _("timeframe as written"),
    "resources_as_written": _("resources as written"),
    "tags": _("tags"),
    "responsibilities": _("responsible bodies"),
    "budget_lines": _("budget"),
    "role": _("role"),
    "kind": _("kind"),
    "level": _("level"),
    "unit": _("unit"),
    "baseline_value": _("baseline"),
    "baseline_year": _("baseline year"),
    "target_value": _("target"),
    "target_year": _("target year"),
    "means_of_verification": _("means of verification"),
    "high": _("high"),
    "medium": _("medium"),
    "low": _("low"),
}


@register.filter
def round_label(name: str) -> str:
    """The translated name of an element type, a field or a severity in a comparison."""
    return ROUND_LABELS.get(name, name)
