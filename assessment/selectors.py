"""Read-side of reviews: what the review report shows, part by part, each read in a
bounded number of queries whatever the size of the plan. `assessment.report` puts the
parts together for the HTML page, the print version and the PDF."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import OuterRef, Q, Subquery
from django.db.models.fields.json import KT
from django.utils import timezone

from actionplan.models import Activity, Output, SubActivity
from assessment import charts
from assessment.checks import REGISTRY
from assessment.mapping import review_mapping
from assessment.models import (
    CoverageLevel,
    ElementType,
    Note,
    Rating,
    Review,
    ReviewSnapshot,
    Severity,
    SuggestedNote,
)
from assessment.scoring import FORMULA, review_scores
from assessment.suggestions import FUNDING_CRITERIA
from standards.models import Component, Criterion, Principle
from strategy.models import Chapter, Plan, Section, SpecificObjective, StrategicGoal

EVIDENCE_MODELS = {
    "activity": Activity,
    "subactivity": SubActivity,
    "output": Output,
    "objective": SpecificObjective,
    "goal": StrategicGoal,
    "chapter": Chapter,
    "section": Section,
}
UNCOVERED = {CoverageLevel.NOT_COVERED, CoverageLevel.MENTIONED}
SEVERITY_ORDER = {Severity.HIGH: 0, Severity.MEDIUM: 1, Severity.LOW: 2}
STRATEGY_SECTION_KINDS = (
    Section.Kind.PREAMBLE,
    Section.Kind.BACKGROUND,
    Section.Kind.PRINCIPLES,
    Section.Kind.STAKEHOLDERS,
    Section.Kind.MONITORING,
)


@dataclass
class CoverageRow:
    """The rating of one area or principle, with the plan elements that evidence it."""

    code: str
    title: str
    description: str
    level: str
    level_label: str
    overridden: bool = False
    justification: str = ""
    evidence: list[str] = field(default_factory=list)
    criteria: list[Criterion] = field(default_factory=list)

    @property
    def is_gap(self) -> bool:
        return self.level in UNCOVERED


@dataclass
class FindingGroup:
    """The findings of one rule: said once, with every plan element it concerns."""

    rule: str
    title: str
    severity: str
    severity_label: str
    message: str
    citation: str
    recommendation: str
    count: int = 0
    elements: list[str] = field(default_factory=list)
    plan_messages: list[str] = field(default_factory=list)


@dataclass
class ComponentPart:
    component: Component
    score: int
    areas: list[CoverageRow]
    chapters: list[str]
    findings: list[FindingGroup]
    notes: dict[str, list[Note]]
    suggested: dict[str, list[SuggestedNote]] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        return f"component-{self.component.code}"

    @property
    def gaps(self) -> list[CoverageRow]:
        return [row for row in self.areas if row.is_gap]


def report_review(*, review: Review) -> Review:
    """The review with its plan, framework and reviewers, for every part to read."""
    return (
        Review.objects.select_related("plan", "framework", "plan__previous_plan")
        .prefetch_related("reviewers")
        .get(pk=review.pk)
    )


def report_front_matter(*, review: Review) -> dict:
    """Title, authors, date and draft mark of the cover and the document's metadata."""
    reviewers = [u.get_full_name() or u.get_username() for u in review.reviewers.all()]
    return {
        "review": review,
        "plan": review.plan,
        "framework": review.framework,
        "document_title": review.title or f"Review of {review.plan.title}",
        "document_author": ", ".join(reviewers),
        "document_language": "en",
        "reviewers": reviewers,
        "is_draft": not review.is_final,
        "report_date": (review.finalised_at or timezone.now()).date(),
    }


