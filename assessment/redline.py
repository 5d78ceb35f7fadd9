"""A redline of a plan between two plan documents (JSON v1): the elements added, removed,
moved and changed, with a word-level diff of their text.

Elements are matched by identity, never by database id (documents hold none), in three
passes, each among the elements the passes before left unmatched:

1. same type, code and title (all normalised, see `assessment.rounds.element_identity`);
2. same type and title, where that title is unique on both sides (the code was renumbered);
3. same type and code, where that code is unique on both sides (the title was reworded).

Each pass works level by level from the top and first pairs the elements whose parents
matched, so the many sub-activities and indicators worded alike stay with their own
activity. A matched element whose parent matched another element than its new parent has *moved*;
one whose fields differ has *changed*. Work is linear in the size of the plans, and the
word diff runs only on the fields that differ.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass, field

from assessment.rounds import element_identity, normalise

TEXT_FIELDS = (
    "code",
    "title",
    "name",
    "abbreviation",
    "description",
    "rationale",
    "body",
    "definition",
)
FACT_FIELDS = (
    "start", "end", "timeframe_as_written", "resources_as_written", "tags",
    "responsibilities", "budget_lines", "role", "kind", "level", "unit", "baseline_value",
    "baseline_year", "target_value", "target_year", "means_of_verification",
)  # fmt: skip


@dataclass
class DocumentElement:
    type: str
    code: str
    title: str
    identity: str
    parent: int | None  # index of the parent element in the same list
    fields: dict
    label: str = ""
    path: str = ""


@dataclass
class RedlineEntry:
    change: str  # added | removed | moved | changed
    type: str
    label: str
    path_before: str = ""
    path_after: str = ""
    fields: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "change": self.change,
            "type": self.type,
            "label": self.label,
            "path_before": self.path_before,
            "path_after": self.path_after,
            "fields": self.fields,
        }


def _add(elements, type_, item, parent, code_field="code", title_field="title"):
    code, title = item.get(code_field) or "", item.get(title_field) or ""
    label = " ".join(f"{code} {title}".split())
    parent_path = elements[parent].path if parent is not None else ""
    names = (*TEXT_FIELDS, *FACT_FIELDS)
    fields = {name: item[name] for name in names if item.get(name) not in (None, "")}
    elements.append(
        DocumentElement(
            type=type_,
            code=code,
            title=title,
            identity=element_identity(type_, code, title),
            parent=parent,
            fields=fields,
            label=label[:140],
            path=f"{parent_path} › {label[:60]}" if parent_path else label[:60],
        )
    )
    return len(elements) - 1


def _add_indicators(elements, owner, parent) -> None:
    for indicator in owner.get("indicators", ()):
        _add(elements, "indicator", indicator, parent, "level", "definition")


def document_elements(document: dict) -> list[DocumentElement]:
    """The document's elements in reading order, each knowing its parent."""
    elements: list[DocumentElement] = []
    for section in document.get("sections", ()):
        _add(elements, "section", section, None, "kind")
    for stakeholder in document.get("stakeholders", ()):
        _add(elements, "stakeholder", stakeholder, None, "abbreviation", "name")
    chapters = [(c, c.get("goals", ())) for c in document.get("chapters", ())]
    for chapter, goals in [*chapters, (None, document.get("goals", ()))]:
        chapter_index = _add(elements, "chapter", chapter, None) if chapter else None
        for goal in goals:
            goal_index = _add(elements, "goal", goal, chapter_index)
            _add_indicators(elements, goal, goal_index)
            for objective in goal.get("objectives", ()):
                objective_index = _add(elements, "objective", objective, goal_index)
                _add_indicators(elements, objective, objective_index)
                for output in objective.get("outputs", ()):
                    output_index = _add(elements, "output", output, objective_index)
                    _add_indicators(elements, output, output_index)
                for activity in objective.get("activities", ()):
                    activity_index = _add(elements, "activity", activity, objective_index)
                    _add_indicators(elements, activity, activity_index)
                    for sub in activity.get("sub_activities", ()):
                        _add(elements, "subactivity", sub, activity_index)
    return elements


def _unique(elements, indexes, key) -> dict:
    groups = defaultdict(list)
    for i in indexes:
        value = key(elements[i])
        if value is not None:
            groups[value].append(i)
    return {value: found[0] for value, found in groups.items() if len(found) == 1}


def _identity_key(element: DocumentElement) -> str:
    return element.identity


