"""The exceptions of ``kim_cooperation``.

Every error the library raises on purpose derives from
[`KimCooperationError`][kim_cooperation.errors.KimCooperationError] *and*
from the built-in exception a caller would naturally catch (`ValueError`,
`TypeError` or `LookupError`). So ``except ValueError`` keeps working in code
that does not know this library, and ``except KimCooperationError`` catches
everything the library has to say about bad input.

Messages name the offending value, what was expected and, where a clause of
the agreement is involved, its id (``C1`` … ``C13``).

Examples:
    >>> from decimal import Decimal
    >>> from kim_cooperation import split_equally
    >>> from kim_cooperation.errors import MoneyTypeError
    >>> try:
    ...     split_equally(100.5, [])
    ... except TypeError as error:
    ...     print(type(error).__name__, isinstance(error, MoneyTypeError))
    MoneyTypeError True
"""

from __future__ import annotations

import datetime as dt
import string
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Literal

from kim_cooperation import _catalogue

if TYPE_CHECKING:
    from kim_cooperation.closed_days import ReceiptCheck

__all__ = [
    "AgreementError",
    "AgreementFileError",
    "ClosedDayWarning",
    "HolidaysNotCheckedWarning",
    "InvalidDateError",
    "InvalidMoneyError",
    "InvalidTypeError",
    "InvalidValueError",
    "KimCooperationError",
    "KimCooperationWarning",
    "MissingExtraError",
    "MoneyTypeError",
    "NoApplicableRateError",
    "NoPopulationCountError",
    "Phrase",
    "UndecidedCaseError",
    "UnknownLineError",
    "UnknownPartyError",
    "UnknownRegionError",
]


class Phrase:
    """A text of the catalogue with its fields: English as `str`, German with `describe`.

    Every message of the library is written in English with named fields
    (``"no cost plan for {year}"``) and marked for the catalogue
    (`kim_cooperation.i18n`). A phrase keeps the text and the fields apart,
    so the text can be translated before it is filled in: ``str(phrase)`` is
    the English text, ``phrase.describe("de")`` the German one.

    Fields are written as they are, except: a `datetime.date` is written
    ``31.12.2025`` in German; a `Decimal` with a decimal comma in German; an
    `int` field written ``{count:,}`` with its thousands grouped as the
    language groups them (``16.777.216``, ``16,777,216``); a
    `Phrase` or `KimCooperationError` among the fields is itself described
    in the language. Without fields the text is not filled in, so it may hold
    braces.

    Args:
        template: The English text, with ``{name}`` fields.
        **fields: The values of the fields.

    Examples:
        >>> import datetime as dt
        >>> phrase = Phrase("no funding from {day}", day=dt.date(2027, 1, 1))
        >>> str(phrase), phrase.describe("de")
        ('no funding from 2027-01-01', 'keine Förderung ab 01.01.2027')
    """

    __slots__ = ("fields", "template")

    template: str
    fields: Mapping[str, object]

    def __init__(self, template: str, /, **fields: object) -> None:
        if type(template) is not str:
            raise InvalidTypeError(
                f"a phrase's template must be a str, got {type(template).__name__}; "
                "write the English text with {name} fields"
            )
        object.__setattr__(self, "template", template)
        object.__setattr__(self, "fields", dict(fields))

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"a Phrase cannot be changed: {name}")

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Phrase):
            return NotImplemented
        return (self.template, self.fields) == (other.template, other.fields)

    __hash__ = None  # type: ignore[assignment]  # the fields may be unhashable

    def __reduce__(self) -> tuple[object, ...]:
        return (_phrase, (self.template, tuple(self.fields.items())))

    def __repr__(self) -> str:
        fields = "".join(f", {name}={value!r}" for name, value in self.fields.items())
        return f"Phrase({self.template!r}{fields})"

    def __str__(self) -> str:
        return self.describe("en")

    def describe(self, lang: Literal["de", "en"] = "en") -> str:
        """The text in ``lang``, with its fields filled in.

        Args:
            lang: ``"de"`` or ``"en"``.

        Returns:
            The German text from the catalogue under ``"de"`` (the English
            text if the catalogue has none), the English text under ``"en"``.
        """
        if lang not in ("en", "de"):  # a tuple, not a set: an unhashable value must not raise
            raise InvalidValueError(
                N_("lang must be 'de' or 'en', got {value}"), value=_shown_lang(lang)
            )
        template = _catalogue.catalogue(lang).gettext(self.template)
        if not self.fields:
            return template
        return _Filler(lang).vformat(template, (), self.fields)


