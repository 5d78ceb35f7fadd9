import pytest
from django.urls import reverse

from strategy.models import Section
from tests.factories import (
    ComponentFactory,
    FrameworkFactory,
    PlanFactory,
    SectionFactory,
    StrategicGoalFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(cast):
    framework = FrameworkFactory()
    return PlanFactory(editors=[cast.coordinator], framework=framework)


def _titles(plan):
    return list(plan.sections.order_by("order").values_list("title", flat=True))


def test_it_adds_a_background_section_naming_its_component(client, cast, plan):
    component = ComponentFactory(framework=plan.framework, title="Prevention")
    SectionFactory(plan=plan, title="Preamble", order=4)
    client.force_login(cast.coordinator)
    url = reverse("strategy:section_create", args=[plan.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"kind": "background", "component": component.pk, "title": "Prevention today", "body": "…"},
    )
    assert response.status_code == 302
    section = plan.sections.get(title="Prevention today")
    assert section.component == component
    assert _titles(plan) == ["Preamble", "Prevention today"]


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"kind": "preamble", "component": "own"}, "component", "Only a background analysis"),
        ({"kind": "background", "component": "foreign"}, "component", "plan's framework"),
        ({"body": "<img src=x onerror=alert(1)>"}, "body", "plain text only"),
        ({"title": ""}, "title", "required"),
    ],
)
def test_it_refuses_bad_input(client, cast, plan, data, field, message):
    components = {
        "own": ComponentFactory(framework=plan.framework).pk,
        "foreign": ComponentFactory().pk,
    }
    if "component" in data:
        data["component"] = components[data["component"]]
    client.force_login(cast.coordinator)
    response = client.post(
        reverse("strategy:section_create", args=[plan.pk]),
        {"kind": "other", "title": "A section", "body": "", **data},
    )
    assert response.status_code == 422
    assert message in " ".join(response.context["form"].errors[field])
    assert not plan.sections.exists()


def test_it_edits_a_section(client, cast, plan):
    section = SectionFactory(plan=plan, title="Old")
    client.force_login(cast.coordinator)
    url = reverse("strategy:section_edit", args=[plan.pk, section.pk])
    response = client.post(url, {"kind": "funding", "title": "Funding", "body": "State budget"})
    assert response.status_code == 302
    section.refresh_from_db()
    assert (section.kind, section.title) == ("funding", "Funding")


def test_it_asks_before_deleting_and_says_what_goes_with_it(client, cast, plan):
    section = SectionFactory(plan=plan, title="Background")
    StrategicGoalFactory(plan=plan, chapter__plan=plan).background_sections.add(section)
    client.force_login(cast.coordinator)
    url = reverse("strategy:section_delete", args=[plan.pk, section.pk])
    response = client.get(url)
    assert b"1 strategic goal loses its link to it." in response.content
    assert client.post(url).status_code == 302
    assert not Section.objects.filter(pk=section.pk).exists()


def test_it_moves_a_section_and_answers_htmx_with_the_list(client, cast, plan):
    SectionFactory(plan=plan, title="First", order=1)
    second = SectionFactory(plan=plan, title="Second", order=2)
    client.force_login(cast.coordinator)
    url = reverse("strategy:section_move", args=[plan.pk, second.pk])
    response = client.post(url, {"direction": "up"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert response.content.decode().lstrip().startswith('<div id="section-list">')
    assert _titles(plan) == ["Second", "First"]
    assert client.post(url, {"direction": "down"}).status_code == 302
    assert _titles(plan) == ["First", "Second"]
    assert client.post(url, {"direction": "sideways"}).status_code == 400
