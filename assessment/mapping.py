"""The two tables the review prints: the plan's chapters against the framework's
components, and the guiding principles against the plan's provisions.

Chapters → components: a chapter's own component tags; failing those, the components of
its area tags; failing those, a suggestion — the component whose areas have the most
coverage evidence in the chapter and everything under it (goals, objectives, activities),
marked `suggested` (ties give every tied component).

Principles → provisions: the plan elements and sections evidencing each principle (its
coverage evidence), with the principle's level.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from assessment.coverage import Coverage, Evidence
from assessment.models import ReviewSnapshot
from assessment.snapshot import Catalogue, PlanSnapshot, load_catalogue, plan_snapshot


@dataclass
class ChapterRow:
    chapter_id: int
    label: str
    components: list[tuple[str, bool]] = field(default_factory=list)  # (code, suggested)


@dataclass
class ComponentRow:
    code: str
    title: str
    chapters: list[tuple[ChapterRow, bool]] = field(default_factory=list)


@dataclass
class PrincipleRow:
    code: str
    title: str
    level: str
    provisions: list[Evidence] = field(default_factory=list)


@dataclass
class Mapping:
    chapters: list[ChapterRow]
    components: list[ComponentRow]
    principles: list[PrincipleRow]
    unmapped: list[ChapterRow]

    def as_json(self) -> list[dict]:
        """`mapping[]` of `review --format json`: per chapter, the component codes and
        whether they are the engine's suggestion (true) or the plan's own tags (false)."""
        return [
            {
                "chapter": row.chapter_id,
                "components": [code for code, _ in row.components],
                "suggested": any(suggested for _, suggested in row.components),
            }
            for row in self.chapters
        ]


def _chapter_of(snapshot: PlanSnapshot) -> dict[tuple[str, int], int]:
    """(element type, id) → chapter id, for every element under a chapter."""
    goal_chapter = {g.id: g.parent_id for g in snapshot.goals if g.parent_id}
    objective_goal = {o.id: o.parent_id for o in snapshot.objectives}
    result = {("chapter", c.id): c.id for c in snapshot.chapters}
    result.update({("goal", g): c for g, c in goal_chapter.items()})
    for objective_id, goal_id in objective_goal.items():
        if goal_id in goal_chapter:
            result[("objective", objective_id)] = goal_chapter[goal_id]
    for activity in snapshot.activities:
        key = ("objective", activity.parent_id)
        if key in result:
            result[("activity", activity.id)] = result[key]
    return result


def chapter_components(
    snapshot: PlanSnapshot, coverage: list[Coverage]
) -> dict[int, list[tuple[str, bool]]]:
    """chapter id → [(component code, suggested)], in framework order."""
    catalogue = snapshot.catalogue
    order = {c["code"]: i for i, c in enumerate(catalogue.components)}
    chapter_of = _chapter_of(snapshot)
    counts: dict[int, Counter] = {c.id: Counter() for c in snapshot.chapters}
    for item in coverage:
        if item.kind != "area":
            continue
        for evidence in item.evidence:
            chapter_id = chapter_of.get((evidence.type, evidence.id))
            if chapter_id is not None:
                counts[chapter_id][item.component] += 1
    result = {}
    for chapter in snapshot.chapters:
        if chapter.components:
            codes, suggested = set(chapter.components), False
        elif chapter.areas:
            codes = {catalogue.area_component(a) for a in chapter.areas} - {""}
            suggested = False
        else:
            top = max(counts[chapter.id].values(), default=0)
            codes = {code for code, n in counts[chapter.id].items() if n == top and top}
            suggested = True
        ranked = sorted(codes, key=lambda code: order.get(code, len(order)))
        result[chapter.id] = [(code, suggested) for code in ranked]
    return result


def plan_mapping(snapshot: PlanSnapshot, coverage: list[Coverage]) -> Mapping:
    mapped = chapter_components(snapshot, coverage)
    chapters = [ChapterRow(c.id, c.label, mapped[c.id]) for c in snapshot.chapters]
    return _mapping(snapshot.catalogue, chapters, coverage)


def _mapping(catalogue: Catalogue, chapters: list[ChapterRow], coverage) -> Mapping:
    components = []
    for component in catalogue.components:
        row = ComponentRow(component["code"], component["title"])
        for chapter in chapters:
            for code, suggested in chapter.components:
                if code == component["code"]:
                    row.chapters.append((chapter, suggested))
        components.append(row)
    principles = [
        PrincipleRow(c.code, c.title, c.level, list(c.evidence))
        for c in coverage
        if c.kind == "principle"
    ]
    unmapped = [c for c in chapters if not c.components]
    return Mapping(chapters, components, principles, unmapped)


def _frozen_chapters(review) -> list[ChapterRow] | None:
    """The chapters as a final review's snapshot stored them, or None. Reads only the
    mapping out of the stored result, not the plan document beside it."""
    if not review.is_final:
        return None
    rows = (
        ReviewSnapshot.objects.filter(review=review)
        .values_list("result__mapping", flat=True)
        .first()
    )
    if rows is None:
        return None
    return [
        ChapterRow(row["chapter"], row["label"], [tuple(pair) for pair in row["components"]])
        for row in rows
    ]


def review_mapping(review) -> Mapping:
    """The mapping of a saved review: chapters from the plan as it is now (from the
    snapshot for a final review), principles from the review's saved ratings (overrides
    and rejected suggestions included)."""
    chapters = _frozen_chapters(review)
    if chapters is None:
        # The saved ratings hold what the monitoring showed; the chapters need none of it.
        snapshot = plan_snapshot(plan=review.plan, framework=review.framework, monitoring=False)
        catalogue = snapshot.catalogue
    else:
        catalogue = load_catalogue(review.framework)
    titles = {a["code"]: a["title"] for a in catalogue.areas}
    titles.update({p["code"]: p["title"] for p in catalogue.principles})
    components = {a["code"]: a["component_code"] for a in catalogue.areas}
    coverage = [
        Coverage(
            rating.kind,
            rating.code,
            titles.get(rating.code, rating.code),
            components.get(rating.code, ""),
            rating.level,
            [
                Evidence(e["type"], e["id"], e["suggested"], e.get("label", ""))
                for e in rating.evidence
            ],
        )
        for rating in review.ratings.all()
    ]
    order = {code: i for i, code in enumerate(titles)}
    coverage.sort(key=lambda c: order.get(c.code, len(order)))
    if chapters is None:
        return plan_mapping(snapshot, coverage)
    return _mapping(catalogue, chapters, coverage)