def _title_key(element: DocumentElement):
    return (element.type, normalise(element.title)) if normalise(element.title) else None


def _code_key(element: DocumentElement):
    return (element.type, normalise(element.code)) if normalise(element.code) else None


def _pair_in_order(before, after, left, right, key, matched, key_after=None) -> None:
    """Pair equal keys in reading order, duplicates included."""
    queue = defaultdict(list)
    for j in sorted(right):
        queue[(key_after or key)(after[j])].append(j)
    for i in sorted(left):
        waiting = queue.get(key(before[i]))
        if waiting:
            matched[i] = waiting.pop(0)


def _pair_unique(before, after, left, right, key, matched) -> None:
    theirs = _unique(after, right, key)
    for value, i in _unique(before, left, key).items():
        if value in theirs:
            matched[i] = theirs[value]


def _depths(elements: list[DocumentElement]) -> list[int]:
    depths: list[int] = []
    for element in elements:  # a parent comes before its children
        depths.append(0 if element.parent is None else depths[element.parent] + 1)
    return depths


def elements_match(before: list[DocumentElement], after: list[DocumentElement]) -> dict[int, int]:
    """index in `before` -> index in `after` (see the module's docstring)."""
    matched: dict[int, int] = {}
    old_depths, new_depths = _depths(before), _depths(after)
    for depth in range(max([*old_depths, *new_depths], default=-1) + 1):
        left = {i for i, d in enumerate(old_depths) if d == depth}
        right = {j for j, d in enumerate(new_depths) if d == depth}
        if depth:
            _pair_in_order(
                before,
                after,
                left,
                right,
                lambda e: (e.identity, matched.get(e.parent, -1)),
                matched,
                key_after=lambda e: (e.identity, e.parent),
            )
            left -= matched.keys()
            right -= set(matched.values())
        for pair, key in (
            (_pair_in_order, _identity_key),
            (_pair_unique, _title_key),
            (_pair_unique, _code_key),
        ):
            pair(before, after, left, right, key, matched)
            left -= matched.keys()
            right -= set(matched.values())
    # An element that changed level (a goal taken out of its chapter) by identity alone.
    left = set(range(len(before))) - matched.keys()
    right = set(range(len(after))) - set(matched.values())
    _pair_in_order(before, after, left, right, _identity_key, matched)
    return matched


def word_diff(before: str, after: str) -> list[list[str]]:
    """[[op, text]] with op "=", "-" or "+": the words kept, removed and inserted."""
    old, new = str(before).split(), str(after).split()
    segments = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(["=", " ".join(old[a1:a2])])
            continue
        if a2 > a1:
            segments.append(["-", " ".join(old[a1:a2])])
        if b2 > b1:
            segments.append(["+", " ".join(new[b1:b2])])
    return segments


def _text(value) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items() if v not in (None, "", []))
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return "" if value is None else str(value)


def _field_changes(old: DocumentElement, new: DocumentElement) -> list[dict]:
    changes = []
    for name in dict.fromkeys([*old.fields, *new.fields]):
        a, b = old.fields.get(name), new.fields.get(name)
        if a == b:
            continue
        a, b = _text(a), _text(b)
        changes.append({"field": name, "before": a, "after": b, "diff": word_diff(a, b)})
    return changes


def plan_redline(before: dict, after: dict) -> tuple[list[RedlineEntry], dict[str, str]]:
    """The changes from the `before` document to the `after` one, in the after document's
    reading order (removed elements last, in the before document's order); and how the
    identities of `before` map to those of `after`, so a finding about an element follows
    it across a renumbering or a rewording."""
    old, new = document_elements(before), document_elements(after)
    matched = elements_match(old, new)
    reverse = {j: i for i, j in matched.items()}
    entries = []
    for j, element in enumerate(new):
        i = reverse.get(j)
        if i is None:
            entries.append(RedlineEntry("added", element.type, element.label, "", element.path))
            continue
        was = old[i]
        parent_was = matched.get(was.parent) if was.parent is not None else None
        changes = _field_changes(was, element)
        change = "moved" if parent_was != element.parent else "changed" if changes else ""
        if change:
            entries.append(
                RedlineEntry(change, element.type, element.label, was.path, element.path, changes)
            )
    for i, element in enumerate(old):
        if i not in matched:
            entries.append(RedlineEntry("removed", element.type, element.label, element.path, ""))
    return entries, {old[i].identity: new[j].identity for i, j in matched.items()}
