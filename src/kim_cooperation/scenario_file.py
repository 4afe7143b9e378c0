r"""Scenario files: named variants of an agreement, each combining several changes, in TOML.

A council rarely asks about one change alone: "the rate rises to 57,000 EUR
and Rosendahl leaves", "the funding ends in 2027 and Coesfeld hands its
posts over to Billerbeck". A scenario file writes such variants down, one
``[[variants]]`` table each, with a name and any of these changes:

============================  ===================================================  ==========
key                           change                                               clauses
============================  ===================================================  ==========
``rates``                     funding rates ``{ valid_from, amount }``; a rate     C5, C6
                              of the agreement starting the same day is replaced
``funding_ends``              no funding from this day on                          C10
``notices``                   notices ``{ party, received, successor }``; the      C11, C12,
                              ``successor`` employs the case managers when a       C3, I8
                              region's employer leaves and its other towns stay
``all_give_notice``           every party without a notice gives notice on this    C11, C13
                              day
``personnel_growth``          yearly growth of personnel costs, ``"3 %"`` or       --
                              ``"0.03"``, from the first year's plan
============================  ===================================================  ==========

Dates are TOML dates (``2026-01-01``) or strings (``"2026-01-01"``,
``"01.01.2026"``); amounts are integers or strings without thousands
separators (``"57000"``, ``"57000.00"``, ``"57000,00"``); floats are refused
(``57.000`` is 57 in TOML, and 57,000 in a German eye). Towns are named as
everywhere: name in any spelling, or AGS. `kim_cooperation.scenario.compare`
takes the variants as they are.

A file is checked as a whole, like an agreement file: `ScenarioFileError`
lists every problem at once, each with the path of its value
(``variants[1].notices[0].successor``), in the language chosen. A file is
at most `MAX_FILE_BYTES` long.

Examples:
    >>> from kim_cooperation import presets, scenario
    >>> from kim_cooperation.scenario_file import loads_scenarios
    >>> base = presets.coesfeld()
    >>> variants = loads_scenarios('''
    ... [[variants]]
    ... name = "57.000 € ab 2026, Coesfeld übergibt an Billerbeck"
    ... rates = [{ valid_from = 2026-01-01, amount = "57000" }]
    ... notices = [{ party = "Coesfeld", received = "30.06.2025", successor = "Billerbeck" }]
    ... personnel_growth = "3 %"
    ... ''', base)
    >>> [(name, variant.personnel_growth) for name, variant in variants.items()]
    [('57.000 € ab 2026, Coesfeld übergibt an Billerbeck', Decimal('0.03'))]
    >>> comparison = scenario.compare(base, variants, [2026, 2027], presets.coesfeld_cost_plan_2023())
    >>> comparison.projection(comparison.names[1]).agreement.employer_of("Nord", 2027).name
    'Billerbeck'
    >>> loads_scenarios('[[variants]]\nname = "Rate"\nrates = [{ valid_from = 2026-01-01, amount = 57.000 }]\n', base)
    Traceback (most recent call last):
    ...
    kim_cooperation.scenario_file.ScenarioFileError: the scenario file has 1 problem:
      variants[0].rates[0].amount: expected an amount, a string or an integer such as "57000.00",
      got the float 57.000; TOML reads 57.000 as 57, a German eye as 57000
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, TypeAlias

import attrs

from kim_cooperation._checks import check_lang, shown
from kim_cooperation._suggestions import party_named, successor_needed
from kim_cooperation.agreement import Agreement, check_agreement
from kim_cooperation.errors import (
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    Phrase,
    UndecidedCaseError,
    problem_listing,
)
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_
from kim_cooperation.parsing import parse_amount, parse_date, parse_rate
from kim_cooperation.party import Party
from kim_cooperation.scenario import (
    BASELINE,
    Variant,
    all_give_notice,
    loss_of_funding,
    rate_change,
)

__all__ = ["MAX_FILE_BYTES", "ScenarioFileError", "load_scenarios", "loads_scenarios"]

MAX_FILE_BYTES: Final = 1_000_000
"""The largest scenario file read, in bytes; a larger one is refused unread."""

_MAX_VARIANTS: Final = 100
_MAX_NAME: Final = 200
_RESERVED: Final = frozenset({BASELINE, "basis"})  # "Basis" is the German baseline's heading
_VARIANT_KEYS: Final = (
    "name",
    "rates",
    "funding_ends",
    "notices",
    "all_give_notice",
    "personnel_growth",
)
_RATE_KEYS: Final = ("valid_from", "amount")
_NOTICE_KEYS: Final = ("party", "received", "successor")

_EXPECTED_TABLES: Final = Phrase(N_("an array of tables"))
_EXPECTED_STRING: Final = Phrase(N_("a string"))
_EXPECTED_DATE: Final = Phrase(N_('a date such as 2026-01-01 or "01.01.2026"'))
_EXPECTED_AMOUNT: Final = Phrase(N_('an amount, a string or an integer such as "57000.00"'))
_EXPECTED_RATE: Final = Phrase(N_('a rate as a string such as "3 %" or "0.03"'))

Message: TypeAlias = str | Phrase | KimCooperationError
"""A problem's message: a catalogue text (`Phrase`), the library's error, or a text as it is."""


def _phrase_of(message: Message) -> Phrase:
    """A problem's message as a phrase: an error's own phrase, or a text as it is."""
    if isinstance(message, Phrase):
        return message
    if isinstance(message, KimCooperationError):
        return message.phrase
    text = str(message)  # a text given as it is: its braces are never filled in
    return Phrase(text)


class ScenarioFileError(InvalidValueError):
    """A scenario file cannot be read: every problem found, each with the path of its value.

    Raised by `loads_scenarios` and `load_scenarios`. The file is checked as
    a whole: first its form (TOML, keys, types, values), then, for each
    variant whose form is right, its changes against the agreement (towns,
    notices, successors).

    Each problem is a catalogue text (`kim_cooperation.errors.Phrase`) or
    the library's error: ``error.describe("de")`` says them in German,
    ``error.describe("en")`` in English. ``str(error)`` uses the language
    the file was read in (``lang``).

    Attributes:
        problems: Each problem as ``(path, message)`` in ``lang``, the path
            such as ``variants[1].notices[0].party``; ``""`` is the whole file.
        source: The file's name, if known.
        lang: The language of ``str(error)`` and of ``problems``, ``"de"`` or ``"en"``.

    Examples:
        >>> error = ScenarioFileError([("variants[0].name", "required key is missing")], "s.toml")
        >>> print(error)
        scenario file 's.toml' has 1 problem:
          variants[0].name: required key is missing
        >>> print(ScenarioFileError([("", "nicht lesbar")], lang="de"))
        die Szenariodatei hat 1 Problem:
          (oberste Ebene): nicht lesbar

        A problem given as a catalogue text is said in either language:

        >>> from kim_cooperation.errors import Phrase
        >>> from kim_cooperation.i18n import N_
        >>> empty = ScenarioFileError([("variants[0].name", Phrase(N_("the name is empty")))])
        >>> print(empty.describe("de"))
        die Szenariodatei hat 1 Problem:
          variants[0].name: der Name ist leer
    """

    problems: tuple[tuple[str, str], ...]
    source: str | None
    lang: Lang

    def __init__(
        self,
        problems: Iterable[tuple[str, Message]],
        source: str | None = None,
        lang: Lang = "en",
    ) -> None:
        self._phrases = tuple((str(path), _phrase_of(message)) for path, message in problems)
        self.source = source
        self.lang = "de" if lang == "de" else "en"
        self.problems = tuple(
            (path, _one_line(message.describe(self.lang))) for path, message in self._phrases
        )
        super().__init__(self._describe(self.lang))

    def describe(self, lang: Lang = "en") -> str:
        """Every problem in ``lang``, each on its own line after the path of its value.

        Args:
            lang: ``"de"`` or ``"en"``.
        """
        return self._describe(lang)

    def _describe(self, lang: Lang) -> str:
        count = len(self._phrases)
        if self.source is None:
            head = Phrase(
                N_("the scenario file has {count} problem")
                if count == 1
                else N_("the scenario file has {count} problems"),
                count=count,
            )
        else:
            head = Phrase(
                N_("scenario file {source} has {count} problem")
                if count == 1
                else N_("scenario file {source} has {count} problems"),
                source=repr(self.source),
                count=count,
            )
        return problem_listing(head, self._phrases, lang, one_line=True)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self._phrases, self.source, self.lang))

    def __str__(self) -> str:
        return self._describe(self.lang)


def _one_line(text: str) -> str:
    """A problem on one line of the listing, whatever line breaks its message holds."""
    return " ".join(text.split())


class _Problems:
    """The problems found so far, with the language the file is read in."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.found: list[tuple[str, Message]] = []

    def add(self, path: str, message: Message) -> None:
        self.found.append((path, message))

    def expected(self, path: str, expected: Phrase, value: object) -> None:
        self.add(path, _not_as_expected(expected, value))


