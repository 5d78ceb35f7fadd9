"""The history of a plan: who changed what and when, field by field; restoring from it."""

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actionplan.exchange.json_export import plan_export_json
from actionplan.exchange.json_import import plan_import_json
from actionplan.models import Activity, BudgetLine, Indicator, Output, Responsibility
from strategy.history_models import PlanEvent
from strategy.services import element_save, plan_copy
from tests.factories import ActivityFactory, AreaFactory, FrameworkFactory, SectionFactory

pytestmark = pytest.mark.django_db


def _history(client, plan, **params):
    response = client.get(reverse("actionplan:plan_history", args=[plan.pk]), params)
    assert response.status_code == 200
    return response


def _edit(client, branch, **fields):
    url = reverse("actionplan:element_edit", args=[branch.plan.pk, "activity", branch.activity.pk])
    data = {
        "objective": branch.objective.pk,
        "code": "A1",
        "title": branch.activity.title,
        "lead": branch.ministry.pk,
    }
    return client.post(url, {**data, **fields})


def test_it_lists_who_changed_which_field_of_an_activity_from_what_to_what(client, cast, branch):
    client.force_login(cast.coordinator)
    old_title = branch.activity.title
    _edit(client, branch, title="Train teachers & judges")
    response = _history(client, branch.plan)
    entry = response.context["entries"][0]
    assert entry.history_user == cast.coordinator
    assert entry.kind == "activity" and entry.action == "changed"
    changes = {c.label: (c.old, c.new) for c in entry.changes}
    assert changes["Title"] == (old_title, "Train teachers & judges")
    assert "Train teachers &amp; judges" in response.content.decode()  # escaped


def test_it_records_a_change_of_tags(client, cast, branch):
    framework = FrameworkFactory()
    branch.plan.framework = framework
    branch.plan.save()
    area = AreaFactory(framework=framework, component__framework=framework, code="P.1")
    client.force_login(cast.coordinator)
    _edit(client, branch, areas=[area.pk])
    entry = _history(client, branch.plan).context["entries"][0]
    changes = {c.label: (c.old, c.new) for c in entry.changes}
    assert changes["Areas"] == ("—", str(area))


def test_it_shows_a_readers_the_history_but_no_restore(client, cast, branch):
    client.force_login(cast.coordinator2)  # reads the plan
    response = _history(client, branch.plan)
    assert response.context["entries"]
    assert 'data-testid="restore-version"' not in response.content.decode()


def test_it_deletes_an_output_and_restores_it_with_its_indicators_and_activities(
    client, cast, branch
):
    branch.activity.output = branch.output
    branch.activity.save()
    Indicator.objects.create(plan=branch.plan, output=branch.output, definition="Manuals made")
    client.force_login(cast.coordinator)
    delete = reverse("actionplan:element_delete", args=[branch.plan.pk, "output", branch.output.pk])
    client.post(delete)
    assert not Output.objects.filter(pk=branch.output.pk).exists()
    branch.activity.refresh_from_db()
    assert branch.activity.output is None

    entries = _history(client, branch.plan).context["entries"]
    deletion = entries[0]
    assert deletion.event.kind == PlanEvent.Kind.DELETE
    assert "1 indicator" in deletion.counts
    restore = reverse("actionplan:deletion_restore", args=[branch.plan.pk, deletion.event.pk])
    response = client.post(restore)
    assert response.status_code == 302
    output = Output.objects.get(pk=branch.output.pk)
    assert output.indicators.get().definition == "Manuals made"
    branch.activity.refresh_from_db()
    assert branch.activity.output == output
    entries = _history(client, branch.plan).context["entries"]
    assert entries[0].event.kind == PlanEvent.Kind.RESTORE
    assert len([e for e in entries[:2] if getattr(e, "event", None)]) == 2
    assert client.post(restore).status_code == 302  # a second restore is refused
    assert Output.objects.filter(pk=branch.output.pk).count() == 1


def test_it_restores_a_deleted_activity_with_its_bodies_budget_and_indicators(client, cast, branch):
    client.force_login(cast.coordinator)
    pk = branch.activity.pk
    client.post(reverse("actionplan:element_delete", args=[branch.plan.pk, "activity", pk]))
    assert not Activity.objects.filter(pk=pk).exists()
    event = PlanEvent.objects.get(plan=branch.plan, kind=PlanEvent.Kind.DELETE)
    client.post(reverse("actionplan:deletion_restore", args=[branch.plan.pk, event.pk]))
    activity = Activity.objects.get(pk=pk)
    assert activity.sub_activities.count() == 1
    assert Responsibility.objects.get(activity=activity).stakeholder == branch.ministry
    assert BudgetLine.objects.filter(activity=activity).count() == 1
    assert activity.indicators.count() == 1


