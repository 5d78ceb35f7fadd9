"""Two editors on the plan's details, a section or a stakeholder (napplanner/concurrency.py)."""

import pytest
from django.urls import reverse

from strategy.models import Plan, Section, Stakeholder
from tests.concurrency import changed, editor, load, resolve
from tests.factories import PlanFactory, SectionFactory, StakeholderFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(cast):
    plan = PlanFactory(editors=[cast.coordinator, cast.coordinator2])
    SectionFactory(plan=plan, title="Preamble", body="The plan's preamble.")
    StakeholderFactory(plan=plan, name="Ministry of Interior", role="Leads the response.")
    return plan


@pytest.fixture
def two(cast):
    return editor(cast.coordinator), editor(cast.coordinator2)


def _details(plan):
    return plan, reverse("strategy:plan_details", args=[plan.pk])


def _section(plan):
    section = plan.sections.get()
    return section, reverse("strategy:section_edit", args=[plan.pk, section.pk])


def _stakeholder(plan):
    body = plan.stakeholders.get()
    return body, reverse("strategy:stakeholder_edit", args=[plan.pk, body.pk])


# Per form: the object and its URL, a field both change, a field only the second changes.
FORMS = [
    (_details, "title", "description"),
    (_section, "title", "body"),
    (_stakeholder, "name", "role"),
]


@pytest.mark.parametrize(("edited", "both", "only_second"), FORMS)
def test_it_refuses_a_stale_save_and_shows_both_values(plan, two, edited, both, only_second):
    first, second = two
    obj, url = edited(plan)
    form_first, form_second = load(first, url), load(second, url)
    assert first.post(url, changed(form_first, **{both: "Saved first by Alice"})).status_code == 302

    response = second.post(url, changed(form_second, **{both: "Typed by Carl"}))

    assert response.status_code == 409
    html = response.content.decode()
    assert "Saved first by Alice" in html and "Typed by Carl" in html
    assert "<h1" in html  # a page of its own: plain requests only here
    obj.refresh_from_db()
    assert getattr(obj, both) == "Saved first by Alice"


@pytest.mark.parametrize(("edited", "both", "only_second"), FORMS)
def test_it_merges_edits_of_different_fields(plan, two, edited, both, only_second):
    first, second = two
    obj, url = edited(plan)
    form_first, form_second = load(first, url), load(second, url)
    first.post(url, changed(form_first, **{both: "Saved first by Alice"}))

    response = second.post(url, changed(form_second, **{only_second: "Added by Carl"}), follow=True)

    assert "meanwhile; their change was kept" in response.content.decode()
    obj.refresh_from_db()
    assert (getattr(obj, both), getattr(obj, only_second)) == (
        "Saved first by Alice",
        "Added by Carl",
    )


def test_a_status_set_meanwhile_is_not_put_back_by_a_stale_details_form(plan, two):
    first, second = two
    url = reverse("strategy:plan_details", args=[plan.pk])
    form_second = load(second, url)
    first.post(reverse("strategy:plan_status_change", args=[plan.pk]), {"to": "adopted"})
    second.post(url, changed(form_second, legal_basis="Law on trafficking, art. 4"))
    plan.refresh_from_db()
    assert (plan.status, plan.legal_basis) == ("adopted", "Law on trafficking, art. 4")


@pytest.mark.parametrize(
    ("resolution", "choices", "expected"),
    [
        ("mine", {}, "Role typed by Carl"),
        ("theirs", {}, "Role saved by Alice"),
        ("choice", {"keep_role": "theirs"}, "Role saved by Alice"),
    ],
)
def test_the_conflict_view_saves_what_was_chosen(plan, two, resolution, choices, expected):
    first, second = two
    body, url = _stakeholder(plan)
    form_first, form_second = load(first, url), load(second, url)
    first.post(url, changed(form_first, role="Role saved by Alice"))
    conflict = second.post(url, changed(form_second, role="Role typed by Carl"))
    assert conflict.status_code == 409
    assert resolve(second, conflict, url, resolution, **choices).status_code == 302
    assert Stakeholder.objects.get(pk=body.pk).role == expected


@pytest.mark.parametrize(
    ("edited", "model", "typed"),
    [
        (_section, Section, {"body": "A long text"}),
        (_stakeholder, Stakeholder, {"role": "Its role"}),
    ],
)
def test_it_answers_an_object_deleted_meanwhile_with_what_was_typed(
    plan, two, edited, model, typed
):
    first, _ = two
    obj, url = edited(plan)
    form = load(first, url)
    model.objects.filter(pk=obj.pk).delete()

    response = first.post(url, changed(form, **typed))

    assert response.status_code == 409
    html = response.content.decode()
    assert "was deleted meanwhile" in html
    assert f">{next(iter(typed.values()))}</textarea>" in html


def test_an_object_of_a_plan_the_user_may_not_see_stays_a_404(plan, cast):
    other = PlanFactory(editors=[cast.coordinator2])
    section = SectionFactory(plan=other)
    outsider = editor(cast.coordinator)
    url = reverse("strategy:section_edit", args=[plan.pk, section.pk])
    assert outsider.post(url, {"title": "x"}).status_code == 404
    assert Plan.objects.filter(pk=other.pk).exists()
