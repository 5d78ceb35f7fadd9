"""How close the automated review comes to a careful reviewer on real plans it has never
seen: each plan of the development corpus is typed in (tests/fidelity/corpus.py),
imported through the plan importer, reviewed, and checked against the conclusions in
tests/fidelity/expected.py.

    .venv/bin/python bench/fidelity.py [--verbose] [--show PLAN]

Prints, per plan, the conclusions reached and missed (and any contradicted), then the
precision and recall of "vague wording" on the corpus' labelled rows, then the total.
`--show PLAN` (a corpus file name, e.g. a country and its years) prints what the review
of that plan says, element by element, with the plan's own references.
Runs on a throw-away SQLite database unless DATABASE_URL names another one; reads the
corpus from NAP_CORPUS or ../shared/corpus.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
_tmp = tempfile.TemporaryDirectory()
os.environ.setdefault("DATABASE_URL", f"sqlite:///{_tmp.name}/bench.sqlite3")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

from standards.models import Framework  # noqa: E402
from tests.fidelity.corpus import corpus_dir, corpus_missing_reason, corpus_plans  # noqa: E402
from tests.fidelity.harness import CorpusResult, corpus_review, review_corpus_plan  # noqa: E402

STANDARD = Path(__file__).resolve().parent.parent / "fixtures" / "standards" / "icmpd-2006.yaml"


def report(result: CorpusResult, verbose: bool) -> None:
    for plan in result.plans:
        total = len(plan.reached) + len(plan.missed)
        print(f"{plan.name}: {len(plan.reached)} of {total} reached")
        print(f"  reached: {' '.join(c.id for c in plan.reached) or '-'}")
        print(f"  missed:  {' '.join(c.id for c in plan.missed) or '-'}")
        if verbose:
            for conclusion in plan.missed:
                reason = getattr(conclusion.holds, "reason", "")
                print(
                    f"    {conclusion.id} ({conclusion.kind}) {conclusion.says}"
                    + (f" [not reachable: {reason}]" if reason else "")
                )
        for conclusion in plan.contradicted:
            print(f"  CONTRADICTED {conclusion.id}: {conclusion.says}")
        if verbose:
            for ref, label, vague in plan.wording:
                if (label == "vague") != vague:
                    said = "vague" if vague else "concrete"
                    print(f"    wording {ref}: labelled {label}, the review says {said}")
    precision, recall, rows = result.wording_scores()
    print(f"vague wording: precision {precision:.2f} recall {recall:.2f} on {rows} sentences")
    further = further_wording_scores()
    if further:
        precision, recall, rows = further
        print(
            f"vague wording: precision {precision:.2f} recall {recall:.2f} on {rows} sentences"
            " (further labelled set, written in the style of real plans)"
        )
    reached, expected = len(result.reached_ids), result.expected_count
    share = 100 * reached / expected if expected else 0
    print(
        f"corpus: {reached} of {expected} expected conclusions ({share:.0f} %), "
        f"{len(result.contradicted)} contradicted"
    )


def further_wording_scores() -> tuple[float, float, int] | None:
    """The wording rule on the further labelled set kept with the tests, when there is one."""
    try:
        from assessment.checks.wording import wording_scores
        from tests.assessment.wording_cases import WORDING_CASES
    except ImportError:
        return None
    return wording_scores(WORDING_CASES)


def show(name: str, framework: Framework) -> None:
    """What the review says about one plan: strengths, then findings, by plan reference."""
    found = [p for p in corpus_plans() if p.name == name]
    if not found:
        print(f"No corpus plan is named {name}: {', '.join(p.name for p in corpus_plans())}")
        sys.exit(1)
    reviewed = review_corpus_plan(found[0], framework)
    ref_of = {element: ref for ref, element in reviewed.refs.items()}
    for key, mark in (("strengths", "+"), ("findings", "-")):
        for item in reviewed.data.get(key, []):
            ref = ref_of.get((item["element"]["type"], item["element"]["id"]), "?")
            severity = item.get("severity", "")
            print(f"{mark} {item['rule']:<36} {item['criterion'] or '-':<6} {severity:<6} {ref}")
            print(f"    {item['message']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="say what was missed and why")
    parser.add_argument("--show", metavar="PLAN", help="print the review of one corpus plan")
    args = parser.parse_args()
    if corpus_dir() is None:
        print(corpus_missing_reason())
        sys.exit(1)
    call_command("migrate", verbosity=0)
    with open(os.devnull, "w") as quiet:
        call_command("load_standard", str(STANDARD), stdout=quiet)
    framework = Framework.objects.get(code="icmpd-2006", is_current=True)
    if args.show:
        show(args.show, framework)
        return
    report(corpus_review(framework), args.verbose)


if __name__ == "__main__":
    main()
