"""The development corpus of real plans, read in place and typed in as a clerk would.

The corpus (`<country>-<years>.yaml`, one partial real plan each, with provenance) lives
beside the project, never inside it: it is found through `NAP_CORPUS`, else as
`shared/corpus` in the project's parent folder or one above. Nothing of its text is copied
into the repository; each run reads it again and builds a plan document (JSON v1) the way a
ministry clerk would type the plan into NAP Planner:

- no tags (the reviewer's engine must find the areas on its own);
- chapters, goals and objectives as the source prints them; a missing level repeats the
  title of the level above it (as the source itself does when it has fewer levels);
- the lead and the partners become stakeholders of the plan; bodies named as responsible
  without a lead are all entered as partners (none is marked lead);
- a timeline that is a date or a year becomes a month range; an open-ended one
  ("ongoing", "permanently", "annually") runs to the end of the plan period; relative bands
  ("Short", "Medium") and text that cannot be read as dates get no months; the text itself
  is always kept as the timeframe as written;
- indicators and measures become indicators of the activity (or of the objective, where the
  source gives them once for the whole objective);
- an activity's expected outcome becomes its output; resources given in words are kept
  as written (a budget line only where an amount and a currency are given);
- what the source has but the copy does not include (`retrieval_gaps`, `fields_unknown`)
  is listed in `not_in_source`, for the plan and per activity, so a review does not report
  it as missing.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from actionplan.exchange.json_document import plan_schema

ROOT = Path(__file__).resolve().parents[2]
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}  # fmt: skip
OPEN_ENDED = re.compile(
    r"\b(?:on-?going|permanent(?:ly)?|continuous(?:ly)?|continual(?:ly)?|constant(?:ly)?"
    r"|annual(?:ly)?|every year|each year|regular(?:ly)?)\b|постоянно|ежегодно|на постоянной",
    re.IGNORECASE,
)
RELATIVE_BAND = re.compile(
    r"^\s*(?:short|medium|long)(?:[\s-]+term)?\b|^\s*(?:кратко|средне|долго)срочн", re.IGNORECASE
)
MONTH_YEAR = re.compile(r"\b([a-z]+)\.?\s+((?:19|20)\d\d)\b", re.IGNORECASE)
YEAR_RANGE = re.compile(r"\b((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)\b")
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# Keys of the document that older installations of the format may not know.
OPTIONAL_KEYS = ("not_in_source", "resources_as_written", "timeframe_as_written")
# The corpus' names of fields a source lacks, in the plan document's vocabulary.
FIELD_NAMES = {
    "responsible": ("lead", "partners"),
    "actors": ("lead", "partners"),
    "lead": ("lead",),
    "partners": ("partners",),
    "timeline": ("timeframe",),
    "budget": ("budget",),
    "indicators": ("indicators",),
    "outputs": ("outputs",),
    "text": ("text",),
}
GENERIC_KINDS = (
    (re.compile(r"\bngos?\b|non-?govern|civil society|нпо|общественн", re.I), "ngo"),
    (re.compile(r"international organi[sz]ation|\bun\b|\bunited nations|международн", re.I),
     "international"),
)  # fmt: skip


def corpus_dir() -> Path | None:
    """Where the corpus is, or None: `NAP_CORPUS`, else `shared/corpus` beside the
    project or one level further up (a project checked out in a subfolder)."""
    configured = os.environ.get("NAP_CORPUS")
    candidates = [Path(configured)] if configured else []
    candidates += [parent / "shared" / "corpus" for parent in ROOT.parents[:2]]
    return next((path for path in candidates if path.is_dir()), None)


def corpus_missing_reason() -> str:
    return (
        "The development corpus of real plans is not beside the project: set NAP_CORPUS to "
        "its folder or place it at ../shared/corpus."
    )


@dataclass
class CorpusPlan:
    """One plan of the corpus: its id (the file name), the document a clerk would type in,
    the wording labels of its rows and the refs of its elements in document order."""

    name: str
    source: dict
    document: dict
    wording: dict[str, str] = field(default_factory=dict)  # activity ref → concrete|vague|…

    def importable(self) -> dict:
        """The document without what this installation's format does not know yet."""
        known = plan_schema()["$defs"]["activity"]["properties"]
        return _without(self.document, {k for k in OPTIONAL_KEYS if k not in known})


