"""What a command works on: the agreement ``--agreement`` names, its cost plans, its towns.

`_source` reads a built-in agreement (``coesfeld``, ``example``) or an
agreement file into a `_Source`, whose `_Source.plan_for` gives a year's
cost plan, the latest earlier one carried forward if the year has none
(`_carried` words the note). `_town` finds the town an option names, or
refuses it with the closest names (C1).
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Final

import attrs

from kim_cooperation._checks import check_lang
from kim_cooperation.i18n import N_, translate

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.party import Party
    from kim_cooperation.projection import CostPlan

BUILT_IN: Final = ("coesfeld", "example")
"""The names ``--agreement`` takes for the built-in agreements."""


@attrs.frozen
class _Source:
    """The agreement and cost plans a command works on, and where they come from."""

    agreement: Agreement
    plans: Mapping[int, CostPlan]
    notes: tuple[str, ...]
    default_party: str | None

    def plan_for(self, year: int) -> tuple[CostPlan, int]:
        """The plan for ``year``: its own, else the latest earlier one, and its year."""
        earlier = [planned for planned in self.plans if planned <= year]
        if not earlier:
            from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

            planned_years = sorted(self.plans)
            raise InvalidValueError(
                N_("no cost plan for {year} or an earlier year; the plans cover {years}"),
                year=year,
                years=", ".join(str(planned) for planned in planned_years),
            )
        chosen = max(earlier)
        return self.plans[chosen], chosen


def _built_in(name: str | None) -> str | None:
    """The built-in agreement ``--agreement`` names, or ``None`` for a file.

    Raises:
        InvalidValueError: The name is a built-in agreement's and a file or
            folder of that name exists too.
    """
    if name is None:
        return "coesfeld"
    if name.casefold() not in BUILT_IN:
        return None
    if Path(name).exists():
        from kim_cooperation.errors import InvalidValueError  # noqa: PLC0415

        raise InvalidValueError(
            N_(
                "--agreement {name} is ambiguous: it names the built-in {built_in} agreement "
                "and the file {file} in {folder}; write --agreement ./{name} for the file, "
                "or rename it"
            ),
            name=name,
            built_in=name.casefold(),
            file=repr(name),
            folder=Path.cwd(),
        )
    return name.casefold()


def _source(name: str | None, lang: str) -> _Source:
    from kim_cooperation import presets  # noqa: PLC0415

    built_in = _built_in(name)
    if built_in == "coesfeld":
        note = translate(
            N_(
                "Costs: Region Nord from the council paper 2023; Mitte and Süd as a planning "
                "assumption (Region Nord's cost per full-time post)."
            ),
            check_lang(lang),
        )
        return _Source(
            agreement=presets.coesfeld(),
            plans={2023: presets.coesfeld_planning_costs_2023()},
            notes=(note,),
            default_party="Coesfeld",
        )
    if built_in == "example":
        note = translate(
            N_(
                "Invented example “Kreis Musterland”: the towns, inhabitants and costs are "
                "made up."
            ),
            check_lang(lang),
        )
        return _Source(
            agreement=presets.example(),
            plans=presets.example_cost_plans(),
            notes=(note,),
            default_party=None,
        )
    from kim_cooperation.files import load_agreement  # noqa: PLC0415

    document = load_agreement(Path(str(name)))
    return _Source(
        agreement=document.agreement, plans=document.cost_plans, notes=(), default_party=None
    )


def _carried(year: int, planned: int, lang: str, *, until: int | None = None) -> str:
    years = str(year) if until is None or until == year else f"{year}–{until}"
    return translate(
        N_("The cost plan of {planned} is carried forward unchanged to {years}."), check_lang(lang)
    ).format(planned=planned, years=years)


def _town(agreement: Agreement, name: str, arguments: argparse.Namespace, what: str) -> Party:
    """The town ``name`` names, or an error with the closest names (C1)."""
    from kim_cooperation._suggestions import party_named  # noqa: PLC0415

    return party_named(agreement, name, what=what)
