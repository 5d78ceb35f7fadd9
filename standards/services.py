"""Loading and exporting checklists. A file is read and validated whole before anything
is written; a framework version, once loaded, is never changed by a later load."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import yaml
from django.db import IntegrityError, transaction

from napplanner.problems import Problem
from standards.catalogue import Catalogue, catalogue_from_framework
from standards.documents import CatalogueInvalid
from standards.models import Area, Component, Criterion, Framework, Principle
from standards.reading import records_read
from standards.spreadsheets import workbook_bytes
from standards.validation import catalogue_validate


class LoadStatus:
    NEW = "new"  # no version of this framework yet
    NEW_VERSION = "new version"  # becomes the current version; older ones stay as they are
    UNCHANGED = "unchanged"  # this version is already loaded with exactly this content


@dataclass
class LoadReport:
    """What loading a file does (or did): entries compared by code with the version it
    replaces as current."""

    source_name: str
    code: str
    version: str
    title: str
    status: str
    previous: str = ""
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    # For each changed code, the fields that differ from the version it replaces.
    changed_fields: dict[str, list[str]] = field(default_factory=dict)
    # Entries without phrases in a language the checklist uses (Catalogue.phrase_gaps).
    phrase_gaps: list[str] = field(default_factory=list)
    written: bool = False
    framework: Framework | None = None

    @property
    def label(self) -> str:
        return f"{self.code}@{self.version}"

    def summary(self) -> str:
        if self.status == LoadStatus.UNCHANGED:
            return f"{self.source_name}: {self.label} is already loaded; nothing to change."
        verb = "loaded" if self.written else "would load"
        against = f" (compared with {self.previous})" if self.previous else ""
        gaps = (
            f" Without phrases in a language the checklist uses: {', '.join(self.phrase_gaps)}."
            if self.phrase_gaps
            else ""
        )
        return (
            f"{self.source_name}: {verb} {self.label} as {self.status}{against}: "
            f"{len(self.created)} created, {len(self.changed)} changed, "
            f"{len(self.unchanged)} left alone, {len(self.removed)} not in this version.{gaps}"
        )


def catalogue_parse(*, content: bytes, source_name: str) -> Catalogue:
    """The catalogue a checklist file describes; raises CatalogueInvalid listing every
    problem with its line or row and field."""
    records, problems = records_read(content=content, filename=source_name)
    return catalogue_validate(records, problems)


def framework_preview(*, catalogue: Catalogue, source_name: str) -> LoadReport:
    """What loading the catalogue would create, change and leave alone; writes nothing."""
    report = LoadReport(
        source_name=source_name,
        code=catalogue.code,
        version=catalogue.version,
        title=catalogue.framework["title"],
        status=LoadStatus.NEW,
        phrase_gaps=catalogue.phrase_gaps(),
    )
    same = Framework.objects.filter(code=catalogue.code, version=catalogue.version).first()
    if same is not None:
        if catalogue_from_framework(same) != catalogue:
            raise CatalogueInvalid(
                [
                    Problem(
                        "framework",
                        "version",
                        f"{catalogue.label} is already loaded with different content; "
                        "give the changed checklist a new version",
                    )
                ]
            )
        report.status = LoadStatus.UNCHANGED
        report.framework = same
        report.unchanged = [code for _, code in catalogue.entries()]
        return report
    current = Framework.objects.filter(code=catalogue.code, is_current=True).first()
    before = catalogue_from_framework(current).entries() if current else {}
    if current:
        report.status = LoadStatus.NEW_VERSION
        report.previous = current.label
    for key, entry in catalogue.entries().items():
        if key not in before:
            report.created.append(key[1])
        elif before[key] != entry:
            report.changed.append(key[1])
            report.changed_fields[key[1]] = [k for k in entry if before[key].get(k) != entry[k]]
        else:
            report.unchanged.append(key[1])
    after = catalogue.entries()
    report.removed = [code for key in before if key not in after for code in key[1:]]
    return report


def framework_load(*, document: bytes, source_name: str, dry_run: bool = False) -> LoadReport:
    """Validate a checklist file whole, then (unless dry_run or already loaded) write it as
    the current version of its framework. Raises CatalogueInvalid, writing nothing."""
    catalogue = catalogue_parse(content=document, source_name=source_name)
    try:
        with transaction.atomic():
            report = framework_preview(catalogue=catalogue, source_name=source_name)
            if not dry_run and report.status != LoadStatus.UNCHANGED:
                report.framework = framework_create(catalogue=catalogue)
                report.written = True
    except IntegrityError as exc:
        # Someone loaded the same version between our check and our write.
        raise CatalogueInvalid(
            [Problem("framework", "version", f"{catalogue.label} was loaded meanwhile; try again")]
        ) from exc
    return report


def framework_create(*, catalogue: Catalogue) -> Framework:
    """Write a validated catalogue as a new framework version and make it current."""
    Framework.objects.select_for_update().filter(code=catalogue.code, is_current=True).update(
        is_current=False
    )
    framework = _saved(Framework(**catalogue.framework, groups=[dict(g) for g in catalogue.groups]))
    components = _created(
        Component(framework=framework, order=order, **_described(entry))
        for order, entry in enumerate(catalogue.components)
    )
    areas = _created(
        Area(
            framework=framework,
            component=components[entry["component"]],
            order=order,
            keywords=entry["keywords"],
            **_described(entry),
        )
        for order, entry in enumerate(catalogue.areas)
    )
    principles = _created(
        Principle(framework=framework, order=order, keywords=entry["keywords"], **_described(entry))
        for order, entry in enumerate(catalogue.principles)
    )
    _created(
        Criterion(
            framework=framework,
            area=areas.get(entry["area"]),
            principle=principles.get(entry["principle"]),
            order=order,
            **{k: v for k, v in entry.items() if k not in ("area", "principle")},
        )
        for order, entry in enumerate(catalogue.criteria)
    )
    return framework


def framework_make_current(*, framework: Framework) -> Framework:
    """Make an earlier version the one new plans and reviews use, e.g. to step back from a
    version loaded by mistake. No version's content changes."""
    with transaction.atomic():
        Framework.objects.select_for_update().filter(code=framework.code, is_current=True).exclude(
            pk=framework.pk
        ).update(is_current=False)
        framework.is_current = True
        framework.full_clean()
        framework.save(update_fields=["is_current"])
    return framework


