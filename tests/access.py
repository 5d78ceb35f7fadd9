"""Access tables: who gets which status from which URL.

Each app's `test_access.py` holds one table. A row names a URL, the target that fills its
arguments, a method and the status each of the cast gets, in the order of ROLES; `_`
leaves a role out (a wrong method is asked once, of someone who may use the view). A
refusal (403, 404, 405, or a visitor sent to sign in) must also write nothing. The world
every target points into:

- `plan` is in consultation: the coordinator edits it; the reader (a member who reads) and
  the reviewer (plans out of drafting are open to reviewers) may read it but not change
  it (403); the consultee (a civil society organisation consulted on it) may read it and
  comment on it, but not see its reviews nor its exchange file (404); the standards
  admin and the outsider may not see it (404, its existence is not disclosed);
- `closed_plan` is adopted: its consultee no longer sees it;
- `draft_plan` is still drafted by the coordinator alone, so hidden from the reader and
  the reviewer too;
- `other_plan` is another plan the coordinator edits: its objects addressed under
  `plan`'s URL answer 404;
- `review` is the reviewer's review of `plan`, which the plan's members may read;
  `others_review` another reviewer's, which the cast's reviewer may read but not change;
  `final_review` a finished one, which no one may change.

Requests are plain, as a browser without htmx sends them: the workspace's endpoints then
answer with a full page or a redirect to the element in the tree (their htmx answers are
the workspace tests' concern).

Every URL of the project has at least one row (tests/napplanner/test_access.py checks).
"""

from dataclasses import dataclass
from functools import cached_property
from types import SimpleNamespace
from unittest.mock import patch

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from strategy.models import PlanMembership, PlanStatus
from tests.factories import (
    ActivityFactory,
    BudgetLineFactory,
    ChapterFactory,
    IndicatorFactory,
    NoteFactory,
    OutputFactory,
    PlanFactory,
    ResponsibilityFactory,
    ReviewFactory,
    SectionFactory,
    SpecificObjectiveFactory,
    StakeholderFactory,
    StrategicGoalFactory,
    SubActivityFactory,
    UserFactory,
)

ROLES = (
    "coordinator",
    "reader",
    "consultee",
    "reviewer",
    "standards_admin",
    "outsider",
    "anonymous",
)
USERS = {"reader": "coordinator2"}  # the cast's other coordinator reads `plan`
_ = None  # not asked
WRITES = ("INSERT", "UPDATE", "DELETE")


class World:
    """The objects the rows point at, each made the first time a row asks for it."""

    def __init__(self, cast):
        self.cast = cast

    @cached_property
    def plan(self):
        plan = PlanFactory(status=PlanStatus.CONSULTATION, editors=[self.cast.coordinator])
        PlanMembership.objects.create(
            plan=plan, user=self.cast.coordinator2, role=PlanMembership.Role.READER
        )
        PlanMembership.objects.create(
            plan=plan,
            user=self.cast.consultee,
            role=PlanMembership.Role.CONSULTEE,
            organisation="Civil Rights Network",
        )
        return plan

    @cached_property
    def closed_plan(self):
        plan = PlanFactory(status=PlanStatus.ADOPTED, editors=[self.cast.coordinator])
        for user, role in (
            (self.cast.coordinator2, PlanMembership.Role.READER),
            (self.cast.consultee, PlanMembership.Role.CONSULTEE),
        ):
            PlanMembership.objects.create(plan=plan, user=user, role=role)
        return plan

    @cached_property
    def draft_plan(self):
        return PlanFactory(status=PlanStatus.DRAFT, editors=[self.cast.coordinator])

    @cached_property
    def other_plan(self):
        return PlanFactory(editors=[self.cast.coordinator])

    @cached_property
    def activity(self):
        plan = self.plan
        chapter = ChapterFactory(plan=plan)
        goal = StrategicGoalFactory(plan=plan, chapter=chapter)
        objective = SpecificObjectiveFactory(plan=plan, goal=goal)
        OutputFactory(plan=plan, objective=objective)
        return ActivityFactory(plan=plan, objective=objective)

    @cached_property
    def other_activity(self):
        return ActivityFactory(plan=self.other_plan)

    @cached_property
    def sub_activity(self):
        return SubActivityFactory(activity=self.activity)

    @cached_property
    def responsibility(self):
        stakeholder = StakeholderFactory(plan=self.plan)
        return ResponsibilityFactory(activity=self.activity, stakeholder=stakeholder)

    @cached_property
    def budget_line(self):
        return BudgetLineFactory(activity=self.activity)

    @cached_property
    def indicator(self):
        return IndicatorFactory(activity=self.activity)

    @cached_property
    def section(self):
        return SectionFactory(plan=self.plan)

    @cached_property
    def other_section(self):
        return SectionFactory(plan=self.other_plan)

    @cached_property
    def draft_section(self):
        return SectionFactory(plan=self.draft_plan)

    @cached_property
    def stakeholder(self):
        return StakeholderFactory(plan=self.plan)

    @cached_property
    def other_stakeholder(self):
        return StakeholderFactory(plan=self.other_plan)

    @cached_property
    def draft_stakeholder(self):
        return StakeholderFactory(plan=self.draft_plan)

    @cached_property
    def membership(self):
        return PlanMembership.objects.get(plan=self.plan, user=self.cast.coordinator2)

    @cached_property
    def framework(self):
        from tests.assessment.catalogue import icmpd_like_framework

        return icmpd_like_framework()

    @cached_property
    def review(self):
        from assessment.services import review_create

        plan = self.activity.plan  # an activity for the checks to find
        return review_create(plan=plan, framework=self.framework, user=self.cast.reviewer)

    @cached_property
    def final_review(self):
        """The reviewer's finished review of `plan`: read-only for everyone."""
        reviewer = self.cast.reviewer
        return ReviewFactory(
            plan=self.plan,
            framework=self.framework,
            created_by=reviewer,
            status="final",
            finalised_at=timezone.now(),
        )

    @cached_property
    def draft_review(self):
        """A review the superuser started of `draft_plan`, still hidden from reviewers."""
        from assessment.services import review_create

        plan, user = self.draft_plan, self.cast.superuser
        return review_create(plan=plan, framework=self.framework, user=user)

    @cached_property
    def finding(self):
        return self.review.findings.first()

    @cached_property
    def rating(self):
        return self.review.ratings.first()

    @cached_property
    def note(self):
        return NoteFactory(review=self.review)

    @cached_property
    def others_review(self):
        from django.contrib.auth.models import Group

        from assessment.services import review_create
        from napplanner.roles import REVIEWER

        other = UserFactory(username="rob-reviewer")
        other.groups.add(Group.objects.get(name=REVIEWER))
        plan = self.activity.plan  # an activity for the checks to find
        return review_create(plan=plan, framework=self.framework, user=other)

    @cached_property
    def others_finding(self):
        return self.others_review.findings.first()

    @cached_property
    def others_rating(self):
        return self.others_review.ratings.first()

    @cached_property
    def others_note(self):
        return NoteFactory(review=self.others_review)


