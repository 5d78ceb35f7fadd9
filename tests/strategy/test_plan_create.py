import pytest
from django.urls import reverse

from actionplan.models import Activity
from strategy.models import Plan, PlanStatus
from tests.factories import (
    ActivityFactory,
    ComponentFactory,
    FrameworkFactory,
    PlanFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("strategy:plan_create")


def _data(**extra):
    return {
        "start": "blank",
        "country": "Utopia",
        "title": "National Action Plan 2024–2028",
        "period_start": "2024",
        "period_end": "2028",
        "status": "draft",
        **extra,
    }


def test_it_creates_a_blank_plan_with_its_creator_as_editor(client, cast):
    client.force_login(cast.coordinator)
    response = client.post(URL, _data(coordinating_body="National Coordinator"))
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("actionplan:workspace", args=[plan.pk])
    assert plan.coordinating_body == "National Coordinator"
    assert plan.memberships.get().user == cast.coordinator
    assert plan.memberships.get().role == "editor"


def test_it_starts_from_the_framework_template(client, cast):
    framework = FrameworkFactory()
    ComponentFactory(framework=framework, title="Prevention")
    client.force_login(cast.coordinator)
    client.post(URL, _data(start="template", framework=framework.pk))
    plan = Plan.objects.get()
    assert list(plan.chapters.values_list("title", flat=True)) == ["Prevention"]
    assert plan.sections.filter(kind="background").count() == 1


def test_it_copies_an_earlier_plan_the_user_can_see(client, cast):
    earlier = PlanFactory(
        period_start=2014,
        period_end=2018,
        editors=[cast.coordinator],
        legal_basis="Law on Combating Trafficking in Persons (2005)",
    )
    ActivityFactory(plan=earlier, objective__goal__chapter__plan=earlier, title="Hotline")
    client.force_login(cast.coordinator)
    response = client.post(
        URL, _data(start="copy", source_plan=earlier.pk, period_start=2019, period_end=2023)
    )
    assert response.status_code == 302
    plan = Plan.objects.exclude(pk=earlier.pk).get()
    assert plan.previous_plan == earlier
    assert plan.title == "National Action Plan 2024–2028"
    assert Activity.objects.get(plan=plan).title == "Hotline"
    assert plan.legal_basis == earlier.legal_basis  # left blank in the form: taken over


def test_it_lets_a_reviewer_create_a_plan(client, cast):
    client.force_login(cast.reviewer)
    assert client.post(URL, _data()).status_code == 302
    assert Plan.objects.get().memberships.get().user == cast.reviewer


def test_it_shows_the_form_with_current_frameworks_only(client, cast):
    old = FrameworkFactory(code="icmpd", version="2006", is_current=False)
    new = FrameworkFactory(code="icmpd", version="2024", is_current=True)
    client.force_login(cast.coordinator)
    response = client.get(URL)
    assert response.status_code == 200
    assert list(response.context["form"].fields["framework"].queryset) == [new]
    assert old not in response.context["form"].fields["framework"].queryset


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"period_start": "2028", "period_end": "2024"}, "period_end", "cannot end before"),
        ({"period_start": "1850"}, "period_start", "from 1990 to 2100"),
        ({"period_end": "20288"}, "period_end", "from 1990 to 2100"),
        ({"period_start": "next year"}, "period_start", "four digits"),
        ({"title": "<script>alert(1)</script>"}, "title", "plain text only"),
        ({"coordinating_body": "<b>Ministry</b>"}, "coordinating_body", "plain text only"),
        ({"start": "template"}, "framework", "Choose the framework"),
        ({"start": "copy"}, "source_plan", "Choose the plan to copy"),
    ],
)
def test_it_refuses_bad_input_with_a_message_on_the_field(client, cast, data, field, message):
    client.force_login(cast.coordinator)
    response = client.post(URL, _data(**data))
    assert response.status_code == 422
    errors = response.context["form"].errors
    assert message in " ".join(errors[field])
    assert not Plan.objects.exists()


def test_it_shows_rejected_markup_escaped(client, cast):
    client.force_login(cast.coordinator)
    response = client.post(URL, _data(title="<script>alert(1)</script>"))
    assert b"<script>alert(1)" not in response.content
    assert b"&lt;script&gt;alert(1)&lt;/script&gt;" in response.content


@pytest.mark.parametrize("field", ["previous_plan", "source_plan"])
def test_it_refuses_a_plan_the_user_may_not_see(client, cast, field):
    hidden = PlanFactory(editors=[cast.coordinator2], status=PlanStatus.DRAFT)
    client.force_login(cast.coordinator)
    response = client.post(URL, _data(start="copy", **{field: hidden.pk}))
    assert "Choose one of the plans you can see." in response.context["form"].errors[field]
    assert Plan.objects.count() == 1


def test_it_follows_the_current_standard_when_the_model_structure_names_no_framework(client, cast):
    FrameworkFactory(code="icmpd-2006", version="2006", is_current=False)
    current = FrameworkFactory(code="icmpd-2006", version="2025", is_current=True)
    FrameworkFactory(code="other-standard", version="1", is_current=True)
    ComponentFactory(framework=current, title="Prosecution")
    client.force_login(cast.coordinator)
    response = client.post(URL, _data(start="template"))
    plan = Plan.objects.get()
    assert response.status_code == 302
    assert plan.framework == current
    assert list(plan.chapters.values_list("title", flat=True)) == ["Prosecution"]


def test_it_preselects_the_current_standard_on_the_form(client, cast):
    FrameworkFactory(code="other-standard", version="1", is_current=True)
    current = FrameworkFactory(code="icmpd-2006", version="2025", is_current=True)
    client.force_login(cast.coordinator)
    response = client.get(URL)
    assert response.context["form"]["framework"].value() == current.pk
    assert f'<option value="{current.pk}" selected' in response.content.decode()


def test_it_asks_for_a_framework_when_several_are_installed_and_none_is_the_default(client, cast):
    FrameworkFactory(code="one-standard", is_current=True)
    FrameworkFactory(code="another-standard", is_current=True)
    client.force_login(cast.coordinator)
    response = client.post(URL, _data(start="template"))
    assert response.status_code == 422
    assert "Choose the framework" in " ".join(response.context["form"].errors["framework"])


def test_it_marks_the_plan_to_copy_as_shown_only_when_copying(client, cast):
    client.force_login(cast.coordinator)
    page = client.get(URL).content.decode()
    wrapper = page.index('data-shown-when="start=copy"')
    assert wrapper < page.index('name="source_plan"') < page.index("</div>", wrapper) + 2000
    assert 'value="copy"' in page
