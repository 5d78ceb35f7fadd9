import pytest
from django.urls import reverse

from standards.services import framework_load
from tests.factories import AreaFactory, ComponentFactory, CriterionFactory, FrameworkFactory

pytestmark = pytest.mark.django_db


def _url(framework):
    return reverse("standards:framework_detail", args=[framework.code, framework.version])


def test_it_shows_components_areas_criteria_principles_and_groups(client, cast, small_yaml):
    framework = framework_load(document=small_yaml, source_name="tiny.yaml").framework
    client.force_login(cast.reviewer)
    response = client.get(_url(framework))
    assert response.status_code == 200
    content = response.content.decode()
    for text in (
        "Tiny guidelines",
        "Prevention",
        "Stop it before it starts.",
        "Awareness-raising",
        "Are there campaigns?",
        "кампани",
        "Human rights",
        "Are rights at the core?",
        "SMART indicators",
        "Is the indicator specific?",
    ):
        assert text in content, text


def test_its_query_count_does_not_grow_with_the_catalogue(
    client, cast, django_assert_max_num_queries
):
    framework = FrameworkFactory()
    for _ in range(5):
        component = ComponentFactory(framework=framework)
        for _ in range(4):
            area = AreaFactory(component=component)
            CriterionFactory.create_batch(3, framework=framework, area=area, group="")
    client.force_login(cast.coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(_url(framework))
    assert response.content.decode().count('data-testid="component"') == 5


def test_it_sends_anonymous_visitors_to_sign_in(client):
    assert client.get(_url(FrameworkFactory())).status_code == 302


def test_it_shows_the_phrases_of_each_criterion(client, cast):
    framework = FrameworkFactory(groups=[{"code": "IN", "title": "SMART indicators"}])
    CriterionFactory(
        framework=framework,
        code="IN.T",
        group="IN",
        keywords={"en": ["reporting period"], "ru": ["отчетный период"]},
    )
    client.force_login(cast.reviewer)
    content = client.get(_url(framework)).content.decode()
    assert "reporting period" in content and "отчетный период" in content
