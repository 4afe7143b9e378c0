"""A request's form: its keys and values as JSON writes them, before they meet the agreement.

`_form` checks the top level (``schema_version``, ``agreement``,
``cost_plans``, ``notices``, ``policies``, ``lang``, ``questions``) and each
question's ``type`` and parameters (`_PARAMETERS`), and returns the request
as a `_Request`, or adds every problem with its path. Unknown keys are
refused with the closest known key. Years are integers, dates ISO strings
(or ``"28.06.2024"``), amounts integers or decimal strings, rates strings
(``"3 %"``, ``"0.03"``), as `kim_cooperation.parsing` reads them. The
agreement and its additions are left as data for `_agreement`, and a
scenario's variants for `kim_cooperation.scenario_file`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final, TypeAlias

import attrs

from kim_cooperation._checks import check_year
from kim_cooperation.contract._limits import (
    MAX_DATES,
    MAX_QUESTIONS,
    MAX_VARIANTS,
    MAX_YEARS,
    SCHEMA_VERSION,
)
from kim_cooperation.contract._problems import _index_path, _key_path, _kind, _Problems, _shown
from kim_cooperation.errors import KimCooperationError, Phrase
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_
from kim_cooperation.parsing import parse_amount, parse_date, parse_rate

_KEYS: Final = (
    "schema_version",
    "agreement",
    "cost_plans",
    "notices",
    "policies",
    "lang",
    "questions",
)
_LAYOUTS: Final = ("council-paper", "nkf")
_MAX_SETTLEMENTS: Final = 20_000
"""The most years settled for one request, over all questions and variants: about 20 s of work."""
_VERSION: Final = re.compile(r"(0|[1-9][0-9]{0,8})(?:\.(0|[1-9][0-9]{0,8}))?")

_EXPECTED_OBJECT: Final = Phrase(N_("an object"))
_EXPECTED_YEAR: Final = Phrase(N_("a year as an integer such as 2023"))
_EXPECTED_DATE: Final = Phrase(N_('a date as a string such as "2024-06-28" or "28.06.2024"'))
_EXPECTED_AMOUNT: Final = Phrase(N_('an amount, an integer or a string such as "9000.00"'))
_EXPECTED_RATE: Final = Phrase(N_('a rate as a string such as "3 %" or "0.03"'))
_EXPECTED_TOWN: Final = Phrase(N_("a town's name or AGS as a string"))


@attrs.frozen
class _Question:
    """A question whose form is right: its type and its parameters read."""

    index: int
    type: str
    values: Mapping[str, Any]

    @property
    def path(self) -> str:
        return _index_path("questions", self.index)

    def at(self, parameter: str) -> str:
        """The path of one of the question's parameters."""
        return _key_path(self.path, parameter)


@attrs.frozen
class _Request:
    """A request whose form is right, the agreement and its additions still as data."""

    agreement: object
    cost_plans: object
    notices: object
    policies: object
    lang: Lang
    questions: tuple[_Question, ...]


_Reader: TypeAlias = Callable[[object, str, _Problems, Lang], object]


def _year(value: object, path: str, problems: _Problems, _lang: Lang) -> int | None:
    if not isinstance(value, int) or isinstance(value, bool):
        problems.expected(path, _EXPECTED_YEAR, value)
        return None
    try:
        return check_year(value)
    except KimCooperationError as error:
        problems.add(path, error)
        return None


def _years(value: object, path: str, problems: _Problems, lang: Lang) -> tuple[int, ...] | None:
    if not isinstance(value, list):
        problems.expected(path, Phrase(N_("an array of years such as [2024, 2025]")), value)
        return None
    if not 1 <= len(value) <= MAX_YEARS:
        problems.add(
            path,
            Phrase(N_("give 1 to {limit} years, got {count}"), limit=MAX_YEARS, count=len(value)),
        )
        return None
    years = [
        _year(item, _index_path(path, index), problems, lang) for index, item in enumerate(value)
    ]
    given = [year for year in years if year is not None]
    if len(given) != len(years):
        return None
    for index in range(1, len(given)):
        if given[index] <= given[index - 1]:
            problems.add(
                _index_path(path, index),
                Phrase(
                    N_("the years go up, each once: {year} follows {previous}"),
                    year=given[index],
                    previous=given[index - 1],
                ),
            )
            return None
    return tuple(given)


def _date(value: object, path: str, problems: _Problems, lang: Lang) -> dt.date | None:
    if not isinstance(value, str):
        problems.expected(path, _EXPECTED_DATE, value)
        return None
    try:
        return parse_date(value, lang=lang)
    except KimCooperationError as error:
        problems.add(path, error)
        return None


def _dates(
    value: object, path: str, problems: _Problems, lang: Lang
) -> tuple[dt.date, ...] | None:
    if not isinstance(value, list):
        problems.expected(path, Phrase(N_('an array of dates such as ["2026-12-24"]')), value)
        return None
    if len(value) > MAX_DATES:
        problems.add(
            path,
            Phrase(
                N_("give at most {limit} dates, got {count}"), limit=MAX_DATES, count=len(value)
            ),
        )
        return None
    days = [
        _date(item, _index_path(path, index), problems, lang) for index, item in enumerate(value)
    ]
    given = [day for day in days if day is not None]
    return tuple(given) if len(given) == len(days) else None


