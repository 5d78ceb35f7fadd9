"""factory_boy factories for every model. Tests build their data here, never from JSON."""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model

from actionplan.models import (
    Activity,
    BudgetLine,
    Indicator,
    Output,
    Responsibility,
    SubActivity,
)
from assessment.models import Finding, Note, Rating, Review
from consultation.models import Comment, ElementKind, Reply
from monitoring.models import ActivityReport, ReportingPeriod
from standards.models import Area, Component, Criterion, Framework, Principle
from strategy.models import (
    Chapter,
    Plan,
    PlanMembership,
    Section,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("pw")


# --- standards -------------------------------------------------------------------------


class FrameworkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Framework

    code = factory.Sequence(lambda n: f"framework-{n}")
    version = "1.0"
    title = factory.Sequence(lambda n: f"Guidelines {n}")
    publisher = "ICMPD"
    year = 2006


class ComponentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Component

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"C{n}")
    title = factory.Sequence(lambda n: f"Component {n}")
    order = factory.Sequence(int)


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area

    component = factory.SubFactory(ComponentFactory)
    framework = factory.SelfAttribute("component.framework")
    code = factory.LazyAttributeSequence(lambda a, n: f"{a.component.code}.{n}")
    title = factory.Sequence(lambda n: f"Area {n}")
    keywords = factory.LazyFunction(lambda: {"en": [], "ru": []})
    order = factory.Sequence(int)


class PrincipleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Principle

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"P.{n}")
    title = factory.Sequence(lambda n: f"Principle {n}")
    keywords = factory.LazyFunction(lambda: {"en": [], "ru": []})
    order = factory.Sequence(int)


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    framework = factory.SubFactory(FrameworkFactory)
    code = factory.Sequence(lambda n: f"ST.{n}")
    group = "ST"
    question = factory.Sequence(lambda n: f"Does the plan meet criterion {n}?")
    order = factory.Sequence(int)


# --- strategy --------------------------------------------------------------------------


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Plan
        skip_postgeneration_save = True

    country = "Utopia"
    title = factory.Sequence(lambda n: f"National Action Plan {n}")
    period_start = 2019
    period_end = 2023

    @factory.post_generation
    def editors(self, create, extracted, **kwargs):
        for user in extracted or ():
            PlanMembership.objects.create(plan=self, user=user, role=PlanMembership.Role.EDITOR)


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    plan = factory.SubFactory(PlanFactory)
    kind = Section.Kind.OTHER
    title = factory.Sequence(lambda n: f"Section {n}")
    body = "Text of the section."
    order = factory.Sequence(int)


class StakeholderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Stakeholder

    plan = factory.SubFactory(PlanFactory)
    name = factory.Sequence(lambda n: f"Ministry {n}")
    kind = Stakeholder.Kind.GOVERNMENT
    order = factory.Sequence(int)


class ChapterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Chapter

    plan = factory.SubFactory(PlanFactory)
    code = factory.Sequence(str)
    title = factory.Sequence(lambda n: f"Chapter {n}")
    order = factory.Sequence(int)


class StrategicGoalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StrategicGoal

    chapter = factory.SubFactory(ChapterFactory)
    plan = factory.SelfAttribute("chapter.plan")
    code = factory.Sequence(lambda n: f"G{n}")
    title = factory.Sequence(lambda n: f"Victims of trafficking are identified early (goal {n})")
    order = factory.Sequence(int)


class SpecificObjectiveFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SpecificObjective

    goal = factory.SubFactory(StrategicGoalFactory)
    plan = factory.SelfAttribute("goal.plan")
    code = factory.Sequence(lambda n: f"O{n}")
    title = factory.Sequence(lambda n: f"Frontline staff apply common indicators (objective {n})")
    order = factory.Sequence(int)


# --- action plan -----------------------------------------------------------------------


class OutputFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Output

    objective = factory.SubFactory(SpecificObjectiveFactory)
    plan = factory.SelfAttribute("objective.plan")
    code = factory.Sequence(lambda n: f"OUT{n}")
    title = factory.Sequence(lambda n: f"Training curriculum {n}")
    order = factory.Sequence(int)


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    objective = factory.SubFactory(SpecificObjectiveFactory)
    plan = factory.SelfAttribute("objective.plan")
    code = factory.Sequence(lambda n: f"A{n}")
    title = factory.Sequence(
        lambda n: f"Train 200 labour inspectors in victim identification ({n})"
    )
    order = factory.Sequence(int)
    start_month = factory.LazyAttribute(lambda a: datetime.date(a.plan.period_start, 3, 1))
    end_month = factory.LazyAttribute(lambda a: datetime.date(a.plan.period_start, 11, 1))


class SubActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubActivity

    activity = factory.SubFactory(ActivityFactory)
    code = factory.Sequence(lambda n: f"S{n}")
    title = factory.Sequence(lambda n: f"Draft the training module {n}")
    order = factory.Sequence(int)


class ResponsibilityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Responsibility

    activity = factory.SubFactory(ActivityFactory)
    stakeholder = factory.SubFactory(
        StakeholderFactory, plan=factory.SelfAttribute("..activity.plan")
    )
    role = Responsibility.Role.LEAD


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BudgetLine

    activity = factory.SubFactory(ActivityFactory)
    amount = Decimal("25000.00")
    currency = "EUR"
    source = BudgetLine.Source.STATE
    status = BudgetLine.Status.SECURED


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    activity = factory.SubFactory(ActivityFactory)
    plan = factory.SelfAttribute("activity.plan")
    level = Indicator.Level.OUTPUT
    definition = "Number of labour inspectors trained in victim identification"
    unit = "persons"
    baseline_value = "0"
    baseline_year = 2018
    target_value = "200"
    target_year = 2020
    means_of_verification = "Training attendance records of the Labour Inspectorate"
    frequency = Indicator.Frequency.ANNUAL


# --- assessment ------------------------------------------------------------------------


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Review
        skip_postgeneration_save = True

    plan = factory.SubFactory(PlanFactory)
    framework = factory.SubFactory(FrameworkFactory)
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def reviewers(self, create, extracted, **kwargs):
        self.reviewers.add(*(extracted or [self.created_by]))


class FindingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Finding

    review = factory.SubFactory(ReviewFactory)
    rule = "activity-without-lead"
    key = factory.Sequence(lambda n: f"activity-without-lead:activity:{n}")
    criterion_code = "AP.1"
    severity = "medium"
    element_type = "activity"
    element_id = factory.Sequence(int)
    message = "The activity has no lead body."


class RatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rating

    review = factory.SubFactory(ReviewFactory)
    kind = Rating.Kind.AREA
    code = factory.Sequence(lambda n: f"SF.{n}")
    computed_level = "not_covered"


class NoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Note

    review = factory.SubFactory(ReviewFactory)
    kind = Note.Kind.RECOMMENDATION
    scope = Note.Scope.OVERALL
    text = "Plan activities related to data collection and exchange."


class CommentFactory(factory.django.DjangoModelFactory):
    """A comment on the plan as a whole by default; give `activity=` (or `element_kind`,
    `element_id`, `element_label`) for one on an element."""

    class Meta:
        model = Comment

    plan = factory.SubFactory(PlanFactory, status="consultation")
    element_kind = ElementKind.PLAN
    element_id = None
    element_label = factory.SelfAttribute("plan.title")
    author = factory.SubFactory(UserFactory)
    organisation = "La Strada"
    text = "The plan should name shelters run by NGOs."


class ReplyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reply

    comment = factory.SubFactory(CommentFactory)
    author = factory.SubFactory(UserFactory)
    text = "Thank you: we will look into it."


# --- monitoring ------------------------------------------------------------------------


class ReportingPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportingPeriod

    plan = factory.SubFactory(PlanFactory)
    label = factory.LazyAttribute(lambda p: str(p.start_month.year))
    start_month = factory.LazyAttribute(lambda p: datetime.date(p.plan.period_start, 1, 1))
    end_month = factory.LazyAttribute(lambda p: datetime.date(p.start_month.year, 12, 1))
    due_on = factory.LazyAttribute(lambda p: datetime.date(p.start_month.year + 1, 1, 31))


class ActivityReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActivityReport

    period = factory.SubFactory(ReportingPeriodFactory)
    activity = factory.SubFactory(ActivityFactory, plan=factory.SelfAttribute("..period.plan"))
    body = factory.SubFactory(StakeholderFactory, plan=factory.SelfAttribute("..period.plan"))
    status = "on_track"
    progress = "Two trainings held."
    state = "submitted"