def _not_as_expected(expected: Phrase, value: object) -> Phrase:
    """The problem of a value that is not what the file must hold there."""
    return Phrase(N_("expected {expected}, got {found}"), expected=expected, found=_kind(value))


# In the order of the checks: a bool is an int, a date-time a date.
_KINDS: Final = (
    (bool, N_("the boolean {value}")),
    (int, N_("the integer {value}")),
    (Decimal, N_("the float {value}")),  # TOML's floats, read as Decimal
    (str, N_("the string {value}")),
    (dt.datetime, N_("the date-time {value}")),
    (dt.date, N_("the date {value}")),
    (dt.time, N_("the time {value}")),
)


def _kind(value: object) -> Phrase:
    """How TOML calls the type of ``value``, with the value where it is short."""
    if isinstance(value, list):
        return Phrase(N_("an array"))
    if isinstance(value, dict):
        return Phrase(N_("a table"))
    shown: object = str(value)[:40]  # a float as TOML's text, never with a German comma
    if isinstance(value, bool):
        shown = "true" if value else "false"
    elif isinstance(value, str):
        shown = repr(value)[:40]
    elif isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        shown = value  # a day, written as the language writes days
    for kind, template in _KINDS:
        if isinstance(value, kind):
            return Phrase(template, value=shown)
    return Phrase(N_("{kind} {value}"), kind=type(value).__name__, value=repr(value)[:40])


