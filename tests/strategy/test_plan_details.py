import pytest
from django.urls import reverse

from strategy.models import PlanMembership, PlanStatus
from tests.factories import ComponentFactory, PlanFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _url(plan):
    return reverse("strategy:plan_details", args=[plan.pk])


def _data(plan, **extra):
    return {
        "country": plan.country,
        "title": plan.title,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "status": plan.status,
        **extra,
    }


def test_it_shows_an_editor_the_form_sections_and_members(client, cast):
    plan = PlanFactory(editors=[cast.coordinator], title="NAP <2019>")
    SectionFactory(plan=plan, title="Preamble", kind="preamble")
    client.force_login(cast.coordinator)
    response = client.get(_url(plan))
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="plan-details-form"' in html
    assert "Preamble" in html and "alice-coordinator" in html
    assert "NAP &lt;2019&gt;" in html
    assert reverse("actionplan:timeline", args=[plan.pk]) in html


def test_it_saves_the_plan_details_but_not_a_status_typed_in(client, cast):
    plan = PlanFactory(editors=[cast.coordinator], status=PlanStatus.DRAFT)
    client.force_login(cast.coordinator)
    response = client.post(
        _url(plan), _data(plan, adoption_reference="Decree No. 298", status="adopted")
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.adoption_reference == "Decree No. 298"
    assert plan.status == PlanStatus.DRAFT  # a move of its lifecycle changes it


def test_it_shows_a_reader_the_details_without_a_form(client, cast):
    plan = PlanFactory(coordinating_body="State Commission")
    PlanMembership.objects.create(plan=plan, user=cast.coordinator2, role="reader")
    client.force_login(cast.coordinator2)
    html = client.get(_url(plan)).content.decode()
    assert "State Commission" in html
    assert "plan-details-form" not in html and "Add a section" not in html


def test_it_keeps_the_stored_plan_when_the_input_is_bad(client, cast):
    plan = PlanFactory(editors=[cast.coordinator], period_start=2019, period_end=2023)
    client.force_login(cast.coordinator)
    response = client.post(_url(plan), _data(plan, period_end=2015, title="<i>x</i>"))
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert "The period cannot end before it starts." in errors["period_end"]
    assert "plain text only" in errors["title"][0]
    plan.refresh_from_db()
    assert (plan.period_end, plan.title.startswith("National")) == (2023, True)


def test_it_refuses_itself_or_a_hidden_plan_as_previous_plan(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    hidden = PlanFactory(editors=[cast.coordinator2])
    client.force_login(cast.coordinator)
    for previous in (plan, hidden):
        response = client.post(_url(plan), _data(plan, previous_plan=previous.pk))
        assert response.context["form"].errors["previous_plan"] == [
            "Choose one of the plans you can see."
        ]
    plan.refresh_from_db()
    assert plan.previous_plan is None


@pytest.mark.parametrize("sections", [2, 40])
def test_it_needs_the_same_number_of_queries_for_any_number_of_sections(
    client, cast, django_assert_max_num_queries, sections
):
    plan = PlanFactory(editors=[cast.coordinator])
    for _ in range(sections):
        SectionFactory(plan=plan, kind="background", component=ComponentFactory())
    client.force_login(cast.coordinator)
    with django_assert_max_num_queries(12):
        response = client.get(_url(plan))
    assert response.content.decode().count('data-testid="section"') == sections


def test_it_records_what_the_plans_source_does_not_include(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    client.force_login(cast.coordinator)
    assert 'value="activities"' in client.get(_url(plan)).content.decode()
    response = client.post(_url(plan), _data(plan, not_in_source=["activities", "budget"]))
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.not_in_source == ["activities", "budget"]
