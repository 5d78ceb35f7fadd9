"""The bad-file corpus: each file is refused with a message that says where the problem
is, and nothing at all is written."""

import pytest

from actionplan.exchange.xlsx_import import (
    ImportRejected,
    plan_import_xlsx,
    plan_import_xlsx_preview,
)
from actionplan.models import Activity, BudgetLine
from strategy.models import Plan, Stakeholder
from tests.actionplan.exchange.xlsx_workbooks import BAD_FILES
from tests.factories import FrameworkFactory


def _counts():
    return (
        Plan.objects.count(),
        Activity.objects.count(),
        Stakeholder.objects.count(),
        BudgetLine.objects.count(),
    )


def test_it_has_a_corpus_of_at_least_25_bad_files():
    assert len(BAD_FILES) >= 25


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_it_names_the_problem_and_writes_nothing(name, cast):
    FrameworkFactory(code="icmpd-2006")
    build, fragments = BAD_FILES[name]
    data = build()
    before = _counts()

    preview = plan_import_xlsx_preview(file=data, user=cast.coordinator)

    assert not preview.is_valid
    messages = [str(problem) for problem in preview.problems]
    assert any(all(f in m for f in fragments) for m in messages), messages
    with pytest.raises(ImportRejected) as rejected:
        plan_import_xlsx(file=data, user=cast.coordinator)
    assert [str(p) for p in rejected.value.problems] == messages
    assert _counts() == before
