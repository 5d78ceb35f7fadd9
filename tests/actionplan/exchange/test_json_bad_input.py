"""A corpus of bad plan documents: each is refused with a message naming the JSON path,
and nothing is written."""

import copy
import json

import pytest

from actionplan.exchange.json_document import PlanDocumentError, document_load
from actionplan.exchange.json_import import plan_import_json
from actionplan.models import Activity, Indicator
from strategy.models import Chapter, Plan, Stakeholder

ACTIVITY = "$.chapters[0].goals[0].objectives[0].activities[0]"


def valid_document() -> dict:
    return {
        "format": "nap-planner/plan",
        "version": 1,
        "plan": {
            "country": "Utopia",
            "title": "National Action Plan 2019–2023",
            "period_start": 2019,
            "period_end": 2023,
            "framework": {"code": "icmpd-2006", "version": "2006"},
        },
        "sections": [{"key": "bg", "kind": "background", "title": "Background"}],
        "stakeholders": [
            {"key": "moi", "name": "Ministry of Interior"},
            {"key": "moj", "name": "Ministry of Justice"},
        ],
        "chapters": [
            {
                "title": "Protection",
                "tags": {"components": ["SP"]},
                "goals": [
                    {
                        "title": "Victims recover",
                        "background_sections": ["bg"],
                        "objectives": [
                            {
                                "title": "Every region has a shelter",
                                "outputs": [{"key": "o1", "title": "Shelters"}],
                                "activities": [
                                    {
                                        "title": "Open shelters",
                                        "output": "o1",
                                        "start": "2019-03",
                                        "end": "2020-06",
                                        "responsibilities": [
                                            {"stakeholder": "moi", "role": "lead"},
                                            {"stakeholder": "moj", "role": "partner"},
                                        ],
                                        "budget_lines": [{"amount": "1000.00", "currency": "EUR"}],
                                        "indicators": [{"definition": "Shelters open"}],
                                    }
                                ],
                            }
                        ],
                    }
                ],
            }
        ],
    }


def _activity(document):
    return document["chapters"][0]["goals"][0]["objectives"][0]["activities"][0]


def _set(path_setter):
    def build():
        document = valid_document()
        path_setter(document)
        return document

    return build


def _drop(keys):
    def change(document):
        target = document
        for key in keys[:-1]:
            target = target[key]
        del target[keys[-1]]

    return change