def _shown_lang(value: object) -> str:
    try:
        return repr(value)
    except Exception:  # a caller's __repr__ may raise anything; the message must not
        return f"{type(value).__name__} whose repr() fails"


def N_(message: str) -> str:  # noqa: N802 - the name gettext's tools know
    """Mark ``message`` for the catalogue (`kim_cooperation.i18n.N_`, which errors cannot import)."""
    return message


def _phrase(template: str, fields: tuple[tuple[str, object], ...]) -> Phrase:
    return Phrase(template, **dict(fields))


class _Filler(string.Formatter):
    """Fills a phrase's fields in, each written in the phrase's language."""

    def __init__(self, lang: Literal["de", "en"]) -> None:
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if isinstance(value, (Phrase, KimCooperationError)):
            return format(value.describe(self.lang), format_spec)
        if self.lang == "de" and not format_spec:
            if type(value) is dt.date:
                return f"{value.day:02d}.{value.month:02d}.{value.year:04d}"
            if type(value) is Decimal:
                return str(value).replace(".", ",")
        if self.lang == "de" and format_spec == "," and type(value) is int:
            return f"{value:,}".replace(",", ".")  # thousands grouped as German writes them
        return format(value, format_spec)


class KimCooperationError(Exception):
    """Base class of every error raised by ``kim_cooperation``.

    Catch this to handle any problem the library reports about its input.

    Examples:
        One handler catches the library's value, type and look-up errors alike:

        >>> from decimal import Decimal
        >>> from kim_cooperation import CostStatement, presets
        >>> agreement = presets.coesfeld()
        >>> bad_calls = [
        ...     lambda: CostStatement(personnel=Decimal("-1")),  # a ValueError
        ...     lambda: CostStatement(personnel=163000.0),  # a TypeError
        ...     lambda: agreement.region("West"),  # a LookupError
        ... ]
        >>> for call in bad_calls:
        ...     try:
        ...         call()
        ...     except KimCooperationError as error:
        ...         print(type(error).__name__)
        InvalidValueError
        MoneyTypeError
        UnknownRegionError

        Every message is a catalogue text with named fields (`Phrase`):
        ``str(error)`` is English, ``error.describe("de")`` German:

        >>> try:
        ...     agreement.region("West")
        ... except KimCooperationError as error:
        ...     print(error.describe("de"))  # doctest: +ELLIPSIS
        'West' ist keine Region der Vereinbarung '...'; Regionen sind ['Nord', 'Mitte', 'Süd'] (C2)

    Args:
        message: The English text, marked for the catalogue (``N_("...")``),
            with ``{name}`` fields; or a `Phrase`.
        **fields: The values of the fields.

    Attributes:
        phrase: The message as a `Phrase`: its English template and fields.
    """

    phrase: Phrase

    def __init__(self, message: str | Phrase = "", /, **fields: object) -> None:
        phrase = message if isinstance(message, Phrase) else Phrase(message, **fields)
        if isinstance(message, Phrase) and fields:
            raise InvalidTypeError("give the fields either in the Phrase or as keywords, not both")
        super().__init__(str(phrase))
        self.phrase = phrase

    def describe(self, lang: Literal["de", "en"] = "en") -> str:
        """The message in ``lang``: German from the catalogue under ``"de"``.

        Args:
            lang: ``"de"`` or ``"en"``.
        """
        return self.phrase.describe(lang)


class InvalidValueError(KimCooperationError, ValueError):
    """A value has the right type but is not allowed.

    For instance a malformed AGS, a full-time equivalent outside ``(0, 1]``,
    negative costs, notice terms of zero months.

    Examples:
        >>> from kim_cooperation import CostStatement
        >>> try:
        ...     CostStatement(personnel=-1)
        ... except ValueError as error:
        ...     print(type(error).__name__, "-", error)
        InvalidValueError - costs must not be negative, got -1 (C8)
    """


