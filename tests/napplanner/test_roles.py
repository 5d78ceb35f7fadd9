import pytest
from django.contrib.auth.models import Group

from napplanner.roles import COORDINATOR, REVIEWER, ROLES, STANDARDS_ADMIN, has_role, sync_roles

pytestmark = pytest.mark.django_db


def test_migrating_creates_the_three_roles():
    assert set(Group.objects.filter(name__in=ROLES).values_list("name", flat=True)) == set(ROLES)


def test_coordinators_change_plans_but_only_read_standards(cast):
    user = cast.coordinator
    assert user.has_perm("strategy.change_plan")
    assert user.has_perm("actionplan.add_activity")
    assert user.has_perm("standards.view_framework")
    assert not user.has_perm("standards.change_framework")
    assert not user.has_perm("assessment.add_review")


def test_reviewers_write_reviews(cast):
    assert cast.reviewer.has_perm("assessment.add_review")
    assert cast.reviewer.has_perm("assessment.change_finding")
    assert not cast.reviewer.has_perm("standards.add_criterion")


def test_standards_admins_manage_checklists_only(cast):
    user = cast.standards_admin
    assert user.has_perm("standards.add_criterion")
    assert user.has_perm("standards.delete_framework")
    assert not user.has_perm("strategy.change_plan")
    assert not user.has_perm("assessment.add_review")


def test_outsiders_have_no_permissions(cast):
    assert not cast.outsider.get_all_permissions()


def test_has_role_knows_the_groups(cast):
    assert has_role(cast.coordinator, COORDINATOR)
    assert not has_role(cast.coordinator, REVIEWER)
    assert has_role(cast.superuser, STANDARDS_ADMIN)


def test_syncing_twice_changes_nothing():
    before = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    sync_roles()
    after = {g.name: set(g.permissions.values_list("pk", flat=True)) for g in Group.objects.all()}
    assert before == after


def test_it_names_the_roles_in_the_navbar_in_a_fixed_order(client, cast):
    user = cast.reviewer
    user.groups.add(Group.objects.get(name=STANDARDS_ADMIN), Group.objects.get(name=COORDINATOR))
    client.force_login(user)
    html = client.get("/").content.decode()
    assert "rita-reviewer · coordinator · reviewer · standards admin</span>" in html
