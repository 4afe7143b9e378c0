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

from collections.abc import Iterable

__all__ = [
    "AgreementError",
    "AgreementFileError",
    "InvalidDateError",
    "InvalidMoneyError",
    "InvalidTypeError",
    "InvalidValueError",
    "KimCooperationError",
    "MoneyTypeError",
    "NoApplicableRateError",
    "UndecidedCaseError",
    "UnknownPartyError",
    "UnknownRegionError",
]


class KimCooperationError(Exception):
    """Base class of every error raised by ``kim_cooperation``.

    Catch this to handle any problem the library reports about its input.
    """


class InvalidValueError(KimCooperationError, ValueError):
    """A value has the right type but is not allowed.

    Examples: a malformed AGS, a full-time equivalent outside ``(0, 1]``,
    negative costs, notice terms of zero months.
    """


class InvalidMoneyError(InvalidValueError):
    """An amount of money is not finite, carries fractions of a cent, or is out of range.

    Money is exact to the cent everywhere in this library; an amount such as
    ``Decimal("0.001")`` would have to be rounded, and nothing is rounded
    silently.
    """


class InvalidDateError(InvalidValueError):
    """A date or year is outside the range the calculation can represent.

    Raised, for instance, when a notice deadline would fall before
    ``datetime.date.min`` or a termination date after ``datetime.date.max``.
    """


class AgreementError(InvalidValueError):
    """The parts of an agreement do not fit together.

    Raised when an invariant of the agreement is broken: a party in two
    regions or in none (C2), an employer outside its region (C3), two parties
    with the same AGS or name (C1), two posts with the same label.
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

    def __init__(self, problems: Iterable[tuple[str, str]], source: str | None = None) -> None:
        found = tuple((str(path), str(message)) for path, message in problems)
        super().__init__(found, source)
        self.problems = found
        self.source = source

    def __str__(self) -> str:
        count = len(self.problems)
        name = "the agreement file" if self.source is None else f"agreement file {self.source!r}"
        lines = [f"{name} has {count} problem{'' if count == 1 else 's'}:"]
        lines.extend(f"  {path or '(top level)'}: {message}" for path, message in self.problems)
        return "\n".join(lines)


class UndecidedCaseError(InvalidValueError):
    """The agreement's text does not settle the case, so the library refuses it (I8).

    Raised, for example, when the employer of a region gives notice while
    other towns of the region stay (who employs the case managers then?), or
    when every town of one region leaves while the agreement goes on
    elsewhere. The message names the decision the parties would have to
    make first; the library never guesses it.
    """


class InvalidTypeError(KimCooperationError, TypeError):
    """A value of the wrong type was given.

    For example a ``datetime`` where a plain ``date`` is expected (a notice is
    received on a day, not at an instant), an ``int`` AGS that has lost its
    leading zero, or a ``float`` where an exact share is needed.
    """


class MoneyTypeError(InvalidTypeError):
    """Money was given as something other than ``Decimal`` or ``int``.

    Most often a ``float``: binary floats cannot represent most cent amounts
    exactly, so the library refuses them and asks for ``decimal.Decimal("…")``
    (or an ``int`` of whole euros).
    """


class _LookupFailedError(KimCooperationError, KeyError):
    """A look-up failed; a `KeyError` (so a `LookupError`) with a readable message."""

    def __str__(self) -> str:
        # KeyError quotes its argument as a key; these carry a sentence.
        return str(self.args[0]) if self.args else ""


class UnknownPartyError(_LookupFailedError):
    """A party was looked up that is not a party to the agreement or the split (C1).

    Derives from `KeyError`, so mappings of parties behave as mappings do.
    """


class UnknownRegionError(_LookupFailedError):
    """A region was looked up that the agreement does not have (C2)."""


class NoApplicableRateError(KimCooperationError, LookupError):
    """No funding rate applies on the requested day (C5, C6).

    A funding schedule answers "the last value on or before the date"; a day
    before its first value has none.
    """
