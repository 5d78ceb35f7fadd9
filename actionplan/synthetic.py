"""Synthetic action plans of any size, for benchmarks and for trying the workspace at scale.

The plan reads like a real NAP: chapters of the usual thematic areas (mapped to the
ICMPD 2006 components when that framework is loaded), goals phrased as outcomes,
objectives, outputs, activities with sub-activities, several responsible bodies, budget
lines from the state budget and named donors, and indicators at the output, outcome and
impact levels. It also has the gaps reviewers meet in real plans: activities without a
lead, timeframe, budget or indicator, and activities that simply run for the whole period.

Rows are written with bulk_create, so a plan of 2,000 activities takes seconds. The rows
are valid by construction (tests run full_clean() over a generated plan) because calling
full_clean() on each of thousands of rows would cost one query per row for the lead check.
"""

import datetime
import math
import random
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction

from actionplan.models import (
    Activity,
    BudgetLine,
    Indicator,
    Output,
    Responsibility,
    SubActivity,
)
from standards.models import Component, Framework
from strategy.models import (
    Chapter,
    Plan,
    PlanStatus,
    SpecificObjective,
    Stakeholder,
    StrategicGoal,
)

ACTIVITIES_PER_OBJECTIVE = 6
OBJECTIVES_PER_GOAL = 3
PERIOD_YEARS = 5
FIRST_YEAR = 2019

# Chapter title, the word that finds its ICMPD component, outcome-phrased goals, and
# the people its activities reach.
CHAPTERS: tuple[tuple[str, str, tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "Improvement of the legislative framework",
        "framework",
        (
            "National legislation fully reflects international anti-trafficking standards",
            "Victims' rights are guaranteed by law and applied in practice",
        ),
        ("legal drafters", "members of parliament", "judges"),
    ),
    (
        "Coordination and cooperation",
        "framework",
        (
            "State and non-state actors act on one coordinated national response",
            "Civil society takes part in designing and monitoring the response",
        ),
        ("members of the national working group", "regional coordinators", "NGO partners"),
    ),
    (
        "Prevention and awareness-raising",
        "prevention",
        (
            "People at risk recognise and avoid trafficking situations",
            "The demand for services of trafficked persons decreases",
        ),
        ("school pupils", "job seekers going abroad", "rural communities", "employers"),
    ),
    (
        "Reduction of vulnerability",
        "prevention",
        (
            "Vulnerable groups have access to decent work and social services",
            "Children leaving state care are protected from exploitation",
        ),
        ("young people leaving institutions", "internally displaced persons", "migrants"),
    ),
    (
        "Identification of victims",
        "protection",
        (
            "Victims of trafficking are identified early and referred to assistance",
            "Frontline professionals apply common identification indicators",
        ),
        ("labour inspectors", "border guards", "social workers", "health workers"),
    ),
    (
        "Protection and assistance of victims",
        "protection",
        (
            "Every identified victim receives safe accommodation and assistance",
            "Victim-witnesses are protected throughout criminal proceedings",
        ),
        ("shelter staff", "case managers", "legal aid lawyers"),
    ),
    (
        "Rehabilitation and reintegration",
        "protection",
        (
            "Former victims are durably reintegrated into society",
            "Returned victims regain access to education and employment",
        ),
        ("vocational trainers", "employment counsellors", "returning victims"),
    ),
    (
        "Protection of children",
        "protection",
        (
            "Child victims receive assistance in their best interest",
            "Children at risk of forced begging and labour are protected",
        ),
        ("child protection workers", "school teachers", "juvenile police officers"),
    ),
    (
        "Investigation and prosecution",
        "prosecution",
        (
            "Trafficking cases are investigated proactively and prosecuted effectively",
            "Offenders are convicted and victims receive compensation",
        ),
        ("police investigators", "prosecutors", "judges", "financial investigators"),
    ),
    (
        "International cooperation",
        "prosecution",
        (
            "Cross-border cases are investigated jointly with partner countries",
            "Victims abroad are assisted and returned safely",
        ),
        ("consular staff", "liaison officers", "border police of partner countries"),
    ),
    (
        "Research, data collection and monitoring",
        "framework",
        (
            "Policy rests on reliable data on trafficking in human beings",
            "The plan's implementation is monitored and evaluated independently",
        ),
        ("statistics officers", "the national rapporteur's staff", "researchers"),
    ),
)

