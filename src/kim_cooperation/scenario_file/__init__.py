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

Where things are, one concept a file: `ScenarioFileError` and the
functions that read a file are here; ``_problems.py`` keeps the problems
found and words each; ``_values.py`` reads TOML and checks each value's
type (dates, amounts, rates, strings, arrays of tables); ``_form.py``
checks a variant's keys and values, before it meets the agreement;
``_variants.py`` builds each variant on the agreement (towns, notices,
successors).

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

import os
from collections.abc import Iterable
from typing import Final, TypeAlias

from kim_cooperation._checks import check_lang, shown
from kim_cooperation.agreement import Agreement, check_agreement
from kim_cooperation.errors import (
    InvalidTypeError,
    InvalidValueError,
    KimCooperationError,
    Phrase,
    problem_listing,
)
from kim_cooperation.formatting import Lang
from kim_cooperation.i18n import N_
from kim_cooperation.scenario import Variant
from kim_cooperation.scenario_file._form import _forms
from kim_cooperation.scenario_file._problems import _one_line, _phrase_of, _Problems
from kim_cooperation.scenario_file._values import _parse
from kim_cooperation.scenario_file._variants import _built

__all__ = [
    "MAX_FILE_BYTES",
    "ScenarioFileError",
    "load_scenarios",
    "loads_scenarios",
    "scenarios_from_data",
]

MAX_FILE_BYTES: Final = 1_000_000
"""The largest scenario file read, in bytes; a larger one is refused unread."""

Message: TypeAlias = str | Phrase | KimCooperationError
"""A problem's message: a catalogue text (`Phrase`), the library's error, or a text as it is."""


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

    @property
    def phrases(self) -> tuple[tuple[str, Phrase], ...]:
        """Each problem's path and message as a `Phrase`, to be worded in any language."""
        return self._phrases

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


def scenarios_from_data(
    data: object, agreement: Agreement, *, lang: Lang = "en"
) -> dict[str, Variant]:
    """Read the variants of a scenario file that is already parsed, built on ``agreement``.

    For a caller that holds the variants as data, such as a JSON request's
    ``scenario`` question (`kim_cooperation.contract`): ``data`` is checked
    exactly as `loads_scenarios` checks a file's text. Dates may be strings
    or `datetime.date` values; amounts and rates are integers or strings.

    Args:
        data: The file's data: a `dict` with the key ``variants``.
        agreement: The agreement the variants change.
        lang: The language of the messages, ``"de"`` or ``"en"`` (default).

    Raises:
        ScenarioFileError: Every problem of the data, each with its path.
        InvalidTypeError: ``data`` is not a `dict`, or ``agreement`` not an `Agreement`.
        InvalidValueError: ``lang`` is neither ``"de"`` nor ``"en"``.

    Examples:
        >>> from kim_cooperation import presets
        >>> data = {"variants": [{"name": "Ende 2027", "funding_ends": "2027-01-01"}]}
        >>> list(scenarios_from_data(data, presets.coesfeld()))
        ['Ende 2027']
        >>> scenarios_from_data({"variants": [{"name": "x", "funding_ends": 2027}]}, presets.coesfeld())
        Traceback (most recent call last):
        ...
        kim_cooperation.scenario_file.ScenarioFileError: the scenario file has 1 problem:
          variants[0].funding_ends: expected a date such as 2026-01-01 or "01.01.2026", got the integer 2027
    """
    if not isinstance(data, dict):
        raise InvalidTypeError(
            f"data must be a dict with the key 'variants', got {type(data).__name__}"
        )
    check_agreement(agreement)
    lang = check_lang(lang)
    problems = _Problems(lang)
    variants: dict[str, Variant] = {}
    for path, form in _forms(data, problems):
        variant = _built(form, path, agreement, problems)
        if variant is not None:
            variants[form.name] = variant
    if problems.found:
        raise ScenarioFileError(problems.found, None, lang)
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