def _amount(value: object, path: str, problems: _Problems, lang: Lang) -> Decimal | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        problems.expected(path, _EXPECTED_AMOUNT, value)
        return None
    try:
        return parse_amount(value, lang=lang, grouping=False)
    except KimCooperationError as error:
        problems.add(path, error)
        return None


def _rate(value: object, path: str, problems: _Problems, lang: Lang) -> Decimal | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        problems.expected(path, _EXPECTED_RATE, value)
        return None
    try:
        return parse_rate(value, lang=lang)
    except KimCooperationError as error:
        problems.add(path, error)
        return None


def _town(value: object, path: str, problems: _Problems, _lang: Lang) -> str | None:
    if not isinstance(value, str) or not value.strip():
        problems.expected(path, _EXPECTED_TOWN, value)
        return None
    return value


def _layout(value: object, path: str, problems: _Problems, _lang: Lang) -> str | None:
    if value not in _LAYOUTS:
        problems.expected(path, Phrase(N_('"council-paper" or "nkf"')), value)
        return None
    assert isinstance(value, str)
    return value


def _advances(
    value: object, path: str, problems: _Problems, lang: Lang
) -> dict[str, Decimal] | None:
    if not isinstance(value, dict):
        problems.expected(
            path,
            Phrase(N_('an object of towns and amounts such as {"Rosendahl": "9000"}')),
            value,
        )
        return None
    advances: dict[str, Decimal] = {}
    for key, amount in value.items():
        read = _amount(amount, _key_path(path, key), problems, lang)
        if read is not None:
            advances[key] = read
    return advances if len(advances) == len(value) else None


def _variants(value: object, path: str, problems: _Problems, _lang: Lang) -> list[Any] | None:
    # Each variant's form is read with the agreement (`kim_cooperation.scenario_file`).
    if not isinstance(value, list):
        problems.expected(path, Phrase(N_("an array of variants (objects)")), value)
        return None
    if not 1 <= len(value) <= MAX_VARIANTS:
        problems.add(
            path,
            Phrase(
                N_("give 1 to {limit} variants, got {count}"),
                limit=MAX_VARIANTS,
                count=len(value),
            ),
        )
        return None
    return value


_PARAMETERS: Final[Mapping[str, Mapping[str, tuple[_Reader, bool]]]] = {
    "settle": {"year": (_year, True)},
    "project": {"years": (_years, True), "growth": (_rate, False)},
    "scenario": {"years": (_years, True), "variants": (_variants, True), "growth": (_rate, False)},
    "deadline": {
        "received": (_date, False),
        "year": (_year, False),
        "end": (_date, False),
        "closed": (_dates, False),
    },
    "explain": {"town": (_town, True), "year": (_year, True)},
    "wind_down": {"year": (_year, False)},
    "billing": {"year": (_year, True), "advances": (_advances, False)},
    "financial_impact": {"town": (_town, True), "year": (_year, True), "layout": (_layout, False)},
}
"""Each question type's parameters: the reader of each and whether it is required."""

QUESTION_TYPES: Final = tuple(_PARAMETERS)
"""The types of question a request may ask."""


def _unknown_keys(
    table: Mapping[str, Any], allowed: tuple[str, ...], path: str, problems: _Problems
) -> None:
    for key in table:
        if key in allowed:
            continue
        close = difflib.get_close_matches(key, allowed, n=1)
        keys = ", ".join(allowed)
        message = (
            Phrase(
                N_("unknown key; did you mean {key}? the keys here are {keys}"),
                key=close[0],
                keys=keys,
            )
            if close
            else Phrase(N_("unknown key; the keys here are {keys}"), keys=keys)
        )
        problems.add(_key_path(path, key), message)


def _missing(path: str, expected: Phrase, problems: _Problems) -> None:
    problems.add(
        path, Phrase(N_("required key is missing; expected {expected}"), expected=expected)
    )


def _lang(value: object, problems: _Problems) -> Lang | None:
    if value == "de" or value == "en":  # noqa: PLR1714 - a set would refuse an unhashable value
        return "de" if value == "de" else "en"
    problems.expected("lang", Phrase(N_('"de" or "en"')), value)
    return None


def _schema_version(value: object, problems: _Problems) -> None:
    major = SCHEMA_VERSION.split(".")[0]
    if not isinstance(value, str) or _VERSION.fullmatch(value) is None:
        problems.expected(
            "schema_version",
            Phrase(N_('a version as a string such as "{version}"'), version=SCHEMA_VERSION),
            value,
        )
    elif value.split(".")[0] != major:
        problems.add(
            "schema_version",
            Phrase(
                N_(
                    "version {version} is not supported; this service answers requests of "
                    'version {major}.x (send "{supported}" or any "{major}.N")'
                ),
                version=value,
                major=major,
                supported=SCHEMA_VERSION,
            ),
        )