def report_coverage(
    *, review: Review, notes: list[Note], suggested: list[SuggestedNote] = ()
) -> dict:
    """Per component of the framework its score, areas, chapters, findings, notes and the
    engine's open suggestions; the
    principles table, the chapters-to-components mapping, the findings about the plan's
    structure and the coverage charts."""
    components = list(
        Component.objects.filter(framework=review.framework)
        .prefetch_related("areas__criteria")
        .order_by("order", "code")
    )
    principles = Principle.objects.filter(framework=review.framework).prefetch_related("criteria")
    ratings = {(r.kind, r.code): r for r in review.ratings.all()}
    labels = _evidence_labels(ratings.values())
    findings = list(review.findings.filter(is_current=True, dismissed=False))
    scores = review_scores(review)
    mapping = review_mapping(review)
    chapters_of = {
        row.code: [_chapter_label(chapter, suggested) for chapter, suggested in row.chapters]
        for row in mapping.components
    }
    parts = [
        ComponentPart(
            component=component,
            score=scores.components.get(component.code, 0),
            areas=[
                _coverage_row(area, ratings.get(("area", area.code)), labels)
                for area in component.areas.all()
            ],
            chapters=chapters_of.get(component.code, []),
            findings=_group_findings(f for f in findings if f.component_code == component.code),
            notes=_notes_by_kind(n for n in notes if n.component_id == component.pk),
            suggested=_notes_by_kind(s for s in suggested if s.component_code == component.code),
        )
        for component in components
    ]
    component_codes = {c.code for c in components}
    return {
        "components": parts,
        "overall_score": scores.overall,
        "score_formula": FORMULA,
        "principles": [
            _coverage_row(p, ratings.get(("principle", p.code)), labels)
            for p in principles.order_by("order", "code")
        ],
        "mapping": [(row.title, chapters_of[row.code]) for row in mapping.components]
        + ([("", [c.label for c in mapping.unmapped])] if mapping.unmapped else []),
        "structure_findings": _group_findings(
            f for f in findings if f.component_code not in component_codes
        ),
        "coverage_charts": charts.coverage_charts(parts),
    }


def report_plan_content(*, plan: Plan) -> dict:
    """What the report quotes of the plan itself: its sections, stakeholders, legal basis
    and how many activities it has."""
    activity_count = Activity.objects.filter(plan=plan).count()
    return {
        "activity_count": activity_count,
        "has_activities": activity_count > 0,
        "sections": _plan_sections(plan),
        "stakeholders": list(plan.stakeholders.all()),
        "legal_basis": [line.strip() for line in plan.legal_basis.splitlines() if line.strip()],
    }


def report_notes(*, notes: list[Note], suggested: list[SuggestedNote] = ()) -> dict:
    """The reviewers' notes on funding, on the plan overall and on its content, by kind,
    and the open suggestions that belong to no component (funding ones apart)."""
    loose = [s for s in suggested if not s.component_code]
    funding = [s for s in loose if s.criterion_code in FUNDING_CRITERIA]
    return {
        "funding_notes": _notes_by_kind(n for n in notes if n.scope == Note.Scope.FUNDING),
        "overall_notes": _notes_by_kind(n for n in notes if n.scope == Note.Scope.OVERALL),
        "content_notes": _notes_by_kind(n for n in notes if n.scope == Note.Scope.CONTENT),
        "funding_suggested": _notes_by_kind(funding),
        "overall_suggested": _notes_by_kind(s for s in loose if s not in funding),
    }


def report_suggestions(*, review: Review) -> list[SuggestedNote]:
    """What the engine suggests and the reviewers have not yet decided: shown in a draft
    report only, so it is never an empty shell; a final report shows the notes alone."""
    if review.is_final:
        return []
    return list(
        review.suggested_notes.filter(is_current=True, status=SuggestedNote.Status.OPEN).order_by(
            "kind", "pk"
        )
    )


def report_structural_criteria(*, framework) -> dict[str, list[Criterion]]:
    """The framework's criteria outside areas and principles, by group (ST strategy, AP
    action plan, IN SMART indicators): the model templates and the indicator guide."""
    groups: dict[str, list[Criterion]] = defaultdict(list)
    criteria = Criterion.objects.filter(
        framework=framework, area__isnull=True, principle__isnull=True
    ).order_by("order", "code")
    for criterion in criteria:
        groups[criterion.group or criterion.code.split(".")[0]].append(criterion)
    return dict(groups)


def _chapter_label(chapter, suggested: bool) -> str:
    return f"{chapter.label} (suggested)" if suggested else chapter.label


