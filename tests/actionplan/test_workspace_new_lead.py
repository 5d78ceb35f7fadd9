"""A lead body not yet listed is named on the activity form itself."""

import pytest
from django.urls import reverse

from actionplan.models import Activity
from strategy.models import Stakeholder
from tests.factories import PlanFactory, SpecificObjectiveFactory

# The tree calls these endpoints through htmx; test_workspace_plain.py sends plain requests.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("htmx")]


def _url(plan, objective):
    return reverse("actionplan:element_add", args=[plan.pk, "activity"]) + (
        f"?objective={objective.pk}"
    )


def _data(branch, **extra):
    return {"objective": branch.objective.pk, "code": "A9", "title": "Open a shelter", **extra}


def test_it_adds_the_new_body_to_the_plan_and_makes_it_the_lead(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, branch.objective),
        _data(branch, new_lead="  State  Migration   Service ", partners=[branch.ngo.pk]),
    )
    assert response.status_code == 200
    body = branch.plan.stakeholders.get(name="State Migration Service")
    assert body.order > branch.ngo.order
    activity = Activity.objects.get(code="A9")
    duties = {(r.stakeholder, r.role) for r in activity.responsibilities.all()}
    assert duties == {(body, "lead"), (branch.ngo, "partner")}
    assert "Lead: <b>State Migration Service</b>" in response.content.decode()


@pytest.mark.parametrize(
    ("new_lead", "message"),
    [
        ("clean world", "already has a stakeholder of this name"),
        ("<b>Police</b>", "plain text"),
    ],
)
def test_it_refuses_a_new_body_the_stakeholders_page_would_refuse(
    client, cast, branch, new_lead, message
):
    client.force_login(cast.coordinator)
    count = Stakeholder.objects.count()
    response = client.post(_url(branch.plan, branch.objective), _data(branch, new_lead=new_lead))
    assert response.status_code == 200  # the form again, its message beside the field
    assert message in " ".join(response.context["form"].errors["new_lead"])
    assert message in response.content.decode()
    assert Stakeholder.objects.count() == count
    assert not Activity.objects.filter(code="A9").exists()


def test_it_refuses_a_listed_lead_and_a_new_one_together(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, branch.objective),
        _data(branch, lead=branch.ngo.pk, new_lead="State Migration Service"),
    )
    assert response.status_code == 200
    assert "not both" in " ".join(response.context["form"].errors["new_lead"])
    assert not branch.plan.stakeholders.filter(name="State Migration Service").exists()


def test_it_says_where_bodies_come_from_when_the_plan_has_none(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    objective = SpecificObjectiveFactory(plan=plan, goal__plan=plan, goal__chapter__plan=plan)
    client.force_login(cast.coordinator)
    html = client.get(_url(plan, objective)).content.decode()
    link = f'<a href="{reverse("strategy:stakeholders", args=[plan.pk])}">'
    assert f"{link}Bodies come from the Stakeholders page</a>" in html
    assert "New lead body (not yet listed)" in html


def test_it_gives_no_hint_when_bodies_are_listed(client, cast, branch):
    client.force_login(cast.coordinator)
    html = client.get(_url(branch.plan, branch.objective)).content.decode()
    assert "Bodies come from the Stakeholders page" not in html
    assert "Clean World" in html


def test_it_refuses_a_reader_and_adds_no_body(client, cast, branch):
    client.force_login(cast.coordinator2)  # reads the plan only
    response = client.post(
        _url(branch.plan, branch.objective), _data(branch, new_lead="State Migration Service")
    )
    assert response.status_code == 403
    assert not Stakeholder.objects.filter(name="State Migration Service").exists()


def test_it_hides_the_plan_from_an_outsider(client, cast, branch):
    client.force_login(cast.outsider)
    response = client.post(
        _url(branch.plan, branch.objective), _data(branch, new_lead="State Migration Service")
    )
    assert response.status_code == 404


def test_it_refuses_a_wrong_method(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.put(_url(branch.plan, branch.objective))
    assert response.status_code == 405


def test_it_adds_new_partner_bodies_named_one_per_line(client, cast, branch):
    client.force_login(cast.coordinator)
    response = client.post(
        _url(branch.plan, branch.objective),
        _data(
            branch,
            lead=branch.ministry.pk,
            partners=[branch.ngo.pk],
            new_partners="State  Migration Service\n\n  Red Crescent \n",
        ),
    )
    assert response.status_code == 200
    activity = Activity.objects.get(code="A9")
    duties = {(r.stakeholder.name, r.role) for r in activity.responsibilities.all()}
    assert duties == {
        ("Ministry of Education", "lead"),
        ("Clean World", "partner"),
        ("State Migration Service", "partner"),
        ("Red Crescent", "partner"),
    }
    assert branch.plan.stakeholders.filter(name="Red Crescent").exists()
    assert "Partners: " in response.content.decode()


def test_it_offers_new_partner_bodies_on_the_form(client, cast, branch):
    client.force_login(cast.coordinator)
    html = client.get(_url(branch.plan, branch.objective)).content.decode()
    assert "New partner bodies (not yet listed)" in html


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"new_partners": "Red Crescent\nclean world"}, "clean world: The plan already has"),
        ({"new_partners": "Red Crescent\nred  crescent"}, "red crescent: named twice"),
        ({"new_partners": "<b>Police</b>"}, "plain text"),
        (
            {"new_lead": "State Migration Service", "new_partners": "state migration service"},
            "The new lead body cannot also be a partner",
        ),
        ({"new_partners": "\n".join(f"Body {n}" for n in range(21))}, "at most 20"),
    ],
)
def test_it_refuses_new_partner_bodies_it_cannot_list(client, cast, branch, extra, message):
    client.force_login(cast.coordinator)
    count = Stakeholder.objects.count()
    response = client.post(_url(branch.plan, branch.objective), _data(branch, **extra))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["new_partners"])
    assert Stakeholder.objects.count() == count
    assert not Activity.objects.filter(code="A9").exists()


def test_it_adds_new_partners_when_an_activity_is_edited(client, cast, branch):
    client.force_login(cast.coordinator)
    url = reverse("actionplan:element_edit", args=[branch.plan.pk, "activity", branch.activity.pk])
    response = client.post(
        url,
        {
            "objective": branch.objective.pk,
            "code": "A1",
            "title": branch.activity.title,
            "lead": branch.ministry.pk,
            "new_partners": "Red Crescent",
        },
    )
    assert response.status_code == 200
    duties = {(r.stakeholder.name, r.role) for r in branch.activity.responsibilities.all()}
    assert duties == {("Ministry of Education", "lead"), ("Red Crescent", "partner")}
