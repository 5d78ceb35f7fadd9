"""The checklists shipped in fixtures/standards: the codes other parts rely on, and
keywords specific enough to tell which areas a plan addresses."""

import json

import pytest

from standards.models import Area, Criterion, Framework, Principle
from standards.services import framework_load
from tests.standards.samples import FIXTURES

pytestmark = pytest.mark.django_db

AREAS = [
    "SF.1",
    "SF.2",
    "SF.3",
    "SF.4",
    "SF.5",
    "PR.1",
    "PR.2",
    "PR.3",
    "SP.1",
    "SP.2",
    "SP.3",
    "SP.4",
    "SP.5",
    "IP.1",
    "IP.2",
    "IP.3",
    "IP.4",
    "IP.5",
    "IP.6",
]
PRINCIPLES = ["P.GO", "P.CS", "P.HR", "P.ID", "P.SU", "P.GE", "P.BC"]

# Goals and activities of Azerbaijan's NAP 2014-2018 as the ICMPD review describes them.
AZERBAIJAN_NAP = [
    "Legislative measures in the field of combating trafficking in human beings",
    "Harmonisation of the national legal acts with the obligations arising from the "
    "international instruments ratified by Azerbaijan",
    "Coordination of the activities of the participants of the NAP, the support and "
    "resources on combating human trafficking",
    "Prevention of human trafficking and strengthening of its prophylactics",
    "Publicity in respect to combating trafficking in human beings",
    "Raise public awareness about the phenomenon and the risks of becoming a victim",
    "Training of professionals working directly with victims",
    "Scientific research on different aspects of trafficking in human beings",
    "Employment opportunities and social support for socially vulnerable families and children",
    "Decreasing the risk of human trafficking and ensuring social protection for vulnerable groups",
    "Identification and prevention of the root causes of human trafficking",
    "Rehabilitation and reintegration of victims of human trafficking",
    "Psychological and medical rehabilitation, legal assistance, education, employment and "
    "housing for victims",
    "Improvement of assistance provided to the victims and potential victims",
    "Monitoring in cases of child adoption, child protection and guardianship",
    "Protection of victims who are Azerbaijani nationals abroad by consulates",
    "Criminal prosecution of the crime of human trafficking",
    "Combating the legalisation of assets obtained through trafficking in human beings",
    "Development of cooperation with law enforcement bodies of foreign countries",
]


@pytest.fixture
def icmpd():
    framework_load(
        document=(FIXTURES / "icmpd-2006.yaml").read_bytes(), source_name="icmpd-2006.yaml"
    )
    return Framework.objects.get(code="icmpd-2006", is_current=True)


def test_it_has_the_codes_of_the_interface(icmpd):
    assert list(icmpd.components.values_list("code", flat=True)) == ["SF", "PR", "SP", "IP"]
    assert list(icmpd.areas.values_list("code", flat=True)) == AREAS
    assert list(icmpd.principles.values_list("code", flat=True)) == PRINCIPLES
    groups = {
        group: list(icmpd.criteria.filter(group=group).values_list("code", flat=True))
        for group in ("ST", "AP", "IN")
    }
    assert groups == {
        "ST": [f"ST.{n}" for n in range(1, 8)],
        "AP": [f"AP.{n}" for n in range(1, 7)],
        "IN": ["IN.S", "IN.M", "IN.A", "IN.R", "IN.T"],
    }


def test_every_area_and_principle_has_guidance_and_english_and_russian_keywords(icmpd):
    for entry in [*icmpd.areas.all(), *icmpd.principles.all()]:
        assert entry.description, entry.code
        assert entry.keywords.get("en") and entry.keywords.get("ru"), entry.code
        assert entry.criteria.exists(), entry.code
    for criterion in icmpd.criteria.filter(area__isnull=False):
        assert criterion.code.startswith(criterion.area.code + "."), criterion.code


def test_every_criterion_has_english_and_russian_phrases(icmpd):
    for criterion in icmpd.criteria.all():
        assert criterion.keywords.get("en") and criterion.keywords.get("ru"), criterion.code