class InvalidMoneyError(InvalidValueError):
    """An amount of money is not finite, carries fractions of a cent, or is out of range.

    Money is exact to the cent everywhere in this library; an amount such as
    ``Decimal("0.001")`` would have to be rounded, and nothing is rounded
    silently.

    Examples:
        >>> from decimal import Decimal
        >>> from kim_cooperation import CostStatement
        >>> try:
        ...     CostStatement(personnel=Decimal("163000.005"))
        ... except ValueError as error:
        ...     print(isinstance(error, InvalidMoneyError), "-", error)
        True - cost must be exact to the cent, got Decimal('163000.005'); round it yourself
        first, the library never rounds silently
    """


class InvalidDateError(InvalidValueError):
    """A date or year is outside the range the calculation can represent.

    Raised, for instance, when a notice deadline would fall before
    ``datetime.date.min`` or a termination date after ``datetime.date.max``.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import termination_date
        >>> try:
        ...     termination_date(dt.date(9999, 6, 30))
        ... except ValueError as error:
        ...     print(type(error).__name__, "-", error)
        InvalidDateError - notice received on 9999-06-30 with 18 months to the end of a year
        ends after 31 December 9999
    """


class AgreementError(InvalidValueError):
    """The parts of an agreement do not fit together.

    Raised when an invariant of the agreement is broken: a party in two
    regions or in none (C2), an employer outside its region (C3), two parties
    with the same AGS or name (C1), two posts with the same label.

    Examples:
        Dropping the region Süd leaves its five towns in no region:

        >>> import attrs
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld()
        >>> try:
        ...     attrs.evolve(agreement, regions=agreement.regions[:2])
        ... except ValueError as error:
        ...     print(type(error).__name__, "-", error)
        AgreementError - Ascheberg (05558004) belongs to no region; each party belongs to
        exactly one region (C2)
    """


class AgreementFileError(InvalidValueError):
    """An agreement file cannot be read: every problem found, each with the path of its value.

    Raised by `kim_cooperation.files.loads_agreement` and
    `kim_cooperation.files.load_agreement`. A file is checked as a whole, so
    one error lists all its problems at once: first those of form (syntax,
    types, missing and unknown keys, malformed values), then, once the form
    is right, those of meaning (unknown towns, regions that do not fit, the
    agreement's rules).

    Attributes:
        problems: Each problem as ``(path, message)``. The path names the
            value as TOML keys and array indexes, such as
            ``regions[1].posts[0].fte``; ``""`` is the whole file.
        source: The file's name, if known.

    Examples:
        >>> error = AgreementFileError([("regions[0].posts[0].fte", "must be at most 1, got 3/2")])
        >>> print(error)
        the agreement file has 1 problem:
          regions[0].posts[0].fte: must be at most 1, got 3/2
        >>> error.problems
        (('regions[0].posts[0].fte', 'must be at most 1, got 3/2'),)
    """

    problems: tuple[tuple[str, str], ...]
    source: str | None

    def __init__(
        self,
        problems: Iterable[tuple[str, str | Phrase | KimCooperationError]],
        source: str | None = None,
    ) -> None:
        phrases = tuple(
            (str(path), message if isinstance(message, Phrase) else _as_phrase(message))
            for path, message in problems
        )
        self.problems = tuple((path, str(message)) for path, message in phrases)
        self.source = source
        self._phrases = phrases
        super().__init__(self._describe("en"))

    @property
    def phrases(self) -> tuple[tuple[str, Phrase], ...]:
        """Each problem's path and message as a `Phrase`, to be worded in any language."""
        return self._phrases

    def describe(self, lang: Literal["de", "en"] = "en") -> str:
        """Every problem in ``lang``, each on its own line after the path of its value.

        Args:
            lang: ``"de"`` or ``"en"``.
        """
        return self._describe(lang)

    def _describe(self, lang: Literal["de", "en"]) -> str:
        count = len(self._phrases)
        if self.source is None:
            head = Phrase(
                N_("the agreement file has {count} problem")
                if count == 1
                else N_("the agreement file has {count} problems"),
                count=count,
            )
        else:
            head = Phrase(
                N_("agreement file {source} has {count} problem")
                if count == 1
                else N_("agreement file {source} has {count} problems"),
                source=repr(self.source),
                count=count,
            )
        return problem_listing(head, self._phrases, lang)

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self._phrases, self.source))

    def __str__(self) -> str:
        return self._describe("en")


