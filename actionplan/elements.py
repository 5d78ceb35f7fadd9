"""The kinds of plan element the workspace edits in place, and how each hangs in the tree.

The workspace composes both tiers: chapters, goals and objectives are the strategy tier's
(their forms in strategy.forms, their services in strategy.services), outputs, activities
and below the action tier's. Every kind is edited by the same few views (add, edit,
delete, move); this registry tells them the model, the form, the service that saves it,
the parent it hangs from, and the partial that draws it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import models
from django.forms import ModelForm
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from actionplan import forms
from actionplan.models import Activity, BudgetLine, Indicator, Output, Responsibility, SubActivity
from actionplan.services import activity_save
from actionplan.workspace_selectors import ChapterNode, GoalNode, ObjectiveNode
from strategy import forms as strategy_forms
from strategy.models import Chapter, Plan, SpecificObjective, StrategicGoal
from strategy.services import Tags, element_save


def _element_save(form: ModelForm, *, siblings: models.QuerySet | None, tags: Tags) -> None:
    element_save(element=form.instance, siblings=siblings, tags=tags)


def _activity_save(form: ModelForm, *, siblings: models.QuerySet | None, tags: Tags) -> None:
    activity_save(
        activity=form.instance,
        lead=form.cleaned_data.get("lead"),
        partners=list(form.cleaned_data.get("partners") or []),
        new_lead=form.cleaned_data.get("new_lead"),
        new_partners=form.cleaned_data.get("new_partners") or [],
        budget_line=form.cleaned_data.get("budget_line"),
        indicator=form.cleaned_data.get("new_indicator"),
        siblings=siblings,
        tags=tags,
    )


@dataclass(frozen=True)
class ElementKind:
    slug: str
    model: type[models.Model]
    form: type[strategy_forms.PlanElementForm]
    label: str
    plural: str  # names the container of such elements under their parent
    parents: tuple[str, ...] = ()  # foreign keys to the parent; the first one set is it
    parent_in_form: bool = False  # the parent is a field of the form (it may be changed)
    orderable: bool = True
    context_name: str = "element"
    block_name: str = ""  # the partial drawing the element with its children
    # Saves the form's element through its tier's services; raises ValidationError.
    save: Callable[..., None] = _element_save

    @property
    def has_plan_field(self) -> bool:
        return self.slug not in {"subactivity", "responsibility", "budgetline"}

    @property
    def numbered(self) -> bool:
        """Whether its codes are generated (strategy.services.element_numbered_code)."""
        return hasattr(self.model, "code_parent")

    @property
    def numbers_children(self) -> bool:
        """Whether the generated codes of elements below follow its code."""
        return any(
            getattr(relation.related_model, "code_parent", None) == relation.field.name
            for relation in self.model._meta.related_objects
        )

    @property
    def plan_lookup(self) -> str:
        return "plan" if self.has_plan_field else "activity__plan"

    def of_plan(self, plan: Plan) -> models.QuerySet:
        return self.model.objects.filter(**{self.plan_lookup: plan})

    def parent_of(self, element) -> tuple[str, models.Model] | None:
        for name in self.parents:
            if getattr(element, f"{name}_id") is not None:
                return name, getattr(element, name)
        return None

    def siblings(self, element) -> models.QuerySet:
        """The elements ordered together with this one (same parent, same plan)."""
        lookups = {f"{name}_id": getattr(element, f"{name}_id") for name in self.parents}
        if self.has_plan_field:
            lookups["plan_id"] = element.plan_id
        return self.model.objects.filter(**lookups).order_by("order", "pk")

    def container_id(self, element) -> str:
        parent = self.parent_of(element)
        if parent is None:
            return f"plan-{self.plural}"
        name, obj = parent  # each parent field is named after the parent's kind
        return f"{name}-{obj.pk}-{self.plural}"

    def block_context(self, element) -> dict:
        """What the element's block partial needs to draw a freshly added element."""
        nodes = {"chapter": ChapterNode, "goal": GoalNode, "objective": ObjectiveNode}
        if self.slug in nodes:
            return {f"{self.slug}_node": nodes[self.slug](element)}
        return {self.context_name: element}

    @property
    def block_template(self) -> str:
        return f"actionplan/_{self.block_name or self.slug}.html"

    @property
    def head_template(self) -> str:
        return f"actionplan/_{self.slug}_head.html"


KINDS = {
    kind.slug: kind
    for kind in (
        ElementKind("chapter", Chapter, strategy_forms.ChapterForm, _("chapter"), "chapters",
                    context_name="chapter"),
        ElementKind("goal", StrategicGoal, strategy_forms.StrategicGoalForm, _("strategic goal"),
                    "goals", parents=("chapter",), parent_in_form=True, context_name="goal"),
        ElementKind("objective", SpecificObjective, strategy_forms.SpecificObjectiveForm,
                    _("specific objective"), "objectives", parents=("goal",),
                    parent_in_form=True, context_name="objective"),
        ElementKind("output", Output, forms.OutputForm, _("output"), "outputs",
                    parents=("objective",), parent_in_form=True, context_name="output"),
        ElementKind("activity", Activity, forms.ActivityForm, _("activity"), "activities",
                    parents=("objective",), parent_in_form=True, context_name="activity",
                    block_name="activity_row", save=_activity_save),
        ElementKind("subactivity", SubActivity, forms.SubActivityForm, _("sub-activity"),
                    "subactivities", parents=("activity",), context_name="sub"),
        ElementKind("responsibility", Responsibility, forms.ResponsibilityForm,
                    _("responsible body"), "responsibilities", parents=("activity",),
                    orderable=False, context_name="duty"),
        ElementKind("budgetline", BudgetLine, forms.BudgetLineForm, _("budget line"),
                    "budgetlines", parents=("activity",), context_name="line"),
        ElementKind("indicator", Indicator, forms.IndicatorForm, _("indicator"), "indicators",
                    parents=("goal", "objective", "output", "activity"),
                    context_name="indicator"),
    )
}  # fmt: skip


class KindConverter:
    """URL converter that only matches the registered kinds, so the workspace's routes
    never shadow another page under /plans/<id>/."""

    regex = "|".join(KINDS)

    def to_python(self, value: str) -> ElementKind:
        return KINDS[value]

    def to_url(self, value) -> str:
        return value.slug if isinstance(value, ElementKind) else str(value)


def element_url_prefix(plan_id: int, slug: str) -> str:
    """The URL of an element of kind `slug` without its id; its own URL and its edit/,
    delete/, move/ and panel/ URLs follow from it."""
    return reverse("actionplan:element", args=[plan_id, slug, 0])[: -len("0/")]


def element_url_prefixes(plan_id: int) -> dict[str, str]:
    """Per kind, the URL of its elements without the id: reversed once per page, not once
    per element. Views drawing many elements put it in the context as `ws_prefixes`."""
    return {slug: element_url_prefix(plan_id, slug) for slug in KINDS}