def _coverage_row(item, rating: Rating | None, labels: dict) -> CoverageRow:
    level = rating.level if rating else CoverageLevel.NOT_COVERED
    evidence = [
        labels.get((e.get("type"), e.get("id")), "") for e in (rating.evidence if rating else [])
    ]
    return CoverageRow(
        code=item.code,
        title=item.title,
        description=item.description,
        level=level,
        level_label=CoverageLevel(level).label,
        overridden=bool(rating and rating.override_level),
        justification=rating.override_justification if rating else "",
        evidence=[label for label in evidence if label],
        criteria=list(item.criteria.all()),
    )


def _evidence_labels(ratings) -> dict[tuple[str, int], str]:
    """Labels of the plan elements the ratings cite: the stored label, else one query per
    element type for the missing ones."""
    labels: dict[tuple[str, int], str] = {}
    missing: dict[str, set[int]] = defaultdict(set)
    for rating in ratings:
        for item in rating.evidence:
            key = (item.get("type"), item.get("id"))
            if item.get("label"):
                labels[key] = item["label"]
            elif key[0] in EVIDENCE_MODELS:
                missing[key[0]].add(key[1])
    for kind, ids in missing.items():
        for element in EVIDENCE_MODELS[kind].objects.filter(pk__in=ids):
            labels[(kind, element.pk)] = str(element)
    return labels


def _group_findings(findings) -> list[FindingGroup]:
    groups: dict[tuple[str, str], FindingGroup] = {}
    for finding in findings:
        key = (finding.rule, finding.severity)
        group = groups.get(key)
        if group is None:
            rule = REGISTRY.get(finding.rule)
            group = groups[key] = FindingGroup(
                rule=finding.rule,
                title=rule.title if rule else finding.message,
                severity=finding.severity,
                severity_label=Severity(finding.severity).label,
                message=finding.message,
                citation=finding.citation,
                recommendation=finding.recommendation,
            )
        group.count += 1
        if finding.element_type == ElementType.PLAN:
            group.plan_messages.append(finding.message)
        else:
            group.elements.append(finding.element_label or finding.get_element_type_display())
    return sorted(groups.values(), key=lambda g: (SEVERITY_ORDER.get(g.severity, 9), g.rule))


def _notes_by_kind(notes) -> dict[str, list[Note]]:
    grouped: dict[str, list[Note]] = {kind: [] for kind in Note.Kind.values}
    for note in notes:
        grouped[note.kind].append(note)
    return grouped


def _plan_sections(plan) -> dict[str, list[Section]]:
    sections = defaultdict(list)
    for section in plan.sections.select_related("component"):
        sections[section.kind].append(section)
    return dict(sections)


def plan_review_rounds(*, plan: Plan) -> list[Review]:
    """The plan's reviewed versions: its final reviews, newest first, each with its
    reviewers and `overall` (the overall score its snapshot stored; None for a review
    finalised before snapshots were kept) and `round_before` (the one finalised before it).
    Two queries, whatever the plan's size: the score is read inside the database, never
    the stored plan document."""
    # Through the snapshot's own table: a key path across the reverse one-to-one is not
    # resolved to the JSON column by Django 5.2.
    overall = ReviewSnapshot.objects.filter(review=OuterRef("pk")).annotate(
        overall=KT("result__scores__overall")
    )
    rounds = list(
        plan.reviews.filter(status=Review.Status.FINAL)
        .select_related("framework")
        .prefetch_related("reviewers")
        .annotate(overall=Subquery(overall.values("overall")[:1]))
        .order_by("-finalised_at", "-pk")
    )
    for n, newer in enumerate(rounds):
        newer.round_before = rounds[n + 1] if n + 1 < len(rounds) else None
    return rounds


def comparable_reviews(*, review: Review, user) -> list[Review]:
    """The reviews `review` compares with that `user` may see: of its plan, of its previous
    plan, and of the plans that succeed it."""
    plans = Q(plan=review.plan_id) | Q(plan__previous_plan=review.plan_id)
    if review.plan.previous_plan_id:
        plans |= Q(plan=review.plan.previous_plan_id)
    return list(
        Review.objects.visible_to(user)
        .filter(plans)
        .exclude(pk=review.pk)
        .select_related("plan")
        .order_by("-created_at")
    )
