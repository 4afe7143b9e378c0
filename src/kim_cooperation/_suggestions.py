"""Names typed by people: the town meant, or the closest names as a suggestion (C1, C2).

The command line and the scenario files name towns. A name the agreement
does not know is refused with the closest names ("did you mean Rosendahl?")
instead of the list of every party; a region's name typed where a town is
needed is refused with the region's towns. Names are compared in their
folded forms (case, umlauts written out or dropped, as look-ups match them),
so ``"Dulmenn"`` is close to ``Dülmen``. The messages are catalogue texts
(`kim_cooperation.errors.Phrase`): English as ``str``, German with
``describe("de")``.

Examples:
    >>> from kim_cooperation import presets
    >>> from kim_cooperation._suggestions import closest, party_named
    >>> closest("Rosendal", ["Billerbeck", "Rosendahl", "Senden"])
    ['Rosendahl']
    >>> party_named(presets.coesfeld(), "Duelmen").name
    'Dülmen'
    >>> party_named(presets.coesfeld(), "Rosendal", what="--party")
    Traceback (most recent call last):
    ...
    kim_cooperation.errors.UnknownPartyError: --party 'Rosendal' is not a party to the agreement
    'Kooperationsvereinbarung Kommunales Case-Management in den kreisangehörigen Kommunen des
    Kreises Coesfeld'; did you mean Rosendahl? (C1)
    >>> try:
    ...     party_named(presets.coesfeld(), "Rosendal", what="--party")
    ... except KeyError as error:
    ...     print(error.describe("de"))
    --party 'Rosendal' ist keine Kommune der Vereinbarung „Kooperationsvereinbarung Kommunales
    Case-Management in den kreisangehörigen Kommunen des Kreises Coesfeld“; meinten Sie
    Rosendahl? (C1)
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from typing import Final

from kim_cooperation.agreement import Agreement
from kim_cooperation.errors import (
    KimCooperationError,
    Phrase,
    UnknownPartyError,
    UnknownRegionError,
)
from kim_cooperation.i18n import N_
from kim_cooperation.party import Party, fold_name

__all__ = ["closest", "party_named", "successor_needed"]

_CUTOFF: Final = 0.6  # difflib's default: "Rosendal" ~ "Rosendahl", "Münster" !~ any town
_SHOWN: Final = 3


def _either(names: Sequence[str]) -> str | Phrase:
    """``names`` as alternatives: ``"A, B or C"`` in the language of the message."""
    if len(names) == 1:
        return names[0]
    return Phrase(N_("{names} or {last}"), names=", ".join(names[:-1]), last=names[-1])


def _all(names: Sequence[str]) -> str | Phrase:
    """``names`` all together: ``"A, B and C"`` in the language of the message."""
    if len(names) == 1:
        return names[0]
    return Phrase(N_("{names} and {last}"), names=", ".join(names[:-1]), last=names[-1])


def closest(name: str, candidates: Iterable[str]) -> list[str]:
    """Return up to three of ``candidates`` closest to ``name``, the closest first.

    Compared in folded forms (`kim_cooperation.party.fold_name`), so case and
    the spelling of umlauts do not count against a name.

    Examples:
        >>> closest("dulmenn", ["Dülmen", "Olfen"]), closest("Münster", ["Dülmen", "Olfen"])
        (['Dülmen'], [])
    """
    forms: dict[str, str] = {}
    for candidate in candidates:
        for form in sorted(fold_name(candidate)):
            forms.setdefault(form, candidate)
    ranked: list[tuple[float, str]] = []
    for typed in sorted(fold_name(name)):
        for form in difflib.get_close_matches(typed, list(forms), n=_SHOWN, cutoff=_CUTOFF):
            ranked.append((difflib.SequenceMatcher(None, typed, form).ratio(), forms[form]))
    found: list[str] = []
    for _, candidate in sorted(ranked, key=lambda item: -item[0]):
        if candidate not in found:
            found.append(candidate)
    return found[:_SHOWN]


def party_named(agreement: Agreement, name: str | Party, *, what: str | None = None) -> Party:
    """Return the party ``name`` names, or refuse it with the closest names (C1).

    Args:
        agreement: The agreement whose parties are meant.
        name: A name in any spelling the agreement accepts, an AGS or a `Party`.
        what: How to name the value in the message, such as ``"--party"``.

    Raises:
        UnknownPartyError: No party has that name. The message suggests the
            closest towns, or a region's towns if a region is named (C2),
            or lists every party when nothing is close.
    """
    try:
        return agreement.party(name)
    except UnknownPartyError:
        if not isinstance(name, str):
            raise
    subject = repr(name) if what is None else f"{what} {name!r}"
    towns = [party.name for party in agreement.parties]
    try:
        region = agreement.region(name)
    except UnknownRegionError:
        pass
    else:
        raise UnknownPartyError(
            N_("{subject} is a region of the agreement, not a town; its towns are {names} (C2)"),
            subject=subject,
            names=_all([party.name for party in region.members]),
        )
    suggested = closest(name, towns)
    regions = closest(name, [region.name for region in agreement.regions])
    if suggested:
        raise UnknownPartyError(
            N_(
                "{subject} is not a party to the agreement '{agreement}'; did you mean "
                "{names}? (C1)"
            ),
            subject=subject,
            agreement=agreement.name,
            names=_either(suggested),
        )
    if regions:
        region = agreement.region(regions[0])
        raise UnknownPartyError(
            N_(
                "{subject} is not a party to the agreement '{agreement}'; did you mean the "
                "region {region}? A town is needed: {names} (C2)"
            ),
            subject=subject,
            agreement=agreement.name,
            region=region.name,
            names=_all([party.name for party in region.members]),
        )
    raise UnknownPartyError(
        N_("{subject} is not a party to the agreement '{agreement}'; parties are {names} (C1)"),
        subject=subject,
        agreement=agreement.name,
        names=", ".join(towns),
    )


def successor_needed(
    agreement: Agreement, party: Party, received: dt.date, *, how: str | Phrase
) -> Phrase | None:
    """Say that ``party``, a region's employer, needs a successor to leave, and how to name one.

    For the notice of an employer whose region's other towns stay (C3, C12,
    I8): the message of `~kim_cooperation.errors.UndecidedCaseError`, with
    ``how`` to name the successor where the notice was given (an option, a
    key of a file; a `~kim_cooperation.errors.Phrase` if it has words to
    translate). ``None`` if ``party`` employs no region's case managers or
    the day of leaving cannot be told.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld()
        >>> message = successor_needed(agreement, agreement.party("Coesfeld"), dt.date(2024, 6, 28),
        ...                            how="--successor KOMMUNE")
        >>> print(message.describe("de"))
        Coesfeld ist Anstellungskörperschaft der Region Nord und scheidet am 31.12.2025 aus,
        während Billerbeck, Havixbeck und Rosendahl bleiben; die Vereinbarung sagt nicht, wer
        die Fallmanager dann anstellt. Nennen Sie die Nachfolgerin: --successor KOMMUNE (C3, C12, I8)
        >>> print(message)
        Coesfeld is the employer of region Nord and leaves on 2025-12-31 while Billerbeck,
        Havixbeck and Rosendahl stay; the agreement does not say who employs the case managers
        then. Name the successor employer: --successor KOMMUNE (C3, C12, I8)
    """
    from kim_cooperation.notice import termination_date  # noqa: PLC0415

    regions = [region for region in agreement.regions if region.employer == party]
    if not regions:
        return None
    try:
        ends = termination_date(received, agreement.notice_terms)
    except KimCooperationError:
        return None
    staying = [member.name for member in regions[0].members if member != party]
    return Phrase(
        N_(
            "{party} is the employer of region {region} and leaves on {ends} while {staying} "
            "stays; the agreement does not say who employs the case managers then. Name the "
            "successor employer: {how} (C3, C12, I8)"
        )
        if len(staying) == 1
        else N_(
            "{party} is the employer of region {region} and leaves on {ends} while {staying} "
            "stay; the agreement does not say who employs the case managers then. Name the "
            "successor employer: {how} (C3, C12, I8)"
        ),
        party=party.name,
        region=regions[0].name,
        ends=ends,
        staying=_all(staying),
        how=how,
    )
