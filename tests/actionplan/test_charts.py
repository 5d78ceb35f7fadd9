import datetime
import xml.etree.ElementTree as ET  # noqa: S405 - parses the project's own output
from decimal import Decimal
from types import SimpleNamespace

from actionplan.charts import (
    TimelineGroup,
    budget_svg,
    timeline_svg,
    timeline_table,
)

SVG = "{http://www.w3.org/2000/svg}"


def _parse(svg):
    return ET.fromstring(svg)  # noqa: S314 - the project's own output, not untrusted input


def _activity(title, start=None, end=None, code="A1"):
    return SimpleNamespace(code=code, title=title, start_month=start, end_month=end)


def _bars(svg):
    return _parse(svg).findall(f".//{SVG}rect[@rx]")


def test_it_draws_one_bar_per_scheduled_activity_inside_the_period():
    groups = [
        TimelineGroup(
            "1. Prevention",
            [
                _activity("Train", datetime.date(2019, 1, 1), datetime.date(2019, 12, 1)),
                _activity("Hotline", datetime.date(2021, 7, 1), datetime.date(2023, 12, 1)),
                _activity("Vague activity"),
            ],
        )
    ]
    svg = timeline_svg(period_start=2019, period_end=2023, groups=groups)
    root = _parse(svg)
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "Timeline of activities"
    assert "3 activities" in root.find(f"{SVG}desc").text
    bars = _bars(svg)
    assert len(bars) == 2
    # A year is a fifth of the chart: the first bar is a fifth as wide as five years.
    first, second = (float(b.get("width")) for b in bars)
    assert abs(second / first - 2.5) < 0.01
    assert "no timeframe" in svg
    for year in range(2019, 2024):
        assert f">{year}<" in svg


def test_it_places_each_bar_of_the_printed_timeline_on_the_months_it_runs():
    groups = [
        TimelineGroup(
            "1. Prevention",
            [
                _activity("Train", datetime.date(2019, 1, 1), datetime.date(2019, 12, 1)),
                _activity("Hotline", datetime.date(2021, 7, 1), datetime.date(2023, 12, 1)),
                _activity("Always", datetime.date(2019, 1, 1), datetime.date(2023, 12, 1)),
                _activity("Vague activity"),
                _activity("Late", datetime.date(2025, 1, 1), datetime.date(2025, 6, 1)),
            ],
        )
    ]
    table = timeline_table(period_start=2019, period_end=2023, groups=groups)
    assert table.years == [2019, 2020, 2021, 2022, 2023] and table.quarters
    [(title, bars)] = table.groups
    assert title == "1. Prevention"
    train, hotline, always, vague, late = bars
    assert (train.left, train.width, train.when) == ("0.00", "20.00", "Jan 2019 – Dec 2019")
    assert (hotline.left, hotline.width) == ("50.00", "50.00")
    assert always.whole and not train.whole
    assert vague.note == "no timeframe" and not vague.width
    assert late.note == "outside the plan period" and not late.width


def test_it_escapes_markup_in_titles():
    groups = [TimelineGroup("<b>Chapter</b>", [_activity('<script>alert("x")</script>')])]
    svg = timeline_svg(period_start=2019, period_end=2020, groups=groups, title="<i>Plan</i>")
    assert "<script>" not in svg and "<b>" not in svg and "<i>" not in svg
    assert "&lt;script&gt;" in svg
    _parse(svg)  # still well-formed


def test_it_says_so_when_there_are_no_activities():
    svg = timeline_svg(period_start=2019, period_end=2020, groups=[])
    assert "no activities yet" in svg


def test_it_stacks_budget_bars_by_status():
    svg = budget_svg(
        currency="EUR",
        rows=[
            ("State budget", {"secured": Decimal(300), "unfunded": Decimal(100)}),
            ("Donor: <EU>", {"pledged": Decimal(200)}),
        ],
    )
    root = _parse(svg)
    fills = [r.get("fill") for g in root.findall(f"{SVG}g") for r in g.findall(f"{SVG}rect")]
    assert fills.count("#198754") == 2  # secured: one bar segment plus the legend swatch
    assert "Donor: &lt;EU&gt;" in svg
    assert "400 EUR" in svg.replace("\u202f", "")
    assert "EUR" in root.find(f"{SVG}title").text


def test_it_prints_on_an_a4_page_with_weasyprint():
    import io

    import weasyprint
    from pypdf import PdfReader

    groups = [
        TimelineGroup(
            "1. Prevention",
            [_activity("Awareness campaign", datetime.date(2019, 3, 1), datetime.date(2020, 6, 1))],
        )
    ]
    svg = timeline_svg(period_start=2019, period_end=2023, groups=groups)
    budget = budget_svg(currency="EUR", rows=[("State budget", {"secured": Decimal(5)})])
    html = f"<style>@page {{ size: A4; margin: 2cm }}</style><figure>{svg}</figure>{budget}"
    pdf = PdfReader(io.BytesIO(weasyprint.HTML(string=html).write_pdf()))
    assert len(pdf.pages) == 1
    text = pdf.pages[0].extract_text()
    assert "1. Prevention" in text and "2023" in text and "State budget" in text
