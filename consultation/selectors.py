"""What the consultation's pages and downloads read, each in a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, QuerySet, Value
from django.utils.translation import gettext as _
from django.utils.translation import ngettext_lazy

from consultation.models import Comment, ElementKind, Reply, Resolution
from strategy.models import Plan


def _comments(plan: Plan) -> QuerySet:
    replies = Reply.objects.select_related("author").order_by("created_at", "pk")
    return (
        Comment.objects.filter(plan=plan)
        .select_related("author", "resolved_by", "chapter")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("created_at", "pk")
    )


def comment_thread(*, plan: Plan, kind: str, element_id: int | None) -> list[Comment]:
    """The comments on one element (or on the plan as a whole), oldest first, with their
    replies: two queries."""
    return list(_comments(plan).filter(element_kind=kind, element_id=element_id))


@dataclass
class ChapterComments:
    label: str
    comments: list[Comment] = field(default_factory=list)

    def count(self, resolution: str) -> int:
        return sum(1 for c in self.comments if c.resolution == resolution)

    @property
    def accepted(self) -> int:
        return self.count(Resolution.ACCEPTED)

    @property
    def declined(self) -> int:
        return self.count(Resolution.DECLINED)

    @property
    def open(self) -> int:
        return self.count(Resolution.OPEN)


@dataclass
class OrganisationComments:
    name: str
    accepted: int = 0
    declined: int = 0
    open: int = 0

    @property
    def total(self) -> int:
        return self.accepted + self.declined + self.open


@dataclass
class ConsultationSummary:
    plan: Plan
    chapters: list[ChapterComments]
    organisations: list[OrganisationComments]
    totals: Counter

    @property
    def comment_count(self) -> int:
        return sum(self.totals.values())


def consultation_summary(*, plan: Plan) -> ConsultationSummary:
    """Every comment of the plan grouped by chapter (the plan as a whole first, then the
    chapters in their order as they were when commented, then elements outside any
    chapter), and the counts per organisation: two queries."""
    comments = list(_comments(plan))
    whole_plan = ChapterComments(_("The plan as a whole"))
    no_chapter = ChapterComments(_("Outside any chapter"))
    chapters: dict[object, ChapterComments] = {}
    organisations: dict[str, OrganisationComments] = {}
    totals: Counter = Counter()
    for comment in comments:
        if comment.element_kind == ElementKind.PLAN:
            group = whole_plan
        elif comment.chapter_label:
            key = comment.chapter_id or comment.chapter_label
            group = chapters.setdefault(key, ChapterComments(comment.chapter_label))
        else:
            group = no_chapter
        group.comments.append(comment)
        name = comment.organisation or _("Working group")
        entry = organisations.setdefault(name, OrganisationComments(name))
        setattr(entry, comment.resolution, getattr(entry, comment.resolution) + 1)
        totals[comment.resolution] += 1
    ordered = sorted(chapters.values(), key=_chapter_order)
    groups = [g for g in (whole_plan, *ordered, no_chapter) if g.comments]
    return ConsultationSummary(
        plan=plan,
        chapters=groups,
        organisations=sorted(organisations.values(), key=lambda o: (-o.total, o.name.lower())),
        totals=totals,
    )


def _chapter_order(group: ChapterComments) -> tuple:
    chapter = group.comments[0].chapter  # deleted since: after the others
    return (chapter is None, chapter.order if chapter else 0, group.label.lower())


def consultation_facts(*, plan: Plan) -> dict:
    """What a review needs to know of the plan's consultation, in one query: the number
    of comments by decision, the organisations heard, and the elements of the comments
    accepted."""
    rows = Comment.objects.filter(plan=plan).values_list(
        "resolution", "organisation", "element_kind", "element_id"
    )
    counts: Counter = Counter()
    organisations: set[str] = set()
    accepted: list[tuple[str, int | None]] = []
    for resolution, organisation, kind, element_id in rows:
        counts[resolution] += 1
        if organisation:
            organisations.add(organisation)
        if resolution == Resolution.ACCEPTED:
            accepted.append((kind, element_id))
    return {"counts": counts, "organisations": sorted(organisations), "accepted": accepted}


def plan_comment_counts(*, user, plan_ids: list[int], since) -> list[tuple[int, str, int]]:
    """(plan id, "2 comments", 2): comments and replies others wrote on each plan after
    `since` (strategy.changes). One query."""
    comments = Comment.objects.filter(plan_id__in=plan_ids).exclude(author=user)
    replies = Reply.objects.filter(comment__plan_id__in=plan_ids).exclude(author=user)
    parts = [
        _counted(comments, "plan_id", since, "comment"),
        _counted(replies, "comment__plan_id", since, "reply"),
    ]
    said = {"comment": COMMENTS_COUNTED, "reply": REPLIES_COUNTED}
    return [
        (plan_id, said[kind] % {"count": number}, number)
        for plan_id, kind, number in parts[0].union(parts[1], all=True)
    ]


COMMENTS_COUNTED = ngettext_lazy("%(count)d comment", "%(count)d comments", "count")
REPLIES_COUNTED = ngettext_lazy("%(count)d reply", "%(count)d replies", "count")


def _counted(queryset, ref: str, since, kind: str):
    return (
        queryset.filter(created_at__gt=since(ref))
        .order_by()
        .values(counted_plan=F(ref))
        .annotate(counted_kind=Value(kind), counted=Count("pk"))
        .values_list("counted_plan", "counted_kind", "counted")
    )
