"""The review on real plans it has never seen: what it reaches must not go back, and it
must not claim what a partial copy of a plan cannot show (the development corpus,
tests/fidelity/corpus.py; figures from bench/fidelity.py)."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from actionplan.exchange.json_document import document_check_schema
from standards.models import Framework
from tests.fidelity.corpus import corpus_dir, corpus_missing_reason, corpus_plans
from tests.fidelity.expected import EXPECTED, MUST_NOT

ROOT = Path(__file__).resolve().parents[2]
STANDARD = ROOT / "fixtures" / "standards" / "icmpd-2006.yaml"
REACHED = Path(__file__).with_name("reached.txt")

needs_corpus = pytest.mark.skipif(corpus_dir() is None, reason=corpus_missing_reason())


def _ids(path: Path) -> set[str]:
    if not path.exists():
        return set()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text().splitlines())
    return {line for line in lines if line}


def test_it_names_every_conclusion_once():
    ids = [c.id for checks in [*EXPECTED.values(), *MUST_NOT.values()] for c in checks]
    assert len(ids) == len(set(ids))
    assert _ids(REACHED) <= set(ids)


@needs_corpus
def test_it_types_in_every_plan_as_a_valid_document():
    plans = corpus_plans()
    assert {p.name for p in plans} == set(EXPECTED)
    for plan in plans:
        document_check_schema(plan.importable())
        assert plan.wording, plan.name


@needs_corpus
def test_it_keeps_what_the_review_reaches_on_real_plans(db):
    from tests.fidelity.harness import corpus_review

    call_command("load_standard", str(STANDARD), stdout=StringIO())
    result = corpus_review(Framework.objects.get(code="icmpd-2006", is_current=True))
    lost = _ids(REACHED) - result.reached_ids
    assert not lost, f"No longer reached: {sorted(lost)}"
    contradicted = sorted(c.id for c in result.contradicted)
    assert not contradicted, f"Claims a partial copy cannot show: {contradicted}"
