import json

import pytest
import yaml

from standards.documents import CatalogueInvalid
from standards.services import catalogue_parse
from tests.standards.samples import SMALL


def _json(ascii=False, **changes) -> bytes:
    document = yaml.safe_load(SMALL)
    document["framework"].update(changes)
    return json.dumps(document, indent="\t", ensure_ascii=ascii).encode()


def test_it_reads_json_indented_with_tabs_and_gives_lines():
    catalogue = catalogue_parse(content=_json(), source_name="tiny.json")
    assert catalogue == catalogue_parse(content=SMALL.encode(), source_name="tiny.yaml")
    with pytest.raises(CatalogueInvalid) as refused:
        catalogue_parse(content=_json(year="2020"), source_name="tiny.json")
    assert str(refused.value.problems[0]).startswith("line 6, framework, field 'year'")


def test_it_names_the_path_when_json_has_no_line_to_give():
    # Escaped surrogate pairs are valid JSON that YAML cannot read, so no line is known.
    content = _json(ascii=True, title="Guidelines \U0001f4d8", year="2020")
    with pytest.raises(CatalogueInvalid) as refused:
        catalogue_parse(content=content, source_name="tiny.json")
    assert [str(p) for p in refused.value.problems] == [
        "framework, field 'year': must be a whole number, not text"
    ]


def test_it_reports_every_problem_of_a_file_at_once():
    bad = (
        SMALL.replace("title: Tiny guidelines", "title: ''")
        .replace("tier: action_plan", "tier: someday")
        .replace("weight: 2", "weight: 0")
    )
    with pytest.raises(CatalogueInvalid) as refused:
        catalogue_parse(content=bad.encode(), source_name="tiny.yaml")
    assert [(p.field, p.where) for p in refused.value.problems] == [
        ("title", "line 4, framework"),
        ("tier", "line 17, components[0].areas[0].criteria[0]"),
        ("weight", "line 31, groups[0].criteria[0]"),
    ]


def test_it_accepts_a_byte_order_mark_and_yml():
    catalogue = catalogue_parse(content=b"\xef\xbb\xbf" + SMALL.encode(), source_name="t.yml")
    assert catalogue.label == "tiny@1"