def _parse(text: str, problems: _Problems) -> dict[str, Any] | None:
    for char in text:
        if "\ud800" <= char <= "\udfff":
            problems.add(
                "",
                Phrase(
                    N_("holds the lone surrogate U+{code:04X}, which is not text"), code=ord(char)
                ),
            )
            return None
    try:
        # Floats as Decimal: refused below with the exact text the file holds.
        return tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as error:
        # tomllib's own words are Python's, in English: a field, never translated.
        problems.add("", Phrase(N_("not valid TOML: {error}"), error=str(error)))
        return None


def _keys(
    table: Mapping[str, Any], allowed: tuple[str, ...], path: str, problems: _Problems
) -> None:
    for key in table:
        if key not in allowed:
            where = f"{path}.{key}" if path else key
            close = difflib.get_close_matches(key, allowed, n=1)
            keys = ", ".join(allowed)
            if close:
                message = Phrase(
                    N_("unknown key; did you mean {key}?; allowed are {keys}"),
                    key=close[0],
                    keys=keys,
                )
            else:
                message = Phrase(N_("unknown key; allowed are {keys}"), keys=keys)
            problems.add(where, message)


def _date(value: object, path: str, problems: _Problems) -> dt.date | None:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value, lang=problems.lang)
        except KimCooperationError as error:
            problems.add(path, error)
            return None
    problems.expected(path, _EXPECTED_DATE, value)
    return None