ACTIONS = (
    "Train {n} {target} in",
    "Conduct a campaign for {target} on",
    "Develop guidelines for {target} on",
    "Organise round tables with {target} on",
    "Review the practice of {target} regarding",
    "Publish information materials for {target} on",
    "Establish a working procedure with {target} for",
)
TOPICS = (
    "victim identification",
    "labour exploitation",
    "the national referral mechanism",
    "non-punishment of victims",
    "online recruitment",
    "forced begging",
    "safe migration",
    "compensation of victims",
    "data protection in case management",
)
SUB_ACTIONS = (
    "Prepare the terms of reference",
    "Select the participants",
    "Draft the materials",
    "Hold the events",
    "Evaluate the results and report",
)

STAKEHOLDERS: tuple[tuple[str, str, str], ...] = (
    ("Ministry of Internal Affairs", "MIA", Stakeholder.Kind.GOVERNMENT),
    ("Ministry of Justice", "MoJ", Stakeholder.Kind.GOVERNMENT),
    ("Ministry of Labour and Social Protection", "MLSP", Stakeholder.Kind.GOVERNMENT),
    ("Ministry of Education", "MoE", Stakeholder.Kind.GOVERNMENT),
    ("Ministry of Health", "MoH", Stakeholder.Kind.GOVERNMENT),
    ("Ministry of Foreign Affairs", "MFA", Stakeholder.Kind.GOVERNMENT),
    ("State Border Service", "SBS", Stakeholder.Kind.GOVERNMENT),
    ("State Migration Service", "SMS", Stakeholder.Kind.GOVERNMENT),
    ("Prosecutor General's Office", "PGO", Stakeholder.Kind.GOVERNMENT),
    (
        "State Committee for Family, Women and Children Affairs",
        "SCFWCA",
        Stakeholder.Kind.GOVERNMENT,
    ),
    ("Victim Assistance Centre", "VAC", Stakeholder.Kind.GOVERNMENT),
    ("Clean World Public Union", "CW", Stakeholder.Kind.NGO),
    ("Legal Aid Coalition", "LAC", Stakeholder.Kind.NGO),
    ("International Organization for Migration", "IOM", Stakeholder.Kind.INTERNATIONAL),
    ("OSCE Project Co-ordinator", "OSCE", Stakeholder.Kind.INTERNATIONAL),
    ("UNICEF Country Office", "UNICEF", Stakeholder.Kind.INTERNATIONAL),
)
DONORS = ("European Union", "US Department of State", "OSCE", "Council of Europe")
# A donor's grant is budgeted in the donor's currency, so plans carry more than one.
DONOR_CURRENCY = {"US Department of State": "USD"}
COUNTRIES = ("Utopia", "Arcadia", "Erewhon", "Ruritania")


@dataclass
class _Draft:
    """The plan's rows in memory, before they are written."""

    rng: random.Random
    plan: Plan
    stakeholders: list[Stakeholder] = field(default_factory=list)
    chapters: list[Chapter] = field(default_factory=list)
    goals: list[StrategicGoal] = field(default_factory=list)
    objectives: list[SpecificObjective] = field(default_factory=list)
    outputs: list[Output] = field(default_factory=list)
    activities: list[Activity] = field(default_factory=list)


def plan_title(*, activities: int, seed: int) -> str:
    """The title `plan_generate` gives a plan: the same arguments, the same title."""
    return f"Synthetic national action plan of {activities} activities (seed {seed})"


def plan_generate(*, activities: int, seed: int = 0, status: str = PlanStatus.DRAFT) -> Plan:
    """Build and save a realistic plan with `activities` activities; same seed, same plan.
    `status` is where the plan stands in its life (an adopted plan can be monitored)."""
    if activities < 1:
        raise ValueError("A plan needs at least one activity.")
    rng = random.Random(seed)
    with transaction.atomic():
        framework = Framework.objects.filter(code="icmpd-2006", is_current=True).first()
        plan = Plan(
            country=rng.choice(COUNTRIES),
            title=plan_title(activities=activities, seed=seed),
            description="A synthetic plan generated for trying the application at scale.",
            period_start=FIRST_YEAR,
            period_end=FIRST_YEAR + PERIOD_YEARS - 1,
            coordinating_body=STAKEHOLDERS[0][0],
            framework=framework,
            status=status,
        )
        plan.full_clean()
        plan.save()
        draft = _Draft(rng=rng, plan=plan)
        _create_strategy(draft, activities)
        if framework is not None:
            _tag_chapters(draft, framework)
        _create_outputs_and_activities(draft, activities)
        _create_activity_details(draft)
        _create_indicators(draft)
    return plan