def problem_listing(
    head: Phrase,
    problems: Iterable[tuple[str, Phrase]],
    lang: Literal["de", "en"],
    *,
    one_line: bool = False,
) -> str:
    """A file's problems in ``lang``: ``head`` and a colon, then each problem after its path.

    The listing of `AgreementFileError` and of the scenario files' error;
    ``one_line`` puts each problem's message on one line.

    Examples:
        >>> head = Phrase("the agreement file has {count} problem", count=1)
        >>> print(problem_listing(head, [("", Phrase("Invalid value"))], "de"))
        die Vereinbarungsdatei hat 1 Problem:
          (oberste Ebene): ungültiger Wert
    """
    top = Phrase(N_("(top level)")).describe(lang)
    lines = [head.describe(lang) + ":"]
    for path, message in problems:
        text = message.describe(lang)
        lines.append(f"  {path or top}: {' '.join(text.split()) if one_line else text}")
    return "\n".join(lines)


def _as_phrase(message: str | KimCooperationError) -> Phrase:
    """A problem's message as a phrase: an error's own phrase, or a text as it is.

    A plain text is looked up in the catalogue as it stands, so a problem
    given as a marked text (``N_("...")``) without fields is German too.
    """
    if isinstance(message, KimCooperationError):
        return message.phrase
    text = str(message)
    return Phrase(text)


class UndecidedCaseError(InvalidValueError):
    """The agreement's text does not settle the case, so the library refuses it (I8).

    Raised, for example, when the employer of a region gives notice while
    other towns of the region stay (who employs the case managers then?), or
    when every town of one region leaves while the agreement goes on
    elsewhere. The message names the decision the parties would have to
    make first; the library never guesses it.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld()
        >>> try:
        ...     agreement.give_notice("Coesfeld", dt.date(2024, 6, 30))
        ... except ValueError as error:
        ...     print(type(error).__name__, "-", error)
        UndecidedCaseError - Coesfeld, the employer of region 'Nord', leaves on 2025-12-31 while
        Billerbeck, Havixbeck, Rosendahl stay; the agreement does not say who employs the case
        managers then. Name a successor employer with the notice (give_notice(..., successor=...))
        (C3, C12, I8)
        >>> later = agreement.give_notice("Coesfeld", dt.date(2024, 6, 30), successor="Billerbeck")
        >>> later.employer_of("Nord", 2026).name
        'Billerbeck'
    """


class InvalidTypeError(KimCooperationError, TypeError):
    """A value of the wrong type was given.

    For example a ``datetime`` where a plain ``date`` is expected (a notice is
    received on a day, not at an instant), an ``int`` AGS that has lost its
    leading zero, or a ``float`` where an exact share is needed.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import termination_date
        >>> try:
        ...     termination_date(dt.datetime(2024, 6, 30, 12, 0))
        ... except TypeError as error:
        ...     print(type(error).__name__, "-", error)
        InvalidTypeError - received must be a datetime.date, got datetime
        datetime.datetime(2024, 6, 30, 12, 0); pass value.date() if the day in its own time
        zone is meant
    """


class MoneyTypeError(InvalidTypeError):
    """Money was given as something other than ``Decimal`` or ``int``.

    Most often a ``float``: binary floats cannot represent most cent amounts
    exactly, so the library refuses them and asks for ``decimal.Decimal("…")``
    (or an ``int`` of whole euros).

    Examples:
        >>> from kim_cooperation import CostStatement
        >>> try:
        ...     CostStatement(personnel=163000.0)
        ... except TypeError as error:
        ...     print(isinstance(error, MoneyTypeError), "-", error)
        True - cost must be a decimal.Decimal or an int of whole euros, got float 163000.0;
        floats cannot hold cents exactly, write Decimal('163000.0') instead
    """


class _LookupFailedError(KimCooperationError, KeyError):
    """A look-up failed; a `KeyError` (so a `LookupError`) with a readable message."""

    def __str__(self) -> str:
        # KeyError quotes its argument as a key; these carry a sentence.
        return str(self.args[0]) if self.args else ""