def _amount(value: object, path: str, problems: _Problems) -> Decimal | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        try:
            return parse_amount(value, lang=problems.lang, grouping=False)
        except KimCooperationError as error:
            problems.add(path, error)
            return None
    if isinstance(value, Decimal):
        typed = f"{value:f}"
        if re.fullmatch(r"-?[0-9]{1,3}\.[0-9]{3}", typed):  # 57.000: 57 or 57,000?
            problems.add(
                path,
                Phrase(
                    N_(
                        "expected {expected}, got {found}; TOML reads {text} as {value}, "
                        "a German eye as {german}"
                    ),
                    expected=_EXPECTED_AMOUNT,
                    found=_kind(value),
                    text=typed,
                    value=typed.rstrip("0").rstrip("."),
                    german=typed.replace(".", ""),
                ),
            )
            return None
    problems.expected(path, _EXPECTED_AMOUNT, value)
    return None


def _rate(value: object, path: str, problems: _Problems) -> Decimal | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        try:
            return parse_rate(value, lang=problems.lang)
        except KimCooperationError as error:
            problems.add(path, error)
            return None
    if isinstance(value, Decimal) and value.is_finite() and abs(value.adjusted()) < 10:
        sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)  # finite
        percent = f"{Decimal((sign, digits, exponent + 2)):f}"  # built exactly, never rounded
        problems.add(
            path,
            Phrase(
                N_(
                    "expected {expected}, got {found}; write it as a string, "
                    'such as "{text}" or "{percent} %"'
                ),
                expected=_EXPECTED_RATE,
                found=_kind(value),
                text=f"{value:f}",
                percent=percent,
            ),
        )
        return None
    problems.expected(path, _EXPECTED_RATE, value)
    return None


def _text(value: object, path: str, problems: _Problems) -> str | None:
    if isinstance(value, str):
        return value
    problems.expected(path, _EXPECTED_STRING, value)
    return None


def _tables(value: object, path: str, problems: _Problems) -> list[dict[str, Any]] | None:
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        problems.expected(path, _EXPECTED_TABLES, value)
        return None
    if not value:
        problems.add(path, Phrase(N_("at least one entry, or leave the key out")))
        return None
    return value


@attrs.frozen
class _Form:
    """A variant as the file writes it, each value with its path, before it meets the agreement."""

    name: str
    rates: tuple[tuple[str, dt.date, Decimal], ...]
    funding_ends: dt.date | None
    notices: tuple[tuple[str, str, dt.date, str | None], ...]
    all_give_notice: dt.date | None
    personnel_growth: Decimal | None


def _name(value: object, path: str, problems: _Problems) -> str | None:
    name = _text(value, path, problems)
    if name is None:
        return None
    for char in name:
        if unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            problems.add(
                path,
                Phrase(N_("the name holds the control character U+{code:04X}"), code=ord(char)),
            )
            return None
    if not name.strip():
        problems.add(path, Phrase(N_("the name is empty")))
    elif name != name.strip():
        problems.add(path, Phrase(N_("the name starts or ends with white space")))
    elif len(name) > _MAX_NAME:
        problems.add(
            path, Phrase(N_("the name is longer than {limit} characters"), limit=_MAX_NAME)
        )
    elif name.casefold() in _RESERVED:
        problems.add(path, Phrase(N_("the name {name!r} is reserved for the baseline"), name=name))
    else:
        return name
    return None