def test_it_restores_an_earlier_version_of_an_activity(client, cast, branch):
    client.force_login(cast.coordinator)
    old_title = branch.activity.title
    _edit(client, branch, title="A new title")
    entry = _history(client, branch.plan, kind="activity").context["entries"][1]
    assert entry.record.title == old_title
    url = reverse(
        "actionplan:version_restore", args=[branch.plan.pk, "activity", entry.record.history_id]
    )
    client.post(url)
    branch.activity.refresh_from_db()
    assert branch.activity.title == old_title
    assert _history(client, branch.plan).context["entries"][0].event.kind == "restore"


def test_it_shows_an_import_as_one_event_naming_its_file(client, cast, branch):
    document = plan_export_json(plan=branch.plan)
    plan = plan_import_json(document=document, user=cast.coordinator, source="nap.json")
    client.force_login(cast.coordinator)
    response = _history(client, plan)
    (entry,) = response.context["entries"]
    assert entry.event.kind == PlanEvent.Kind.IMPORT
    assert "1 activity" in entry.counts
    assert "from nap.json" in response.content.decode()
    assert Activity.history.filter(plan_id=plan.pk, history_event=entry.event).count() == 1


def test_it_shows_a_copy_as_one_event_naming_the_plan_copied(client, cast, branch):
    copy = plan_copy(
        source=branch.plan, user=cast.coordinator, title="NAP 2024", period_start=2024,
        period_end=2028,
    )  # fmt: skip
    client.force_login(cast.coordinator)
    (entry,) = _history(client, copy).context["entries"]
    assert entry.event.kind == PlanEvent.Kind.COPY
    assert entry.event.source == str(branch.plan)


def test_it_filters_by_person_kind_and_date(client, cast, branch):
    client.force_login(cast.coordinator)
    _edit(client, branch, title="Edited")
    everything = _history(client, branch.plan).context["page"].paginator.count
    by_person = _history(client, branch.plan, person=cast.coordinator.pk)
    assert [e.history_user for e in by_person.context["entries"]] == [cast.coordinator]
    by_kind = _history(client, branch.plan, kind="budgetline").context["entries"]
    assert by_kind and {e.kind for e in by_kind} == {"budgetline"}
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    later = _history(client, branch.plan, since=tomorrow.isoformat()).context["entries"]
    assert later == []
    today = _history(client, branch.plan, until=timezone.localdate().isoformat())
    assert today.context["page"].paginator.count == everything


def test_its_query_count_does_not_grow_with_the_entries_shown(client, cast, branch):
    client.force_login(cast.coordinator)
    _edit(client, branch, title="One")
    _edit(client, branch, title="Two")

    def count():
        with CaptureQueriesContext(connection) as queries:
            _history(client, branch.plan)
        return len(queries)

    few = count()
    for n in range(15):
        _edit(client, branch, title=f"Edit {n}")
        Indicator.objects.create(plan=branch.plan, goal=branch.goal, definition=f"Ind {n}")
    assert count() <= few


def test_the_element_panel_shows_its_own_history(client, cast, branch, htmx):
    client.force_login(cast.coordinator)
    _edit(client, branch, title="Edited in place")
    url = reverse(
        "actionplan:element_history", args=[branch.plan.pk, "activity", branch.activity.pk]
    )
    response = client.get(url)
    assert response.status_code == 200
    entries = response.context["entries"]
    assert entries[0].kind == "activity"
    assert {"budgetline", "responsibility", "subactivity", "indicator"} <= {e.kind for e in entries}
    assert "Edited in place" in response.content.decode()


def test_history_survives_deletion_and_is_not_in_the_json_export(client, cast, branch):
    client.force_login(cast.coordinator)
    pk = branch.activity.pk
    client.post(reverse("actionplan:element_delete", args=[branch.plan.pk, "activity", pk]))
    assert Activity.history.filter(id=pk, history_type="-").exists()
    document = json.dumps(plan_export_json(plan=branch.plan))
    assert "history" not in document


def test_it_restores_a_deleted_stakeholder_with_its_duties_and_indicators(client, cast, branch):
    branch.indicator.responsible_body = branch.ministry
    branch.indicator.save()
    client.force_login(cast.coordinator)
    url = reverse("strategy:stakeholder_delete", args=[branch.plan.pk, branch.ministry.pk])
    client.post(url)
    assert not Responsibility.objects.filter(pk=branch.lead.pk).exists()
    event = PlanEvent.objects.get(plan=branch.plan, kind=PlanEvent.Kind.DELETE)
    client.post(reverse("actionplan:deletion_restore", args=[branch.plan.pk, event.pk]))
    assert Responsibility.objects.get(pk=branch.lead.pk).role == "lead"
    branch.indicator.refresh_from_db()
    assert branch.indicator.responsible_body == branch.ministry


