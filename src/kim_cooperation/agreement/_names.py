"""Names a reader can tell apart (C1, C2; Unicode confusables, UTS #39).

Two party or region names with equal skeletons look alike though written
with different characters (a Cyrillic o in "Coesfeld"); `_confusable`
words the message that refuses them. A party's name must not be, or look
like, another party's AGS either (`_check_names_against_ags`): look-ups
accept both, and would be ambiguous.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from kim_cooperation._checks import shown
from kim_cooperation._confusables import skeleton
from kim_cooperation.errors import AgreementError, Phrase
from kim_cooperation.i18n import N_
from kim_cooperation.party import Party


def _confusable(names: Phrase, first: str, second: str, clause: str) -> Phrase:
    """The message for two names that look alike but differ (UTS #39 skeletons, C1).

    ``names`` says whose names they are (``Phrase(N_("party names"))``).
    Where the names differ in one character only, the message names both.
    """
    differing = [(a, b) for a, b in zip(first, second, strict=False) if a != b]
    if len(first) == len(second) and len(differing) == 1:
        ((a, b),) = differing
        return Phrase(
            N_(
                "{names} {first} and {second} look alike but are written with different "
                "characters: {which}; a reader could not tell them apart, so look-ups and bills "
                "could name the wrong town. Write each name in plain letters of one script "
                "({clause}, Unicode confusables, UTS #39)"
            ),
            names=names,
            first=shown(first),
            second=shown(second),
            which=Phrase(
                N_("{first} (U+{first_code}) and {second} (U+{second_code})"),
                first=shown(a),
                first_code=f"{ord(a):04X}",
                second=shown(b),
                second_code=f"{ord(b):04X}",
            ),
            clause=clause,
        )
    return Phrase(
        N_(
            "{names} {first} and {second} look alike but are written with different "
            "characters; a reader could not tell them apart, so look-ups and bills could name "
            "the wrong town. Write each name in plain letters of one script "
            "({clause}, Unicode confusables, UTS #39)"
        ),
        names=names,
        first=shown(first),
        second=shown(second),
        clause=clause,
    )


_AGS_SKELETON_CHARACTERS: Final = frozenset(skeleton("0123456789"))
"""What the skeleton of an AGS is made of: a name whose skeleton is not cannot look like one."""


def _check_names_against_ags(parties: tuple[Party, ...], by_ags: Mapping[str, Party]) -> None:
    """Refuse a party name that is, or looks like, another party's AGS (C1).

    Look-ups accept a name or an AGS; a name that is another party's key
    would make them ambiguous.
    """
    ags_skeletons: dict[str, Party] | None = None
    for party in parties:
        key = party.name_skeleton
        if len(key) != len(party.ags) or not _AGS_SKELETON_CHARACTERS.issuperset(key):
            continue
        if ags_skeletons is None:
            ags_skeletons = {skeleton(ags): holder for ags, holder in by_ags.items()}
        holder = by_ags.get(party.name) or ags_skeletons.get(key)
        if holder is not None and holder is not party:
            raise AgreementError(
                N_(
                    "the name {name} of party {ags} is, or looks like, the AGS of {holder} "
                    "({holder_ags}); a look-up by it could find either. Give the party its "
                    "town's name (C1)"
                ),
                name=shown(party.name),
                ags=party.ags,
                holder=holder.name,
                holder_ags=holder.ags,
            )
