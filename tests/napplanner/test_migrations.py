from io import StringIO

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

# What a database made before the standards catalogue left `assessment/` records in
# django_migrations. A database keeps these rows for ever, so each must stay on disk under
# the same app label and name, or `migrate` would treat the catalogue's tables as missing.
RECORDED_BEFORE_THE_MOVE = {
    ("standards", "0001_initial"),
    ("standards", "0002_framework_groups"),
    ("strategy", "0001_initial"),
    ("strategy", "0002_plain_text"),
    ("actionplan", "0001_initial"),
    ("actionplan", "0002_plain_text"),
    ("assessment", "0001_initial"),
}
CATALOGUE_TABLES = {
    "Framework": "standards_framework",
    "Component": "standards_component",
    "Area": "standards_area",
    "Principle": "standards_principle",
    "Criterion": "standards_criterion",
}


@pytest.mark.django_db
def test_every_model_change_has_a_migration():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:  # pragma: no cover - the assertion below explains
        pytest.fail("A model change has no migration:\n" + out.getvalue())


@pytest.mark.django_db
def test_it_keeps_every_migration_an_existing_database_recorded():
    executor = MigrationExecutor(connection)
    on_disk = set(executor.loader.disk_migrations)
    assert on_disk >= RECORDED_BEFORE_THE_MOVE
    assert executor.loader.disk_migrations["standards", "0001_initial"].__module__ == (
        "standards.migrations.0001_initial"
    )


@pytest.mark.django_db
def test_it_migrates_a_database_with_the_catalogue_recorded_under_its_label():
    executor = MigrationExecutor(connection)
    executor.loader.check_consistent_history(connection)
    recorded = set(MigrationRecorder(connection).applied_migrations())
    assert recorded >= RECORDED_BEFORE_THE_MOVE
    assert executor.migration_plan(executor.loader.graph.leaf_nodes()) == []


def test_it_keeps_the_catalogue_in_its_tables():
    tables = {name: apps.get_model("standards", name)._meta.db_table for name in CATALOGUE_TABLES}
    assert tables == CATALOGUE_TABLES
    assert apps.get_app_config("standards").name == "standards"
