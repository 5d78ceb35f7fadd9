"""Export a plan as a Word document that follows the model templates of the ICMPD review
(seed, Annexes 2 and 3): the national strategy (preamble, background analysis, guiding
principles, stakeholders, strategic goals and specific objectives), then the action plan
as one table per specific objective (outputs, activities, sub-activities, lead body and
partners, timeline, budget, indicators).

Headings use Word's own Heading 1–3 styles and the document opens with a table-of-contents
field, so Word builds the contents from them. The document is rendered from the plan's
JSON export, so it shows exactly what an export carries, in a fixed number of queries.
"""

import io
import re
from collections.abc import Iterable
from decimal import Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt

from actionplan.exchange.json_export import plan_export_json
from actionplan.models import BudgetLine, Indicator
from actionplan.resources import ResourcePlan, resource_plan
from strategy.models import Plan, PlanStatus, Section, Stakeholder

# Characters XML 1.0 cannot hold; python-docx refuses them, so they are dropped.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
STRATEGY_SECTIONS = (
    (Section.Kind.PREAMBLE, gettext_lazy("Preamble")),
    (Section.Kind.BACKGROUND, gettext_lazy("Background analysis")),
    (Section.Kind.PRINCIPLES, gettext_lazy("Guiding principles")),
)
ACTION_PLAN_COLUMNS = (
    gettext_lazy("No."),
    gettext_lazy("Output / activity / sub-activity"),
    gettext_lazy("Lead body"),
    gettext_lazy("Partners"),
    gettext_lazy("Timeline"),
    gettext_lazy("Budget"),
    gettext_lazy("Indicators"),
)
ACTION_PLAN_SHARES = (5, 30, 10, 14, 9, 13, 19)


def plan_export_docx(*, plan: Plan) -> bytes:
    document = plan_export_json(plan=plan)
    components = (
        {c.code: c.title for c in plan.framework.components.all()} if plan.framework else {}
    )
    writer = _Writer(document, components, resource_plan(plan))
    writer.write()
    buffer = io.BytesIO()
    writer.docx.save(buffer)
    return buffer.getvalue()


def clean(text) -> str:
    return NOT_XML.sub("", str(text or ""))


def _month(value: str | None) -> str:
    if not value:
        return ""
    year, month = value.split("-")
    return f"{month}/{year}"


