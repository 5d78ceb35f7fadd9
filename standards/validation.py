"""Checking the records of a checklist file as a whole and turning them into a Catalogue:
every problem is collected, with its line or row and field, before anything is written."""

from __future__ import annotations

import re
from collections import Counter

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from napplanner.problems import Problem
from standards.catalogue import Catalogue
from standards.documents import CatalogueInvalid, Record
from standards.models import Tier
from standards.phrases import phrase_signature

CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
WORDLIKE = re.compile(r"[^\W_]")
# A star ends a word: after a letter or digit, before a space, a hyphen or the end.
STRAY_STAR = re.compile(r"(?:^|[^\w])\*|\*(?=[\w*])")

# field -> (required, max length); text fields not listed are optional and unbounded.
TEXT = {
    "framework": {
        "code": (True, 50),
        "version": (True, 30),
        "title": (True, 300),
        "publisher": (False, 200),
        "language": (False, 10),
    },
    "component": {"code": (True, 20), "title": (True, 300), "source_page": (False, 50)},
    "area": {"code": (True, 20), "title": (True, 300), "source_page": (False, 50)},
    "principle": {"code": (True, 20), "title": (True, 300), "source_page": (False, 50)},
    "group": {"code": (True, 20), "title": (True, 300), "source_page": (False, 50)},
    "criterion": {"code": (True, 30), "question": (True, 5000), "source_page": (False, 50)},
}
LONG_TEXT = ("guidance", "description", "source_citation")
PARENTS = ("area", "principle", "group")


class _Checker:
    def __init__(self, problems: list[Problem]):
        self.problems = problems

    def add(self, record: Record, name: str, message: str) -> None:
        self.problems.append(Problem(record.where_of(name), name, message))

    def text(self, record: Record, name: str, required=False, max_length=None) -> str:
        value = record.fields.get(name)
        if value is None or value == "":
            if required:
                self.add(record, name, _("required"))
            return ""
        if isinstance(value, int) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            message = (
                _(
                    'must be text, not %(type)s; write it as text, e.g. "1.0" '
                    "(in quotes in YAML, a text cell in XLSX)"
                )
                if isinstance(value, float)
                else _("must be text, not %(type)s")
            )
            self.add(record, name, message % {"type": _type_name(value)})
            return ""
        value = value.strip()
        if max_length and len(value) > max_length:
            message = _("at most %(limit)s characters (it has %(length)s)")
            self.add(record, name, message % {"limit": max_length, "length": len(value)})
        return value

    def keywords(self, record: Record) -> dict[str, list[str]]:
        """The phrases per language; an empty, malformed or repeated phrase is a problem."""
        value = record.fields.get("keywords")
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.add(record, "keywords", _('must map languages to lists, e.g. {"en": [...]}'))
            return {}
        result = {}
        seen: dict[tuple[str, ...], tuple[str, str]] = {}
        for language, words in sorted(value.items(), key=lambda item: str(item[0])):
            if not isinstance(language, str) or not LANGUAGE.match(language):
                message = _("'%(language)s' is not a language code like en or ru")
                self.add(record, "keywords", message % {"language": language})
                continue
            if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                message = _("keywords.%(language)s must be a list of text")
                self.add(record, "keywords", message % {"language": language})
                continue
            cleaned = []
            for position, word in enumerate(words, start=1):
                problem = _phrase_problem(word)
                if problem:
                    message = _("keywords.%(language)s, phrase %(position)s: %(problem)s")
                    values = {"language": language, "position": position, "problem": problem}
                    self.add(record, "keywords", message % values)
                    continue
                phrase = " ".join(word.split())
                signature = phrase_signature(phrase)
                if signature in seen:
                    first, first_language = seen[signature]
                    message = (
                        _(
                            "keywords.%(language)s: '%(phrase)s' matches the same words as "
                            "'%(first)s'; keep one"
                        )
                        if first_language == language
                        else _(
                            "keywords.%(language)s: '%(phrase)s' matches the same words as "
                            "keywords.%(first_language)s '%(first)s'; keep one"
                        )
                    )
                    values = {
                        "language": language,
                        "phrase": phrase,
                        "first": first,
                        "first_language": first_language,
                    }
                    self.add(record, "keywords", message % values)
                    continue
                seen[signature] = (phrase, language)
                cleaned.append(phrase)
            if cleaned:
                result[language] = cleaned
        return result

    def number(self, record: Record, name: str, low: int, high: int, default=None):
        value = record.fields.get(name)
        if value is None or value == "":
            return default
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # spreadsheets store every number as a float
        if isinstance(value, bool) or not isinstance(value, int):
            self.add(
                record,
                name,
                _("must be a whole number, not %(type)s") % {"type": _type_name(value)},
            )
            return default
        if not low <= value <= high:
            self.add(
                record, name, _("must be between %(low)s and %(high)s") % {"low": low, "high": high}
            )
        return value


def _phrase_problem(phrase: str) -> str:
    if not phrase.strip():
        return _("empty; remove it or write the words")
    if ";" in phrase or "\n" in phrase or len(phrase) > 100:
        return _("'%(phrase)s' must be one line of at most 100 characters without ';'") % {
            "phrase": phrase[:40]
        }
    if not WORDLIKE.search(phrase):
        return _("'%(phrase)s' has no word in it") % {"phrase": phrase}
    if STRAY_STAR.search(phrase):
        return _(
            "'%(phrase)s': '*' marks a stem and goes only at the end of a word (coordinat*)"
        ) % {"phrase": phrase}
    return ""