def test_the_loader_finds_no_entry_without_phrases_in_the_shipped_checklist():
    document = (FIXTURES / "icmpd-2006.yaml").read_bytes()
    report = framework_load(document=document, source_name="icmpd-2006.yaml", dry_run=True)
    assert report.phrase_gaps == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Civil society organisations take part in drafting the plan", "P.CS.1"),
        ("Участие гражданского общества в разработке плана", "P.CS.1"),
        ("Guardianship for unaccompanied minors", "P.BC.1"),
        ("Назначение опеки для несопровождаемых детей", "P.BC.1"),
        ("The lead agency reports to the coordinator", "AP.1"),
        ("Ответственный исполнитель: министерство", "AP.1"),
        ("The frequency of data collection is quarterly", "IN.T"),
        ("Периодичность сбора данных — ежеквартально", "IN.T"),
    ],
)
def test_principle_and_structural_criteria_recognise_their_paraphrases(icmpd, text, code):
    assert Criterion.objects.get(framework=icmpd, code=code).keywords_in(text)


def test_a_criterion_phrase_answers_it_in_other_words(icmpd):
    foreign = Criterion.objects.get(framework=icmpd, code="SP.3.2")
    assert foreign.keywords_in("Victims from the country of origin get an interpreter")
    assert not foreign.keywords_in("Shelters for victims of trafficking")


def test_it_asks_about_foreign_victims_and_the_residence_permit(icmpd):
    foreign = Criterion.objects.get(
        framework=icmpd, area__code="SP.3", question__icontains="foreign"
    )
    assert "interpretation" in foreign.question and "cultural mediation" in foreign.question
    assert Criterion.objects.filter(
        framework=icmpd, area__code="SP.2", question__icontains="residence permit"
    ).exists()


def test_keywords_tell_the_covered_areas_of_the_azerbaijan_plan(icmpd):
    covered = {
        area.code
        for area in Area.objects.filter(framework=icmpd)
        for text in AZERBAIJAN_NAP
        if area.keywords_in(text)
    }
    assert {"PR.1", "PR.2", "PR.3", "SF.2", "IP.2", "SP.3", "SP.5"} <= covered
    assert not {"SF.3", "SF.5", "SP.1", "SP.2", "IP.6"} & covered


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("Создание единой базы данных о жертвах торговли людьми", "SF.3"),
        ("Сбор статистических данных и обмен информацией между ведомствами", "SF.3"),
        ("Ежегодный отчет о выполнении Плана и промежуточная оценка", "SF.5"),
        ("Обновление индикаторов идентификации жертв", "SP.1"),
        ("Предоставление вида на жительство иностранным жертвам", "SP.2"),
        ("Услуги переводчика и культурного посредничества", "SP.3"),
        ("Меры по противодействию коррупции в правоохранительных органах", "IP.6"),
        ("Set up a national database on victims and perpetrators", "SF.3"),
        ("Mid-term review and final evaluation of the NAP", "SF.5"),
        ("Grant a reflection period and a residence permit to foreign victims", "SP.2"),
        ("Anti-corruption measures regarding organised criminal groups", "IP.6"),
        # paraphrases: the topic named in other words than the area's title
        ("A new form of management of the permanent secretariat", "SF.1"),
        ("Заседания территориальных комиссий проводятся ежеквартально", "SF.1"),
        ("Revision of the handbook of interdepartmental procedures", "SP.3"),
        ("Engage with countries in the region for intelligence-sharing", "IP.2"),
        ("Follow-up, return and rehabilitation of women and children", "SP.5"),
        ("Victims may be granted refugee status", "SP.2"),
        ("Изучение, анализ и обобщение практики противодействия", "SF.3"),
    ],
    ids=lambda value: value if len(value) < 6 else None,
)
def test_keywords_recognise_their_area_in_either_language(icmpd, text, area):
    hits = {a.code for a in Area.objects.filter(framework=icmpd) if a.keywords_in(text)}
    assert area in hits


def test_principles_have_recognisable_keywords(icmpd):
    child = Principle.objects.get(framework=icmpd, code="P.BC")
    assert child.keywords_in("Программа реабилитации детей-жертв")


def test_the_smart_checklist_asks_the_same_questions_as_the_icmpd_group(icmpd):
    framework_load(
        document=(FIXTURES / "smart-indicators.yaml").read_bytes(),
        source_name="smart-indicators.yaml",
    )
    smart = Framework.objects.get(code="smart-indicators")
    questions = dict(smart.criteria.values_list("code", "question"))
    assert questions == dict(icmpd.criteria.filter(group="IN").values_list("code", "question"))
    assert not smart.components.exists()


