"""Reading YAML and JSON checklist files into flat records that remember where in
the file each value came from, so that every problem can name its line or row.

Nothing here knows the rules of a catalogue; `validation.py` checks the records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

import yaml
from django.utils.translation import gettext as _

from napplanner.problems import Problem
from napplanner.untrusted import UntrustedInputError, guard_recursion, parse_json
from standards.catalogue import FRAMEWORK_FIELDS

MAX_BYTES = 2 * 1024 * 1024
MAX_RECORDS = 5000
# A small XLSX can inflate to gigabytes (a "zip bomb"); the shipped catalogue is ~100 kB.
MAX_UNZIPPED_BYTES = 50 * 1024 * 1024

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json", ".xlsx": "xlsx"}

FIELDS = {
    "framework": FRAMEWORK_FIELDS,
    "component": ("code", "title", "guidance", "source_page"),
    "area": ("code", "title", "guidance", "source_page", "keywords"),
    "principle": ("code", "title", "guidance", "source_page", "keywords"),
    "group": ("code", "title", "guidance", "source_page"),
    "criterion": ("code", "question", "guidance", "tier", "weight", "keywords", "source_page"),
}
# Nested lists a YAML/JSON entry may hold, and the kind of their entries.
CHILDREN = {
    "component": {"areas": "area"},
    "area": {"criteria": "criterion"},
    "principle": {"criteria": "criterion"},
    "group": {"criteria": "criterion"},
}
TOP_LEVEL_LISTS = {"components": "component", "principles": "principle", "groups": "group"}


class CatalogueInvalid(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(str(p) for p in problems[:5]))


@dataclass
class Record:
    """One entry of a catalogue file: a framework, component, area, principle, group or
    criterion, with its raw values and where each came from."""

    kind: str
    fields: dict
    where: str
    field_where: dict[str, str] = field(default_factory=dict)
    # Parent references implied by nesting (not typed by the author).
    implied: frozenset[str] = frozenset()

    def where_of(self, name: str) -> str:
        return self.field_where.get(name, self.where)


def document_format(filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if suffix not in FORMATS:
        raise CatalogueInvalid(
            [Problem(filename, "", _("the file must end in .yaml, .yml, .json or .xlsx"))]
        )
    return FORMATS[suffix]


# --- YAML and JSON ---------------------------------------------------------------------


class _Located(dict):
    """A mapping that remembers the line of itself and of each of its keys."""

    line: int = 0
    key_lines: dict


# libyaml's loader when PyYAML was built with it: the same marks, several times faster.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):
    def construct_mapping(self, node, deep=False):
        seen: dict = {}
        for key_node, _value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str | int | float | bool | None):
                raise yaml.constructor.ConstructorError(
                    None, None, _("a key must be a plain word"), key_node.start_mark
                )
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}'", key_node.start_mark
                )
            seen[key] = key_node.start_mark.line + 1
        mapping = _Located(super().construct_mapping(node, deep=True))
        mapping.line = node.start_mark.line + 1
        mapping.key_lines = seen
        return mapping


_LineLoader.add_constructor(
    yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _LineLoader.construct_mapping
)


def parse_tree(content: bytes, kind: str):
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogueInvalid(
            [Problem(_("byte %(byte)s") % {"byte": exc.start}, "", _("the file is not UTF-8 text"))]
        ) from exc
    tree = duplicate = None
    if kind == "json":
        try:
            tree = _parse_json(text)
        except DuplicateKey as exc:  # YAML below can tell its line
            duplicate = exc
    try:
        _refuse_aliases(text)
        located = guard_recursion(
            lambda: yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
        )
    except UntrustedInputError as exc:
        raise CatalogueInvalid([Problem(_("file"), "", str(exc))]) from exc
    except (yaml.YAMLError, CatalogueInvalid) as exc:
        if tree is None and duplicate is not None and "duplicate key" not in str(exc):
            problem = _broken("JSON", duplicate)
            raise CatalogueInvalid([Problem(_("file"), "", problem)]) from exc
        if tree is None:
            raise _yaml_problem(exc, kind.upper()) from exc
        # Valid JSON that YAML cannot read (tabs, say): report paths without lines.
        located = tree
    if located is None:
        raise CatalogueInvalid([Problem(_("file"), "", _("the file is empty"))])
    if not isinstance(located, dict):
        raise CatalogueInvalid(
            [
                Problem(
                    _line_label(1),
                    "",
                    _(
                        "the file must be a mapping with the keys framework, components, "
                        "principles and groups"
                    ),
                )
            ]
        )
    return located


def _parse_json(text: str):
    def no_duplicates(pairs):
        keys = [key for key, _value in pairs]
        for key in keys:
            if keys.count(key) > 1:
                raise DuplicateKey(f"duplicate key '{key}'")
        return dict(pairs)

    try:
        return parse_json(text, object_pairs_hook=no_duplicates)
    except UntrustedInputError as exc:
        if not exc.line:
            raise CatalogueInvalid([Problem(_("file"), "", str(exc))]) from exc
        raise CatalogueInvalid(
            [Problem(_place(exc.line, exc.column), "", _broken("JSON", exc.reason))]
        ) from exc


class DuplicateKey(ValueError):
    """A key twice in one JSON object; YAML's reading of the same text can tell its line."""


