import pytest

from strategy.forms import ChapterForm
from tests.factories import (
    AreaFactory,
    ChapterFactory,
    ComponentFactory,
    FrameworkFactory,
    PlanFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan():
    framework = FrameworkFactory()
    ComponentFactory(framework=framework, title="Prevention")
    AreaFactory(component__framework=framework, title="Awareness-raising")
    return PlanFactory(framework=framework)


def test_it_offers_only_the_tags_of_the_plans_framework(plan):
    AreaFactory(title="Area of another framework")
    form = ChapterForm(plan=plan)
    assert [a.title for a in form.fields["areas"].queryset] == ["Awareness-raising"]


def test_it_saves_the_chosen_tags(plan):
    chapter = ChapterFactory(plan=plan)
    area = plan.framework.areas.get()
    form = ChapterForm({"title": "Prevention", "areas": [area.pk]}, instance=chapter, plan=plan)
    assert form.is_valid(), form.errors
    form.save()
    assert list(chapter.areas.all()) == [area]


def test_it_refuses_a_tag_of_another_framework(plan):
    foreign = AreaFactory()
    form = ChapterForm({"title": "X", "areas": [foreign.pk]}, plan=plan)
    assert not form.is_valid()
    assert "areas" in form.errors


def test_a_plan_without_framework_has_no_tag_fields():
    form = ChapterForm(plan=PlanFactory(framework=None))
    assert "areas" not in form.fields


def test_a_goal_refers_only_to_its_own_plans_background_analysis(plan):
    from strategy.forms import StrategicGoalForm
    from tests.factories import SectionFactory

    own = SectionFactory(plan=plan, kind="background", title="Situation analysis")
    SectionFactory(plan=plan, kind="preamble", title="Preamble")
    SectionFactory(kind="background", title="Another plan's analysis")
    form = StrategicGoalForm(plan=plan)
    assert list(form.fields["background_sections"].queryset) == [own]