def _plan_texts(node, path=""):
    """Titles and descriptions of the demo plan's chapters, goals, objectives, activities."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _plan_texts(value, key)
    elif isinstance(node, list):
        for value in node:
            yield from _plan_texts(value, path)
    elif isinstance(node, str) and path in ("title", "description"):
        yield node


def test_keywords_find_the_gaps_the_review_found_in_the_demo_plan(icmpd):
    demo = json.loads((FIXTURES.parent / "plans" / "azerbaijan-2014-2018.json").read_text())
    texts = list(_plan_texts(demo["chapters"]))
    covered = {a.code for a in icmpd.areas.all() if any(a.keywords_in(t) for t in texts)}
    assert {"PR.1", "PR.2", "PR.3", "SF.2", "IP.2", "SP.3", "SP.5"} <= covered
    assert not {"SF.3", "SF.5", "SP.1", "SP.2", "IP.6"} & covered


def test_keywords_match_whatever_the_case_the_letter_yo_and_the_inflection(icmpd):
    child = Principle.objects.get(framework=icmpd, code="P.BC")
    found = child.keywords_in("В НАИЛУЧШИХ ИНТЕРЕСАХ РЕБЁНКА")
    assert {"наилучших интересов", "интересов ребенка", "ребен*"} <= set(found)


# Plan-like sentences, one per area, written for this test in English and Russian.
ONE_PER_AREA = [
    ("Establish a national referral mechanism for victims of trafficking", "SP.3"),
    ("Set up an inter-ministerial working group chaired by the national coordinator", "SF.1"),
    ("Deliver training courses for border police officers", "PR.2"),
    ("Run an awareness campaign on social media for young people", "PR.1"),
    ("Protect victim-witnesses during criminal proceedings", "SP.4"),
    ("Create a state fund to compensate victims of trafficking", "IP.4"),
    ("Investigate complicity of public officials in trafficking cases", "IP.6"),
    ("Assist the safe return of nationals trafficked abroad", "SP.5"),
    ("Carry out a mid-term review of the national action plan", "SF.5"),
    ("Develop a central database on trafficking cases", "SF.3"),
    ("Amend the Criminal Code to criminalise all forms of trafficking", "SF.2"),
    ("Issue temporary residence permits to foreign victims", "SP.2"),
    ("Conduct financial investigations into the proceeds of trafficking", "IP.1"),
    ("Sign bilateral agreements with countries of destination", "IP.2"),
    ("Ensure that traffickers are prosecuted and convicted", "IP.3"),
    ("Use video-recorded interviews of child victims in court", "IP.5"),
    ("Create income-generating opportunities for women at risk", "PR.3"),
    ("Allocate funding from the state budget to the action plan", "SF.4"),
    ("Update the indicators for the identification of victims", "SP.1"),
    ("Grant presumed victims a recovery and reflection period", "SP.2"),
    ("Совершенствование национального механизма перенаправления жертв", "SP.3"),
    ("Создание межведомственной рабочей группы по противодействию торговле людьми", "SF.1"),
    ("Проведение обучающих семинаров для сотрудников органов внутренних дел", "PR.2"),
    ("Организация информационно-просветительской кампании среди молодежи", "PR.1"),
    (
        "Обеспечение безопасности потерпевших и свидетелей в ходе уголовного судопроизводства",
        "SP.4",
    ),
    ("Возмещение вреда, причиненного жертвам торговли людьми", "IP.4"),
    ("Усиление борьбы с коррупцией среди должностных лиц", "IP.6"),
    (
        "Помощь гражданам, пострадавшим за рубежом, в возвращении на родину",
        "SP.5",
    ),
    ("Мониторинг и оценка реализации Национального плана действий", "SF.5"),
    ("Создание базы данных о случаях торговли людьми", "SF.3"),
    ("Гармонизация национального законодательства с международными стандартами", "SF.2"),
    (
        "Предоставление временного вида на жительство иностранным жертвам",
        "SP.2",
    ),
    ("Расследование преступлений, совершенных организованными преступными группами", "IP.1"),
    ("Сотрудничество с правоохранительными органами иностранных государств", "IP.2"),
    ("Привлечение к уголовной ответственности лиц, виновных в торговле людьми", "IP.3"),
    ("Проведение допроса несовершеннолетних потерпевших с использованием видеозаписи", "IP.5"),
    ("Профилактика торговли людьми среди детей из малообеспеченных семей", "PR.3"),
    ("Финансирование мероприятий плана из государственного бюджета", "SF.4"),
    ("Выявление жертв торговли людьми сотрудниками пограничной службы", "SP.1"),
    ("Предоставление жертвам периода восстановления и размышления", "SP.2"),
]


@pytest.mark.parametrize(("text", "area"), ONE_PER_AREA, ids=[a for _, a in ONE_PER_AREA])
def test_plan_sentences_find_the_area_they_are_about(icmpd, text, area):
    assert area in {a.code for a in Area.objects.filter(framework=icmpd) if a.keywords_in(text)}