def _yaml_problem(exc, language: str) -> CatalogueInvalid:
    if isinstance(exc, CatalogueInvalid):
        return exc
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        where = _place(mark.line + 1, mark.column + 1) if mark else _("file")
        reason = exc.problem or exc.context or _("unreadable")
        return CatalogueInvalid([Problem(where, "", _broken(language, reason))])
    return CatalogueInvalid([Problem(_("file"), "", _broken(language, exc))])


def _broken(language: str, reason) -> str:
    return _("broken %(language)s: %(reason)s") % {"language": language, "reason": reason}


def _place(line: int, column: int) -> str:
    return _("line %(line)s, column %(column)s") % {"line": line, "column": column}


def _line_label(line: int) -> str:
    return _("line %(line)s") % {"line": line}


def _refuse_aliases(text: str) -> None:
    # Aliases let a tiny file expand to an enormous tree ("billion laughs"); a checklist
    # never needs them.
    for event in yaml.parse(text, Loader=_SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            raise CatalogueInvalid(
                [
                    Problem(
                        _line_label(event.start_mark.line + 1),
                        "",
                        _("YAML aliases (*%(anchor)s) are not allowed") % {"anchor": event.anchor},
                    )
                ]
            )


def _line(mapping, key=None) -> str:
    if not isinstance(mapping, _Located):
        return ""
    if key is not None and key in mapping.key_lines:
        return _line_label(mapping.key_lines[key])
    return _line_label(mapping.line)


def tree_records(tree: dict, problems: list[Problem]) -> list[Record]:
    records: list[Record] = []
    for key in tree:
        if key not in ("framework", *TOP_LEVEL_LISTS):
            problems.append(
                Problem(
                    _line(tree, key),
                    str(key),
                    _("unknown key; expected framework, components, principles or groups"),
                )
            )
    if "framework" not in tree:
        problems.append(Problem(_line_label(1), "framework", _("required")))
    else:
        records += _entries(
            "framework", tree["framework"], "framework", tree, "framework", {}, problems
        )
    if "components" not in tree:
        problems.append(
            Problem(
                _line_label(1),
                "components",
                _("required (use [] for a checklist without components)"),
            )
        )
    for key, kind in TOP_LEVEL_LISTS.items():
        if key in tree and tree[key] is not None:
            records += _list_entries(kind, tree[key], key, tree, key, {}, problems)
    return records


def _list_entries(kind, value, path, owner, key, parent_refs, problems) -> list[Record]:
    if not isinstance(value, list):
        problems.append(Problem(_where(owner, key, path), key, _("must be a list")))
        return []
    records = []
    for index, entry in enumerate(value):
        records += _entries(kind, entry, f"{path}[{index}]", owner, key, parent_refs, problems)
    return records


def _article(word: str) -> str:
    return "an" if word[0] in "aeiou" else "a"


def _where(mapping, key, path) -> str:
    return ", ".join(p for p in (_line(mapping, key), path) if p)


def _entries(kind, entry, path, owner, key, parent_refs, problems) -> list[Record]:
    """The record for one entry, then the records of the entries nested inside it."""
    if not isinstance(entry, dict):
        message = _("must be a mapping (a %(kind)s)") % {"kind": kind}
        problems.append(Problem(_where(owner, key, path), "", message))
        return []
    children = CHILDREN.get(kind, {})
    allowed = (*FIELDS[kind], *children)
    values = {}
    for name, value in entry.items():
        if name not in allowed:
            problems.append(
                Problem(
                    _where(entry, name, path),
                    str(name),
                    _("unknown key; %(article)s %(kind)s may have %(allowed)s")
                    % {"article": _article(kind), "kind": kind, "allowed": ", ".join(allowed)},
                )
            )
        elif name not in children:
            values[name] = value
    values.update(parent_refs)
    record = Record(
        kind,
        values,
        _where(entry, None, path),
        {str(name): _where(entry, name, path) for name in entry},
        frozenset(parent_refs),
    )
    records = [record]
    for child_key, child_kind in children.items():
        if entry.get(child_key) is not None:
            refs = {kind: entry.get("code")}
            records += _list_entries(
                child_kind,
                entry[child_key],
                f"{path}.{child_key}",
                entry,
                child_key,
                refs,
                problems,
            )
    return records