def corpus_plans(folder: Path | None = None) -> list[CorpusPlan]:
    folder = folder or corpus_dir()
    if folder is None:
        return []
    plans = []
    for path in sorted(folder.glob("*.yaml")):
        if path.name.endswith(".expected.yaml"):
            continue
        with path.open(encoding="utf-8") as handle:
            data = yaml.safe_load(handle)
        plans.append(plan_from_corpus(path.stem, data))
    return plans


def plan_from_corpus(name: str, data: dict) -> CorpusPlan:
    return _Clerk(name, data).type_in()


def _clip(text: str | None, length: int) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= length else text[: length - 1] + "…"


class _Clerk:
    """Types one corpus plan into a plan document."""

    def __init__(self, name: str, data: dict):
        self.name = name
        self.data = data
        self.source = data.get("source") or {}
        start, end = (list(self.source.get("period") or []) + [None, None])[:2]
        self.first_year = int(start or 2000)
        # A source without an end year: the clerk enters the one year it knows.
        self.last_year = int(end or self.first_year)
        self.stakeholders: dict[str, dict] = {}
        self.wording: dict[str, str] = {}
        self.outputs = 0

    def type_in(self) -> CorpusPlan:
        chapters, loose_goals = [], []
        for chapter in self.data.get("chapters") or []:
            goals = [self._goal(goal, chapter.get("title")) for goal in chapter.get("goals") or []]
            if chapter.get("title"):
                chapters.append({"title": _clip(chapter["title"], 300), "goals": goals})
            else:
                loose_goals.extend(goals)
        # Parts the source summarises beyond the rows encoded: their goals and objectives.
        for part in (self.source.get("sections_retrieved") or [])[len(chapters) :]:
            chapters.append(self._summarised_part(part))
        document = {
            "format": "nap-planner/plan",
            "version": 1,
            "plan": self._plan(),
            "sections": self._sections(),
            "stakeholders": list(self.stakeholders.values()),
            "chapters": chapters,
            "goals": loose_goals,
        }
        return CorpusPlan(self.name, self.source, document, self.wording)

    def _plan(self) -> dict:
        plan = {
            "country": _clip(self.source.get("country") or "Not stated", 100),
            "title": _clip(self.source.get("title") or self.name, 300),
            "period_start": self.first_year,
            "period_end": self.last_year,
            "status": "adopted",
            # Every plan of the corpus is an excerpt: further activities and the narrative
            # parts exist in the source but are not in the copy.
            "not_in_source": ["activities", "sections"],
        }
        return plan

    def _summarised_part(self, part: dict) -> dict:
        title = part.get("section") or part.get("strategic_objective") or "Chapter"
        goal = {
            "title": part.get("strategic_objective") or title,
            "objectives": [{"title": text} for text in part.get("operational_objectives") or []],
        }
        return {"title": _clip(title, 300), "goals": [goal]}

    def _sections(self) -> list[dict]:
        sections = []
        if self.source.get("framing_as_written"):
            sections.append(
                {"kind": "preamble", "title": "Preamble", "body": self.source["framing_as_written"]}
            )
        if self.source.get("budget_as_written"):
            sections.append(
                {"kind": "funding", "title": "Funding", "body": self.source["budget_as_written"]}
            )
        return sections

    def _goal(self, data: dict, chapter_title: str | None) -> dict:
        objectives = data.get("objectives") or []
        title = data.get("title") or chapter_title
        if not title:
            titled = [o["title"] for o in objectives if o.get("title")]
            title = titled[0] if titled else "Goal"
        goal = {"title": title}
        problems = data.get("identified_problems_as_written")
        if problems:
            goal["rationale"] = "\n".join(problems)
        if data.get("purpose_as_written"):
            goal["description"] = data["purpose_as_written"]
        goal["objectives"] = [self._objective(o, title) for o in objectives]
        return goal

    def _objective(self, data: dict, goal_title: str) -> dict:
        objective = {"title": data.get("title") or goal_title}
        for name in data.get("objective_actors_as_written") or []:
            self._stakeholder(name)
        indicators = data.get("objective_indicators_as_written") or []
        if indicators:
            objective["indicators"] = [{"definition": text} for text in indicators]
        outputs: list[dict] = []
        objective["activities"] = [self._activity(a, outputs) for a in data.get("activities") or []]
        if outputs:
            objective["outputs"] = outputs
        return objective

    def _activity(self, data: dict, outputs: list[dict]) -> dict:
        ref = str(data.get("ref") or "")
        self.wording[ref] = data.get("wording") or "unknown"
        missing = _fields(data.get("retrieval_gaps")) | _fields(data.get("fields_unknown"))
        activity = {"code": _clip(ref, 20), "title": data.get("text") or ref or "Activity"}
        start, end, as_written = self._timeframe(data.get("timeline"), "timeframe" in missing)
        if start:
            activity["start"], activity["end"] = start, end
        if as_written:
            activity["timeframe_as_written"] = as_written
        if data.get("outputs_as_written") and "outputs" not in missing:
            self.outputs += 1
            key = f"output-{self.outputs}"
            outputs.append({"key": key, "title": data["outputs_as_written"]})
            activity["output"] = key
        responsibilities = self._responsibilities(data)
        if responsibilities:
            activity["responsibilities"] = responsibilities
        indicators = [{"definition": text} for text in data.get("indicators") or [] if text]
        if indicators:
            activity["indicators"] = indicators
        budget = data.get("budget") or {}
        if budget.get("as_written") and "budget" not in missing:
            activity["resources_as_written"] = budget["as_written"]
        if budget.get("amount") is not None and budget.get("currency"):
            activity["budget_lines"] = [
                {"amount": str(budget["amount"]), "currency": budget["currency"]}
            ]
        if missing:
            activity["not_in_source"] = sorted(missing)
        return activity

    def _timeframe(self, text, missing: bool) -> tuple[str | None, str | None, str]:
        """(start, end, as written): the months where the text gives dates, years or an
        open-ended term; the text itself is always kept as written."""
        text = " ".join(str(text or "").split())
        if not text or missing:
            return None, None, ""
        start, end = self._months(text)
        return start, end, text

    def _months(self, text: str) -> tuple[str | None, str | None]:
        whole = (f"{self.first_year}-01", f"{self.last_year}-12")
        if RELATIVE_BAND.search(text):
            return None, None
        months = [
            (int(year), MONTHS[name.lower()])
            for name, year in MONTH_YEAR.findall(text)
            if name.lower() in MONTHS
        ]
        if months:
            last = max(months)
            if self.first_year <= last[0] <= self.last_year:
                return whole[0], f"{last[0]}-{last[1]:02d}"
        if OPEN_ENDED.search(text):
            return whole
        span = YEAR_RANGE.search(text)
        years = [int(y) for y in span.groups()] if span else [int(y) for y in YEAR.findall(text)]
        years = [y for y in years if self.first_year <= y <= self.last_year]
        if years:
            return f"{min(years)}-01", f"{max(years)}-12"
        return None, None

    def _responsibilities(self, data: dict) -> list[dict]:
        lead = data.get("lead")
        bodies = list(data.get("responsible_bodies") or [])
        if lead and lead not in bodies:
            bodies.insert(0, lead)
        rows, seen = [], set()
        for name in [*bodies, *(data.get("partners") or [])]:
            if not name or name in seen:
                continue
            seen.add(name)
            role = "lead" if name == lead else "partner"
            rows.append({"stakeholder": self._stakeholder(name), "role": role})
        return rows

    def _stakeholder(self, name: str) -> str:
        name = _clip(name, 300)
        if name not in self.stakeholders:
            kind = next((k for pattern, k in GENERIC_KINDS if pattern.search(name)), "government")
            self.stakeholders[name] = {"name": name, "kind": kind}
        return name


def _without(value, keys: set[str]):
    if not keys:
        return value
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [_without(item, keys) for item in value]
    return value


def _fields(names) -> set[str]:
    return {mapped for name in names or [] for mapped in FIELD_NAMES.get(name, ())}