class UnknownPartyError(_LookupFailedError):
    """A party was looked up that is not a party to the agreement or the split (C1).

    Derives from `KeyError`, so mappings of parties behave as mappings do.

    Examples:
        >>> from kim_cooperation import presets
        >>> try:
        ...     presets.coesfeld().party("Münster")
        ... except KeyError as error:
        ...     print(type(error).__name__, "-", error)
        UnknownPartyError - 'Münster' is not a party to the agreement '...';
        parties are ['Ascheberg', ..., 'Senden'] (C1)
    """


class UnknownRegionError(_LookupFailedError):
    """A region was looked up that the agreement does not have (C2).

    Derives from `KeyError`, like `UnknownPartyError`.

    Examples:
        >>> from kim_cooperation import presets
        >>> try:
        ...     presets.coesfeld().region("West")
        ... except LookupError as error:
        ...     print(type(error).__name__, "-", error)
        UnknownRegionError - 'West' is not a region of the agreement '...';
        regions are ['Nord', 'Mitte', 'Süd'] (C2)
    """


class UnknownLineError(_LookupFailedError):
    """A line was looked up that a financial-impact statement does not have.

    Derives from `KeyError`, like `UnknownPartyError`.

    Examples:
        >>> from kim_cooperation import financial_impact, presets, settle
        >>> settlement = settle(presets.coesfeld(), 2023, presets.coesfeld_cost_plan_2023())
        >>> try:
        ...     financial_impact(settlement, "Coesfeld").line("transfers")
        ... except KeyError as error:
        ...     print(type(error).__name__, "-", error)  # doctest: +ELLIPSIS
        UnknownLineError - no line 'transfers' in the council-paper layout; lines are [...]
    """


class NoApplicableRateError(KimCooperationError, LookupError):
    """No funding rate applies on the requested day (C5, C6).

    A funding schedule answers "the last value on or before the date"; a day
    before its first value has none.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> try:
        ...     presets.coesfeld().funding.rate_on(dt.date(2022, 12, 31))
        ... except LookupError as error:
        ...     print(type(error).__name__, "-", error)
        NoApplicableRateError - no funding rate applies on 2022-12-31;
        the schedule starts on 2023-01-01 (C5)
    """


class NoPopulationCountError(KimCooperationError, LookupError):
    """A population key needs a town's count of inhabitants that the agreement lacks (C4, I9).

    The settlement of a year split by population uses each town's latest
    count on or before the reference day; a town without one is never
    guessed. The message names the town, the year and the day.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> from kim_cooperation.keys import population_of
        >>> try:
        ...     population_of(presets.example(), "Altenau", dt.date(2020, 12, 31))
        ... except LookupError as error:
        ...     print(type(error).__name__, "-", error)
        NoPopulationCountError - no population count of Altenau on or before 2020-12-31;
        its counts are as of 2023-12-31, 2024-12-31, 2025-12-31; add a [[population]] count
        as of that day or earlier (C4, I9)
    """


class MissingExtraError(KimCooperationError, ModuleNotFoundError):
    """A feature needs an optional dependency that is not installed; the message names the extra.

    Charts need ``plot`` (matplotlib), workbooks ``excel`` (openpyxl),
    documents ``docx`` (python-docx), DataFrames ``pandas`` and TOML files
    ``toml`` (tomli-w). Importing ``kim_cooperation`` never imports them;
    the feature does, when it is called, and raises this if the package is
    missing. It is a `ModuleNotFoundError` whose ``name`` is the missing
    module, so ``except ImportError`` keeps working; its message is German
    with ``describe("de")``.

    Args:
        what: What needs the package, as the caller wrote it (``plot``).
        package: The package to install, as PyPI names it (``matplotlib``).
        extra: The extra of ``kim-cooperation`` that installs it (``plot``).
        module: The module that was not found (``matplotlib``).
        hint: A further way out, a catalogue text (``N_("...")``), or ``None``.

    Attributes:
        extra: The extra that installs the missing package.

    Examples:
        >>> error = MissingExtraError("plot", package="matplotlib", extra="plot",
        ...                           module="matplotlib")
        >>> print(error)
        plot needs matplotlib; install it with pip install kim-cooperation[plot]
        >>> print(error.describe("de"))
        plot braucht matplotlib; installieren Sie es mit pip install kim-cooperation[plot]
        >>> isinstance(error, ModuleNotFoundError), error.name, error.extra
        (True, 'matplotlib', 'plot')
    """

    extra: str
    _made: tuple[str, str, str, str, str | None]

    def __init__(
        self, what: str, *, package: str, extra: str, module: str, hint: str | None = None
    ) -> None:
        needs = Phrase(
            N_("{what} needs {package}; install it with pip install {install}"),
            what=what,
            package=package,
            install=f"kim-cooperation[{extra}]",
        )
        if hint is None:
            super().__init__(needs)
        else:
            super().__init__(Phrase(N_("{needs}, or {hint}"), needs=needs, hint=Phrase(hint)))
        self.name = module
        self.extra = extra
        self._made = (what, package, extra, module, hint)

    def __reduce__(self) -> tuple[object, ...]:
        what, package, extra, module, hint = self._made
        return (_missing_extra, (what, package, extra, module, hint))


