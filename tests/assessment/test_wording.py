import pytest

from assessment.checks.wording import (
    is_phrased_as_action,
    strip_label,
    vague_reason,
    wording_scores,
)
from tests.assessment.wording_cases import WORDING_CASES


@pytest.mark.parametrize(
    "text",
    [
        "To ensure the duration of the measures taken",
        "Conduct awareness campaigns",
        "Organisation of trainings for police officers",
        "Provide shelters for victims",
        "Strengthening cooperation with NGOs",
        "Development of international cooperation",
        "1. Improve the legislation",
        "Обеспечить защиту жертв торговли людьми",
        "Проведение информационных кампаний",
        "Организация обучения сотрудников полиции",
        "Совершенствование законодательства",
        "Strategic goal 2: To protect victims",
        "Objective (b): Improve the identification of victims",
        "Measure 3. Strengthening cooperation with NGOs",
        "1.1. Develop a referral mechanism",
        "Goal 1 - Ensure the protection of victims",
        "Target 1: Further development of the coordination between services",
        "Monitoring underlying problems of trafficking",
        "Цель 1. Обеспечить защиту жертв",
        "Задача 2: Совершенствование законодательства",
    ],
)
def test_it_reads_actions_as_actions(text):
    assert is_phrased_as_action(text)


@pytest.mark.parametrize(
    "text",
    [
        "Victims of trafficking are identified early and referred to assistance",
        "Increased awareness of the risks of trafficking among young people",
        "Public officials apply common indicators",
        "Жертвы торговли людьми своевременно выявляются",
        "Риски торговли людьми снижены",
        "Strategic goal 2: Victims are identified and referred to assistance",
        "Prevention",
        "Chapter II: Prevention",
        "Legislative measures in the field of combating trafficking in human beings",
        "1.1. COORDINATION OF ANTI-TRAFFICKING ACTIVITIES",
        "Protection of victims",
        "Monitoring and evaluation",
        "Support to victims of trafficking",
        "Мера 3. Защита жертв торговли людьми",
    ],
)
def test_it_reads_outcomes_and_topic_headings_as_not_actions(text):
    assert not is_phrased_as_action(text)


@pytest.mark.parametrize(
    "text",
    [
        "Improve cooperation between agencies",
        "Take measures to strengthen prevention",
        "Continue the work",
        "Усилить работу по профилактике торговли людьми",
        "Awareness",
        "Consider introducing a reflection period of up to 90 days",
        "Collect information on trafficking on an on-going basis",
        "Increased public awareness through information campaigns",
        "Regular updates on the situation of trafficking",
        "Engage with countries of origin on the return of victims",
        "Рассмотреть возможность создания приюта",
        "Provide free legal assistance to victims",
        "Strengthen the national referral mechanism",
        "Усилить работу территориальных комиссий",
        "Оказание бесплатной юридической помощи жертвам",
    ],
)
def test_it_finds_vague_wording(text):
    assert vague_reason(text)


@pytest.mark.parametrize(
    "text",
    [
        "Train 200 labour inspectors in victim identification",
        "Improve the referral procedure by adopting a written protocol",
        "Publish an annual report on trafficking cases",
        "Провести 10 семинаров для сотрудников полиции",
        "Develop information materials for social workers",
        "Develop and implement routines for the return of victims",
        "Internal regulation of the national coordinating group",
        "Continue the publication of the annual report on trafficking",
        "Обеспечить работу телефона доверия",
        "Set up a commission on compensation for victims",
    ],
)
def test_it_accepts_concrete_wording(text):
    assert vague_reason(text) is None


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("Strategic goal 2: Victims are protected", "Victims are protected"),
        ("Objective (b): Data are shared", "Data are shared"),
        ("Measure 3. Shelters open", "Shelters open"),
        ("1.1.1. Study of trends", "Study of trends"),
        ("I.2 Revision of the handbook", "Revision of the handbook"),
        ("Goal 1 - Victims recover", "Victims recover"),
        ("Цель 1. Жертвы защищены", "Жертвы защищены"),
        ("Задача 2: Данные собираются", "Данные собираются"),
        ("200 police officers trained", "200 police officers trained"),
        ("Action against trafficking is coordinated", "Action against trafficking is coordinated"),
    ],
)
def test_it_sets_labels_and_numbering_aside(text, bare):
    assert strip_label(text) == bare


def test_it_tells_vague_from_concrete_on_a_labelled_set_of_its_own():
    precision, recall, count = wording_scores(WORDING_CASES)
    assert count >= 40
    assert precision >= 0.85 and recall >= 0.85


def test_a_result_may_be_worded_as_a_result_where_one_is_expected():
    text = "Increased number of victims referred to assistance"
    assert vague_reason(text)
    assert vague_reason(text, result_wording=True) is None
