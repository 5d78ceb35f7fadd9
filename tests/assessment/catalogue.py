"""A small ICMPD-like framework built with factories, with the codes the checks cite."""

from tests.factories import (
    AreaFactory,
    ComponentFactory,
    CriterionFactory,
    FrameworkFactory,
    PrincipleFactory,
)

AREAS = {
    "SF": [
        ("SF.1", "Coordination structures", ["coordination", "координац"]),
        ("SF.2", "Legal framework", ["legislation", "law", "законодател"]),
        ("SF.3", "Data collection", ["data collection", "database", "сбор данных"]),
        ("SF.4", "Resources and budget", ["budget", "resources", "бюджет"]),
        ("SF.5", "Review, monitoring and evaluation", ["monitoring", "evaluation", "мониторинг"]),
    ],
    "PR": [
        ("PR.1", "Awareness-raising", ["awareness", "campaign", "информирован"]),
        ("PR.2", "Education", ["training", "education", "обучени"]),
        ("PR.3", "Reduction of vulnerability", ["vulnerab", "employment", "уязвим"]),
    ],
    "SP": [
        ("SP.1", "Victim identification", ["identification of victims", "выявлени"]),
        ("SP.2", "Reflection period and residence", ["reflection period", "residence permit"]),
        ("SP.3", "Social support", ["shelter", "assistance", "rehabilitation", "реабилитац"]),
        ("SP.4", "Civil procedure and witness protection", ["witness", "compensation"]),
        ("SP.5", "Return and reintegration", ["reintegration", "return", "реинтеграц"]),
    ],
    "IP": [
        ("IP.1", "Proactive investigations", ["investigation", "расследован"]),
        ("IP.2", "International cooperation", ["international cooperation", "extradition"]),
        ("IP.3", "Prosecution", ["prosecution", "преследован"]),
        ("IP.4", "Legal redress", ["redress"]),
        ("IP.5", "Treatment of victim-witnesses", ["victim-witness"]),
        ("IP.6", "Anti-corruption", ["corruption", "коррупц"]),
    ],
}
PRINCIPLES = [
    ("P.GO", "Government ownership", ["national coordinator", "government"]),
    ("P.CS", "Civil society participation", ["civil society", "non-governmental"]),
    ("P.HR", "Human rights-based approach", ["human rights", "права человека"]),
    ("P.ID", "Interdisciplinary approach", ["interdisciplinary", "cross-sectoral"]),
    ("P.SU", "Sustainability", ["sustainab", "устойчив"]),
]
STRUCTURAL = ["ST.1", "ST.2", "ST.3", "ST.4", "ST.5", "ST.6", "ST.7"]
STRUCTURAL += ["AP.1", "AP.2", "AP.3", "AP.4", "AP.5", "AP.6"]
STRUCTURAL += ["IN.S", "IN.M", "IN.A", "IN.R", "IN.T"]


def icmpd_like_framework(code="icmpd-2006", version="2006.1", **extra):
    framework = FrameworkFactory(code=code, version=version, **extra)
    titles = {
        "SF": "Supporting framework",
        "PR": "Prevention",
        "SP": "Support and protection",
        "IP": "Investigation and prosecution",
    }
    for order, (component_code, areas) in enumerate(AREAS.items()):
        component = ComponentFactory(
            framework=framework, code=component_code, title=titles[component_code], order=order
        )
        for area_order, (area_code, title, keywords) in enumerate(areas):
            AreaFactory(
                framework=framework,
                component=component,
                code=area_code,
                title=title,
                keywords={"en": keywords},
                order=area_order,
            )
    for order, (principle_code, title, keywords) in enumerate(PRINCIPLES):
        PrincipleFactory(
            framework=framework,
            code=principle_code,
            title=title,
            keywords={"en": keywords},
            order=order,
        )
    for order, criterion_code in enumerate(STRUCTURAL):
        CriterionFactory(
            framework=framework,
            code=criterion_code,
            group=criterion_code.split(".")[0],
            order=order,
        )
    CriterionFactory(
        framework=framework,
        code="SP.3.2",
        group="",
        area=framework.areas.get(code="SP.3"),
        question="Does the plan meet the needs of foreign victims (interpretation, cultural "
        "mediation)?",
        keywords={"en": ["foreign victim", "interpretation", "cultural mediation"]},
        order=100,
    )
    return framework
