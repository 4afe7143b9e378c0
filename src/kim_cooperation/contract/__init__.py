r"""The JSON contract: one request with an agreement and questions, one response with the answers.

A budget system, a spreadsheet macro or a web form asks its questions as
one JSON object and gets the library's results as JSON, the same results
as the command line gives, each figure with its clause:

.. code-block:: json

    {"agreement": "coesfeld", "questions": [{"type": "settle", "year": 2023}]}

`calculate` answers a parsed request (`dict`), `calculate_json` a request's
text. The agreement is a built-in one (``"coesfeld"``, ``"example"``, with
their cost plans) or an agreement file as an object; the request may add
``cost_plans``, ``notices`` and ``policies``. The question types are
``settle``, ``project``, ``scenario``, ``deadline``, ``explain``,
``wind_down``, ``billing`` and ``financial_impact`` (docs: Reference, JSON
contract). The response is ``{"schema_version": "1.0", "answers": [...]}``,
one answer per question, in order.

A bad request is refused as a whole: `RequestError` lists every problem of
its form at once, each at the path of its value (``questions[0].year``,
``agreement.regions[1].posts[0].fte``), and `RequestError.to_dict` gives the
error object. Floats are refused wherever they are (``55000.0``: write
``55000`` or ``"55000.00"``), as are keys given twice, unknown keys,
nesting deeper than `MAX_DEPTH`, more than `MAX_QUESTIONS` questions and
text longer than `MAX_REQUEST_BYTES`. Questions are only answered when the
whole request is right; a question the library refuses (a town that is not
a party, no cost plan for the year) refuses the request, at that
question's parameter. Nothing else is caught: any other exception is a bug.

`SCHEMA_VERSION` is ``MAJOR.MINOR``: MAJOR changes only for incompatible
changes (a field removed or renamed, a meaning changed), MINOR when optional
request fields or answer fields are added. A request may say the version it
was written for; any ``1.N`` is answered.

The package keeps its steps in private modules, one concept each:
``_limits`` the version and bounds; ``_problems`` the problems and their
paths; ``_json`` the text read within bounds and the value checked to be
plain JSON; ``_form`` the request's keys and each question's parameters;
``_agreement`` the agreement with the request's additions and a scenario's
variants; ``_answers`` a handler per question type; ``_deadline`` the
deadline records, which ``kim-cooperation deadline --format json`` writes too.

Examples:
    >>> response = calculate({"agreement": "coesfeld", "lang": "en",
    ...                       "questions": [{"type": "settle", "year": 2023}]})
    >>> answer = response["answers"][0]
    >>> answer["type"], answer["result"]["regions"][0]["split"]["shares"][2]["party"]["name"]
    ('settle', 'Havixbeck')
    >>> answer["result"]["regions"][0]["split"]["shares"][2]["amount"]
    '8125.00'
    >>> calculate_json('{"agreement": "coesfeld", "lang": "en", '
    ...                '"questions": [{"type": "settle", "year": 2023.0}]}')
    Traceback (most recent call last):
    ...
    kim_cooperation.contract.RequestError: the request has 1 problem:
      questions[0].year: got the number 2023.0, which has a fraction or an exponent; a whole number is written as an integer (2023), an amount or a rate with decimals as a string such as "2023.0"
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, Final

from kim_cooperation._checks import check_lang, shown
from kim_cooperation.contract._agreement import _context
from kim_cooperation.contract._answers import _answers
from kim_cooperation.contract._deadline import deadline_record, termination_record
from kim_cooperation.contract._form import QUESTION_TYPES, _form
from kim_cooperation.contract._json import _loads, _plain
from kim_cooperation.contract._limits import (
    MAX_DEPTH,
    MAX_QUESTIONS,
    MAX_REQUEST_BYTES,
    SCHEMA_VERSION,
)
from kim_cooperation.contract._problems import ERROR_TYPES, ErrorType, _Problems, _Refused
from kim_cooperation.errors import InvalidTypeError, InvalidValueError, Phrase, problem_listing
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_

__all__ = [
    "ERROR_TYPES",
    "MAX_DEPTH",
    "MAX_QUESTIONS",
    "MAX_REQUEST_BYTES",
    "QUESTION_TYPES",
    "SCHEMA_VERSION",
    "ErrorType",
    "RequestError",
    "calculate",
    "calculate_json",
    "deadline_record",
    "termination_record",
]

_HEADS: Final = {
    "invalid_json": N_("the request is not valid JSON"),
    "too_large": N_("the request is too large"),
    "too_deep": N_("the request is nested too deeply"),
    "timeout": N_("the request took too long to answer"),
}


class RequestError(InvalidValueError):
    """A request cannot be answered: every problem found, each with the path of its value.

    Raised by `calculate` and `calculate_json`. ``str(error)`` lists the
    problems in the request's language; `to_dict` gives the error object a
    service sends (HTTP 422, exit status 1 of ``kim-cooperation calculate``).

    Args:
        problems: Each problem as ``(path, message)``: the path such as
            ``questions[0].year`` (``""`` is the whole request), the
            message a catalogue text.
        type: What kind of error: one of `ERROR_TYPES`.
        lang: The language of ``str(error)``: the request's ``lang``.

    Attributes:
        problems: Each problem as ``(path, message)``.
        type: ``"invalid_json"``, ``"invalid_request"``, ``"too_large"``,
            ``"too_deep"`` or ``"timeout"`` (a server's own).
        lang: The request's language, ``"de"`` or ``"en"``.

    Examples:
        >>> error = RequestError([("questions[0].year", Phrase("expected a year"))], lang="en")
        >>> print(error)
        the request has 1 problem:
          questions[0].year: expected a year
        >>> error.to_dict(error.lang)["error"]["problems"]
        [{'path': 'questions[0].year', 'message': 'expected a year'}]
    """

    problems: tuple[tuple[str, Phrase], ...]
    type: ErrorType
    lang: Lang

    def __init__(
        self,
        problems: Iterable[tuple[str, Phrase]],
        *,
        type: ErrorType = "invalid_request",
        lang: Lang = "en",
    ) -> None:
        listed = tuple(problems)
        for path, message in listed:
            if not isinstance(path, str) or not isinstance(message, Phrase):
                raise InvalidTypeError(
                    f"a problem is (path, Phrase), got ({type_name(path)}, {type_name(message)})"
                )
        if type not in ERROR_TYPES:
            raise InvalidValueError(
                N_("an error's type is one of {types}, got {value}"),
                types=", ".join(ERROR_TYPES),
                value=repr(type),
            )
        self.problems = listed
        self.type = type
        self.lang = check_lang(lang)
        super().__init__(self._head())

    def _head(self) -> Phrase:
        if self.type in _HEADS:
            head = _HEADS[self.type]  # each a catalogue text
            return Phrase(head)
        count = len(self.problems)
        return Phrase(
            N_("the request has {count} problem")
            if count == 1
            else N_("the request has {count} problems"),
            count=count,
        )

    def describe(self, lang: Lang = "en") -> str:
        """Every problem in ``lang``, each on its own line after the path of its value."""
        return problem_listing(self._head(), self.problems, check_lang(lang), one_line=True)

    def to_dict(self, lang: Lang = "en") -> dict[str, Any]:
        """The error object, its messages in ``lang``: what a service answers a bad request with.

        Examples:
            >>> error = RequestError([("", Phrase("the request is larger than 10 bytes"))],
            ...                      type="too_large")
            >>> error.to_dict()
            {'schema_version': '1.0', 'error': {'type': 'too_large', 'message': 'the request is too large', 'problems': [{'path': '', 'message': 'the request is larger than 10 bytes'}]}}
        """
        chosen = check_lang(lang)
        return {
            "schema_version": SCHEMA_VERSION,
            "error": {
                "type": self.type,
                "message": self._head().describe(chosen),
                "problems": [
                    {"path": path, "message": " ".join(message.describe(chosen).split())}
                    for path, message in self.problems
                ],
            },
        }

    def __reduce__(self) -> tuple[object, ...]:
        return (_request_error, (self.problems, self.type, self.lang))

    def __str__(self) -> str:
        return self.describe(self.lang)


def _request_error(
    problems: tuple[tuple[str, Phrase], ...], kind: ErrorType, lang: Lang
) -> RequestError:
    return RequestError(problems, type=kind, lang=lang)


def type_name(value: object) -> str:
    return type(value).__name__


def _requested_lang(request: object, default: Lang) -> Lang:
    """The request's ``lang`` if it is one, for the messages of a request refused early."""
    if isinstance(request, dict):
        given = request.get("lang")
        if given == "de" or given == "en":  # noqa: PLR1714 - an unhashable value must not raise
            return "de" if given == "de" else "en"
    return default


def _answered(request: object, default: Lang) -> dict[str, Any]:
    lang = _requested_lang(request, default)
    try:
        unread, sound = _plain(request)
        problems = _Problems()
        form = _form(request, problems, default) if sound else None
        context = None if form is None else _context(form, problems)
        if unread:
            # A float is refused by the form too, at the same path: listed once.
            problems.found[:] = [
                *unread,
                *(found for found in problems.found if not _within(found[0], unread)),
            ]
        problems.refuse()
        # No problem was found, so both were read.
        assert form is not None
        assert context is not None
        answers = _answers(form.questions, context, lang)
    except _Refused as refused:
        raise RequestError(refused.problems, type=refused.kind, lang=lang) from None
    return {"schema_version": SCHEMA_VERSION, "answers": answers}


def _within(path: str, problems: list[tuple[str, Phrase]]) -> bool:
    """Tell whether ``path`` is at or under the path of one of ``problems``."""
    return any(
        path == other or path.startswith((f"{other}.", f"{other}[")) or not other
        for other, _ in problems
    )


def calculate(request: object, *, lang: Lang | None = None) -> dict[str, Any]:
    """Answer a request: the response with one answer per question.

    Args:
        request: The request as `json.loads` gives it: a `dict` with
            ``agreement`` and ``questions`` (docs: Reference, JSON contract).
        lang: The language of the texts and messages when the request has
            no ``lang``: ``"de"`` (default) or ``"en"``.

    Returns:
        ``{"schema_version": ..., "answers": [...]}``: plain data (`dict`,
        `list`, `str`, `int`, `bool`, ``None``), ready for `json.dumps`.

    Raises:
        RequestError: Anything wrong with the request, every problem of its
            form at once; or the first question the library refuses.
        InvalidValueError: ``lang`` is neither ``"de"`` nor ``"en"``.

    Examples:
        >>> response = calculate({"agreement": "coesfeld", "lang": "en",
        ...     "questions": [{"type": "deadline", "year": 2026}]})
        >>> response["answers"][0]["result"]["deadline"]
        '2025-06-30'
        >>> calculate({"agreement": "coesfeld", "questions": [{"type": "setle", "year": 2023}]},
        ...           lang="en")
        Traceback (most recent call last):
        ...
        kim_cooperation.contract.RequestError: the request has 1 problem:
          questions[0].type: unknown question type "setle"; did you mean settle? the types are settle, project, scenario, deadline, explain, wind_down, billing, financial_impact
    """
    default: Lang = "de" if lang is None else check_lang(lang)
    return _answered(request, default)


def calculate_json(
    text: str | bytes,
    *,
    lang: Lang | None = None,
    max_bytes: int = MAX_REQUEST_BYTES,
    indent: int | None = None,
) -> str:
    """Answer a request's JSON text with the response's JSON text (UTF-8 characters unescaped).

    Args:
        text: The request as JSON text, or its UTF-8 bytes (a byte-order mark
            is allowed).
        lang: As for `calculate`.
        max_bytes: The longest request read, in bytes of UTF-8.
        indent: The response's indent, as for `json.dumps`; compact by default.

    Raises:
        RequestError: As `calculate` does; also for text that is not JSON
            (``"invalid_json"``), longer than ``max_bytes`` (``"too_large"``)
            or nested more than `MAX_DEPTH` deep (``"too_deep"``), a number
            with a fraction or an exponent, ``NaN``, or a key given twice in
            an object, each with its path.
        InvalidValueError: ``lang`` is neither ``"de"`` nor ``"en"``, or
            ``max_bytes`` is negative.

    Examples:
        >>> print(calculate_json('{"agreement": "coesfeld", "questions": [{"type": "deadline", '
        ...                      '"received": "2024-06-28"}]}')[:80])
        {"schema_version": "1.0", "answers": [{"question": 0, "type": "deadline", "resul
        >>> calculate_json('{"agreement": "coesfeld", "agreement": "example"}', lang="en")
        Traceback (most recent call last):
        ...
        kim_cooperation.contract.RequestError: the request has 2 problems:
          agreement: the key 'agreement' is given twice in this object; give it once
          questions: required key is missing; expected an array of questions
    """
    default: Lang = "de" if lang is None else check_lang(lang)
    if type(max_bytes) is not int or max_bytes < 0:
        raise InvalidValueError(
            N_("max_bytes must be a whole number of bytes, at least 0, got {value}"),
            value=shown(max_bytes),
        )
    try:
        request = _loads(text, max_bytes)
    except _Refused as refused:
        raise RequestError(refused.problems, type=refused.kind, lang=default) from None
    response = _answered(request, default)
    return json.dumps(response, ensure_ascii=False, indent=indent)
