"""The plan elements a consultee may comment on, and what a comment keeps of them."""

from django.db import models
from django.shortcuts import get_object_or_404

from actionplan.elements import KINDS
from consultation.models import ElementKind
from strategy.models import Chapter, Plan

COMMENTED = [kind.value for kind in ElementKind if kind != ElementKind.PLAN]

# How to reach an element's chapter from the element, kind by kind.
CHAPTER_PATH = {
    "chapter": (),
    "goal": ("chapter",),
    "objective": ("goal", "chapter"),
    "output": ("objective", "goal", "chapter"),
    "activity": ("objective", "goal", "chapter"),
    "subactivity": ("activity", "objective", "goal", "chapter"),
}


class CommentedKindConverter:
    """URL converter matching the kinds that take comments."""

    regex = "|".join(COMMENTED)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value) -> str:
        return str(value)


def element_of_plan(plan: Plan, kind: str, pk: int) -> models.Model:
    """The element of `plan`, or 404 (an element of another plan is not disclosed)."""
    path = CHAPTER_PATH[kind]
    queryset = KINDS[kind].of_plan(plan)
    if path:
        queryset = queryset.select_related("__".join(path))
    return get_object_or_404(queryset, pk=pk)


def element_chapter(kind: str, element) -> Chapter | None:
    node = element
    for name in CHAPTER_PATH[kind]:
        node = getattr(node, name, None)
        if node is None:
            return None
    return node


def element_label(element) -> str:
    code = getattr(element, "code", "")
    text = f"{code} {element.title}".strip() if code else str(element.title)
    return " ".join(text.split())[:300]
