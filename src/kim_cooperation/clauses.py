"""Clause ids: the link from every rule and every result back to the agreement.

The cooperation agreement's own numbering is not published; the council paper
only summarises it. The ids ``C1`` … ``C13`` are this library's, defined in
the project's domain brief, and used consistently in docstrings, result lines
and error messages so that an auditor can trace any figure to its clause.

The numbered interpretation choices (``I1`` … ``I13``) record how the library
reads the clauses where the text leaves room; each is a documented default.

Examples:
    >>> from kim_cooperation import Clause
    >>> Clause.C7
    <Clause.C7: 'C7'>
    >>> str(Clause.C7), Clause.C7.heading
    ('C7', 'Own share')
    >>> Clause.C7.heading_de
    'Eigenanteil'
    >>> Clause.C7.describe()
    'C7 Own share (Eigenanteil)'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from kim_cooperation._checks import Choice, shown
from kim_cooperation.errors import N_, InvalidTypeError, InvalidValueError, Phrase

__all__ = ["Clause", "Interpretation"]

_CLAUSE_HEADINGS: Final[Mapping[str, tuple[str, str]]] = MappingProxyType(
    {
        "C1": ("Parties", "Vertragsparteien"),
        "C2": ("Regions", "Regionen"),
        "C3": ("Employers and posts", "Anstellungskörperschaften und Planstellen"),
        "C4": ("Deployment", "Einsatz in den Kommunen"),
        "C5": ("Funding", "Landesförderung"),
        "C6": ("Funding increase", "Anhebung der Förderung"),
        "C7": ("Own share", "Eigenanteil"),
        "C8": ("Cost items", "Kostenpositionen"),
        "C9": ("Billing", "Abrechnung"),
        "C10": ("Loss of funding", "Wegfall der Förderung"),
        "C11": ("Term and notice", "Laufzeit und Kündigung"),
        "C12": ("Partial withdrawal", "Ausscheiden einzelner Vertragsparteien"),
        "C13": ("Full termination (wind-down)", "Kündigung aller Vertragsparteien"),
    }
)

_INTERPRETATION_HEADINGS: Final[Mapping[str, str]] = MappingProxyType(
    {
        "I1": "Split key: equal parts among the region's current towns",
        "I2": "Cents: largest remainder, ties to the employer, then by AGS",
        "I3": "C12 scope: a leaving town's share passes to its region's remaining towns",
        "I4": "C10 scope: equal parts within each region, paid to its employer",
        "I5": "C13 scope: the post's region; 12 months from the day after the end",
        "I6": "Funding never exceeds costs: surplus is reported, never paid out",
        "I7": "Part-year posts: funding in twelfths per full calendar month filled",
        "I8": "Cases the text does not cover are refused, never guessed",
        "I9": "Split key: equal parts, fixed weights or population at a reference day",
        "I10": "Changes within a year: spans in twelfths, split by the key, rounded once",
        "I11": "C12 under a key: a leaving town's part passes in equal parts",
        "I12": "C10 under a key: without funding the costs are borne in equal parts",
        "I13": "C13 under a key: the run-on costs are split in equal parts",
    }
)


class Clause(Choice):
    """A clause of the cooperation agreement, by the id used throughout the library.

    The value is the id itself (``"C7"``), so a clause compares equal to its
    id and serialises as it. ``heading`` and ``heading_de`` give the clause's
    heading in English and German.

    Examples:
        >>> clause = Clause("C9")
        >>> clause is Clause.C9, clause == "C9", clause.describe()
        (True, True, 'C9 Billing (Abrechnung)')
        >>> [str(item) for item in Clause][:3], len(Clause)
        (['C1', 'C2', 'C3'], 13)
        >>> Clause("C99")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: 'C99' is not a Clause; expected one of ['C1', ..., 'C13']
    """

    C1 = "C1"
    C2 = "C2"
    C3 = "C3"
    C4 = "C4"
    C5 = "C5"
    C6 = "C6"
    C7 = "C7"
    C8 = "C8"
    C9 = "C9"
    C10 = "C10"
    C11 = "C11"
    C12 = "C12"
    C13 = "C13"

    @property
    def heading(self) -> str:
        """The clause's heading in English."""
        return _CLAUSE_HEADINGS[self.value][0]

    @property
    def heading_de(self) -> str:
        """The clause's heading in German."""
        return _CLAUSE_HEADINGS[self.value][1]

    def describe(self) -> str:
        """Return the id with both headings, for messages and reports."""
        return f"{self.value} {self.heading} ({self.heading_de})"


class Interpretation(Choice):
    """An interpretation choice: how the library reads a clause where the text leaves room.

    Examples:
        >>> Interpretation.I2.heading
        'Cents: largest remainder, ties to the employer, then by AGS'
    """

    I1 = "I1"
    I2 = "I2"
    I3 = "I3"
    I4 = "I4"
    I5 = "I5"
    I6 = "I6"
    I7 = "I7"
    I8 = "I8"
    I9 = "I9"
    I10 = "I10"
    I11 = "I11"
    I12 = "I12"
    I13 = "I13"

    @property
    def heading(self) -> str:
        """A one-line summary of the choice."""
        return _INTERPRETATION_HEADINGS[self.value]


_CLAUSE: Final = Phrase(N_("clause"))
"""How a clause is named in a message when the caller gives no name."""


def check_clause(value: object, *, what: str | Phrase = _CLAUSE) -> Clause:
    """Return the `Clause` that ``value`` is or names by its id (``"C4"``).

    Args:
        value: A `Clause` or its id.
        what: How to name the value in an error message: a catalogue text
            (``N_("clause")``) or a `kim_cooperation.errors.Phrase`, so that
            the German message names it in German.

    Raises:
        InvalidTypeError: ``value`` is neither a `Clause` nor a string.
        InvalidValueError: ``value`` names no clause (an interpretation
            choice such as ``"I2"`` is not one).

    Examples:
        >>> check_clause("C12"), check_clause(Clause.C4)
        (<Clause.C12: 'C12'>, <Clause.C4: 'C4'>)
        >>> check_clause("C99")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: clause must be one of C1 to C13, got 'C99'

        The message is a catalogue text, also in German:

        >>> try:
        ...     check_clause("I2")
        ... except InvalidValueError as error:
        ...     print(error.describe("de"))
        Klausel: erwartet ist eine der Klauseln C1 bis C13, angegeben ist 'I2'
    """
    if isinstance(value, Clause):
        return value
    if not isinstance(value, str):
        raise InvalidTypeError(
            f"{what} must be a Clause such as Clause.C4, got {type(value).__name__} {shown(value)}"
        )
    text = str.__str__(value)
    if text in Clause.__members__:
        return Clause(text)
    raise InvalidValueError(
        N_("{what} must be one of C1 to C13, got {value}"),
        what=what if isinstance(what, Phrase) else Phrase(what),
        value=shown(value),
    )
