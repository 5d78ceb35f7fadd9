"""A Catalogue is one framework version as plain data: what a checklist file describes
and what the database holds, in one canonical form, so the two can be compared
(re-loading the same file changes nothing) and exported (export, then load, gives the
same catalogue)."""

from __future__ import annotations

from dataclasses import dataclass

from standards.models import Framework

FRAMEWORK_FIELDS = (
    "code",
    "version",
    "title",
    "publisher",
    "year",
    "source_citation",
    "language",
    "description",
)
KINDS = ("component", "area", "principle", "group", "criterion")


@dataclass
class Catalogue:
    framework: dict
    components: list[dict]
    areas: list[dict]
    principles: list[dict]
    groups: list[dict]
    criteria: list[dict]

    def __post_init__(self):
        # Nested files list areas under their component and criteria under their parent;
        # flat files (XLSX) may list them in any order. Sorting by parent makes both equal.
        component_rank = {c["code"]: i for i, c in enumerate(self.components)}
        self.areas.sort(key=lambda a: component_rank.get(a["component"], 0))
        parent_rank = {}
        for kind, entries in (("area", self.areas), ("principle", self.principles)):
            for entry in entries:
                parent_rank[(kind, entry["code"])] = len(parent_rank)
        for entry in self.groups:
            parent_rank[("group", entry["code"])] = len(parent_rank)
        self.criteria.sort(key=lambda c: parent_rank.get(_parent(c), 0))

    @property
    def code(self) -> str:
        return self.framework["code"]

    def phrase_gaps(self) -> list[str]:
        """The areas, principles and criteria without phrases in a language the checklist
        uses elsewhere, as "P.GO.1 (ru)". Such an entry is never found in a plan's words
        in that language, so a review in it cannot see a plan address it. Groups only
        gather criteria and carry no phrases; a checklist without any phrase (answered by
        reviewers alone) has no gap."""
        entries = [*self.areas, *self.principles, *self.criteria]
        languages = sorted({language for entry in entries for language in entry["keywords"]})
        gaps = []
        for entry in entries:
            missing = [language for language in languages if language not in entry["keywords"]]
            if missing:
                gaps.append(f"{entry['code']} ({', '.join(missing)})")
        return gaps

    @property
    def version(self) -> str:
        return self.framework["version"]

    @property
    def label(self) -> str:
        return f"{self.code}@{self.version}"

    def entries(self) -> dict[tuple[str, str], dict]:
        """Every entry by (kind, code), for comparing two versions."""
        lists = zip(
            KINDS,
            (self.components, self.areas, self.principles, self.groups, self.criteria),
            strict=True,
        )
        return {(kind, e["code"]): e for kind, entries in lists for e in entries}

    def to_document(self) -> dict:
        """The nested form of a YAML or JSON checklist file."""

        def criteria_of(kind, code):
            return [_compact(c, PARENT_KEYS) for c in self.criteria if _parent(c) == (kind, code)]

        def with_criteria(entry, kind, drop=()):
            result = _compact(entry, drop)
            criteria = criteria_of(kind, entry["code"])
            if criteria:
                result["criteria"] = criteria
            return result

        components = []
        for component in self.components:
            result = _compact(component)
            areas = [
                with_criteria(a, "area", ("component",))
                for a in self.areas
                if a["component"] == component["code"]
            ]
            if areas:
                result["areas"] = areas
            components.append(result)
        document = {
            "framework": {k: v for k, v in self.framework.items() if v not in ("", None)},
            "components": components,
        }
        if self.principles:
            document["principles"] = [with_criteria(p, "principle") for p in self.principles]
        if self.groups:
            document["groups"] = [with_criteria(g, "group") for g in self.groups]
        return document


PARENT_KEYS = ("area", "principle", "group")


def _parent(criterion: dict) -> tuple[str, str]:
    for kind in PARENT_KEYS:
        if criterion.get(kind):
            return (kind, criterion[kind])
    return ("", "")


def _compact(entry: dict, drop=()) -> dict:
    """An entry without its defaults, so exported files stay as short as hand-written ones."""
    return {
        k: v
        for k, v in entry.items()
        if k not in drop and v not in ("", None, {}) and not (k == "weight" and v == 1)
    }


def catalogue_from_framework(framework: Framework) -> Catalogue:
    components = list(framework.components.order_by("order", "code"))
    areas = list(framework.areas.select_related("component").order_by("order", "code"))
    principles = list(framework.principles.order_by("order", "code"))
    criteria = list(
        framework.criteria.select_related("area", "principle").order_by("order", "code")
    )
    return Catalogue(
        framework={name: getattr(framework, name) for name in FRAMEWORK_FIELDS},
        components=[_described(c, ("code", "title", "source_page")) for c in components],
        areas=[
            {"component": a.component.code, **_described(a, ("code", "title", "source_page"))}
            | {"keywords": a.keywords or {}}
            for a in areas
        ],
        principles=[
            _described(p, ("code", "title", "source_page")) | {"keywords": p.keywords or {}}
            for p in principles
        ],
        groups=[dict(g) for g in framework.groups],
        criteria=[
            {
                "area": c.area.code if c.area else "",
                "principle": c.principle.code if c.principle else "",
                "group": c.group,
                "code": c.code,
                "question": c.question,
                "source_page": c.source_page,
                "guidance": c.guidance,
                "keywords": c.keywords or {},
                "tier": c.tier,
                "weight": c.weight,
            }
            for c in criteria
        ],
    )


def _described(obj, names) -> dict:
    return {name: getattr(obj, name) for name in names} | {"guidance": obj.description}
