"""Export a plan as a ``nap-planner/plan`` version 1 document.

The document holds everything a plan is made of except database ids and memberships:
references inside it are local keys (stakeholders, sections, outputs) and the codes of
the plan's framework (tags). The number of queries does not depend on the plan's size.
"""

from collections import defaultdict

from django.db.models import Prefetch
from django.utils.text import slugify

from actionplan.exchange.json_document import FORMAT, VERSION, month_format
from actionplan.models import (
    Activity,
    BudgetLine,
    Indicator,
    Output,
    Responsibility,
    SubActivity,
)
from strategy.models import Chapter, Plan, Section, SpecificObjective, StrategicGoal

ORDER = ("order", "pk")
TAG_FIELDS = ("components", "areas", "principles")


def plan_export_json(*, plan: Plan) -> dict:
    content = _PlanContent(plan)
    return {
        "format": FORMAT,
        "version": VERSION,
        "plan": _plan(plan),
        "sections": [_section(s, content) for s in content.sections],
        "stakeholders": [_stakeholder(s, content) for s in content.stakeholders],
        "chapters": [_chapter(c, content) for c in content.chapters],
        "goals": [_goal(g, content) for g in content.goals_by_chapter[None]],
    }


def _by(items, attribute: str) -> dict:
    grouped = defaultdict(list)
    for item in items:
        grouped[getattr(item, attribute)].append(item)
    return grouped


def _tagged(queryset):
    return queryset.prefetch_related(*TAG_FIELDS).order_by(*ORDER)


class _PlanContent:
    """Every element of one plan, loaded in a fixed number of queries and grouped by
    parent, with the local keys the document uses for references."""

    def __init__(self, plan: Plan):
        self.sections = list(
            Section.objects.filter(plan=plan).select_related("component").order_by(*ORDER)
        )
        self.stakeholders = list(plan.stakeholders.order_by("order", "name", "pk"))
        self.chapters = list(_tagged(Chapter.objects.filter(plan=plan)))
        goals = _tagged(StrategicGoal.objects.filter(plan=plan)).prefetch_related(
            Prefetch("background_sections", queryset=Section.objects.order_by(*ORDER))
        )
        self.goals_by_chapter = _by(goals, "chapter_id")
        self.objectives_by_goal = _by(
            _tagged(SpecificObjective.objects.filter(plan=plan)), "goal_id"
        )
        self.outputs_by_objective = _by(
            Output.objects.filter(plan=plan).order_by(*ORDER), "objective_id"
        )
        self.activities_by_objective = _by(
            _tagged(Activity.objects.filter(plan=plan)), "objective_id"
        )
        in_plan = {"activity__plan": plan}
        self.subs_by_activity = _by(
            SubActivity.objects.filter(**in_plan).order_by(*ORDER), "activity_id"
        )
        self.responsibilities_by_activity = _by(
            Responsibility.objects.filter(**in_plan).order_by(*ORDER), "activity_id"
        )
        self.budget_by_activity = _by(
            BudgetLine.objects.filter(**in_plan).order_by(*ORDER), "activity_id"
        )
        self.indicators = defaultdict(list)
        for indicator in Indicator.objects.filter(plan=plan).order_by(*ORDER):
            subject = next(
                (name, getattr(indicator, f"{name}_id"))
                for name in ("goal", "objective", "output", "activity")
                if getattr(indicator, f"{name}_id") is not None
            )
            self.indicators[subject].append(indicator)
        self.section_keys = {s.pk: f"section-{n}" for n, s in enumerate(self.sections, 1)}
        self.stakeholder_keys = _stakeholder_keys(self.stakeholders)
        self.output_keys = self._output_keys()

    def _output_keys(self) -> dict[int, str]:
        """Numbered in the order the document lists them, so that a re-imported plan
        (whose order values are renumbered) gets the same keys."""
        goals = [g for c in self.chapters for g in self.goals_by_chapter[c.pk]]
        goals += self.goals_by_chapter[None]
        outputs = (
            output
            for goal in goals
            for objective in self.objectives_by_goal[goal.pk]
            for output in self.outputs_by_objective[objective.pk]
        )
        return {output.pk: f"output-{n}" for n, output in enumerate(outputs, 1)}


def _stakeholder_keys(stakeholders) -> dict[int, str]:
    """Readable keys (``mia`` for the MIA) that stay the same on every export."""
    keys: dict[int, str] = {}
    taken: set[str] = set()
    for n, stakeholder in enumerate(stakeholders, 1):
        base = slugify(stakeholder.abbreviation or stakeholder.name)[:90] or f"stakeholder-{n}"
        key, suffix = base, 2
        while key in taken:
            key, suffix = f"{base}-{suffix}", suffix + 1
        taken.add(key)
        keys[stakeholder.pk] = key
    return keys


def _tags(element) -> dict:
    return {name: [tag.code for tag in getattr(element, name).all()] for name in TAG_FIELDS}


