"""Parties to the agreement (C1): towns and municipalities with their official key.

A party ("Vertragspartei") is a municipality identified by its official
municipality key (AGS, "Amtlicher Gemeindeschlüssel", 8 digits). Parties are
ordered by AGS, which is also the last tie-breaker when cents are split
(interpretation choice I2).

Examples:
    >>> from kim_cooperation import Party, PartyKind
    >>> coesfeld = Party(name="Coesfeld", kind=PartyKind.STADT, ags="05558012")
    >>> coesfeld.title
    'Stadt Coesfeld'
    >>> billerbeck = Party(name="Billerbeck", kind="Stadt", ags="05558008")
    >>> sorted([coesfeld, billerbeck])[0].name
    'Billerbeck'
    >>> Party(name="Dülmen", kind="Stadt", ags="05558016").matches("Duelmen")
    True

Names are stored in Unicode NFC and must be visible: a name with a
zero-width space, a bidirectional control or another invisible or control
character is refused (`kim_cooperation._checks.check_name`).
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Mapping
from typing import Final

import attrs

from kim_cooperation._checks import Choice, check_name, shown
from kim_cooperation._confusables import skeleton
from kim_cooperation.errors import InvalidTypeError, InvalidValueError
from kim_cooperation.i18n import N_

__all__ = ["Party", "PartyKind", "fold_name", "validate_ags"]

_AGS_LENGTH: Final = 8
_LAST_LAND: Final = 16
_TRANSLITERATION: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


class PartyKind(Choice):
    """The kind of municipality: a town ("Stadt") or a municipality ("Gemeinde").

    Examples:
        >>> from kim_cooperation import presets
        >>> PartyKind("Gemeinde")
        <PartyKind.GEMEINDE: 'Gemeinde'>
        >>> [party.name for party in presets.coesfeld().parties if party.kind is PartyKind.STADT]
        ['Billerbeck', 'Coesfeld', 'Dülmen', 'Lüdinghausen', 'Olfen']
    """

    STADT = "Stadt"
    GEMEINDE = "Gemeinde"


def validate_ags(ags: object) -> str:
    """Check an official municipality key (AGS) and return it.

    An AGS has exactly eight ASCII digits: two for the Land (``01`` to ``16``),
    one for the administrative district, two for the Kreis and three for the
    municipality. Coesfeld's is ``05558012``.

    Args:
        ags: The key, as a string (an `int` would lose the leading zero).

    Returns:
        The key, as a plain string.

    Raises:
        InvalidTypeError: ``ags`` is not a string.
        InvalidValueError: ``ags`` is not eight digits or names no Land.

    Examples:
        >>> validate_ags("05558012")
        '05558012'
        >>> validate_ags("5558012")
        Traceback (most recent call last):
        ...
        kim_cooperation.errors.InvalidValueError: AGS must be 8 digits (Land, Regierungsbezirk, Kreis, Gemeinde) like '05558012', got '5558012' (7 characters)
    """
    if not isinstance(ags, str):
        raise InvalidTypeError(
            f"AGS must be a str of 8 digits like '05558012', got {type(ags).__name__} {shown(ags)}"
        )
    ags = str.__str__(ags)  # the characters, without a subclass's methods
    if len(ags) != _AGS_LENGTH or not (ags.isascii() and ags.isdigit()):
        raise InvalidValueError(
            N_(
                "AGS must be 8 digits (Land, Regierungsbezirk, Kreis, Gemeinde) "
                "like '05558012', got {value} ({length} character)"
            )
            if len(ags) == 1
            else N_(
                "AGS must be 8 digits (Land, Regierungsbezirk, Kreis, Gemeinde) "
                "like '05558012', got {value} ({length} characters)"
            ),
            value=shown(ags),
            length=len(ags),
        )
    if not 1 <= int(ags[:2]) <= _LAST_LAND:
        raise InvalidValueError(
            N_("AGS must begin with a Land code from 01 to 16, got {value} (Land {land})"),
            value=shown(ags),
            land=ags[:2],
        )
    return ags


def fold_name(name: str) -> frozenset[str]:
    r"""Return the forms under which a name is found in look-ups.

    Look-ups ignore case, whether umlauts are composed (``"ü"``, NFC) or
    written with a combining mark (``"u\u0308"``, NFD), and accept umlauts
    written out (``Duelmen``) or dropped (``Dulmen``, as in OCR'd text), and
    ``ß`` as ``ss``; so both forms are returned.

    Examples:
        >>> sorted(fold_name("Lüdinghausen"))
        ['ludinghausen', 'luedinghausen']
        >>> fold_name("Du\u0308lmen") == fold_name("Dülmen"), sorted(fold_name("Straße"))
        (True, ['strasse'])
    """
    if not isinstance(name, str):
        raise InvalidTypeError(f"a name must be a str, got {type(name).__name__} {shown(name)}")
    name = str.__str__(name)  # the characters, without a subclass's methods
    if not name.isascii():
        # Composed first, so that a decomposed umlaut is written out as one.
        name = unicodedata.normalize("NFC", name)
    folded = " ".join(name.split()).casefold()
    if not folded.isascii():
        # Case folding can decompose again (a capital İ folds to i and a dot).
        folded = unicodedata.normalize("NFC", folded)
    transliterated = folded.translate(_TRANSLITERATION)
    stripped = "".join(
        char for char in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(char)
    )
    return frozenset({transliterated, stripped.replace("ß", "ss")})


def _kind(value: PartyKind | str) -> PartyKind:
    if isinstance(value, PartyKind):
        return value
    if isinstance(value, str):
        try:
            return PartyKind(str.__str__(value))
        except ValueError:
            pass
        raise InvalidValueError(
            N_("party kind must be one of {kinds}, got {value}"),
            kinds=[kind.value for kind in PartyKind],
            value=shown(value),
        )
    raise InvalidTypeError(
        f"party kind must be a PartyKind or str, got {type(value).__name__} {shown(value)}"
    )


def _name(value: str) -> str:
    return check_name(value, what=N_("party name"))


# The hash is cached: parties are the keys of every split and billing mapping.
@attrs.frozen(kw_only=True, order=True, cache_hash=True)
class Party:
    """A party to the agreement (C1): a Stadt or Gemeinde with its AGS.

    Parties compare equal when all fields are equal and are *ordered* by AGS
    alone.

    Attributes:
        name: The municipality's name with umlauts, e.g. ``"Dülmen"``.
        kind: `PartyKind.STADT` or `PartyKind.GEMEINDE` (a string is accepted).
        ags: The official municipality key, 8 digits, e.g. ``"05558016"``.

    Examples:
        >>> olfen = Party(name="Olfen", kind="Stadt", ags="05558036")
        >>> olfen.kind, olfen.title
        (<PartyKind.STADT: 'Stadt'>, 'Stadt Olfen')
        >>> from kim_cooperation import presets
        >>> presets.coesfeld().party("Olfen") == olfen
        True
        >>> senden = Party(name="Senden", kind="Gemeinde", ags="05558044")
        >>> [party.name for party in sorted([senden, olfen])]
        ['Olfen', 'Senden']
    """

    name: str = attrs.field(converter=_name, order=False)
    kind: PartyKind = attrs.field(converter=_kind, order=False)
    ags: str = attrs.field(converter=validate_ags)

    @functools.cached_property
    def name_forms(self) -> frozenset[str]:
        """The forms under which the party is found by name, `fold_name` of its name.

        Computed once per party: agreements look parties up by name often.

        Examples:
            >>> sorted(Party(name="Dülmen", kind="Stadt", ags="05558016").name_forms)
            ['duelmen', 'dulmen']
        """
        return fold_name(self.name)

    @functools.cached_property
    def name_skeleton(self) -> str:
        r"""The UTS #39 skeleton of the name: parties whose skeletons are equal look alike (C1).

        An agreement refuses two such parties (`kim_cooperation.Agreement`).

        Examples:
            >>> coesfeld = Party(name="Coesfeld", kind="Stadt", ags="05558012")
            >>> lookalike = Party(name="C\u043eesfeld", kind="Stadt", ags="05558099")  # Cyrillic o
            >>> coesfeld.name_skeleton == lookalike.name_skeleton, coesfeld.name == lookalike.name
            (True, False)
        """
        return skeleton(self.name)

    @property
    def title(self) -> str:
        """The official style, kind and name: ``"Gemeinde Ascheberg"``."""
        return f"{self.kind.value} {self.name}"

    def matches(self, key: str) -> bool:
        """Tell whether ``key`` names this party, by AGS or by name.

        Names match ignoring case, with umlauts written out or dropped.

        Examples:
            >>> party = Party(name="Lüdinghausen", kind="Stadt", ags="05558024")
            >>> [party.matches(key) for key in ("05558024", "LUDINGHAUSEN", "Olfen")]
            [True, True, False]
        """
        if not isinstance(key, str):
            raise InvalidTypeError(
                f"a party is looked up by its AGS or name as a str, got {type(key).__name__} {shown(key)}"
            )
        key = str.__str__(key)  # the characters, without a subclass's methods
        return key == self.ags or not fold_name(key).isdisjoint(self.name_forms)

    def __str__(self) -> str:
        return self.name


def _find_party(
    key: str,
    *,
    by_name: Mapping[str, Party],
    by_form: Mapping[str, Party],
    by_ags: Mapping[str, Party],
) -> Party | None:
    """Return the party ``key`` names, by name, folded name or AGS, or ``None`` (C1).

    The one rule by which the agreement and its file reader resolve a town:
    the name as written first (folding takes longer), else any folded form
    of it (`fold_name`); the AGS as well. Where a key is one party's name and
    another's AGS, the party with the lower AGS is taken.

    Args:
        key: A name or an AGS.
        by_name: The parties by name as written.
        by_form: The parties by each form of `Party.name_forms`.
        by_ags: The parties by AGS.

    Examples:
        >>> duelmen = Party(name="Dülmen", kind="Stadt", ags="05558016")
        >>> tables = {"by_name": {"Dülmen": duelmen},
        ...           "by_form": dict.fromkeys(duelmen.name_forms, duelmen),
        ...           "by_ags": {duelmen.ags: duelmen}}
        >>> [_find_party(key, **tables) is duelmen for key in ("Duelmen", "05558016", "Olfen")]
        [True, True, False]
    """
    named = by_name.get(key)
    found: list[Party | None] = (
        [named] if named is not None else [by_form.get(form) for form in fold_name(key)]
    )
    found.append(by_ags.get(key))
    parties = [party for party in found if party is not None]
    return min(parties) if parties else None