BAD_DOCUMENTS = {
    "another format": (
        _set(lambda d: d.update(format="nap-planner/review")),
        "$.format",
        "not a NAP Planner plan",
    ),
    "another version": (_set(lambda d: d.update(version=2)), "$.version", "Version 2"),
    "version as text": (_set(lambda d: d.update(version="1")), "$.version", 'Version "1"'),
    "missing plan": (_set(_drop(["plan"])), "$", "'plan' is a required property"),
    "missing plan title": (
        _set(_drop(["plan", "title"])),
        "$.plan",
        "'title' is a required property",
    ),
    "missing activity title": (
        _set(lambda d: _activity(d).pop("title")),
        ACTIVITY,
        "'title' is a required property",
    ),
    "year as text": (
        _set(lambda d: d["plan"].update(period_start="2019")),
        "$.plan.period_start",
        "is not of type 'integer'",
    ),
    "chapters not a list": (
        _set(lambda d: d.update(chapters={"title": "x"})),
        "$.chapters",
        "is not of type 'array'",
    ),
    "unknown key": (
        _set(lambda d: _activity(d).update(lead="moi")),
        ACTIVITY,
        "'lead' was unexpected",
    ),
    "unknown status": (
        _set(lambda d: d["plan"].update(status="approved")),
        "$.plan.status",
        "'approved' is not one of",
    ),
    "month not a month": (
        _set(lambda d: _activity(d).update(start="2019-13")),
        f"{ACTIVITY}.start",
        "does not match",
    ),
    "date instead of month": (
        _set(lambda d: _activity(d).update(end="30.06.2020")),
        f"{ACTIVITY}.end",
        "does not match",
    ),
    "period ends before it starts": (
        _set(lambda d: d["plan"].update(period_end=2018)),
        "$.plan.period_end",
        "cannot end before it starts",
    ),
    "negative budget": (
        _set(lambda d: _activity(d)["budget_lines"][0].update(amount="-5.00")),
        f"{ACTIVITY}.budget_lines[0].amount",
        "cannot be negative",
    ),
    "negative budget as a number": (
        _set(lambda d: _activity(d)["budget_lines"][0].update(amount=-5)),
        f"{ACTIVITY}.budget_lines[0].amount",
        "cannot be negative",
    ),
    "three decimal places": (
        _set(lambda d: _activity(d)["budget_lines"][0].update(amount="10.125")),
        f"{ACTIVITY}.budget_lines[0].amount",
        "does not match",
    ),
    "currency not a code": (
        _set(lambda d: _activity(d)["budget_lines"][0].update(currency="E1R")),
        f"{ACTIVITY}.budget_lines[0].currency",
        "ISO 4217",
    ),
    "donor without a name": (
        _set(lambda d: _activity(d)["budget_lines"][0].update(source="donor")),
        f"{ACTIVITY}.budget_lines[0].donor_name",
        "Name the donor",
    ),
    "end before start": (
        _set(lambda d: _activity(d).update(start="2020-06", end="2019-03")),
        f"{ACTIVITY}.end",
        "cannot be before the start month",
    ),
    "start without end": (
        _set(lambda d: _activity(d).update(end=None)),
        f"{ACTIVITY}.end",
        "Give both a start and an end month",
    ),
    "timeframe outside the period": (
        _set(lambda d: _activity(d).update(start="2018-11")),
        f"{ACTIVITY}.start",
        "outside the plan period (2019–2023)",
    ),
    "two lead bodies": (
        _set(lambda d: _activity(d)["responsibilities"][1].update(role="lead")),
        f"{ACTIVITY}.responsibilities[1].role",
        "already has a lead body ($.chapters[0]",
    ),
    "the same body twice": (
        _set(lambda d: _activity(d)["responsibilities"][1].update(stakeholder="moi")),
        f"{ACTIVITY}.responsibilities[1].stakeholder",
        "already responsible",
    ),
    "unknown stakeholder": (
        _set(lambda d: _activity(d)["responsibilities"][0].update(stakeholder="mof")),
        f"{ACTIVITY}.responsibilities[0].stakeholder",
        'key or name "mof"',
    ),
    "unknown responsible body of an indicator": (
        _set(lambda d: _activity(d)["indicators"][0].update(responsible_body="nobody")),
        f"{ACTIVITY}.indicators[0].responsible_body",
        'key or name "nobody"',
    ),
    "unknown output": (
        _set(lambda d: _activity(d).update(output="o2")),
        f"{ACTIVITY}.output",
        'no output with the key "o2"',
    ),
    "unknown background section": (
        _set(lambda d: d["chapters"][0]["goals"][0].update(background_sections=["bg2"])),
        "$.chapters[0].goals[0].background_sections[0]",
        'No section has the key "bg2"',
    ),
    "unknown tag code": (
        _set(lambda d: d["chapters"][0]["tags"].update(areas=["SF.9"])),
        "$.chapters[0].tags.areas[0]",
        '"SF.9" is not an area of icmpd-2006@2006',
    ),
    "a principle given as an area": (
        _set(lambda d: d["chapters"][0]["tags"].update(areas=["P.HR"])),
        "$.chapters[0].tags.areas[0]",
        "is not an area",
    ),
    "unknown component of a section": (
        _set(lambda d: d["sections"][0].update(component="XX")),
        "$.sections[0].component",
        '"XX" is not a component',
    ),
    "unknown framework": (
        _set(lambda d: d["plan"].update(framework={"code": "icmpd-2006", "version": "2026"})),
        "$.plan.framework",
        "icmpd-2006 version 2026 is not loaded",
    ),
    "tags without a framework": (
        _set(lambda d: d["plan"].pop("framework")),
        "$.chapters[0].tags.components[0]",
        "needs the plan's framework",
    ),
    "duplicate stakeholder keys": (
        _set(lambda d: d["stakeholders"][1].update(key="moi")),
        "$.stakeholders[1].key",
        '"moi" is used twice',
    ),
    "duplicate stakeholder names": (
        _set(lambda d: d["stakeholders"][1].update(name="Ministry of Interior")),
        "$.stakeholders[1].name",
        "names are unique in a plan",
    ),
    "duplicate section keys": (
        _set(lambda d: d["sections"].append({"key": "bg", "title": "Again"})),
        "$.sections[1].key",
        '"bg" is used twice',
    ),
    "duplicate output keys": (
        _set(
            lambda d: d["chapters"][0]["goals"][0]["objectives"][0]["outputs"].append(
                {"key": "o1", "title": "Again"}
            )
        ),
        "$.chapters[0].goals[0].objectives[0].outputs[1].key",
        '"o1" is used by $.chapters[0]',
    ),
    "duplicate tag codes": (
        _set(lambda d: d["chapters"][0]["tags"].update(components=["SP", "SP"])),
        "$.chapters[0].tags.components",
        "non-unique elements",
    ),
    "title too long": (
        _set(lambda d: d["chapters"][0].update(title="x" * 301)),
        "$.chapters[0].title",
        "is too long",
    ),
    "NUL character": (
        _set(lambda d: _activity(d).update(description="before\x00after")),
        f"{ACTIVITY}.description",
        "NUL character",
    ),
    # The indicator rules can only be checked once the activity exists: the import must
    # still leave nothing behind.
    "target year before baseline": (
        _set(lambda d: _activity(d)["indicators"][0].update(baseline_year=2020, target_year=2019)),
        f"{ACTIVITY}.indicators[0].target_year",
        "cannot precede the baseline",
    ),
}