def _type_name(value) -> str:
    names = {
        dict: gettext_lazy("a mapping"),
        list: gettext_lazy("a list"),
        float: gettext_lazy("a decimal number"),
        bool: gettext_lazy("true/false"),
        str: gettext_lazy("text"),
        int: gettext_lazy("a whole number"),
    }
    return names.get(type(value), type(value).__name__)


def catalogue_validate(records: list[Record], problems: list[Problem]) -> Catalogue:
    """The catalogue the records describe; raises CatalogueInvalid with every problem
    (those given plus those found here) if there is any."""
    check = _Checker(problems)
    frameworks = [r for r in records if r.kind == "framework"]
    framework = _framework(check, frameworks[0]) if frameworks else {}
    entries = {
        kind: [(r, _entry(check, r)) for r in records if r.kind == kind]
        for kind in ("component", "area", "principle", "group", "criterion")
    }
    _check_codes(check, entries)
    _check_references(check, entries)
    if problems:
        raise CatalogueInvalid(problems)
    return Catalogue(
        framework=framework,
        components=[e for _, e in entries["component"]],
        areas=[e for _, e in entries["area"]],
        principles=[e for _, e in entries["principle"]],
        groups=[e for _, e in entries["group"]],
        criteria=[e for _, e in entries["criterion"]],
    )


def _framework(check: _Checker, record: Record) -> dict:
    for name in record.fields:
        if name not in (*TEXT["framework"], "year", *LONG_TEXT) or name == "guidance":
            check.add(record, name, _("unknown framework field"))
    result = {}
    for name in ("code", "version", "title", "publisher"):
        required, max_length = TEXT["framework"][name]
        result[name] = check.text(record, name, required, max_length)
    result["year"] = check.number(record, "year", 1900, 2200)
    result["source_citation"] = check.text(record, "source_citation")
    result["language"] = check.text(record, "language", max_length=10) or "en"
    result["description"] = check.text(record, "description")
    if result["code"] and not SLUG.match(result["code"]):
        check.add(record, "code", _("use lower-case letters, digits and hyphens, e.g. icmpd-2006"))
    if result["version"] and not CODE.match(result["version"]):
        check.add(record, "version", _("use letters, digits, dots, hyphens, e.g. 1.0"))
    return result


def _entry(check: _Checker, record: Record) -> dict:
    kind = record.kind
    result = {}
    if kind == "area":
        # A nested area whose component has no code: the component's problem says it.
        implied = "component" in record.implied
        result["component"] = check.text(record, "component", required=not implied)
    if kind == "criterion":
        for parent in PARENTS:
            result[parent] = check.text(record, parent)
    for name, (required, max_length) in TEXT[kind].items():
        result[name] = check.text(record, name, required, max_length)
    result["guidance"] = check.text(record, "guidance")
    if kind in ("area", "principle", "criterion"):
        result["keywords"] = check.keywords(record)
    if kind == "criterion":
        tier = check.text(record, "tier") or Tier.PLAN.value
        if tier not in Tier.values:
            message = _("'%(tier)s' is not one of %(tiers)s")
            check.add(record, "tier", message % {"tier": tier, "tiers": ", ".join(Tier.values)})
        result["tier"] = tier
        result["weight"] = check.number(record, "weight", 1, 100, default=1)
    if result["code"] and not CODE.match(result["code"]):
        check.add(record, "code", _("use letters, digits, dots, hyphens and underscores only"))
    return result


def _check_codes(check: _Checker, entries) -> None:
    counts = Counter(e["code"] for pairs in entries.values() for _, e in pairs if e["code"])
    for pairs in entries.values():
        for record, entry in pairs:
            if counts[entry["code"]] > 1:
                message = _("'%(code)s' is used more than once in the file")
                check.add(record, "code", message % {"code": entry["code"]})


def _check_references(check: _Checker, entries) -> None:
    known = {kind: {e["code"]: e for _, e in pairs} for kind, pairs in entries.items()}
    for record, area in entries["area"]:
        if area["component"] and area["component"] not in known["component"]:
            _missing(check, record, "component", area["component"])
    for record, criterion in entries["criterion"]:
        given = [p for p in PARENTS if criterion[p]]
        if len(given) != 1:
            check.add(
                record,
                "area",
                _(
                    "a criterion belongs to exactly one area, principle or group "
                    "(this one names %(count)s)"
                )
                % {"count": len(given) or _("none")},
            )
        for parent in given:
            if criterion[parent] not in known[parent]:
                _missing(check, record, parent, criterion[parent])
        component = check.text(record, "component")
        area = known["area"].get(criterion["area"])
        if component and area and area["component"] != component:
            check.add(
                record,
                "component",
                _("area %(area)s belongs to component %(component)s, not %(given)s")
                % {"area": area["code"], "component": area["component"], "given": component},
            )


def _missing(check: _Checker, record: Record, kind: str, code: str) -> None:
    if kind in record.implied:
        return  # nested under an entry whose own code is already reported
    check.add(
        record,
        kind,
        _("there is no %(kind)s '%(code)s' in the file") % {"kind": kind, "code": code},
    )
