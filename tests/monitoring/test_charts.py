from collections import Counter
from decimal import Decimal

from monitoring.charts import budget_spent_svg, indicator_svg, status_bars_svg

HOSTILE = '<script>alert("x")</script>'


def test_it_names_each_chart_and_describes_its_figures():
    svg = status_bars_svg(title="By chapter", rows=[("Prevention", Counter(delayed=2))])
    assert "<title>By chapter</title>" in svg
    assert "<desc>Prevention: Delayed 2</desc>" in svg
    assert "style=" not in svg


def test_it_escapes_what_users_wrote():
    svg = status_bars_svg(title=HOSTILE, rows=[(HOSTILE, Counter(completed=1))])
    svg += indicator_svg(title=HOSTILE, baseline=None, target=None, values=[(HOSTILE, None)])
    svg += budget_spent_svg(currency="EUR", rows=[(HOSTILE, Decimal(1), Decimal(0))])
    assert "<script>" not in svg


def test_it_keeps_one_currency_per_budget_chart():
    svg = budget_spent_svg(currency="AZN", rows=[("State budget", Decimal(500), Decimal(120))])
    assert "AZN" in svg and "EUR" not in svg
    assert "planned 500.00, spent 120.00" in svg


def test_it_draws_an_indicator_between_its_baseline_and_target():
    svg = indicator_svg(
        title="Victims identified",
        baseline=Decimal(10),
        target=Decimal(100),
        values=[("2019", Decimal(40)), ("2020", None)],
    )
    assert "baseline 10; target 100; 2019: 40; 2020: no value" in svg


def test_it_writes_indicator_values_without_trailing_zeros():
    svg = indicator_svg(
        title="Share", baseline=None, target=None, values=[("2019", Decimal("40.0000"))]
    )
    assert ">40<" in svg and "40.0000" not in svg
