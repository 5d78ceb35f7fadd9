"""Two editors on the same workspace element: a stale form never overwrites a newer save.
See napplanner/concurrency.py; the other edit forms are tested the same way in
tests/strategy/ and tests/assessment/ (test_concurrent_edits.py)."""

import json

import pytest
from django.db import IntegrityError
from django.urls import reverse

from actionplan.forms import BudgetLineForm
from actionplan.models import Activity, BudgetLine
from napplanner.concurrency import ObjectGone, form_save
from strategy.models import PlanMembership
from tests.concurrency import changed, editor, load, resolve, workspace_edit_url
from tests.factories import StakeholderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two(branch, cast):
    """The branch's editor and a second editor of the same plan."""
    PlanMembership.objects.filter(plan=branch.plan, user=cast.coordinator2).update(
        role=PlanMembership.Role.EDITOR
    )
    branch.police = StakeholderFactory(plan=branch.plan, name="State Police")
    return editor(cast.coordinator), editor(cast.coordinator2)


# Per kind: the element, a field both change, and a field only the second one changes.
# A value is text, or the name of one of the branch's bodies.
KINDS = [
    ("chapter", "chapter", "title", "description"),
    ("goal", "goal", "title", "rationale"),
    ("objective", "objective", "title", "description"),
    ("output", "output", "title", "description"),
    ("activity", "activity", "title", "description"),
    ("subactivity", "sub", "title", "description"),
    ("responsibility", "lead", "stakeholder", "role"),
    ("budgetline", "line", "description", "donor_name"),
    ("indicator", "indicator", "definition", "unit"),
]
BODIES = {"stakeholder": ("ngo", "police")}
OTHER = {"role": "partner"}


def _values(branch, name: str) -> tuple[str, str]:
    if name in BODIES:
        return tuple(str(getattr(branch, body).pk) for body in BODIES[name])
    return "Saved first by Alice", "Typed by Carl on a stale form"


def _stored(obj, name: str) -> str:
    obj.refresh_from_db()
    value = getattr(obj, f"{name}_id" if name in BODIES else name)
    return str(value)


@pytest.mark.parametrize(("slug", "attr", "both", "only_second"), KINDS)
def test_it_refuses_a_stale_save_and_shows_both_values(branch, two, slug, attr, both, only_second):
    first, second = two
    obj = getattr(branch, attr)
    url = workspace_edit_url(branch.plan, slug, obj.pk)
    form_first, form_second = load(first, url, url), load(second, url, url)
    theirs, mine = _values(branch, both)
    assert first.post(url, changed(form_first, **{both: theirs})).status_code == 302

    response = second.post(url, changed(form_second, **{both: mine}))

    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone else saved this meanwhile" in html
    assert f'data-testid="conflict-{both}"' in html
    if both not in BODIES:
        assert theirs in html and mine in html
    else:
        assert "Clean World" in html and "State Police" in html  # the bodies' names
    assert _stored(obj, both) == theirs  # the first save stands


@pytest.mark.parametrize(("slug", "attr", "both", "only_second"), KINDS)
def test_it_merges_edits_of_different_fields(branch, two, slug, attr, both, only_second):
    first, second = two
    obj = getattr(branch, attr)
    url = workspace_edit_url(branch.plan, slug, obj.pk)
    form_first, form_second = load(first, url, url), load(second, url, url)
    theirs, _ = _values(branch, both)
    other = OTHER.get(only_second, "Added by Carl")
    first.post(url, changed(form_first, **{both: theirs}))

    response = second.post(url, changed(form_second, **{only_second: other}), follow=True)

    assert response.status_code == 200
    assert "meanwhile; their change was kept" in response.content.decode()
    assert _stored(obj, both) == theirs
    assert _stored(obj, only_second) == other


@pytest.fixture
def conflict(branch, two):
    """Both change the activity's title and description; the first also its timeframe
    as written, the second its resources as written. The second's save is refused."""
    first, second = two
    url = workspace_edit_url(branch.plan, "activity", branch.activity.pk)
    form_first, form_second = load(first, url, url), load(second, url, url)
    first.post(
        url,
        changed(
            form_first,
            title="Title by Alice",
            description="Description by Alice",
            timeframe_as_written="2020 by Alice",
        ),
    )
    response = second.post(
        url,
        changed(
            form_second,
            title="Title by Carl",
            description="Description by Carl",
            resources_as_written="Donors, by Carl",
        ),
    )
    assert response.status_code == 409
    return second, url, response


@pytest.mark.parametrize(
    ("resolution", "choices", "title", "description"),
    [
        ("mine", {}, "Title by Carl", "Description by Carl"),
        ("theirs", {}, "Title by Alice", "Description by Alice"),
        ("choice", {"keep_title": "theirs"}, "Title by Alice", "Description by Carl"),
    ],
)
def test_the_conflict_view_saves_what_was_chosen(
    branch, conflict, resolution, choices, title, description
):
    second, url, response = conflict
    assert resolve(second, response, url, resolution, **choices).status_code == 302
    activity = Activity.objects.get(pk=branch.activity.pk)
    assert (activity.title, activity.description) == (title, description)
    # Nothing else is lost either way: each one's change to a field only they changed.
    assert activity.timeframe_as_written == "2020 by Alice"
    assert activity.resources_as_written == "Donors, by Carl"
    assert [d.stakeholder for d in activity.responsibilities.all()] == [branch.ministry]