def _nothing_written():
    assert not Plan.objects.exists()
    assert not Chapter.objects.exists()
    assert not Stakeholder.objects.exists()
    assert not Activity.objects.exists()
    assert not Indicator.objects.exists()


def test_it_imports_the_valid_document_the_corpus_starts_from(framework):
    plan = plan_import_json(document=valid_document())
    assert Activity.objects.get(plan=plan).title == "Open shelters"


@pytest.mark.parametrize("case", BAD_DOCUMENTS, ids=list(BAD_DOCUMENTS))
def test_it_refuses_a_bad_document_naming_the_path(framework, case):
    build, path, message = BAD_DOCUMENTS[case]
    with pytest.raises(PlanDocumentError) as refused:
        plan_import_json(document=build())
    issues = [(issue.path, issue.message) for issue in refused.value.issues]
    assert any(p == path and message in m for p, m in issues), issues
    _nothing_written()


@pytest.mark.parametrize(
    "raw, message",
    [
        (b"", "The file is empty."),
        (b"  \n", "The file is empty."),
        (b'{"format": "nap-planner/plan",', "not valid JSON: Expecting property name"),
        (b"PK\x03\x04 a zip file", "not valid JSON"),
        (b"\xff\xfe\x00{", "not UTF-8"),
        (b"[1, 2]", "A plan document is a JSON object."),
        (b'"a string"', "A plan document is a JSON object."),
    ],
    ids=["empty", "blank", "truncated", "binary", "utf-16", "array", "string"],
)
def test_it_refuses_a_file_that_is_not_a_plan_document(db, raw, message):
    with pytest.raises(PlanDocumentError) as refused:
        document_load(raw)
    assert message in str(refused.value)
    assert refused.value.issues[0].path == "$"


def test_it_reports_every_problem_at_once(framework):
    document = valid_document()
    _activity(document).update(start="2018-01")
    _activity(document)["budget_lines"][0].update(amount="-1")
    _activity(document)["responsibilities"][0].update(stakeholder="nobody")
    with pytest.raises(PlanDocumentError) as refused:
        plan_import_json(document=document)
    paths = {issue.path for issue in refused.value.issues}
    assert {
        f"{ACTIVITY}.start",
        f"{ACTIVITY}.budget_lines[0].amount",
        f"{ACTIVITY}.responsibilities[0].stakeholder",
    } <= paths
    _nothing_written()


def test_it_refuses_markup_naming_each_path(framework):
    document = valid_document()
    _activity(document).update(title='<script>alert("x")</script> & <b>bold</b>')
    document["stakeholders"][0]["name"] = "<img src=x onerror=alert(1)>"
    with pytest.raises(PlanDocumentError) as refused:
        plan_import_json(document=document)
    issues = {issue.path: issue.message for issue in refused.value.issues}
    markup = [path for path, message in issues.items() if "Remove the markup" in message]
    assert any(path.endswith(".title") for path in markup), issues
    assert any(path.startswith("$.stakeholders[0]") for path in markup), issues
    _nothing_written()


def test_it_keeps_template_syntax_and_comparisons_as_text(framework):
    document = valid_document()
    text = "{{ plan.pk }} {% now 'Y' %} for children < 18 & families"
    _activity(document).update(description=text)
    plan = plan_import_json(document=document)
    assert Activity.objects.get(plan=plan).description == text


def test_it_lets_a_person_refer_to_stakeholders_by_name(framework):
    document = valid_document()
    for stakeholder in document["stakeholders"]:
        del stakeholder["key"]
    _activity(document)["responsibilities"] = [
        {"stakeholder": "Ministry of Justice", "role": "lead"}
    ]
    plan = plan_import_json(document=document)
    activity = Activity.objects.get(plan=plan)
    assert [r.stakeholder.name for r in activity.responsibilities.all()] == ["Ministry of Justice"]


def test_it_does_not_change_the_document_it_reads(framework):
    document = valid_document()
    before = copy.deepcopy(document)
    plan_import_json(document=document)
    assert json.dumps(document, sort_keys=True) == json.dumps(before, sort_keys=True)
