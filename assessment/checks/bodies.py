"""Rules on who is responsible: named institutions rather than categories, and one lead
where several bodies share an activity.

A generic designation ("NGOs", "relevant ministries", "local authorities", "заинтересованные
министерства и ведомства") is recognised by its grammar, not by a list of any country's
institutions: every word of the name is a qualifier ("relevant", "competent", "other",
"local") or a class of institution ("ministries", "agencies", "organisations"), and at
least one word is such a class. A name with any word of its own ("Ministry of Labour",
"the Anti-Trafficking Commission") is a named body.
"""

from __future__ import annotations

import re
from functools import lru_cache

from assessment.checks.registry import Context, Hit, rule
from assessment.checks.sources import field_known, known_activities

RESPONSIBILITIES = (
    "ICMPD 2006 Guidelines, p.21–26: the responsibilities for the different activities "
    "should be clearly defined, so that each body knows what it is accountable for."
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


INSTITUTION_CLASSES = _words(
    """
    ngo ngos nongovernmental organisation organisations organization organizations
    ministries ministry agencies agency institutions institution authorities authority
    bodies body services departments structures municipalities partners stakeholders
    entities actors offices administrations governments sector sectors ios csos
    нпо ного ого министерства министерств ведомства ведомств органы органов организации
    организаций учреждения учреждений структуры структур службы служб партнеры партнёры
    партнеров субъекты субъектов ведомствами органами организациями власти
    """
)
QUALIFIERS = _words(
    """
    the all other others relevant responsible competent concerned interested appropriate
    respective various different related corresponding involved line key main local
    regional national international intergovernmental non governmental government
    state public private civil society community based law enforcement executive
    municipal of and or in on with for as well e g eg etc un
    все другие иные соответствующие соответствующими заинтересованные заинтересованными
    компетентные ответственные профильные причастные местные местных региональные
    государственные государственных международные международных неправительственные
    неправительственных общественные общественных правоохранительные
    правоохранительных исполнительной исполнительные центральные органы и или а также
    по с в других иных
    """
)
WORD = re.compile(r"[^\W_]+")
# "Ministries (Social Welfare, Justice)" names no single body; "(e.g. Police)" neither.
PARENTHESIS = re.compile(r"\([^)]*\)")
# "Ministry of Local Government" is one institution, though every word is generic.
SINGULAR_HEADS = _words(
    "ministry agency authority organisation organization institution body service "
    "department office commission council committee administration"
)
PARTS = re.compile(r"[,;/]|\s(?:and|или|и)\s", re.IGNORECASE)


@lru_cache(maxsize=4096)
def is_generic_designation(name: str) -> bool:
    """Whether a responsible body is a category ("NGOs") rather than an institution."""
    words = [w.lower().replace("-", "") for w in WORD.findall(PARENTHESIS.sub(" ", name))]
    words = [w for w in words if w]
    if any(a in SINGULAR_HEADS and b == "of" for a, b in zip(words, words[1:], strict=False)):
        return False
    return bool(words) and (
        any(w in INSTITUTION_CLASSES for w in words)
        and all(w in INSTITUTION_CLASSES or w in QUALIFIERS for w in words)
    )


@lru_cache(maxsize=4096)
def generic_parts(name: str) -> tuple[str, ...]:
    """The generic designations inside a responsible cell ("Police, NGOs and local
    authorities" → ["NGOs", "local authorities"])."""
    stripped = PARENTHESIS.sub(" ", name)
    return tuple(p.strip() for p in PARTS.split(stripped) if is_generic_designation(p))


def _activity_bodies(ctx: Context) -> dict[int, list[tuple[str, str, str]]]:
    """activity id → [(body name, kind, role)] of the activities whose bodies are known."""
    return {
        a.id: ctx.snapshot.facts[a.id].bodies_named
        for a in ctx.snapshot.activities
        if field_known(ctx, "lead", a) or field_known(ctx, "partners", a)
    }


@rule(
    code="generic-responsible-bodies",
    severity="medium",
    criterion="AP.1",
    title="Generic designations instead of named bodies",
    rationale=RESPONSIBILITIES + " A category (“NGOs”, “relevant ministries”) names nobody "
    "who can be held to account or invited to report.",
    message="Responsible bodies are named as categories, not institutions ({where}): {names}.",
    recommendation="Name the institutions responsible and partnering for each activity (the "
    "ministry, the agency, the organisation), not categories such as “NGOs” or “relevant "
    "ministries”.",
)
def generic_responsible_bodies(ctx: Context):
    if not (field_known(ctx, "lead") or field_known(ctx, "partners")):
        return
    by_activity = _activity_bodies(ctx)
    generic_names: dict[str, None] = {}
    activities = 0
    for bodies in by_activity.values():
        found = [part for name, _kind, _role in bodies for part in generic_parts(name)]
        activities += bool(found)
        generic_names.update(dict.fromkeys(found))
    for stakeholder in ctx.snapshot.stakeholders:  # also those no activity names yet
        generic_names.update(dict.fromkeys(generic_parts(stakeholder["name"])))
    if generic_names:
        names = list(generic_names)
        shown = ", ".join(f"“{n}”" for n in names[:5]) + (" …" if len(names) > 5 else "")
        where = (
            f"in {activities} of {len(by_activity)} activities"
            if activities
            else "in the plan's list of bodies"
        )
        yield Hit("plan", ctx.plan_id, {"where": where, "names": shown})


@rule(
    code="shared-responsibility-no-lead",
    severity="medium",
    criterion="AP.1",
    title="Several bodies share activities and none leads",
    rationale=RESPONSIBILITIES
    + " Where several bodies share an activity, one of them leads and answers for it.",
    message="{count} of {total} activities are assigned to several bodies jointly, with no "
    "lead among them.",
    recommendation="Where several bodies share an activity, name one lead body accountable "
    "for it and list the others as partners.",
)
def shared_responsibility_no_lead(ctx: Context):
    facts = ctx.snapshot.facts
    shared = [a for a in known_activities(ctx, "lead") if facts[a.id].bodies >= 2]
    leaderless = [a for a in shared if not facts[a.id].lead]
    if leaderless:
        yield Hit(
            "plan",
            ctx.plan_id,
            {"count": len(leaderless), "total": len(ctx.snapshot.activities)},
            severity="medium" if len(leaderless) * 2 >= len(shared) else "low",
        )