def _entries(
    table: dict[str, Any], key: str, path: str, required: tuple[str, ...], problems: _Problems
) -> list[tuple[str, dict[str, Any]]]:
    """The tables of an array such as ``rates``, each with its path, that have their keys."""
    if key not in table:
        return []
    found = []
    for index, entry in enumerate(_tables(table[key], f"{path}.{key}", problems) or []):
        where = f"{path}.{key}[{index}]"
        _keys(entry, _RATE_KEYS if key == "rates" else _NOTICE_KEYS, where, problems)
        missing = [name for name in required if name not in entry]
        for name in missing:
            problems.add(f"{where}.{name}", Phrase(N_("required key is missing")))
        if not missing:
            found.append((where, entry))
    return found


def _rates(
    table: dict[str, Any], path: str, problems: _Problems
) -> list[tuple[str, dt.date, Decimal]]:
    rates: list[tuple[str, dt.date, Decimal]] = []
    for where, rate in _entries(table, "rates", path, _RATE_KEYS, problems):
        day = _date(rate["valid_from"], f"{where}.valid_from", problems)
        amount = _amount(rate["amount"], f"{where}.amount", problems)
        if day is None or amount is None:
            continue
        earlier = [other for other, other_day, _ in rates if other_day == day]
        if earlier:
            problems.add(
                f"{where}.valid_from",
                Phrase(N_("{other} already starts on {day}"), day=day, other=earlier[0]),
            )
        rates.append((where, day, amount))
    return rates


def _notices(
    table: dict[str, Any], path: str, problems: _Problems
) -> list[tuple[str, str, dt.date, str | None]]:
    notices: list[tuple[str, str, dt.date, str | None]] = []
    for where, notice in _entries(table, "notices", path, ("party", "received"), problems):
        party = _text(notice["party"], f"{where}.party", problems)
        received = _date(notice["received"], f"{where}.received", problems)
        successor = None
        if "successor" in notice:
            successor = _text(notice["successor"], f"{where}.successor", problems)
        if party is not None and received is not None:
            notices.append((where, party, received, successor))
    return notices


def _form(table: dict[str, Any], path: str, problems: _Problems) -> _Form | None:
    """Check a variant's keys and values; its form, or ``None`` if it has a problem."""
    before = len(problems.found)
    _keys(table, _VARIANT_KEYS, path, problems)
    name = None
    if "name" not in table:
        problems.add(f"{path}.name", Phrase(N_("required key is missing")))
    else:
        name = _name(table["name"], f"{path}.name", problems)
    rates = _rates(table, path, problems)
    notices = _notices(table, path, problems)
    days = {
        key: _date(table[key], f"{path}.{key}", problems)
        for key in ("funding_ends", "all_give_notice")
        if key in table
    }
    growth = None
    if "personnel_growth" in table:
        growth = _rate(table["personnel_growth"], f"{path}.personnel_growth", problems)
    if not set(table) - {"name"} and name is not None:
        problems.add(
            path,
            Phrase(
                N_(
                    "a variant needs at least one change: rates, funding_ends, notices, "
                    "all_give_notice or personnel_growth"
                )
            ),
        )
    ends = days.get("funding_ends")
    for where, day, _ in rates:
        if ends is not None and day >= ends:
            problems.add(
                f"{where}.valid_from",
                Phrase(
                    N_(
                        "starts on {day}, after the funding ends (funding_ends = {end}); "
                        "a rate from then on is never paid"
                    ),
                    day=day,
                    end=ends,
                ),
            )
    if len(problems.found) > before or name is None:
        return None
    return _Form(
        name=name,
        rates=tuple(rates),
        funding_ends=ends,
        notices=tuple(notices),
        all_give_notice=days.get("all_give_notice"),
        personnel_growth=growth,
    )


@attrs.frozen
class _Notices:
    """A variant's notices with the towns resolved: received, successors, the path of each."""

    received: dict[Party, dt.date]
    successors: dict[Party, Party]
    paths: dict[Party, str]


