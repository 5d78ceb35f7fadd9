import pytest

from standards import services
from standards.documents import CatalogueInvalid
from standards.models import Area, Component, Criterion, Framework, Principle
from standards.services import LoadStatus, framework_load
from tests.factories import AreaFactory
from tests.standards.samples import SMALL

pytestmark = pytest.mark.django_db


def test_it_loads_a_checklist_with_its_tree(small_yaml):
    report = framework_load(document=small_yaml, source_name="tiny.yaml")
    assert report.written and report.status == LoadStatus.NEW
    framework = Framework.objects.get(code="tiny")
    assert framework.is_current and framework.year == 2020
    area = Area.objects.get(framework=framework, code="PR.1")
    assert area.component.code == "PR"
    assert area.keywords == {"en": ["campaign"], "ru": ["кампани"]}
    assert Criterion.objects.get(code="PR.1.1").area == area
    assert Criterion.objects.get(code="P.HR.1").principle.code == "P.HR"
    smart = Criterion.objects.get(code="IN.S")
    assert (smart.group, smart.tier, smart.weight) == ("IN", "indicator", 2)
    assert framework.groups == [
        {"code": "IN", "title": "SMART indicators", "source_page": "", "guidance": ""}
    ]


def test_it_changes_nothing_when_the_same_file_is_loaded_again(small_yaml):
    framework_load(document=small_yaml, source_name="tiny.yaml")
    ids = set(Criterion.objects.values_list("pk", flat=True))
    report = framework_load(document=small_yaml, source_name="tiny.yaml")
    assert report.status == LoadStatus.UNCHANGED and not report.written
    assert set(Criterion.objects.values_list("pk", flat=True)) == ids
    assert Framework.objects.count() == 1


def test_it_makes_a_new_version_current_and_leaves_the_old_one_alone(small_yaml):
    old = framework_load(document=small_yaml, source_name="tiny.yaml").framework
    old_rows = list(Criterion.objects.filter(framework=old).values())
    newer = SMALL.replace('version: "1"', 'version: "2"').replace(
        "Are there campaigns?", "Are there targeted campaigns?"
    )
    newer = newer.replace("      - code: P.HR.1\n        question: Are rights at the core?\n", "")
    newer = newer.replace("    title: Human rights\n    criteria:\n", "    title: Human rights\n")
    report = framework_load(document=newer.encode(), source_name="tiny-2.yaml")
    assert report.status == LoadStatus.NEW_VERSION and report.previous == "tiny@1"
    assert report.changed == ["PR.1.1"]
    assert report.changed_fields == {"PR.1.1": ["question"]}
    assert report.removed == ["P.HR.1"]
    assert "PR.1" in report.unchanged
    old.refresh_from_db()
    assert not old.is_current
    assert Framework.objects.get(code="tiny", version="2").is_current
    assert list(Criterion.objects.filter(framework=old).values()) == old_rows


def test_it_refuses_changed_content_under_a_version_already_loaded(small_yaml):
    framework_load(document=small_yaml, source_name="tiny.yaml")
    changed = SMALL.replace("Are there campaigns?", "Campaigns?").encode()
    with pytest.raises(CatalogueInvalid, match="already loaded with different content"):
        framework_load(document=changed, source_name="tiny.yaml")
    assert Criterion.objects.get(code="PR.1.1").question == "Are there campaigns?"


def test_a_dry_run_previews_without_writing(small_yaml):
    report = framework_load(document=small_yaml, source_name="tiny.yaml", dry_run=True)
    assert not report.written
    assert {"PR", "PR.1", "PR.1.1", "P.HR", "IN.S"} <= set(report.created)
    assert not Framework.objects.exists()


def test_an_invalid_file_writes_nothing_even_next_to_existing_frameworks(small_yaml):
    kept = AreaFactory()
    broken = SMALL.replace("title: Prevention", "title: [Prevention]").encode()
    with pytest.raises(CatalogueInvalid):
        framework_load(document=broken, source_name="tiny.yaml")
    assert Framework.objects.get() == kept.framework
    assert Component.objects.count() == 1 and Principle.objects.count() == 0


def test_a_version_loaded_meanwhile_is_reported_not_crashed(small_yaml, monkeypatch):
    framework_load(document=small_yaml, source_name="tiny.yaml")
    # As if the check ran before another load of the same version committed.
    monkeypatch.setattr(
        services,
        "framework_preview",
        lambda *, catalogue, source_name: services.LoadReport(
            source_name, "tiny", "1", "Tiny", LoadStatus.NEW
        ),
    )
    with pytest.raises(CatalogueInvalid, match="was loaded meanwhile"):
        framework_load(document=small_yaml, source_name="tiny.yaml")
    assert Framework.objects.count() == 1


def test_it_reports_entries_without_phrases_in_a_language_the_checklist_uses(small_yaml):
    report = framework_load(document=small_yaml, source_name="tiny.yaml", dry_run=True)
    # The area gives English and Russian phrases; the principle and the criteria none.
    assert report.phrase_gaps == [
        "P.HR (en, ru)",
        "PR.1.1 (en, ru)",
        "P.HR.1 (en, ru)",
        "IN.S (en, ru)",
    ]
    assert "Without phrases in a language the checklist uses: P.HR (en, ru)" in report.summary()
