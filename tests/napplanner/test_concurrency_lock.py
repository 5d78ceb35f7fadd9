"""Two saves at the same moment: the row lock makes the second wait for the first and then
see its change (napplanner/concurrency.py). SQLite has no row locks (it writes one
transaction at a time), so this runs on PostgreSQL only."""

import threading

import pytest
from django.db import close_old_connections, connection

from actionplan.forms import OutputForm
from actionplan.models import Output
from napplanner.concurrency import VERSION_FIELD, EditConflict, form_save
from tests.factories import OutputFactory

pytestmark = pytest.mark.django_db(transaction=True)


def _stale_form(output, title: str) -> OutputForm:
    loaded = OutputForm(instance=output, plan=output.plan)
    data = {
        "objective": output.objective_id,
        "code": output.code,
        "title": title,
        "description": output.description,
        VERSION_FIELD: loaded[VERSION_FIELD].value(),
    }
    return OutputForm(data, instance=Output.objects.get(pk=output.pk), plan=output.plan)


def test_the_second_of_two_simultaneous_saves_waits_and_then_conflicts():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks are PostgreSQL's; SQLite serialises whole transactions.")
    output = OutputFactory(title="Curriculum")
    first, second = _stale_form(output, "First"), _stale_form(output, "Second")
    locked, release = threading.Event(), threading.Event()
    outcome = {}

    def hold_the_lock():
        first.save()
        locked.set()
        release.wait(10)  # commits only when let go

    def run(name, form, save):
        try:
            outcome[name] = form_save(form, save=save)
        except EditConflict as conflict:
            outcome[name] = conflict
        finally:
            close_old_connections()

    one = threading.Thread(target=run, args=("first", first, hold_the_lock))
    one.start()
    assert locked.wait(10)
    two = threading.Thread(target=run, args=("second", second, second.save))
    two.start()
    two.join(0.5)
    assert two.is_alive()  # waiting on the lock the first save holds
    release.set()
    one.join(10)
    two.join(10)

    assert outcome["first"] is True
    assert isinstance(outcome["second"], EditConflict)
    assert [field.name for field in outcome["second"].fields] == ["title"]
    assert Output.objects.get(pk=output.pk).title == "First"