def _resolved(form: _Form, base: Agreement, problems: _Problems) -> _Notices:
    """The towns the notices name, each once, or a problem at the name's path (C1)."""
    notices = _Notices(received={}, successors={}, paths={})
    for where, name, day, successor in form.notices:
        try:
            party = party_named(base, name)
        except KimCooperationError as error:
            problems.add(f"{where}.party", error)
            continue
        if party in notices.paths:
            other = notices.paths[party]
            problems.add(
                f"{where}.party",
                Phrase(
                    N_("{party} already gives notice in {other}"), party=party.name, other=other
                ),
            )
            continue
        notices.paths[party] = where
        notices.received[party] = day
        if successor is not None:
            try:
                notices.successors[party] = party_named(base, successor)
            except KimCooperationError as error:
                problems.add(f"{where}.successor", error)
    return notices


def _undecided(
    error: KimCooperationError, notices: _Notices, base: Agreement, problems: _Problems
) -> Message:
    """The message for notices the agreement refuses; for an employer leaving, how to go on (I8)."""
    if isinstance(error, UndecidedCaseError):
        for party, day in notices.received.items():
            if party in notices.successors:
                continue
            how = Phrase(N_('successor = "TOWN" in {where}'), where=notices.paths[party])
            message = successor_needed(base, party, day, how=how)
            if message is not None:
                return message
    return error


def _built(form: _Form, path: str, base: Agreement, problems: _Problems) -> Variant | None:
    """The variant's agreement: the rates, the end of funding, the notices, everyone's notice."""
    before = len(problems.found)
    agreement = base
    source = f"Scenario file: {form.name}"
    for where, day, amount in form.rates:
        try:
            agreement = rate_change(agreement, amount, day, source=source, replace=True)
        except KimCooperationError as error:  # the amount: the day replaces any rate of its own
            problems.add(f"{where}.amount", error)
    if form.funding_ends is not None:
        agreement = loss_of_funding(agreement, form.funding_ends, source=source)
    notices = _resolved(form, base, problems)
    if len(problems.found) > before:
        return None
    try:
        if notices.received:
            agreement = agreement.give_notices(notices.received, successors=notices.successors)
    except KimCooperationError as error:
        problems.add(f"{path}.notices", _undecided(error, notices, base, problems))
        return None
    try:
        if form.all_give_notice is not None:
            agreement = all_give_notice(agreement, form.all_give_notice)
    except KimCooperationError as error:
        problems.add(f"{path}.all_give_notice", error)
        return None
    return Variant(agreement=agreement, personnel_growth=form.personnel_growth)


def _forms(document: dict[str, Any], problems: _Problems) -> list[tuple[str, _Form]]:
    """The variants of the file whose form is right, each with its path; each name once."""
    _keys(document, ("variants",), "", problems)
    if "variants" not in document:
        problems.add(
            "variants",
            Phrase(
                N_(
                    "required key is missing; at least one variant, such as [[variants]] "
                    'with name = "…"'
                )
            ),
        )
        return []
    tables = _tables(document["variants"], "variants", problems) or []
    if len(tables) > _MAX_VARIANTS:
        problems.add(
            "variants",
            Phrase(
                N_("at most {limit} variants, got {count}"), limit=_MAX_VARIANTS, count=len(tables)
            ),
        )
        return []
    forms: list[tuple[str, _Form]] = []
    names: dict[str, str] = {}
    for index, table in enumerate(tables):
        path = f"variants[{index}]"
        form = _form(table, path, problems)
        if form is None:
            continue
        if form.name in names:
            other = names[form.name]
            problems.add(
                f"{path}.name",
                Phrase(
                    N_("the name {name!r} is already used by {other}"), name=form.name, other=other
                ),
            )
            continue
        names[form.name] = path
        forms.append((path, form))
    return forms


