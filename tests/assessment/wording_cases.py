"""A labelled set of activity sentences, written for this project in the manner of
national anti-trafficking action plans (English and Russian), to measure the vague-wording
check apart from the development corpus it was tuned on.

Labels follow ICMPD 2006: *concrete* names a deliverable one could see delivered or count
(a law or amendment, a training of a named group, a campaign, a database, a shelter, a
study, a procedure or agreement adopted, a body set up) or a quantity or frequency;
*vague* is an open-ended intention or policy with nothing countable.
"""

CONCRETE = "concrete"
VAGUE = "vague"

WORDING_CASES: list[tuple[str, str]] = [
    # English, concrete
    (
        "Draft amendments to the Criminal Code defining forced begging as a form of exploitation",
        CONCRETE,
    ),
    ("Adopt a by-law on the national referral mechanism", CONCRETE),
    ("Organise a two-day training for labour inspectors on indicators of forced labour", CONCRETE),
    (
        "Train border guards at the main crossing points in the identification of presumed victims",
        CONCRETE,
    ),
    ("Launch a national information campaign for young people before the summer season", CONCRETE),
    ("Set up a central database of identified victims with agreed definitions", CONCRETE),
    ("Open a shelter for child victims in the capital", CONCRETE),
    ("Carry out a study on trafficking for labour exploitation in agriculture", CONCRETE),
    (
        "Sign a cooperation agreement between the Ministry of Interior and assisting NGOs",
        CONCRETE,
    ),
    ("Establish an inter-agency working group on the identification of victims", CONCRETE),
    ("Publish a yearly report on the implementation of the action plan", CONCRETE),
    ("Hold quarterly meetings of the national coordination council", CONCRETE),
    ("Develop standard operating procedures for the return of victims", CONCRETE),
    ("Include a module on trafficking in the curriculum of the Police Academy", CONCRETE),
    ("Provide free legal aid to 150 victims per year", CONCRETE),
    (
        "Improve the referral of victims by adopting a protocol between police and shelters",
        CONCRETE,
    ),
    ("Ensure the operation of a 24-hour hotline for victims and witnesses", CONCRETE),
    (
        "Translate the identification guidelines into the three main languages of migrant workers",
        CONCRETE,
    ),
    ("Conduct an evaluation of the national action plan at the end of its second year", CONCRETE),
    ("Print and distribute leaflets on safe migration at consulates", CONCRETE),
    (
        "Create a specialised unit for trafficking investigations in the prosecutor's office",
        CONCRETE,
    ),
    ("Allocate funds in the state budget for the running costs of the shelters", CONCRETE),
    ("Train relevant staff of the 12 regional police units on victim identification", CONCRETE),
    ("Develop guidelines for relevant ministries on the referral of victims", CONCRETE),
    # English, vague
    ("Provide relevant information to labour migrants", VAGUE),
    ("Improve cooperation between state bodies and civil society", VAGUE),
    ("Strengthen the fight against trafficking in human beings", VAGUE),
    ("Take necessary measures to protect the rights of victims", VAGUE),
    ("Continue efforts to raise awareness of the population", VAGUE),
    ("Consider the possibility of ratifying the Council of Europe Convention", VAGUE),
    ("Promote international cooperation in combating trafficking", VAGUE),
    ("Regular exchange of information between law enforcement bodies", VAGUE),
    ("Pay attention to the situation of children at risk", VAGUE),
    ("Increased capacity of law enforcement to detect trafficking cases", VAGUE),
    ("Support non-governmental organisations working with victims", VAGUE),
    ("Systematic monitoring of job advertisements abroad", VAGUE),
    ("Engage with the private sector on the prevention of labour exploitation", VAGUE),
    ("Explore options for a compensation scheme for victims", VAGUE),
    ("Facilitate the reintegration of returned victims", VAGUE),
    ("Work towards closer cooperation with countries of destination", VAGUE),
    ("Further strengthening of the coordination of anti-trafficking activities", VAGUE),
    ("Inform the public about the dangers of irregular migration on an ongoing basis", VAGUE),
    # Russian, concrete
    ("Разработать проект закона о внесении изменений в Уголовный кодекс", CONCRETE),
    ("Провести 12 обучающих семинаров для сотрудников полиции и прокуратуры", CONCRETE),
    ("Создать единую базу данных о жертвах торговли людьми", CONCRETE),
    ("Открыть приют для пострадавших от торговли людьми в каждом регионе", CONCRETE),
    ("Организовать информационную кампанию для выпускников школ", CONCRETE),
    ("Утвердить порядок взаимодействия органов при выявлении жертв", CONCRETE),
    ("Провести исследование причин трудовой эксплуатации мигрантов", CONCRETE),
    ("Ежегодно издавать доклад о реализации Национального плана", CONCRETE),
    ("Заключить соглашение о сотрудничестве с Международной организацией по миграции", CONCRETE),
    ("Обеспечить работу телефона доверия для жертв торговли людьми", CONCRETE),
    ("Включить курс по противодействию торговле людьми в учебные программы Академии МВД", CONCRETE),
    # Russian, vague
    ("Принять необходимые меры по защите свидетелей", VAGUE),
    ("Усилить работу по профилактике торговли людьми", VAGUE),
    (
        "Совершенствовать взаимодействие государственных органов с общественными организациями",
        VAGUE,
    ),
    ("Продолжить работу по информированию населения", VAGUE),
    ("Принимать меры по защите прав жертв торговли людьми", VAGUE),
    ("Рассмотреть вопрос о создании фонда помощи жертвам", VAGUE),
    ("Содействовать реинтеграции жертв торговли людьми", VAGUE),
    ("Регулярное информирование населения о рисках незаконной миграции", VAGUE),
    ("Развитие международного сотрудничества в сфере противодействия торговле людьми", VAGUE),
    ("Повышение эффективности деятельности правоохранительных органов", VAGUE),
    ("Постоянно осуществлять контроль за деятельностью частных агентств занятости", VAGUE),
]
