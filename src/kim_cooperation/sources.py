"""What a calculation works on: an agreement, its cost plans by year, and where they come from.

The command line (``--agreement coesfeld|example|FILE``) and the JSON
contract (`kim_cooperation.contract`, ``"agreement": "coesfeld"``) start
from the same `Source`: `built_in` gives one of the built-in agreements
(`BUILT_IN`) with its built-in cost plans and the note saying where their
figures come from; `from_file` gives an agreement file's agreement and
plans. `Source.plan_for` gives a year's cost plan, or the latest earlier
one carried forward, and `carried_note` words the note that says so (C8).

Examples:
    >>> from kim_cooperation import settle
    >>> source = built_in("coesfeld", lang="en")
    >>> plan, planned = source.plan_for(2025)
    >>> planned, carried_note(2025, planned, "en")
    (2023, 'The cost plan of 2023 is carried forward unchanged to 2025.')
    >>> settle(source.agreement, 2023, source.plan_for(2023)[0]).own_share_of("Havixbeck")
    Decimal('8125.00')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

import attrs

from kim_cooperation._checks import FrozenMapping, check_lang, check_year, shown, tuple_of
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.i18n import N_, translate

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.files import AgreementFile
    from kim_cooperation.formatting import Lang
    from kim_cooperation.projection import CostPlan

__all__ = ["BUILT_IN", "BuiltIn", "Source", "built_in", "carried_note", "from_file"]

BuiltIn: TypeAlias = Literal["coesfeld", "example"]
"""The names of the built-in agreements."""

BUILT_IN: Final[tuple[BuiltIn, ...]] = ("coesfeld", "example")
"""The names of the built-in agreements: ``"coesfeld"`` and ``"example"``."""


def _plans(value: Mapping[int, CostPlan]) -> Mapping[int, CostPlan]:
    if not isinstance(value, Mapping):
        raise InvalidTypeError(
            f"plans must be a mapping of year to cost plan, got {type(value).__name__}"
        )
    for year, plan in value.items():
        check_year(year, what="cost plan year")
        if not isinstance(plan, Mapping):
            raise InvalidTypeError(
                f"the cost plan for {year} must be a mapping of region name to CostStatement, "
                f"got {type(plan).__name__}"
            )
    # Read-only and in year order, so a Source can be shared and compared.
    return FrozenMapping(dict(sorted(value.items())))


def _notes(value: Iterable[str]) -> tuple[str, ...]:
    return tuple_of(value, str, what="notes")


def _check_agreement(_instance: object, _attribute: object, value: Any) -> None:
    # Imported here: the command line imports this module for every command, and the
    # agreement's rules only when a source is made.
    from kim_cooperation.agreement import check_agreement  # noqa: PLC0415

    check_agreement(value)


def _check_party(_instance: object, _attribute: object, value: Any) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidTypeError(
            f"default_party must be a town's name or None, got {type(value).__name__}"
        )


@attrs.frozen
class Source:
    """An agreement with its cost plans by year, and the notes on where the costs come from.

    Raises:
        InvalidTypeError: A value has the wrong type: the agreement is not
            an `Agreement`, a plan's year not a year, a note not a `str`.
        InvalidDateError: A plan's year is outside 1 to 9999.

    Attributes:
        agreement: The agreement (C1–C3, C5, C11).
        plans: The cost plans (C8) by year, read-only, in year order.
        notes: Texts saying where the costs come from, in the language the
            source was made in; empty for an agreement file.
        default_party: The town a report is about when none is named.

    Examples:
        >>> source = built_in("example", lang="en")
        >>> [party.name for party in source.agreement.parties][:2], sorted(source.plans)[:2]
        (['Altenau', 'Brunnfeld'], [2024, 2025])
    """

    agreement: Agreement = attrs.field(validator=_check_agreement)
    plans: Mapping[int, CostPlan] = attrs.field(converter=_plans)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_notes)
    default_party: str | None = attrs.field(default=None, validator=_check_party)

    def plan_for(self, year: int) -> tuple[CostPlan, int]:
        """The cost plan for ``year``: its own, else the latest earlier one carried forward (C8).

        Args:
            year: The year to settle.

        Returns:
            The plan and the year it was made for; the year differs from
            ``year`` when an earlier plan is carried forward.

        Raises:
            InvalidValueError: No plan is for ``year`` or an earlier year.

        Examples:
            >>> source = built_in("coesfeld", lang="en")
            >>> source.plan_for(2024)[1]
            2023
            >>> source.plan_for(2022)
            Traceback (most recent call last):
            ...
            kim_cooperation.errors.InvalidValueError: no cost plan for 2022 or an earlier year; the plans cover 2023
        """
        earlier = [planned for planned in self.plans if planned <= year]
        if not earlier:
            raise InvalidValueError(
                N_("no cost plan for {year} or an earlier year; the plans cover {years}"),
                year=year,
                years=", ".join(str(planned) for planned in sorted(self.plans)),
            )
        chosen = max(earlier)
        return self.plans[chosen], chosen


def built_in(name: BuiltIn, *, lang: Lang = "de") -> Source:
    """A built-in agreement with its built-in cost plans and the note on where they come from.

    ``"coesfeld"`` is the Kreis Coesfeld agreement (`kim_cooperation.presets.coesfeld`)
    with the cost plan of 2023 (Region Nord from the council paper, Mitte
    and Süd as a planning assumption); ``"example"`` the invented Kreis
    Musterland (`kim_cooperation.presets.example`) with its plans.

    Args:
        name: ``"coesfeld"`` or ``"example"``.
        lang: The language of the notes, ``"de"`` (default) or ``"en"``.

    Raises:
        InvalidValueError: ``name`` is not a built-in agreement's, or
            ``lang`` is neither ``"de"`` nor ``"en"``.

    Examples:
        >>> print(built_in("example", lang="de").notes[0])
        Erfundenes Beispiel „Kreis Musterland“: Kommunen, Einwohnerzahlen und Kosten sind ausgedacht.
        >>> built_in("muenster")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: no built-in agreement 'muenster'; the built-in agreements are coesfeld, example
    """
    from kim_cooperation import presets  # noqa: PLC0415 - the presets read their files lazily

    chosen = check_lang(lang)
    if name == "coesfeld":
        note = N_(
            "Costs: Region Nord from the council paper 2023; Mitte and Süd as a planning "
            "assumption (Region Nord's cost per full-time post)."
        )
        return Source(
            agreement=presets.coesfeld(),
            plans={2023: presets.coesfeld_planning_costs_2023()},
            notes=(translate(note, chosen),),
            default_party="Coesfeld",
        )
    if name == "example":
        note = N_(
            "Invented example “Kreis Musterland”: the towns, inhabitants and costs are made up."
        )
        return Source(
            agreement=presets.example(),
            plans=presets.example_cost_plans(),
            notes=(translate(note, chosen),),
        )
    raise InvalidValueError(
        N_("no built-in agreement {name}; the built-in agreements are {names}"),
        name=shown(name),
        names=", ".join(BUILT_IN),
    )


def from_file(document: AgreementFile) -> Source:
    """The agreement and cost plans of an agreement file, without notes.

    Raises:
        InvalidTypeError: ``document`` is not an `AgreementFile`.

    Examples:
        >>> from kim_cooperation import presets
        >>> from kim_cooperation.files import AgreementFile
        >>> source = from_file(AgreementFile(agreement=presets.coesfeld()))
        >>> source.notes, dict(source.plans)
        ((), {})
    """
    from kim_cooperation.files import AgreementFile  # noqa: PLC0415 - only to check the type

    if not isinstance(document, AgreementFile):
        raise InvalidTypeError(f"document must be an AgreementFile, got {type(document).__name__}")
    return Source(agreement=document.agreement, plans=document.cost_plans)


def carried_note(year: int, planned: int, lang: Lang, *, until: int | None = None) -> str:
    """The note that the plan of ``planned`` is carried forward to ``year`` (through ``until``).

    Raises:
        InvalidTypeError: A year is not an `int`.
        InvalidDateError: A year is outside 1 to 9999.
        InvalidValueError: ``lang`` is neither ``"de"`` nor ``"en"``.

    Examples:
        >>> carried_note(2024, 2023, "en", until=2026)
        'The cost plan of 2023 is carried forward unchanged to 2024–2026.'
        >>> carried_note(2024, 2023, "de")
        'Kostenplan 2023 für 2024 unverändert fortgeschrieben.'
    """
    check_year(year)
    check_year(planned, what="planned")
    if until is not None:
        check_year(until, what="until")
    years = str(year) if until is None or until == year else f"{year}–{until}"
    return translate(
        N_("The cost plan of {planned} is carried forward unchanged to {years}."), check_lang(lang)
    ).format(planned=planned, years=years)