def test_the_conflict_view_conflicts_again_with_a_third_save(branch, conflict, cast):
    second, url, response = conflict
    third = editor(cast.coordinator)
    third.post(url, changed(load(third, url, url), title="Title by Alice, again"))
    again = resolve(second, response, url, "mine")
    assert again.status_code == 409
    assert "Title by Alice, again" in again.content.decode()
    assert Activity.objects.get(pk=branch.activity.pk).title == "Title by Alice, again"


def test_it_answers_htmx_with_the_conflict_in_place_of_the_form(branch, conflict):
    second, url, _ = conflict
    stale = load(second, url, url)
    response = second.post(url, changed(stale, title="Another stale title"))  # now current
    assert response.status_code == 302
    form = load(second, url, url)
    branch.activity.title = "Changed behind the form"
    branch.activity.save()
    response = second.post(url, changed(form, title="Mine"), HTTP_HX_REQUEST="true")
    assert response.status_code == 409
    html = response.content.decode()
    target = f"activity-{branch.activity.pk}-head"
    assert html.lstrip().startswith("<div") and f'id="{target}"' in html
    assert f'hx-target="#{target}"' in html and "<html" not in html
    element = reverse("actionplan:element", args=[branch.plan.pk, "activity", branch.activity.pk])
    assert f'hx-get="{element}"' in html  # Cancel brings the element back in place


def test_it_answers_an_element_deleted_meanwhile_with_what_was_typed(branch, two):
    first, second = two
    url = workspace_edit_url(branch.plan, "subactivity", branch.sub.pk)
    form = load(first, url, url)
    delete = reverse(
        "actionplan:element_delete", args=[branch.plan.pk, "activity", branch.activity.pk]
    )
    assert second.post(delete).status_code == 302

    response = first.post(url, changed(form, title="Text I typed for an hour"))

    assert response.status_code == 409
    html = response.content.decode()
    assert "was deleted meanwhile" in html
    assert ">Text I typed for an hour</textarea>" in html


def test_it_answers_a_new_element_whose_parent_was_deleted_with_what_was_typed(branch, two):
    first, second = two
    url = reverse("actionplan:element_add", args=[branch.plan.pk, "budgetline"])
    url += f"?activity={branch.activity.pk}"
    form = load(first, url, url)
    Activity.objects.filter(pk=branch.activity.pk).delete()

    response = first.post(url, changed(form, amount="1200", description="Printing leaflets"))

    assert response.status_code == 409
    assert ">Printing leaflets</textarea>" in response.content.decode()


def test_it_refuses_an_altered_version(branch, two):
    first, _ = two
    url = workspace_edit_url(branch.plan, "activity", branch.activity.pk)
    form = load(first, url, url)
    assert first.post(url, changed(form, loaded_version="forged")).status_code == 400


def test_the_edit_form_carries_the_version_it_was_loaded_at(branch, two):
    first, _ = two
    url = workspace_edit_url(branch.plan, "indicator", branch.indicator.pk)
    assert load(first, url, url, HTTP_HX_REQUEST="true")["loaded_version"][0]


def test_an_amount_or_text_sent_back_as_loaded_is_not_a_change(branch, two):
    """A browser sends 25000 for 25000.00, and line ends as CR LF: neither is an edit."""
    first, second = two
    branch.line.description = "Printing\nand binding"
    branch.line.save()
    url = workspace_edit_url(branch.plan, "budgetline", branch.line.pk)
    form_first, form_second = load(first, url, url), load(second, url, url)
    first.post(url, changed(form_first, amount="30000", description="Printing only"))

    response = second.post(
        url,
        changed(
            form_second, amount="25000", description="Printing\r\nand binding", donor_name="EU"
        ),
    )

    assert response.status_code == 302
    branch.line.refresh_from_db()
    assert (str(branch.line.amount), branch.line.description) == ("30000.00", "Printing only")
    assert branch.line.donor_name == "EU"


def test_a_move_meanwhile_is_not_put_back_by_a_stale_form(branch, two):
    first, second = two
    url = workspace_edit_url(branch.plan, "output", branch.output.pk)
    form = load(first, url, url)
    type(branch.output).objects.filter(pk=branch.output.pk).update(order=7)
    first.post(url, changed(form, title="Renamed"))
    branch.output.refresh_from_db()
    assert (branch.output.title, branch.output.order) == ("Renamed", 7)


def test_a_parent_deleted_between_the_check_and_the_commit_is_no_server_error(branch):
    """The commit fails on the foreign key (PostgreSQL checks it then): it is answered as a
    deleted parent, with what was typed, not as a server error."""
    line = BudgetLine(activity_id=branch.activity.pk)
    data = {"description": "Interpreters", "amount": "900", "currency": "EUR",
            "source": "state", "status": "secured"}  # fmt: skip
    form = BudgetLineForm(data, instance=line, plan=branch.plan)
    Activity.objects.filter(pk=branch.activity.pk).delete()  # in another transaction

    def save():
        raise IntegrityError("FOREIGN KEY constraint failed")  # as the commit would

    with pytest.raises(ObjectGone) as gone:
        form_save(form, save=save)
    assert ("Description", "Interpreters") in gone.value.typed()


def test_it_says_in_place_what_someone_else_changed_meanwhile(branch, two):
    first, second = two
    url = workspace_edit_url(branch.plan, "objective", branch.objective.pk)
    form_first, form_second = load(first, url, url), load(second, url, url)
    first.post(url, changed(form_first, title="Objective by Alice"))

    response = second.post(
        url, changed(form_second, description="Said by Carl"), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    focus = json.loads(response["HX-Trigger-After-Settle"])["nap:focus"]
    assert focus["said"] == "Saved. Someone else changed Title meanwhile; their change was kept."