def test_it_restores_a_deleted_section_with_the_goals_linked_to_it(client, cast, branch):
    section = SectionFactory(plan=branch.plan, kind="background")
    branch.goal.background_sections.add(section)
    client.force_login(cast.coordinator)
    client.post(reverse("strategy:section_delete", args=[branch.plan.pk, section.pk]))
    assert not branch.goal.background_sections.exists()
    event = PlanEvent.objects.get(plan=branch.plan, kind=PlanEvent.Kind.DELETE)
    client.post(reverse("actionplan:deletion_restore", args=[branch.plan.pk, event.pk]))
    assert list(branch.goal.background_sections.all()) == [section]


def test_it_refuses_to_restore_an_element_whose_parent_is_gone(client, cast, branch):
    client.force_login(cast.coordinator)
    plan = branch.plan
    client.post(reverse("actionplan:element_delete", args=[plan.pk, "budgetline", branch.line.pk]))
    client.post(
        reverse("actionplan:element_delete", args=[plan.pk, "activity", branch.activity.pk])
    )
    line_deletion = PlanEvent.objects.filter(plan=plan).order_by("pk").first()
    url = reverse("actionplan:deletion_restore", args=[plan.pk, line_deletion.pk])
    response = client.post(url, follow=True)
    assert "restore that first" in response.content.decode()
    assert not BudgetLine.objects.filter(pk=branch.line.pk).exists()


def test_it_pages_the_history_newest_first(client, cast, branch, monkeypatch):
    monkeypatch.setattr("actionplan.views_history.PER_PAGE", 2)
    client.force_login(cast.coordinator)
    _edit(client, branch, title="Earlier")
    _edit(client, branch, title="Latest")
    first = _history(client, branch.plan, kind="activity")
    assert first.context["entries"][0].record.title == "Latest"
    assert "page=2" in first.content.decode() and "kind=activity" in first.content.decode()
    second = _history(client, branch.plan, kind="activity", page=2).context["entries"]
    dates = [e.history_date for e in first.context["entries"] + second]
    assert dates == sorted(dates, reverse=True)


def test_a_restored_activity_gets_its_tags_back(client, cast, branch):
    area = AreaFactory()
    branch.activity.areas.add(area)
    client.force_login(cast.coordinator)
    pk = branch.activity.pk
    client.post(reverse("actionplan:element_delete", args=[branch.plan.pk, "activity", pk]))
    event = PlanEvent.objects.get(plan=branch.plan, kind=PlanEvent.Kind.DELETE)
    client.post(reverse("actionplan:deletion_restore", args=[branch.plan.pk, event.pk]))
    assert list(Activity.objects.get(pk=pk).areas.all()) == [area]


def test_a_change_of_tags_after_a_move_still_shows(client, cast, branch):
    area, other = AreaFactory(), AreaFactory()
    branch.activity.areas.add(area)
    ActivityFactory(plan=branch.plan, objective=branch.objective, code="A2")
    client.force_login(cast.coordinator)
    move = reverse("actionplan:element_move", args=[branch.plan.pk, "activity", branch.activity.pk])
    client.post(move, {"direction": "down"})
    moved = Activity.history.filter(id=branch.activity.pk).latest()
    assert moved.tag_ids["areas"] == [area.pk]
    element_save(element=Activity.objects.get(pk=branch.activity.pk), tags={"areas": [other]})
    entry = _history(client, branch.plan, kind="activity").context["entries"][0]
    changes = {c.label: (c.old, c.new) for c in entry.changes}
    assert changes["Areas"] == (str(area), str(other))


def test_it_lists_a_move_of_the_plans_status_with_the_labels_people_read(client, cast, branch):
    client.force_login(cast.coordinator)
    plan = branch.plan
    url = reverse("strategy:plan_status_change", args=[plan.pk])
    response = client.post(url, {"to": "adopted"})
    assert response.status_code == 302
    response = _history(client, plan, kind="plan")
    entry = response.context["entries"][0]
    assert entry.history_user == cast.coordinator
    assert entry.event.kind == PlanEvent.Kind.STATUS
    assert (entry.status_from_label, entry.status_to_label) == (
        "Consultation",
        "Adopted",
    )
    assert "from “Consultation” to “Adopted”" in response.content.decode()