class _Writer:
    def __init__(self, document: dict, components: dict[str, str], resources: ResourcePlan):
        self.data = document
        self.components = components
        self.resources = resources
        self.docx = Document()
        self.bodies = {s["key"]: s for s in document["stakeholders"]}
        self.sections = document["sections"]
        self.style_ids: dict[str, str] = {}
        self.table_text = _table_text_style(self.docx)

    # --- building blocks -------------------------------------------------------------

    def styled(self, style: str | None = None):
        """A new paragraph. The style id is set directly: python-docx looks a style up
        by name on every call, which dominated the time of a large plan."""
        paragraph = self.docx.add_paragraph()
        if style:
            if style not in self.style_ids:
                self.style_ids[style] = self.docx.styles[style].style_id
            paragraph._p.style = self.style_ids[style]
        return paragraph

    def heading(self, text: str, level: int):
        paragraph = self.styled("Title" if level == 0 else f"Heading {level}")
        paragraph.add_run(clean(text))
        return paragraph

    def paragraph(self, text: str = "", style: str | None = None, bold_label: str = ""):
        paragraph = self.styled(style)
        if bold_label:
            paragraph.add_run(clean(bold_label)).bold = True
        _add_lines(paragraph, text)
        return paragraph

    def body(self, text: str) -> None:
        """Narrative text: blank lines separate paragraphs, single newlines break lines."""
        for block in re.split(r"\n\s*\n", clean(text).strip()):
            if block:
                self.paragraph(block)

    def body_name(self, key: str | None) -> str:
        if not key:
            return ""
        body = self.bodies[key]
        return body["abbreviation"] or body["name"]

    def table(self, header: tuple[str, ...], rows: list[tuple], shares: tuple[int, ...]):
        """A table whose columns take `shares` of the text width. Created whole and
        filled through the XML: python-docx's add_row and row.cells cost time in the
        size of the table, and a large plan has thousands of cells."""
        table = self.docx.add_table(rows=len(rows) + 1, cols=len(header))
        table.style = self.docx.styles["Table Grid"]
        section = self.docx.sections[-1]
        text_width = section.page_width - section.left_margin - section.right_margin
        widths = [Emu(text_width * share // sum(shares)) for share in shares]
        for column, width in zip(table._tbl.tblGrid.gridCol_lst, widths, strict=True):
            column.w = width
        for n, (tr, values) in enumerate(zip(table._tbl.tr_lst, [header, *rows], strict=True)):
            for tc, value, width in zip(tr.tc_lst, values, widths, strict=True):
                tc.tcPr.tcW.w = width  # add_table gave every cell a tcW; resize it
                _fill_cell(tc.p_lst[0], value, self.table_text, bold=n == 0)
        _repeat_as_header(table.rows[0])
        self.styled()

    # --- the document ----------------------------------------------------------------

    def write(self) -> None:
        self.title_page()
        self.strategy()
        self.action_plan()

    def title_page(self) -> None:
        plan = self.data["plan"]
        self.heading(plan["title"], 0)
        status = dict(PlanStatus.choices).get(plan["status"], plan["status"])
        facts = [
            (_("Country: "), plan["country"]),
            (_("Period: "), f"{plan['period_start']}–{plan['period_end']}"),
            (_("Status: "), status),
            (_("Adopted by: "), plan["adoption_reference"]),
            (_("Coordinating body: "), plan["coordinating_body"]),
        ]
        for label, value in facts:
            if value:
                self.paragraph(value, bold_label=label)
        if plan["description"]:
            self.body(plan["description"])
        self.paragraph(_("Contents"), style="TOC Heading")
        _add_toc_field(self.styled())
        _update_fields_on_open(self.docx)
        self.docx.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def strategy(self) -> None:
        self.heading(_("National strategy"), 1)
        for kind, title in STRATEGY_SECTIONS:
            self.narrative(kind, str(title))
        self.stakeholders()
        self.heading(_("Strategic goals and specific objectives"), 2)
        for chapter in self.chapters():
            self.heading(_numbered(chapter), 3)
            if chapter["description"]:
                self.body(chapter["description"])
            for goal in chapter["goals"]:
                self.goal(goal)
        for kind, title in ((Section.Kind.OTHER, _("Other provisions")),):
            self.narrative(kind, str(title))
        plan = self.data["plan"]
        if plan["legal_basis"]:
            self.heading(_("Legal basis"), 2)
            for line in clean(plan["legal_basis"]).splitlines():
                if line.strip():
                    self.paragraph(line.strip(), style="List Bullet")

    def narrative(self, kind: str, title: str) -> None:
        sections = [s for s in self.sections if s["kind"] == kind]
        if not sections:
            return
        self.heading(title, 2)
        for section in sections:
            component = self.components.get(section["component"] or "")
            self.heading(f"{section['title']} ({component})" if component else section["title"], 3)
            self.body(section["body"])

    def stakeholders(self) -> None:
        narrative = [s for s in self.sections if s["kind"] == Section.Kind.STAKEHOLDERS]
        if not (narrative or self.data["stakeholders"]):
            return
        self.heading(_("Stakeholders and their roles"), 2)
        for section in narrative:
            self.heading(section["title"], 3)
            self.body(section["body"])
        if not self.data["stakeholders"]:
            return
        kinds = dict(Stakeholder.Kind.choices)
        rows = [
            (s["name"], s["abbreviation"], kinds.get(s["kind"], s["kind"]), s["role"])
            for s in self.data["stakeholders"]
        ]
        header = (_("Institution"), _("Abbreviation"), _("Kind"), _("Role"))
        self.table(header, rows, (5, 2, 2, 5))

    def chapters(self) -> list[dict]:
        chapters = list(self.data["chapters"])
        if self.data["goals"]:
            chapters.append(
                {
                    "code": "",
                    "title": _("Goals outside the chapters"),
                    "description": "",
                    "goals": self.data["goals"],
                }
            )
        return chapters

    def goal(self, goal: dict) -> None:
        self.paragraph(goal["title"], bold_label=_label(_("Strategic goal"), goal["code"]))
        for text in (goal["description"], goal["rationale"]):
            if text:
                self.body(text)
        self.indicator_list(goal["indicators"])
        for objective in goal["objectives"]:
            label = _label(_("Specific objective"), objective["code"])
            self.paragraph(objective["title"], style="List Bullet", bold_label=label)

    def indicator_list(self, indicators: Iterable[dict]) -> None:
        for indicator in indicators:
            label = _("Indicator: ")
            self.paragraph(_indicator(indicator), style="List Bullet 2", bold_label=label)

    # --- action plan -----------------------------------------------------------------

    def action_plan(self) -> None:
        section = self.docx.add_section()
        _landscape(section)
        self.heading(_("Action plan"), 1)
        for chapter in self.chapters():
            self.heading(_numbered(chapter), 2)
            for goal in chapter["goals"]:
                for objective in goal["objectives"]:
                    self.objective_table(goal, objective)
        self.resource_tables()
        self.narrative(Section.Kind.FUNDING, _("Funding"))
        self.narrative(Section.Kind.MONITORING, _("Monitoring and evaluation"))

    def resource_tables(self) -> None:
        """The national resource plan: totals per chapter and per funding source, per
        currency (amounts in different currencies are never added)."""
        self.heading(_("National resource plan"), 2)
        if not self.resources.has_budget:
            self.paragraph(_("No budget lines are planned for the activities."))
            self.resources_without_amounts(count_missing=False)
            return
        columns = (_("Secured"), _("Pledged"), _("Unfunded"), _("Total"))
        for currency in self.resources.currencies:
            self.heading(_("Budget in %(currency)s") % {"currency": currency.currency}, 3)
            for label, groups in (
                (_("Chapter"), currency.by_chapter),
                (_("Funding source"), currency.by_source),
            ):
                rows = [(name, *_amounts(a)) for name, a in groups.items()]
                rows.append((_("Total"), *_amounts(currency.total)))
                self.table((label, *columns), rows, (8, 3, 3, 3, 3))
        self.resources_without_amounts()

    def resources_without_amounts(self, *, count_missing: bool = True) -> None:
        total = self.resources.activity_count
        in_words = len(self.resources.in_words)
        if in_words:
            self.paragraph(
                _(
                    "%(count)s of %(total)s activities state their resources in words only, "
                    "with no amount."
                )
                % {"count": in_words, "total": total}
            )
        missing = len(self.resources.unbudgeted)
        if missing and count_missing:
            self.paragraph(
                _("%(count)s of %(total)s activities have no budget line and state no resources.")
                % {"count": missing, "total": total}
            )

    def objective_table(self, goal: dict, objective: dict) -> None:
        self.heading(_label(_("Specific objective"), objective["code"]) + objective["title"], 3)
        self.paragraph(goal["title"], bold_label=_("Strategic goal: "))
        self.indicator_list(objective["indicators"])
        rows = []
        outputs = {o["key"]: o for o in objective["outputs"]}
        for output in objective["outputs"]:
            rows.append(self.output_row(output))
            rows += self.activity_rows(
                a for a in objective["activities"] if a["output"] == output["key"]
            )
        rows += self.activity_rows(a for a in objective["activities"] if a["output"] not in outputs)
        if rows:
            self.table(tuple(map(str, ACTION_PLAN_COLUMNS)), rows, ACTION_PLAN_SHARES)
        else:
            self.paragraph(_("No activities are planned for this objective yet."))

    def output_row(self, output: dict) -> tuple:
        indicators = "\n".join(_indicator(i) for i in output["indicators"])
        return (output["code"], f"Output: {output['title']}", "", "", "", "", indicators)

    def activity_rows(self, activities: Iterable[dict]) -> list[tuple]:
        rows = []
        for activity in activities:
            lead = [r for r in activity["responsibilities"] if r["role"] == "lead"]
            partners = [r for r in activity["responsibilities"] if r["role"] != "lead"]
            rows.append(
                (
                    activity["code"],
                    "\n".join(filter(None, [activity["title"], activity["description"]])),
                    ", ".join(self.body_name(r["stakeholder"]) for r in lead),
                    ", ".join(self.body_name(r["stakeholder"]) for r in partners),
                    _timeline(activity),
                    "\n".join(
                        [
                            *(_budget_line(b) for b in activity["budget_lines"]),
                            *_as_written(activity.get("resources_as_written", "")),
                        ]
                    ),
                    "\n".join(
                        _indicator(i, self.body_name(i["responsible_body"]))
                        for i in activity["indicators"]
                    ),
                )
            )
            rows += [
                (sub["code"], f"– {sub['title']}", "", "", _timeline(sub), "", "")
                for sub in activity["sub_activities"]
            ]
        return rows


def _as_written(text: str) -> list[str]:
    return [_("As written: %(text)s") % {"text": text}] if text.strip() else []


def _amounts(amounts) -> tuple[str, ...]:
    values = (amounts.secured, amounts.pledged, amounts.unfunded, amounts.total)
    return tuple(number_format(round(value, 2), 2, force_grouping=True) for value in values)


def _label(noun: str, code: str) -> str:
    return f"{noun} {code}: " if code else f"{noun}: "


def _numbered(chapter: dict) -> str:
    return f"{chapter['code']}. {chapter['title']}" if chapter["code"] else chapter["title"]


def _timeline(element: dict) -> str:
    months = f"{_month(element['start'])} – {_month(element['end'])}" if element["start"] else ""
    written = element.get("timeframe_as_written", "")
    return "\n".join(filter(None, [months, *_as_written(written)]))


def _budget_line(line: dict) -> str:
    amount = number_format(round(Decimal(line["amount"]), 2), 2, force_grouping=True)
    source = dict(BudgetLine.Source.choices).get(line["source"], line["source"])
    if line["donor_name"]:
        source = f"{source}: {line['donor_name']}"
    status = dict(BudgetLine.Status.choices).get(line["status"], line["status"]).lower()
    text = f"{amount} {line['currency']} ({source}, {status})"
    return f"{line['description']}: {text}" if line["description"] else text


def _indicator(indicator: dict, body: str = "") -> str:
    level = dict(Indicator.Level.choices).get(indicator["level"], indicator["level"])
    parts = [f"{indicator['definition']} ({level.lower()})"]
    if indicator["unit"]:
        parts.append(_("unit: %(unit)s") % {"unit": indicator["unit"]})
    for name, label in (("baseline", _("baseline: %(value)s")), ("target", _("target: %(value)s"))):
        value, year = indicator[f"{name}_value"], indicator[f"{name}_year"]
        if value or year:
            parts.append((label % {"value": value} + f" {f'({year})' if year else ''}").strip())
    if indicator["means_of_verification"]:
        parts.append(_("verified by: %(means)s") % {"means": indicator["means_of_verification"]})
    if body:
        parts.append(_("reported by: %(body)s") % {"body": body})
    return "; ".join(parts)


def _add_lines(paragraph, text: str) -> None:
    lines = clean(text).split("\n")
    run = paragraph.add_run(lines[0])
    for line in lines[1:]:
        run.add_break()
        run = paragraph.add_run(line)


def _fill_cell(p, text: str, style_id: str, *, bold: bool) -> None:
    """Write a cell's text as runs with line breaks into its empty paragraph."""
    properties = OxmlElement("w:pPr")
    properties.append(_element("w:pStyle", val=style_id))
    p.append(properties)
    run = OxmlElement("w:r")
    if bold:
        run_properties = OxmlElement("w:rPr")
        run_properties.append(OxmlElement("w:b"))
        run.append(run_properties)
    for n, line in enumerate(clean(text).split("\n")):
        if n:
            run.append(OxmlElement("w:br"))
        t = OxmlElement("w:t")
        t.set(qn("xml:space"), "preserve")
        t.text = line
        run.append(t)
    p.append(run)


def _element(tag: str, **attributes):
    element = OxmlElement(tag)
    for name, value in attributes.items():
        element.set(qn(f"w:{name}"), value)
    return element


def _table_text_style(docx) -> str:
    style = docx.styles.add_style("Table Text", WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = docx.styles["Normal"]
    style.font.size = Pt(9)
    style.paragraph_format.space_after = Pt(0)
    return style.style_id


def _repeat_as_header(row) -> None:
    # Long tables run over several pages; the column titles repeat on each.
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _landscape(section) -> None:
    width, height = section.page_width, section.page_height
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = max(width, height), min(width, height)


def _add_toc_field(paragraph) -> None:
    """A TOC field over Heading 1–3; Word fills it in when fields are updated."""
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = 'TOC \\o "1-3" \\h \\z \\u'
    placeholder = OxmlElement("w:t")
    placeholder.text = _("Update the table of contents to fill it in (F9 in Word).")
    parts = [_field_char("begin"), instruction, _field_char("separate"), placeholder]
    for element in [*parts, _field_char("end")]:
        paragraph.add_run()._r.append(element)


def _field_char(kind: str):
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _update_fields_on_open(docx) -> None:
    settings = docx.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)
