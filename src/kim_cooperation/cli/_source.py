"""What a command works on: the agreement ``--agreement`` names, its cost plans, its towns.

`_source` reads a built-in agreement (``coesfeld``, ``example``) or an
agreement file into a `kim_cooperation.sources.Source`, whose ``plan_for``
gives a year's cost plan, the latest earlier one carried forward if the
year has none (`_carried` words the note). `_town` finds the town an option names, or
refuses it with the closest names (C1).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeAlias

from kim_cooperation import sources
from kim_cooperation._checks import check_lang
from kim_cooperation.i18n import N_

if TYPE_CHECKING:
    from kim_cooperation.agreement import Agreement
    from kim_cooperation.party import Party

BUILT_IN: Final = sources.BUILT_IN
"""The names ``--agreement`` takes for the built-in agreements."""

_Source: TypeAlias = sources.Source
"""The agreement and cost plans a command works on (`kim_cooperation.sources.Source`)."""


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
    built_in = _built_in(name)
    if built_in == "coesfeld":
        return sources.built_in("coesfeld", lang=check_lang(lang))
    if built_in == "example":
        return sources.built_in("example", lang=check_lang(lang))
    from kim_cooperation.files import load_agreement  # noqa: PLC0415

    return sources.from_file(load_agreement(Path(str(name))))


def _carried(year: int, planned: int, lang: str, *, until: int | None = None) -> str:
    return sources.carried_note(year, planned, check_lang(lang), until=until)


def _town(agreement: Agreement, name: str, arguments: argparse.Namespace, what: str) -> Party:
    """The town ``name`` names, or an error with the closest names (C1)."""
    from kim_cooperation._suggestions import party_named  # noqa: PLC0415

    return party_named(agreement, name, what=what)