# The file was validated whole (codes unique, references resolved) and the parents were
# just created, so per-row uniqueness and foreign-key queries would only slow a large
# load; the database constraints still hold.
_TRUSTED = {
    "exclude": ["framework", "component", "area", "principle"],
    "validate_unique": False,
    "validate_constraints": False,
}


def _saved(framework: Framework) -> Framework:
    framework.full_clean(**_TRUSTED)
    framework.save()
    return framework


def _created(objs) -> dict:
    """Create the objects in one query each batch; returns them by code."""
    objs = list(objs)
    for obj in objs:
        obj.full_clean(**_TRUSTED)
    model = type(objs[0]) if objs else None
    created = model.objects.bulk_create(objs, batch_size=500) if model else []
    return {obj.code: obj for obj in created}


def _described(entry: dict) -> dict:
    return {
        "code": entry["code"],
        "title": entry["title"],
        "description": entry["guidance"],
        "source_page": entry["source_page"],
    }


def framework_export_yaml(*, framework: Framework) -> str:
    document = catalogue_from_framework(framework).to_document()
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=100)


def framework_export_json(*, framework: Framework) -> str:
    document = catalogue_from_framework(framework).to_document()
    return json.dumps(document, ensure_ascii=False, indent=2)


def framework_export_xlsx(*, framework: Framework) -> bytes:
    return workbook_bytes(catalogue_from_framework(framework))
