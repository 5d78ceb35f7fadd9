import pytest
from django.urls import reverse

from strategy.models import PlanMembership
from tests.factories import PlanFactory

pytestmark = pytest.mark.django_db


def _add(plan):
    return reverse("strategy:membership_create", args=[plan.pk])


def test_it_adds_a_reader_and_an_editor_by_username(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    client.force_login(cast.coordinator)
    assert (
        client.post(_add(plan), {"username": "oscar-outsider", "role": "reader"}).status_code == 302
    )
    assert (
        client.post(_add(plan), {"username": "carl-coordinator", "role": "editor"}).status_code
        == 302
    )
    roles = dict(plan.memberships.values_list("user__username", "role"))
    assert roles == {
        "alice-coordinator": "editor",
        "oscar-outsider": "reader",
        "carl-coordinator": "editor",
    }


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"username": "nobody"}, "username", "cannot be given that role"),
        ({"username": "alice-coordinator"}, "username", "already a member"),
        ({"username": "oscar-outsider", "role": "editor"}, "username", "cannot be given"),
        ({"username": "carl-coordinator", "role": "owner"}, "role", "valid choice"),
        ({"username": "cora-consultee", "role": "consultee"}, "organisation", "Name the"),
    ],
)
def test_it_refuses_bad_input(client, cast, data, field, message):
    plan = PlanFactory(editors=[cast.coordinator])
    client.force_login(cast.coordinator)
    response = client.post(_add(plan), {"role": "reader", **data})
    assert response.status_code == 422
    assert message in " ".join(response.context["member_form"].errors[field])
    assert plan.memberships.count() == 1


def test_it_adds_a_consultee_with_the_organisation_it_speaks_for(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    client.force_login(cast.coordinator)
    data = {"username": "cora-consultee", "role": "consultee", "organisation": " La Strada "}
    assert client.post(_add(plan), data).status_code == 302
    membership = plan.memberships.get(user=cast.consultee)
    assert (membership.role, membership.organisation) == ("consultee", "La Strada")
    html = client.get(reverse("strategy:plan_details", args=[plan.pk])).content.decode()
    assert "La Strada" in html


def test_it_keeps_no_organisation_for_a_reader(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    client.force_login(cast.coordinator)
    data = {"username": "oscar-outsider", "role": "reader", "organisation": "Ignored"}
    assert client.post(_add(plan), data).status_code == 302
    assert plan.memberships.get(user=cast.outsider).organisation == ""


def test_it_answers_alike_for_an_unknown_name_and_an_account_that_may_not_edit(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    client.force_login(cast.coordinator)
    unknown = client.post(_add(plan), {"username": "nobody", "role": "editor"})
    existing = client.post(_add(plan), {"username": "oscar-outsider", "role": "editor"})
    assert unknown.status_code == existing.status_code == 422
    assert unknown.context["member_form"].errors == existing.context["member_form"].errors


def test_it_removes_a_member_but_never_the_last_editor(client, cast):
    plan = PlanFactory(editors=[cast.coordinator])
    reader = PlanMembership.objects.create(plan=plan, user=cast.outsider, role="reader")
    client.force_login(cast.coordinator)
    url = reverse("strategy:membership_delete", args=[plan.pk, reader.pk])
    assert client.post(url).status_code == 302
    mine = plan.memberships.get()
    response = client.post(
        reverse("strategy:membership_delete", args=[plan.pk, mine.pk]), follow=True
    )
    assert b"must keep at least one editor" in response.content
    assert plan.memberships.get() == mine
