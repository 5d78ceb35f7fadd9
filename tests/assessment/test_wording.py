import pytest

from assessment.checks.wording import is_phrased_as_action, vague_reason


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
    ],
)
def test_it_reads_outcomes_as_outcomes(text):
    assert not is_phrased_as_action(text)


@pytest.mark.parametrize(
    "text",
    [
        "Improve cooperation between agencies",
        "Take measures to strengthen prevention",
        "Continue the work",
        "Усилить работу по профилактике торговли людьми",
        "Awareness",
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
    ],
)
def test_it_accepts_concrete_wording(text):
    assert vague_reason(text) is None
