"""How the corpus reader types a plan in: timelines, bodies and what the copy lacks."""

from tests.fidelity.corpus import plan_from_corpus


def _plan(activity: dict, period=(2010, 2012)) -> dict:
    data = {
        "source": {"title": "A plan", "country": "A country", "period": list(period)},
        "chapters": [
            {
                "title": "Chapter",
                "goals": [{"title": "Goal", "objectives": [{"title": None, "activities": [
                    {"ref": "1.", "text": "Train judges", "wording": "concrete", **activity}
                ]}]}],
            }
        ],
    }  # fmt: skip
    return plan_from_corpus("a-plan", data).document


def _activity(document: dict) -> dict:
    return document["chapters"][0]["goals"][0]["objectives"][0]["activities"][0]


def test_it_reads_a_deadline_as_a_month_range_from_the_period_start():
    activity = _activity(_plan({"timeline": "March 2011"}))
    assert (activity["start"], activity["end"]) == ("2010-01", "2011-03")


def test_it_runs_an_open_ended_timeline_to_the_end_of_the_period():
    activity = _activity(_plan({"timeline": "Permanently"}))
    assert (activity["start"], activity["end"]) == ("2010-01", "2012-12")
    assert activity["timeframe_as_written"] == "Permanently"


def test_it_reads_a_year_as_that_year():
    activity = _activity(_plan({"timeline": "2011"}))
    assert (activity["start"], activity["end"]) == ("2011-01", "2011-12")


def test_it_keeps_relative_bands_and_unreadable_text_as_written():
    for text in ("Short: draft; Medium: adopt", "20[...]"):
        activity = _activity(_plan({"timeline": text}))
        assert "start" not in activity
        assert activity["timeframe_as_written"] == text


def test_it_enters_bodies_without_a_lead_as_partners():
    activity = _activity(_plan({"responsible_bodies": ["Police", "NGOs"], "lead": None}))
    assert [r["role"] for r in activity["responsibilities"]] == ["partner", "partner"]


def test_it_marks_the_lead_and_gives_generic_bodies_their_kind():
    document = _plan({"lead": "Ministry", "partners": ["NGOs"]})
    roles = [(r["stakeholder"], r["role"]) for r in _activity(document)["responsibilities"]]
    assert roles == [("Ministry", "lead"), ("NGOs", "partner")]
    assert {s["name"]: s["kind"] for s in document["stakeholders"]}["NGOs"] == "ngo"


def test_it_lists_what_the_copy_does_not_include():
    activity = _activity(
        _plan({"retrieval_gaps": ["responsible"], "fields_unknown": ["timeline", "budget"]})
    )
    assert activity["not_in_source"] == ["budget", "lead", "partners", "timeframe"]


def test_it_repeats_the_title_above_a_missing_level():
    objective = _plan({})["chapters"][0]["goals"][0]["objectives"][0]
    assert objective["title"] == "Goal"