def _missing_extra(
    what: str, package: str, extra: str, module: str, hint: str | None
) -> MissingExtraError:
    return MissingExtraError(what, package=package, extra=extra, module=module, hint=hint)


class KimCooperationWarning(UserWarning):
    """Base class of every warning issued by ``kim_cooperation``.

    A warning tells about input the library accepts but that is probably not
    what was meant. Filter this class to silence or escalate all of them
    (``warnings.simplefilter("error", KimCooperationWarning)``).

    Examples:
        >>> issubclass(ClosedDayWarning, KimCooperationWarning), issubclass(
        ...     KimCooperationWarning, UserWarning)
        (True, True)
    """


class _ReceiptWarning(KimCooperationWarning):
    """A warning about a day of receipt, carrying the check so it can be shown in either language."""

    receipt: ReceiptCheck | None

    def __init__(self, message: str, receipt: ReceiptCheck | None = None) -> None:
        # The check is an attribute, not an argument: the message alone is shown,
        # and pickling restores the attribute with the instance's dict.
        super().__init__(message)
        self.receipt = receipt


class ClosedDayWarning(_ReceiptWarning):
    """A notice is recorded as received on a day the offices are closed (C11, § 130 BGB).

    Issued by `Agreement.give_notice` and `Agreement.give_notices` when the
    day of receipt is a Saturday, a Sunday, a public holiday of a party's
    Land or a closed day the caller listed
    (`kim_cooperation.closed_days.ClosedDays`). A letter left in a closed
    office's mailbox counts as received on the next working day, which can
    end the membership a whole year later. The recorded day is kept as
    given: a notice handed over in person on a Sunday is received that day.

    Attributes:
        receipt: The check (`kim_cooperation.closed_days.ReceiptCheck`):
            the day, why it is closed, the next working day and the
            termination dates either way; ``receipt.describe(lang="de")``
            says it in German. ``None`` for a warning built by hand.

    Examples:
        >>> import datetime as dt
        >>> import warnings
        >>> from kim_cooperation import presets
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     _ = presets.coesfeld().give_notice("Rosendahl", dt.date(2024, 6, 30))
        >>> warning = caught[0].message
        >>> type(warning).__name__, warning.receipt.next_open_day
        ('ClosedDayWarning', datetime.date(2024, 7, 1))
    """


class HolidaysNotCheckedWarning(_ReceiptWarning):
    """The public holidays on a day of receipt could not be checked (C11).

    Issued instead of staying silent when the optional package ``holidays``
    is not installed (``pip install "kim-cooperation[holidays]"``) or has no
    public holidays for the year; weekends and the listed closed days are
    still checked. Not issued when the day is found closed anyway: the
    `ClosedDayWarning` then says that holidays were not checked.

    Attributes:
        receipt: The check (`kim_cooperation.closed_days.ReceiptCheck`), or
            ``None`` for a warning built by hand.

    Examples:
        >>> import datetime as dt
        >>> import warnings
        >>> from kim_cooperation import presets
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     _ = presets.coesfeld().give_notice("Rosendahl", dt.date(2101, 6, 1))
        >>> print(caught[0].message)  # doctest: +ELLIPSIS
        The notice of Rosendahl is recorded as received on 2101-06-01. Public holidays were not
        checked: the package 'holidays' has no public holidays of North Rhine-Westphalia for 2101; ...
    """