def loads_scenarios(
    text: str, agreement: Agreement, *, lang: Lang = "en", source: str | None = None
) -> dict[str, Variant]:
    r"""Read the variants of a scenario file's text, built on ``agreement``.

    Args:
        text: The file's text, TOML.
        agreement: The agreement the variants change, usually the baseline
            of the comparison.
        lang: The language of the messages, ``"de"`` or ``"en"`` (default).
        source: The file's name, for the error message.

    Returns:
        The variants by name, in the file's order, ready for
        `kim_cooperation.scenario.compare`.

    Raises:
        ScenarioFileError: Every problem of the file, each with its path.
        InvalidTypeError: ``text`` is not a string or ``agreement`` not an
            `Agreement`.
        InvalidValueError: ``lang`` is neither ``"de"`` nor ``"en"``.

    Examples:
        >>> from kim_cooperation import presets
        >>> loads_scenarios('[[variants]]\nname = "Kündigung"\nnotices = [{ party = "Coesfeld", received = 2025-06-30 }]\n',
        ...                 presets.coesfeld(), lang="de")
        Traceback (most recent call last):
        ...
        kim_cooperation.scenario_file.ScenarioFileError: die Szenariodatei hat 1 Problem:
          variants[0].notices: Coesfeld ist Anstellungskörperschaft der Region Nord und scheidet am
          31.12.2026 aus, während Billerbeck, Havixbeck und Rosendahl bleiben; die Vereinbarung
          sagt nicht, wer die Fallmanager dann anstellt. Nennen Sie die Nachfolgerin:
          successor = "KOMMUNE" in variants[0].notices[0] (C3, C12, I8)
    """
    if not isinstance(text, str):
        raise InvalidTypeError(f"text must be a str, got {type(text).__name__}")
    if not isinstance(agreement, Agreement):
        raise InvalidTypeError(f"agreement must be an Agreement, got {type(agreement).__name__}")
    lang = check_lang(lang)
    if source is not None and not isinstance(source, str):
        raise InvalidTypeError(
            f"source must be the file's name as a str, or None, got {type(source).__name__} "
            f"{shown(source)}"
        )
    problems = _Problems(lang)
    document = _parse(text, problems)
    if document is None:
        raise ScenarioFileError(problems.found, source, lang)
    variants: dict[str, Variant] = {}
    for path, form in _forms(document, problems):
        variant = _built(form, path, agreement, problems)
        if variant is not None:
            variants[form.name] = variant
    if problems.found:
        raise ScenarioFileError(problems.found, source, lang)
    return variants


def load_scenarios(
    path: str | os.PathLike[str], agreement: Agreement, *, lang: Lang = "en"
) -> dict[str, Variant]:
    r"""Read the variants of a scenario file, built on ``agreement``.

    The file is UTF-8 (a byte-order mark is allowed) and at most
    `MAX_FILE_BYTES` long; it is never read beyond that.

    Raises:
        ScenarioFileError: Every problem of the file, each with its path;
            also for a file that is too large or not UTF-8.
        OSError: The file cannot be opened or read.

    Examples:
        >>> import pathlib, tempfile
        >>> from kim_cooperation import presets
        >>> path = pathlib.Path(tempfile.mkdtemp()) / "szenarien.toml"
        >>> _ = path.write_text('[[variants]]\nname = "Ende 2027"\nfunding_ends = "01.01.2027"\n', encoding="utf-8")
        >>> list(load_scenarios(path, presets.coesfeld()))
        ['Ende 2027']
    """
    if not isinstance(path, str | os.PathLike):
        raise InvalidTypeError(f"path must be a str or a path, got {type(path).__name__}")
    check_agreement(agreement)
    lang = check_lang(lang)
    source = os.fspath(path)
    problems = _Problems(lang)
    with open(path, "rb") as file:
        data = file.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        problems.add(
            "", Phrase(N_("the file is larger than {limit:,} bytes"), limit=MAX_FILE_BYTES)
        )
        raise ScenarioFileError(problems.found, source, lang)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        problems.add("", Phrase(N_("not valid UTF-8 (byte {position})"), position=error.start))
        raise ScenarioFileError(problems.found, source, lang) from None
    return loads_scenarios(text, agreement, lang=lang, source=source)