@dataclass(frozen=True)
class Row:
    name: str
    target: object  # World -> URL kwargs
    method: str
    statuses: tuple


def row(name, target, method, *statuses) -> Row:
    if len(statuses) != len(ROLES):
        raise ValueError(f"{name}: {len(statuses)} statuses for {len(ROLES)} roles")
    return Row(name, target, method, statuses)


def cases(table: list[Row]) -> list:
    """One case per row and role asked, named so a failure says which."""
    return [
        pytest.param(r, role, status, id=f"{r.name}-{r.target.__name__}-{r.method}-{role}")
        for r in table
        for role, status in zip(ROLES, r.statuses, strict=True)
        if status is not None
    ]


class _UnrenderedDocument:
    """Stands in for WeasyPrint here: who may download a PDF is the question, rendering
    it (seconds a page) is the PDF tests' job."""

    def __init__(self, **kwargs):
        self.metadata = SimpleNamespace()

    def render(self):
        return self

    def write_pdf(self) -> bytes:
        return b"%PDF-1.7"


def answer(client, cast, r: Row, role: str):
    """The response `role` gets from the row's URL, and the writes it made to the database."""
    if role != "anonymous":
        client.force_login(getattr(cast, USERS.get(role, role)))
    url = reverse(r.name, kwargs=r.target(World(cast)))
    pdf = patch("napplanner.pdf.HTML", _UnrenderedDocument)
    with pdf, CaptureQueriesContext(connection) as queries:
        response = getattr(client, r.method)(url)
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    return response, writes


def assert_row(client, cast, r: Row, role: str, status: int) -> None:
    """`role` gets `status`; a refusal (403, 404, 405, or sending a visitor to sign in)
    writes nothing."""
    response, writes = answer(client, cast, r, role)
    assert response.status_code == status, f"{response.status_code} instead of {status}"
    refused = status in (403, 404, 405) or (
        role == "anonymous" and status == 302 and response.url.startswith(reverse("login"))
    )
    if refused:
        assert not writes, writes


def url_names(patterns=None, namespace="") -> set[str]:
    """Every named URL of the project, with its namespace."""
    names = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(namespace + entry.name)
    return names


# Targets every app uses.


def nothing(world) -> dict:
    return {}


def plan(world) -> dict:
    return {"plan_id": world.plan.pk}


def draft_plan(world) -> dict:
    return {"plan_id": world.draft_plan.pk}


def closed_plan(world) -> dict:
    return {"plan_id": world.closed_plan.pk}


def no_such_plan(world) -> dict:
    return {"plan_id": 10**8}


def review(world) -> dict:
    return {"review_id": world.review.pk}