def _plan(plan: Plan) -> dict:
    framework = plan.framework
    previous = plan.previous_plan
    return {
        "country": plan.country,
        "title": plan.title,
        "description": plan.description,
        "period_start": plan.period_start,
        "period_end": plan.period_end,
        "status": plan.status,
        "adoption_reference": plan.adoption_reference,
        "legal_basis": plan.legal_basis,
        "coordinating_body": plan.coordinating_body,
        **({"not_in_source": plan.not_in_source} if plan.not_in_source else {}),
        "framework": (
            {"code": framework.code, "version": framework.version} if framework else None
        ),
        "previous_plan": (
            {
                "country": previous.country,
                "title": previous.title,
                "period_start": previous.period_start,
                "period_end": previous.period_end,
            }
            if previous
            else None
        ),
    }


def _section(section: Section, content: _PlanContent) -> dict:
    return {
        "key": content.section_keys[section.pk],
        "kind": section.kind,
        "component": section.component.code if section.component else None,
        "title": section.title,
        "body": section.body,
    }


def _stakeholder(stakeholder, content: _PlanContent) -> dict:
    return {
        "key": content.stakeholder_keys[stakeholder.pk],
        "name": stakeholder.name,
        "abbreviation": stakeholder.abbreviation,
        "kind": stakeholder.kind,
        "role": stakeholder.role,
    }


def _chapter(chapter: Chapter, content: _PlanContent) -> dict:
    return {
        "code": chapter.code,
        "title": chapter.title,
        "description": chapter.description,
        "tags": _tags(chapter),
        "goals": [_goal(g, content) for g in content.goals_by_chapter[chapter.pk]],
    }


def _goal(goal: StrategicGoal, content: _PlanContent) -> dict:
    return {
        "code": goal.code,
        "title": goal.title,
        "description": goal.description,
        "rationale": goal.rationale,
        "background_sections": [content.section_keys[s.pk] for s in goal.background_sections.all()],
        "tags": _tags(goal),
        "indicators": _indicators(content, "goal", goal.pk),
        "objectives": [_objective(o, content) for o in content.objectives_by_goal[goal.pk]],
    }


def _objective(objective: SpecificObjective, content: _PlanContent) -> dict:
    return {
        "code": objective.code,
        "title": objective.title,
        "description": objective.description,
        "tags": _tags(objective),
        "indicators": _indicators(content, "objective", objective.pk),
        "outputs": [
            {
                "key": content.output_keys[output.pk],
                "code": output.code,
                "title": output.title,
                "description": output.description,
                "indicators": _indicators(content, "output", output.pk),
            }
            for output in content.outputs_by_objective[objective.pk]
        ],
        "activities": [
            _activity(a, content) for a in content.activities_by_objective[objective.pk]
        ],
    }


def _activity(activity: Activity, content: _PlanContent) -> dict:
    return {
        "code": activity.code,
        "title": activity.title,
        "description": activity.description,
        "output": content.output_keys[activity.output_id] if activity.output_id else None,
        "start": month_format(activity.start_month),
        "end": month_format(activity.end_month),
        **(
            {"timeframe_as_written": activity.timeframe_as_written}
            if activity.timeframe_as_written
            else {}
        ),
        "tags": _tags(activity),
        "responsibilities": [
            {"stakeholder": content.stakeholder_keys[r.stakeholder_id], "role": r.role}
            for r in content.responsibilities_by_activity[activity.pk]
        ],
        "budget_lines": [_budget_line(b) for b in content.budget_by_activity[activity.pk]],
        # Only when given, so documents of plans without them read as before.
        **(
            {"resources_as_written": activity.resources_as_written}
            if activity.resources_as_written
            else {}
        ),
        "indicators": _indicators(content, "activity", activity.pk),
        "sub_activities": [
            {
                "code": sub.code,
                "title": sub.title,
                "description": sub.description,
                "start": month_format(sub.start_month),
                "end": month_format(sub.end_month),
            }
            for sub in content.subs_by_activity[activity.pk]
        ],
        **({"not_in_source": activity.not_in_source} if activity.not_in_source else {}),
    }


def _budget_line(line: BudgetLine) -> dict:
    return {
        "description": line.description,
        "amount": f"{line.amount:.2f}",
        "currency": line.currency,
        "source": line.source,
        "donor_name": line.donor_name,
        "status": line.status,
    }


def _indicators(content: _PlanContent, subject: str, pk: int) -> list[dict]:
    return [
        {
            "level": i.level,
            "definition": i.definition,
            "unit": i.unit,
            "baseline_value": i.baseline_value,
            "baseline_year": i.baseline_year,
            "target_value": i.target_value,
            "target_year": i.target_year,
            "means_of_verification": i.means_of_verification,
            "frequency": i.frequency or None,
            "responsible_body": (
                content.stakeholder_keys[i.responsible_body_id] if i.responsible_body_id else None
            ),
        }
        for i in content.indicators[(subject, pk)]
    ]
