"""Names typed by people: the town meant, or the closest names as a suggestion (C1, C2).

The command line and the scenario files name towns. A name the agreement
does not know is refused with the closest names ("did you mean Rosendahl?")
instead of the list of every party; a region's name typed where a town is
needed is refused with the region's towns. Names are compared in their
folded forms (case, umlauts written out or dropped, as look-ups match them),
so ``"Dulmenn"`` is close to ``Dülmen``. The messages are in the chosen
language.

Examples:
    >>> from kim_cooperation import presets
    >>> from kim_cooperation._suggestions import closest, party_named
    >>> closest("Rosendal", ["Billerbeck", "Rosendahl", "Senden"])
    ['Rosendahl']
    >>> party_named(presets.coesfeld(), "Duelmen", lang="en").name
    'Dülmen'
    >>> party_named(presets.coesfeld(), "Rosendal", lang="en", what="--party")
    Traceback (most recent call last):
    ...
    kim_cooperation.errors.UnknownPartyError: --party 'Rosendal' is not a party to the agreement
    'Kooperationsvereinbarung Kommunales Case-Management in den kreisangehörigen Kommunen des
    Kreises Coesfeld'; did you mean Rosendahl? (C1)
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from typing import Final

from kim_cooperation.agreement import Agreement
from kim_cooperation.errors import KimCooperationError, UnknownPartyError, UnknownRegionError
from kim_cooperation.formatting import Lang
from kim_cooperation.party import Party, fold_name

__all__ = ["closest", "party_named", "successor_needed"]

_CUTOFF: Final = 0.6  # difflib's default: "Rosendal" ~ "Rosendahl", "Münster" !~ any town
_SHOWN: Final = 3

_TEXT: Final = {
    "de": {
        "unknown": "{subject} ist keine Kommune der Vereinbarung „{agreement}“",
        "did_you_mean": "meinten Sie {names}?",
        "parties": "Kommunen sind {names}",
        "region": (
            "{subject} ist eine Region der Vereinbarung, keine Kommune; ihre Kommunen sind {names}"
        ),
        "close_region": "meinten Sie die Region {region}? Gefragt ist eine Kommune: {names}",
        "or": "oder",
        "and": "und",
        "successor": (
            "{party} ist Anstellungskörperschaft der Region {region} und scheidet am {ends} "
            "aus, während {staying} bleiben; die Vereinbarung sagt nicht, wer die Fallmanager "
            "dann anstellt. Nennen Sie die Nachfolgerin: {how} (C3, C12, I8)"
        ),
    },
    "en": {
        "unknown": "{subject} is not a party to the agreement '{agreement}'",
        "did_you_mean": "did you mean {names}?",
        "parties": "parties are {names}",
        "region": "{subject} is a region of the agreement, not a town; its towns are {names}",
        "close_region": "did you mean the region {region}? A town is needed: {names}",
        "or": "or",
        "and": "and",
        "successor": (
            "{party} is the employer of region {region} and leaves on {ends} while {staying} "
            "stay; the agreement does not say who employs the case managers then. Name the "
            "successor employer: {how} (C3, C12, I8)"
        ),
    },
}


def _joined(names: Sequence[str], word: str) -> str:
    if len(names) == 1:
        return names[0]
    return f"{', '.join(names[:-1])} {word} {names[-1]}"


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


def party_named(
    agreement: Agreement, name: str | Party, *, lang: Lang = "de", what: str | None = None
) -> Party:
    """Return the party ``name`` names, or refuse it with the closest names (C1).

    Args:
        agreement: The agreement whose parties are meant.
        name: A name in any spelling the agreement accepts, an AGS or a `Party`.
        lang: The language of the message.
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
    text = _TEXT[lang]
    subject = repr(name) if what is None else f"{what} {name!r}"
    towns = [party.name for party in agreement.parties]
    try:
        region = agreement.region(name)
    except UnknownRegionError:
        pass
    else:
        members = _joined([party.name for party in region.members], text["and"])
        raise UnknownPartyError(f"{text['region'].format(subject=subject, names=members)} (C2)")
    message = text["unknown"].format(subject=subject, agreement=agreement.name)
    suggested = closest(name, towns)
    regions = closest(name, [region.name for region in agreement.regions])
    if suggested:
        message += "; " + text["did_you_mean"].format(names=_joined(suggested, text["or"]))
    elif regions:
        region = agreement.region(regions[0])
        members = _joined([party.name for party in region.members], text["and"])
        message += "; " + text["close_region"].format(region=region.name, names=members)
        raise UnknownPartyError(f"{message} (C2)")
    else:
        message += "; " + text["parties"].format(names=", ".join(towns))
    raise UnknownPartyError(f"{message} (C1)")


def successor_needed(
    agreement: Agreement, party: Party, received: dt.date, *, lang: Lang, how: str
) -> str | None:
    """Say that ``party``, a region's employer, needs a successor to leave, and how to name one.

    For the notice of an employer whose region's other towns stay (C3, C12,
    I8): the message of `~kim_cooperation.errors.UndecidedCaseError` in the
    chosen language, with ``how`` to name the successor where the notice was
    given (an option, a key of a file). ``None`` if ``party`` employs no
    region's case managers or the day of leaving cannot be told.

    Examples:
        >>> import datetime as dt
        >>> from kim_cooperation import presets
        >>> agreement = presets.coesfeld()
        >>> print(successor_needed(agreement, agreement.party("Coesfeld"), dt.date(2024, 6, 28),
        ...                        lang="de", how="--successor KOMMUNE"))
        Coesfeld ist Anstellungskörperschaft der Region Nord und scheidet am 31.12.2025 aus,
        während Billerbeck, Havixbeck und Rosendahl bleiben; die Vereinbarung sagt nicht, wer
        die Fallmanager dann anstellt. Nennen Sie die Nachfolgerin: --successor KOMMUNE (C3, C12, I8)
    """
    from kim_cooperation.formatting import format_date  # noqa: PLC0415
    from kim_cooperation.notice import termination_date  # noqa: PLC0415

    regions = [region for region in agreement.regions if region.employer == party]
    if not regions:
        return None
    try:
        ends = termination_date(received, agreement.notice_terms)
    except KimCooperationError:
        return None
    text = _TEXT[lang]
    staying = [member.name for member in regions[0].members if member != party]
    return text["successor"].format(
        party=party.name,
        region=regions[0].name,
        ends=format_date(ends, lang=lang),
        staying=_joined(staying, text["and"]),
        how=how,
    )
