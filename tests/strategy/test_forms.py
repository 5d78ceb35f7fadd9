import pytest

from strategy.forms import ChapterForm
from tests.factories import (
    AreaFactory,
    ChapterFactory,
    ComponentFactory,
    FrameworkFactory,
    PlanFactory,
    PrincipleFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def framework():
    framework = FrameworkFactory()
    for title in ("Prevention", "Protection"):
        component = ComponentFactory(framework=framework, title=title)
        AreaFactory(component=component, title=f"{title} area one")
        AreaFactory(component=component, title=f"{title} area two")
    PrincipleFactory(framework=framework, title="Human rights")
    return framework


def test_it_offers_only_the_tags_of_the_plans_framework_grouped_by_component(framework):
    AreaFactory(title="Foreign area")
    form = ChapterForm(plan=PlanFactory(framework=framework))
    groups = form.area_groups()
    assert [component.title for component, _ in groups] == ["Prevention", "Protection"]
    assert [len(boxes) for _, boxes in groups] == [2, 2]
    assert "Foreign area" not in str(form["areas"])
    assert form.fields["principles"].queryset.get().title == "Human rights"


def test_it_saves_the_chosen_tags(framework):
    plan = PlanFactory(framework=framework)
    chapter = ChapterFactory(plan=plan)
    area = framework.areas.first()
    form = ChapterForm(
        {"title": "Prevention", "components": [area.component_id], "areas": [area.pk]},
        instance=chapter,
        plan=plan,
    )
    assert form.is_valid(), form.errors
    form.save()
    assert list(chapter.areas.all()) == [area]


def test_it_refuses_a_tag_of_another_framework(framework):
    plan = PlanFactory(framework=framework)
    foreign = AreaFactory()
    form = ChapterForm({"title": "X", "areas": [foreign.pk]}, plan=plan)
    assert not form.is_valid()
    assert "Choose only tags of the plan's framework" in form.errors["areas"][0]
