"""Framework phrases against plan texts: word by word on lemmas, stems marked with *,
articles skipped, and the plan's own words reported."""

import pytest

from standards.phrases import Matcher


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("victim identification", "Victims' identification at the border"),
        ("рабочая группа", "Заседания рабочими группами проводятся ежеквартально"),
        ("сбор данных", "Организация сбора данных о жертвах"),
        ("training of police", "Training of the police on indicators"),
        ("coordinat*", "Coordinating the national response"),
        ("законодательн*", "Анализ законодательных актов"),
        ("координац", "Совершенствование координации"),  # an unknown word is a stem
        ("re-integrat*", "Re-integration of victims"),
        ("интересов ребенка", "в интересах ребёнка"),
    ],
)
def test_it_finds_a_phrase_in_other_forms(phrase, text):
    assert Matcher({"xx": [phrase]}).search(text) == phrase


@pytest.mark.parametrize(
    ("phrase", "text"),
    [
        ("minor", "Protection of national minorities"),  # a word is not a prefix
        ("data collection", "Collection of art and data"),  # the words follow each other
        ("ban", "Urban development"),
        ("collect information", "Information was collected"),
    ],
)
def test_it_does_not_find_what_is_not_there(phrase, text):
    assert Matcher({"xx": [phrase]}).search(text) is None


def test_it_reports_the_plan_words_that_matched_the_longest_phrase():
    match = Matcher({"en": ["data", "data collection"]}).find("Improve Data Collections now")
    assert (match.phrase, match.words) == ("data collection", "Data Collections")


def test_it_lists_every_phrase_found():
    matcher = Matcher({"en": ["shelter*", "legal aid"], "ru": ["приют"]})
    assert matcher.phrases_in("Shelters and legal aid; приюты") == [
        "legal aid",
        "shelter*",
        "приют",
    ]