def _create_strategy(draft: _Draft, activities: int) -> None:
    plan, rng = draft.plan, draft.rng
    draft.stakeholders = Stakeholder.objects.bulk_create(
        Stakeholder(plan=plan, name=name, abbreviation=abbr, kind=kind, order=i)
        for i, (name, abbr, kind) in enumerate(STAKEHOLDERS)
    )
    n_objectives = math.ceil(activities / ACTIVITIES_PER_OBJECTIVE)
    n_goals = math.ceil(n_objectives / OBJECTIVES_PER_GOAL)
    n_chapters = min(len(CHAPTERS), n_goals)
    draft.chapters = Chapter.objects.bulk_create(
        Chapter(plan=plan, code=str(i + 1), title=CHAPTERS[i][0], order=i)
        for i in range(n_chapters)
    )
    goals = []
    for i in range(n_goals):
        chapter_index = i * n_chapters // n_goals
        outcomes = CHAPTERS[chapter_index][2]
        title = outcomes[i % len(outcomes)]
        goals.append(
            StrategicGoal(
                plan=plan,
                chapter=draft.chapters[chapter_index],
                code=f"{chapter_index + 1}.{i + 1}",
                title=title,
                rationale=rng.choice(("", "The background analysis found gaps here.")),
                order=i,
            )
        )
    draft.goals = StrategicGoal.objects.bulk_create(goals)
    objectives = []
    for i in range(n_objectives):
        goal = draft.goals[i * n_goals // n_objectives]
        topic = rng.choice(TOPICS)
        objectives.append(
            SpecificObjective(
                plan=plan,
                goal=goal,
                code=f"{goal.code}.{i + 1}",
                title=f"Capacity and procedures on {topic} are in place nationwide",
                order=i,
            )
        )
    draft.objectives = SpecificObjective.objects.bulk_create(objectives)


def _tag_chapters(draft: _Draft, framework: Framework) -> None:
    components = list(Component.objects.filter(framework=framework).order_by("order", "code"))
    if not components:
        return
    through = Chapter.components.through
    links = []
    for index, chapter in enumerate(draft.chapters):
        word = CHAPTERS[index][1]
        matching = [c for c in components if word in c.title.lower()]
        component = matching[0] if matching else components[index % len(components)]
        links.append(through(chapter_id=chapter.pk, component_id=component.pk))
    through.objects.bulk_create(links)


def _timeframe(rng: random.Random, plan: Plan) -> tuple[datetime.date | None, ...]:
    roll = rng.random()
    if roll < 0.1:
        return None, None
    if roll < 0.2:  # the vague "throughout the plan" timeframe reviewers criticise
        return plan.period_months
    months = (plan.period_end - plan.period_start + 1) * 12
    start = rng.randrange(months)
    end = min(months - 1, start + rng.randrange(2, 24))
    return _month(plan, start), _month(plan, end)


def _month(plan: Plan, offset: int) -> datetime.date:
    return datetime.date(plan.period_start + offset // 12, offset % 12 + 1, 1)


def _create_outputs_and_activities(draft: _Draft, activities: int) -> None:
    plan, rng = draft.plan, draft.rng
    outputs = []
    for i, objective in enumerate(draft.objectives):
        for k in range(rng.choice((1, 1, 2))):
            outputs.append(
                Output(
                    plan=plan,
                    objective=objective,
                    code=f"{objective.code}.o{k + 1}",
                    title=rng.choice(
                        ("Training curriculum adopted", "Standard operating procedures issued")
                    )
                    + f" ({i + 1}.{k + 1})",
                    order=k,
                )
            )
    draft.outputs = Output.objects.bulk_create(outputs)
    outputs_of: dict[int, list[Output]] = {}
    for output in draft.outputs:
        outputs_of.setdefault(output.objective_id, []).append(output)

    chapter_index = {c.pk: i for i, c in enumerate(draft.chapters)}
    goal_chapter = {g.pk: chapter_index[g.chapter_id] for g in draft.goals}
    rows = []
    n_objectives = len(draft.objectives)
    for i in range(activities):
        objective = draft.objectives[i * n_objectives // activities]
        theme = goal_chapter[objective.goal_id]
        start, end = _timeframe(rng, plan)
        own_outputs = outputs_of.get(objective.pk, [])
        output = rng.choice(own_outputs) if own_outputs and rng.random() < 0.7 else None
        activity = Activity(
            plan=plan,
            objective=objective,
            output=output,
            code=f"{objective.code}.{i + 1}",
            title=_activity_title(rng, theme),
            start_month=start,
            end_month=end,
            order=i,
        )
        rows.append(activity)
    draft.activities = Activity.objects.bulk_create(rows, batch_size=500)


def _activity_title(rng: random.Random, theme: int) -> str:
    action = rng.choice(ACTIONS).format(n=rng.choice((20, 50, 100, 200)), target="{target}")
    target = rng.choice(CHAPTERS[theme][3])
    return f"{action.format(target=target)} {rng.choice(TOPICS)}"


def _create_activity_details(draft: _Draft) -> None:
    rng, plan = draft.rng, draft.plan
    subs, duties, budget = [], [], []
    for activity in draft.activities:
        if rng.random() < 0.4:
            for k, title in enumerate(rng.sample(SUB_ACTIONS, rng.randint(2, 3))):
                subs.append(
                    SubActivity(
                        activity=activity, code=f"{activity.code}.{k + 1}", title=title, order=k
                    )
                )
        duties.extend(_responsibilities(rng, activity, draft.stakeholders))
        if rng.random() < 0.75:
            budget.extend(_budget_lines(rng, activity, plan))
    SubActivity.objects.bulk_create(subs, batch_size=1000)
    Responsibility.objects.bulk_create(duties, batch_size=1000)
    BudgetLine.objects.bulk_create(budget, batch_size=1000)


def _responsibilities(rng, activity: Activity, stakeholders: list[Stakeholder]):
    roll = rng.random()
    if roll < 0.08:  # many bodies, no lead: nobody is accountable
        return [
            Responsibility(activity=activity, stakeholder=s, role="partner", order=k)
            for k, s in enumerate(rng.sample(stakeholders, rng.randint(4, 7)))
        ]
    if roll < 0.15:  # no body at all
        return []
    bodies = rng.sample(stakeholders, rng.randint(1, 4))
    return [
        Responsibility(
            activity=activity,
            stakeholder=body,
            role=Responsibility.Role.LEAD if k == 0 else Responsibility.Role.PARTNER,
            order=k,
        )
        for k, body in enumerate(bodies)
    ]


def _budget_lines(rng, activity: Activity, plan: Plan) -> list[BudgetLine]:
    lines = []
    for k in range(rng.choice((1, 1, 2))):
        source = rng.choice(("state", "state", "donor", "other"))
        if source == BudgetLine.Source.STATE:
            status = rng.choice(("secured", "secured", "pledged"))
        else:
            status = rng.choice(("secured", "pledged", "unfunded"))
        description = rng.choice(("Trainers' fees", "Printing", "Venue and travel", ""))
        amount = Decimal(rng.randrange(10, 400) * 500)
        donor = rng.choice(DONORS) if source == BudgetLine.Source.DONOR else ""
        lines.append(
            BudgetLine(
                activity=activity,
                description=description,
                amount=amount,
                currency=DONOR_CURRENCY.get(donor, "EUR"),
                source=source,
                donor_name=donor,
                status=status,
                order=k,
            )
        )
    return lines


def _create_indicators(draft: _Draft) -> None:
    """Impact indicators for every goal (without target value: a common gap), outcome
    indicators for most objectives, output indicators for most activities."""
    rng = draft.rng
    rows = [_impact_indicator(draft, goal) for goal in draft.goals]
    rows += [_outcome_indicator(draft, o) for o in draft.objectives if rng.random() < 0.6]
    rows += [_output_indicator(draft, a) for a in draft.activities if rng.random() < 0.7]
    Indicator.objects.bulk_create(rows, batch_size=1000)


def _impact_indicator(draft: _Draft, goal: StrategicGoal) -> Indicator:
    plan = draft.plan
    return Indicator(
        plan=plan,
        goal=goal,
        level="impact",
        definition="Number of identified victims of trafficking per year",
        unit="persons",
        baseline_value=str(draft.rng.randrange(40, 120)),
        baseline_year=plan.period_start - 1,
        target_year=plan.period_end,
        means_of_verification="Annual report of the national rapporteur",
        frequency="annual",
        responsible_body=draft.stakeholders[0],
    )


def _outcome_indicator(draft: _Draft, objective: SpecificObjective) -> Indicator:
    return Indicator(
        plan=draft.plan,
        objective=objective,
        level="outcome",
        definition="Share of referred cases handled within the agreed time",
        unit="%",
        target_value="80",
        target_year=draft.plan.period_end,
        means_of_verification=draft.rng.choice(("Case management records", "")),
        frequency="biannual",
    )


def _output_indicator(draft: _Draft, activity: Activity) -> Indicator:
    plan, rng = draft.plan, draft.rng
    return Indicator(
        plan=plan,
        activity=activity,
        level="output",
        definition="Number of persons reached by the activity",
        unit="persons",
        baseline_value="0",
        baseline_year=plan.period_start,
        target_value=str(rng.randrange(50, 500, 10)),
        target_year=rng.randint(plan.period_start, plan.period_end),
        means_of_verification="Attendance lists",
        frequency="annual",
        responsible_body=rng.choice(draft.stakeholders),
    )