def _question(index: int, value: object, problems: _Problems, lang: Lang) -> _Question | None:
    path = _index_path("questions", index)
    if not isinstance(value, dict):
        problems.expected(
            path,
            Phrase(N_('a question, an object such as {"type": "settle", "year": 2023}')),
            value,
        )
        return None
    kind = value.get("type")
    types = ", ".join(QUESTION_TYPES)
    if "type" not in value:
        _missing(_key_path(path, "type"), Phrase(N_("one of {types}"), types=types), problems)
        return None
    if not isinstance(kind, str) or kind not in _PARAMETERS:
        close = (
            difflib.get_close_matches(kind, QUESTION_TYPES, n=1) if isinstance(kind, str) else []
        )
        problems.add(
            _key_path(path, "type"),
            Phrase(
                N_("unknown question type {kind}; did you mean {close}? the types are {types}"),
                kind=_shown(kind) if isinstance(kind, str) else _kind(kind),
                close=close[0],
                types=types,
            )
            if close
            else Phrase(
                N_("unknown question type {kind}; the types are {types}"),
                kind=_shown(kind) if isinstance(kind, str) else _kind(kind),
                types=types,
            ),
        )
        return None
    parameters = _PARAMETERS[kind]
    _unknown_keys(value, ("type", *parameters), path, problems)
    values: dict[str, Any] = {}
    complete = True
    for name, (reader, required) in parameters.items():
        where = _key_path(path, name)
        if name not in value:
            if required:
                _missing(where, _EXPECTED_OF[reader], problems)
                complete = False
            continue
        read = reader(value[name], where, problems, lang)
        if read is None:
            complete = False
        else:
            values[name] = read
    if kind == "deadline":
        given = [name for name in ("received", "year", "end") if name in value]
        if len(given) != 1:
            problems.add(
                path,
                Phrase(
                    N_(
                        "a deadline question gives exactly one of received (when notice was "
                        "received), year (the end of a year) or end (a day membership ends); "
                        "got {count}"
                    ),
                    count=len(given),
                ),
            )
            complete = False
    return _Question(index=index, type=kind, values=values) if complete else None


_EXPECTED_OF: Final[Mapping[_Reader, Phrase]] = {
    _year: _EXPECTED_YEAR,
    _years: Phrase(N_("an array of years such as [2024, 2025]")),
    _variants: Phrase(N_("an array of variants (objects)")),
    _town: _EXPECTED_TOWN,
}


def _check_work(questions: list[_Question], problems: _Problems) -> None:
    """Refuse a request whose questions would settle more years than `_MAX_SETTLEMENTS`."""
    count = 0
    for question in questions:
        years = len(question.values.get("years", (None,)))
        variants = len(question.values.get("variants", ()))
        count += 0 if question.type == "deadline" else years * (variants + 1)
    if count > _MAX_SETTLEMENTS:
        problems.add(
            "questions",
            Phrase(
                N_(
                    "the questions settle {count:,} years in all (each year of each variant); "
                    "at most {limit:,} in one request: split it into several"
                ),
                count=count,
                limit=_MAX_SETTLEMENTS,
            ),
        )


def _form(request: object, problems: _Problems, default_lang: Lang) -> _Request | None:
    """The request as far as its form is right, with every problem of form added.

    The agreement is ``None`` when it is missing or neither a name nor an
    object; a question whose form is wrong is left out. The caller answers
    only when no problem was found.
    """
    if not isinstance(request, dict):
        problems.expected("", Phrase(N_("a request, a JSON object")), request)
        return None
    lang = default_lang
    if "lang" in request:
        lang = _lang(request["lang"], problems) or default_lang
    _unknown_keys(request, _KEYS, "", problems)
    if "schema_version" in request:
        _schema_version(request["schema_version"], problems)
    agreement = request.get("agreement")
    expected = Phrase(N_('"coesfeld", "example" or an agreement (an object)'))
    if "agreement" not in request:
        _missing("agreement", expected, problems)
    elif not isinstance(agreement, str | dict):
        problems.expected("agreement", expected, agreement)
        agreement = None
    questions: list[_Question] = []
    listed = request.get("questions")
    if "questions" not in request:
        _missing("questions", Phrase(N_("an array of questions")), problems)
    elif not isinstance(listed, list):
        problems.expected("questions", Phrase(N_("an array of questions")), listed)
    elif not 1 <= len(listed) <= MAX_QUESTIONS:
        problems.add(
            "questions",
            Phrase(
                N_("give 1 to {limit} questions, got {count}"),
                limit=MAX_QUESTIONS,
                count=len(listed),
            ),
        )
    else:
        for index, value in enumerate(listed):
            question = _question(index, value, problems, lang)
            if question is not None:
                questions.append(question)
        _check_work(questions, problems)
    return _Request(
        agreement=agreement,
        cost_plans=request.get("cost_plans"),
        notices=request.get("notices"),
        policies=request.get("policies"),
        lang=lang,
        questions=tuple(questions),
    )
